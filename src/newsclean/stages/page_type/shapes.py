"""Listing and service shapes for ``page_type``: what the article cleaning kept of the page, short dated lines
(a listing dates every teaser), and the names of a few source counts (``<section>``, ``<form>``, ``<input>``,
``<button>``, ``rel="next"``, a pagination class) that ``profile.source_counts`` counts with its own.

Split from ``features`` (which calls :func:`line_shapes`); like it, this module only measures, from the
blocks and their loader features.
"""
from __future__ import annotations

import math
import re

from newsclean.page import Block
from newsclean.strings import has_digit

#: a dated line is short: a teaser's date line, not a sentence that names a date
SHORT_LINE_WORDS = 12
#: only the start of a line is searched for a date (cost bound; a teaser's date leads its line)
DATE_HEAD_CHARS = 120
#: start tags counted (log-scaled, as ``src_<tag>``) by ``profile.source_counts`` in its one case-blind pass over
#: the source's tags: landing pages are built of sections, service pages ask for contact, sign-up or search
SOURCE_SHAPE_TAGS = ("section", "form", "input", "button")
#: source strings counted (log-scaled) by ``profile.source_counts``, by signal name: a "next page" link and
#: a pagination class mark a listing; counted as written (no lower-cased copy of the source), in the same
#: compiled pass as the price keys. "agination" is "pagination" and "Pagination" in one needle, looked for by
#: its "g" (the "p" the count would otherwise go by is three times as common in markup: <p>, http, px)
SOURCE_STRINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("src_rel_next", ('rel="next"',)), ("src_pagination", ("agination",)))

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = rf"(?:{'|'.join(_MONTH_NAMES)})"
_MONTH = re.compile(_MONTHS)
_DATE_LINE = re.compile(rf"\b{_MONTHS}[a-z]*\.? \d{{1,2}}\b|\b\d{{1,2}} {_MONTHS}|\b(?:19|20)\d\d-\d\d-\d\d\b"
                        r"|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|\b\d+ (?:min|minutes|hours?|days?|weeks?|months?) ago\b",
                        re.IGNORECASE)


def _may_hold_date(head: str) -> bool:
    """What every date shape of ``_DATE_LINE`` needs: a digit, and an (ASCII) month name, "-", "/" or "ago".
    These tests spare the regex (~40k instructions a line) nearly every short line ("iPhone 11", "Rating: 36")."""
    if not has_digit(head):
        return False
    if "-" in head or "/" in head:
        return True
    low = head.lower()
    return "ago" in low or _MONTH.search(low) is not None


def line_shapes(blocks: list[Block], f: dict[str, float], nws: list[int]) -> None:
    """The share of the words the article cleaning kept and the short dated lines (``nws``: each block's
    words). (Blocks under a landing section's class words are the hint group ``landing`` of ``features``,
    counted in the compiled pass over the hints.)"""
    total = kept = dated = 0
    for b, nw in zip(blocks, nws):
        total += nw
        if b.dropped_by is None:
            kept += nw
        if nw <= SHORT_LINE_WORDS:
            head = b.text[:DATE_HEAD_CHARS]
            if _may_hold_date(head) and _DATE_LINE.search(head):
                dated += 1
    f["kept_word_share"] = kept / max(total, 1)
    f["dated_lines"] = math.log1p(dated)


#: the signals of this module that only HTML shows (markup, class words, what the HTML cleaning kept)
SHAPES_HTML_ONLY = frozenset({"kept_word_share"} | {name for name, _ in SOURCE_STRINGS}
                             | {f"src_{tag}" for tag in SOURCE_SHAPE_TAGS})
