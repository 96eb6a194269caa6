-- Support for the analyses: precomputed exposure zones and the reference country at a point.
-- Exposure zones: the areas within a distance of the disputed areas (by kind, and the post-2020 headline
-- group) and of the line of contact (the lines of the 'de facto' map). Buffering and merging these shapes is
-- the slow part of "km of a route within 5 km of ...", and it depends only on the data, so it is done once
-- per change of the data, like route segmentation, for the distances analysts use most; other distances
-- are computed per request. Geometry in UTM 38N (EPSG:32638, metres), cut into small pieces so that an
-- intersection with a route touches only the pieces along it.
CREATE TABLE corridor.exposure_zones (
  grp        text    NOT NULL,            -- group: a disputed-area kind, 'held-since-2020', 'line-of-contact'
  metres     integer NOT NULL,
  feature_id text    NULL,                -- NULL: a piece of the group's merged zone; else one feature's own zone
  sources    text[]  NOT NULL,
  geom       geometry(Polygon, 32638) NOT NULL
);
CREATE INDEX ON corridor.exposure_zones USING gist (geom);
CREATE INDEX ON corridor.exposure_zones (metres, grp);

-- The features exposure is measured against, in one place for the zones and for per-request distances.
CREATE OR REPLACE VIEW corridor.exposure_features AS
  SELECT d.kind AS grp, d.id AS feature_id, d.geom, d.sources
    FROM corridor.disputed_areas d WHERE d.geom IS NOT NULL
  UNION ALL
  SELECT 'held-since-2020', d.id, d.geom, d.sources
    FROM corridor.disputed_areas d
   WHERE d.geom IS NOT NULL AND d.claimed_by = 'ARM' AND d.controlled_by = 'AZE' AND d.since >= date '2020-11-10'
  UNION ALL
  SELECT 'line-of-contact', l.id, l.geom, l.sources || m.sources
    FROM corridor.boundary_lines l JOIN corridor.boundary_maps m ON m.id = l.map_id
   WHERE m.status = 'de facto';

-- Zones within the given distances; simplification by 20 m and 4 segments per quarter circle change a
-- kilometre figure by well under 1 %.
CREATE OR REPLACE FUNCTION corridor.exposure_zone_pieces(distances integer[])
RETURNS TABLE (grp text, metres integer, feature_id text, sources text[], geom geometry)
LANGUAGE sql STABLE AS $$
  WITH f AS (
    SELECT e.grp, e.feature_id, e.sources, ST_Simplify(ST_Transform(e.geom, 32638), 20) AS g
      FROM corridor.exposure_features e
  ), d AS (SELECT unnest(distances) AS metres),
  own AS (
    SELECT f.grp, d.metres, f.feature_id, f.sources, ST_Buffer(f.g, d.metres, 'quad_segs=4') AS z FROM f CROSS JOIN d
  ), merged AS (
    SELECT own.grp, own.metres, NULL::text AS feature_id,
           ARRAY(SELECT DISTINCT s FROM own o2, unnest(o2.sources) s WHERE o2.grp = own.grp AND o2.metres = own.metres ORDER BY 1) AS sources,
           ST_Union(own.z) AS z
      FROM own GROUP BY own.grp, own.metres
  )
  SELECT x.grp, x.metres, x.feature_id, x.sources, ST_Subdivide(x.z, 64)
    FROM (SELECT * FROM own UNION ALL SELECT * FROM merged) x
$$;

CREATE OR REPLACE FUNCTION corridor.rebuild_exposure_zones() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  DELETE FROM corridor.exposure_zones;
  INSERT INTO corridor.exposure_zones (grp, metres, feature_id, sources, geom)
  SELECT p.grp, p.metres, p.feature_id, p.sources, p.geom
    FROM corridor.exposure_zone_pieces(ARRAY[1000, 5000, 10000]) p
   WHERE GeometryType(p.geom) = 'POLYGON';
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- The reference country (corridor.countries) at a point; on a river or lake, which the land polygons leave
-- out, the nearest one.
CREATE OR REPLACE FUNCTION corridor.country_at(p geometry) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT c.id FROM corridor.countries c WHERE ST_Intersects(c.geom, p) LIMIT 1),
    (SELECT c.id FROM corridor.countries c WHERE c.geom && ST_Expand(p, 0.05) ORDER BY ST_Distance(c.geom, p) LIMIT 1))
$$;

-- A point about 40 m from the middle of a line (its longest part), outside an area the line bounds: the ground on the far side
-- of that stretch of the area's outline. NULL when there is no line.
CREATE OR REPLACE FUNCTION corridor.point_beside(line geometry, area geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT d.geom
    FROM (SELECT p.geom FROM ST_Dump(ST_LineMerge(ST_CollectionExtract(line, 2))) p
           ORDER BY ST_Length(p.geom) DESC LIMIT 1) longest,
         ST_DumpPoints(ST_Buffer(ST_LineInterpolatePoint(longest.geom, 0.5), 0.0004, 'quad_segs=2')) d
   WHERE line IS NOT NULL AND NOT ST_Intersects(area, d.geom)
   LIMIT 1
$$;
