-- PostGIS does every geometry computation of the service; the corridor schema holds its data model.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS corridor;
COMMENT ON SCHEMA corridor IS 'corridor-gis: candidate boundary maps, disputed areas, routes, checkpoints, control regimes, scenarios';
