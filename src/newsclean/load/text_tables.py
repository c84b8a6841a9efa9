"""Tables in text captures: runs of rows laid out in columns (cells split by runs of spaces or tabs, as text
browsers print an HTML table) become one "table" block, one row per line."""
from __future__ import annotations

import re

from newsclean.page import Block

_CELL_GAP = re.compile(r"\S(?: {2,}|\t)(?=\S)")


def _cells(b: Block) -> list[str] | None:
    """The cells of a one-line block laid out in columns (3+ cells split by runs of spaces)."""
    if b.features.get("n_lines") != 1 or b.kind == "list_item" or len(b.text) > 400:
        return None
    if ("  " not in b.text and "\t" not in b.text) or len(_CELL_GAP.findall(b.text)) < 2:   # (a gap holds one)
        return None
    return [c for c in re.split(r" {2,}|\t", b.text) if c.strip()]


def merge_tables(blocks: list[Block]) -> list[Block]:
    """Runs of 3+ column-laid rows (at most one blank line apart) become one "table" block."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        run: list[tuple[Block, list[str]]] = []
        j = i
        while j < len(blocks):
            cells = _cells(blocks[j])
            if cells is None or (run and blocks[j].features["line_start"] - run[-1][0].features["line_end"] > 2):
                break
            run.append((blocks[j], cells))
            j += 1
        if len(run) >= 3:
            first, last = run[0][0], run[-1][0]
            feats = dict(first.features)
            feats.update(line_end=last.features["line_end"], n_lines=len(run), rows=len(run))
            text = "\n".join(" ".join(c.strip() for c in cells) for _, cells in run)
            out.append(Block(index=0, text=text, kind="table", features=feats))
            i = j
        else:
            out.append(blocks[i])
            i += 1
    for n, b in enumerate(out):
        b.index = n
    return out
