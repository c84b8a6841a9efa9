"""What the ``regions`` stage may bring back: stretches of dropped blocks next to or inside the kept text.

The rule stages and the block classifier drop a block at a time; inside the story they take out a list item
that names the next section, a sub-heading that reads like a menu entry, a paragraph the classifier
doubted, and at its edges a paragraph or two the region search cut off. A *gap* is a stretch of dropped
blocks inside the kept text's span or within ``EDGE`` blocks of it, cut before every heading; blocks the
title stage took (the headline, its kicker) and blocks dropped without a kind never join one. Every gap
gets one row of plain floats (``GAP_FEATURES``): its size against the story's main run, where it sits
(inside the span, before or after it, how far, kept text on both sides), what its blocks look like (prose,
list items, short lines, end markers, links) and which kinds of decision dropped it (``DropKind`` shares).
A second logistic model in the same weights file restores a gap at or above a fitted probability.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from newsclean.features.text import is_end_marker, prose_of, words_of
from newsclean.page import Block, DropKind
from newsclean.stages.regions.features import PROSE_WORDS, SHORT_WORDS

EDGE = 3           # a gap may start or end at most this many blocks outside the kept text's span
_NEVER = frozenset({DropKind.HEADLINE, DropKind.KICKER})   # the title stage's moves stay
_KINDS = (DropKind.BEFORE_BODY, DropKind.AFTER_BODY, DropKind.END_MATTER, DropKind.NAV_BULLET, DropKind.PROMO,
          DropKind.OTHER, DropKind.REPEAT, DropKind.STOCK_PHRASE)
_CLOSE = (".", "!", "?", '"', "”", "’", ")")

GAP_FEATURES: tuple[str, ...] = (
    "bias", "log_words", "log_blocks", "size_vs_main", "inside", "before", "after", "log_distance",
    "kept_before", "kept_after", "between_kept", "heading_first", "prose_share", "list_share", "short_share",
    "no_end_share", "marker_share", "mean_block_words", "link_share",
) + tuple(f"kind_{k.value}" for k in _KINDS) + (
    "prose_before", "prose_after", "inside*prose_share", "between_kept*prose_share",
)


@dataclass(frozen=True)
class Gap:
    """One gap: the indexes of its blocks (all dropped, in page order)."""

    blocks: tuple[int, ...]


def _kept_span(blocks: list[Block]) -> tuple[int, int] | None:
    """The first and last kept block (None: nothing is kept)."""
    kept = [i for i, b in enumerate(blocks) if b.dropped_by is None]
    return (kept[0], kept[-1]) if kept else None


def gaps_of(blocks: list[Block], span: tuple[int, int] | None = None) -> list[Gap]:
    """The page's gaps (see the module's docstring), in page order; ``span``: ``_kept_span``, when known."""
    span = span or _kept_span(blocks)
    if span is None:
        return []
    out: list[Gap] = []
    cur: list[int] = []
    for i in range(max(0, span[0] - EDGE), min(len(blocks), span[1] + EDGE + 1)):
        b = blocks[i]
        if cur and (b.dropped_by is None or b.kind == "heading" or b.drop_kind is None or b.drop_kind in _NEVER):
            out.append(Gap(tuple(cur)))
            cur = []
        if b.dropped_by is not None and b.drop_kind is not None and b.drop_kind not in _NEVER:
            cur.append(i)
    if cur:
        out.append(Gap(tuple(cur)))
    return out


def _longest_kept_stretch(blocks: list[Block]) -> int:
    """The words of the longest stretch of consecutive kept blocks (the main run, without its heading cuts)."""
    best = cur = 0
    for b in blocks:
        cur = cur + words_of(b) if b.dropped_by is None else 0
        best = max(best, cur)
    return best


def gap_row(blocks: list[Block], gap: Gap, lo: int, hi: int, main_words: int) -> list[float]:
    """One gap's row (``GAP_FEATURES``); ``lo``/``hi``: the first and last kept block."""
    a, z = gap.blocks[0], gap.blocks[-1]
    own = [blocks[i] for i in gap.blocks]
    w = [max(1, words_of(b)) for b in own]
    total = sum(w)

    def share(flags: list[bool]) -> float:
        return sum(x for f, x in zip(flags, w) if f) / total

    texts = [b.text.strip() for b in own]
    inside = lo < a and z < hi
    before = a > 0 and blocks[a - 1].dropped_by is None
    after = z + 1 < len(blocks) and blocks[z + 1].dropped_by is None
    distance = 0 if inside else (lo - z if z < lo else a - hi)
    prose = share([prose_of(b).prose and words_of(b) >= PROSE_WORDS for b in own])
    row = [1.0, math.log1p(total), math.log1p(len(own)), total / max(1, main_words), float(inside), float(z < lo),
           float(a > hi), math.log1p(max(0, distance)), float(before), float(after), float(before and after),
           float(own[0].kind == "heading"), prose, share([b.kind == "list_item" for b in own]),
           share([x < SHORT_WORDS for x in w]), share([not t.endswith(_CLOSE) for t in texts]),
           share([words_of(b) <= SHORT_WORDS and is_end_marker(b) for b in own]), math.log1p(total / len(own)),
           share(["http" in t or "»" in t or "›" in t for t in texts])]
    row += [share([b.drop_kind == k for b in own]) for k in _KINDS]
    row += [float(before and prose_of(blocks[a - 1]).prose), float(after and prose_of(blocks[z + 1]).prose),
            prose * inside, prose * (before and after)]
    return row


def gap_rows(blocks: list[Block]) -> tuple[list[Gap], list[list[float]]]:
    """The page's gaps and one row per gap."""
    span = _kept_span(blocks)
    gaps = gaps_of(blocks, span)
    if span is None or not gaps:
        return gaps, []
    main_words = _longest_kept_stretch(blocks)
    return gaps, [gap_row(blocks, g, span[0], span[1], main_words) for g in gaps]
