-- Synthetic collection for the downloads benchmark: 1 000 000 points inside the region, registered as a
-- collection like the real ones. Ids are the row numbers as text.
DROP TABLE IF EXISTS corridor.bench_million;
DELETE FROM corridor.collection WHERE id = 'bench-million';

CREATE TABLE corridor.bench_million (
  id text PRIMARY KEY,
  geom geometry(Point, 4326) NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  value numeric NOT NULL,
  note text,
  sources text[] NOT NULL,
  accuracy text NOT NULL,
  valid_from date,
  valid_to date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO corridor.bench_million (id, geom, name, kind, value, note, sources, accuracy, valid_from)
SELECT i::text,
       ST_SetSRID(ST_MakePoint(42.5 + 8.5 * random(), 37.0 + 5.5 * random()), 4326),
       'point ' || i, (ARRAY['border crossing','customs post','passport post','bridge'])[1 + i % 4],
       round((random() * 1000)::numeric, 2), CASE WHEN i % 3 = 0 THEN 'every third has a note' END,
       ARRAY['corridor-gis-recipe'], 'schematic', date '2000-01-01' + (i % 9000)
  FROM generate_series(1, 1000000) i;
CREATE INDEX ON corridor.bench_million USING gist (geom);
ANALYZE corridor.bench_million;

INSERT INTO corridor.collection (id, table_name, title, description, geometry_type, sort_order) VALUES
  ('bench-million', 'bench_million', 'Benchmark: a million points', 'Synthetic: 1 000 000 random points (benchmark only).', 'Point', 101);
