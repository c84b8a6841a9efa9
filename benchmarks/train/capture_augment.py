"""Training-data augmentation for the capture classifier: one tune capture printed again in other layouts.

Text renderers differ in how they lay the same page out — where they wrap lines (or not at all), which glyph
starts a list item, how far they indent, whether blank lines part the paragraphs — and a classifier fitted on
two renderers' captures learns their layouts along with the page. ``restyle`` takes the blocks our own
loader read from a TUNE capture and prints them again in a ``Style``: each dimension is varied generically
(widths, glyphs and indents a printer could pick), not modelled on any renderer. The text of every block
stays as it was, so the gold labels of the variant are as good as the original's.
"""
from __future__ import annotations

import hashlib
import textwrap
from dataclasses import dataclass

from newsclean.page import Block


@dataclass(frozen=True)
class Style:
    name: str
    width: int | None      # wrap column (None: one line per paragraph)
    bullet: str            # the glyph of an unnumbered list item ("" prints the item as a plain line)
    indent: int            # spaces before a paragraph's lines
    list_indent: int       # spaces before a list item's glyph
    blank: str             # "keep": blank lines where the capture had them; "all": between all blocks;
                           # "lists": none between list items, one elsewhere


STYLES = (
    Style("flat", None, "•", 0, 0, "all"),
    Style("w72", 72, "-", 0, 0, "keep"),
    Style("w110i2", 110, "*", 2, 4, "lists"),
    Style("w64i4", 64, "o", 4, 2, "keep"),
    Style("flat-plain", None, "", 0, 0, "lists"),
)
NUMBERED = tuple("0123456789")  # a numbered item ("1. ...") keeps its number whatever the style


def styles_for(page_id: str, n: int) -> list[Style]:
    """``n`` styles for one page, chosen by its id (deterministic: the same pages give the same file)."""
    start = int(hashlib.sha1(page_id.encode("utf-8")).hexdigest()[:8], 16) % len(STYLES)
    return [STYLES[(start + k) % len(STYLES)] for k in range(min(n, len(STYLES)))]


def _lines(b: Block, style: Style) -> list[str]:
    if b.kind == "table" or "\n" in b.text:
        return b.text.split("\n")
    bullet = b.features.get("bullet")
    if b.kind == "list_item" and bullet is not None:
        glyph = bullet if bullet[:1] in NUMBERED else style.bullet
        first = " " * style.list_indent + (glyph + " " if glyph else "")
        rest = " " * len(first)
    elif b.kind == "heading":
        first = rest = ""
    else:
        first = rest = " " * style.indent
    if style.width is None:
        return [first + b.text]
    return textwrap.wrap(b.text, width=max(20, style.width), initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first + b.text]


def _blank_before(prev: Block, b: Block, style: Style) -> bool:
    if style.blank == "all":
        return True
    if style.blank == "lists":
        return not (prev.kind == "list_item" and b.kind == "list_item")
    return bool(b.features.get("blank_before", True))


def restyle(blocks: list[Block], style: Style) -> str:
    """The blocks printed as a capture in ``style``."""
    out: list[str] = []
    for i, b in enumerate(blocks):
        if i and _blank_before(blocks[i - 1], b, style):
            out.append("")
        out += _lines(b, style)
    return "\n".join(out) + "\n"
