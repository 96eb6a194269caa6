-- 70_export.sql: functions that write the FeatureCollections (one feature per line, 6 decimals).
-- Properties = the table's columns except id, geom, generated columns, recorded_at (set by the database) and created_by
-- (the editor whose own feature it is; seed data is official, so it has none).
\set ON_ERROR_STOP on
CREATE FUNCTION recipe.props(t text, j jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT j - 'id' - 'geom' - 'recorded_at' - 'created_by' - coalesce((SELECT array_agg(attname::text) FROM pg_attribute
                WHERE attrelid = ('corridor.' || t)::regclass AND attgenerated <> ''), '{}') $$;
CREATE FUNCTION recipe.fc(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE spatial boolean; body text;
BEGIN
  SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'corridor' AND table_name = t AND column_name = 'geom') INTO spatial;
  EXECUTE format($q$SELECT string_agg(jsonb_build_object('type', 'Feature', 'id', x.id,
                       'geometry', %s, 'properties', recipe.props(%L, to_jsonb(x)))::text, E',\n' ORDER BY x.id)
                     FROM corridor.%I x$q$,
                 CASE WHEN spatial THEN 'CASE WHEN x.geom IS NULL THEN NULL ELSE ST_AsGeoJSON(x.geom, 6)::jsonb END' ELSE 'NULL::jsonb' END,
                 t, t) INTO body;
  RETURN '{"type": "FeatureCollection", "features": [' || E'\n' || coalesce(body, '') || E'\n]}';
END $$;
CREATE FUNCTION recipe.sources_json() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT '[' || E'\n' || string_agg((to_jsonb(s) - 'recorded_at')::text, E',\n' ORDER BY s.id) || E'\n]' FROM corridor.sources s $$;
