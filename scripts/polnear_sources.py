#!/usr/bin/env python3
"""Share of PolNeAR quote sources that are proper names and fall on an actor dyad found.

    polnear_sources.py SPLIT_DIR DYAD.jsonl [--misses]

SPLIT_DIR is a PolNeAR split (text/, attributions/); DYAD.jsonl is `dyad code`
output for SPLIT_DIR/text/*.txt (doc_id = file stem). A gold Source span counts
as a proper name when one of its words other than the first is capitalised,
or its first word is capitalised and is not a pronoun or determiner ("Trump",
"Hillary Clinton", "the Clinton campaign", "Sen. Ted Cruz"; not "He", "the
latest US newspaper" does count for "US"). It is found when an actor mention
overlaps it. Standard library only.
"""
import json, pathlib, re, sys

from text_align import offset_map

NOT_NAMES = {"he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "his", "her", "their", "its",
             "this", "that", "these", "those", "some", "many", "one", "who", "which", "our", "my"}

def sources(ann_path):
    spans = []
    for line in ann_path.read_text(encoding="utf8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T"):
            continue
        label, *offsets = parts[1].replace(";", " ").split(" ")
        if label != "Source":
            continue
        nums = list(map(int, offsets))
        spans.append((min(nums[0::2]), max(nums[1::2]), parts[2]))
    return spans

def is_proper_name(text):
    words = re.findall(r"[A-Za-z][\w.'’-]*", text)
    if not words:
        return False
    first, rest = words[0], words[1:]
    return (first[0].isupper() and first.lower() not in NOT_NAMES) or any(w[0].isupper() for w in rest)

def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    split, pred = pathlib.Path(args[0]), pathlib.Path(args[1])
    docs = {json.loads(l)["doc_id"]: json.loads(l) for l in pred.read_text(encoding="utf8").splitlines() if l.strip()}
    total = found = 0
    misses = []
    anns = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.name.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)  # the first annotator by name, as the quote scorer does
    for stem, ann in sorted(anns.items()):
        doc = docs.get(stem)
        if doc is None:
            continue
        gold_text = (split / "text" / f"{stem}.txt").read_text(encoding="utf8")
        to_clean = offset_map(gold_text, doc["text"], strict=True)
        mentions = [(m["start"], m["end"]) for a in doc.get("actors", []) for m in a["mentions"]]
        for start, end, text in sources(ann):
            if not is_proper_name(text):
                continue
            total += 1
            cs, ce = to_clean(start), to_clean(end)
            if cs is not None and ce is not None and any(s < ce and cs < e for s, e in mentions):
                found += 1
            else:
                misses.append(f"{stem}: {text}")
    if "--misses" in argv:
        for m in misses:
            print("  missed", m)
    print(f"polnear sources: {found}/{total} proper-name sources fall on an actor mention ({found / max(total, 1):.3f})")

if __name__ == "__main__":
    main(sys.argv)
