-- Positions: what each party wants, attributed, with its sources; control regimes and scenarios name the
-- positions they encode. Disputed areas keep the figure a source gives (cited_area_km2) apart from the area a
-- schematic shape was grown to when a source's total is split among places (target_km2, target_basis).
CREATE TABLE corridor.positions (
  id             text PRIMARY KEY,
  geom           geometry(Geometry, 4326) NULL
                 CHECK (geom IS NULL OR (ST_IsValid(geom) AND corridor.in_region(geom))),
  party          text NOT NULL,            -- ISO3 (ARM, AZE, IRN, RUS, TUR, USA), EU, or 'joint' for a text both signed
  stated_by      text NOT NULL,            -- who said it (office, person, document)
  topic          text NOT NULL,
  position       text NOT NULL,            -- the position, paraphrased and attributed
  stated_on      date,
  date_precision text CHECK (date_precision IN ('day','month','season','year')),
  note           text,
  sources        text[] NOT NULL CHECK (cardinality(sources) > 0),
  accuracy       text NOT NULL CHECK (accuracy IN ('surveyed','approximate','schematic')),
  valid_from     date,
  valid_to       date,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE corridor.positions_history (LIKE corridor.positions, recorded_to timestamptz NOT NULL, history_id bigserial PRIMARY KEY);
CREATE INDEX ON corridor.positions_history (id, recorded_at);
CREATE INDEX ON corridor.positions (valid_from);
CREATE INDEX ON corridor.positions (topic);
CREATE INDEX ON corridor.positions USING gist (geom);
CREATE TRIGGER positions_keep_history BEFORE UPDATE OR DELETE ON corridor.positions
  FOR EACH ROW EXECUTE FUNCTION corridor.keep_history();
INSERT INTO corridor.collection (id, table_name, title, description, geometry_type, sort_order) VALUES
 ('positions','positions','Positions','What each party wants, by topic, attributed and sourced (treaty form, map basis, controls on the Syunik route, guarantors, third-party forces…).','Geometry',12);
SELECT corridor.track_changes('positions');

ALTER TABLE corridor.control_regimes ADD COLUMN positions text[] NOT NULL DEFAULT '{}';
ALTER TABLE corridor.control_regimes_history ADD COLUMN positions text[];
ALTER TABLE corridor.scenarios ADD COLUMN positions text[] NOT NULL DEFAULT '{}';
ALTER TABLE corridor.scenarios_history ADD COLUMN positions text[];

ALTER TABLE corridor.disputed_areas ADD COLUMN target_km2 numeric, ADD COLUMN target_basis text;
ALTER TABLE corridor.disputed_areas_history ADD COLUMN target_km2 numeric, ADD COLUMN target_basis text;

-- A border a route crosses always has a checkpoint record, also where nothing is open there.
ALTER TABLE corridor.checkpoints DROP CONSTRAINT checkpoints_status_check;
ALTER TABLE corridor.checkpoints ADD CONSTRAINT checkpoints_status_check
  CHECK (status IN ('operating','not open to regular traffic','proposed','under construction','built, not open','unknown','closed','none'));

-- Every collection states how exact it is: regimes and scenarios paraphrase published positions.
UPDATE corridor.control_regimes SET accuracy = 'approximate' WHERE accuracy IS NULL;
UPDATE corridor.scenarios SET accuracy = 'approximate' WHERE accuracy IS NULL;
ALTER TABLE corridor.control_regimes ALTER COLUMN accuracy SET NOT NULL;
ALTER TABLE corridor.scenarios ALTER COLUMN accuracy SET NOT NULL;

-- Sources: where to find them and in which language (NULL where the fact sheet does not say).
ALTER TABLE corridor.sources ADD COLUMN url text, ADD COLUMN language text;
ALTER TABLE corridor.sources_history ADD COLUMN url text, ADD COLUMN language text;

-- Names as each side writes them (attributed: {"hy": …, "az": …, "ru": …, "en": …, or a party's usage}) and
-- every form, usage and alias in one array that filters can search (A_CONTAINS(aliases, ('Zangezur corridor'))).
ALTER TABLE corridor.routes ADD COLUMN names jsonb, ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';
ALTER TABLE corridor.routes_history ADD COLUMN names jsonb, ADD COLUMN aliases text[];
ALTER TABLE corridor.checkpoints ADD COLUMN names jsonb, ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';
ALTER TABLE corridor.checkpoints_history ADD COLUMN names jsonb, ADD COLUMN aliases text[];
ALTER TABLE corridor.disputed_areas ADD COLUMN names jsonb, ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';
ALTER TABLE corridor.disputed_areas_history ADD COLUMN names jsonb, ADD COLUMN aliases text[];
