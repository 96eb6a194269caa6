-- V2: corridor-gis data model (collections, history, route segmentation).
-- Requires V1 (postgis extension + schema corridor). PostgreSQL 15 + PostGIS 3.3.
-- Conventions: all geometries EPSG:4326 (typmod), valid, inside lon 42.5..51.0, lat 37.0..42.5.

-- ---------------------------------------------------------------- catalogue
CREATE TABLE corridor.collection (
  id            text PRIMARY KEY,
  table_name    text NOT NULL UNIQUE,
  title         text NOT NULL,
  description   text NOT NULL,
  geometry_type text NULL CHECK (geometry_type IN ('Point','LineString','MultiLineString','MultiPolygon')),
  sort_order    int  NOT NULL
);

-- seed-file bookkeeping for the start-up loader (package ingest)
CREATE TABLE corridor.geodata_file (
  name      text PRIMARY KEY,
  sha256    text NOT NULL,
  features  int  NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- history
-- One generic trigger for every collection table: BEFORE UPDATE OR DELETE.
-- UPDATE: a no-op update (same values) is skipped (no new version); otherwise OLD goes to
-- <table>_history with recorded_to = now() and NEW.recorded_at = now().
-- DELETE: OLD goes to <table>_history with recorded_to = now().
CREATE OR REPLACE FUNCTION corridor.keep_history() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cols text;
  gen  text[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- generated columns are not computed yet in a BEFORE trigger: compare without them
    SELECT coalesce(array_agg(a.attname::text), '{}') INTO gen
      FROM pg_attribute a
     WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated <> '';
    IF (to_jsonb(NEW) - gen - 'recorded_at') = (to_jsonb(OLD) - gen - 'recorded_at') THEN
      RETURN NULL;                      -- nothing changed: keep the current version
    END IF;
  END IF;
  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
    FROM pg_attribute a
   WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped;
  EXECUTE format('INSERT INTO %I.%I (%s, recorded_to) SELECT %s, now() FROM (SELECT ($1).*) o',
                 TG_TABLE_SCHEMA, TG_TABLE_NAME || '_history', cols, cols)
    USING OLD;
  IF TG_OP = 'UPDATE' THEN
    NEW.recorded_at := now();
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;

-- helper used only inside this migration: history table, trigger, common indexes
CREATE OR REPLACE FUNCTION corridor._setup_history(t text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  spatial boolean;
BEGIN
  SELECT EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = 'corridor' AND table_name = t AND column_name = 'geom') INTO spatial;
  EXECUTE format('CREATE TABLE corridor.%I (LIKE corridor.%I, recorded_to timestamptz NOT NULL, history_id bigserial PRIMARY KEY)',
                 t || '_history', t);
  EXECUTE format('CREATE INDEX ON corridor.%I (id, recorded_at)', t || '_history');
  EXECUTE format('CREATE INDEX ON corridor.%I (valid_from)', t);
  IF spatial THEN
    EXECUTE format('CREATE INDEX ON corridor.%I USING gist (geom)', t);
    EXECUTE format('CREATE INDEX ON corridor.%I USING gist (geom)', t || '_history');
  END IF;
  EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON corridor.%I FOR EACH ROW EXECUTE FUNCTION corridor.keep_history()',
                 t || '_keep_history', t);
END $$;

-- region box used by the CHECK constraints
CREATE OR REPLACE FUNCTION corridor.in_region(g geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT g IS NULL OR ST_CoveredBy(g, ST_MakeEnvelope(42.5, 37.0, 51.0, 42.5, 4326))
$$;

-- ---------------------------------------------------------------- collections
CREATE TABLE corridor.sources (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  publisher   text,
  reference   text,
  published   date,
  accessed    date,
  licence     text,
  note        text,
  valid_from  date,
  valid_to    date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE corridor.countries (
  id          text PRIMARY KEY,
  geom        geometry(MultiPolygon, 4326) NOT NULL
              CHECK (ST_IsValid(geom) AND corridor.in_region(geom)),
  iso3        text NOT NULL CHECK (iso3 ~ '^[A-Z]{3}$'),
  name        text NOT NULL,
  note        text,
  sources     text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy    text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from  date,
  valid_to    date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE corridor.boundary_maps (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  map_basis   text,
  proposed_by text NOT NULL CHECK (proposed_by IN ('ARM','AZE','joint commission','reference','third party')),
  status      text NOT NULL CHECK (status IN ('reference','proposed','agreed','de facto')),
  description text NOT NULL,
  note        text,
  sources     text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy    text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from  date,
  valid_to    date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE corridor.boundary_lines (
  id          text PRIMARY KEY,
  geom        geometry(MultiLineString, 4326) NOT NULL
              CHECK (ST_IsValid(geom) AND corridor.in_region(geom)),
  map_id      text NOT NULL REFERENCES corridor.boundary_maps (id) DEFERRABLE INITIALLY DEFERRED,
  section     text NOT NULL,
  agreed      boolean NOT NULL,
  length_km   numeric GENERATED ALWAYS AS (round((ST_Length(geom::geography) / 1000)::numeric, 3)) STORED,
  note        text,
  sources     text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy    text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from  date,
  valid_to    date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON corridor.boundary_lines (map_id);

CREATE TABLE corridor.disputed_areas (
  id              text PRIMARY KEY,
  geom            geometry(MultiPolygon, 4326) NULL   -- NULL: cited figure without a known location
                  CHECK (geom IS NULL OR (ST_IsValid(geom) AND corridor.in_region(geom))),
  kind            text NOT NULL,         -- held-since-2021, held-since-2022, held-since-2023, held-since-1990s, exclave, transferred-2024
  name            text NOT NULL,
  place           text,                  -- places.csv name the shape was grown from / placed at
  claimed_by      text,                  -- ISO3
  controlled_by   text,                  -- ISO3
  since           date,
  since_precision text CHECK (since_precision IN ('day','month','season','year')),
  episode         text,
  cited_area_km2  numeric,               -- the cited figure this row represents (NULL if none)
  cited_figure    text,                  -- the figure(s) as published, attributed
  area_km2        numeric GENERATED ALWAYS AS (round((ST_Area(geom::geography) / 1e6)::numeric, 3)) STORED,
  note            text,
  sources         text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy        text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from      date,
  valid_to        date,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON corridor.disputed_areas (kind);

CREATE TABLE corridor.routes (
  id          text PRIMARY KEY,
  geom        geometry(LineString, 4326) NOT NULL
              CHECK (ST_IsValid(geom) AND corridor.in_region(geom)),
  name        text NOT NULL,
  origin      text NOT NULL,
  destination text NOT NULL,
  via         text[] NOT NULL,           -- transit states (ISO3) other than origin/destination state
  mode        text NOT NULL CHECK (mode IN ('rail','road')),
  status      text NOT NULL CHECK (status IN ('operating','disused','announced','under construction','proposed')),
  proposed_by text,
  checkpoints text[] NOT NULL DEFAULT '{}',   -- ordered checkpoint ids along the route
  cited_lengths jsonb,                   -- published lengths, attributed (never used for geometry)
  length_km   numeric GENERATED ALWAYS AS (round((ST_Length(geom::geography) / 1000)::numeric, 3)) STORED,
  note        text,
  sources     text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy    text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from  date,
  valid_to    date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE corridor.route_segments (
  id          text PRIMARY KEY,          -- '<route-id>:<seq>'
  geom        geometry(MultiLineString, 4326) NOT NULL
              CHECK (ST_IsValid(geom) AND corridor.in_region(geom)),
  route_id    text NOT NULL REFERENCES corridor.routes (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq         int  NOT NULL,
  country     text NOT NULL,
  length_km   numeric NOT NULL,
  mode        text NOT NULL,
  note        text,
  sources     text[] NOT NULL,
  accuracy    text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from  date,
  valid_to    date,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (route_id, seq)
);

CREATE TABLE corridor.checkpoints (
  id              text PRIMARY KEY,
  geom            geometry(Point, 4326) NOT NULL
                  CHECK (ST_IsValid(geom) AND corridor.in_region(geom)),
  name            text NOT NULL,
  states          text[] NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('border crossing','customs post','passport post','bridge')),
  status          text NOT NULL CHECK (status IN ('operating','not open to regular traffic','proposed','under construction','built, not open','unknown')),
  operating_states text[] NOT NULL DEFAULT '{}',
  place           text,                  -- places.csv name(s) the position is anchored on
  note            text,
  sources         text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy        text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from      date,
  valid_to        date,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE corridor.control_regimes (
  id               text PRIMARY KEY,
  code             text NOT NULL UNIQUE,
  name             text NOT NULL,
  passport_control boolean,              -- NULL = not specified by the proposer
  customs_control  boolean,
  border_control   boolean,
  operator         text CHECK (operator IN ('national','third party','joint','none')),
  guarantors       text[],               -- '{}' = explicitly none; NULL = not specified
  proposed_by      text,
  description      text NOT NULL,
  note             text,
  sources          text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy         text CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from       date,
  valid_to         date,
  recorded_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE corridor.scenarios (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  description text NOT NULL,
  assignments jsonb NOT NULL CHECK (jsonb_typeof(assignments) = 'object'),
    -- {"segments":[{"route_id","country","regime","open","basis"}], "checkpoints":[{"checkpoint_id","regime","open","basis"}]}
  note        text,
  sources     text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy    text CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from  date,
  valid_to    date,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

SELECT corridor._setup_history(t)
  FROM unnest(ARRAY['sources','countries','boundary_maps','boundary_lines','disputed_areas','routes',
                    'route_segments','checkpoints','control_regimes','scenarios']) t;
DROP FUNCTION corridor._setup_history(text);

INSERT INTO corridor.collection (id, table_name, title, description, geometry_type, sort_order) VALUES
 ('sources','sources','Sources','Bibliography: every feature cites at least one source id from here.',NULL,1),
 ('countries','countries','Countries','Country land polygons of the region (OpenStreetMap 2017, ODbL), exclave overlaps resolved.','MultiPolygon',2),
 ('boundary-maps','boundary_maps','Candidate boundary maps','Candidate delimitation maps: reference line, agreed sections, de facto line, stated positions.',NULL,3),
 ('boundary-lines','boundary_lines','Boundary lines','Lines of each candidate map, split into named sections.','MultiLineString',4),
 ('disputed-areas','disputed_areas','Disputed areas','Areas claimed by one state and controlled by the other, each with its cited figure; area computed by PostGIS.','MultiPolygon',5),
 ('routes','routes','Routes','Corridor options as journeys (rail/road), with status and proposer.','LineString',6),
 ('route-segments','route_segments','Route segments','Each route cut by country (computed by corridor.rebuild_route_segments()).','MultiLineString',7),
 ('checkpoints','checkpoints','Checkpoints','Border crossings, customs/passport posts and bridges.','Point',8),
 ('control-regimes','control_regimes','Control regimes','What a crossing or segment is subject to, by proposer.',NULL,9),
 ('scenarios','scenarios','Scenarios','Named bundles assigning a control regime and open/closed state to every route segment and checkpoint.',NULL,10);

-- ---------------------------------------------------------------- route segmentation
-- Cuts every route by the country polygons. Pieces lying in no polygon (rivers/lakes cut out of the
-- land polygons, border gaps) are attributed to the neighbouring country (same country on both sides,
-- else the preceding one along the route) so that the segments always sum to the route length.
-- Consecutive pieces in the same country form one segment; seq follows the route (ST_LineLocatePoint).
-- Rows are upserted: unchanged segments keep their version, changed ones get a new one (history).
CREATE OR REPLACE FUNCTION corridor.rebuild_route_segments() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  n integer;
  land geometry;
BEGIN
  SELECT ST_Union(geom) INTO land FROM corridor.countries;

  CREATE TEMP TABLE _rs_piece ON COMMIT DROP AS
  WITH cut AS (
    SELECT r.id AS route_id, c.id AS country, d.geom AS g
      FROM corridor.routes r
      JOIN corridor.countries c ON ST_Intersects(r.geom, c.geom)
      CROSS JOIN LATERAL ST_Dump(ST_CollectionExtract(ST_Intersection(r.geom, c.geom), 2)) d
    UNION ALL
    SELECT r.id, NULL, d.geom
      FROM corridor.routes r
      CROSS JOIN LATERAL ST_Dump(ST_CollectionExtract(
             CASE WHEN land IS NULL THEN r.geom ELSE ST_Difference(r.geom, land) END, 2)) d
  )
  SELECT cut.route_id, cut.country, cut.g,
         ST_LineLocatePoint(r.geom, ST_LineInterpolatePoint(cut.g, 0.5)) AS pos
    FROM cut JOIN corridor.routes r ON r.id = cut.route_id
   WHERE NOT ST_IsEmpty(cut.g) AND ST_Length(cut.g) > 0;

  -- attribute pieces outside every polygon
  UPDATE _rs_piece p SET country = COALESCE(
           CASE WHEN prev.country = nxt.country THEN prev.country END, prev.country, nxt.country)
    FROM _rs_piece p0
    LEFT JOIN LATERAL (SELECT country FROM _rs_piece q WHERE q.route_id = p0.route_id AND q.country IS NOT NULL
                        AND q.pos < p0.pos ORDER BY q.pos DESC LIMIT 1) prev ON true
    LEFT JOIN LATERAL (SELECT country FROM _rs_piece q WHERE q.route_id = p0.route_id AND q.country IS NOT NULL
                        AND q.pos > p0.pos ORDER BY q.pos LIMIT 1) nxt ON true
   WHERE p.country IS NULL AND p0.ctid = p.ctid;

  CREATE TEMP TABLE _rs_new ON COMMIT DROP AS
  WITH runs AS (
    SELECT route_id, country, g, pos,
           sum(chg) OVER (PARTITION BY route_id ORDER BY pos) AS grp
      FROM (SELECT *, CASE WHEN country IS DISTINCT FROM lag(country) OVER (PARTITION BY route_id ORDER BY pos)
                           THEN 1 ELSE 0 END AS chg
              FROM _rs_piece WHERE country IS NOT NULL) s
  ), seg AS (
    SELECT route_id, grp AS seq, min(country) AS country,
           ST_Multi(ST_LineMerge(ST_Collect(g ORDER BY pos))) AS geom
      FROM runs GROUP BY route_id, grp
  )
  SELECT seg.route_id || ':' || seg.seq AS id, seg.geom, seg.route_id, seg.seq::int AS seq, seg.country,
         round((ST_Length(seg.geom::geography) / 1000)::numeric, 3) AS length_km,
         r.mode, r.sources, r.accuracy, r.valid_from, r.valid_to
    FROM seg JOIN corridor.routes r ON r.id = seg.route_id;

  DELETE FROM corridor.route_segments s WHERE NOT EXISTS (SELECT 1 FROM _rs_new n WHERE n.id = s.id);

  INSERT INTO corridor.route_segments AS s (id, geom, route_id, seq, country, length_km, mode, note, sources, accuracy, valid_from, valid_to)
  SELECT id, geom, route_id, seq, country, length_km, mode,
         'computed by corridor.rebuild_route_segments() from routes and countries', sources, accuracy, valid_from, valid_to
    FROM _rs_new
  ON CONFLICT (id) DO UPDATE SET
    geom = EXCLUDED.geom, route_id = EXCLUDED.route_id, seq = EXCLUDED.seq, country = EXCLUDED.country,
    length_km = EXCLUDED.length_km, mode = EXCLUDED.mode, note = EXCLUDED.note, sources = EXCLUDED.sources,
    accuracy = EXCLUDED.accuracy, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to;

  SELECT count(*) INTO n FROM _rs_new;
  DROP TABLE _rs_piece;
  DROP TABLE _rs_new;
  RETURN n;
END $$;
