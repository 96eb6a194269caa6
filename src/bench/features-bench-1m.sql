-- A million points over the same region, to show that a page's cost does not grow with the collection. Its
-- tiles start at zoom 8 (tile_minzoom): below that a million points are no map.
DROP TABLE IF EXISTS corridor.bench_points_1m;
DELETE FROM corridor.collection WHERE id = 'bench-points-1m';
CREATE TABLE corridor.bench_points_1m (LIKE corridor.bench_points INCLUDING DEFAULTS);
\set table bench_points_1m
\set count 1000000
\ir bench-points-rows.sql
ALTER TABLE corridor.bench_points_1m ADD PRIMARY KEY (id);
CREATE INDEX ON corridor.bench_points_1m USING gist (geom);
INSERT INTO corridor.collection (id, table_name, title, description, geometry_type, sort_order, tile_minzoom) VALUES
  ('bench-points-1m', 'bench_points_1m', 'Benchmark points (1 000 000)', 'Synthetic: 1 000 000 random points (benchmark only).',
   'Point', 102, 8);
SELECT corridor.track_changes('bench_points_1m');
VACUUM ANALYZE corridor.bench_points_1m;
