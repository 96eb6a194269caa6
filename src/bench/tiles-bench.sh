#!/usr/bin/env bash
# Vector tile benchmark (not a test): the time the service takes to make the tiles of the region
# (lon 42.5–51.0, lat 37.0–42.5) at zooms 5–12 over HTTP, versus the bare work in psql: a query written by hand
# for the benchmark (src/bench/tiles-bare.sql: each layer's features cut to the tile, projected and encoded with
# ST_AsMVT, ids only), never the service's own query, so that the baseline does not grow with the service's work.
#
#   src/bench/tiles-bench.sh [BASE_URL] [PSQL_CONNINFO]
#   src/bench/tiles-bench.sh http://127.0.0.1:8080 "host=127.0.0.1 port=54329 user=postgres dbname=corridor"
#
# The bare query's parameters :tile_z :tile_x :tile_y are psql \set variables. HTTP: one curl process fetching every tile over a kept-alive connection, gzip
# accepted, no If-None-Match (so nothing comes from a cache). psql: one session running the query per tile,
# output discarded, once as plain statements (planned per tile) and once as a prepared statement (planned
# once, like the service's JDBC driver after a few executions). Sample: every tile of the box at zooms 5–9, and at zooms 10–12 a random sample of 500
# tiles per zoom (fixed seed 7), because zoom 12 alone is ~20,000 tiles. Needs bash, curl, psql, python3.
# Environment: SAMPLE (tiles per zoom at 10–12, default 500; 0 = zooms 5–9 only), RUNS (timed passes, default 3;
# the best pass counts). Run it on a quiet machine: the figures are wall-clock times.
set -euo pipefail
# the service's connections run without JIT (see application.yml); so do the baselines'
export PGOPTIONS="-c jit=off"
BASE=${1:-http://127.0.0.1:8080}
CONN=${2:-"host=127.0.0.1 port=54329 user=postgres dbname=corridor"}
SAMPLE=${SAMPLE:-500}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$SAMPLE" > "$WORK/tiles.txt" <<'PY'
import math, random, sys
sample = int(sys.argv[1])
rnd = random.Random(7)
def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180.0) / 360.0 * n)
    r = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(r)) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)
for z in range(5, 13):
    x0, y0 = tile(42.5, 42.5, z)
    x1, y1 = tile(51.0, 37.0, z)
    tiles = [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    if z >= 10 and len(tiles) > sample:
        tiles = rnd.sample(tiles, sample)
    for t in tiles:
        print(*t)
PY

curl -fsS -o /dev/null "$BASE/tiles/WebMercatorQuad/6/24/40"   # a tile over Armenia (z6: the region is x 39-41)
# the bare query, written by hand (see the header): never read from the service
QUERY="$(dirname "$0")/tiles-bare.sql"
grep -v '^--' "$QUERY" > "$WORK/query.sql"
[ -s "$WORK/query.sql" ] || { echo "no bare tile query in $QUERY"; exit 1; }
{
  echo '\set ON_ERROR_STOP on'
  echo '\o /dev/null'
  while read -r z x y; do
    echo "\\set tile_z $z"; echo "\\set tile_x $x"; echo "\\set tile_y $y"
    cat "$WORK/query.sql"; echo ';'
  done < "$WORK/tiles.txt"
} > "$WORK/bench.psql"
# the same query as a prepared statement (planned once, as the JDBC driver ends up doing for the service)
{
  echo '\set ON_ERROR_STOP on'
  echo '\o /dev/null'
  echo 'prepare tile(int, int, int) as'
  sed -e 's/:tile_z/$1/g; s/:tile_x/$2/g; s/:tile_y/$3/g' "$WORK/query.sql"; echo ';'
  while read -r z x y; do echo "execute tile($z, $x, $y);"; done < "$WORK/tiles.txt"
} > "$WORK/prepared.psql"
while read -r z x y; do
  echo "url = \"$BASE/tiles/WebMercatorQuad/$z/$y/$x\""
  echo "output = \"/dev/null\""
done < "$WORK/tiles.txt" > "$WORK/curl.cfg"

now() { date +%s.%N; }
count=$(wc -l < "$WORK/tiles.txt")
echo "tiles: $count ($(awk '{c[$1]++} END {for (z in c) printf "z%s=%d ", z, c[z]}' "$WORK/tiles.txt" | tr ' ' '\n' | sort -t= -k1.2n | tr '\n' ' '))"

# warm-up: one pass each, untimed (plans, shared buffers, JIT of the JVM)
psql -X -q "$CONN" -f "$WORK/bench.psql" > /dev/null
curl -sS --compressed -K "$WORK/curl.cfg" -w '%{http_code}\n' > "$WORK/codes.txt"
if grep -qv '^200$' "$WORK/codes.txt"; then echo "some tiles did not answer 200:"; sort "$WORK/codes.txt" | uniq -c; exit 1; fi

psql -X -q "$CONN" -f "$WORK/prepared.psql" > /dev/null

runs=${RUNS:-3}
best_sql=999999; best_prep=999999; best_http=999999
for i in $(seq "$runs"); do
  t0=$(now); psql -X -q "$CONN" -f "$WORK/bench.psql" > /dev/null; t1=$(now)
  psql -X -q "$CONN" -f "$WORK/prepared.psql" > /dev/null; t2=$(now)
  curl -sS --compressed -K "$WORK/curl.cfg" > /dev/null; t3=$(now)
  sql=$(echo "$t1 - $t0" | bc -l); prep=$(echo "$t2 - $t1" | bc -l); http=$(echo "$t3 - $t2" | bc -l)
  printf 'run %d: psql %.3f s, psql prepared %.3f s, http %.3f s\n' "$i" "$sql" "$prep" "$http"
  best_sql=$(echo "if ($sql < $best_sql) $sql else $best_sql" | bc -l)
  best_prep=$(echo "if ($prep < $best_prep) $prep else $best_prep" | bc -l)
  best_http=$(echo "if ($http < $best_http) $http else $best_http" | bc -l)
done
ms() { echo "$1 * 1000 / $count" | bc -l; }
printf 'best of %d over %d tiles:\n' "$runs" "$count"
printf '  bare ST_AsMVT query (by hand)    %7.3f s  (%.2f ms/tile)\n' "$best_sql" "$(ms "$best_sql")"
printf '  same, prepared once (EXECUTE)    %7.3f s  (%.2f ms/tile)\n' "$best_prep" "$(ms "$best_prep")"
printf '  HTTP (service, gzip, no cache)   %7.3f s  (%.2f ms/tile)\n' "$best_http" "$(ms "$best_http")"
printf 'ratio HTTP / bare query: %.2f; HTTP / prepared query: %.2f (target <= 1.20)\n' \
  "$(echo "$best_http / $best_sql" | bc -l)" "$(echo "$best_http / $best_prep" | bc -l)"
