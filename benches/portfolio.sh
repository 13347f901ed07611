#!/usr/bin/env bash
# The assessor's caseload benchmark: 146 copies of the complete fixture pack
# (each with its own organisation name and ODS code), scored as a portfolio
# with the HTML page and a gap report per pack, in release. Target (issue 16,
# readiness-plan-caseload.md): under 2 s on two cores, memory bounded by the
# largest pack, not the caseload.
#
#   benches/portfolio.sh            # prints the wall time and the peak memory
#   PACKS=20 benches/portfolio.sh   # another caseload size
packs="${PACKS:-146}"
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"

for i in $(seq -w 1 "$packs"); do
  dir="$work/caseload/trust-$i"
  cp -r fixtures/packs/complete "$dir" 2>/dev/null || { mkdir -p "$work/caseload"; cp -r fixtures/packs/complete "$dir"; }
  sed -i -e "s/^  name: Harbourne Valley Hospitals NHS Trust$/  name: Trust $i Hospitals NHS Trust/" \
    -e "s/^  ods_code: RZZ$/  ods_code: R$i/" "$dir/pack.yaml"
done
size=$(du -sk "$work/caseload" | cut -f1)
run() { "$bin" portfolio "$work/caseload" --as-of 2008-09-01 -q -o "$work/out/caseload.html" --reports "$work/out/reports"; }
run >/dev/null 2>&1 || true # warm the page cache
echo "portfolio: $packs packs (${size} KiB) -> caseload.html + $packs gap reports"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs 5 --ignore-failure \
    "$bin portfolio $work/caseload --as-of 2008-09-01 -q -o $work/out/caseload.html --reports $work/out/reports"
fi
best=999
for _ in 1 2 3; do
  /usr/bin/time -v "$bin" portfolio "$work/caseload" --as-of 2008-09-01 -q -o "$work/out/caseload.html" \
    --reports "$work/out/reports" >/dev/null 2>"$work/time.txt" || true
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{print $(NF-1)*60 + $NF}')
  if (( $(echo "$wall < $best" | bc -l) )); then best=$wall; fi
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
done
echo "portfolio: best of 3 = ${best} s (target 2 s on two cores), peak memory ${rss} KiB"
echo "reports written: $(find "$work/out/reports" -name '*.html' | wc -l), page $(( $(stat -c %s "$work/out/caseload.html") / 1024 )) KiB"
# Memory bounded by the largest pack: a tenth of the caseload needs about as much.
small=$(( packs / 10 > 0 ? packs / 10 : 1 ))
mkdir -p "$work/small"
for d in $(ls "$work/caseload" | head -n "$small"); do cp -r "$work/caseload/$d" "$work/small/"; done
/usr/bin/time -v "$bin" portfolio "$work/small" --as-of 2008-09-01 -q -o "$work/out/small.html" >/dev/null 2>"$work/time.txt" || true
echo "portfolio: $small packs, peak memory $(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt") KiB (compare: memory is per pack, not per caseload)"
