-- A feature page gives each checkpoint its regime under every scenario and each route its segments' regimes: about
-- a hundred JSON objects a page, each an assignment joined with its control regime. Built per request, they were most
-- of the page's database time. Each assignment row now keeps its object (controls), the one a page shows, built when
-- the row is written and rebuilt when its control regime is written, in the same transaction; pages only aggregate.
-- A checkpoint's object names its scenario first, a route segment's its country, as the pages always had them.
ALTER TABLE corridor.scenario_assignment ADD COLUMN controls json;

-- The rows made from a scenario's JSON now have the new column too (filled by the trigger below).
CREATE OR REPLACE FUNCTION corridor.scenario_assignment_rows(scenario_id text, assignments jsonb)
RETURNS SETOF corridor.scenario_assignment
LANGUAGE sql IMMUTABLE AS $$
  SELECT scenario_id, p.part, e.n, coalesce(e.a->>'checkpoint_id', e.a->>'route_id'), e.a->>'country',
         e.a->>'regime', (e.a->>'open')::boolean, e.a->>'basis', (e.a->>'valid_from')::date, (e.a->>'valid_to')::date,
         null::json
    FROM unnest(ARRAY['segments', 'checkpoints']) AS p(part)
   CROSS JOIN LATERAL jsonb_array_elements(coalesce(assignments->p.part, '[]'::jsonb)) WITH ORDINALITY AS e(a, n)
$$;

CREATE FUNCTION corridor.build_assignment_controls() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r corridor.control_regimes;
BEGIN
  -- no regime of that code: the controls are null, as the left join that built them per request gave
  SELECT * INTO r FROM corridor.control_regimes WHERE code = NEW.regime;
  NEW.controls := json_build_object(
    CASE NEW.part WHEN 'checkpoints' THEN 'scenario' ELSE 'country' END,
    CASE NEW.part WHEN 'checkpoints' THEN NEW.scenario_id ELSE NEW.country END,
    'regime', NEW.regime, 'open', NEW.open, 'basis', NEW.basis,
    'valid_from', NEW.valid_from, 'valid_to', NEW.valid_to,
    'passport_control', r.passport_control, 'customs_control', r.customs_control,
    'border_control', r.border_control, 'operator', r.operator);
  RETURN NEW;
END $$;

CREATE TRIGGER scenario_assignment_controls BEFORE INSERT OR UPDATE ON corridor.scenario_assignment
  FOR EACH ROW EXECUTE FUNCTION corridor.build_assignment_controls();

-- A control regime written (inserted, changed, renamed or deleted): the rows that name its code, old or new, are
-- touched so that the trigger above rebuilds their objects.
CREATE FUNCTION corridor.rebuild_assignment_controls() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE corridor.scenario_assignment SET controls = NULL;
  ELSIF TG_OP = 'INSERT' THEN
    UPDATE corridor.scenario_assignment SET controls = NULL WHERE regime = NEW.code;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE corridor.scenario_assignment SET controls = NULL WHERE regime = OLD.code;
  ELSE
    UPDATE corridor.scenario_assignment SET controls = NULL WHERE regime IN (OLD.code, NEW.code);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER control_regimes_assignment_controls AFTER INSERT OR UPDATE OR DELETE ON corridor.control_regimes
  FOR EACH ROW EXECUTE FUNCTION corridor.rebuild_assignment_controls();
CREATE TRIGGER control_regimes_assignment_controls_truncate AFTER TRUNCATE ON corridor.control_regimes
  FOR EACH STATEMENT EXECUTE FUNCTION corridor.rebuild_assignment_controls();

UPDATE corridor.scenario_assignment SET controls = NULL;
ALTER TABLE corridor.scenario_assignment ALTER COLUMN controls SET NOT NULL;
