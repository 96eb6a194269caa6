package org.corridorgis.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.corridorgis.catalog.RegimeCarrier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Properties computed at request time for some collections. A route carries its checkpoints in order, each
 * with the controls met there, and its control regime under each scenario (or under the one named by
 * {@code scenario=}); a checkpoint carries its regime under each scenario. Regimes are those in force on the
 * {@code datetime} asked for (its last day for an interval), today without one: the state on that date.
 */
@Component
class FeatureExtras {

    private final JdbcClient jdbc;

    FeatureExtras(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A checkpoint's regime under every scenario on the day asked for: the one row of its regime periods that holds
     * the day (corridor.checkpoint_regime_periods, migration V14), whose regimes are the objects of the assignments
     * in force then (corridor.assignments_at, see {@link org.corridorgis.scenario.Scenarios}), by scenario. A page
     * reads one stored JSON array per checkpoint instead of gathering and aggregating its assignment rows.
     */
    private static final String CHECKPOINT_REGIMES = """
            coalesce((select p.regimes from corridor.checkpoint_regime_periods p
                       where p.target_id = %s and p.during @> coalesce(cast(:at as date), current_date)), '[]'::json)""";

    /**
     * A checkpoint's regime under the one scenario named, on the day asked for: its assignments in force that day,
     * found by index. Each assignment row keeps the object a page shows, its control regime's controls included
     * (migration V13).
     */
    private static final String CHECKPOINT_REGIMES_OF_SCENARIO = """
            (select coalesce(json_agg(a.controls order by a.n), '[]'::json)
               from corridor.assignments_at(cast(:at as date)) a
              where a.part = 'checkpoints' and a.target_id = %s and a.scenario_id = :scenario)""";

    private static final String ROUTE_EXTRAS = """
            'regimes_at', coalesce(cast(:at as date), current_date),
            'checkpoint_details', (
              select coalesce(json_agg(json_build_object(
                       'id', c.id, 'name', c.name, 'states', c.states, 'kind', c.kind, 'status', c.status,
                       'controls', %s)
                     order by o.n), '[]'::json)
                from unnest(t.checkpoints) with ordinality o(checkpoint_id, n)
                join corridor.checkpoints c on c.id = o.checkpoint_id),
            'scenario_regimes', (
              select coalesce(json_agg(json_build_object(
                       'scenario', s.id, 'name', s.name, 'open', g.open, 'segments', g.segments) order by s.id), '[]'::json)
                from corridor.scenarios s
                cross join lateral (
                  select coalesce(bool_and(a.open), false) as open,
                         coalesce(json_agg(a.controls order by a.n), '[]'::json) as segments
                    from corridor.assignments_at(cast(:at as date)) a
                   where a.scenario_id = s.id and a.part = 'segments' and a.target_id = t.id) g%s)""";
    private static final String ROUTE_EXTRAS_ALL = ROUTE_EXTRAS.formatted(CHECKPOINT_REGIMES.formatted("c.id"), "");
    private static final String ROUTE_EXTRAS_OF_SCENARIO =
            ROUTE_EXTRAS.formatted(CHECKPOINT_REGIMES_OF_SCENARIO.formatted("c.id"), " where s.id = :scenario");

    private static final String CHECKPOINT_EXTRAS = """
            'regimes_at', coalesce(cast(:at as date), current_date),
            'scenario_regimes', %s""";
    private static final String CHECKPOINT_EXTRAS_ALL = CHECKPOINT_EXTRAS.formatted(CHECKPOINT_REGIMES.formatted("t.id"));
    private static final String CHECKPOINT_EXTRAS_OF_SCENARIO =
            CHECKPOINT_EXTRAS.formatted(CHECKPOINT_REGIMES_OF_SCENARIO.formatted("t.id"));

    Sql properties(ItemsQuery query) {
        String s = query.scenario();
        LocalDate at = query.datetime() == null ? null : query.datetime().stateDay();
        RegimeCarrier regimes = query.collection().regimesOnFeaturePages() ? query.collection().regimes() : null;
        if (regimes == RegimeCarrier.ROUTE) {
            return s == null ? new Sql().append(ROUTE_EXTRAS_ALL, "at", at)
                    : new Sql().append(ROUTE_EXTRAS_OF_SCENARIO, "at", at, "scenario", s);
        }
        // a client that chose the properties gets a checkpoint's regimes only when it names a scenario
        if (regimes == RegimeCarrier.CHECKPOINT && s != null) {
            return new Sql().append(CHECKPOINT_EXTRAS_OF_SCENARIO, "at", at, "scenario", s);
        }
        if (regimes == RegimeCarrier.CHECKPOINT && allProperties(query)) {
            return new Sql().append(CHECKPOINT_EXTRAS_ALL, "at", at);
        }
        return new Sql();
    }

    private static boolean allProperties(ItemsQuery query) {
        long stored = query.collection().properties().stream()
                .filter(p -> p.type() != org.corridorgis.filter.QueryableType.GEOMETRY).count();
        return query.properties().size() == stored;
    }

    private static final String SEGMENT_REGIME = """
            (select string_agg(a.regime, ', ' order by a.regime)
               from corridor.assignments_at(cast(:at as date)) a
              where a.scenario_id = :scenario and a.part = 'segments' and a.target_id = t.id and a.country = :country)""";
    private static final String ROUTE_OPEN = """
            coalesce((select bool_and(a.open)
                        from corridor.assignments_at(cast(:at as date)) a
                       where a.scenario_id = :scenario and a.part = 'segments' and a.target_id = t.id), false)""";
    private static final String CHECKPOINT_OPEN = """
            (select bool_and(a.open)
               from corridor.assignments_at(cast(:at as date)) a
              where a.scenario_id = :scenario and a.part = 'checkpoints' and a.target_id = t.id)""";
    private static final String CHECKPOINT_REGIME = """
            (select string_agg(a.regime, ', ' order by a.regime)
               from corridor.assignments_at(cast(:at as date)) a
              where a.scenario_id = :scenario and a.part = 'checkpoints' and a.target_id = t.id)""";

    /**
     * For files, where a cell holds one value: each scenario's regimes in force on the query's day (its
     * {@code datetime}, default today, as for {@code regimes_at}) as columns of their own. A route gets
     * {@code open_<scenario>} and {@code regime_<country>_<scenario>} for each country its segments cross
     * under that scenario on that day; a checkpoint {@code regime_<scenario>} and {@code open_<scenario>}. Only
     * the scenario named by {@code scenario=}, when there is one. The column names come from the stored scenarios.
     */
    List<ItemsSql.FlatColumn> flatColumns(ItemsQuery query) {
        List<ItemsSql.FlatColumn> columns = new ArrayList<>();
        if (!query.collection().regimesOnFeaturePages()) {
            return columns;
        }
        boolean route = query.collection().regimes() == RegimeCarrier.ROUTE;
        LocalDate at = query.datetime() == null ? null : query.datetime().stateDay();
        // every scenario with the countries its route segments name on that day, in one statement
        Map<String, List<String>> countriesByScenario = new LinkedHashMap<>();
        jdbc.sql("""
                select s.id, c.country
                  from corridor.scenarios s
                  left join lateral (
                        select distinct a.country
                          from corridor.assignments_at(cast(:at as date)) a
                         where a.scenario_id = s.id and a.part = 'segments' and a.country is not null) c on true
                 where cast(:scenario as text) is null or s.id = :scenario
                 order by s.id, c.country""")
                .param("at", at).param("scenario", query.scenario())
                .query(rs -> {
                    List<String> countries = countriesByScenario.computeIfAbsent(rs.getString(1), id -> new ArrayList<>());
                    if (rs.getString(2) != null) {
                        countries.add(rs.getString(2));
                    }
                });
        for (var entry : countriesByScenario.entrySet()) {
            String scenario = entry.getKey();
            if (route) {
                columns.add(new ItemsSql.FlatColumn("open_" + scenario, new Sql().append(ROUTE_OPEN, "at", at, "scenario", scenario), DownloadColumn.Kind.BOOLEAN));
                for (String country : entry.getValue()) {
                    columns.add(new ItemsSql.FlatColumn("regime_" + country + "_" + scenario,
                            new Sql().append(SEGMENT_REGIME, "at", at, "scenario", scenario, "country", country), DownloadColumn.Kind.TEXT));
                }
            } else {
                columns.add(new ItemsSql.FlatColumn("regime_" + scenario,
                        new Sql().append(CHECKPOINT_REGIME, "at", at, "scenario", scenario), DownloadColumn.Kind.TEXT));
                columns.add(new ItemsSql.FlatColumn("open_" + scenario,
                        new Sql().append(CHECKPOINT_OPEN, "at", at, "scenario", scenario), DownloadColumn.Kind.BOOLEAN));
            }
        }
        return columns;
    }
}
