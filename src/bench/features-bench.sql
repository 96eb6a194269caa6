-- Synthetic collections for the OGC API benchmark: 100 000 points and 1 000 fifty-vertex lines inside the
-- region, registered as collections like the real ones (same conventions, history and change tracking off
-- the hot path). Ids are the row numbers as text, so a benchmark can aim a keyset cursor anywhere.
DROP TABLE IF EXISTS corridor.bench_points, corridor.bench_lines;
DELETE FROM corridor.collection WHERE id IN ('bench-points', 'bench-lines');

CREATE TABLE corridor.bench_points (
  id text PRIMARY KEY,
  geom geometry(Point, 4326) NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  value numeric NOT NULL,
  sources text[] NOT NULL,
  accuracy text NOT NULL,
  valid_from date,
  valid_to date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
\set table bench_points
\set count 100000
\ir bench-points-rows.sql
CREATE INDEX ON corridor.bench_points USING gist (geom);

CREATE TABLE corridor.bench_lines (
  id text PRIMARY KEY,
  geom geometry(LineString, 4326) NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  value numeric NOT NULL,
  sources text[] NOT NULL,
  accuracy text NOT NULL,
  valid_from date,
  valid_to date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO corridor.bench_lines (id, geom, name, kind, value, sources, accuracy, valid_from)
SELECT l::text,
       ST_MakeLine(ARRAY(SELECT ST_SetSRID(ST_MakePoint(x0 + v * 0.004, y0 + 0.01 * sin(v)), 4326)
                           FROM generate_series(0, 49) v)),
       'line ' || l, (ARRAY['rail','road'])[1 + l % 2], round((random() * 500)::numeric, 2),
       ARRAY['corridor-gis-recipe'], 'schematic', date '2000-01-01' + l
  FROM (SELECT l, 43.0 + 7.5 * random() AS x0, 37.5 + 4.5 * random() AS y0 FROM generate_series(1, 1000) l) s;
CREATE INDEX ON corridor.bench_lines USING gist (geom);

INSERT INTO corridor.collection (id, table_name, title, description, geometry_type, sort_order) VALUES
  ('bench-points', 'bench_points', 'Benchmark points', 'Synthetic: 100 000 random points (benchmark only).', 'Point', 100),
  ('bench-lines', 'bench_lines', 'Benchmark lines', 'Synthetic: 1 000 fifty-vertex lines (benchmark only).', 'LineString', 101);
SELECT corridor.track_changes('bench_points');
SELECT corridor.track_changes('bench_lines');

ANALYZE corridor.bench_lines;
VACUUM ANALYZE corridor.bench_points;
