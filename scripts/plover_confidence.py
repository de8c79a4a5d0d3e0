#!/usr/bin/env python3
"""Whether dyad's event confidence orders events by how often they are right.

    plover_confidence.py GOLD.jsonl PRED.jsonl

GOLD.jsonl: the shared PLOVER gold records (one sentence, one gold event);
PRED.jsonl: `dyad code --input-format jsonl GOLD.jsonl`. Every predicted event
counts as right when it has the record's PLOVER type and its source and target
countries agree with the gold ones (the rules of score_plover.py), and the
share of right events is printed per confidence band. Standard library only.
"""
import json, sys

CANON = {"FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "DEMAND": "REQUEST", "SANCTION": "COERCE"}
FIX = {"JAP": "JPN", "VTN": "VNM", "ITL": "ITA"}

def country(code):
    c = (code or "")[:3].upper()
    return FIX.get(c, c)

def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    gold = {}
    for line in open(argv[1]):
        if line.strip():
            r = json.loads(line)
            gold[r["id"]] = r["gold"]
    bands = [(0.85, 1.01), (0.70, 0.85), (0.55, 0.70), (0.0, 0.55)]
    counts = {b: [0, 0] for b in bands}
    for line in open(argv[2]):
        if not line.strip():
            continue
        d = json.loads(line)
        g = gold.get(d.get("doc_id"))
        if g is None:
            continue
        want = CANON.get(g["event"], g["event"])
        sources = {country(c) for c in g["source"]}
        targets = {country(c) for c in g["target"]}
        for e in d.get("events", []):
            right = (CANON.get(e.get("plover") or "", e.get("plover")) == want
                     and country(e["source"].get("code")) in sources
                     and (not targets or country((e.get("target") or {}).get("code")) in targets))
            for b in bands:
                if b[0] <= e["confidence"] < b[1]:
                    counts[b][0] += 1
                    counts[b][1] += right
    for (lo, hi), (n, right) in counts.items():
        share = f"{right / n:.2f}" if n else "n/a"
        print(f"confidence {lo:.2f}–{min(hi, 1.0):.2f}: {n} events, {share} right")

if __name__ == "__main__":
    main(sys.argv)
