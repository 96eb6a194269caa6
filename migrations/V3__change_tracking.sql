-- A version counter per collection table, bumped by any statement that changes rows of it. ETags and the
-- timeStamp of responses derive from it, so every instance of the service agrees on them without talking
-- to each other. A statement that changes nothing (an update the history trigger found to be a no-op, a
-- delete of nothing) leaves the version, and so every client's cached copy, as it was.
CREATE TABLE corridor.table_version (
  table_name text PRIMARY KEY,
  version    bigint      NOT NULL,
  changed_at timestamptz NOT NULL
);

CREATE OR REPLACE FUNCTION corridor.bump_table_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed boolean;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    changed := true;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM old_rows)' INTO changed;
  ELSE
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM new_rows)' INTO changed;
  END IF;
  IF changed THEN
    INSERT INTO corridor.table_version AS v (table_name, version, changed_at)
    VALUES (TG_TABLE_NAME, 1, clock_timestamp())
    ON CONFLICT (table_name) DO UPDATE SET version = v.version + 1, changed_at = clock_timestamp();
  END IF;
  RETURN NULL;
END $$;

-- Call for every table that is published as a collection (the benchmark's synthetic tables too).
CREATE OR REPLACE FUNCTION corridor.track_changes(t text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  event text;
BEGIN
  FOREACH event IN ARRAY ARRAY['insert', 'update', 'delete', 'truncate'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON corridor.%I', t || '_track_' || event, t);
  END LOOP;
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON corridor.%I REFERENCING NEW TABLE AS new_rows '
                 'FOR EACH STATEMENT EXECUTE FUNCTION corridor.bump_table_version()', t || '_track_insert', t);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON corridor.%I REFERENCING NEW TABLE AS new_rows '
                 'FOR EACH STATEMENT EXECUTE FUNCTION corridor.bump_table_version()', t || '_track_update', t);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON corridor.%I REFERENCING OLD TABLE AS old_rows '
                 'FOR EACH STATEMENT EXECUTE FUNCTION corridor.bump_table_version()', t || '_track_delete', t);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON corridor.%I '
                 'FOR EACH STATEMENT EXECUTE FUNCTION corridor.bump_table_version()', t || '_track_truncate', t);
  INSERT INTO corridor.table_version (table_name, version, changed_at) VALUES (t, 0, now())
  ON CONFLICT (table_name) DO NOTHING;
END $$;

SELECT corridor.track_changes(table_name) FROM corridor.collection;
