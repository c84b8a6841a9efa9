"""Main-content selection for HTML pages.

Every text block gets a signed weight: long, sentence-like, link-free text counts for it, short or
link-heavy text counts against it. Weights are summed up the DOM; the element with the largest
total (with a bonus for <article>/<main>/itemprop=articleBody and content-like class words, and
never one inside comments/sidebars/footers) is the main content, in the spirit of "maximum
subtree" extraction. A JSON-LD ``articleBody``, when the page has one, marks which blocks are body
text. Blocks outside the chosen container are dropped. When the choice looks weak, readability-lxml
gives a second opinion (counted in ``page.notes["html_readability_fallback"]``).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from newsclean.page import Block, Page
from newsclean.stages.boilerplate.signals import (
    class_info,
    describe,
    is_body_marked,
    jsonld_vocab,
    match_share,
    readability_vocab,
    tag_of,
    teaser_blocks,
    within,
)
from newsclean.strings import ends_like_prose

_log = logging.getLogger(__name__)  # "newsclean.<module>": fallbacks are logged at DEBUG

_STRONG_CONTAINERS = frozenset({"article", "main"})
_NEGATIVE_TAGS = frozenset({"nav", "footer", "aside"})


def _block_weight(b: Block) -> float:
    text = b.text
    n = len(text)
    ld = b.features.get("link_density", 0.0)
    if b.kind == "heading":
        return 0.0
    if b.kind == "caption":
        return -0.2 * n
    if ld > 0.5:
        return -0.6 * n - 10
    if ld >= 0.1 and b.features.get("lead_link", 0) >= 25:
        return -0.3 * n  # a teaser: headline link + summary
    words = text.count(" ") + 1
    cjk = n > 10 and words < n / 12  # scripts without spaces
    good = n * (1.0 - ld)
    if cjk:
        good *= 2.5
    if good < 25 and not cjk:
        return -8.0 if words < 5 else good * 0.3
    if ends_like_prose(text):
        good *= 1.3
    if b.kind == "list_item":
        good *= 0.7
    elif b.kind == "table":
        good *= 0.5
    return good


class _Scores:
    __slots__ = ("parent", "total", "depth", "blocked", "pos", "info", "negative")

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}
        self.total: dict[Any, float] = {}
        self.depth: dict[Any, int] = {}
        self.blocked: dict[Any, bool] = {}
        self.pos: dict[Any, float] = {}
        self.info: dict[Any, tuple[str, int, bool, float]] = {}
        self.negative: set[Any] = set()


def _aggregate(blocks: list[Block], weights: list[float]) -> _Scores:
    """Sum block weights into every ancestor element (each element visited once)."""
    sc = _Scores()
    parent, total, depth = sc.parent, sc.total, sc.depth
    for b, w in zip(blocks, weights):
        el = b.element
        if el is None:
            continue
        total[el] = total.get(el, 0.0) + w
        chain = []
        e = el
        while e is not None and e not in parent:  # new ancestors, up to one already known
            chain.append(e)
            p = e.getparent()
            parent[e] = p
            e = p
        d = depth[e] if e is not None else -1
        for x in reversed(chain):
            d += 1
            depth[x] = d
    order = sorted(parent, key=depth.__getitem__, reverse=True)
    info = sc.info
    for el in order:
        info[el] = _el_info(el)
    sums: dict[Any, float] = dict.fromkeys(parent, 0.0)
    sums.update(total)
    pos: dict[Any, float] = dict.fromkeys(parent, 0.0)
    for el, v in total.items():
        if v > 0:
            pos[el] = v
    # bottom-up: positive mass, and which elements hold a clean content container
    holds_content: set[Any] = set()
    for el in order:
        p = parent[el]
        if p is not None:
            pos[p] += pos[el]
            if el in holds_content or info[el][2]:
                holds_content.add(p)
    all_pos = max(pos.values(), default=0.0) or 1.0
    sc.pos = pos
    negative, weak = set(), set()
    for el in order:
        level = info[el][1]
        if level == 2 and (pos[el] < 0.6 * all_pos or el not in holds_content):
            negative.add(el)  # (a big one holding the article is a page wrapper or an unclosed tag)
        elif level == 1 and pos[el] < 0.15 * all_pos:
            weak.add(el)  # a small share/promo/related box: never the container, counts as is
    for el in order:
        v = sums[el]
        if el in negative:
            v = -abs(v) * 0.25 - 20  # (its blocks are dropped even inside the chosen container)
        p = parent[el]
        if p is not None:
            sums[p] += v
    sc.negative = negative
    blocked = sc.blocked
    for el in reversed(order):  # parents first
        p = parent[el]
        blocked[el] = el in negative or el in weak or (p is not None and blocked[p])
    sc.total = sums
    return sc


def _el_info(el: Any) -> tuple[str, int, bool, float]:
    """(tag, chrome level, whether it is a clean content container, selection bonus), computed
    once per element per page."""
    get = el.get
    tag = el.tag
    return _info_of(tag if isinstance(tag, str) else "", get("class"), get("id"), get("itemprop"))


@lru_cache(maxsize=4096)
def _info_of(tag: str, cls: str | None, ident: str | None, prop: str | None) -> tuple[str, int, bool, float]:
    """Pure (cached): elements repeat the same tag/class/id/itemprop combinations."""
    tag = tag.lower()
    strong = tag in _STRONG_CONTAINERS
    prop = (prop or "").lower()
    marked = "articlebody" in prop or prop == "text"
    raw = f"{cls or ''} {ident or ''}" if cls or ident else ""
    level, positive, clean = class_info(raw) if raw else (0, False, False)
    if tag in _NEGATIVE_TAGS:
        level = 2
    elif strong or marked:
        level = 0
    if marked:
        bonus = 1.35
    else:
        bonus = (1.05 if strong else 1.0) + (0.2 if positive else 0.0)
    return tag, level, strong or marked or clean, bonus


def _boost(blocks: list[Block], weights: list[float], vocab: set[str], penalize: bool = False) -> int:
    """Raise the weight of blocks whose words come from a known copy of the body. With
    ``penalize``, when the matched blocks account for most of that copy (so it is complete),
    lower the weight of long blocks that are not in it."""
    hits, matched = 0, 0
    misses = []
    for i, b in enumerate(blocks):
        m = match_share(vocab, b.text)
        if m >= 0.6:
            weights[i] = max(weights[i], 0.0) + len(b.text) * 1.5 + 20
            hits += 1
            matched += b.text.count(" ") + 1
        elif 0 <= m < 0.2 and len(b.text) > 40 and b.kind != "heading":
            misses.append(i)
    if penalize and hits and matched >= 0.7 * len(vocab):
        for i in misses:
            weights[i] = min(weights[i], 0.0) - 0.5 * len(blocks[i].text)
    return hits


def _pick(sc: _Scores, scope: Any) -> tuple[Any, float]:
    best, best_score = None, float("-inf")
    for el, v in sc.total.items():
        if v <= 0 or sc.blocked.get(el):
            continue
        if scope is not None and not within(el, scope, 1000):
            continue
        s = v * sc.info[el][3]
        if s > best_score or (s == best_score and sc.depth[el] > sc.depth.get(best, -1)):
            best, best_score = el, s
    return best, best_score


_READABILITY_MAX_CHARS = 3_000_000


def choose_container(page: Page, use_readability: bool = False) -> tuple[Any, str, set[Any]]:
    """The element holding the article body, why, and the comment/sidebar-like elements found."""
    blocks = page.blocks
    weights = [_block_weight(b) for b in blocks]
    teasers = teaser_blocks(blocks, page.url)
    for i in teasers:
        weights[i] = -0.3 * len(blocks[i].text)
    page.handoffs.html_teasers = tuple(sorted(teasers))
    vocab, whole = jsonld_vocab(page)
    why = "best text/link balance"
    hits = _boost(blocks, weights, vocab, penalize=whole) if vocab is not None else 0
    if hits:
        why = "JSON-LD articleBody + text/link balance"
        page.notes["html_jsonld_matches"] = hits
    sc = _aggregate(blocks, weights)
    all_pos = max(sc.pos.values(), default=0.0) or 1.0
    mains = [el for el, inf in sc.info.items() if inf[0] == "main" or el.get("role") == "main"]
    scope = None
    if len(mains) == 1 and sc.pos[mains[0]] >= 0.15 * all_pos:
        scope = mains[0]  # the page says where its main content is: look only inside
        why += " inside <main>"
    best, best_score = _pick(sc, scope)
    share = sc.pos.get(best, 0.0) / all_pos if best is not None else 0.0
    support = bool(hits) or scope is not None or (
        best is not None and (tag_of(best) in _STRONG_CONTAINERS or is_body_marked(best)))
    unsure = best is None or best_score < 500 or (not support and share < 0.5)
    page.notes["html_readability_fallback"] = False
    # readability re-parses and scores the whole page: worth it on article-sized pages only
    if unsure and use_readability and len(page.source) <= _READABILITY_MAX_CHARS and len(blocks) <= 5000:
        rvocab = readability_vocab(page)
        if rvocab is not None and _boost(blocks, weights, rvocab):
            page.notes["html_readability_fallback"] = True
            sc = _aggregate(blocks, weights)
            best, best_score = _pick(sc, scope)
            why = "readability-lxml second opinion + text/link balance"
    page.notes["html_container_score"] = round(best_score, 1) if best is not None else None
    return best, why, sc.negative


def _inside(el: Any, container: Any, memo: dict[Any, bool]) -> bool:
    chain = []
    e = el
    res = False
    while e is not None:
        if e is container:
            res = True
            break
        if e in memo:
            res = memo[e]
            break
        chain.append(e)
        e = e.getparent()
    for x in chain:
        memo[x] = res
    return res


def select_main(page: Page, options: Any, stage: str) -> None:
    if page.tree is None or not page.blocks:
        return
    try:
        container, why, negative = choose_container(page, bool(getattr(options, "html_use_readability", True)))
    except Exception as exc:  # noqa: BLE001 - odd trees (lxml errors included): keep everything
        _log.debug("main content not chosen on %s", page.url or "page", exc_info=True)
        page.note(stage, f"main content not chosen: {type(exc).__name__}")
        return
    if container is None:
        page.note(stage, "no main content container found; kept everything")
        return
    page.handoffs.html_container = container
    name = describe(container)
    page.note(stage, f"main content: {name} ({why})")
    memo: dict[Any, bool] = {}
    reason = f"outside main content (container {name})"
    # comment sections, sidebars, <nav>/<aside>/<footer> inside the container go too
    inner_bad = {el for el in negative if el is not container and _inside(el, container, {})}
    bad_memo: dict[Any, Any] = {}
    for b in page.blocks:
        if b.element is None or not _inside(b.element, container, memo):
            page.drop(b, stage, reason, outside_main=True)
        elif inner_bad:
            box = _inside_any(b.element, container, inner_bad, bad_memo)
            if box is not None:
                page.drop(b, stage, f"inside {describe(box)[:50]} within the main content", outside_main=True)


def _inside_any(el: Any, container: Any, boxes: set[Any], memo: dict[Any, Any]) -> Any:
    """The outermost of ``boxes`` that holds ``el`` below ``container``, or None."""
    chain = []
    e = el
    found = None
    while e is not None and e is not container:
        if e in memo:
            found = memo[e]
            break
        chain.append(e)
        e = e.getparent()
    for x in reversed(chain):
        if found is None and x in boxes:
            found = x
        memo[x] = found
    return found
