package org.corridorgis.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
            select v.*, %s as area_km2, k.known_from,
                   (v.claimed_by = 'ARM' and v.controlled_by = 'AZE' and v.since >= date '2020-11-10' and v.geom is not null) as headline
              from v
              cross join lateral (
                select coalesce(v.since, (select min(s.published) from corridor.sources s where s.id = any(v.sources))) as known_from) k
             where cast(:at as date) is null
                or (k.known_from <= :at
                    and (v.valid_from is null or v.valid_from <= :at) and (v.valid_to is null or v.valid_to > :at))
             order by v.since nulls last, v.id
            """.formatted(AREA_KM2.formatted("v.geom"));

    private final JdbcClient jdbc;

    TerritoryAccounting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Object> account(LocalDate at, OffsetDateTime recorded, Set<String> sourceIds) {
        List<Map<String, Object>> areas = jdbc.sql(ROWS).param("at", at).param("recorded", recorded).query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getString("id"));
            m.put("name", rs.getString("name"));
            m.put("kind", rs.getString("kind"));
            m.put("place", rs.getString("place"));
            m.put("claimed_by", rs.getString("claimed_by"));
            m.put("controlled_by", rs.getString("controlled_by"));
            m.put("since", rs.getString("since"));
            m.put("episode", rs.getString("episode"));
            m.put("known_from", rs.getString("known_from"));
            m.put("area_km2", Sources.round(Sources.dbl(rs, "area_km2"), 3));
            m.put("cited_area_km2", Sources.dbl(rs, "cited_area_km2"));
            m.put("cited_figure", rs.getString("cited_figure"));
            m.put("has_geometry", rs.getObject("area_km2") != null);
            m.put("headline", rs.getBoolean("headline"));
            m.put("accuracy", rs.getString("accuracy"));
            m.put("sources", Sources.array(rs, "sources"));
            return m;
        }).list();
        for (Map<String, Object> a : areas) {
            @SuppressWarnings("unchecked")
            List<String> s = (List<String>) a.get("sources");
            sourceIds.addAll(s);
        }
        // totals in SQL over the same rows (grouping sets), so the figures are PostGIS's, not Java's
        String totalsSql = """
                with rows as (%s)
                select grouping(kind) = 0 as by_kind, grouping(controlled_by) = 0 as by_controller,
                       grouping(claimed_by) = 0 as by_claimant, grouping(episode) = 0 as by_episode, grouping(headline) = 0 as by_headline,
                       kind, controlled_by, claimed_by, episode, headline,
                       count(*) as areas, count(area_km2) as with_geometry,
                       sum(area_km2) as area_km2, sum(cited_area_km2) as cited_area_km2, array_agg(id order by id) as ids
                  from rows
                 group by grouping sets ((kind), (controlled_by), (claimed_by), (episode), (headline), ())
                """.formatted(ROWS.replaceFirst("(?s)\\s+order by v.since nulls last, v.id\\s*$", ""));
        Map<String, List<Map<String, Object>>> totals = new LinkedHashMap<>();
        totals.put("by_kind", new ArrayList<>());
        totals.put("by_controller", new ArrayList<>());
        totals.put("by_claimant", new ArrayList<>());
        totals.put("by_episode", new ArrayList<>());
        Map<String, Object> headline = new LinkedHashMap<>();
        Map<String, Object> all = new LinkedHashMap<>();
        jdbc.sql(totalsSql).param("at", at).param("recorded", recorded).query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("areas", rs.getInt("areas"));
            m.put("with_geometry", rs.getInt("with_geometry"));
            m.put("area_km2", Sources.round(Sources.dbl(rs, "area_km2"), 3));
            m.put("cited_area_km2", Sources.dbl(rs, "cited_area_km2"));
            m.put("ids", Sources.array(rs, "ids"));
            if (rs.getBoolean("by_kind")) {
                m.put("kind", rs.getString("kind"));
                totals.get("by_kind").add(0, m);
            } else if (rs.getBoolean("by_controller")) {
                m.put("controlled_by", rs.getString("controlled_by"));
                totals.get("by_controller").add(m);
            } else if (rs.getBoolean("by_claimant")) {
                m.put("claimed_by", rs.getString("claimed_by"));
                totals.get("by_claimant").add(m);
            } else if (rs.getBoolean("by_episode")) {
                m.put("episode", rs.getString("episode"));
                totals.get("by_episode").add(m);
            } else if (rs.getBoolean("by_headline")) {
                if (rs.getBoolean("headline")) {
                    headline.putAll(m);
                }
            } else {
                all.putAll(m);
            }
            return m;
        }).list();
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
        h.put("cited", jdbc.sql("""
                select party, stated_by, position, stated_on, sources from corridor.positions
                 where topic = 'territory' order by party, id""").query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("party", rs.getString("party"));
            m.put("stated_by", rs.getString("stated_by"));
            m.put("position", rs.getString("position"));
            m.put("stated_on", rs.getString("stated_on"));
            List<String> s = Sources.array(rs, "sources");
            m.put("sources", s);
            sourceIds.addAll(s);
            return m;
        }).list());
        body.put("headline", h);
        body.put("total", all);
        body.put("totals", totals);
        body.put("areas", areas);
        return body;
    }
}
