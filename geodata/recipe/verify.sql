-- verify.sql: load geodata/*.geojson + sources.json into the corridor schema (V2 applied, empty) and print
-- the headline figures. Run by verify.sh (env CORRIDOR_GEODATA = the geodata folder).
\set ON_ERROR_STOP on
\pset footer off
CREATE FUNCTION pg_temp.load(t text, rows jsonb) RETURNS int LANGUAGE plpgsql AS $$
DECLARE f jsonb; j jsonb; cols text; n int := 0;
BEGIN
  FOR f IN SELECT * FROM jsonb_array_elements(rows) LOOP
    IF f ? 'properties' THEN
      j := f->'properties' || jsonb_build_object('id', f->'id');
      IF jsonb_typeof(f->'geometry') = 'object' THEN
        j := j || jsonb_build_object('geom', ST_AsEWKT(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326)));
      END IF;
    ELSE j := f; END IF;
    SELECT string_agg(quote_ident(attname), ',') INTO cols FROM pg_attribute
     WHERE attrelid = ('corridor.' || t)::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' AND j ? attname::text;
    EXECUTE format('INSERT INTO corridor.%I (%s) SELECT %s FROM jsonb_populate_record(NULL::corridor.%I, $1)', t, cols, cols, t) USING j;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
\set f_sources `cat "$CORRIDOR_GEODATA/sources.json"`
\set f_countries `cat "$CORRIDOR_GEODATA/countries.geojson"`
\set f_maps `cat "$CORRIDOR_GEODATA/boundary-maps.geojson"`
\set f_lines `cat "$CORRIDOR_GEODATA/boundary-lines.geojson"`
\set f_areas `cat "$CORRIDOR_GEODATA/disputed-areas.geojson"`
\set f_routes `cat "$CORRIDOR_GEODATA/routes.geojson"`
\set f_cps `cat "$CORRIDOR_GEODATA/checkpoints.geojson"`
\set f_regimes `cat "$CORRIDOR_GEODATA/control-regimes.geojson"`
\set f_scen `cat "$CORRIDOR_GEODATA/scenarios.geojson"`
\set f_places `cat "$CORRIDOR_INPUTS/places.csv"`
SELECT pg_temp.load('sources', (:'f_sources')::jsonb) AS sources,
       pg_temp.load('countries', (:'f_countries')::jsonb->'features') AS countries,
       pg_temp.load('boundary_maps', (:'f_maps')::jsonb->'features') AS boundary_maps,
       pg_temp.load('boundary_lines', (:'f_lines')::jsonb->'features') AS boundary_lines,
       pg_temp.load('disputed_areas', (:'f_areas')::jsonb->'features') AS disputed_areas,
       pg_temp.load('routes', (:'f_routes')::jsonb->'features') AS routes,
       pg_temp.load('checkpoints', (:'f_cps')::jsonb->'features') AS checkpoints,
       pg_temp.load('control_regimes', (:'f_regimes')::jsonb->'features') AS control_regimes,
       pg_temp.load('scenarios', (:'f_scen')::jsonb->'features') AS scenarios;
SELECT corridor.rebuild_route_segments() AS route_segments;
SELECT corridor.rebuild_route_segments() AS route_segments_again,
       (SELECT count(*) FROM corridor.route_segments_history) AS segment_versions_after_2nd_run;

CREATE TEMP TABLE places AS
SELECT split_part(l, ',', 1) AS name, split_part(l, ',', 3)::float8 AS lat, split_part(l, ',', 4)::float8 AS lon
  FROM regexp_split_to_table(:'f_places', E'\n') WITH ORDINALITY AS x(l, n) WHERE n > 1 AND l <> '';

\echo '== headline: territory held since 2020 (claimed ARM, controlled AZE, since >= 2020-11-10, with geometry)'
SELECT round(sum(area_km2), 2) AS total_km2, count(*) AS areas
  FROM corridor.disputed_areas WHERE claimed_by = 'ARM' AND controlled_by = 'AZE' AND since >= '2020-11-10' AND geom IS NOT NULL;
\echo '== each disputed area vs its cited figure'
SELECT id, kind, since, area_km2, cited_area_km2,
       CASE WHEN cited_area_km2 > 0 AND area_km2 IS NOT NULL THEN round(100 * (area_km2 - cited_area_km2) / cited_area_km2, 2) END AS diff_pct,
       accuracy
  FROM corridor.disputed_areas ORDER BY kind, since NULLS LAST, id;
\echo '== overlaps between disputed areas (km2, expect none)'
SELECT a.id, b.id, round((ST_Area(ST_Intersection(a.geom, b.geom)::geography) / 1e6)::numeric, 4) AS km2
  FROM corridor.disputed_areas a JOIN corridor.disputed_areas b ON a.id < b.id AND ST_Intersects(a.geom, b.geom)
 WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1;
\echo '== route length per country (from corridor.rebuild_route_segments())'
SELECT route_id, country, round(sum(length_km), 2) AS km, count(*) AS segments
  FROM corridor.route_segments GROUP BY route_id, country ORDER BY route_id, min(seq);
\echo '== segments sum vs route length'
SELECT r.id, r.length_km AS route_km, sum(s.length_km) AS segments_km,
       round(100 * abs(sum(s.length_km) - r.length_km) / r.length_km, 4) AS diff_pct,
       string_agg(s.country || ' ' || s.length_km, ' > ' ORDER BY s.seq) AS sequence
  FROM corridor.routes r JOIN corridor.route_segments s ON s.route_id = r.id GROUP BY r.id ORDER BY r.id;
\echo '== boundary lines'
SELECT map_id, section, agreed, length_km, accuracy FROM corridor.boundary_lines ORDER BY map_id, section;
\echo '== place-named route ends and checkpoints: distance to places.csv (m)'
SELECT 'route ' || r.id || ' ' || e.which AS feature, p.name,
       round(ST_Distance(e.g::geography, ST_SetSRID(ST_Point(p.lon, p.lat), 4326)::geography)) AS dist_m
  FROM corridor.routes r
  CROSS JOIN LATERAL (VALUES ('origin', r.origin, ST_StartPoint(r.geom)), ('destination', r.destination, ST_EndPoint(r.geom))) e(which, nm, g)
  JOIN places p ON p.name = e.nm OR p.name LIKE e.nm || ' (%'
UNION ALL
SELECT 'checkpoint ' || c.id, p.name, round(ST_Distance(c.geom::geography, ST_SetSRID(ST_Point(p.lon, p.lat), 4326)::geography))
  FROM corridor.checkpoints c JOIN places p ON position(split_part(p.name, ' (', 1) IN c.name) > 0
ORDER BY 3 DESC;
\echo '== integrity (all expected 0)'
SELECT
 (SELECT count(*) FROM (SELECT geom FROM corridor.countries UNION ALL SELECT geom FROM corridor.boundary_lines UNION ALL
   SELECT geom FROM corridor.disputed_areas WHERE geom IS NOT NULL UNION ALL SELECT geom FROM corridor.routes UNION ALL
   SELECT geom FROM corridor.checkpoints UNION ALL SELECT geom FROM corridor.route_segments) g
   WHERE NOT ST_IsValid(geom) OR ST_SRID(geom) <> 4326 OR NOT ST_CoveredBy(geom, ST_MakeEnvelope(42.5, 37, 51, 42.5, 4326))) AS bad_geometries,
 (SELECT count(*) FROM (SELECT unnest(sources) s FROM corridor.countries UNION ALL SELECT unnest(sources) FROM corridor.boundary_maps
   UNION ALL SELECT unnest(sources) FROM corridor.boundary_lines UNION ALL SELECT unnest(sources) FROM corridor.disputed_areas
   UNION ALL SELECT unnest(sources) FROM corridor.routes UNION ALL SELECT unnest(sources) FROM corridor.checkpoints
   UNION ALL SELECT unnest(sources) FROM corridor.control_regimes UNION ALL SELECT unnest(sources) FROM corridor.scenarios) x
   WHERE s NOT IN (SELECT id FROM corridor.sources)) AS unknown_source_ids,
 (SELECT count(*) FROM corridor.scenarios sc, (SELECT DISTINCT route_id, country FROM corridor.route_segments) x
   WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(sc.assignments->'segments') a WHERE a->>'route_id' = x.route_id AND a->>'country' = x.country)) AS unassigned_segments,
 (SELECT count(*) FROM corridor.scenarios sc, corridor.checkpoints c
   WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(sc.assignments->'checkpoints') a WHERE a->>'checkpoint_id' = c.id)) AS unassigned_checkpoints,
 (SELECT count(*) FROM corridor.scenarios sc, jsonb_array_elements(sc.assignments->'segments') a
   WHERE a->>'regime' NOT IN (SELECT code FROM corridor.control_regimes)) AS unknown_regimes;
\echo '== history: change one feature, the old version stays queryable'
UPDATE corridor.routes SET status = status WHERE id = 'horadiz-aghband-road';
UPDATE corridor.disputed_areas SET note = note || ' (verify edit)' WHERE id = 'mar-2023-tegh';
SELECT (SELECT count(*) FROM corridor.routes_history) AS routes_versions_after_noop_update,
       (SELECT count(*) FROM corridor.disputed_areas_history WHERE id = 'mar-2023-tegh') AS tegh_old_versions,
       (SELECT area_km2 FROM corridor.disputed_areas_history WHERE id = 'mar-2023-tegh') AS tegh_old_area_km2;
