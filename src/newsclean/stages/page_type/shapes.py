"""Listing and service shapes for ``page_type``: what the article cleaning kept of the page, short dated lines
(a listing dates every teaser), pagination lines ("Next", "Older posts", "Page 2 of 9"), blocks under the
class words of a page builder's landing sections (hero, call to action, testimonials, pricing plans), and a
few counts of the source (``<section>``, ``rel="next"``, a pagination class, forms and their fields).

Split from ``features`` (which calls :func:`shape_features`); like it, this module only measures, from the
blocks, their loader features and the raw source string.
"""
from __future__ import annotations

import math
import re

from newsclean.page import Block
from newsclean.stages.page_type.counts import count_strings

#: a dated line or a pagination line is short: a teaser's date line, not a sentence that names a date
SHORT_LINE_WORDS = 12
#: only the start of a line is searched for a date (cost bound; a teaser's date leads its line)
DATE_HEAD_CHARS = 120
#: the source is scanned this far for the counts below (as for the tag counts: cheap on huge pages)
SOURCE_SCAN_CHARS = 400_000
#: class/id words of a page builder's landing sections: heroes, calls to action, buttons, testimonials,
#: feature and pricing blocks, accordions and FAQs, and the builders' own section words
LANDING_HINTS = frozenset({"hero", "cta", "btn", "button", "elementor", "testimonial", "testimonials", "banner",
                           "feature", "features", "pricing", "plan", "plans", "accordion", "faq", "wpb", "vc",
                           "fusion", "et", "wix"})
#: source strings counted (log-scaled), by signal name
SOURCE_STRINGS = (("src_section", "<section"), ("src_rel_next", 'rel="next"'), ("src_pagination", "pagination"),
                  ("src_form", "<form"), ("src_input", "<input"), ("src_button", "<button"))

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DATE_LINE = re.compile(rf"\b{_MONTHS}[a-z]*\.? \d{{1,2}}\b|\b\d{{1,2}} {_MONTHS}|\b(?:19|20)\d\d-\d\d-\d\d\b"
                        r"|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|\b\d+ (?:min|minutes|hours?|days?|weeks?|months?) ago\b",
                        re.IGNORECASE)
_PAGINATION = re.compile(r"^(?:next|next page|older posts|newer posts|older entries|newer entries|previous|prev|"
                         r"load more|show more|more stories|view more|see more|page \d+(?: of \d+)?|"
                         r"[«‹<]+\s*(?:previous|prev|newer)(?: posts| entries| page)?|"
                         r"(?:next|older)(?: posts| entries| page)?\s*[»›>]+|"
                         r"\d+(?:\s+\d+){2,}.*)$", re.IGNORECASE)


def line_shapes(blocks: list[Block], f: dict[str, float], nws: list[int]) -> None:
    """The share of the words the article cleaning kept, short dated lines, pagination lines and the share of
    blocks under a landing section's class words (``nws``: each block's words)."""
    total = kept = dated = pages = landing = 0
    for b, nw in zip(blocks, nws):
        total += nw
        if b.dropped_by is None:
            kept += nw
        if nw <= SHORT_LINE_WORDS:
            if _DATE_LINE.search(b.text[:DATE_HEAD_CHARS]):
                dated += 1
            if _PAGINATION.match(b.text.strip()):
                pages += 1
        hints = b.features.get("hints")
        if hints and not LANDING_HINTS.isdisjoint(hints):
            landing += 1
    f["kept_word_share"] = kept / max(total, 1)
    f["dated_lines"] = math.log1p(dated)
    f["pagination_lines"] = math.log1p(pages)
    f["hint_landing"] = landing / max(len(blocks), 1)


def source_shapes(source: str, f: dict[str, float]) -> None:
    """Counts of sections, pagination and form markup in the start of the (lower-cased) source."""
    counts = count_strings(source[:SOURCE_SCAN_CHARS].lower(), SOURCE_SCAN_CHARS, tuple(s for _, s in SOURCE_STRINGS))
    for (name, _), n in zip(SOURCE_STRINGS, counts):
        f[name] = math.log1p(n)


#: the signals of this module that only HTML shows (markup, class words, what the HTML cleaning kept)
SHAPES_HTML_ONLY = frozenset({"kept_word_share", "hint_landing"} | {name for name, _ in SOURCE_STRINGS})


def shape_features(blocks: list[Block], source: str, f: dict[str, float], nws: list[int]) -> None:
    """All the signals of this module into ``f``."""
    line_shapes(blocks, f, nws)
    if source:
        source_shapes(source, f)
