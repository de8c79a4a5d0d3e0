#!/usr/bin/env python3
"""Score dyad's reported speech (quotes of kind `indirect`) against PolNeAR.

    polnear_indirect.py SPLIT_DIR DYAD.jsonl [--errors]

SPLIT_DIR is a PolNeAR split (text/, attributions/; a text with several
annotators is scored against the first .ann file in name order, as
score_polnear.py does); DYAD.jsonl is `dyad code` output for SPLIT_DIR/text/*.txt
(doc_id = file stem).

Gold: every Content span that does not begin with a double quotation mark (“, "
or the NYT texts' ''), i.e. indirect or mixed speech, with the Source of its
attribution. A Content may be discontinuous; its length is the sum of its pieces.

A predicted `indirect` quote matches a gold Content when their overlap is at
least half of the shorter of the two. Precision: predictions matching some gold
Content. Recall: gold Contents matched by some prediction. Speaker, on matched
gold Contents that have a Source: the best-overlapping prediction's
speaker.mention overlaps the Source (as in score_polnear.py). Where dyad's text
differs from the .txt (cleaning removed lines), offsets are mapped back by
aligning the two texts (cleaning only deletes). Standard library only.
"""
import json, pathlib, re, sys

from text_align import offset_map

MARKS = '"\u201c\u201d'
T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t")


def load_gold(txt, ann):
    """Non-direct Contents: [(pieces, source_pieces, text, source_text)]."""
    ents, content_src = {}, {}
    for line in ann.read_text(encoding="utf8").splitlines():
        m = T_LINE.match(line)
        if m:
            pieces = sorted(tuple(map(int, s.split())) for s in m.group(3).split(";"))
            ents[m.group(1)] = (m.group(2), pieces)
        elif line.startswith("E"):
            roles = dict(r.split(":", 1) for r in line.split("\t")[1].split() if ":" in r)
            content_src.setdefault(roles.get("Content"), roles.get("Source"))
    marked = txt.replace("''", '" ')
    gold = []
    for tid, (label, pieces) in ents.items():
        if label != "Content":
            continue
        if marked[pieces[0][0]:pieces[0][1]].lstrip()[:1] in MARKS:
            continue
        src = ents.get(content_src.get(tid), (None, []))[1]
        gold.append((pieces, src, " ".join(txt[s:e] for s, e in pieces), " ".join(txt[s:e] for s, e in src)))
    return gold


def ov(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    split, pred_path = pathlib.Path(args[0]), pathlib.Path(args[1])
    preds = {}
    for line in pred_path.read_text(encoding="utf8").splitlines():
        if line.strip():
            d = json.loads(line)
            preds[d.get("doc_id")] = d
    anns = {}
    for a in sorted((split / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}$", "", a.stem), a)
    n_pred = n_pred_ok = n_gold = n_found = spk_total = spk_ok = 0
    errors = []
    for stem, ann in sorted(anns.items()):
        txt = (split / "text" / f"{stem}.txt").read_text(encoding="utf8")
        gold = load_gold(txt, ann)
        doc = preds.get(stem, {})
        f = offset_map(doc["text"], txt) if isinstance(doc.get("text"), str) else (lambda i: i)
        best = {}  # gold index -> (overlap, prediction)
        for q in doc.get("quotes") or []:
            if q.get("kind") != "indirect":
                continue
            n_pred += 1
            p = (f(q["start"]), f(q["end"]))
            ok = False
            for gi, (pieces, *_rest) in enumerate(gold):
                o = sum(ov(p, c) for c in pieces)
                glen = sum(e - s for s, e in pieces)
                if o and o >= 0.5 * min(p[1] - p[0], glen):
                    ok = True
                    if o > best.get(gi, (0, None))[0]:
                        best[gi] = (o, q, p)
            n_pred_ok += ok
            if not ok:
                errors.append(f"{stem}: false “{txt[p[0]:p[1]][:90]}” ({(q.get('speaker') or {}).get('name')}, {q.get('cue')})")
        for gi, (pieces, src, gtext, stext) in enumerate(gold):
            n_gold += 1
            if gi not in best:
                errors.append(f"{stem}: missed “{gtext[:90]}” ({stext})")
                continue
            n_found += 1
            if not src:
                continue
            spk_total += 1
            sp = best[gi][1].get("speaker") or {}
            m = sp.get("mention")
            good = isinstance(m, dict) and any(ov((f(m["start"]), f(m["end"])), s) > 0 for s in src)
            spk_ok += good
            if not good:
                got = txt[f(m["start"]):f(m["end"])] if isinstance(m, dict) else None
                errors.append(f"{stem}: speaker of “{gtext[:50]}” → {got!r} ({sp.get('name')!r}), gold {stext!r}")
    if "--errors" in argv:
        print("\n".join(errors))
    P = n_pred_ok / n_pred if n_pred else 0.0
    R = n_found / n_gold if n_gold else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    S = spk_ok / spk_total if spk_total else 0.0
    print(f"gold non-direct contents {n_gold}, found {n_found} · predicted indirect {n_pred}: {n_pred_ok} match")
    print(f"polnear indirect quotes P {P:.3f} R {R:.3f} F1 {F:.3f} · speaker {spk_ok}/{spk_total} = {S:.3f} · docs {len(anns)}")


if __name__ == "__main__":
    main(sys.argv)
