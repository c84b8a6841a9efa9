"""The sums of the HTML container choice: block weights added up the tree, chrome-named elements turned into
costs, and which elements may not hold the article. Split from ``html`` (which calls :func:`aggregate_mass`
with the elements' parents, the blocks' own weights and what each element's tag and class/id say); the
compiled core's ``aggregate_mass`` (``_core/_scan_sphtml.pxi``) is the twin of :func:`aggregate_mass_pure`."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from newsclean._core import compiled
from newsclean.stages.boilerplate.signals import STRONG_CHROME, WEAK_CHROME

STRONG_CHROME_KEEP = 0.6    # a strong-chrome element holding this share of the best mass is a wrapper
WEAK_CHROME_SHARE = 0.15    # a weak-chrome element under this share is a small share/promo box
NEGATIVE_DAMPING = 0.25     # a negative element passes up only a quarter of its mass, as a cost ...
NEGATIVE_OFFSET = 20.0      # ... plus this, so an empty comment box still counts against its parent


class Mass(NamedTuple):
    pos: dict[Any, float]      # positive mass of each element (its blocks' positive weights, summed up)
    total: dict[Any, float]    # each element's total, negative elements passing up a cost
    negative: set[Any]         # chrome elements that count against their parents
    blocked: dict[Any, bool]   # elements that may not be the container (chrome, or inside chrome)


def aggregate_mass(parent: dict[Any, Any], own: dict[Any, float], order: list[Any],
                   info: Mapping[Any, tuple[Any, int, bool, float]]) -> Mass:
    """``parent``: every element's parent (None at the top; every other parent a key too), in the order the
    walk up from the blocks found them; ``own``: the summed weight of each element's own blocks; ``order``:
    the elements, deepest first; ``info``: each element's ``(tag, chrome level, clean, bonus)``."""
    fast = compiled("aggregate_mass")
    if fast is None:
        return aggregate_mass_pure(parent, own, order, info)
    return Mass(*fast(parent, own, order, info, STRONG_CHROME_KEEP, WEAK_CHROME_SHARE, NEGATIVE_DAMPING,
                      NEGATIVE_OFFSET))


def aggregate_mass_pure(parent: dict[Any, Any], own: dict[Any, float], order: list[Any],
                        info: Mapping[Any, tuple[Any, int, bool, float]]) -> Mass:
    """``aggregate_mass`` in Python (the compiled core's twin)."""
    sums: dict[Any, float] = dict.fromkeys(parent, 0.0)
    sums.update(own)
    pos: dict[Any, float] = dict.fromkeys(parent, 0.0)
    for el, v in own.items():
        if v > 0:
            pos[el] = v
    # bottom-up: positive mass, and which elements hold a clean content container
    holds_content: set[Any] = set()
    for el in order:
        p = parent[el]
        if p is not None:
            pos[p] += pos[el]
            if info[el][2] or el in holds_content:
                holds_content.add(p)
    all_pos = max(pos.values(), default=0.0) or 1.0
    negative, weak = set(), set()
    for el in order:
        level = info[el][1]
        if level == STRONG_CHROME and (pos[el] < STRONG_CHROME_KEEP * all_pos or el not in holds_content):
            negative.add(el)  # (a big one holding the article is a page wrapper or an unclosed tag)
        elif level == WEAK_CHROME and pos[el] < WEAK_CHROME_SHARE * all_pos:
            weak.add(el)  # a small share/promo/related box: never the container, counts as is
    for el in order:
        v = sums[el]
        if el in negative:  # (its blocks are dropped even inside the chosen container)
            v = -abs(v) * NEGATIVE_DAMPING - NEGATIVE_OFFSET
        p = parent[el]
        if p is not None:
            sums[p] += v
    blocked: dict[Any, bool] = {}
    for el in reversed(order):  # parents first
        p = parent[el]
        blocked[el] = el in negative or el in weak or (p is not None and blocked[p])
    return Mass(pos, sums, negative, blocked)
