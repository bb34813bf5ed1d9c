#!/usr/bin/env bash
# Every query command of the CLI on one network, each timed from process start to exit (wall and
# CPU seconds, peak memory, from /usr/bin/time), twice: on a first load of DATA (a fresh, empty
# $XDG_CACHE_HOME for each command, so no cache of an earlier run answers), then on the compiled
# store when the binary has a `compile` command (`cartelgraph compile DATA -o net.cgdb`, then
# `--data net.cgdb`); without one, it says so and leaves those columns empty. The check that a
# million-entity network is usable, not only loadable.
#   bench/scale_check.sh CARTELGRAPH DATA [ENTITY] [OTHER] [THIRD]
# DATA is a fact directory or a .graphml file (bench/generate_graph writes both); ENTITY, OTHER and
# THIRD are ids in it (default: the generator's person-4242, person-999 and person-1). Prints
# Markdown: a note on the compiled store, then the table; a command that fails or is killed shows
# its exit status, and a compiled run whose output differs from the first load's says so.
# Set COMMANDS (a regex) to run only the commands it matches, e.g. COMMANDS='^(info|path)';
# TIMEOUT (seconds) to stop a command that runs longer (exit 124).
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: bench/scale_check.sh CARTELGRAPH DATA [ENTITY] [OTHER] [THIRD]" >&2
  exit 2
fi
cartelgraph=$(realpath "$1") data=$(realpath "$2")
entity=${3:-person-4242} other=${4:-person-999} third=${5:-person-1}
filter=${COMMANDS:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2  # commands that write a file write it here, named as the table shows

commands=(
  "info"
  "validate"
  "list --type organization"
  "search 'person 4242' --limit 5"
  "show $entity"
  "path $entity $other --k 3"
  "path $entity $other --time-respecting"
  "connect $entity $other $third"
  "neighbors $entity --depth 2"
  "timeline $entity"
  "diff --from 2005 --to 2010"
  "centrality --top 10"
  "centrality --measure pagerank --top 10"
  "centrality --measure eigenvector --top 10"
  "centrality --measure betweenness --samples 100 --top 10"
  "brokers"
  "factions"
  "communities"
  "suggest $entity"
  "disrupt --steps 5"
  "disrupt --key-players 3"
  "render --focus $entity --depth 1 -o ego.svg"
  "report -o dossier.html"
)

# run NAME ARGUMENTS: runs `cartelgraph ARGUMENTS` (a shell word list) under /usr/bin/time with an
# empty cache directory; leaves NAME.out, NAME.err and, in NAME.stats, "wall user system kilobytes exit".
run() {
  local name=$1 arguments=$2 cache status figures limit=""
  cache=$(mktemp -d)
  [ -n "${TIMEOUT:-}" ] && limit="timeout --kill-after=10 $TIMEOUT"
  eval "XDG_CACHE_HOME='$cache' /usr/bin/time -f '%e %U %S %M' -o '$name.time' $limit '$cartelgraph' $arguments" \
    >"$name.out" 2>"$name.err"
  status=$?
  rm -rf "$cache"
  # /usr/bin/time writes "Command exited with non-zero status N" before its figures when it fails.
  figures=$(tail -n 1 "$name.time" 2>/dev/null)
  [[ $figures =~ ^[0-9.]+\ [0-9.]+\ [0-9.]+\ [0-9]+$ ]] || figures="? ? ? 0"
  echo "$figures $status" >"$name.stats"
}

# columns NAME: "wall | CPU | peak | exit" of a run, CPU being user + system seconds.
columns() {
  local wall user system kilobytes status
  read -r wall user system kilobytes status <"$1.stats"
  awk -v w="$wall" -v u="$user" -v s="$system" -v k="$kilobytes" -v x="$status" 'BEGIN {
    cpu = (u ~ /^[0-9.]+$/ && s ~ /^[0-9.]+$/) ? sprintf("%.2f", u + s) : "?"
    printf "%s | %s | %.0f MiB | %s", w, cpu, k / 1024, x }'
}

# first_line NAME: the first non-empty line of the output (of stderr when stdout has none), for a
# Markdown cell.
first_line() {
  local text
  text=$(grep -v '^$' "$1.out" | head -n 1)
  [ -n "$text" ] || text=$(grep -v '^$' "$1.err" | head -n 1)
  printf '%s' "$text" | cut -c1-70 | sed 's/|/\\|/g'
}

compiled=""
if "$cartelgraph" --help 2>/dev/null | sed -n '/^Subcommands:/,$p' | grep -Eq '^[[:space:]]+compile([[:space:]]|$)'; then
  run compile "compile '$data' -o '$work/net.cgdb'"
  if [ "$(awk '{ print $5 }' compile.stats)" = 0 ] && [ -s "$work/net.cgdb" ]; then
    compiled="$work/net.cgdb"
    echo "Compiled store: \`compile DATA -o net.cgdb\` $(columns compile | awk -F' [|] ' \
      '{ printf "took %s s wall, %s s CPU, %s peak", $1, $2, $3 }'); $(stat -c %s "$compiled" |
      awk '{ printf "%.1f MiB", $1 / 1048576 }') on disk."
  else
    echo "Compiled store: \`compile\` failed ($(columns compile | awk -F' [|] ' '{ print "exit " $4 }'):" \
      "$(first_line compile)); the compiled columns are empty."
  fi
else
  echo "Compiled store: this cartelgraph has no \`compile\` command; the compiled columns are empty."
fi
echo

echo "| command | first load: wall s | CPU s | peak memory | exit | compiled: wall s | CPU s | peak memory | exit | first line of output |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for command in "${commands[@]}"; do
  [[ $command =~ $filter ]] || continue
  run load "--data '$data' $command"
  line=$(first_line load)
  after="— | — | — | —"
  if [ -n "$compiled" ]; then
    run stored "--data '$compiled' $command"
    after=$(columns stored)
    cmp -s load.out stored.out || line="$line (compiled output differs: $(first_line stored))"
  fi
  # shellcheck disable=SC2016 # the backquotes are Markdown's
  printf '| `%s` | %s | %s | %s |\n' "$command" "$(columns load)" "$after" "$line"
done
