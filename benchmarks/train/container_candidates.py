"""HTML pages: the main-content container candidates of ``boilerplate.html``, described for measurement.

The stage sums signed block weights up the DOM and keeps the element with the largest total (times its
bonus). This module lists the strongest few elements of that scoring (and the few above the hand choice)
with numbers the stage already has — their share of the page's text and of its positive mass, link and
prose shares of the blocks they hold, long paragraphs, where they start and end, whether the page's <h1>
is inside or just above, <article>/<main>/articleBody and class words, chrome boxes inside, how they
sit relative to the hand choice. ``container_oracle.py`` labels each by the F1 the whole pipeline reaches
with it as the container, measures the oracle gap and cross-validates a learned ranker over them.
Training/measurement only (issue 13: the learned choice did not beat the hand choice out of fold, so
nothing of it runs in the package).
"""
from __future__ import annotations

import math
from typing import Any, NamedTuple

from newsclean.page import Block
from newsclean.stages.boilerplate.signals import is_body_marked
from newsclean.strings import ends_like_prose

TOP = 8            # strongest elements of the hand scoring looked at (more add only their own sub-boxes)
UP = 3             # elements above the hand choice looked at (a post cut to one of its parts)
LONG_PARA = 80     # characters: a paragraph this long is body-sized text
NEAR_H1 = 6        # blocks: an <h1> this close above a candidate heads it
DEPTH_CLIP = 5     # levels: relative depth beyond this says nothing more
FEATURES = ("hand_ratio", "total_share", "pos_share", "log_chars", "char_share", "link_share", "n_long",
            "long_share", "prose_share", "log_blocks", "neg_share", "first_pos", "last_pos", "rel_depth",
            "above_hand", "below_hand", "is_hand", "article", "main", "marked", "positive", "clean",
            "h1_inside", "h1_above", "chrome_inside", "list_share", "heading_share", "rank")


class Candidate(NamedTuple):
    element: Any
    features: list[float]


class _Prefix:
    """Running sums over the blocks (index i holds blocks[:i]) so that a range costs two lookups."""
    __slots__ = ("chars", "links", "long", "prose", "pos", "neg", "lists", "heads")

    def __init__(self, blocks: list[Block], weights: list[float]) -> None:
        self.chars, self.links, self.long, self.prose = [0.0], [0.0], [0.0], [0.0]
        self.pos, self.neg, self.lists, self.heads = [0.0], [0.0], [0.0], [0.0]
        c = lk = lg = pr = ps = ng = ls = hd = 0.0
        for b, w in zip(blocks, weights):
            n = len(b.text)
            c += n
            lk += n * b.features.get("link_density", 0.0)
            if b.kind == "paragraph" and n >= LONG_PARA:
                lg += 1
            if ends_like_prose(b.text):
                pr += 1
            if w > 0:
                ps += w
            else:
                ng -= w
            ls += b.kind == "list_item"
            hd += b.kind == "heading"
            self.chars.append(c)
            self.links.append(lk)
            self.long.append(lg)
            self.prose.append(pr)
            self.pos.append(ps)
            self.neg.append(ng)
            self.lists.append(ls)
            self.heads.append(hd)


def _span(xs: list[float], first: int, last: int) -> float:
    return xs[last + 1] - xs[first]


def block_ranges(blocks: list[Block], parent: dict[Any, Any], order: list[Any]) -> dict[Any, tuple[int, int]]:
    """(first, last) block index under every element of ``parent`` (``order``: deepest first)."""
    rng: dict[Any, tuple[int, int]] = {}
    for b in blocks:
        el = b.element
        if el is None:
            continue
        r = rng.get(el)
        rng[el] = (b.index if r is None else min(r[0], b.index), b.index if r is None else max(r[1], b.index))
    for el in order:
        p = parent[el]
        r = rng.get(el)
        if p is None or r is None:
            continue
        q = rng.get(p)
        rng[p] = r if q is None else (min(q[0], r[0]), max(q[1], r[1]))
    return rng


def _relation(el: Any, hand: Any, parent: dict[Any, Any]) -> int:
    """+k when ``el`` is k levels above ``hand``, -k when below, 0 when the same or unrelated."""
    for sign, lo, hi in ((1, hand, el), (-1, el, hand)):
        e, k = parent.get(lo), 1
        while e is not None and k <= DEPTH_CLIP:
            if e is hi:
                return sign * k
            e, k = parent.get(e), k + 1
    return 0


def candidates(blocks: list[Block], weights: list[float], sc: Any, pool: list[tuple[Any, float]],
               hand: Any) -> list[Candidate]:
    """The candidates (``pool``: eligible elements with their hand score, best first) described by
    FEATURES. ``sc`` is the stage's aggregation (parent, total, pos, depth, info, negative, order)."""
    pool = sorted(pool, key=lambda t: (-t[1], -sc.depth[t[0]]))  # (stable: the stage's own tie order)
    chosen = [el for el, _ in pool[:TOP]]
    e, k = hand, 0
    while e is not None and k < UP:  # the boxes just above the hand choice
        e = sc.parent.get(e)
        k += 1
        if e is not None and not sc.blocked.get(e) and e not in chosen:
            chosen.append(e)
    if hand is not None and hand not in chosen:
        chosen.append(hand)
    if not chosen:
        return []
    rng = block_ranges(blocks, sc.parent, sc.order)
    pre = _Prefix(blocks, weights)
    n_blocks = len(blocks) or 1
    page_chars = pre.chars[-1] or 1.0
    score_of = dict(pool)
    best_score = pool[0][1] if pool else 1.0
    max_total = max((v for v in sc.total.values()), default=1.0) or 1.0
    all_pos = max(sc.pos.values(), default=0.0) or 1.0
    h1 = next((b.index for b in blocks if b.kind == "heading" and b.features.get("level") == 1), -1)
    neg_ranges = [rng[x] for x in sc.negative if x in rng]
    rank = {el: i for i, (el, _) in enumerate(pool[:TOP])}
    out = []
    for el in chosen:
        first, last = rng.get(el, (0, -1))
        if last < first:
            continue
        chars = _span(pre.chars, first, last) or 1.0
        nb = last - first + 1
        inf = sc.info[el]
        rel = _relation(el, hand, sc.parent) if hand is not None else 0
        chrome = sum(_span(pre.chars, a, z) for a, z in neg_ranges
                     if first <= a and z <= last and (a, z) != (first, last))
        pos_in = _span(pre.pos, first, last)
        feats = [
            max(-1.0, min(1.0, score_of.get(el, sc.total.get(el, 0.0) * inf.bonus) / (best_score or 1.0))),
            max(-1.0, sc.total.get(el, 0.0) / max_total),
            sc.pos.get(el, 0.0) / all_pos,
            math.log1p(chars),
            chars / page_chars,
            _span(pre.links, first, last) / chars,
            math.log1p(_span(pre.long, first, last)),
            _span(pre.long, first, last) / nb,
            _span(pre.prose, first, last) / nb,
            math.log1p(nb),
            _span(pre.neg, first, last) / (pos_in + _span(pre.neg, first, last) or 1.0),
            first / n_blocks,
            (last + 1) / n_blocks,
            float(max(-DEPTH_CLIP, min(DEPTH_CLIP, sc.depth.get(el, 0) - sc.depth.get(hand, 0))))
            if hand is not None else 0.0,
            1.0 if rel > 0 else 0.0,
            1.0 if rel < 0 else 0.0,
            1.0 if el is hand else 0.0,
            1.0 if inf.tag == "article" else 0.0,
            1.0 if inf.tag == "main" or el.get("role") == "main" else 0.0,
            1.0 if is_body_marked(el) else 0.0,
            1.0 if inf.bonus > 1.1 else 0.0,
            1.0 if inf.clean else 0.0,
            1.0 if first <= h1 <= last else 0.0,
            1.0 if 0 <= h1 < first and first - h1 <= NEAR_H1 else 0.0,
            chrome / chars,
            _span(pre.lists, first, last) / nb,
            _span(pre.heads, first, last) / nb,
            math.log1p(rank.get(el, TOP)),
        ]
        out.append(Candidate(el, feats))
    return out


def score(feats: list[float], model: dict[str, Any]) -> float:
    return sum(w * (x - m) / s for x, m, s, w in zip(feats, model["mean"], model["scale"], model["weights"]))
