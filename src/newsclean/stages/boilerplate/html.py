"""Main-content selection for HTML pages.

Every text block gets a signed weight: long, sentence-like, link-free text counts for it, short or
link-heavy text counts against it (a fitted logistic model, ``block_weights``). Weights are summed up
the DOM; the element with the largest total (with a bonus for <article>/<main>/itemprop=articleBody
and content-like class words, and never one inside comments/sidebars/footers) is the main content,
in the spirit of "maximum subtree" extraction. A JSON-LD ``articleBody``, when the page has one,
marks which blocks are body text. Blocks outside the chosen container are dropped. When the choice
looks weak, readability-lxml gives a second opinion (counted in ``page.notes["html_readability_fallback"]``).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, NamedTuple

from newsclean._core import compiled
from newsclean.page import Block, Page
from newsclean.stages.boilerplate import block_weights
from newsclean.stages.boilerplate.mass import aggregate_mass
from newsclean.stages.boilerplate.notices import cookie_notices
from newsclean.stages.boilerplate.signals import (
    NO_CHROME,
    STRONG_CHROME,
    ClassInfo,
    class_info,
    class_words,
    describe,
    inside,
    inside_flags,
    is_body_marked,
    jsonld_vocab,
    load_hints,
    match_share,
    readability_vocab,
    tag_of,
    teaser_blocks,
    unmemoised_chain,
)
from newsclean.stages.consent_boxes import consent_blocks

_log = logging.getLogger(__name__)  # "newsclean.<module>": fallbacks are logged at DEBUG

_STRONG_CONTAINERS = frozenset({"article", "main"})
_NEGATIVE_TAGS = frozenset({"nav", "footer", "aside"})

# (block weights: fitted, in block_weights.py and data/html_block_weights.json)

# (aggregation, chrome-named elements as costs: in mass.py)

# --- container choice: a bonus multiplies an element's total
_BODY_MARKED_BONUS = 1.35    # itemprop=articleBody / text: the page names its body
_STRONG_BONUS = 1.05         # <article>/<main>: breaks near-ties toward the semantic element
_POSITIVE_BONUS = 0.2        # a content word in the class/id ('article-body', 'post-content')
_PICK_MAX_DEPTH = 1000       # how far up to look for the <main> scope (deeper trees are broken)
_MAIN_SCOPE_SHARE = 0.15     # a single <main> holding this share of the best mass bounds the search
_SURE_SCORE = 500.0          # a container score below this is unsure: ask readability
_SURE_SHARE = 0.5            # without markup support, a container holding less than half the best mass is unsure
_READABILITY_MAX_BLOCKS = 5000  # readability re-scores the whole page: article-sized pages only
_SEMANTIC_MAX_UP = 6         # how far above the best element an enclosing <article>/<main> may be
_SEMANTIC_MIN_GAIN = 3.0     # ... holding this many times its positive mass (the rest of the article)
_SEMANTIC_MIN_SHARE = 0.6    # ... and this share of the page's best positive mass (not a page wrapper's part)
_LONE_UP = 3                 # a container holding one positive block: look this far up for the post around it ...
_LONE_GAIN = 2.0             # ... an element holding this many times its positive mass ...
_LONE_SCORE = 0.75           # ... and scoring at least this share of it (a short post of label-like lines
                             #     loses to one boosted line: a copyright or cookie notice, a teaser)

# --- copies of the body (JSON-LD articleBody, readability): word-3-gram match shares
_MATCH_HIT = 0.6             # a block with this share of its 3-grams in the copy is body text ...
_MATCH_BOOST = 1.5           # ... and gains this much per character ...
_MATCH_OFFSET = 20.0         # ... plus this (short matched lines count too)
_MATCH_MISS = 0.2            # a block under this share is not in the copy ...
_MISS_MIN_CHARS = 40         # ... when longer than this (short lines are too few 3-grams to tell)
_COPY_COMPLETE = 0.7         # matched words covering this share of the copy: the copy is complete ...
_MISS_PENALTY = 0.5          # ... and long blocks not in it cost this much per character


class ElInfo(NamedTuple):
    """What an element's tag and class/id say, computed once per element per page."""
    tag: str
    level: int        # chrome level: 0 none, 1 weak (share bar, promo), 2 strong (comments, footer)
    clean: bool       # a clean content container (<article>/<main>, articleBody, a content class)
    bonus: float      # selection bonus multiplying the element's total


def _weights(blocks: list[Block], teasers: set[int], cookies: set[int]) -> list[float]:
    """Each block's signed weight (``teasers``: indexes of the blocks in teaser cards); a cookie-consent
    text (``cookies``: their indexes) counts fully against its element (a short post must not lose to the
    cookie box)."""
    weights = block_weights.weights(blocks, teasers, block_weights.load_model())
    for i in cookies:
        weights[i] = -float(len(blocks[i].text))
    return weights


class _Scores:
    __slots__ = ("parent", "total", "depth", "blocked", "pos", "info", "negative", "order")

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}
        self.total: dict[Any, float] = {}
        self.depth: dict[Any, int] = {}
        self.blocked: dict[Any, bool] = {}
        self.pos: dict[Any, float] = {}
        self.info: dict[Any, ElInfo] = {}
        self.negative: set[Any] = set()
        self.order: list[Any] = []  # the elements, deepest first


def _aggregate(blocks: list[Block], weights: list[float]) -> _Scores:
    """Sum block weights into every ancestor element (each element visited once)."""
    sc = _Scores()
    order = sc.order = _link_ancestors(blocks, weights, sc)
    info = sc.info = element_infos(order)
    sc.pos, sc.total, sc.negative, sc.blocked = aggregate_mass(sc.parent, sc.total, order, info)
    return sc


def _link_ancestors(blocks: list[Block], weights: list[float], sc: _Scores) -> list[Any]:
    """Fill ``sc.total`` (each block element's own weight), ``sc.parent`` and ``sc.depth`` for every
    ancestor of a block (the compiled core's ``link_ancestors`` when it runs); return the elements
    deepest first."""
    fast = compiled("link_ancestors")
    if fast is None:
        link_ancestors_pure(blocks, weights, sc.parent, sc.total, sc.depth)
    else:
        fast(blocks, weights, sc.parent, sc.total, sc.depth)
    return sorted(sc.parent, key=sc.depth.__getitem__, reverse=True)


def link_ancestors_pure(blocks: list[Block], weights: list[float], parent: dict[Any, Any], total: dict[Any, float],
                        depth: dict[Any, int]) -> None:
    """The filling of ``_link_ancestors`` in Python (the compiled core's twin)."""
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


# the compiled core's own memo of element infos (tag, class, id, itemprop) -> ElInfo, emptied when this full
_INFO_CACHE: dict[tuple[str, str | None, str | None, str | None], ElInfo] = {}
_INFO_CACHE_LIMIT = 4096  # as many combinations as _info_of's lru cache keeps (a site's templates repeat them)


def element_infos(elements: list[Any]) -> dict[Any, ElInfo]:
    """What each element's tag and class/id say (the compiled core's ``element_infos_direct`` when it runs)."""
    fast = compiled("element_infos_direct")
    if fast is None:
        return element_infos_pure(elements)
    infos: dict[Any, ElInfo] = fast(elements, _INFO_CACHE, info_params(), _INFO_CACHE_LIMIT)
    return infos


def info_params() -> tuple[Any, ...]:
    """What the compiled core's ``element_info`` needs to compute ``_info_of``: the ElInfo type, the strong
    and negative tags, the content / strong chrome / weak chrome words, the class-words function, the
    body-marked, strong and positive bonuses, and :func:`hint_word_bits` of those three word sets."""
    hints = load_hints()
    return (ElInfo, _STRONG_CONTAINERS, _NEGATIVE_TAGS, hints.content_positive, hints.container_negative_strong,
            hints.container_negative, class_words, _BODY_MARKED_BONUS, _STRONG_BONUS, _POSITIVE_BONUS,
            hint_word_bits(hints.content_positive, hints.container_negative_strong, hints.container_negative))


@lru_cache(maxsize=2)
def hint_word_bits(positive: frozenset[str], strong: frozenset[str], weak: frozenset[str]) -> dict[str, int]:
    """Word -> 1 when ``positive`` holds it, OR 2 when ``strong`` does, OR 4 when ``weak`` does: the compiled
    ``element_info`` looks a class/id string's words up once in this table, not once per set."""
    bits: dict[str, int] = {}
    for words, bit in ((positive, 1), (strong, 2), (weak, 4)):
        for w in words:
            bits[w] = bits.get(w, 0) | bit
    return bits


def element_infos_pure(elements: list[Any]) -> dict[Any, ElInfo]:
    """``element_infos`` in Python (the compiled core's twin)."""
    info = {}
    for el in elements:
        tag = el.tag
        get = el.get
        info[el] = _info_of(tag if isinstance(tag, str) else "", get("class"), get("id"), get("itemprop"))
    return info


@lru_cache(maxsize=4096)
def _info_of(tag: str, cls: str | None, ident: str | None, prop: str | None) -> ElInfo:
    """Pure (cached): elements repeat the same tag/class/id/itemprop combinations."""
    tag = tag.lower()
    strong = tag in _STRONG_CONTAINERS
    prop = (prop or "").lower()
    marked = "articlebody" in prop or prop == "text"
    raw = f"{cls or ''} {ident or ''}" if cls or ident else ""
    ci = class_info(raw) if raw else ClassInfo(NO_CHROME, False, False)
    level = ci.level
    if tag in _NEGATIVE_TAGS:
        level = STRONG_CHROME
    elif strong or marked:
        level = NO_CHROME
    if marked:
        bonus = _BODY_MARKED_BONUS
    else:
        bonus = (_STRONG_BONUS if strong else 1.0) + (_POSITIVE_BONUS if ci.positive else 0.0)
    return ElInfo(tag, level, strong or marked or ci.clean, bonus)


def _boost(blocks: list[Block], weights: list[float], vocab: set[str], penalize: bool = False) -> int:
    """Raise the weight of blocks whose words come from a known copy of the body. With
    ``penalize``, when the matched blocks account for most of that copy (so it is complete),
    lower the weight of long blocks that are not in it."""
    hits, matched = 0, 0
    misses = []
    for i, b in enumerate(blocks):
        m = match_share(vocab, b.text)
        if m >= _MATCH_HIT:
            weights[i] = max(weights[i], 0.0) + len(b.text) * _MATCH_BOOST + _MATCH_OFFSET
            hits += 1
            matched += b.text.count(" ") + 1
        elif 0 <= m < _MATCH_MISS and len(b.text) > _MISS_MIN_CHARS and b.kind != "heading":
            misses.append(i)
    if penalize and hits and matched >= _COPY_COMPLETE * len(vocab):
        for i in misses:
            weights[i] = min(weights[i], 0.0) - _MISS_PENALTY * len(blocks[i].text)
    return hits


def _semantic_holder(sc: _Scores, best: Any, all_pos: float) -> Any:
    """The <article>/<main>/articleBody element above ``best`` when it holds most of the page's text
    and several times ``best``'s: a link list or data table inside the article can sink its total
    below one of its sections (a long guide with a city list), but the page says where its body is."""
    if best is None:
        return None
    e = sc.parent.get(best)
    for _ in range(_SEMANTIC_MAX_UP):
        if e is None:
            return None
        inf = sc.info.get(e)
        if inf is not None and (inf.tag in _STRONG_CONTAINERS or inf.bonus == _BODY_MARKED_BONUS):
            if sc.blocked.get(e) or sc.pos[e] < _SEMANTIC_MIN_GAIN * sc.pos.get(best, 0.0) \
                    or sc.pos[e] < _SEMANTIC_MIN_SHARE * all_pos:
                return None
            return e
        e = sc.parent.get(e)
    return None


def _pool(sc: _Scores, scope: Any) -> list[tuple[Any, float]]:
    """The elements that may be the container, with their hand score (element total times bonus)."""
    out = []
    memo: dict[Any, bool] = {}
    for el, v in sc.total.items():
        if v <= 0 or sc.blocked.get(el):
            continue
        if scope is not None and not (inside(el, scope, memo)
                                      and sc.depth[el] - sc.depth[scope] <= _PICK_MAX_DEPTH):
            continue
        out.append((el, v * sc.info[el].bonus))
    return out


def _pick(sc: _Scores, scope: Any, blocks: list[Block], weights: list[float]) -> tuple[Any, float]:
    best, best_score = None, float("-inf")
    for el, s in _pool(sc, scope):
        if s > best_score or (s == best_score and sc.depth[el] > sc.depth.get(best, -1)):
            best, best_score = el, s
    if best is not None:
        best, best_score = _around_lone_block(sc, scope, best, best_score, blocks, weights)
    return best, best_score


def _around_lone_block(sc: _Scores, scope: Any, best: Any, best_score: float, blocks: list[Block],
                       weights: list[float]) -> tuple[Any, float]:
    """When the winner holds a single positive block and an element a few levels up holds several times its
    positive mass for nearly its score, that element: one line is not the post it sits in."""
    pos = sc.pos.get(best, 0.0)
    e, found = sc.parent.get(best), None
    for _ in range(_LONE_UP):
        if e is None or (scope is not None and not inside(e, scope, {})):
            break
        v = sc.total.get(e, 0.0) * sc.info[e].bonus
        if not sc.blocked.get(e) and v >= _LONE_SCORE * best_score and sc.pos.get(e, 0.0) >= _LONE_GAIN * pos:
            found = (e, v)
            break
        e = sc.parent.get(e)
    if found is None:
        return best, best_score
    held = inside_flags([b.element for b in blocks], best)
    if sum(1 for ok, w in zip(held, weights) if ok and w > 0) > 1:
        return best, best_score
    return found


_READABILITY_MAX_CHARS = 3_000_000


def choose_container(page: Page, use_readability: bool = False) -> tuple[Any, str, set[Any]]:
    """The element holding the article body, why, and the comment/sidebar-like elements found."""
    blocks = page.blocks
    teasers = teaser_blocks(blocks, page.url)
    cookies = cookie_notices([b.text for b in blocks])
    # a consent manager's dialog (its purposes and vendors, paragraphs of prose about cookies) weighs against
    # its element as a cookie notice does: it is never the page's content (tune: the container of 5 pages, 3
    # listings and 2 forums, was a OneTrust preference centre)
    boxed = consent_blocks(page)
    weights = _weights(blocks, teasers, cookies | {i for i, b in enumerate(blocks) if b.index in boxed})
    page.handoffs.html_teasers = tuple(sorted(teasers))
    page.handoffs.html_cookies = tuple(sorted(blocks[i].index for i in cookies))  # (navigation drops them)
    page.handoffs.html_consent = tuple(sorted(boxed))  # (type_fit drops them on pages other than articles)
    vocab, whole = jsonld_vocab(page)
    why = "best text/link balance"
    hits = _boost(blocks, weights, vocab, penalize=whole) if vocab is not None else 0
    if hits:
        why = "JSON-LD articleBody + text/link balance"
        page.notes["html_jsonld_matches"] = hits
    sc = _aggregate(blocks, weights)
    all_pos = max(sc.pos.values(), default=0.0) or 1.0
    mains = [el for el, inf in sc.info.items() if inf.tag == "main" or el.get("role") == "main"]
    scope = None
    if len(mains) == 1 and sc.pos[mains[0]] >= _MAIN_SCOPE_SHARE * all_pos:
        scope = mains[0]  # the page says where its main content is: look only inside
        why += " inside <main>"
    best, best_score = _pick(sc, scope, blocks, weights)
    semantic = _semantic_holder(sc, best, all_pos)
    if semantic is not None:
        best = semantic
        why += " (widened to the <article>/<main> holding it)"
    share = sc.pos.get(best, 0.0) / all_pos if best is not None else 0.0
    support = bool(hits) or scope is not None or (
        best is not None and (tag_of(best) in _STRONG_CONTAINERS or is_body_marked(best)))
    unsure = best is None or best_score < _SURE_SCORE or (not support and share < _SURE_SHARE)
    page.notes["html_readability_fallback"] = False
    # readability re-parses and scores the whole page: worth it on article-sized pages only
    small = len(page.source) <= _READABILITY_MAX_CHARS and len(blocks) <= _READABILITY_MAX_BLOCKS
    if unsure and use_readability and small:
        rvocab = readability_vocab(page)
        if rvocab is not None and _boost(blocks, weights, rvocab):
            page.notes["html_readability_fallback"] = True
            sc = _aggregate(blocks, weights)
            best, best_score = _pick(sc, scope, blocks, weights)
            why = "readability-lxml second opinion + text/link balance"
    page.notes["html_container_score"] = round(best_score, 1) if best is not None else None
    if measure is not None:  # (benchmarks/train/container_oracle.py: list or force the candidates)
        best = measure(blocks, weights, sc, _pool(sc, scope), best)
    return best, why, sc.negative


#: None at run time; a measuring script sets a function (blocks, weights, scores, pool, hand) -> container
measure: Any = None



def select_main(page: Page, options: Any, stage: str) -> None:
    if page.tree is None or not page.blocks:
        return
    # a page under ``page.TINY_PAGE_WORDS`` gets no container choice: on a note of three short paragraphs the first one
    # alone won (its siblings' short lines weigh against them); its chrome still goes by markup in ``navigation``
    words = page.tiny_words()
    if words is not None:
        page.note(stage, f"a page of {words} words: too little text to tell its body from its chrome; kept "
                         "everything (the navigation stage still drops menus, footers and forms by their markup)")
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
    reason = f"outside main content (container {name})"
    # comment sections, sidebars, <nav>/<aside>/<footer> inside the container go too
    inner_bad = {el for el in negative if el is not container and inside(el, container, {})}
    bad_memo: dict[Any, Any] = {}
    held = inside_flags([b.element for b in page.blocks], container)
    for b, ok in zip(page.blocks, held):
        if not ok:
            page.drop(b, stage, reason, outside_main=True)
        elif inner_bad:
            box = _inside_any(b.element, container, inner_bad, bad_memo)
            if box is not None:
                page.drop(b, stage, f"inside {describe(box)[:50]} within the main content", outside_main=True)


def _inside_any(el: Any, container: Any, boxes: set[Any], memo: dict[Any, Any]) -> Any:
    """The outermost of ``boxes`` that holds ``el`` below ``container``, or None."""
    chain, found = unmemoised_chain(el, container, memo, None)
    for x in reversed(chain):
        if found is None and x in boxes:
            found = x
        memo[x] = found
    return found
