#!/usr/bin/env bash
# The generator writes fact files and GraphML that cartelgraph accepts, and the benchmark suite
# runs on them (a few benchmarks, briefly).
#   bench/smoke_test.sh GENERATOR CARTELGRAPH BENCHMARKS
set -euo pipefail
generator=$1 cartelgraph=$2 benchmarks=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$generator" 2000 "$dir" 7
"$cartelgraph" validate "$dir/facts"
"$cartelgraph" --data "$dir/graph.graphml" info >/dev/null
CARTELGRAPH_BENCH_DATA="$dir" "$benchmarks" --benchmark_filter='components|k_core|entity_resolution' \
  --benchmark_min_time=0.01
