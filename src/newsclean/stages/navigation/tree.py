"""Element-tree helpers of the navigation stage: sums over the blocks below each element, ancestry."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsclean._core import compiled
from newsclean.stages.boilerplate.signals import class_words, element_words, unmemoised_chain, within


def subtree_sums(items: Iterable[tuple[Any, int, int]], stop: Any) -> tuple[dict[Any, int], dict[Any, int]]:
    """For ``(element, chars, texts)`` per block: the sums of ``chars`` and of ``texts`` over the
    blocks at or below every element from the blocks up to ``stop`` (excluded; None: the root).

    Each ancestor is visited once, then the sums flow up deepest first, instead of walking every
    block's whole ancestor chain. Only elements with a nonzero text count appear in the second dict
    (read both with ``.get(el, 0)``). The compiled core's ``subtree_sums`` when it runs."""
    fast = compiled("subtree_sums")
    if fast is None:
        return subtree_sums_pure(items, stop)
    got: tuple[dict[Any, int], dict[Any, int]] = fast(items, stop)
    return got


def subtree_sums_pure(items: Iterable[tuple[Any, int, int]], stop: Any) -> tuple[dict[Any, int], dict[Any, int]]:
    """``subtree_sums`` in Python (the compiled core's twin)."""
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


def chain_word_lengths(blocks: list[Any], stop: Any, memo: dict[Any, frozenset[str]],
                       el_words: dict[Any, tuple[str, ...]], negative: frozenset[str], text_chars: int,
                       text_max_ld: float) -> tuple[dict[str, int], list[tuple[Any, int, int]]]:
    """For the blocks with an element: the characters of the blocks below each chrome word (one of
    ``negative``) on the element or its ancestors up to ``stop``, and ``(element, chars, text block)`` per
    block (a text block: ``text_chars`` characters or more, link density under ``text_max_ld``). Fills
    ``memo`` (element -> the chrome words of its chain) and ``el_words`` (element -> its class/id words) for
    every element climbed past. The compiled core's ``chain_word_lengths`` when it runs."""
    fast = compiled("chain_word_lengths")
    if fast is None:
        return chain_word_lengths_pure(blocks, stop, memo, el_words, negative, text_chars, text_max_ld)
    got: tuple[dict[str, int], list[tuple[Any, int, int]]] = fast(
        blocks, stop, memo, el_words, negative, text_chars, text_max_ld, element_words, class_words)
    return got


def chain_word_lengths_pure(blocks: list[Any], stop: Any, memo: dict[Any, frozenset[str]],
                            el_words: dict[Any, tuple[str, ...]], negative: frozenset[str], text_chars: int,
                            text_max_ld: float) -> tuple[dict[str, int], list[tuple[Any, int, int]]]:
    """``chain_word_lengths`` in Python (the compiled core's twin)."""
    word_len: dict[str, int] = {}
    items = []
    for b in blocks:
        el = b.element
        if el is None:
            continue
        n = len(b.text)
        chain, base = unmemoised_chain(el, stop, memo, frozenset())
        for x in reversed(chain):
            words = el_words[x] = element_words(x)
            own = [w for w in words if w in negative]
            if own:
                base = base | frozenset(own)
            memo[x] = base
        for w in base:
            word_len[w] = word_len.get(w, 0) + n
        text_block = n >= text_chars and b.features.get("link_density", 0.0) < text_max_ld
        items.append((el, n, int(text_block)))
    return word_len, items


_MAX_UP = 30  # how far up from a block its box's root is looked for (bounds the walk on deep trees)


def descends(el: Any, anc: Any) -> bool:
    """Is ``anc`` ``el`` or one of its ancestors fewer than ``_MAX_UP`` levels up?"""
    return within(el, anc, _MAX_UP - 1)  # within() also looks at the last level it climbs to
