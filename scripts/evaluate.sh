#!/usr/bin/env bash
# Evaluates dyad on the shared data beside the repository (../shared), which is
# not part of the repo: the seed articles against their hand annotation, and
# the article-extraction benchmark. Fails when a figure falls below its bar.
#
#     scripts/evaluate.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
out=${EVAL_OUT:-target/eval}
mkdir -p "$out"
cargo build --release --locked --quiet
dyad="${CARGO_TARGET_DIR:-target}/release/dyad"

# Seeds: each article with its gold reference date as --published.
scripts/seeds.sh "$shared" "$out/seeds.jsonl" --json > "$out/seeds-score.json"
python3 "$shared/eval/score.py" "$shared/gold/seeds" "$out/seeds.jsonl" | tail -n 1
python3 - "$shared" "$out" <<'PY'
import json, pathlib, sys
shared, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
score = json.loads((out / "seeds-score.json").read_text())
docs = {json.loads(l)["doc_id"]: json.loads(l) for l in (out / "seeds.jsonl").read_text().splitlines()}
problems = []
if score["boilerplate_removed"] != 1.0:
    problems.append(f'boilerplate removed {score["boilerplate_removed"]} < 1.00')
# Floors: the issues' bars where they are met, else just under today's figure.
floors = {"actor_recall": 1.0, "quote_recall": 1.0, "quote_precision": 0.95, "attribution_strict": 0.95,
          "pullquotes_ok": 1.0, "event_recall": 0.90, "event_precision": 0.70, "event_flags_ok": 0.90,
          "event_dates_ok": 0.90}
for key, floor in floors.items():
    value = score.get(key)
    if value is not None and value < floor:
        problems.append(f"{key} {value:.2f} < {floor:.2f}")
for path in sorted((shared / "gold" / "seeds").glob("*.json")):
    gold = json.loads(path.read_text())
    text = docs[gold["id"]]["text"]
    for item in [q["text"] for q in gold["quotes"]] + [e["sentence"] for e in gold["events"]]:
        if item not in text:
            problems.append(f'{gold["id"]}: gold text no longer intact: {item[:60]!r}')
print("seeds: article text intact" if not problems else "\n".join(problems))
sys.exit(1 if problems else 0)
PY

# Article extraction benchmark: shingle F1 must stay at or above 0.96.
pages="$out/extraction-pages"
mkdir -p "$pages"
for f in "$shared"/bench/article-extraction/html/*.html.gz; do
  gunzip -c "$f" > "$pages/$(basename "$f" .gz)"
done
"$dyad" code "$pages"/*.html > "$out/extraction.jsonl"
python3 "$shared/eval/score_extraction.py" "$shared/bench/article-extraction" "$out/extraction.jsonl" --json > "$out/extraction-score.json"
python3 "$shared/eval/score_extraction.py" "$shared/bench/article-extraction" "$out/extraction.jsonl" | tail -n 1
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["shingle_f1"]; sys.exit(0 if f >= 0.96 else f"extraction shingle F1 {f:.3f} < 0.96")' "$out/extraction-score.json"

# PLOVER gold records (dev half): event found, reported; a floor catches regressions.
"$dyad" code --input-format jsonl "$shared/bench/plover-gsr/dev.jsonl" > "$out/plover.jsonl"
python3 "$shared/eval/score_plover.py" "$shared/bench/plover-gsr/dev.jsonl" "$out/plover.jsonl" --json > "$out/plover-score.json"
python3 "$shared/eval/score_plover.py" "$shared/bench/plover-gsr/dev.jsonl" "$out/plover.jsonl" | tail -n 1
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["found"]; sys.exit(0 if f >= 0.70 else f"PLOVER event found {f:.2f} < 0.70")' "$out/plover-score.json"
