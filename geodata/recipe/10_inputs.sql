-- 10_inputs.sql: load the inputs (countries, places) and helper functions into schema recipe.
-- Needs env CORRIDOR_INPUTS (set by build.sh) pointing at the inputs folder (recipe/inputs/ by default).
\set ON_ERROR_STOP on
DROP SCHEMA IF EXISTS recipe CASCADE;
CREATE SCHEMA recipe;
SET search_path = recipe, public;

\set countries_json `cat "$CORRIDOR_INPUTS/countries-osm-10m-region.geojson"`
CREATE TABLE src_countries AS
SELECT f->'properties'->>'iso3' AS iso3, ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326) AS g
  FROM jsonb_array_elements((:'countries_json')::jsonb->'features') f;

CREATE TABLE places (name text PRIMARY KEY, country text, lat numeric, lon numeric, precision text, source text, note text);
\copy recipe.places FROM PROGRAM 'cat "$CORRIDOR_INPUTS/places.csv"' WITH (FORMAT csv, HEADER true)

-- helpers -------------------------------------------------------------------
CREATE FUNCTION pt(n text) RETURNS geometry LANGUAGE sql STABLE AS $$
  SELECT ST_SetSRID(ST_Point(lon, lat), 4326) FROM recipe.places WHERE name = n $$;
CREATE FUNCTION rp(g geometry) RETURNS geometry LANGUAGE sql IMMUTABLE AS $$   -- 6-decimal grid (what the files hold)
  SELECT ST_ReducePrecision(g, 0.000001) $$;
CREATE FUNCTION km(g geometry) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT ST_Length(g::geography) / 1000 $$;
CREATE FUNCTION km2(g geometry) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT ST_Area(g::geography) / 1e6 $$;
CREATE FUNCTION dist_m(a geometry, b geometry) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT ST_Distance(a::geography, b::geography) $$;
CREATE FUNCTION mpoly(g geometry) RETURNS geometry LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) $$;
-- buffer in metres, done in UTM 38N (EPSG:32638), result in 4326
CREATE FUNCTION buf_m(g geometry, m float8, style text DEFAULT 'quad_segs=8') RETURNS geometry LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Transform(ST_Buffer(ST_Transform(g, 32638), m, style), 4326) $$;

-- the closed ring (4326 LineString) of polygon set P nearest to point p
CREATE FUNCTION ring_near(p geometry, poly geometry) RETURNS geometry LANGUAGE sql IMMUTABLE AS $$
  SELECT r FROM (SELECT ST_ExteriorRing(d.geom) r FROM ST_Dump(poly) d
                 UNION ALL
                 SELECT ST_InteriorRingN(d.geom, i) FROM ST_Dump(poly) d, generate_series(1, ST_NumInteriorRings(d.geom)) i) s
   ORDER BY ST_Distance(r, p) LIMIT 1 $$;

-- the shorter way along closed ring r from (the point of r nearest) a to b, oriented a -> b
CREATE FUNCTION along(r geometry, a geometry, b geometry) RETURNS geometry LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE fa float8 := ST_LineLocatePoint(r, a); fb float8 := ST_LineLocatePoint(r, b);
        t float8; rev boolean := false; p1 geometry; p2 geometry;
BEGIN
  IF fa > fb THEN t := fa; fa := fb; fb := t; rev := true; END IF;
  p1 := ST_LineSubstring(r, fa, fb);
  p2 := ST_LineMerge(ST_Collect(ST_LineSubstring(r, fb, 1), ST_LineSubstring(r, 0, fa)));
  IF ST_Length(p1::geography) <= ST_Length(p2::geography) THEN
    RETURN CASE WHEN rev THEN ST_Reverse(p1) ELSE p1 END;
  ELSE
    RETURN CASE WHEN rev THEN p2 ELSE ST_Reverse(p2) END;
  END IF;
END $$;

-- straight leg a->b; where it crosses the ring r (boundary of a polygon to avoid, grown by a margin),
-- the part between the first and last crossing is replaced by the shorter way along r
CREATE FUNCTION leg(a geometry, b geometry, r geometry DEFAULT NULL) RETURNS geometry LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE l geometry := ST_MakeLine(a, b); f1 float8; f2 float8; n int;
BEGIN
  IF r IS NULL OR NOT ST_Intersects(l, r) THEN RETURN l; END IF;
  SELECT min(ST_LineLocatePoint(l, d.geom)), max(ST_LineLocatePoint(l, d.geom)), count(*)
    INTO f1, f2, n FROM ST_Dump(ST_Intersection(l, r)) d;
  IF n < 2 OR f2 - f1 < 1e-9 THEN RETURN l; END IF;
  RETURN ST_MakeLine(ARRAY[ST_LineSubstring(l, 0, f1),
                           recipe.along(r, ST_LineInterpolatePoint(l, f1), ST_LineInterpolatePoint(l, f2)),
                           ST_LineSubstring(l, f2, 1)]);
END $$;

-- join linestrings / points into one LineString (consecutive duplicates removed)
CREATE FUNCTION chain(VARIADIC parts geometry[]) RETURNS geometry LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_RemoveRepeatedPoints(ST_MakeLine(parts)) $$;

-- grow: the part of container within geodesic distance r of seed, r bisected so that the geodesic
-- area (after rounding to the 6-decimal grid) equals target_km2 within 0.1 %
CREATE FUNCTION grow(seed geometry, container geometry, target_km2 float8) RETURNS geometry LANGUAGE plpgsql AS $$
DECLARE lo float8 := 0; hi float8 := 40000; r float8; g geometry; a float8; i int;
BEGIN
  FOR i IN 1..60 LOOP
    r := (lo + hi) / 2;
    g := recipe.mpoly(recipe.rp(ST_Intersection(container, ST_Buffer(seed::geography, r, 'quad_segs=32')::geometry)));
    a := recipe.km2(g);
    EXIT WHEN abs(a - target_km2) / target_km2 < 0.001;
    IF a < target_km2 THEN lo := r; ELSE hi := r; END IF;
  END LOOP;
  RETURN g;
END $$;
-- same with a flat-ended buffer around a line (UTM metres)
CREATE FUNCTION grow_along(line geometry, container geometry, target_km2 float8) RETURNS geometry LANGUAGE plpgsql AS $$
DECLARE lo float8 := 0; hi float8 := 5000; r float8; g geometry; a float8; i int;
BEGIN
  FOR i IN 1..60 LOOP
    r := (lo + hi) / 2;
    g := recipe.mpoly(recipe.rp(ST_Intersection(container, recipe.buf_m(line, r, 'endcap=flat join=round'))));
    a := recipe.km2(g);
    EXIT WHEN abs(a - target_km2) / target_km2 < 0.001;
    IF a < target_km2 THEN lo := r; ELSE hi := r; END IF;
  END LOOP;
  RETURN g;
END $$;
