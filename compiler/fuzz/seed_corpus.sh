#!/usr/bin/env bash
# Seeds the cargo-fuzz corpus (compiler/fuzz/corpus/front_end/, gitignored)
# with the repository's Python programs: tests/fixtures/**/*.py,
# examples/*.py and, when present, ../shared/conformance/**/*.py.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=../..
corpus=corpus/front_end
mkdir -p "$corpus"
count=0
while IFS= read -r -d '' file; do
    # Flatten the path into the file name so that equal names do not clash.
    name=${file#"$root"/}
    cp "$file" "$corpus/${name//\//_}"
    count=$((count + 1))
done < <(find "$root/tests/fixtures" "$root/examples" "$root/../shared/conformance" \
    -name '*.py' -type f -print0 2>/dev/null)
echo "seeded $corpus with $count files"
