#!/usr/bin/env bash
# End-to-end benchmarks of the release binary, with the targets from the issues.
# Usage: benches/run.sh   (prints one line per measurement)
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"

python3 benches/corpus.py yaml-pack "$work/pack5000" 5000
size=$(du -sb "$work/pack5000" | cut -f1)
echo "validate: 5,000 YAML evidence files ($((size / 1024)) KiB): best of 5 = $(best_of 5 "$bin" validate "$work/pack5000") s (target 0.2 s)"
# The HTML report of the same pack (5,000 files listed, every requirement's
# findings): what the ignored render-time unit test used to time.
echo "report: HTML report of that pack: best of 5 = $(best_of 5 "$bin" report "$work/pack5000" --as-of 2008-09-01 -o "$work/report.html") s (target 0.5 s)"

python3 benches/corpus.py incidents-pack "$work/incidents" 1000000
rows_mb=$(( $(stat -c %s "$work/incidents/logs/incidents.csv") / 1048576 ))
measure "$bin" score "$work/incidents" --as-of 2008-09-01 --format json -o "$work/incidents.json"
echo "incidents: score on a pack with a 1,000,000-row incident log (${rows_mb} MB; TOOL-04..06 streamed, file hashed): wall ${wall} s, peak ${rss_mb} MB (targets 1.5 s, 64 MB)"

cargo bench -q -p accredit-core --bench analyses 2>/dev/null | grep -E '^(cover|documents|bounded):' || true
benches/timeline.sh

# Bounded work (issue 12): one very large input per pack, validate and score
# in a release build. Each must finish in under 2 s (CPU time is shown too:
# wall time depends on what else the machine runs).
for kind in headings links attachments yaml-map yaml-list csv-columns; do
  rm -rf "$work/$kind"
  python3 benches/bounded.py "$kind" "$work/$kind"
  for command in validate "score --as-of 2008-09-01"; do
    # shellcheck disable=SC2086 # the command's words are split on purpose
    measure "$bin" $command "$work/$kind"
    echo "bounded: ${command%% *}, $kind ($(du -sh "$work/$kind" | cut -f1)): wall ${wall} s, cpu ${cpu} s, peak ${rss_mb} MB (target 2 s)"
  done
  rm -rf "$work/$kind"
done

# The rota as a 1,000,000-row shifts CSV in time order (issue 17, bounded
# everywhere): score keeps each person's open shift and the staffing changes
# in the window, not the rows. Target: under 64 MB.
rm -rf "$work/shifts-rows"
python3 benches/bounded.py shifts-rows "$work/shifts-rows"
measure "$bin" score "$work/shifts-rows" --as-of 2008-09-01 --format json -o "$work/shifts.json"
echo "bounded: score, shifts-rows (1,000,000 rows, $(du -sh "$work/shifts-rows/shifts.csv" | cut -f1)): wall ${wall} s, cpu ${cpu} s, peak ${rss_mb} MB (target 64 MB)"
rm -rf "$work/shifts-rows"
