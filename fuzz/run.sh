#!/usr/bin/env bash
# Coverage-guided fuzzing of accredit-core with cargo-fuzz (libFuzzer).
#
# Usage: fuzz/run.sh SECONDS [TARGET...]
#   Builds every target, seeds the corpora from fixtures/ (fuzz/seed.sh), then
#   runs each target (or the ones named) for SECONDS seconds, one process at a
#   time, and prints per target: executions, wall time, corpus size, crashes.
#   `fuzz/run.sh 5` is the CI smoke run. Exits 1 if any target found a crash,
#   a timeout or an out-of-memory (the input is in fuzz/artifacts/TARGET/).
#
# Toolchain: nightly if rustup has it, otherwise RUSTC_BOOTSTRAP=1 on the
# default toolchain. Needs `cargo install cargo-fuzz --locked`.
# FUZZ_SANITIZER=address|none (default none: the code forbids `unsafe`, so
# the address sanitizer buys little and halves the speed).
# FUZZ_MAX_LEN: largest input tried, in bytes (default 16384).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(yaml markdown csv_incidents csv_training csv_changes csv_staff csv_shifts ruleset pack)
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi
sanitizer=${FUZZ_SANITIZER:-none}
mkdir -p logs
if ! "${fuzz[@]}" build -s "$sanitizer" >logs/build.log 2>&1; then
  cat logs/build.log >&2
  exit 2
fi
./seed.sh >/dev/null
# Run the built binaries directly: `cargo fuzz run` would rebuild first.
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac
bin_dir="$target_dir/$(rustc -vV | sed -n 's/^host: //p')/release"
failed=0
printf '%-14s %12s %8s %8s %8s\n' target executions wall_s corpus crashes
for target in "${targets[@]}"; do
  mkdir -p "artifacts/$target" "logs"
  log="logs/$target.log"
  start=$(date +%s.%N)
  status=0
  "$bin_dir/$target" "corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-16384}" \
    -print_final_stats=1 -artifact_prefix="artifacts/$target/" >"$log" 2>&1 || status=$?
  end=$(date +%s.%N)
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  corpus=$(find "corpus/$target" -type f | wc -l)
  crashes=$(find "artifacts/$target" -type f | wc -l)
  printf '%-14s %12s %8.1f %8s %8s\n' "$target" "${runs:-0}" "$(echo "$end - $start" | bc -l)" "$corpus" "$crashes"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    echo "  $target failed (exit $status); see fuzz/$log" >&2
  fi
done
exit "$failed"
