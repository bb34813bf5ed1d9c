#!/usr/bin/env bash
# `export --to ftm` of the built-in facts checked against FollowTheMoney's own data model (the npm
# package @alephdata/followthemoney, pinned by package-lock.json), then a copy broken on purpose
# (an unknown property, a dangling reference, a date that is not one) that must be refused, so a
# checker that finds nothing cannot pass unnoticed.
#   tests/peer/ftm/check_ftm.sh path/to/cartelgraph
# Exit 77 (skipped) when the package is not installed and cannot be (no Node.js or no registry).
set -euo pipefail
cartelgraph=$1
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/@alephdata/followthemoney" ]; then
  if ! command -v npm >/dev/null || ! (cd "$here" && npm ci --no-audit --no-fund >/dev/null 2>&1); then
    echo "skipped: @alephdata/followthemoney is not installed and 'npm ci' in $here failed" \
         "(offline, or no Node.js: run scripts/install-deps)" >&2
    exit 77
  fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cartelgraph" export --to ftm -o "$work/cartelgraph.ftm.json" 2>/dev/null
node "$here/check_ftm.js" "$work/cartelgraph.ftm.json"

# The same lines broken three ways: each must be found.
sed -e '0,/"schema":"Person","properties":{"name"/s//"schema":"Person","properties":{"nmae"/' \
    -e '0,/"member":\["cge-[^"]*"\]/s//"member":["cge-nobody"]/' \
    -e '0,/"startDate":\["[^"]*"\]/s//"startDate":["March 2021"]/' \
    "$work/cartelgraph.ftm.json" > "$work/broken.ftm.json"
if node "$here/check_ftm.js" "$work/broken.ftm.json" 2> "$work/problems.txt"; then
  echo "the checker accepted a file broken on purpose" >&2
  exit 1
fi
for expected in "Property does not exist: nmae" "refers to 'cge-nobody'" "'March 2021' is not an ISO date prefix"; do
  grep -qF "$expected" "$work/problems.txt" || { echo "the checker missed: $expected" >&2; cat "$work/problems.txt" >&2; exit 1; }
done
echo "the checker refuses the broken copy: $(wc -l < "$work/problems.txt") problems"
