-- A version counter per collection table, bumped by any statement that changes it. ETags and the
-- timeStamp of responses derive from it, so every instance of the service agrees on them without talking
-- to each other.
CREATE TABLE corridor.table_version (
  table_name text PRIMARY KEY,
  version    bigint      NOT NULL,
  changed_at timestamptz NOT NULL
);

CREATE OR REPLACE FUNCTION corridor.bump_table_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO corridor.table_version AS v (table_name, version, changed_at)
  VALUES (TG_TABLE_NAME, 1, clock_timestamp())
  ON CONFLICT (table_name) DO UPDATE SET version = v.version + 1, changed_at = clock_timestamp();
  RETURN NULL;
END $$;

-- Call for every table that is published as a collection (the benchmark's synthetic tables too).
CREATE OR REPLACE FUNCTION corridor.track_changes(t text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON corridor.%I', t || '_track_changes', t);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON corridor.%I '
                 'FOR EACH STATEMENT EXECUTE FUNCTION corridor.bump_table_version()', t || '_track_changes', t);
  INSERT INTO corridor.table_version (table_name, version, changed_at) VALUES (t, 0, now())
  ON CONFLICT (table_name) DO NOTHING;
END $$;

SELECT corridor.track_changes(table_name) FROM corridor.collection;
