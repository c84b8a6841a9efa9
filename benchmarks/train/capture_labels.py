"""Label the blocks of text captures with the gold body: is this block's text part of the article?

A block is labelled *body* when at least half of its 4-token shingles (the bench metric's unit; a
block of 1-3 tokens: its tokens as one run) occur in the gold text. Used by the capture-classifier
training script and by error analysis; reads tune pages only unless told otherwise.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"\w+")
SHINGLE = 4
BODY_SHARE = 0.5   # half of a block's shingles in the gold: the block is body text


def gold_index(gold: str) -> tuple[set[tuple[str, ...]], str]:
    toks = WORD.findall(gold or "")
    sh = {tuple(toks[i:i + SHINGLE]) for i in range(max(0, len(toks) - SHINGLE + 1))}
    return sh, " " + " ".join(toks) + " "


def body_share(text: str, index: tuple[set[tuple[str, ...]], str]) -> float:
    sh, joined = index
    toks = WORD.findall(text)
    if not toks:
        return 0.0
    if len(toks) < SHINGLE:
        return 1.0 if (" " + " ".join(toks) + " ") in joined else 0.0
    grams = [tuple(toks[i:i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)]
    return sum(g in sh for g in grams) / len(grams)


def labels(texts: Iterable[str], gold: str) -> list[float]:
    idx = gold_index(gold)
    return [body_share(t, idx) for t in texts]
