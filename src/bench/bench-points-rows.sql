-- The rows of a benchmark point collection, included by features-bench.sql (100 000 points) and
-- features-bench-1m.sql (a million): one recipe, so that the two collections differ in size alone.
-- psql variables: table (in schema corridor), count. Ids are the row numbers as text.
INSERT INTO corridor.:"table" (id, geom, name, kind, value, sources, accuracy, valid_from)
SELECT i::text,
       ST_SetSRID(ST_MakePoint(42.5 + 8.5 * random(), 37.0 + 5.5 * random()), 4326),
       'point ' || i, (ARRAY['border crossing','customs post','passport post','bridge'])[1 + i % 4],
       round((random() * 1000)::numeric, 2), ARRAY['corridor-gis-recipe'], 'schematic',
       date '2000-01-01' + (i % 9000)
  FROM generate_series(1, :count) i;
