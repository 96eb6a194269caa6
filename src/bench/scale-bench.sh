#!/usr/bin/env bash
# Scale-out benchmark (not a test), run by `./corridor bench scale` against the service the runner started on
# its embedded PostGIS (the primary):
#
#   src/bench/scale-bench.sh BASE_URL PSQL_CONNINFO
#
# It makes a streaming replica of that database (pg_basebackup -R, then a hot standby on 127.0.0.1), starts
# two more instances that read from it (CORRIDOR_DB_READ_URLS), and nginx on 127.0.0.1 in front of them, and
# measures with wrk (concurrency 8, keep-alive, no gzip, no If-None-Match) req/s and p99 latency of a feature
# page and a vector tile:
#   - routing overhead: one instance on the primary alone vs one instance routing reads to the replica;
#   - one instance vs two behind nginx (round robin) on the primary + replica pair;
#   - a tile cached by nginx (proxy_cache, honouring the service's Cache-Control) behind the load balancer.
# Environment: BENCH_SECONDS (per run, default 10), RUNS (runs per figure, the median counts; default 3).
# The figures are wall-clock: on a shared 2-core machine expect no speed-up from a second instance.
set -euo pipefail
BASE=${1:?base URL}
CONN=${2:?psql conninfo}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
RUNS=${RUNS:-3}
PRIMARY_PORT=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$CONN")
REPLICA_PORT=${BENCH_REPLICA_PORT:-54398}
read -r -a PORTS <<<"${BENCH_SCALE_PORTS:-18081 18082}"
LB_PORT=${BENCH_LB_PORT:-18090}
ITEMS='/collections/checkpoints/items?limit=14'
TILE='/collections/checkpoints/tiles/WebMercatorQuad/8/97/160'
OUT=target/bench
WORK=$(mktemp -d /tmp/corridor-scale-bench.XXXXXX)
REPLICA_DATA=$WORK/replica
PG_BIN=${CORRIDOR_PG_BIN:-/usr/lib/postgresql/$(ls /usr/lib/postgresql | grep -E '^[0-9]+$' | sort -n | tail -1)/bin}
pids=()

cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill -QUIT "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -f "$REPLICA_DATA/postmaster.pid" ]; then
    kill -INT "$(head -1 "$REPLICA_DATA/postmaster.pid")" 2>/dev/null || true
    for _ in $(seq 60); do [ -f "$REPLICA_DATA/postmaster.pid" ] || break; sleep 0.5; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# PostgreSQL refuses to run as root; as root it runs in a user namespace, as the service's embedded cluster does.
as_pg() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }

wait_http() {
  for _ in $(seq 360); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "no answer from $1" >&2; return 1
}

echo "replica: pg_basebackup of 127.0.0.1:$PRIMARY_PORT, hot standby on 127.0.0.1:$REPLICA_PORT"
"$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DATA" -R -X stream --checkpoint=fast
rm -f "$REPLICA_DATA/epg-lock"
mkdir -p "$WORK/socket"
as_pg "$PG_BIN/postgres" -D "$REPLICA_DATA" -p "$REPLICA_PORT" -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories="$WORK/socket" -c hot_standby=on -c jit=off > "$WORK/replica.log" 2>&1 &
for _ in $(seq 120); do
  psql -X -qAt "host=127.0.0.1 port=$REPLICA_PORT user=postgres dbname=corridor" -c 'select pg_is_in_recovery()' 2>/dev/null | grep -q t && break
  sleep 0.5
done

for port in "${PORTS[@]}"; do
  timeout 3600 java -Xmx512m -XX:+UseSerialGC -jar target/corridor-gis.jar --server.address=127.0.0.1 \
    --server.port="$port" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/corridor" \
    --spring.datasource.username=postgres --spring.datasource.password= \
    --corridor.database.replicas.urls="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/corridor" \
    --corridor.geodata.enabled=false --logging.level.org.corridorgis=WARN \
    --management.endpoint.health.show-details=always > "$OUT/service-scale-$port.log" 2>&1 &
  pids+=($!)
done
for port in "${PORTS[@]}"; do wait_http "http://127.0.0.1:$port/actuator/health"; done
curl -fsS "http://127.0.0.1:${PORTS[0]}/actuator/health" | grep -q '"inRotation":1' \
  || { echo "the replica is not in rotation:"; curl -sS "http://127.0.0.1:${PORTS[0]}/actuator/health"; exit 1; }

mkdir -p "$WORK/cache" "$WORK/tmp"
chmod 0711 "$WORK" # nginx workers run as nobody: they must reach their cache and temp directories
chmod 0777 "$WORK/cache" "$WORK/tmp"
cat > "$WORK/nginx.conf" <<NGINX
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp/body;
  proxy_temp_path $WORK/tmp/proxy;
  fastcgi_temp_path $WORK/tmp/fastcgi;
  uwsgi_temp_path $WORK/tmp/uwsgi;
  scgi_temp_path $WORK/tmp/scgi;
  proxy_cache_path $WORK/cache keys_zone=corridor:10m max_size=256m;
  upstream one { server 127.0.0.1:${PORTS[0]}; keepalive 16; }
  upstream two { server 127.0.0.1:${PORTS[0]}; server 127.0.0.1:${PORTS[1]}; keepalive 16; }
  server {
    listen 127.0.0.1:$LB_PORT;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    location /one/ { proxy_pass http://one/; }
    location /two/ { proxy_pass http://two/; }
    location /cached/ {
      proxy_pass http://two/;
      proxy_cache corridor;
      proxy_cache_use_stale updating;
      proxy_cache_background_update on;
      add_header X-Cache-Status \$upstream_cache_status;
    }
  }
}
NGINX
nginx -p "$WORK" -c "$WORK/nginx.conf"
wait_http "http://127.0.0.1:$LB_PORT/two/actuator/health"

# wrk URL -> "req/s p99_ms"; fails if any answer was not 2xx/3xx
measure() {
  local out
  out=$(wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency "$1")
  if grep -q 'Non-2xx' <<<"$out"; then echo "non-2xx answers from $1:" >&2; echo "$out" >&2; return 1; fi
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")
  echo "$rps $p99"
}

# median over RUNS of "req/s p99"
median_of_runs() {
  local url=$1 i runs
  wrk -t2 -c8 -d3s "$url" > /dev/null # warm-up
  runs=$(for i in $(seq "$RUNS"); do measure "$url"; done)
  local m=$(( (RUNS + 1) / 2 ))
  printf '%.0f %.1f\n' "$(cut -d' ' -f1 <<<"$runs" | sort -g | sed -n "${m}p")" "$(cut -d' ' -f2 <<<"$runs" | sort -g | sed -n "${m}p")"
}

declare -A RESULT
row() { # label path-prefix
  for what in items tile; do
    local path=$ITEMS; [ "$what" = tile ] && path=$TILE
    RESULT["$1 $what"]=$(median_of_runs "$2$path")
    echo "  $1, $what: $(awk '{print $1 " req/s, p99 " $2 " ms"}' <<<"${RESULT["$1 $what"]}")"
  done
}

echo "wrk: concurrency 8, ${SECONDS_PER_RUN} s per run, median of $RUNS runs"
row "1 instance, primary only" "$BASE"
row "1 instance, reads on the replica" "http://127.0.0.1:${PORTS[0]}"
row "nginx, 1 instance (primary + replica)" "http://127.0.0.1:$LB_PORT/one"
row "nginx, 2 instances (primary + replica)" "http://127.0.0.1:$LB_PORT/two"
curl -fsS -o /dev/null "http://127.0.0.1:$LB_PORT/cached$TILE"
status=$(curl -fsS -o /dev/null -D - "http://127.0.0.1:$LB_PORT/cached$TILE" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache-status" {print $2}')
[ "$status" = HIT ] || { echo "nginx did not cache the tile (X-Cache-Status: $status)"; exit 1; }
RESULT["cached tile"]=$(median_of_runs "http://127.0.0.1:$LB_PORT/cached$TILE")
echo "  nginx cache, 2 instances behind it, tile: $(awk '{print $1 " req/s, p99 " $2 " ms"}' <<<"${RESULT["cached tile"]}")"

{
  echo "# scale benchmark: wrk -c8, ${SECONDS_PER_RUN} s runs, median of $RUNS; req/s p99_ms"
  for k in "${!RESULT[@]}"; do echo "$k: ${RESULT[$k]}"; done | sort
  for what in items tile; do
    awk -v w="$what" -v a="${RESULT["1 instance, primary only $what"]}" -v b="${RESULT["1 instance, reads on the replica $what"]}" 'BEGIN {
      split(a, x, " "); split(b, y, " ");
      printf "routing overhead, %s: %.1f %% req/s (%.0f -> %.0f), p99 %.1f -> %.1f ms\n", w, (x[1] - y[1]) / x[1] * 100, x[1], y[1], x[2], y[2] }'
  done
} | tee "$OUT/scale.txt"
