"""What an HTML page's runs of kept text look like, for the ``regions`` stage on HTML pages.

The runs, the main run and the text-side row of every run are the capture's (``features.region_rows``:
size, place, opening heading, prose, lists, dates, bios, comment furniture, shared vocabulary). An HTML
page says more about a run through its markup, so each row gets ``HTML_EXTRAS`` after those: how much of
the run's text sits in links, how the container choice's block weights judged its blocks, whether its
blocks share a classed parent or grandparent with the main run's, how far above the main run's own box
the element holding both lies, and whether class/id words of the elements between the run and that
element say chrome (comments, related lists, share bars) or content.
"""
from __future__ import annotations

import math
from typing import Any

from newsclean.features.text import words_of
from newsclean.load.element_hints import classed_boxes
from newsclean.page import Block
from newsclean.stages.boilerplate import block_weights
from newsclean.stages.boilerplate.signals import element_words, load_hints
from newsclean.stages.regions.features import FEATURES, Run, region_rows, runs_of

HTML_EXTRAS: tuple[str, ...] = (
    "link_density", "block_weight", "same_box", "log_levels_up", "outside_main_box", "chrome_word",
    "strong_chrome_word", "content_word", "in_list", "after_main*block_weight",
)
HTML_FEATURES: tuple[str, ...] = FEATURES + HTML_EXTRAS
_BOX_UP = 2          # a block's "boxes": its classed parent and grandparent
_MAX_CHAIN = 40      # how far up a block's ancestors are walked (deeper trees are broken)
_LIST_TAGS = frozenset({"ul", "ol", "dl"})
#: elements that are text themselves, not boxes of it: right under the container they are the story's own
_TEXT_TAGS = frozenset({"p", "ul", "ol", "dl", "li", "blockquote", "pre", "table", "figure", "h1", "h2", "h3", "h4",
                        "h5", "h6", "span", "a", "b", "i", "em", "strong", "br"})
_LOOSE = ("", "")
_FAR = 10 ** 6       # the steps up from an element the container is not above (past any bound)


def _ancestors(el: Any, memo: dict[Any, list[Any]] | None = None) -> list[Any]:
    """``el`` and its ancestors, nearest first (at most ``_MAX_CHAIN``). ``memo`` (element -> its list)
    holds the lists made before on the page: the walk up stops at the first element it knows, and every
    element walked gets its own list (a slice), so each element's parent is asked for once."""
    path: list[Any] = []
    e = el
    while e is not None and len(path) < _MAX_CHAIN:
        if memo is not None and e in memo:
            break
        path.append(e)
        e = e.getparent()
    if memo is None:
        return path
    if e is not None and e not in memo:
        return path   # (the walk ran out: the elements above ``el`` would need more than they were given)
    whole = path + memo[e] if e is not None else path
    for i, p in enumerate(path):
        memo[p] = whole[i:i + _MAX_CHAIN]
    return memo[el] if el is not None else []


def _common(chains: list[list[Any]]) -> Any:
    """The lowest element on every chain (None when they share none)."""
    if not chains:
        return None
    shared = set(chains[0])
    for c in chains[1:]:
        shared.intersection_update(c)
    return next((e for e in chains[0] if e in shared), None)


def _boxes(el: Any) -> set[tuple[str, str]]:
    return set(classed_boxes(el, _BOX_UP))


def _run_blocks(blocks: list[Block], run: Run) -> list[Block]:
    return [b for b in blocks[run.first:run.last + 1] if b.element is not None]


def _words_between(el: Any, top: Any, out: set[str], seen: set[Any] | None = None) -> None:
    """Add the class/id words of ``el`` and its ancestors below ``top`` to ``out``. ``seen``: the elements
    whose words (and their ancestors' up to ``top``) are in already; the walk stops at the first (only
    for a ``top`` that every walk reaches within its steps)."""
    e = el
    for _ in range(_MAX_CHAIN):
        if e is None or e is top:
            break
        if seen is not None:
            if e in seen:
                break
            seen.add(e)
        out.update(element_words(e))
        e = e.getparent()


def html_extras(blocks: list[Block], run: Run, main_chain: list[Any], main_boxes: set[tuple[str, str]],
                weights: list[float], after_main: bool, memo: dict[Any, list[Any]] | None = None) -> list[float]:
    """The ``HTML_EXTRAS`` of one run (``main_chain``: the element holding the main run's blocks and its
    ancestors, nearest first; ``weights``: each block's container-choice weight, by its index; ``memo``: the
    page's ``_ancestors`` lists)."""
    own = _run_blocks(blocks, run)
    chars = sum(len(b.text) for b in own) or 1
    ld = sum(len(b.text) * float(b.features.get("link_density", 0.0)) for b in own) / chars
    bw = sum(weights[b.index] for b in own) / chars
    same = any(_boxes(b.element) & main_boxes for b in own)
    chains = [_ancestors(b.element, memo) for b in own]
    top = _common(chains + [main_chain]) if main_chain and chains else None
    up = main_chain.index(top) if top is not None else 0   # (steps from the main run's box up to ``top``)
    outside = float(bool(main_chain) and bool(chains) and main_chain[0] not in chains[0])
    hints = load_hints()
    words: set[str] = set()
    # (every block's walk reaches ``top``, on all their chains: a walk may stop where another passed)
    seen: set[Any] | None = set() if top is not None else None
    for b in own:
        _words_between(b.element, top, words, seen)
    in_list = any(isinstance(e.tag, str) and e.tag in _LIST_TAGS for c in chains for e in c[:3])
    return [ld, bw, float(same), math.log1p(up), outside, float(not words.isdisjoint(hints.block_negative)),
            float(not words.isdisjoint(hints.block_negative_strong)),
            float(not words.isdisjoint(hints.content_positive)), float(in_list), float(after_main) * bw]


def _branch(el: Any, container: Any, memo: dict[Any, tuple[int, Any]] | None = None) -> tuple[str, str] | None:
    """What the child of ``container`` that holds ``el`` is: its tag and class, or ``_LOOSE`` when it is a
    text element itself (a paragraph, a list, a quote right under the container); None when ``el`` is not
    below the container (within ``_MAX_CHAIN`` steps). Boxes of one kind in a row (a wrapper per paragraph)
    are one branch. ``memo`` (element -> steps up to the container and the container's child above it; the
    container itself -> 0, None) holds what walks before found: a walk stops at the first element known."""
    if memo is None:
        memo = {container: (0, None)}
    path: list[Any] = []
    e = el
    while e is not None and e not in memo and len(path) <= _MAX_CHAIN:
        path.append(e)
        e = e.getparent()
    if e is None:
        steps, child = _FAR, None
    elif e in memo:
        steps, child = memo[e]
    else:
        return None   # (the walk ran out: more than ``_MAX_CHAIN`` steps, and nothing learnt for the others)
    for p in reversed(path):
        steps, child = steps + 1, (p if steps == 0 else child)
        memo[p] = (steps, child)
    steps, child = memo[el] if path else (steps, child)
    if not 1 <= steps <= _MAX_CHAIN or child is None:
        return None
    tag = child.tag.lower() if isinstance(child.tag, str) else ""
    if tag in _TEXT_TAGS:
        return _LOOSE
    return tag, child.get("class") or ""


def html_runs(blocks: list[Block], container: Any) -> list[Run]:
    """``runs_of``, each run cut again where its blocks pass from one child of the main content's container
    to another: a box of legal lines or a share bar right under the story, with no dropped block between,
    is a run of its own."""
    runs = runs_of(blocks)
    if container is None:
        return runs
    out = []
    memo: dict[Any, tuple[int, Any]] = {container: (0, None)}
    for r in runs:
        start, prev = r.first, _branch(blocks[r.first].element, container, memo)
        for i in range(r.first + 1, r.last + 1):
            here = _branch(blocks[i].element, container, memo)
            if here != prev:
                out.append(Run(start, i - 1, sum(words_of(b) for b in blocks[start:i])))
                start = i
            prev = here
        out.append(Run(start, r.last, sum(words_of(b) for b in blocks[start:r.last + 1])))
    return out


def html_region_rows(blocks: list[Block], title_block: int | None, teasers: set[int], container: Any = None,
                     runs: list[Run] | None = None) -> tuple[list[Run], int, list[list[float]]]:
    """``region_rows`` of the ``html_runs`` (unless given) with the ``HTML_EXTRAS`` after each judged run's row
    (the main run's row: all zeros)."""
    runs, main, table = region_rows(blocks, title_block, html_runs(blocks, container) if runs is None else runs)
    if len(runs) < 2:
        return runs, main, table
    weights = block_weights.weights(blocks, teasers, block_weights.load_model())
    mains = _run_blocks(blocks, runs[main])
    memo: dict[Any, list[Any]] = {}
    main_top = _common([_ancestors(b.element, memo) for b in mains]) if mains else None
    main_chain = _ancestors(main_top, memo) if main_top is not None else []
    main_boxes = {box for b in mains for box in _boxes(b.element)}
    out = []
    for k, row in enumerate(table):
        if k == main:
            out.append([0.0] * len(HTML_FEATURES))
            continue
        out.append(row + html_extras(blocks, runs[k], main_chain, main_boxes, weights, k > main, memo))
    return runs, main, out
