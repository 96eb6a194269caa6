-- A scenario's assignments, one row each, beside the JSON they come from (corridor.scenarios.assignments stays
-- the record that is loaded, versioned and edited). A feature page gives every checkpoint and route the regime
-- it has under every scenario on a date; read from the JSON that meant unpacking every scenario's whole list for
-- every feature on the page. Here it is an index lookup per feature. Triggers keep the rows in step with the
-- scenarios in the same transaction as the change, so a reader never sees one without the other.
CREATE TABLE corridor.scenario_assignment (
  scenario_id text    NOT NULL,
  part        text    NOT NULL CHECK (part IN ('segments', 'checkpoints')),
  n           bigint  NOT NULL,   -- position in the scenario's list: the order of a route's segments
  target_id   text    NOT NULL,   -- the checkpoint (part checkpoints) or the route (part segments) it applies to
  country     text,               -- segments: the country the segment lies in
  regime      text,               -- a control regime's code
  open        boolean,
  basis       text,
  valid_from  date,               -- the period it holds (open-ended when null), as corridor.assignments_at reads it
  valid_to    date,
  PRIMARY KEY (scenario_id, part, n)
);
CREATE INDEX scenario_assignment_target ON corridor.scenario_assignment (part, target_id);

CREATE FUNCTION corridor.scenario_assignment_rows(scenario_id text, assignments jsonb)
RETURNS SETOF corridor.scenario_assignment
LANGUAGE sql IMMUTABLE AS $$
  SELECT scenario_id, p.part, e.n, coalesce(e.a->>'checkpoint_id', e.a->>'route_id'), e.a->>'country',
         e.a->>'regime', (e.a->>'open')::boolean, e.a->>'basis', (e.a->>'valid_from')::date, (e.a->>'valid_to')::date
    FROM unnest(ARRAY['segments', 'checkpoints']) AS p(part)
   CROSS JOIN LATERAL jsonb_array_elements(coalesce(assignments->p.part, '[]'::jsonb)) WITH ORDINALITY AS e(a, n)
$$;

CREATE FUNCTION corridor.sync_scenario_assignment() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM corridor.scenario_assignment;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM corridor.scenario_assignment WHERE scenario_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO corridor.scenario_assignment SELECT * FROM corridor.scenario_assignment_rows(NEW.id, NEW.assignments);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER scenarios_assignment_rows AFTER INSERT OR UPDATE OR DELETE ON corridor.scenarios
  FOR EACH ROW EXECUTE FUNCTION corridor.sync_scenario_assignment();
CREATE TRIGGER scenarios_assignment_rows_truncate AFTER TRUNCATE ON corridor.scenarios
  FOR EACH STATEMENT EXECUTE FUNCTION corridor.sync_scenario_assignment();

INSERT INTO corridor.scenario_assignment
SELECT r.* FROM corridor.scenarios s CROSS JOIN LATERAL corridor.scenario_assignment_rows(s.id, s.assignments) r;
