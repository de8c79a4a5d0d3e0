#!/usr/bin/env python3
"""Check data/ontology/cameo.tsv against the CAMEO reference tables.

    check_ontology.py [SHARED_DIR]      # default: ../shared beside the repo, else /work/shared

Checks: six tab-separated columns; codes are 2-4 digits, unique and sorted; the Goldstein score
of every code in the reference Goldstein table is the table's; quad_class follows the root
(01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4); plover type and mode match the CAMEO-to-PLOVER
table where it lists the code (root 01 is "-", root 02 is REQUEST); every code in either
reference table has a line; names are non-empty. Standard library only; exit status 1 on errors.
"""
import pathlib, re, sys

REPO = pathlib.Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "data" / "ontology" / "cameo.tsv"


def shared_dir():
    if len(sys.argv) > 1:
        return pathlib.Path(sys.argv[1])
    for cand in (REPO.parent / "shared", pathlib.Path("/work/shared")):
        if (cand / "peers" / "ontology").is_dir():
            return cand
    sys.exit("shared reference folder not found; pass it as the first argument")


def quad(code):
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def main():
    ref = shared_dir() / "peers" / "ontology"
    goldstein = {}
    for line in (ref / "CAMEO.goldsteinscale.tsv").read_text().splitlines()[1:]:
        if line.strip():
            code, score = line.split("\t")
            goldstein[code] = float(score)
    plover = {}
    for line in (ref / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m or m.group(1) in plover:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        mode = fields[1] if len(fields) > 1 and fields[1] and len(m.group(1)) > 2 else "-"
        plover[m.group(1)] = (fields[0], mode)

    errors = []
    rows = {}
    order = []
    for n, line in enumerate(ONTOLOGY.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6:
            errors.append(f"line {n}: {len(cols)} columns, expected 6")
            continue
        code, score, qc, ptype, mode, name = cols
        if not re.fullmatch(r"\d{2,4}", code):
            errors.append(f"line {n}: bad code {code!r}")
            continue
        if code in rows:
            errors.append(f"line {n}: duplicate code {code}")
        rows[code] = cols
        order.append(code)
        if not re.fullmatch(r"-?\d+\.\d", score):
            errors.append(f"line {n}: goldstein {score!r} is not a one-decimal number")
        elif code in goldstein and float(score) != goldstein[code]:
            errors.append(f"line {n}: goldstein {score} for {code}, table says {goldstein[code]}")
        if qc != str(quad(code)):
            errors.append(f"line {n}: quad_class {qc} for {code}, root rule says {quad(code)}")
        if code.startswith("01"):
            if ptype != "-":
                errors.append(f"line {n}: root 01 code {code} has plover {ptype}, expected -")
        elif code.startswith("02"):
            if ptype != "REQUEST":
                errors.append(f"line {n}: root 02 code {code} has plover {ptype}, expected REQUEST")
        elif code in plover:
            if (ptype, mode) != plover[code]:
                errors.append(f"line {n}: {code} has {ptype}/{mode}, table says {plover[code][0]}/{plover[code][1]}")
        if not ptype or not mode or not name.strip():
            errors.append(f"line {n}: empty field")
    if order != sorted(order):
        errors.append("codes are not sorted")
    for code in sorted(set(goldstein) | set(plover)):
        if code not in rows:
            errors.append(f"code {code} from the reference tables has no line")
    for code in rows:
        if code not in goldstein and code not in plover:
            errors.append(f"code {code} is in neither reference table")
    for e in errors:
        print(e)
    only_g = sorted(set(goldstein) - set(plover))
    only_p = sorted(set(plover) - set(goldstein))
    print(f"{len(rows)} codes; {len(only_g)} only in the Goldstein table, {len(only_p)} only in the PLOVER table "
          f"({', '.join(only_p)}); {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
