package org.corridorgis.features;

import org.springframework.stereotype.Component;

/**
 * Properties computed at request time for some collections. A route carries its checkpoints in order, each
 * with the controls met there, and its control regime under each scenario (or under the one named by
 * {@code scenario=}): what API clients come for, kept in the GeoJSON.
 */
@Component
class FeatureExtras {

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
}
