"""More page-level signals for ``page_type``: what sits around the title, how the prose reads, how the
sections are shaped, how the links run, a few tag counts of the source (the URL's shape is in ``urls``).

Split from ``features`` (which calls :func:`profile_features`); like it, this module only measures, from
what loading and the stages before ``page_type`` hold (blocks, their roles and loader features, the raw
source string). Chosen by grouped 5-fold cross-validation on the tune split (benchmarks/train/page_type.py):
each helps tell an article from a listing or a service page on sites the model has not seen.
"""
from __future__ import annotations

import math
import re

from newsclean.page import Block
from newsclean.stages.page_type.counts import count_strings, tag_counts
from newsclean.stages.page_type.shapes import SOURCE_SHAPE_TAGS, SOURCE_STRINGS
from newsclean.strings import has_digit

#: blocks measured before and after the title for a byline or a date: the "article header"
TITLE_BEFORE, TITLE_AFTER = 3, 8
#: only the start of a block is searched for a date or a "By" line (cost bound; they sit at the start)
HEAD_CHARS = 200
#: a paragraph of at least this many words (and few links) is measured for sentences
SENTENCE_PAR_WORDS = 8
#: a paragraph's text in links below this share: prose, not a teaser
SENTENCE_MAX_LINKS = 0.3
#: a paragraph of at least this many sentences is running prose ("multi-sentence")
MULTI_SENTENCES = 3
#: a heading followed by a block of fewer words opens a short section (a feature card, a plan, a FAQ)
SHORT_SECTION_WORDS = 40
#: a block with more than this share of its text in links is a link block (for the longest link run)
LINK_BLOCK = 0.5
#: the source is scanned this far for tag counts (as for schema.org types: cheap on huge pages)
SOURCE_SCAN_CHARS = 400_000
#: source tags counted (log-scaled): figures and images go with articles, ``<code>`` with docs, ``<h2>`` with
#: sectioned pages (``<svg>`` was tried: it counts a site template's icons, not the page's type)
SOURCE_TAGS = ("figure", "img", "video", "code", "h2")
#: a price in the source's markup: ``itemprop="price"`` or a JSON ``"price"`` key
PRICE_KEYS = ('itemprop="price"', '"price"')
#: every start tag counted in the source (one case-blind pass over its "<"s)
_ALL_TAGS = SOURCE_TAGS + SOURCE_SHAPE_TAGS
#: every other string counted in the source (one pass per distinct anchor character)
_SOURCE_NEEDLES = PRICE_KEYS + tuple(s for _, strings in SOURCE_STRINGS for s in strings)
#: the h1 count is capped here (a page of many h1s is as odd as one of four)
H1_CAP = 4

_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+[A-Z0-9\"']")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DATE_TEXT = re.compile(rf"\b{_MONTHS}[a-z]*\.? \d{{1,2}}\b|\b\d{{1,2}} {_MONTHS}|\b(?:19|20)\d\d-\d\d-\d\d\b"
                        r"|\b\d+ (?:min|minutes|hours?|days?) ago\b", re.IGNORECASE)
_BY_LINE = re.compile(r"^(?:by|von|par|por|door|di)\s+\S", re.IGNORECASE)


def title_area(blocks: list[Block], f: dict[str, float]) -> None:
    """A byline and a date right around the title (the title stage's block, else the first h1): an article's
    header. Also where the title sits and how many h1s the page has."""
    h1 = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.features.get("level") == 1]
    tpos = next((i for i, b in enumerate(blocks) if b.role == "title"), h1[0] if h1 else None)
    near_date = near_by = 0.0
    if tpos is not None:
        for b in blocks[max(0, tpos - TITLE_BEFORE): tpos + TITLE_AFTER]:
            head = b.text[:HEAD_CHARS]
            if b.role in ("byline", "dateline") or _BY_LINE.match(head):
                near_by = 1.0
            if b.role == "dateline" or has_digit(head) and _DATE_TEXT.search(head):  # (each of its forms has a \d)
                near_date = 1.0
    f["near_title_byline"] = near_by
    f["near_title_date"] = near_date
    f["title_pos"] = tpos / max(len(blocks), 1) if tpos is not None else 1.0
    f["h1_count"] = float(min(len(h1), H1_CAP))


def prose_profile(blocks: list[Block], f: dict[str, float], nws: list[int], lds: list[float]) -> None:
    """Sentences per paragraph, and the share of all words in paragraphs of several sentences (``nws``,
    ``lds``: each block's words and link density)."""
    sentences: list[int] = []
    multi_words = 0
    total = 0
    for b, nw, ld in zip(blocks, nws, lds):
        total += nw
        if b.kind == "paragraph" and nw >= SENTENCE_PAR_WORDS and ld < SENTENCE_MAX_LINKS:
            n = len(_SENTENCE_END.findall(b.text)) + 1
            sentences.append(n)
            if n >= MULTI_SENTENCES:
                multi_words += nw
    f["sent_per_par"] = sum(sentences) / len(sentences) if sentences else 0.0
    f["multi_sent_share"] = multi_words / max(total, 1)


def section_shapes(blocks: list[Block], f: dict[str, float], nws: list[int]) -> None:
    """Headings followed by a short unlinked text (feature cards, plans, FAQ entries), as a share of the
    headings; and headings that ask a question (``nws``: each block's words)."""
    headings = short = questions = 0
    for i, b in enumerate(blocks):
        if b.kind != "heading":
            continue
        headings += 1
        if b.text.rstrip().endswith("?"):
            questions += 1
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and nxt.kind != "heading" and nws[i + 1] < SHORT_SECTION_WORDS \
                and not nxt.features.get("in_link"):
            short += 1
    f["short_section_share"] = short / max(headings, 1)
    f["question_headings"] = math.log1p(questions)


def link_profile(blocks: list[Block], f: dict[str, float], lds: list[float]) -> None:
    """The link density of what the cleaning kept (an article's body has few links, a listing's teasers
    many) and the longest run of link blocks (``lds``: each block's link density)."""
    kept_chars = 0
    kept_links = 0.0
    run = best = 0
    for b, ld in zip(blocks, lds):
        if b.dropped_by is None:
            kept_chars += len(b.text)
            kept_links += ld * len(b.text)
        run = run + 1 if ld > LINK_BLOCK else 0
        best = max(best, run)
    f["kept_link_density"] = kept_links / max(kept_chars, 1)
    f["link_run"] = math.log1p(best)


def source_counts(source: str, f: dict[str, float]) -> None:
    """Counts of a few start tags (case-blind) and price keys in the start of the source (log-scaled), and
    the counts named by ``shapes.SOURCE_SHAPE_TAGS`` and ``shapes.SOURCE_STRINGS``."""
    for tag, n in zip(_ALL_TAGS, tag_counts(source, SOURCE_SCAN_CHARS, _ALL_TAGS)):
        f[f"src_{tag}"] = math.log1p(n)
    counts = count_strings(source, SOURCE_SCAN_CHARS, _SOURCE_NEEDLES)
    at = len(PRICE_KEYS)
    f["src_price"] = math.log1p(sum(counts[:at]))
    for name, strings in SOURCE_STRINGS:
        f[name] = math.log1p(sum(counts[at: at + len(strings)]))
        at += len(strings)


#: the signals of this module that only HTML shows (markup, links, element roles)
PROFILE_HTML_ONLY = frozenset({
    "near_title_byline", "near_title_date", "title_pos", "h1_count", "sent_per_par", "multi_sent_share",
    "short_section_share", "question_headings", "kept_link_density", "link_run", "src_price",
} | {f"src_{t}" for t in SOURCE_TAGS})


def profile_features(blocks: list[Block], source: str, f: dict[str, float], nws: list[int],
                     lds: list[float]) -> None:
    """All the signals of this module into ``f`` (``nws``, ``lds``: each block's words, as spaces + 1,
    and link density, measured once by the caller)."""
    title_area(blocks, f)
    prose_profile(blocks, f, nws, lds)
    section_shapes(blocks, f, nws)
    link_profile(blocks, f, lds)
    source_counts(source, f)
