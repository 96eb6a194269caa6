#!/usr/bin/env bash
# The benchmarks, run by `./corridor bench [features|analysis|tiles|scale|load|downloads|all]` (default features). Each starts its
# own service and embedded database on loopback (ports 18080 / 54399, data in var/bench-postgis), stops them
# when it ends, and prints its figures; results are also kept in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-features}
export BENCH_PORT=${BENCH_PORT:-18080} BENCH_DB_PORT=${BENCH_DB_PORT:-54399}
mkdir -p target/bench
case "$what" in
  features) exec python3 src/bench/features_bench.py ;;
  load) exec python3 src/bench/load_bench.py ;;
  downloads) exec python3 src/bench/downloads_bench.py ;;
  analysis|tiles|scale)
    python3 src/bench/features_bench.py --serve-only "src/bench/$what-bench.sh" ;;
  all)
    python3 src/bench/features_bench.py
    python3 src/bench/features_bench.py --serve-only src/bench/analysis-bench.sh
    python3 src/bench/features_bench.py --serve-only src/bench/tiles-bench.sh
    python3 src/bench/features_bench.py --serve-only src/bench/scale-bench.sh
    python3 src/bench/downloads_bench.py ;;
  *) echo "usage: ./corridor bench [features|analysis|tiles|scale|load|downloads|all]" >&2; exit 2 ;;
esac
