#!/usr/bin/env bash
# The real pre-commit (PyPI) runs this repository's hooks, as a trust would:
# `pre-commit try-repo <clone of this repository> HOOK --all-files` inside a
# git repository holding an evidence pack.
#   - the complete pack passes accredit-validate;
#   - the defect-schema pack fails it, and the diagnostic is in the output;
#   - accredit-score passes against a baseline of the same pack, and fails
#     once a requirement gets worse.
# pre-commit is installed into a venv in a cache directory (ACCREDIT_CI_CACHE,
# default ~/.cache/accredit-ci). Works from a clean clone: it clones the
# committed HEAD of this repository, so commit before running it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
cache=${ACCREDIT_CI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/accredit-ci}
pre_commit_version=4.7.0
venv="$cache/venv"
mkdir -p "$cache"
if [ ! -x "$venv/bin/pre-commit" ] || [ "$("$venv/bin/pre-commit" --version)" != "pre-commit $pre_commit_version" ]; then
    echo "installing pre-commit $pre_commit_version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "pre-commit==$pre_commit_version"
fi
pre_commit="$venv/bin/pre-commit"
# Share compiled dependencies with this checkout's builds (the hook builds
# accredit in release mode from the clone pre-commit makes).
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')}
# pre-commit's own state (its clones) stays out of the user's home.
export PRE_COMMIT_HOME="$cache/pre-commit-home"

# The hook builds accredit in pre-commit's clone (a new one for each
# try-repo). Build the dependencies once here, in the dev profile `cargo test`
# has already built, so each clone's build only compiles the two workspace crates.
export ACCREDIT_HOOK_PROFILE=dev
cargo build --quiet --locked -p accredit

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/accredit"

# A git repository holding one fixture pack at its root.
evidence_repo() {
    local pack=$1 dir=$2
    mkdir -p "$dir"
    cp -r "fixtures/packs/$pack/." "$dir/"
    git -C "$dir" init --quiet
    git -C "$dir" -c user.name=ci -c user.email=ci@example.invalid add -A
    git -C "$dir" -c user.name=ci -c user.email=ci@example.invalid commit --quiet -m "evidence"
}

# Runs a hook; prints pre-commit's output; leaves its exit code in $code.
hook() {
    local dir=$1 id=$2
    code=0
    (cd "$dir" && "$pre_commit" try-repo "$work/accredit" "$id" --all-files) >"$work/out" 2>&1 || code=$?
    sed 's/^/    /' "$work/out"
}

failures=0
check() {
    if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi
}

evidence_repo complete "$work/clean"
echo "== accredit-validate on the complete pack"
hook "$work/clean" accredit-validate
check "the complete pack passes accredit-validate" '[ "$code" -eq 0 ] && grep -q "accredit validate.*Passed" "$work/out"'

evidence_repo defect-schema "$work/defect"
echo "== accredit-validate on the defect-schema pack"
hook "$work/defect" accredit-validate
check "the defect pack fails accredit-validate" '[ "$code" -eq 1 ] && grep -q "accredit validate.*Failed" "$work/out"'
check "with the diagnostic, file:line:col" 'grep -q "escalation-plan.yaml:16:5: error\[schema\]: levels\[1\].party is required" "$work/out"'

echo "== accredit-score against a baseline of the same pack"
"$CARGO_TARGET_DIR/debug/accredit" score "$work/clean" --format json >"$work/clean/accredit-baseline.json" || true
git -C "$work/clean" -c user.name=ci -c user.email=ci@example.invalid add accredit-baseline.json
git -C "$work/clean" -c user.name=ci -c user.email=ci@example.invalid commit --quiet -m baseline
hook "$work/clean" accredit-score
check "no regression passes accredit-score" '[ "$code" -eq 0 ]'
sed -i '/^    - attachments$/d' "$work/clean/service-desk.yaml"
git -C "$work/clean" -c user.name=ci -c user.email=ci@example.invalid commit --quiet -am "lose attachments"
hook "$work/clean" accredit-score
check "a new gap fails accredit-score, saying which" '[ "$code" -eq 1 ] && grep -q "accredit score.*Failed" "$work/out" && grep -q "Since the baseline: new gaps TOOL-03" "$work/out"'

if [ "$failures" -ne 0 ]; then
    echo "$failures pre-commit check(s) failed"
    exit 1
fi
echo "pre-commit checks passed"
