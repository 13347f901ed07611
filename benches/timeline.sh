#!/usr/bin/env bash
# The timeline's cost: a 26-week range (183 candidate starts) on the complete
# fixture pack against one `score` of it. Target (issue 15): at most 20x.
# Usage: benches/timeline.sh   (builds the release binary; prints one line)
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
pack=fixtures/packs/complete

score=$(best_of 15 "$bin" score "$pack" --as-of 2008-09-01 --format json)
timeline=$(best_of 7 "$bin" timeline "$pack" --as-of 2008-09-01 --format json)
ratio=$(echo "$timeline / $score" | bc -l)
printf 'timeline: 26 weeks (183 starts) on the complete pack: best %s s; one score: best %s s; ratio %.1fx (target <= 20x)\n' \
  "$timeline" "$score" "$ratio"
