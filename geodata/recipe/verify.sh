#!/bin/sh
# Load geodata/ into a scratch database with the real migration (V2) and print the headline figures.
# Same environment as build.sh (CORRIDOR_PG, CORRIDOR_INPUTS, KEEP=1).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
GEODATA=$(dirname "$HERE")
ROOT=$(dirname "$GEODATA")
CORRIDOR_INPUTS=${CORRIDOR_INPUTS:-$HERE/inputs}
CORRIDOR_GEODATA=$GEODATA
export CORRIDOR_INPUTS CORRIDOR_GEODATA
PG=${CORRIDOR_PG:-"host=127.0.0.1 port=55433 user=postgres dbname=postgres"}
DB=corridor_verify
psql "$PG" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
psql "$PG dbname=$DB" -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE SCHEMA IF NOT EXISTS corridor;" \
     -f "$ROOT/migrations/V2__data_model.sql" >/dev/null
psql "$PG dbname=$DB" -X -q -v ON_ERROR_STOP=1 -f "$HERE/verify.sql"
[ "${KEEP:-0}" = 1 ] || psql "$PG" -X -q -c "DROP DATABASE $DB"
