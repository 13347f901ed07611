#!/usr/bin/env bash
# The OSCAL POA&M that `accredit plan --format oscal` writes for the complete
# pack, a not-ready pack (fixtures/packs/minimal) and the `accredit init`
# scaffold is loaded with compliance-trestle (PyPI `compliance-trestle`, the
# OSCAL Compass project's tool): trestle.oscal.poam.PlanOfActionAndMilestones
# must accept each one without error. Each is written twice and compared:
# the document is byte-identical between runs.
# Trestle is installed into a venv in a cache directory (ACCREDIT_CI_CACHE,
# default ${XDG_CACHE_HOME:-$HOME/.cache}/accredit-ci) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${ACCREDIT_CI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/accredit-ci}
trestle_version=${TRESTLE_VERSION:-5.2.0}
venv="$cache/trestle-venv"
mkdir -p "$cache"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import trestle.oscal.poam' 2>/dev/null; then
    echo "installing compliance-trestle==$trestle_version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "compliance-trestle==$trestle_version"
fi

cargo build --quiet -p accredit
accredit="$(cargo metadata --format-version 1 --no-deps | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/accredit"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$accredit" init "$work/scaffold" --start 2027-03-01 >/dev/null

for pack in complete minimal scaffold; do
    case $pack in
        scaffold) dir="$work/scaffold"; as_of=$(date -u +%Y-%m-%d) ;;
        *) dir="fixtures/packs/$pack"; as_of=2008-09-01 ;;
    esac
    "$accredit" plan "$dir" --as-of "$as_of" --format oscal -o "$work/$pack.json"
    "$accredit" plan "$dir" --as-of "$as_of" --format oscal -o "$work/$pack-again.json"
    cmp "$work/$pack.json" "$work/$pack-again.json"
    "$venv/bin/python" - "$work/$pack.json" "$pack" <<'PY'
import json, sys
from trestle.oscal import OSCAL_VERSION
from trestle.oscal.poam import PlanOfActionAndMilestones
path, name = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    document = json.load(f)
poam = PlanOfActionAndMilestones.parse_obj(document["plan-of-action-and-milestones"])
risks = poam.risks or []
assert all(r.deadline is not None for r in risks), "a risk without a deadline"
print(f"{name}: trestle (OSCAL {OSCAL_VERSION}) loaded the POA&M: "
      f"{len(poam.poam_items)} poam-items, {len(risks)} risks, {len(poam.observations or [])} observations")
PY
done
echo "OSCAL check passed: complete pack, not-ready pack and init scaffold load in compliance-trestle"
