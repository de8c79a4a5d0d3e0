"""Maps character offsets between a text and a copy of it with parts deleted
(dyad's cleaning only deletes lines), for the PolNeAR scripts beside this one.
Standard library only."""
import bisect, difflib


def offset_map(source, other, strict=False):
    """A function from offsets in `source` to offsets in `other`. An offset
    inside a part `other` lacks maps to None when `strict`, else to the end of
    the last matching block before it."""
    if source == other:
        return lambda i: i
    blocks = difflib.SequenceMatcher(None, source, other, autojunk=False).get_matching_blocks()
    starts = [b.a for b in blocks]

    def to_other(i):
        k = bisect.bisect_right(starts, i) - 1
        if k < 0:
            return None if strict else 0
        b = blocks[k]
        if i > b.a + b.size and strict:
            return None
        return b.b + min(i - b.a, b.size)

    return to_other
