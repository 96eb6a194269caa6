-- A million points over the same region, to show that a page's cost does not grow with the collection. Its
-- tiles start at zoom 8 (tile_minzoom): below that a million points are no map.
DROP TABLE IF EXISTS corridor.bench_points_1m;
DELETE FROM corridor.collection WHERE id = 'bench-points-1m';
CREATE TABLE corridor.bench_points_1m (LIKE corridor.bench_points INCLUDING DEFAULTS);
INSERT INTO corridor.bench_points_1m (id, geom, name, kind, value, sources, accuracy, valid_from)
SELECT i::text,
       ST_SetSRID(ST_MakePoint(42.5 + 8.5 * random(), 37.0 + 5.5 * random()), 4326),
       'point ' || i, (ARRAY['border crossing','customs post','passport post','bridge'])[1 + i % 4],
       round((random() * 1000)::numeric, 2), ARRAY['corridor-gis-recipe'], 'schematic',
       date '2000-01-01' + (i % 9000)
  FROM generate_series(1, 1000000) i;
ALTER TABLE corridor.bench_points_1m ADD PRIMARY KEY (id);
CREATE INDEX ON corridor.bench_points_1m USING gist (geom);
INSERT INTO corridor.collection (id, table_name, title, description, geometry_type, sort_order, tile_minzoom) VALUES
  ('bench-points-1m', 'bench_points_1m', 'Benchmark points (1 000 000)', 'Synthetic: 1 000 000 random points (benchmark only).',
   'Point', 102, 8);
SELECT corridor.track_changes('bench_points_1m');
VACUUM ANALYZE corridor.bench_points_1m;
