#!/usr/bin/env bash
# The SARIF that `accredit score --format sarif` writes for the complete pack,
# a not-ready pack (fixtures/packs/minimal) and the `accredit init` scaffold is
# checked the way GitHub code scanning will read it (and `accredit validate
# --format sarif` on the defect-schema pack):
#   - Microsoft's SARIF multitool (npm @microsoft/sarif-multitool, a self-contained
#     .NET program shipped in the package) `validate --rule-kind Gh`, the GitHub
#     ingestion rules: any error-level result fails this script;
#   - the vendored OASIS schema (schemas/vendor/sarif-schema-2.1.0.json), with
#     Python's jsonschema (draft-07).
# Tools are installed into a cache directory (ACCREDIT_CI_CACHE, default
# ~/.cache/accredit-ci) on first use. Works from a clean clone.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
cache=${ACCREDIT_CI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/accredit-ci}
multitool_version=5.7.0
mkdir -p "$cache"

tools="$cache/sarif-multitool-$multitool_version"
if [ ! -x "$tools/node_modules/.bin/sarif-multitool" ]; then
    echo "installing @microsoft/sarif-multitool@$multitool_version into $tools"
    mkdir -p "$tools"
    npm install --silent --no-audit --no-fund --prefix "$tools" "@microsoft/sarif-multitool@$multitool_version"
fi
# The package's postinstall only sets the execute bit; npm may skip it.
chmod u+x "$tools"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
# No ICU on a minimal machine: .NET's invariant globalisation mode is enough here.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1

venv="$cache/venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import jsonschema' 2>/dev/null; then
    echo "installing jsonschema into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check jsonschema
fi

cargo build --quiet -p accredit
accredit="$(cargo metadata --format-version 1 --no-deps | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/accredit"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$accredit" init "$work/scaffold" --start 2027-03-01 >/dev/null
# Paths as GitHub sees them: run from the repository root, packs given relatively.
cp -r fixtures/packs/complete fixtures/packs/minimal fixtures/packs/defect-schema "$work/"
cd "$work"
status=0
# score on three packs; validate (its own SARIF) on a pack with schema errors.
for pack in complete minimal scaffold validate-defect-schema; do
    # Exit 0 or 1 (gate passed or failed) both mean a SARIF log was written.
    code=0
    case $pack in
        validate-*) "$accredit" validate "${pack#validate-}" --format sarif >"$pack.sarif" || code=$? ;;
        *) "$accredit" score "$pack" --as-of 2027-01-04 --format "sarif=$pack.sarif" --quiet >/dev/null || code=$? ;;
    esac
    if [ "$code" -gt 1 ]; then
        echo "FAIL: accredit on $pack exited $code"
        status=1
        continue
    fi
    "$tools/node_modules/.bin/sarif-multitool" validate --rule-kind Gh --log ForceOverwrite \
        --output "$pack.validation.sarif" "$pack.sarif" >"$pack.multitool.log" 2>&1 || true
    "$venv/bin/python" - "$pack" "$repo/schemas/vendor/sarif-schema-2.1.0.json" <<'PY' || status=1
import json, sys
pack, schema_path = sys.argv[1], sys.argv[2]
log = json.load(open(f"{pack}.sarif"))
results = log["runs"][0]["results"]
# The multitool's own findings (a SARIF log of its own).
found = json.load(open(f"{pack}.validation.sarif"))["runs"][0].get("results", [])
errors = [r for r in found if r.get("level", "warning") == "error"]
for r in found:
    print(f"  multitool {r.get('level', 'warning')} {r['ruleId']}: {r['message'].get('text', r['message'])}")
import jsonschema
schema = json.load(open(schema_path))
schema_errors = list(jsonschema.Draft7Validator(schema).iter_errors(log))
for e in schema_errors[:10]:
    print(f"  schema: {e.message} at {list(e.absolute_path)}")
located = all(r.get("locations") for r in results)
print(f"{pack}: {len(results)} results, multitool (GitHub rules) {len(errors)} error(s), "
      f"schema {len(schema_errors)} error(s), every result located: {located}")
sys.exit(1 if errors or schema_errors or not located or not results and pack != "complete" else 0)
PY
    if grep -q ': error ' "$pack.multitool.log"; then
        cat "$pack.multitool.log"
        status=1
    fi
done
if [ "$status" -ne 0 ]; then
    echo "SARIF check failed"
    exit 1
fi
echo "SARIF check passed: complete pack, not-ready pack, init scaffold, and validate on a defect pack"
