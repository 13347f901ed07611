#!/usr/bin/env bash
# Scoring a pack whose incident log has 1,000,000 and 10,000,000 rows:
# `accredit score` against DuckDB computing the same three statistics of
# TOOL-04..06 over the same CSV, and the floors of reading it (`cat`,
# `wc -l`). Run by benches/peers.sh; alone:
#     ACCREDIT_BIN=target/release/accredit benches/peers/incidents.sh
#
# The corpus: benches/corpus.py incidents-pack (the complete fixture pack
# with a generated Europe/London incident log: sequential references
# INC000000000…, local times, 133 MB for 1M rows); the 10M log is the 1M
# log ten times over with the references renumbered, so they stay distinct
# and sequential as a desk tool issues them.
#
# What each does:
#   accredit score PACK   the whole assessment of the pack: loads and
#       validates every file (the CSV hashed with SHA-256), streams the
#       incident log once (blocks parsed on both cores, merged in file
#       order): every row checked (reference, opened/responded/resolved
#       times read as Europe/London local time, clock changes resolved,
#       severity, referral), bad rows reported at their line, a repeated
#       reference counted once and reported; then TOOL-04 (hour-of-week
#       slots, local time), TOOL-05 (referrals with an external reference),
#       TOOL-06 (responses within each severity's target, over real time),
#       every other requirement, and the JSON result written.
#   DuckDB (Python, 2 threads)   one SQL query over the same CSV with the
#       same rules: rows with an empty reference or an unreadable
#       opened_at/responded_at/resolved_at or a severity outside 1-5 are
#       dropped, the first row of each reference is kept, times are taken
#       as Europe/London local time (timezone()), and it returns the count
#       of slots, referrals with and without a reference, and on-time
#       responses per the fixture's targets (15, 30, 60, 240, 480 minutes,
#       written into the query: DuckDB does not read the escalation plan).
#       It reports no line, no finding and no hash; it reads no other file.
#       Python's start-up (about 0.1 s) is in its time.
#   cat > /dev/null, wc -l   the floors.
#
# Targets (issue 17): 1M rows in no more wall time than DuckDB; 10M rows
# in at most 10.5x the 1M time; peak memory at most 64 MB at 10M rows.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=benches/peers/lib.sh
. "$here/lib.sh"
repo=$(cd "$here/../.." && pwd)
if [ -z "${ACCREDIT_BIN:-}" ]; then
    (cd "$repo" && cargo build --release --quiet -p accredit)
    ACCREDIT_BIN="$(cd "$repo" && cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/accredit"
fi
need_duckdb
need_hyperfine
need_time

# The 1M pack from corpus.py, and the 10M pack made from it.
corpus1="$PEERS_CACHE/corpora/incidents-1m"
corpus10="$PEERS_CACHE/corpora/incidents-10m"
stamp="$(sha256sum "$repo/benches/corpus.py" | cut -c1-16)"
if [ "$(cat "$corpus1/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "generating the 1,000,000-row incident log in $corpus1 (a few minutes)" >&2
    rm -rf "$corpus1" "$corpus10"
    python3 "$repo/benches/corpus.py" incidents-pack "$corpus1" 1000000
    echo "$stamp" >"$corpus1/.stamp"
fi
if [ "$(cat "$corpus10/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "generating the 10,000,000-row incident log in $corpus10" >&2
    rm -rf "$corpus10"
    cp -r "$corpus1" "$corpus10"
    log1="$corpus1/logs/incidents.csv"
    {
        head -1 "$log1"
        for k in 0 1 2 3 4 5 6 7 8 9; do
            awk -F, -v k="$k" 'BEGIN {OFS = ","} NR > 1 {$1 = sprintf("INC%09d", k * 1000000 + substr($1, 4) + 0); print}' "$log1"
        done
    } >"$corpus10/logs/incidents.csv"
    echo "$stamp" >"$corpus10/.stamp"
fi

duckdb_query() { # CSV -> a python -c script printing the three statistics
    cat <<EOF
import duckdb
con = duckdb.connect()
con.execute("SET threads = 2")
print(con.execute(r"""
WITH r AS (
  SELECT row_number() OVER () AS n, reference, severity, referred_to, external_reference,
         try_cast(opened_at AS TIMESTAMP) AS opened_local,
         try_cast(nullif(trim(responded_at), '') AS TIMESTAMP) AS responded_local,
         (trim(responded_at) = '' OR try_cast(responded_at AS TIMESTAMP) IS NOT NULL)
           AND (trim(resolved_at) = '' OR try_cast(resolved_at AS TIMESTAMP) IS NOT NULL) AS times_ok
  FROM read_csv('$1', header = true, all_varchar = true)
), firsts AS (
  SELECT *, timezone('Europe/London', opened_local) AS opened,
         timezone('Europe/London', responded_local) AS responded,
         CAST(severity AS INTEGER) AS level
  FROM r
  WHERE trim(reference) <> '' AND opened_local IS NOT NULL AND times_ok
    AND trim(severity) IN ('1', '2', '3', '4', '5')
  QUALIFY row_number() OVER (PARTITION BY trim(reference) ORDER BY n) = 1
)
SELECT count(*) AS incidents,
       count(DISTINCT (isodow(opened_local) - 1) * 24 + hour(opened_local)) AS slots,
       count(*) FILTER (WHERE referred_to IN ('lsp', 'national')) AS referred,
       count(*) FILTER (WHERE referred_to IN ('lsp', 'national') AND lower(trim(external_reference))
                        NOT IN ('', '-', 'n/a', 'na', 'none', 'tbc', 'tba', 'unknown')) AS with_reference,
       count(*) FILTER (WHERE responded IS NOT NULL AND responded - opened <=
                        to_minutes([15, 30, 60, 240, 480][level])) AS on_time
FROM firsts
""").fetchall())
EOF
}

for rows in 1m 10m; do
    pack="$PEERS_CACHE/corpora/incidents-$rows"
    csv="$pack/logs/incidents.csv"
    query="$PEERS_CACHE/incidents-$rows.py"
    duckdb_query "$csv" >"$query"
    echo "incidents: $rows rows ($(($(stat -c %s "$csv") / 1048576)) MB)"
    echo "  duckdb says: $("$PEERS_PYTHON" "$query")"
    compare "incidents-$rows" \
        "accredit=$ACCREDIT_BIN score $pack --as-of 2008-09-01 --format json -o /dev/null" \
        "duckdb=$PEERS_PYTHON $query" \
        "cat=cat $csv" \
        "wc-l=wc -l $csv"
    echo "  peak memory: accredit $(peak_rss_mb "$ACCREDIT_BIN" score "$pack" --as-of 2008-09-01 --format json -o /dev/null) MB, duckdb $(peak_rss_mb "$PEERS_PYTHON" "$query") MB"
    cp "$PEERS_LAST" "$PEERS_CACHE/incidents-$rows.tsv"
done

wall() { awk -F'\t' -v l="$2" '$1 == l {print $2}' "$PEERS_CACHE/incidents-$1.tsv"; }
check_target "1M rows, accredit wall over duckdb wall" \
    "$(echo "$(wall 1m accredit) / $(wall 1m duckdb)" | bc -l | cut -c1-5)" "<=" 1
check_target "10M rows wall over 1M rows wall (accredit)" \
    "$(echo "$(wall 10m accredit) / $(wall 1m accredit)" | bc -l | cut -c1-5)" "<=" 10.5
check_target "peak memory at 10M rows, MB" \
    "$(peak_rss_mb "$ACCREDIT_BIN" score "$corpus10" --as-of 2008-09-01 --format json -o /dev/null)" "<=" 64
