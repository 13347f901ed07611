# Sourced by the benchmark scripts (benches/*.sh): the one preamble.
#   - cd to the repository root;
#   - build the release binary and set `bin` to it (wherever CARGO_TARGET_DIR puts it);
#   - `work`: a temporary directory, removed on exit;
#   - `best_of N CMD...`: the best wall time in seconds of N runs;
#   - `measure CMD...`: one run under /usr/bin/time; sets `wall` (s), `cpu` (user+sys, s)
#     and `rss_mb` (peak resident memory, MB).
# shellcheck shell=bash
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release -q -p accredit
bin="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/accredit"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best_of() {
  local n=$1; shift
  local best=999 s e t
  for _ in $(seq "$n"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  printf '%.4f' "$best"
}

measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/.time" "$@" >/dev/null 2>&1 || true
  local user sys rss
  read -r wall user sys rss < <(tail -1 "$work/.time")
  cpu=$(echo "$user + $sys" | bc -l)
  rss_mb=$((rss / 1024))
}
