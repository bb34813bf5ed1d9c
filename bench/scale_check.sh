#!/usr/bin/env bash
# Every query command of the CLI on one network, each timed from process start to exit with its
# peak memory: the check that a million-entity network is usable, not only loadable.
#   bench/scale_check.sh CARTELGRAPH DATA [ENTITY] [OTHER]
# DATA is a fact directory or a .graphml file (bench/generate_graph writes both); ENTITY and
# OTHER are ids in it (default: the generator's person-4242 and person-999). Prints a Markdown
# table; a command that fails or is killed shows its exit status.
set -uo pipefail
cartelgraph=$1 data=$2 entity=${3:-person-4242} other=${4:-person-999}
# Set COMMANDS (a regex) to run only the commands it matches, e.g. COMMANDS=report.
filter=${COMMANDS:-.}
report_dir=$(mktemp -d)
trap 'rm -rf "$report_dir"' EXIT

commands=(
  "info"
  "validate"
  "list --type organization"
  "search 'person 4242' --limit 5"
  "show $entity"
  "path $entity $other --k 3"
  "neighbors $entity --depth 2"
  "timeline $entity"
  "centrality --top 10"
  "centrality --measure pagerank --top 10"
  "centrality --measure eigenvector --top 10"
  "centrality --measure betweenness --samples 100 --top 10"
  "brokers"
  "factions"
  "disrupt --steps 5"
  "report -o $report_dir/dossier.html"
)

echo "| command | seconds | peak memory | exit | first line of output |"
echo "|---|---|---|---|---|"
for command in "${commands[@]}"; do
  [[ $command =~ $filter ]] || continue
  out=$(mktemp) stats=$(mktemp)
  eval "/usr/bin/time -f '%e %M' -o '$stats' '$cartelgraph' --data '$data' $command" >"$out" 2>&1
  status=$?
  read -r seconds kilobytes <"$stats" || true
  first=$(grep -v '^$' "$out" | head -n 1 | cut -c1-70 | sed 's/|/\\|/g')
  printf '| `%s` | %s | %.0f MiB | %s | %s |\n' "$command" "${seconds:-?}" \
    "$(awk -v k="${kilobytes:-0}" 'BEGIN { print k / 1024 }')" "$status" "$first"
  rm -f "$out" "$stats"
done
