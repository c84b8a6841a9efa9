"""Text captures: columns a renderer printed side by side, read one after the other.

w3m, elinks and links lay a page's table cells out beside each other, so a story set in a table column
comes out with a sidebar glued to the right of every line ("Part 1 screams "HashSet" to me. (In fact
   □ July (32)"): each printed line holds a piece of two columns, the story's wrapped lines no longer
follow each other and no paragraph can be joined. A run of lines that all keep one band of columns
blank, with text on both sides of it, is cut at the band: the left column's lines first, then the
right column's, each column with its own wrap width (``Line.wrap``) so that its wrapped lines join.

A table laid out in columns has such a band too; it is left alone. The run is unfolded only when the
cells hold no gaps of their own (a table of three or more columns has them), the left side is padded
out to the band on a good share of the lines (a list whose lines all start with the same words is no
column), and one side is wrapped prose: lines of five words or more filling their column.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from newsclean.load.text_lines import Line, split_lines

#: the leftmost column a band may start at: a narrower left "column" is a margin, a bullet or a label
MIN_LEFT = 20
#: lines with text on both sides of the band, at least: fewer are a coincidence of a few lines' spaces
MIN_BOTH = 8
#: share of those lines whose left text stops ``PAD`` columns or more before the right text starts
#: (a column is padded out to its width; words that merely line up are not)
MIN_PADDED_SHARE = 0.25
PAD = 3
#: share of those lines, at most, holding a gap of their own inside a column (a table's other cells)
MAX_INNER_GAP_SHARE = 0.1
#: a prose side: this many lines at least, and this share of its lines, of ``PROSE_WORDS`` words or more
#: that fill their column to within ``FULL_SLACK`` columns of its widest line
MIN_PROSE_LINES = 8
MIN_PROSE_SHARE = 0.6
PROSE_WORDS = 5
FULL_SLACK = 15
#: a run without a band of ``MIN_BOTH`` lines beside it that reached this many lines is not tried again from
#: its next line with a gap (each line is then read by at most this many tries: the scan stays linear)
RETRY_SPAN = 2 * MIN_BOTH

_INNER_GAP = re.compile(r"\S {3,}\S")
#: every byte to "1" but the space, to "0": a line's non-blank columns as a binary number (reversed)
_BITS = bytes(0x30 if c == 0x20 else 0x31 for c in range(256))


def _mask(ln: Line) -> int:
    """The columns of the line that are not blank, as bits (bit k: column k). A line with characters
    wider or narrower than one column blocks every column it spans (its columns are not its indices)."""
    raw = ln.raw
    if not raw:
        return 0
    if ln.width != len(raw):
        return (1 << max(ln.width, len(raw))) - 1
    return int(raw.encode("latin-1", "replace").translate(_BITS)[::-1], 2)


def _free(union: int) -> int:
    """The blank columns, from ``MIN_LEFT`` to the rightmost non-blank one, of lines whose union is ``union``."""
    top = union.bit_length()
    return ~union & ((1 << top) - 1) & ~((1 << MIN_LEFT) - 1) if top > MIN_LEFT else 0


def _edges(free: int, starts: int) -> int:
    """The right edges of the blank bands of ``free`` (the column just past each) where ``starts`` says a
    column's text starts: the right column's left edge, where two lines or more start their text."""
    return (free << 1) & ~free & starts


def _bands(free: int, edges: int) -> list[tuple[int, int]]:
    """The blank bands of ``free`` (first column, column past the last) whose right edge is in ``edges``."""
    out = []
    while free:
        a = (free & -free).bit_length() - 1
        shifted = free >> a
        b = a + (~shifted & (shifted + 1)).bit_length() - 1   # (the lowest clear bit above the band)
        if edges >> b & 1:
            out.append((a, b))
        free &= ~((1 << b) - 1)
    return out


def _both(masks: list[int], a: int, b: int) -> int:
    low = (1 << a) - 1
    return sum(1 for m in masks if m & low and m >> b)


def unfold_columns(lines: list[Line]) -> tuple[list[Line], list[tuple[int, int]]]:
    """The lines with every run of side-by-side columns printed column after column, and the runs (the first
    and last line numbers of each, as printed): a new list, its lines renumbered from 0 (in place), when one
    was found; the same list and no run otherwise.

    A run is tried from each line holding a gap of ``PAD`` blanks inside its text (a padded left column's
    line; a run needs some), never from other lines; a run that had its band and failed the tests is not
    tried again from inside (it is a table or a list), nor one longer than ``RETRY_SPAN`` lines."""
    gap = " " * PAD
    tries = [i for i, ln in enumerate(lines) if gap in ln.text]
    if len(tries) < 2:
        return lines, []   # (a run needs MIN_PADDED_SHARE of MIN_BOTH padded lines: two at least)
    masks: list[int | None] = [None] * len(lines)
    out: list[Line] = []
    runs: list[tuple[int, int]] = []
    done = 0
    k = 0
    while k < len(tries):
        start = tries[k]
        if start < done:
            k += 1
            continue
        j, cut = _run(lines, masks, start)
        verdict = _accept(lines[start:j], [_mask_at(lines, masks, i) for i in range(start, j)], cut) \
            if cut is not None and j - start >= MIN_BOTH else None
        if verdict is None or isinstance(verdict, str):
            # (a band that failed the tests: not from inside it again; no band: from the next line with a gap)
            k = bisect_left(tries, j) if verdict or j - start > RETRY_SPAN else k + 1
            continue
        out += lines[done:start]
        out += _unfolded(lines[start:j], *verdict)
        runs.append((lines[start].number, lines[j - 1].number))
        done = j
    if not runs:
        return lines, []
    out += lines[done:]
    for i, ln in enumerate(out):
        ln.number = i   # (in place: ``dataclasses.replace`` costs ~8 µs a line)
    return out, runs


def _mask_at(lines: list[Line], masks: list[int | None], i: int) -> int:
    m = masks[i]
    if m is None:
        m = masks[i] = _mask(lines[i])
    return m


def _run(lines: list[Line], masks: list[int | None], start: int) -> tuple[int, tuple[int, int] | None]:
    """The end of the run of lines from ``start`` that keep a blank band at whose right edge two lines or more
    start their text after ``PAD`` blank columns (a column's padded edge, not two words that line up; the
    first two lines reaching past ``MIN_LEFT`` join the run unasked), and the run's (free columns, right edges),
    None when it has no such band."""
    union = once = twice = 0
    wide = 0
    j = start
    for j in range(start, len(lines)):
        m = _mask_at(lines, masks, j)
        starts = _padded_starts(m)
        u, t = union | m, twice | (once & starts)
        if wide >= 2 and not _edges(_free(u), t):
            break
        union, once, twice = u, once | starts, t
        wide += m.bit_length() > MIN_LEFT
    else:
        j = len(lines)
    free = _free(union)
    edges = _edges(free, twice)
    return j, ((free, edges) if edges else None)


def _padded_starts(m: int) -> int:
    """The columns of ``m`` where text starts after ``PAD`` blank columns or more (or at the line's start)."""
    before = 0
    for k in range(1, PAD + 1):
        before |= m << k
    return m & ~before


def _accept(run: list[Line], masks: list[int], cut: tuple[int, int]) -> tuple[int, int] | str | None:
    """The band (its first blank column, the right column's first column) the run is cut at; None when no
    band has ``MIN_BOTH`` lines beside it; else the test it failed."""
    best: tuple[int, int, int] | None = None
    for a, b in _bands(*cut):
        both = _both(masks, a, b)
        if both >= MIN_BOTH and (best is None or both > best[0]):
            best = (both, a, b)
    if best is None:
        return None
    both, a, b = best
    pairs = [(ln.raw[:a].rstrip(), ln.raw[b:]) for ln, m in zip(run, masks) if m & ((1 << a) - 1) and m >> b]
    padded = sum(1 for left, _ in pairs if b - len(left) >= PAD)
    inner = sum(1 for left, right in pairs if _INNER_GAP.search(left.strip()) or _INNER_GAP.search(right))
    if padded < MIN_PADDED_SHARE * len(pairs):
        return "not padded"
    if inner > MAX_INNER_GAP_SHARE * len(pairs):
        return "a table"
    lefts = [ln.raw[:a].rstrip() for ln in run]
    rights = [ln.raw[b:] for ln in run]
    return (a, b) if _prose(lefts) or _prose(rights) else "no prose"


def _prose(side: list[str]) -> bool:
    """Is this side of the run wrapped prose: lines of several words filling the column?"""
    texts = [s for s in side if s.strip()]
    if len(texts) < MIN_PROSE_LINES:
        return False
    widest = max(len(s) for s in texts)
    full = sum(1 for s in texts if len(s) >= widest - FULL_SLACK and len(s.split()) >= PROSE_WORDS)
    return full >= MIN_PROSE_LINES and full >= MIN_PROSE_SHARE * len(texts)


def _unfolded(run: list[Line], a: int, right_start: int) -> list[Line]:
    """The run's left column, a blank line, then its right column, each line read again (bullets, indents)
    and given its column's wrap width."""
    out: list[Line] = []
    for side in ([ln.raw[:a].rstrip() for ln in run], [ln.raw[right_start:].rstrip() for ln in run]):
        filled = [i for i, text in enumerate(side) if text]
        if not filled:
            continue
        col = split_lines("\n".join(side[filled[0]:filled[-1] + 1]))   # (the side's blank head and tail cut)
        wrap = max(ln.width for ln in col)
        if out:
            out.append(Line(0, "", "", 0, None, 0))
        for ln in col:
            ln.wrap = wrap
        out += col
    return out
