#!/usr/bin/env bash
# Times each analysis endpoint on the seed data: N sequential requests (default 50), median and p95 in ms.
# Usage: src/bench/analysis-bench.sh BASE_URL      (target: < 200 ms each; ANALYSIS_REQUESTS=N, default 50)
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
for u in "${urls[@]}"; do
  for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$BASE$u"; done |
    sort -n | awk -v u="$u" '{a[NR]=$1*1000} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.999)]; printf "%8.1f ms median %8.1f ms p95  %s\n", m, p, u}'
done
