-- One place answers "which assignments of which scenario hold on a day": corridor.assignments_at(day), over the
-- assignment rows of V9 (kept in step with corridor.scenarios by triggers). Feature pages, tiles, route analyses
-- and download columns all read it, so they agree on the period rule: an assignment holds from valid_from to
-- valid_to, both days included, an absent end being open; no day given means today. It is a plain SQL function,
-- so PostgreSQL inlines it into the caller's query and a caller's conditions (scenario, part, target) reach the
-- index on the rows.
DROP FUNCTION corridor.assignments_at(jsonb, text, date);

CREATE FUNCTION corridor.assignments_at(at date)
RETURNS SETOF corridor.scenario_assignment
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT a.*
    FROM corridor.scenario_assignment a
   WHERE (a.valid_from IS NULL OR a.valid_from <= coalesce($1, current_date))
     AND (a.valid_to IS NULL OR a.valid_to >= coalesce($1, current_date))
$$;

-- Which collections carry a control regime under a scenario, and how their features meet the assignments: a
-- route through its segments' assignments (part 'segments', by route), a route segment through the assignment
-- for its route and country, a checkpoint through its own (part 'checkpoints'). Null: no regimes.
ALTER TABLE corridor.collection
  ADD COLUMN regimes text CHECK (regimes IN ('route', 'route-segment', 'checkpoint'));
UPDATE corridor.collection SET regimes = 'route' WHERE id = 'routes';
UPDATE corridor.collection SET regimes = 'route-segment' WHERE id = 'route-segments';
UPDATE corridor.collection SET regimes = 'checkpoint' WHERE id = 'checkpoints';
