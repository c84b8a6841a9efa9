"""Tables drawn with box lines in text captures, read back row by row.

Some text browsers draw an HTML table as a grid (``┌──┬──┐`` / ``│ a │ b │`` / ``├──┼──┤``, or ``+---+`` and
``|`` in ASCII) and wrap every cell inside its column, so one table row takes several lines and each line
holds a piece of every cell side by side: read line by line, the words of different cells interleave and no
phrase of the table survives. This module finds such grids and prints each table row as one line, its cells
(each cell's pieces joined in order) apart by ``CELL_GAP`` spaces, so the loader reads the rows as a
column-laid table (``text_tables.merge_tables``) in the order the page wrote them.
"""
from __future__ import annotations

import re

#: the characters of a grid's border lines (box drawing, and the ASCII "+", "-", "=", "|")
_BORDER_CHARS = frozenset("─━═┄┈┬┼┴┌┐└┘├┤╤╪╧╒╕╘╛╞╡╔╗╚╝╠╣╦╩╬╟╢╫╥╨╓╖╙╜+-=| ")
_RULE_CHARS = frozenset("─━═-=")            # a border has a run of these
_BARS = ("│", "|", "║")                    # what sets a row's cells apart
#: a line that may be a grid's border (``_border`` decides): a capture without one has no grid and is not split
_MAY_BORDER = re.compile(r"^[^\S\n]*[┌├└╞╘╒╔╠╚╟+|](?:[" + re.escape("".join(sorted(_BORDER_CHARS - {" "})))
                         + r"]|[^\S\n]){2,}$", re.M)
CELL_GAP = "   "   # three spaces: the gap the loader's table rows and wrap-column reading know
MIN_RULE = 3       # a border holds at least this many rule characters ("+-+" alone is no grid)
MIN_ROWS = 2       # a grid has at least two rows of cells (a single boxed line is a note, not a table)


def _border(s: str) -> bool:
    t = s.strip()
    return len(t) >= MIN_RULE and t[0] in "┌├└╞╘╒╔╠╚╟+|" and all(c in _BORDER_CHARS for c in t) \
        and sum(1 for c in t if c in _RULE_CHARS) >= MIN_RULE


def _bar_of(s: str) -> str | None:
    """The bar a row line starts with (None: not a row line)."""
    t = s.lstrip()
    return t[0] if t[:1] in _BARS and len(t) >= 2 else None


def _cells(line: str, bar: str) -> list[str]:
    t = line.strip()
    t = t[1:] if t.startswith(bar) else t
    t = t[:-1] if t.endswith(bar) else t
    return t.split(bar)


def _row_text(group: list[str], bar: str) -> str:
    """One table row (its lines between two borders) as one line of cells."""
    split = [_cells(line, bar) for line in group]
    if len({len(c) for c in split}) == 1:
        columns = zip(*split)
        cells = [" ".join(p.strip() for p in col if p.strip()) for col in columns]
    else:  # a row whose lines do not agree on the columns: its pieces in reading order
        cells = [p.strip() for c in split for p in c]
    return CELL_GAP.join(c for c in cells if c)


def _grid_end(lines: list[str], i: int) -> int:
    """The index past the grid's lines that start at ``lines[i]`` (a border)."""
    j = i
    while j < len(lines) and (_border(lines[j]) or _bar_of(lines[j]) is not None):
        j += 1
    return j


def _rows(grid: list[str]) -> list[str] | None:
    """The grid's rows as lines (None when it is no grid of rows)."""
    rows: list[str] = []
    group: list[str] = []
    bar = None
    for line in grid + [""]:
        if line and not _border(line):
            this = _bar_of(line)
            if bar is not None and this != bar:
                return None
            bar = this
            group.append(line)
            continue
        if group and bar is not None:
            text = _row_text(group, bar)
            if text:
                rows.append(text)
        group = []
    return rows if len(rows) >= MIN_ROWS else None


def unbox_tables(text: str) -> str:
    """The capture with every grid drawn with box lines printed as one line per table row (the text as it
    was when it holds none)."""
    if _MAY_BORDER.search(text) is None:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i, changed = 0, False
    while i < len(lines):
        if _border(lines[i]):
            j = _grid_end(lines, i)
            rows = _rows(lines[i:j])
            if rows is not None:
                for row in rows:   # (a blank line after each: a row wider than the wrap column is no wrapped line)
                    out += ["", row]
                out.append("")
                i, changed = j, True
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out) if changed else text
