-- Time: dated events, and control regimes that hold for a period.
--
-- A scenario assignment (an element of assignments->'segments' or ->'checkpoints') may carry "valid_from" and
-- "valid_to" (ISO dates, both ends included; absent = open). A scenario that follows the record (the
-- 'observed' scenario) has several assignments per segment or checkpoint, one per period; a proposal has one
-- without dates. corridor.assignments_at is the only place that reads the periods, so that feature pages,
-- tiles and analyses agree on the state at a date.
CREATE OR REPLACE FUNCTION corridor.assignments_at(assignments jsonb, part text, at date)
RETURNS TABLE (a jsonb, n bigint)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT e.a, e.n
    FROM jsonb_array_elements(coalesce(assignments->part, '[]'::jsonb)) WITH ORDINALITY AS e(a, n)
   WHERE (e.a->>'valid_from' IS NULL OR (e.a->>'valid_from')::date <= coalesce(at, current_date))
     AND (e.a->>'valid_to' IS NULL OR (e.a->>'valid_to')::date >= coalesce(at, current_date))
$$;

-- Events carry the geometry of what they concern: a point (a place), a line (a route, a boundary section) or
-- an area (a disputed area), or none (a statement about no place in particular).
ALTER TABLE corridor.collection DROP CONSTRAINT collection_geometry_type_check;
ALTER TABLE corridor.collection ADD CONSTRAINT collection_geometry_type_check
  CHECK (geometry_type IN ('Point','LineString','MultiLineString','MultiPolygon','Geometry'));

CREATE TABLE corridor.events (
  id             text PRIMARY KEY,
  geom           geometry(Geometry, 4326) NULL
                 CHECK (geom IS NULL OR (ST_IsValid(geom) AND corridor.in_region(geom))),
  event_date     date NOT NULL,            -- the day it happened (first day of the period if date_precision is coarser)
  date_precision text NOT NULL CHECK (date_precision IN ('day','month','season','year')),
  title          text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('agreement','statement','negotiation','military','territory','transit',
                                               'infrastructure','election','deployment')),
  parties        text[] NOT NULL DEFAULT '{}',    -- ISO3 codes or bodies (EU) of those who acted
  description    text NOT NULL,
  changed        text[] NOT NULL DEFAULT '{}',    -- features it changed, '<collection-id>/<feature-id>'
  note           text,
  sources        text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy       text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from     date,
  valid_to       date,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE corridor.events_history (LIKE corridor.events, recorded_to timestamptz NOT NULL, history_id bigserial PRIMARY KEY);
CREATE INDEX ON corridor.events_history (id, recorded_at);
CREATE INDEX ON corridor.events (valid_from);
CREATE INDEX ON corridor.events (event_date);
CREATE INDEX ON corridor.events USING gist (geom);
CREATE INDEX ON corridor.events_history USING gist (geom);
CREATE TRIGGER events_keep_history BEFORE UPDATE OR DELETE ON corridor.events
  FOR EACH ROW EXECUTE FUNCTION corridor.keep_history();

INSERT INTO corridor.collection (id, table_name, title, description, geometry_type, sort_order) VALUES
 ('events','events','Events','Dated, sourced events (agreements, statements, clashes, openings), each linked to the features it changed; geometry where it has a place.','Geometry',11);
SELECT corridor.track_changes('events');

-- The line of contact of the exposure analysis is the de facto line of today: the earlier de facto maps (one
-- per period since Nov 2020) end with a valid_to.
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
   WHERE m.status = 'de facto' AND m.valid_to IS NULL;

-- Who applies the controls of a regime run by a third party (e.g. Russia's border guards under the 2020
-- statement), kept apart from who guarantees the link's security (there, Armenia).
ALTER TABLE corridor.control_regimes ADD COLUMN overseen_by text[];
ALTER TABLE corridor.control_regimes_history ADD COLUMN overseen_by text[];
