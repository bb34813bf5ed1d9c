#!/usr/bin/env bash
# Graphviz is loaded only by the commands that draw: the dynamic loader's own record (LD_DEBUG)
# shows `path` opening none of its libraries and `render` opening libgvc, and the drawing made.
#   tests/package/check_graphviz_on_demand.sh CARTELGRAPH
set -euo pipefail
exe=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The libraries the loader opens for a run of cartelgraph with these arguments, one a line.
opened() { LD_DEBUG=files "$exe" "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\) \[0\];  generating link map.*/\1/p'; }

path_libraries=$(opened path "El Ruso" "Los Garibay")
echo "path opens: $(tr '\n' ' ' <<<"$path_libraries")"
grep -q 'libstdc++' <<<"$path_libraries"  # the record is read
if grep -E 'lib(gvc|cgraph|cdt|pathplan|ltdl)\.' <<<"$path_libraries"; then
  echo "path opened Graphviz" >&2
  exit 1
fi

render_libraries=$(opened render --path "El Ruso" "Los Garibay" -o "$work/path.svg")
grep -q 'libgvc\.' <<<"$render_libraries"
grep -q '<svg' "$work/path.svg"
echo "render opens libgvc and draws"
