#!/bin/sh
# The GEXF we write is valid GEXF 1.3 by the published XSD, as xmllint (libxml2-utils) checks it:
# the built-in facts, and a file in Gephi's form read and written again (imported labels,
# weights, open-ended and several spells, ungraded ties), and the built-in facts with every
# analysis result as node attributes (export --with).
#   gexf_schema.sh CARTELGRAPH GEXF_XSD FIXTURES_DIR   # exits 77 (skipped) when the XSD is absent
set -eu
exe=$1
schema=$2
fixtures=$3
if [ ! -f "$schema" ]; then
  echo "no GEXF 1.3 schema at $schema (set cartelgraph_GEXF_SCHEMA)"
  exit 77
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$exe" export --to gexf -o "$dir/builtin.gexf"
"$exe" --data "$fixtures/gephi_0.10_dynamic.gexf" export --to gexf -o "$dir/gephi.gexf"
"$exe" export --to gexf --with sides,communities,centrality -o "$dir/with.gexf"
xmllint --noout --schema "$schema" "$dir/builtin.gexf" "$dir/gephi.gexf" "$dir/with.gexf"
