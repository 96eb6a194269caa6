package org.corridorgis.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

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
    TerritoryReport account(LocalDate at, OffsetDateTime recorded) {
        return jdbc.sql(ACCOUNT).param("at", at).param("recorded", recorded).query((rs, n) -> report(at, recorded, rs)).single();
    }

    static final String TIME_AXES = "datetime = valid time (since <= date and valid_from <= date < valid_to); recorded = transaction time "
            + "(versions from corridor.disputed_areas and corridor.disputed_areas_history current at that instant)";
    static final String HEADLINE_TITLE = "Armenian-claimed territory under Azerbaijani control since 2020";
    static final String HEADLINE_DEFINITION = "claimed_by = 'ARM' AND controlled_by = 'AZE' AND since >= 2020-11-10 AND geom IS NOT NULL";

    private static TerritoryReport report(LocalDate at, OffsetDateTime recorded, java.sql.ResultSet rs) throws java.sql.SQLException {
        List<TerritoryReport.Area> areas = new ArrayList<>();
        for (JsonNode a : Sources.rows(rs, "areas")) {
            areas.add(new TerritoryReport.Area(Sources.text(a, "id"), Sources.text(a, "name"), Sources.text(a, "kind"),
                    Sources.text(a, "place"), Sources.text(a, "claimed_by"), Sources.text(a, "controlled_by"), Sources.text(a, "since"),
                    Sources.text(a, "episode"), Sources.text(a, "known_from"), Sources.round(Sources.number(a, "area_km2"), 3),
                    Sources.number(a, "cited_area_km2"), Sources.text(a, "cited_figure"), Sources.number(a, "area_km2") != null,
                    a.get("headline").asBoolean(), Sources.text(a, "accuracy"), Sources.texts(a, "sources")));
        }
        // One pass over the grouping-sets rows: each row is the total of one group of one grouping, of the headline
        // areas (or of the others), or of all areas (the empty grouping set, present even when no area counts).
        Map<TerritoryReport.Grouping, List<TerritoryReport.Total>> grouped = new EnumMap<>(TerritoryReport.Grouping.class);
        for (TerritoryReport.Grouping g : TerritoryReport.Grouping.values()) {
            grouped.put(g, new ArrayList<>());
        }
        TerritoryReport.Total headline = null, all = null;
        for (JsonNode t : Sources.rows(rs, "totals")) {
            TerritoryReport.Grouping grouping = null;
            for (TerritoryReport.Grouping g : TerritoryReport.Grouping.values()) {
                if (t.get(g.key).asBoolean()) {
                    grouping = g;
                    break;
                }
            }
            TerritoryReport.Total total = new TerritoryReport.Total(t.get("areas").asInt(), t.get("with_geometry").asInt(),
                    Sources.round(Sources.number(t, "area_km2"), 3), Sources.number(t, "cited_area_km2"), Sources.texts(t, "ids"),
                    grouping, grouping == null ? null : Sources.text(t, grouping.column));
            if (grouping != null) {
                grouped.get(grouping).add(total);
            } else if (t.get("by_headline").asBoolean()) {
                if (t.get("headline").asBoolean()) {
                    headline = total;
                }
            } else {
                all = total;
            }
        }
        if (all == null) {
            throw new IllegalStateException("the accounting statement gave no total over all areas (its empty grouping set)");
        }
        // each side's figure beside the computed total, as stated (positions on the territory, with their sources)
        List<TerritoryReport.Stated> stated = new ArrayList<>();
        for (JsonNode p : Sources.rows(rs, "stated")) {
            stated.add(new TerritoryReport.Stated(Sources.text(p, "party"), Sources.text(p, "stated_by"), Sources.text(p, "position"),
                    Sources.text(p, "stated_on"), Sources.texts(p, "sources")));
        }
        TerritoryReport.Headline h = headline == null
                ? new TerritoryReport.Headline(HEADLINE_TITLE, HEADLINE_DEFINITION, 0.0, null, 0, List.of(), stated)
                : new TerritoryReport.Headline(HEADLINE_TITLE, HEADLINE_DEFINITION, headline.areaKm2(), headline.citedAreaKm2(),
                        headline.areas(), headline.ids(), stated);
        TerritoryReport.Totals totals = new TerritoryReport.Totals(grouped.get(TerritoryReport.Grouping.KIND),
                grouped.get(TerritoryReport.Grouping.CONTROLLER), grouped.get(TerritoryReport.Grouping.CLAIMANT),
                grouped.get(TerritoryReport.Grouping.EPISODE));
        TerritoryReport.Time time = new TerritoryReport.Time(at == null ? null : at.toString(),
                recorded == null ? null : recorded.toString(), TIME_AXES);
        return new TerritoryReport(time, h, all, totals, areas, Citation.rows(rs, "sources"));
    }
}
