#!/usr/bin/env bash
# Seeds every fuzz target's corpus from fixtures/ (and rulesets/).
# Usage: fuzz/seed.sh   (idempotent; corpora live in fuzz/corpus/, not committed)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p "$corpus"/{yaml,markdown,csv_incidents,csv_training,csv_changes,csv_staff,csv_shifts,ruleset,pack}

copy() { # copy FILE into corpus TARGET under a name derived from its path
  local file=$1 target=$2
  cp "$file" "$corpus/$target/seed-$(echo "$file" | tr '/' '_')"
}

while IFS= read -r -d '' f; do copy "$f" yaml; done < <(find fixtures -name '*.yaml' -size -64k -print0)
while IFS= read -r -d '' f; do copy "$f" markdown; done < <(find fixtures -name '*.md' -size -64k -print0)
while IFS= read -r -d '' f; do copy "$f" ruleset; done < <(find fixtures/rulesets rulesets -name '*.yaml' -print0)
while IFS= read -r -d '' f; do
  case "$(basename "$f")" in
    *incident*) copy "$f" csv_incidents ;;
    *training*) copy "$f" csv_training ;;
    *change*) copy "$f" csv_changes ;;
    *staff*) copy "$f" csv_staff ;;
    *shift*) copy "$f" csv_shifts ;;
  esac
done < <(find fixtures -name '*.csv' -size -256k -print0)

# Packs: each fixture pack as a small archive (`=== path` then the file).
for pack in fixtures/packs/*/; do
  name=$(basename "$pack")
  out="$corpus/pack/seed-$name"
  : >"$out"
  while IFS= read -r -d '' f; do
    rel=${f#"$pack"}
    printf '=== %s\n' "$rel" >>"$out"
    head -c 16384 "$f" >>"$out"
    printf '\n' >>"$out"
  done < <(find "$pack" -type f -size -64k -not -path '*/.*' -print0 | sort -z)
done
for target in "$corpus"/*/; do
  echo "$(basename "$target"): $(find "$target" -type f | wc -l) seeds"
done
