#!/usr/bin/env bash
# Times each analysis endpoint on the seed data: N sequential requests (default 50), median and p95 in ms.
# Usage: src/bench/analysis-bench.sh BASE_URL      (target: < 200 ms each; ANALYSIS_REQUESTS=N, default 50)
# Only answers with a 2xx status are timed: any other answer (a problem, a redirect, no answer) stops the
# benchmark with the URL and the status, so that a broken endpoint cannot pass for a fast one.
set -euo pipefail
BASE=${1:?usage: $0 BASE_URL}; N=${ANALYSIS_REQUESTS:-50}
urls=(
  "/analysis?f=json"
  "/analysis/routes/compare?routes=baku-nakhchivan-via-meghri,baku-nakhchivan-via-aras-corridor-iran,baku-nakhchivan-via-iran-historic-road&scenario=crossroads-of-peace-2023"
  "/analysis/routes/baku-nakhchivan-via-meghri/scenarios"
  "/analysis/boundaries/compare?a=reference-osm-2017&b=de-facto-2024"
  "/analysis/territory"
  "/analysis/territory?datetime=2022-01-01"
)
# one timed request: prints its time in seconds, or fails on anything but a 2xx answer
timed() {
  local out code
  out=$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' "$BASE$1") || { echo "analysis bench: no answer from $1" >&2; return 1; }
  code=${out%% *}
  case "$code" in
    2??) echo "${out#* }" ;;
    *) echo "analysis bench: $1 answered $code; only 2xx answers are timed" >&2; return 1 ;;
  esac
}
for u in "${urls[@]}"; do
  times=$(for _ in $(seq "$N"); do timed "$u" || exit 1; done) || exit 1
  [ "$(printf '%s\n' "$times" | wc -l)" -eq "$N" ] || { echo "analysis bench: fewer than $N timings for $u" >&2; exit 1; }
  printf '%s\n' "$times" |
    sort -n | awk -v u="$u" '{a[NR]=$1*1000} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.999)]; printf "%8.1f ms median %8.1f ms p95  %s\n", m, p, u}'
done
