#!/usr/bin/env bash
# The timeline's cost: a 26-week range (183 candidate starts) on the complete
# fixture pack against one `score` of it. Target (issue 15): at most 20x.
# Usage: benches/timeline.sh   (builds the release binary; prints one line)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p accredit
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
bin="$target/release/accredit"
pack=fixtures/packs/complete

best_of() { # best wall time in seconds of N runs of a command
  local n=$1; shift
  local best=999
  for _ in $(seq "$n"); do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  printf '%.4f' "$best"
}

score=$(best_of 15 "$bin" score "$pack" --as-of 2008-09-01 --format json)
timeline=$(best_of 7 "$bin" timeline "$pack" --as-of 2008-09-01 --format json)
ratio=$(echo "$timeline / $score" | bc -l)
printf 'timeline: 26 weeks (183 starts) on the complete pack: best %s s; one score: best %s s; ratio %.1fx (target <= 20x)\n' \
  "$timeline" "$score" "$ratio"
