#!/usr/bin/env python3
"""Check the event lexicon: data/events/{verbs,nouns,inflections}.tsv against data/ontology/cameo.tsv.

    check_event_lexicon.py                 # format and consistency checks; exit status 1 on errors
    check_event_lexicon.py --stats         # also: patterns and distinct codes per CAMEO root
    check_event_lexicon.py --bench FILE    # also: coverage on a JSON Lines file of sentences with a gold
                                           # PLOVER type (e.g. ../shared/bench/plover-gsr/dev.jsonl)
    check_event_lexicon.py --bench FILE --misses   # list the sentences no matching pattern covers

Checks: every pattern line has 3 columns (4 with a trailing "# comment"); its CAMEO code exists in
cameo.tsv; the head is one lowercase word (no alternatives, not + or *); tokens are lowercase words,
a|b alternatives of single words, + or *; at most one + per pattern; flags are "-", "swap", "intransitive" or "swap,intransitive"; no
duplicate (cameo, pattern) line and no pattern+flags given two different codes. Warnings (not errors):
two patterns with the same head and length whose alternatives overlap at every position but whose codes
differ, i.e. words both match equally well ("launch strikes" as 143 and 195). inflections.tsv has
5 columns. Heads whose regular inflection would be wrong (known irregular verbs; one-syllable or
end-stressed consonant-vowel-consonant endings; -ee, -ie, -o, -c, vowel + y) must have an
inflections.tsv line unless listed below as known to inflect regularly.

The --bench matcher only approximates the engine (filler skipping allows any word that is not a
preposition or conjunction, and + is any 1-6 words; actors are not checked); it is a coverage aid,
not a score. Standard library only.
"""
import collections, json, pathlib, re, sys

REPO = pathlib.Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "data" / "ontology" / "cameo.tsv"
EVENTS = REPO / "data" / "events"

# Common English irregular verbs: a head among these must have an inflections.tsv line.
IRREGULAR = set("""arise awake be bear beat become begin bend bet bid bind bite bleed blow break breed bring
broadcast build burn burst buy cast catch choose cling come cost creep cut deal dig do draw dream drink
drive eat fall feed feel fight find flee fling fly forbid forecast foresee forget forgive forsake freeze
get give go grind grow hang have hear hide hit hold hurt keep kneel know lay lead lean leap learn leave
lend let lie light lose make mean meet mislead mistake mow overcome overrun oversee overtake overthrow pay
prove put quit read rebuild rid ride ring rise run saw say see seek sell send set sew shake shed shine
shoot show shrink shut sing sink sit slay sleep slide sling slit smell speak speed spend spill spin spit
split spoil spread spring stand steal stick sting stink stride strike string strive swear sweep swell
swim swing take teach tear tell think throw thrust tread undergo understand undertake undo upset uphold
wake wear weave weep wet win wind withdraw withhold withstand wring write""".split())

# Consonant-vowel-consonant endings that do NOT double (unstressed last syllable) or otherwise inflect
# regularly; checked by hand. Extend this list when adding such a head.
REGULAR_CVC = set("""abandon audit bolster broaden broker censor consider cordon deepen deliver enter
heighten honor honour imprison lower mortar murder offer open order pardon partner picket plunder register
reopen sever shelter shorten slaughter sponsor strengthen suffer summon surrender target threaten tighten
toughen visit question sanction condition happen harden weaken worsen widen govern summon ransom
counter monitor hinder weather foster muster bolster render gather cover discover hamper usher
lessen listen fasten""".split())

VOWELS = "aeiou"
PREPS = set("""to of with for on against from in at by into onto over between among about after before
during under through toward towards across and or but nor as than""".split())


def load_codes():
    codes = {}
    for line in ONTOLOGY.read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        codes[cols[0]] = cols[3]          # PLOVER type
    return codes


TOKEN_RE = re.compile(r"^[a-zà-ÿ0-9'][a-zà-ÿ0-9'-]*$")


def read_patterns(path, codes, errors):
    rows = []
    seen = {}
    by_pattern = collections.defaultdict(set)
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path.name}:{n}"
        cols = line.split("\t")
        if len(cols) == 4 and cols[3].startswith("#"):
            cols = cols[:3]
        if len(cols) != 3:
            errors.append(f"{where}: {len(line.split(chr(9)))} columns, expected 3 (or 4 with a # comment)")
            continue
        code, pattern, flags = cols
        if code not in codes:
            errors.append(f"{where}: CAMEO code {code!r} is not in cameo.tsv")
        if flags != "-" and not set(flags.split(",")) <= {"swap", "intransitive"}:
            errors.append(f"{where}: flags {flags!r} is not -, swap, intransitive or swap,intransitive")
        toks = pattern.split(" ")
        if not pattern or pattern != pattern.strip() or "" in toks:
            errors.append(f"{where}: pattern {pattern!r} has empty tokens or stray spaces")
            continue
        head = toks[0]
        if head in ("+", "*") or "|" in head or not TOKEN_RE.match(head):
            errors.append(f"{where}: head {head!r} must be one lowercase word")
        for t in toks[1:]:
            if t in ("+", "*"):
                continue
            alts = t.split("|")
            if any(not TOKEN_RE.match(a) for a in alts):
                errors.append(f"{where}: token {t!r} is not lowercase words separated by |")
            if len(set(alts)) != len(alts):
                errors.append(f"{where}: token {t!r} repeats an alternative")
        if toks.count("+") > 1:
            errors.append(f"{where}: more than one + in {pattern!r}")
        if toks[-1] == "*":
            errors.append(f"{where}: pattern ends with *")
        key = (code, pattern)
        if key in seen:
            errors.append(f"{where}: duplicate of line {seen[key]} ({code} {pattern})")
        seen[key] = n
        by_pattern[(pattern, flags)].add(code)
        rows.append((code, pattern, flags, n))
    for (pattern, flags), cs in by_pattern.items():
        if len(cs) > 1:
            errors.append(f"{path.name}: pattern {pattern!r} ({flags}) has several codes: {sorted(cs)}")
    return rows


def overlaps(rows):
    """Pairs of patterns that can match the same words with the same number of literal words."""
    by_shape = collections.defaultdict(list)
    for code, pattern, flags, n in rows:
        toks = pattern.split(" ")
        by_shape[(toks[0], len(toks), flags)].append((code, toks, n))
    found = []
    for group in by_shape.values():
        for i, (ca, ta, na) in enumerate(group):
            for cb, tb, nb in group[i + 1:]:
                if ca == cb:
                    continue
                if all(x == y if "+" in (x, y) or "*" in (x, y) else set(x.split("|")) & set(y.split("|"))
                       for x, y in zip(ta[1:], tb[1:])):
                    found.append((na, ca, " ".join(ta), nb, cb, " ".join(tb)))
    return found


def read_inflections(errors):
    infl = collections.defaultdict(list)
    path = EVENTS / "inflections.tsv"
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5 or any(not c.strip() or " " in c for c in cols):
            errors.append(f"inflections.tsv:{n}: expected 5 one-word columns")
            continue
        infl[cols[0]].append(cols)
    return infl


def needs_entry(head):
    """Why the regular suffix rules may be wrong for this head, or None."""
    last = head.split("-")[-1]
    if head in IRREGULAR or last in IRREGULAR:
        return "irregular verb"
    if head in REGULAR_CVC or last in REGULAR_CVC:
        return None
    if len(last) >= 3 and last[-1] not in VOWELS + "wxy" and last[-2] in VOWELS and last[-3] not in VOWELS:
        return "consonant-vowel-consonant ending (doubling?)"
    if len(last) == 2 and last[0] in VOWELS and last[1] not in VOWELS + "wxy":
        return "short consonant ending (doubling?)"
    if re.search(r"(ee|ie|ye|oe)$", last):
        return "-ee/-ie/-ye/-oe ending"
    if re.search(r"[^aeiou]o$", last) or last.endswith("c"):
        return "-o or -c ending"
    if re.search(r"[aeiou]y$", last):
        return "vowel + y ending"
    return None


# ---------------------------------------------------------------- approximate matcher for --bench
def verb_forms(lemma, infl):
    if lemma in infl:
        return {f for cols in infl[lemma] for f in cols}
    forms = {lemma}
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        forms.add(lemma + "es")
    elif re.search(r"[^aeiou]y$", lemma):
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
    elif re.search(r"[^aeiou]y$", lemma):
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(lemma + "ed")
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    elif lemma.endswith("e") and not lemma.endswith("ee"):
        forms.add(lemma[:-1] + "ing")
    else:
        forms.add(lemma + "ing")
    return forms


def noun_forms(lemma):
    if re.search(r"(s|x|z|ch|sh)$", lemma):
        return {lemma, lemma + "es"}
    if re.search(r"[^aeiou]y$", lemma):
        return {lemma, lemma[:-1] + "ies"}
    return {lemma, lemma + "s"}


def match_rest(toks, ti, words, wi):
    if ti == len(toks):
        return True
    t = toks[ti]
    if t == "+":
        if ti + 1 == len(toks):
            return wi < len(words)
        return any(match_rest(toks, ti + 1, words, k) for k in range(wi + 1, min(len(words), wi + 7) + 1))
    if t == "*":
        return any(match_rest(toks, ti + 1, words, k) for k in range(wi, min(len(words), wi + 4) + 1))
    alts = set(t.split("|"))
    for k in range(wi, min(len(words), wi + 3)):
        if words[k] in alts:
            if match_rest(toks, ti + 1, words, k + 1):
                return True
        if words[k] in PREPS:
            break
    return False


def bench(path, patterns, codes, infl, show_misses):
    canon = {"FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "DEMAND": "REQUEST",
             "SANCTION": "COERCE"}
    index = collections.defaultdict(list)
    for kind, code, pattern, flags in patterns:
        toks = pattern.split(" ")
        forms = verb_forms(toks[0], infl) if kind == "verb" else noun_forms(toks[0])
        for f in forms:
            index[f].append((code, toks))
    n = any_hit = best_hit = 0
    per_type = collections.Counter()
    per_type_hit = collections.Counter()
    misses = []
    for line in open(path):
        if not line.strip():
            continue
        rec = json.loads(line)
        want = canon.get(rec["gold"]["event"].upper(), rec["gold"]["event"].upper())
        words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", rec["text"].lower().replace("’", "'"))
        found = []
        for i, w in enumerate(words):
            for code, toks in index.get(w, ()):
                if match_rest(toks, 1, words, i + 1):
                    literal = sum(1 for t in toks if t not in ("+", "*"))
                    found.append((literal, code, " ".join(toks)))
        types = {canon.get(codes[c], codes[c]) for _, c, _ in found}
        n += 1
        per_type[want] += 1
        if want in types:
            any_hit += 1
            per_type_hit[want] += 1
        else:
            misses.append((rec["id"], want, sorted({(c, p) for _, c, p in found}), rec["text"]))
        if found and canon.get(codes[max(found)[1]], codes[max(found)[1]]) == want:
            best_hit += 1
    print(f"bench {path}: {n} sentences; a pattern of the gold PLOVER type matches in {any_hit} "
          f"({any_hit / max(1, n):.2f}); the longest match has the gold type in {best_hit} ({best_hit / max(1, n):.2f})")
    for t in sorted(per_type):
        print(f"  {t:10s} {per_type_hit[t]}/{per_type[t]}")
    if show_misses:
        for rid, want, found, text in misses:
            got = "; ".join(f"{c} {p}" for c, p in found[:6]) or "nothing"
            print(f"- {rid} want {want}: got {got}\n    {text[:160]}")


def main(argv):
    errors = []
    codes = load_codes()
    verbs = read_patterns(EVENTS / "verbs.tsv", codes, errors)
    nouns = read_patterns(EVENTS / "nouns.tsv", codes, errors)
    infl = read_inflections(errors)
    heads = {p.split(" ")[0] for _, p, _, _ in verbs}
    for h in sorted(heads):
        why = needs_entry(h)
        if why and h not in infl:
            errors.append(f"verbs.tsv: head {h!r} has no inflections.tsv line ({why})")
    for lemma in sorted(set(infl) - heads):
        print(f"note: inflections.tsv lemma {lemma!r} is not a head in verbs.tsv")
    for name, rows in (("verbs.tsv", verbs), ("nouns.tsv", nouns)):
        for na, ca, pa, nb, cb, pb in overlaps(rows):
            print(f"warning: {name}:{na} {ca} {pa!r} and line {nb} {cb} {pb!r} can match the same words")
    for e in errors:
        print(e)
    print(f"verbs.tsv {len(verbs)} patterns ({len(heads)} heads), nouns.tsv {len(nouns)} patterns, "
          f"inflections.tsv {sum(len(v) for v in infl.values())} lines; {len(errors)} errors")
    if "--stats" in argv:
        for name, rows in (("verbs", verbs), ("nouns", nouns)):
            by_root = collections.defaultdict(list)
            for code, _, _, _ in rows:
                by_root[code[:2]].append(code)
            print(f"{name}: root  patterns  distinct codes")
            for root in sorted(by_root):
                print(f"  {root}  {len(by_root[root]):5d}  {len(set(by_root[root])):3d}")
    if "--bench" in argv:
        path = argv[argv.index("--bench") + 1]
        pats = [("verb", c, p, f) for c, p, f, _ in verbs] + [("noun", c, p, f) for c, p, f, _ in nouns]
        bench(path, pats, codes, infl, "--misses" in argv)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
