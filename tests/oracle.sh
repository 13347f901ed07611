#!/usr/bin/env bash
# The fixtures' second opinion: fixtures/check_fixtures.py, written
# independently of the Rust code, checks every fixture pack against the JSON
# Schemas in schemas/ (with the Python `jsonschema` package), checks that
# fixtures/packs/complete meets each requirement of the LSD ruleset (cover
# computed over real Europe/London time), and that each defect-* pack is
# minimal/ plus its one defect. A fixture edit that the Rust tool accepts but
# the oracle rejects (or the reverse) is a bug in one of them.
#
#   tests/oracle.sh    # installs jsonschema, pyyaml and rfc3339-validator into
#                      # ${XDG_CACHE_HOME:-$HOME/.cache}/accredit-ci/oracle-venv on first run
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${XDG_CACHE_HOME:-$HOME/.cache}/accredit-ci/oracle-venv"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import jsonschema, yaml, rfc3339_validator' 2>/dev/null; then
    echo "installing jsonschema, pyyaml, rfc3339-validator into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check jsonschema pyyaml rfc3339-validator
fi
if out=$("$VENV/bin/python" "$ROOT/fixtures/check_fixtures.py" 2>&1); then
    echo "$out" | tail -n 1
else
    echo "$out"
    exit 1
fi
