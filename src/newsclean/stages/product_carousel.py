"""Carousels of other products on a product page (HTML only): repeated cards that each show a price.

A product page sells one product; "Similar items", "Customers also bought" and "You may also like" are
rows of other products' cards, each with its own name and price. On a product page whose own copy is short,
the article cleaning can take such a row for the content (it is the longest run of text under one
element). ``carousel_blocks`` finds them from the page's repeated items (``item_groups``): a group of at
least ``MIN_CARDS`` items, at least ``PRICED_SHARE`` of which show a short price line, that does not hold
the page's title. Plain data out: ``type_fit`` decides.
"""
from __future__ import annotations

import re

from newsclean.page import Block
from newsclean.stages.item_groups import ItemGroup

#: cards that make a carousel: two could be the product and its bundle, three is a row of other products
MIN_CARDS = 3
#: the share of a group's items that show a price before it counts as product cards (a card's price can
#: be missing: "Sold out", "See options")
PRICED_SHARE = 0.5
#: a price line is short ("$103.40", "+ $23.12 delivery", "previous price $212.01 9% off"); a longer
#: line with a price in it is copy ("Free delivery on orders over $50 to most addresses ...")
PRICE_LINE_WORDS = 8
#: a price: a currency sign before a number, or a number before a currency sign or code
PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:€|£|zł|kr|(?:EUR|USD|GBP|CAD|AUD)\b)")


def is_price_line(block: Block) -> bool:
    """A short line that shows a price."""
    return len(block.text.split()) <= PRICE_LINE_WORDS and PRICE.search(block.text) is not None


def carousel_blocks(groups: list[ItemGroup], title: Block | None) -> set[int]:
    """Indices of the blocks in carousels of product cards among the page's repeated-item ``groups``
    (``item_groups``; see the module's docstring); a group that holds ``title`` (the page's own product) is
    not one."""
    out: set[int] = set()
    priced: dict[int, bool] = {}  # block index -> is a price line (a block sits in every group above it)
    for group in groups:
        items = list(group.items.values())
        if len(items) < MIN_CARDS or (title is not None and any(b is title for bs in items for b in bs)):
            continue
        with_price = 0
        for bs in items:
            for b in bs:
                flag = priced.get(b.index)
                if flag is None:
                    flag = priced[b.index] = is_price_line(b)
                if flag:
                    with_price += 1
                    break
        if with_price >= PRICED_SHARE * len(items):
            out.update(b.index for bs in items for b in bs)
    return out
