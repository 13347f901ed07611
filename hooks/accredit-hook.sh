#!/usr/bin/env bash
# pre-commit runs this (`language: script`, see .pre-commit-hooks.yaml and
# docs/decisions/0050) from its clone of the accredit repository, in the root
# of the evidence repository being committed to. It builds the `accredit`
# binary of that clone with the committed Cargo.lock (cargo does nothing when
# it is already built) and runs it with the hook's arguments.
#
# Needs a Rust toolchain (cargo, Rust 1.88 or later). CARGO_TARGET_DIR shares
# compiled dependencies between clones; ACCREDIT_HOOK_PROFILE picks the cargo
# profile (default release; CI's test of the hooks uses dev to build faster).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=${CARGO_TARGET_DIR:-$here/target}
profile=${ACCREDIT_HOOK_PROFILE:-release}
if ! command -v cargo >/dev/null 2>&1; then
    echo "accredit hook: cargo is not on PATH; install Rust 1.88 or later (https://rustup.rs)" >&2
    exit 2
fi
cargo build --quiet --locked --profile "$profile" -p accredit \
    --manifest-path "$here/Cargo.toml" --target-dir "$target"
case $profile in
    dev | test) out=debug ;;
    *) out=$profile ;;
esac
exec "$target/$out/accredit" "$@"
