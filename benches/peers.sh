#!/usr/bin/env bash
# accredit against its peers, on the same files, timed interleaved
# (hyperfine), with ratios, the spread of the runs and peak memory.
#
#     benches/peers.sh               every comparison
#     benches/peers.sh validate      one of them (validate, incidents)
#
# The peers are installed on first use into ${ACCREDIT_BENCH_CACHE:-~/.cache/accredit-bench}
# (ajv-cli and ajv-formats from npm; check-jsonschema and duckdb from PyPI in a
# venv; hyperfine and GNU time from Debian); corpora are generated there too.
# The table of every comparison is also written to $PEERS_RESULTS (default
# $ACCREDIT_BENCH_CACHE/peers-results.txt). Each script says what the
# peers do differently. CI does not run this (minutes of work); see
# benches/README.md for the figures of the last run.
#
# Tuning: PEERS_RUNS (5) runs in each of PEERS_ROUNDS (3) rounds;
# PEERS_VALIDATE_FILES (5000).
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/peers/lib.sh
cargo build --release --quiet -p accredit
ACCREDIT_BIN="$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/accredit"
export ACCREDIT_BIN
export PEERS_RESULTS=${PEERS_RESULTS:-$PEERS_CACHE/peers-results.txt}
: >"$PEERS_RESULTS"
echo "# accredit $("$ACCREDIT_BIN" --version | awk '{print $NF}') ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$PEERS_RESULTS"

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(validate incidents)
for name in "${wanted[@]}"; do
    script="benches/peers/$name.sh"
    if [ ! -f "$script" ]; then
        echo "skipped $name: $script is not there" | tee -a "$PEERS_RESULTS"
        continue
    fi
    echo
    bash "$script"
done
echo
echo "results: $PEERS_RESULTS"
