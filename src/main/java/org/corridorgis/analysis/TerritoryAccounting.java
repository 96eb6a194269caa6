package org.corridorgis.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Territory accounting. Two time axes, both optional:
 * <ul>
 * <li>{@code datetime} = valid time (what the ground looked like): an area counts when it is known by the date (its
 * {@code since}, or, when its start is unknown, the first publication among its sources: no area is counted before anyone
 * reported it; an area with neither is not counted at any given date) and the date lies in [valid_from, valid_to);</li>
 * <li>{@code recorded} = transaction time (what the database said then): the versions current at that instant, from
 * corridor.disputed_areas (recorded_at &lt;= t) and corridor.disputed_areas_history (recorded_at &lt;= t &lt; recorded_to).</li>
 * </ul>
 * Areas are always recomputed here from the geometry of the version used: ST_Area on geography, km².
 */
@Component
class TerritoryAccounting {

    static final String AREA_KM2 = "ST_Area(%s::geography) / 1e6";

    private static final String ROWS = """
            with v as (
              select id, geom, kind, name, place, claimed_by, controlled_by, since, episode, cited_area_km2, cited_figure,
                     sources, accuracy, valid_from, valid_to, recorded_at
                from corridor.disputed_areas where cast(:recorded as timestamptz) is null or recorded_at <= :recorded
              union all
              select id, geom, kind, name, place, claimed_by, controlled_by, since, episode, cited_area_km2, cited_figure,
                     sources, accuracy, valid_from, valid_to, recorded_at
                from corridor.disputed_areas_history
               where cast(:recorded as timestamptz) is not null and recorded_at <= :recorded and recorded_to > :recorded
            )
            select v.id, v.name, v.kind, v.place, v.claimed_by, v.controlled_by, v.since, v.episode, v.cited_area_km2,
                   v.cited_figure, v.sources, v.accuracy, %s as area_km2, k.known_from,
                   (v.claimed_by = 'ARM' and v.controlled_by = 'AZE' and v.since >= date '2020-11-10' and v.geom is not null) as headline
              from v
              cross join lateral (
                select coalesce(v.since, (select min(s.published) from corridor.sources s where s.id = any(v.sources))) as known_from) k
             where cast(:at as date) is null
                or (k.known_from <= :at
                    and (v.valid_from is null or v.valid_from <= :at) and (v.valid_to is null or v.valid_to > :at))
            """.formatted(AREA_KM2.formatted("v.geom"));

    /**
     * The whole accounting in one statement: the areas on the two time axes (each area once, with its geodesic area),
     * the totals over those same rows (grouping sets, so the figures are PostGIS's, not Java's; kinds listed from the
     * last to the first, the other groupings from the first), each side's stated
     * figure on the territory, and the citations of every source used. Each part is one JSON array.
     */
    private static final String ACCOUNT = """
            with area as materialized (%s
            ), total as (
              select grouping(kind) = 0 as by_kind, grouping(controlled_by) = 0 as by_controller,
                     grouping(claimed_by) = 0 as by_claimant, grouping(episode) = 0 as by_episode, grouping(headline) = 0 as by_headline,
                     kind, controlled_by, claimed_by, episode, headline,
                     count(*) as areas, count(area_km2) as with_geometry,
                     sum(area_km2) as area_km2, sum(cited_area_km2) as cited_area_km2, array_agg(id order by id) as ids
                from area
               group by grouping sets ((kind), (controlled_by), (claimed_by), (episode), (headline), ())
            ), stated as (
              select id, party, stated_by, position, stated_on, sources from corridor.positions where topic = 'territory'
            ), cited as (
              select unnest(sources) as id from area union select unnest(sources) from stated
            )
            select (select json_agg(a order by a.since nulls last, a.id) from area a) as areas,
                   (select json_agg(t order by t.kind desc, t.controlled_by, t.claimed_by, t.episode, t.headline) from total t) as totals,
                   (select json_agg(p order by p.party, p.id) from stated p) as stated,
                   (select json_agg(json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher, 'reference', s.reference)
                                    order by s.id)
                      from corridor.sources s where s.id in (select id from cited)) as sources
            """.formatted(ROWS);

    private final JdbcClient jdbc;

    TerritoryAccounting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }


    /** The accounting's answer; {@code sources}: the citations of every source it used. */
    Map<String, Object> account(LocalDate at, OffsetDateTime recorded) {
        return jdbc.sql(ACCOUNT).param("at", at).param("recorded", recorded).query((rs, n) -> answer(at, recorded, rs)).single();
    }

    private static Map<String, Object> answer(LocalDate at, OffsetDateTime recorded, java.sql.ResultSet rs) throws java.sql.SQLException {
        List<Map<String, Object>> areas = new ArrayList<>();
        for (JsonNode a : Sources.rows(rs, "areas")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Sources.text(a, "id"));
            m.put("name", Sources.text(a, "name"));
            m.put("kind", Sources.text(a, "kind"));
            m.put("place", Sources.text(a, "place"));
            m.put("claimed_by", Sources.text(a, "claimed_by"));
            m.put("controlled_by", Sources.text(a, "controlled_by"));
            m.put("since", Sources.text(a, "since"));
            m.put("episode", Sources.text(a, "episode"));
            m.put("known_from", Sources.text(a, "known_from"));
            m.put("area_km2", Sources.round(Sources.number(a, "area_km2"), 3));
            m.put("cited_area_km2", Sources.number(a, "cited_area_km2"));
            m.put("cited_figure", Sources.text(a, "cited_figure"));
            m.put("has_geometry", Sources.number(a, "area_km2") != null);
            m.put("headline", a.get("headline").asBoolean());
            m.put("accuracy", Sources.text(a, "accuracy"));
            m.put("sources", Sources.texts(a, "sources"));
            areas.add(m);
        }
        Map<String, List<Map<String, Object>>> totals = new LinkedHashMap<>();
        totals.put("by_kind", new ArrayList<>());
        totals.put("by_controller", new ArrayList<>());
        totals.put("by_claimant", new ArrayList<>());
        totals.put("by_episode", new ArrayList<>());
        Map<String, Object> headline = new LinkedHashMap<>();
        Map<String, Object> all = new LinkedHashMap<>();
        for (JsonNode t : Sources.rows(rs, "totals")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("areas", t.get("areas").asInt());
            m.put("with_geometry", t.get("with_geometry").asInt());
            m.put("area_km2", Sources.round(Sources.number(t, "area_km2"), 3));
            m.put("cited_area_km2", Sources.number(t, "cited_area_km2"));
            m.put("ids", Sources.texts(t, "ids"));
            if (t.get("by_kind").asBoolean()) {
                m.put("kind", Sources.text(t, "kind"));
                totals.get("by_kind").add(m);
            } else if (t.get("by_controller").asBoolean()) {
                m.put("controlled_by", Sources.text(t, "controlled_by"));
                totals.get("by_controller").add(m);
            } else if (t.get("by_claimant").asBoolean()) {
                m.put("claimed_by", Sources.text(t, "claimed_by"));
                totals.get("by_claimant").add(m);
            } else if (t.get("by_episode").asBoolean()) {
                m.put("episode", Sources.text(t, "episode"));
                totals.get("by_episode").add(m);
            } else if (t.get("by_headline").asBoolean()) {
                if (t.get("headline").asBoolean()) {
                    headline.putAll(m);
                }
            } else {
                all.putAll(m);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("datetime", at == null ? null : at.toString());
        time.put("recorded", recorded == null ? null : recorded.toString());
        time.put("axes", "datetime = valid time (since <= date and valid_from <= date < valid_to); recorded = transaction time "
                + "(versions from corridor.disputed_areas and corridor.disputed_areas_history current at that instant)");
        body.put("time", time);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("title", "Armenian-claimed territory under Azerbaijani control since 2020");
        h.put("definition", "claimed_by = 'ARM' AND controlled_by = 'AZE' AND since >= 2020-11-10 AND geom IS NOT NULL");
        h.put("area_km2", headline.getOrDefault("area_km2", 0.0));
        h.put("cited_area_km2", headline.get("cited_area_km2"));
        h.put("areas", headline.getOrDefault("areas", 0));
        h.put("ids", headline.getOrDefault("ids", List.of()));
        // each side's figure beside the computed total, as stated (positions on the territory, with their sources)
        List<Map<String, Object>> stated = new ArrayList<>();
        for (JsonNode p : Sources.rows(rs, "stated")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("party", Sources.text(p, "party"));
            m.put("stated_by", Sources.text(p, "stated_by"));
            m.put("position", Sources.text(p, "position"));
            m.put("stated_on", Sources.text(p, "stated_on"));
            m.put("sources", Sources.texts(p, "sources"));
            stated.add(m);
        }
        h.put("cited", stated);
        body.put("headline", h);
        body.put("total", all);
        body.put("totals", totals);
        body.put("areas", areas);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (JsonNode c : Sources.rows(rs, "sources")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Sources.text(c, "id"));
            m.put("title", Sources.text(c, "title"));
            m.put("publisher", Sources.text(c, "publisher"));
            m.put("reference", Sources.text(c, "reference"));
            sources.add(m);
        }
        body.put("sources", sources);
        return body;
    }
}
