"""Page-level signals for the ``page_type`` stage: a flat ``{name: float}`` of what a page shows.

Everything is read from what loading and the metadata stage already hold (the raw source string,
``page.blocks`` with their loader features, ``page.handoffs.head``, ``page.url``): no second parse.
The weights that turn these signals into a page type are learned (benchmarks/train/page_type.py);
this module only measures. Counts are log-scaled (``log1p``) so one huge page does not dominate.
"""
from __future__ import annotations

import math
from typing import Any, NamedTuple

from newsclean._core import compiled
from newsclean.page import Block, Page
from newsclean.stages.page_type.counts import count_strings
from newsclean.stages.page_type.profile import PROFILE_HTML_ONLY, profile_features
from newsclean.stages.page_type.schema import SCHEMA_HTML_ONLY, schema_features
from newsclean.stages.page_type.shapes import SHAPES_HTML_ONLY, line_shapes
from newsclean.stages.page_type.urls import URL_SIGNALS, url_features

#: words of a block of running prose ("long paragraph"): about two sentences
PROSE_WORDS = 40
#: a teaser's blurb: a short unlinked text next to a headline link
BLURB_MAX_WORDS = 60
#: a headline link: a linked block of a few words
HEADLINE_WORDS = (3, 20)
#: a signature of sibling blocks repeated this often is a repeated item pattern (teasers, posts, cards)
REPEAT_MIN = 5
#: the joined text scanned for prices, cart words and forum chrome is cut here (cost bound)
TEXT_SCAN_CHARS = 12_000
#: only the first blocks are measured (a page's type shows long before its 1000th block; cost bound)
SCAN_BLOCKS = 800

#: phrases counted in the page's lower-cased text (plain substring counts: one fast scan each, no regex)
PHRASES: dict[str, tuple[str, ...]] = {
    "cart": ("add to cart", "add to bag", "add to basket", "in stock", "sold out", "quantity", "wishlist"),
    "forum": ("reply", "quote", "joined", " ago", "posted", "answer"),
    "service": ("contact us", "get started", "free trial", "demo", "learn more", "pricing", "our team"),
    "article": ("min read", "published", "updated", "said"),
    "code": ("()", " = ", "{"),
    "question": ("?",),
    "first_person": (" i ", " my ", " i'm "),
    "we": (" we ", " our ", " us "),
    "you": (" you ", " your "),
    "years": (" 19", " 20"),
}
_PRICE_MARKS = ("$", "€", "£")

_HINT_GROUPS: dict[str, frozenset[str]] = {
    "forum": frozenset({"post", "posts", "comment", "comments", "reply", "replies", "thread", "topic", "answer",
                        "answers", "question", "vote", "votes", "signature", "forum", "message", "cooked",
                        "postbody", "userinfo", "discourse", "avatar"}),
    "product": frozenset({"product", "price", "cart", "sku", "variant", "add", "buy", "swatch", "pdp",
                          "quantity", "qty", "gallery", "stock"}),
    "teaser": frozenset({"card", "teaser", "tile", "grid", "item", "items", "list", "listing", "results",
                         "result", "feed", "river", "collection", "excerpt", "summary", "entry", "loop"}),
    "docs": frozenset({"docs", "doc", "documentation", "toc", "sidebar", "highlight", "sphinx", "api",
                       "code", "markdown", "rst", "wy", "md", "menu", "breadcrumb", "breadcrumbs"}),
    "article": frozenset({"article", "story", "byline", "author", "dateline", "entry", "content", "body",
                          "post", "single", "headline"}),
    # a page builder's landing sections: heroes, calls to action, buttons, testimonials, feature and pricing
    # blocks, accordions and FAQs, and the builders' own section words (service pages)
    "landing": frozenset({"hero", "cta", "btn", "button", "elementor", "testimonial", "testimonials", "banner",
                          "feature", "features", "pricing", "plan", "plans", "accordion", "faq", "wpb", "vc",
                          "fusion", "et", "wix"}),
}

#: every word of the hint groups
_HINT_WORDS = frozenset().union(*_HINT_GROUPS.values())
#: each hint word's groups as bits (bit i: the i-th group of ``_HINT_GROUPS``)
_HINT_BITS = {w: sum(1 << i for i, words in enumerate(_HINT_GROUPS.values()) if w in words) for w in _HINT_WORDS}


def _log(n: float) -> float:
    return math.log1p(n)


#: a block with at least this share of its text in links is link chrome: it ends a run of prose
LINK_RUN_BREAK = 0.5
#: a prose block has less than this share of its text in links
PROSE_MAX_LINKS = 0.3
#: a block this many characters longer than its leading link holds a blurb with it: a teaser card
TEASER_BLURB_CHARS = 40


class _Sizes(NamedTuple):
    words: int
    chars: int
    link_chars: float


class _Kinds(NamedTuple):
    headings: int
    linked_headings: int
    pres: int
    tables: int
    items: int
    code: int  # blocks inside <code>


class _Prose(NamedTuple):
    blocks: int
    words: int
    best_run: int        # words of the longest run of prose blocks
    top_parent: int      # prose words under the one parent element that holds most of them


class _Cards(NamedTuple):
    teasers: int         # a headline link and its blurb in one block
    headline_links: int
    blurbs: int          # a short block right after a headline link


def _block_features(page: Page, f: dict[str, float]) -> str:
    """The block signals of the (first ``SCAN_BLOCKS``) blocks; returns their joined text, cut at
    ``TEXT_SCAN_CHARS``, for the phrase counts."""
    blocks = page.blocks[:SCAN_BLOCKS]
    denom = max(len(blocks), 1)
    # each block's words and link density, measured once for every signal below
    nws = [b.text.count(" ") + 1 for b in blocks]
    lds = [b.features.get("link_density") or 0.0 for b in blocks]
    size, kinds = _sizes(blocks, nws, lds), _kinds(blocks)
    prose, cards = _prose(blocks, nws, lds), _cards(blocks, nws)
    words = size.words
    f["n_blocks"] = _log(len(page.blocks))
    f["n_words"] = _log(words)
    f["link_density"] = size.link_chars / size.chars if size.chars else 0.0
    f["prose_blocks"] = _log(prose.blocks)
    f["prose_share"] = prose.words / words if words else 0.0
    f["prose_run_share"] = prose.best_run / words if words else 0.0
    f["prose_run"] = _log(prose.best_run)
    f["prose_concentration"] = prose.top_parent / prose.words if prose.words else 0.0
    f["headings"] = _log(kinds.headings)
    f["linked_headings"] = _log(kinds.linked_headings)
    f["linked_heading_share"] = kinds.linked_headings / kinds.headings if kinds.headings else 0.0
    f["pre_blocks"] = _log(kinds.pres)
    f["code_blocks"] = _log(kinds.code)
    f["table_rows"] = _log(kinds.tables)
    f["list_items"] = _log(kinds.items)
    f["list_share"] = kinds.items / denom
    f["teasers"] = _log(cards.teasers)
    f["headline_links"] = _log(cards.headline_links)
    f["blurbs_after_links"] = _log(cards.blurbs)
    _repeat_and_hint_features(blocks, denom, f)
    source = page.source if page.kind == "html" else ""
    profile_features(blocks, source, f, nws, lds)
    line_shapes(blocks, f, nws)
    return _scan_text(blocks)


def _sizes(blocks: list[Block], nws: list[int], lds: list[float]) -> _Sizes:
    chars = 0
    link_chars = 0.0
    for b, ld in zip(blocks, lds):
        size = len(b.text)
        chars += size
        link_chars += ld * size
    return _Sizes(sum(nws), chars, link_chars)


def _kinds(blocks: list[Block]) -> _Kinds:
    headings = linked_headings = pres = tables = items = code = 0
    for b in blocks:
        kind = b.kind
        if kind == "heading":
            headings += 1
            linked_headings += b.features.get("in_link", False)
        elif kind == "pre":
            pres += 1
        elif kind == "table":
            tables += 1
        elif kind == "list_item":
            items += 1
        anc = b.features.get("ancestors")
        if anc is not None and "code" in anc:
            code += 1
    return _Kinds(headings, linked_headings, pres, tables, items, code)


def _prose(blocks: list[Block], nws: list[int], lds: list[float]) -> _Prose:
    """Prose blocks, their words, the longest run of them (headings and short lines between them do not
    break a run; a block of links does) and how much of the prose one parent element holds."""
    count = words = run = best_run = 0
    by_parent: dict[Any, int] = {}
    for b, nw, ld in zip(blocks, nws, lds):
        if nw >= PROSE_WORDS and ld < PROSE_MAX_LINKS and b.kind != "heading":
            count += 1
            words += nw
            run += nw
            best_run = max(best_run, run)
            el = b.element
            parent = el.getparent() if el is not None and hasattr(el, "getparent") else None
            # keyed by the element itself, not id(): lxml makes a new proxy per call unless one is held
            by_parent[parent] = by_parent.get(parent, 0) + nw
        elif ld > LINK_RUN_BREAK and nw > 3:
            run = 0  # a run of links ends the prose
    return _Prose(count, words, best_run, max(by_parent.values()) if by_parent else 0)


def _cards(blocks: list[Block], nws: list[int]) -> _Cards:
    """Teaser cards: headline links, with their blurbs in the same block or right after."""
    teasers = headline_links = blurbs = 0
    lo, hi = HEADLINE_WORDS
    prev_headline = False
    for b, nw in zip(blocks, nws):
        in_link = b.features.get("in_link", False)
        lead = b.features.get("lead_link") or 0
        if lead and len(b.text) > lead + TEASER_BLURB_CHARS:
            teasers += 1
        is_headline = in_link and lo <= nw <= hi
        if is_headline:
            headline_links += 1
        elif prev_headline and not in_link and nw <= BLURB_MAX_WORDS:
            blurbs += 1
        prev_headline = is_headline
    return _Cards(teasers, headline_links, blurbs)


def _repeat_and_hint_features(blocks: list[Block], denom: int, f: dict[str, float]) -> None:
    """Blocks that repeat one shape (tag, class words, depth) many times, and the share of blocks under
    elements whose class/id words name each hint group (the compiled core's ``repeat_hint_counts`` when
    it runs, else its twin :func:`repeat_hint_counts_pure`)."""
    fast = compiled("repeat_hint_counts")
    args = (blocks, _HINT_BITS, len(_HINT_GROUPS), REPEAT_MIN)
    repeated, shapes, hits = fast(*args) if fast is not None else repeat_hint_counts_pure(*args)
    f["repeated_share"] = repeated / denom
    f["repeat_groups"] = _log(shapes)
    for g, c in zip(_HINT_GROUPS, hits):
        f[f"hint_{g}"] = c / denom


def repeat_hint_counts_pure(blocks: list[Block], group_bits: dict[str, int], n_groups: int,
                            repeat_min: int) -> tuple[int, int, list[int]]:
    """(blocks whose shape repeats, shapes repeated, blocks under each hint group): a block's shape is
    (tag, own class words, depth), repeated when ``repeat_min`` blocks or more have it; a block counts
    for group ``g`` when one of its ancestors' class/id words has bit ``g`` in ``group_bits``. The
    compiled core's ``repeat_hint_counts`` is the twin."""
    signatures: dict[Any, int] = {}
    hint_count: dict[int, int] = {}  # by id(): sibling blocks share their ancestors' word tuple
    hint_tuples: dict[int, tuple[str, ...]] = {}
    for b in blocks:
        feats = b.features
        sig = (feats.get("tag"), feats.get("own_hints") or (), feats.get("depth"))
        signatures[sig] = signatures.get(sig, 0) + 1
        hints = feats.get("hints")
        if hints:
            key = id(hints)
            if key in hint_count:
                hint_count[key] += 1
            else:
                hint_count[key] = 1
                hint_tuples[key] = hints
    hits = [0] * n_groups
    for key, words in hint_tuples.items():
        mask = 0
        for w in words:
            mask |= group_bits.get(w, 0)
        for g in range(n_groups):
            if mask >> g & 1:
                hits[g] += hint_count[key]
    repeated = [c for c in signatures.values() if c >= repeat_min]
    return sum(repeated), len(repeated), hits


def _scan_text(blocks: list[Block]) -> str:
    """The blocks' text, joined, up to ``TEXT_SCAN_CHARS``."""
    out: list[str] = []
    size = 0
    for b in blocks:
        out.append(b.text)
        size += len(b.text) + 1
        if size >= TEXT_SCAN_CHARS:
            break
    return "\n".join(out)[:TEXT_SCAN_CHARS]


#: every string counted in the text (price marks, then each group's phrases), for one ``count_strings``
_TEXT_NEEDLES = _PRICE_MARKS + tuple(p for phrases in PHRASES.values() for p in phrases)


#: the forum phrases that are time stamps, which a news page's tickers and teaser lists print as well ("2 hours
#: ago"): on a text capture they are counted apart (``words_stamp``) from the thread's own chrome (``words_thread``:
#: the other forum phrases); the HTML model counts them all as ``words_forum``
STAMP_WORDS = frozenset({" ago", "posted"})


def _text_features(text: str, f: dict[str, float], capture: bool = False) -> None:
    """Price marks and each phrase group's hits in ``text`` (one ``count_strings`` pass); on a ``capture`` the
    forum group split by ``STAMP_WORDS``."""
    low = text.lower()
    counts = count_strings(low, len(low), _TEXT_NEEDLES)
    f["prices"] = _log(sum(counts[:len(_PRICE_MARKS)]))
    at = len(_PRICE_MARKS)
    for group, phrases in PHRASES.items():
        hits = counts[at:at + len(phrases)]
        if capture and group == "forum":
            f["words_thread"] = _log(sum(n for p, n in zip(phrases, hits) if p not in STAMP_WORDS))
            f["words_stamp"] = _log(sum(n for p, n in zip(phrases, hits) if p in STAMP_WORDS))
        else:
            f[f"words_{group}"] = _log(sum(hits))
        at += len(phrases)


#: signals only HTML shows (markup, links, class words, element nesting): a text capture leaves them unknown
HTML_ONLY = frozenset({
    "link_density", "linked_headings", "linked_heading_share", "code_blocks", "teasers", "headline_links",
    "blurbs_after_links", "repeated_share", "repeat_groups", "prose_concentration",
} | {f"hint_{g}" for g in _HINT_GROUPS} | SCHEMA_HTML_ONLY | PROFILE_HTML_ONLY | SHAPES_HTML_ONLY)
#: signals of the above that a text capture shows too (what its cleaning kept and dropped, its sentences and
#: sections, the headline's neighbourhood): a capture keeps them, for the capture model (``CAPTURE_WEIGHTS_FILE``,
#: fitted on captures), which the HTML model never reads
TEXT_TOO = frozenset({"kept_word_share", "dropped_share", "sent_per_par", "multi_sent_share", "short_section_share",
                      "question_headings", "near_title_byline", "near_title_date", "title_pos"})
_TEXT_UNKNOWN = HTML_ONLY - TEXT_TOO


def page_features(page: Page) -> tuple[dict[str, float], list[str]]:
    """The signals of one page, and a few readable notes on the strongest markup signals. Signals the page
    cannot show (markup signals of a text capture, URL signals without a URL) are left out: the model
    reads a missing signal as "as usual" (its training mean), not as zero."""
    f: dict[str, float] = {}
    signals: list[str] = []
    url_features(page.url or page.get("url"), f)
    schema_features(page, f, signals)
    text = _block_features(page, f)
    _text_features(text, f, capture=page.kind != "html")
    if f.pop("url_none", 0.0):
        for name in URL_SIGNALS:
            f.pop(name, None)
    if page.kind != "html":
        for name in _TEXT_UNKNOWN:
            f.pop(name, None)
    return f, signals

