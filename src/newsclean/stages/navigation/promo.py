"""The site's own promo phrases, found in a paragraph (navigation's "promo for the site" and "Read also:"
tests): one regex over every phrase of ``data/hints`` and the exact pre-test words before it."""

from __future__ import annotations

import re
from functools import lru_cache

from newsclean.stages.boilerplate.signals import load_hints
from newsclean.strings import literal_trie


@lru_cache(maxsize=1)
def promo_pattern() -> re.Pattern[str]:
    """One regex for the promo phrases that mark a short paragraph as an ad for the site itself
    (newsletter, affiliate disclosure, 'follow us on ...'), wherever they stand in it."""
    return re.compile(literal_trie(load_hints().promo_phrases))


_ANCHOR_MIN_CHARS = 6  # a promo phrase's words this long are rare in prose: good anchors for the pre-test


@lru_cache(maxsize=1)
def promo_anchors() -> tuple[str, ...]:
    """Words such that every promo phrase holds one of them (the exact pre-test before ``promo_pattern``: a
    text holding none of them holds no phrase). Chosen greedily among the phrases' words of at least
    ``_ANCHOR_MIN_CHARS`` characters, each time the word in most phrases not yet held (ties: the longer);
    a phrase with no such word gives its longest (its last, on a tie: 'see?' of 'like what you see?')."""
    left = set(load_hints().promo_phrases)
    words = sorted({w for p in left for w in p.split(" ") if len(w) >= _ANCHOR_MIN_CHARS})
    anchors: list[str] = []
    while left:
        best = max(words, key=lambda w: (sum(1 for p in left if w in p), len(w)), default="")
        if not best or not any(best in p for p in left):
            break
        anchors.append(best)
        left = {p for p in left if best not in p}
    for p in sorted(left):
        anchors.append(max(reversed(p.split(" ")), key=len))
    return tuple(anchors)


@lru_cache(maxsize=1)
def read_also_pattern() -> re.Pattern[str]:
    """'Read also: <headline>', 'Lesen Sie auch: ...', 'Le puede interesar: ...': a label, a colon
    and the title of another article (a bare 'See also:' heading over a list is left alone)."""
    labels = sorted(load_hints().read_also_labels, key=len, reverse=True)
    alt = "|".join(re.escape(p) for p in labels) or "(?!)"
    return re.compile(rf"(?i)^\W{{0,3}}(?:{alt})\s*:\s*\S+\s+\S+\s+\S")
