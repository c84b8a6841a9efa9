"""Repeated items on an HTML page: sibling elements of one shape (tag and first class word) under one parent.

A listing's teasers, a collection's product cards, a carousel of other products, a menu's entries and a
filter's options are all such groups. ``item_groups`` finds them from the blocks' elements: for every
block it walks up its ancestors, and an ancestor whose parent holds at least ``min_items`` children of
the same shape that carry text is an item of the group (parent, shape). Groups nest, and a block is in
every group along its ancestors. Plain data out, no decision: ``type_fit`` decides what to keep.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsclean.page import Block, Page

#: siblings of one shape that make a group: two could be a pair of columns, three is a repeated pattern
MIN_ITEMS = 3
#: ancestors looked at above a block's own element (cards nest their text a few levels down)
MAX_UP = 8
#: digits in a class word are ids ("post-123", "item-4"), not shape
_DIGITS = re.compile(r"\d+")


@dataclass
class ItemGroup:
    """One group of repeated items: the blocks of each item, in page order."""

    key: tuple[Any, str, str]
    items: dict[int, list[Block]] = field(default_factory=dict)  # id(item element) -> its blocks

    @property
    def blocks(self) -> list[Block]:
        return [b for bs in self.items.values() for b in bs]

    @property
    def words(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)


def item_text(block: Block) -> str:
    """A block's text as items are compared: lower case, spacing squashed."""
    return " ".join(block.text.lower().split())


def shape(el: Any) -> tuple[str, str]:
    """(tag, first class word without digits): what repeated items share."""
    words = (el.get("class") or "").split()
    return str(el.tag), _DIGITS.sub("", words[0] if words else "")


def _chain(el: Any) -> list[Any]:
    """The element and its ancestors (at most MAX_UP above it), innermost first, without the root."""
    out: list[Any] = []
    while el is not None and len(out) <= MAX_UP:
        parent = el.getparent()
        if parent is None:
            break
        out.append(el)
        el = parent
    return out


def item_groups(page: Page) -> list[ItemGroup]:
    """The page's repeated-item groups, biggest by words first. Groups nest (a grid of cards, each with a
    list of sizes): a block belongs to every group along its ancestors, so each level can be read."""
    # group key: the parent element itself (an lxml proxy's id() is only stable while it is referenced),
    # the items' shape; value: ids of its items that hold text (the chains keep those items referenced)
    chains: dict[int, list[tuple[Any, tuple[Any, str, str]]]] = {}   # block index -> (element, group key)
    holders: dict[tuple[Any, str, str], set[int]] = {}
    for b in page.blocks:
        if b.element is None or not b.text:
            continue
        chain = [(el, (el.getparent(), *shape(el))) for el in _chain(b.element)]
        chains[b.index] = chain
        for el, key in chain:
            holders.setdefault(key, set()).add(id(el))
    groups: dict[tuple[Any, str, str], ItemGroup] = {}
    by_index = {b.index: b for b in page.blocks}
    for index, chain in chains.items():
        for el, key in chain:
            if len(holders[key]) >= MIN_ITEMS:
                group = groups.setdefault(key, ItemGroup(key))
                group.items.setdefault(id(el), []).append(by_index[index])
    return sorted(groups.values(), key=lambda g: -g.words)
