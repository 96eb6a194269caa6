-- A checkpoint page gives each checkpoint its regime under every scenario on the day asked for. Gathered per request
-- from the assignment rows (an index lookup, then the rows in force aggregated), that was more than half of the
-- page's database work: the page statement for the 17 seed checkpoints ran 3 860 times a second under pgbench (8
-- clients, two cores), 9 060 without the regimes. Between two dates on which some assignment of a checkpoint begins
-- or ends, its regimes stay the same; this table keeps each such period with its regimes as the page shows them, so a
-- page reads one row per checkpoint: 6 100 a second, with the same bytes. Triggers rebuild a checkpoint's periods in
-- the same statement as any write to its assignment rows. A page under one named scenario still reads the rows.
CREATE TABLE corridor.checkpoint_regime_periods (
  target_id text      NOT NULL,   -- the checkpoint
  during    daterange NOT NULL,   -- the days these regimes hold; the periods of a checkpoint cover every day, once
  regimes   json      NOT NULL    -- the assignment rows' objects in force (controls), by scenario, then position
);
CREATE INDEX checkpoint_regime_periods_target ON corridor.checkpoint_regime_periods (target_id);

-- The periods of the checkpoints named, from their assignment rows. Each row's days are a range (open-ended where
-- valid_from or valid_to is null; a row whose valid_to comes before its valid_from holds no day and is left out). The
-- ranges' ends cut the calendar into periods, and a row either holds a whole period or none of it.
CREATE FUNCTION corridor.checkpoint_regime_periods_of(targets text[])
RETURNS TABLE (target_id text, during daterange, regimes json)
LANGUAGE sql STABLE AS $$
  WITH held AS (
    SELECT a.target_id, a.scenario_id, a.n, a.controls, daterange(a.valid_from, a.valid_to, '[]') AS days
      FROM corridor.scenario_assignment a
     WHERE a.part = 'checkpoints' AND a.target_id = ANY (targets)
       AND (a.valid_from IS NULL OR a.valid_to IS NULL OR a.valid_from <= a.valid_to)
  ), cuts AS (
    SELECT h.target_id, NULL::date AS day FROM held h       -- the period before the first cut (or every day)
    UNION
    SELECT h.target_id, c.day FROM held h, LATERAL (VALUES (lower(h.days)), (upper(h.days))) c(day) WHERE c.day IS NOT NULL
  ), periods AS (
    SELECT c.target_id, daterange(c.day, lead(c.day) OVER (PARTITION BY c.target_id ORDER BY c.day NULLS FIRST)) AS during
      FROM cuts c
  )
  SELECT p.target_id, p.during,
         coalesce(json_agg(h.controls ORDER BY h.scenario_id, h.n) FILTER (WHERE h.target_id IS NOT NULL), '[]'::json)
    FROM periods p
    LEFT JOIN held h ON h.target_id = p.target_id AND h.days && p.during
   GROUP BY p.target_id, p.during
$$;

-- After each statement that writes assignment rows: the checkpoints those rows name, before or after, get their
-- periods again (the rows it wrote are in the statement's transition tables).
CREATE FUNCTION corridor.refresh_checkpoint_regime_periods() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  targets text[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM corridor.checkpoint_regime_periods;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT r.target_id) INTO targets FROM written r WHERE r.part = 'checkpoints';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT r.target_id) INTO targets FROM removed r WHERE r.part = 'checkpoints';
  ELSE
    SELECT array_agg(DISTINCT r.target_id) INTO targets
      FROM (SELECT target_id, part FROM removed UNION ALL SELECT target_id, part FROM written) r
     WHERE r.part = 'checkpoints';
  END IF;
  IF targets IS NOT NULL THEN
    DELETE FROM corridor.checkpoint_regime_periods p WHERE p.target_id = ANY (targets);
    INSERT INTO corridor.checkpoint_regime_periods SELECT * FROM corridor.checkpoint_regime_periods_of(targets);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER scenario_assignment_periods_insert AFTER INSERT ON corridor.scenario_assignment
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION corridor.refresh_checkpoint_regime_periods();
CREATE TRIGGER scenario_assignment_periods_update AFTER UPDATE ON corridor.scenario_assignment
  REFERENCING OLD TABLE AS removed NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION corridor.refresh_checkpoint_regime_periods();
CREATE TRIGGER scenario_assignment_periods_delete AFTER DELETE ON corridor.scenario_assignment
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION corridor.refresh_checkpoint_regime_periods();
CREATE TRIGGER scenario_assignment_periods_truncate AFTER TRUNCATE ON corridor.scenario_assignment
  FOR EACH STATEMENT EXECUTE FUNCTION corridor.refresh_checkpoint_regime_periods();

INSERT INTO corridor.checkpoint_regime_periods
SELECT * FROM corridor.checkpoint_regime_periods_of(ARRAY(SELECT DISTINCT target_id FROM corridor.scenario_assignment WHERE part = 'checkpoints'));
