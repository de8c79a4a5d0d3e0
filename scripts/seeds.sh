#!/usr/bin/env bash
# Codes the seed articles with their gold reference dates and scores them:
#     scripts/seeds.sh [SHARED_DIR] [OUT.jsonl] [score.py options]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
out=${2:-target/eval/seeds.jsonl}
shift $(( $# > 2 ? 2 : $# ))
mkdir -p "$(dirname "$out")"
: > "$out"
for gold in "$shared"/gold/seeds/*.json; do
  read -r file date < <(python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); print(g["file"], g["reference_date"])' "$gold")
  "${CARGO_TARGET_DIR:-target}/release/dyad" code --published "$date" "$shared/$file" >> "$out"
done
python3 "$shared/eval/score.py" "$shared/gold/seeds" "$out" "$@"
