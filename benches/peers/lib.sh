# shellcheck shell=bash
# Shared helpers for the peer benchmarks (benches/peers.sh and the scripts it
# runs: benches/peers/validate.sh, benches/peers/incidents.sh). Source it:
#
#     . "$(dirname "$0")/lib.sh"
#
# Everything a peer needs is installed on first use into one cache directory,
# nothing outside it (except hyperfine and GNU time, from Debian):
#
#   PEERS_CACHE              exported; ${ACCREDIT_BENCH_CACHE:-~/.cache/accredit-bench}
#   PEERS_RUNS, PEERS_ROUNDS timed runs per round and rounds per `compare`
#                            (defaults 5 and 3: 15 runs of each command)
#   PEERS_RESULTS            if set, `compare` also appends its table there
#
#   need_hyperfine           hyperfine on PATH (Debian `apt-get install -y hyperfine`)
#   need_time                GNU time at /usr/bin/time (Debian `time`)
#   need_ajv                 sets AJV: ajv-cli 5 with ajv-formats 3 (npm), run as
#                            "$AJV" validate --spec=draft2020 -c ajv-formats ...
#   need_check_jsonschema    sets CHECK_JSONSCHEMA: check-jsonschema (PyPI) in the venv
#   need_duckdb              sets PEERS_PYTHON: the venv's python, with `import duckdb`
#                            (PyPI duckdb); write the query as a python -c script
#   peak_rss_mb CMD...       runs CMD once (output discarded, exit status ignored)
#                            under /usr/bin/time -v and prints its peak resident
#                            memory in MB (one decimal)
#   cpu_seconds CMD...       the same, prints user+sys CPU seconds
#   compare NAME CMD1 CMD2...
#                            times the shell commands with hyperfine, interleaved:
#                            PEERS_ROUNDS rounds, each running every command
#                            PEERS_RUNS times (after a warm-up), so the machine's
#                            load falls on all of them alike. Prints one row per
#                            command: median wall time, spread (min-max of all
#                            runs), mean CPU (user+sys), and each command's wall
#                            and CPU over CMD1's (so with accredit first, ">1"
#                            means the peer is slower). A CMD written as
#                            LABEL=COMMAND (LABEL of letters, digits, . _ -) is
#                            shown as LABEL. Non-zero exits are allowed (a
#                            validator reports failures by its exit status).
#                            Also leaves one line per command, "LABEL<TAB>median
#                            wall s<TAB>mean cpu s", in the file "$PEERS_LAST".
#   ratio_of A B wall|cpu    B's figure over A's from the last `compare`
#   check_target WHAT VALUE <=|>= LIMIT
#                            prints "target: WHAT: VALUE (LIMIT): met|MISSED"
#
# Versions are pinned below; change them here only.

PEERS_CACHE=${ACCREDIT_BENCH_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/accredit-bench}
export PEERS_CACHE
mkdir -p "$PEERS_CACHE"
PEERS_RUNS=${PEERS_RUNS:-5}
PEERS_ROUNDS=${PEERS_ROUNDS:-3}
PEERS_LAST="$PEERS_CACHE/last-compare.tsv"

peers_ajv_cli_version=5.0.0
peers_ajv_formats_version=3.0.1
peers_check_jsonschema_version=0.39.0
peers_duckdb_version=2.0.1

peers_venv="$PEERS_CACHE/venv"

peers_apt() { # install Debian packages (we are root on the bench machine)
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y -q "$@" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
    else
        sudo apt-get install -y -q "$@" >/dev/null
    fi
}

need_hyperfine() {
    command -v hyperfine >/dev/null 2>&1 && return
    echo "installing hyperfine (Debian)" >&2
    peers_apt hyperfine
}

need_time() {
    [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 && return
    echo "installing GNU time (Debian)" >&2
    peers_apt time
}

peers_need_venv() {
    if [ ! -x "$peers_venv/bin/python" ]; then
        echo "creating a Python venv in $peers_venv" >&2
        python3 -m venv "$peers_venv"
    fi
}

need_ajv() {
    local dir="$PEERS_CACHE/ajv-$peers_ajv_cli_version-formats-$peers_ajv_formats_version"
    if [ ! -x "$dir/node_modules/.bin/ajv" ] || [ ! -d "$dir/node_modules/ajv-formats" ]; then
        echo "installing ajv-cli@$peers_ajv_cli_version and ajv-formats@$peers_ajv_formats_version into $dir" >&2
        mkdir -p "$dir"
        npm install --silent --no-audit --no-fund --prefix "$dir" \
            "ajv-cli@$peers_ajv_cli_version" "ajv-formats@$peers_ajv_formats_version" >&2
    fi
    AJV="$dir/node_modules/.bin/ajv"
    # `-c ajv-formats` is resolved from the working directory's node_modules
    # by ajv-cli; NODE_PATH makes it resolvable from anywhere.
    export NODE_PATH="$dir/node_modules${NODE_PATH:+:$NODE_PATH}"
}

need_check_jsonschema() {
    peers_need_venv
    if [ ! -x "$peers_venv/bin/check-jsonschema" ] ||
        [ "$("$peers_venv/bin/check-jsonschema" --version 2>/dev/null | awk '{print $NF}')" != "$peers_check_jsonschema_version" ]; then
        echo "installing check-jsonschema==$peers_check_jsonschema_version into $peers_venv" >&2
        "$peers_venv/bin/pip" install --quiet --disable-pip-version-check "check-jsonschema==$peers_check_jsonschema_version" >&2
    fi
    CHECK_JSONSCHEMA="$peers_venv/bin/check-jsonschema"
}

need_duckdb() {
    peers_need_venv
    if ! "$peers_venv/bin/python" -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$peers_duckdb_version')" 2>/dev/null; then
        echo "installing duckdb==$peers_duckdb_version into $peers_venv" >&2
        "$peers_venv/bin/pip" install --quiet --disable-pip-version-check "duckdb==$peers_duckdb_version" >&2
    fi
    PEERS_PYTHON="$peers_venv/bin/python"
}

peers_time_v() { # CMD... -> /usr/bin/time -v report on stdout
    need_time
    local report
    report=$(mktemp)
    /usr/bin/time -v -o "$report" "$@" >/dev/null 2>&1 || true
    cat "$report"
    rm -f "$report"
}

peak_rss_mb() {
    peers_time_v "$@" | awk -F': ' '/Maximum resident set size/ {printf "%.1f\n", $2 / 1024}'
}

cpu_seconds() {
    peers_time_v "$@" | awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.3f\n", u + s}'
}

compare() {
    need_hyperfine
    local name=$1
    shift
    local args=() arg label
    for arg in "$@"; do
        if [[ $arg =~ ^([A-Za-z0-9._-]+)=(.*)$ ]]; then
            label=${BASH_REMATCH[1]}
            arg=${BASH_REMATCH[2]}
        else
            label=$arg
        fi
        args+=(--command-name "$label" "$arg")
    done
    local dir round
    dir=$(mktemp -d)
    for round in $(seq "$PEERS_ROUNDS"); do
        hyperfine --style none --ignore-failure --warmup 1 --runs "$PEERS_RUNS" \
            --export-json "$dir/round-$round.json" "${args[@]}" >/dev/null
    done
    python3 - "$name" "$PEERS_LAST" "$dir"/round-*.json <<'PY' | tee -a "${PEERS_RESULTS:-/dev/null}"
import json, statistics, sys

name, last, files = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = {}  # label -> {"times": [...], "cpu": [...]} over every round
order = []
for path in files:
    for result in json.load(open(path))["results"]:
        label = result["command"]
        if label not in rows:
            rows[label] = {"times": [], "cpu": []}
            order.append(label)
        rows[label]["times"] += result["times"]
        # hyperfine gives user/system as means per round; weight by its runs
        rows[label]["cpu"] += [result["user"] + result["system"]] * len(result["times"])
base = order[0]
base_wall = statistics.median(rows[base]["times"])
base_cpu = statistics.mean(rows[base]["cpu"])
print(f"## {name}  ({len(rows[base]['times'])} runs of each, interleaved in {len(files)} rounds)")
print(f"{'command':<28} {'median s':>9} {'spread s':>15} {'cpu s':>8} {'wall ×':>8} {'cpu ×':>8}")
for label in order:
    times, cpu = rows[label]["times"], statistics.mean(rows[label]["cpu"])
    wall = statistics.median(times)
    spread = f"{min(times):.3f}-{max(times):.3f}"
    print(f"{label[:28]:<28} {wall:>9.3f} {spread:>15} {cpu:>8.3f} "
          f"{wall / base_wall:>8.2f} {cpu / base_cpu if base_cpu else float('nan'):>8.2f}")
print()
with open(last, "w") as out:
    for label in order:
        wall = statistics.median(rows[label]["times"])
        out.write(f"{label}\t{wall}\t{statistics.mean(rows[label]['cpu'])}\n")
PY
    rm -rf "$dir"
}

ratio_of() {
    awk -F'\t' -v a="$1" -v b="$2" -v col="$3" '
        { v[$1] = (col == "cpu") ? $3 : $2 }
        END { if (!(a in v) || !(b in v) || v[a] == 0) { print "nan"; exit 1 }
              printf "%.2f\n", v[b] / v[a] }' "$PEERS_LAST"
}

check_target() {
    local what=$1 value=$2 op=$3 limit=$4 verdict
    if awk -v v="$value" -v l="$limit" -v op="$op" 'BEGIN { exit !((op == "<=") ? v <= l : v >= l) }'; then
        verdict=met
    else
        verdict=MISSED
    fi
    echo "target: $what: $value ($op $limit): $verdict" | tee -a "${PEERS_RESULTS:-/dev/null}"
}
