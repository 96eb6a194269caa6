#!/bin/sh
# Rebuild every file in geodata/ from its inputs (recipe/inputs/), in a throw-away PostGIS database.
#   CORRIDOR_PG      libpq key=value connection string of a PostGIS server (superuser or CREATEDB),
#                    default: the throw-away cluster "host=127.0.0.1 port=55433 user=postgres dbname=postgres"
#   CORRIDOR_INPUTS  folder holding places.csv and countries-osm-10m-region.geojson (default: inputs/ beside this
#                    script: copies of the project's fact sheet coordinates and the OSM-derived country polygons)
#   KEEP=1           keep the scratch database corridor_recipe afterwards
# Needs: psql (PostgreSQL 15), PostGIS >= 3.3 on the server. Nothing else.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(dirname "$HERE")
ROOT=$(dirname "$OUT")
CORRIDOR_INPUTS=${CORRIDOR_INPUTS:-$HERE/inputs}
export CORRIDOR_INPUTS
PG=${CORRIDOR_PG:-"host=127.0.0.1 port=55433 user=postgres dbname=postgres"}
DB=corridor_recipe
DBC="$PG dbname=$DB"

psql "$PG" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# the data model: every migration, in version order
for m in $(ls "$ROOT/migrations" | sort -t_ -k1.2n); do
  psql "$DBC" -X -q -v ON_ERROR_STOP=1 -f "$ROOT/migrations/$m" >/dev/null
done
cd "$HERE"
psql "$DBC" -X -q -v ON_ERROR_STOP=1 \
     -f 10_inputs.sql -f 20_geometry.sql -f 30_sources.sql -f 35_source_urls.sql -f 40_features.sql -f 50_routes.sql \
     -c "SELECT corridor.rebuild_route_segments()" -f 60_scenarios.sql -f 62_positions.sql -f 65_events.sql -f 70_export.sql >/dev/null

for c in countries:countries boundary-maps:boundary_maps boundary-lines:boundary_lines disputed-areas:disputed_areas \
         routes:routes checkpoints:checkpoints control-regimes:control_regimes scenarios:scenarios events:events positions:positions; do
  id=${c%%:*}; t=${c#*:}
  psql "$DBC" -X -q -At -v ON_ERROR_STOP=1 -c "SELECT recipe.fc('$t')" > "$OUT/$id.geojson"
  echo "wrote $id.geojson ($(grep -c '"type": "Feature"' "$OUT/$id.geojson") features)"
done
psql "$DBC" -X -q -At -v ON_ERROR_STOP=1 -c "SELECT recipe.sources_json()" > "$OUT/sources.json"
echo "wrote sources.json"
[ "${KEEP:-0}" = 1 ] || psql "$PG" -X -q -c "DROP DATABASE $DB"
