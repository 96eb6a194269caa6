package org.corridorgis.features;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Properties computed at request time for some collections. A route carries its checkpoints in order, each
 * with the controls met there, and its control regime under each scenario (or under the one named by
 * {@code scenario=}): what API clients come for, kept in the GeoJSON.
 */
@Component
class FeatureExtras {

    private final JdbcClient jdbc;

    FeatureExtras(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String ROUTE_EXTRAS = """
            'checkpoint_details', (
              select coalesce(json_agg(json_build_object(
                       'id', c.id, 'name', c.name, 'states', c.states, 'kind', c.kind, 'status', c.status,
                       'controls', (
                         select coalesce(json_agg(json_build_object(
                                  'scenario', s.id, 'regime', a->>'regime', 'open', (a->>'open')::boolean,
                                  'passport_control', r.passport_control, 'customs_control', r.customs_control,
                                  'border_control', r.border_control, 'operator', r.operator) order by s.id), '[]'::json)
                           from corridor.scenarios s
                           cross join lateral jsonb_array_elements(s.assignments->'checkpoints') a
                           left join corridor.control_regimes r on r.code = a->>'regime'
                          where a->>'checkpoint_id' = c.id and (cast(? as text) is null or s.id = ?)))
                     order by o.n), '[]'::json)
                from unnest(t.checkpoints) with ordinality o(checkpoint_id, n)
                join corridor.checkpoints c on c.id = o.checkpoint_id),
            'scenario_regimes', (
              select coalesce(json_agg(json_build_object(
                       'scenario', s.id, 'name', s.name,
                       'open', coalesce((select bool_and((a->>'open')::boolean)
                                           from jsonb_array_elements(s.assignments->'segments') a
                                          where a->>'route_id' = t.id), false),
                       'segments', (
                         select coalesce(json_agg(json_build_object(
                                  'country', a->>'country', 'regime', a->>'regime', 'open', (a->>'open')::boolean,
                                  'passport_control', r.passport_control, 'customs_control', r.customs_control,
                                  'border_control', r.border_control, 'operator', r.operator)), '[]'::json)
                           from jsonb_array_elements(s.assignments->'segments') a
                           left join corridor.control_regimes r on r.code = a->>'regime'
                          where a->>'route_id' = t.id)) order by s.id), '[]'::json)
                from corridor.scenarios s
               where cast(? as text) is null or s.id = ?)""";

    Sql properties(ItemsQuery query) {
        if (!query.collection().id().equals("routes")) {
            return new Sql();
        }
        String s = query.scenario();
        return new Sql().append(ROUTE_EXTRAS, s, s, s, s);
    }

    private static final String SEGMENT_REGIME = """
            (select string_agg(a->>'regime', ', ' order by a->>'regime')
               from corridor.scenarios s cross join lateral jsonb_array_elements(s.assignments->'segments') a
              where s.id = ? and a->>'route_id' = t.id and a->>'country' = ?)""";
    private static final String ROUTE_OPEN = """
            coalesce((select bool_and((a->>'open')::boolean)
                        from corridor.scenarios s cross join lateral jsonb_array_elements(s.assignments->'segments') a
                       where s.id = ? and a->>'route_id' = t.id), false)""";
    private static final String CHECKPOINT_OPEN = """
            (select bool_and((a->>'open')::boolean)
               from corridor.scenarios s cross join lateral jsonb_array_elements(s.assignments->'checkpoints') a
              where s.id = ? and a->>'checkpoint_id' = t.id)""";
    private static final String CHECKPOINT_REGIME = """
            (select string_agg(a->>'regime', ', ' order by a->>'regime')
               from corridor.scenarios s cross join lateral jsonb_array_elements(s.assignments->'checkpoints') a
              where s.id = ? and a->>'checkpoint_id' = t.id)""";

    /**
     * For files, where a cell holds one value: each scenario's regimes as columns of their own. A route gets
     * {@code open_<scenario>} and {@code regime_<country>_<scenario>} for each country its segments cross
     * under that scenario; a checkpoint {@code regime_<scenario>} and {@code open_<scenario>}. Only the scenario
     * named by {@code scenario=}, when there is one. The column names come from the stored scenarios.
     */
    List<ItemsSql.FlatColumn> flatColumns(ItemsQuery query) {
        String collection = query.collection().id();
        List<ItemsSql.FlatColumn> columns = new ArrayList<>();
        if (!collection.equals("routes") && !collection.equals("checkpoints")) {
            return columns;
        }
        List<String> scenarios = jdbc.sql("select id from corridor.scenarios where cast(? as text) is null or id = ? order by id")
                .param(query.scenario()).param(query.scenario()).query(String.class).list();
        for (String scenario : scenarios) {
            if (collection.equals("routes")) {
                columns.add(new ItemsSql.FlatColumn("open_" + scenario, new Sql().append(ROUTE_OPEN, scenario), DownloadColumn.Kind.BOOLEAN));
                List<String> countries = jdbc.sql("""
                        select distinct a->>'country' from corridor.scenarios s
                         cross join lateral jsonb_array_elements(s.assignments->'segments') a
                         where s.id = ? and a->>'country' is not null order by 1""").param(scenario).query(String.class).list();
                for (String country : countries) {
                    columns.add(new ItemsSql.FlatColumn("regime_" + country + "_" + scenario,
                            new Sql().append(SEGMENT_REGIME, scenario, country), DownloadColumn.Kind.TEXT));
                }
            } else {
                columns.add(new ItemsSql.FlatColumn("regime_" + scenario,
                        new Sql().append(CHECKPOINT_REGIME, scenario), DownloadColumn.Kind.TEXT));
                columns.add(new ItemsSql.FlatColumn("open_" + scenario,
                        new Sql().append(CHECKPOINT_OPEN, scenario), DownloadColumn.Kind.BOOLEAN));
            }
        }
        return columns;
    }
}
