#!/usr/bin/env bash
# Consumes cartelgraph as its users do, with examples/consumer:
#   1. installed: cmake --install to a fresh prefix, then find_package(cartelgraph) with
#      CMAKE_PREFIX_PATH, and with the flags of the pkg-config file;
#   2. add_subdirectory of the source tree.
# Each builds the consumer and runs its test (ctest --build-and-test).
#   tests/package/check_consumer.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/cartelgraph/cartelgraph.hpp"
test -x "$work/prefix/bin/cartelgraph"
test -f "$work/prefix/share/cartelgraph/seeds/sources.json"

echo "== find_package against $work/prefix"
ctest --build-and-test "$source_dir/examples/consumer" "$work/installed" \
  --build-generator "Unix Makefiles" \
  --build-options -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release \
  --test-command ctest --output-on-failure

echo "== pkg-config"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib/x86_64-linux-gnu/pkgconfig"
# shellcheck disable=SC2046  # the flags are words
"${CXX:-c++}" "$source_dir/examples/consumer/who_connects.cpp" -o "$work/who_connects" \
  $(pkg-config --static --cflags --libs cartelgraph)
output=$("$work/who_connects" "El Mencho" "Los Salazar")
grep -q "Nemesio Oseguera Cervantes" <<<"$output"

echo "== add_subdirectory of $source_dir"
ctest --build-and-test "$source_dir/examples/consumer" "$work/subdirectory" \
  --build-generator "Unix Makefiles" \
  --build-options -Dcartelgraph_SOURCE="$source_dir" -DCMAKE_BUILD_TYPE=Release \
  --build-target who_connects \
  --test-command ctest --output-on-failure
