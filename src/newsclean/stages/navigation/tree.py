"""Element-tree helpers of the navigation stage: sums over the blocks below each element, ancestry."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsclean.stages.boilerplate.signals import within


def subtree_sums(items: Iterable[tuple[Any, int, int]], stop: Any) -> tuple[dict[Any, int], dict[Any, int]]:
    """For ``(element, chars, texts)`` per block: the sums of ``chars`` and of ``texts`` over the
    blocks at or below every element from the blocks up to ``stop`` (excluded; None: the root).

    Each ancestor is visited once, then the sums flow up deepest first, instead of walking every
    block's whole ancestor chain. Only elements with a nonzero text count appear in the second dict
    (read both with ``.get(el, 0)``)."""
    parent: dict[Any, Any] = {}
    depth: dict[Any, int] = {}
    chars: dict[Any, int] = {}
    texts: dict[Any, int] = {}
    for el, n, t in items:
        if el is None or el is stop:
            continue
        chars[el] = chars.get(el, 0) + n
        if t:
            texts[el] = texts.get(el, 0) + t
        chain = []
        e = el
        while e is not None and e is not stop and e not in parent:  # new ancestors, up to a known one
            chain.append(e)
            p = e.getparent()
            parent[e] = p
            e = p
        d = depth[e] if e in depth else -1
        for x in reversed(chain):
            d += 1
            depth[x] = d
    for el in sorted(parent, key=depth.__getitem__, reverse=True):  # children before their parents
        p = parent[el]
        if p is None or p not in parent:
            continue  # (``stop`` or above it)
        chars[p] = chars.get(p, 0) + chars.get(el, 0)
        t = texts.get(el, 0)
        if t:
            texts[p] = texts.get(p, 0) + t
    return chars, texts


_MAX_UP = 30  # how far up from a block its box's root is looked for (bounds the walk on deep trees)


def descends(el: Any, anc: Any) -> bool:
    """Is ``anc`` ``el`` or one of its ancestors fewer than ``_MAX_UP`` levels up?"""
    return within(el, anc, _MAX_UP - 1)  # within() also looks at the last level it climbs to
