"""The page's main region chosen again once its type is known (``type_fit``; HTML only).

``boilerplate`` picks the element with the most article-like text. On a product page that is often the
wrong one: the product's own copy is short and split into cards and tabs, and the longest prose on the page
is a refund policy in a pop-up or the footer's fine print, far from the product. The page's title (the
title stage's heading, else its first ``<h1>``) says where the product is. When the chosen container does
not hold the title: if the two meet below ``<body>`` (the container was one part of the product's region,
its description or specifications), the element where they meet becomes the region (``widen``); if they
meet only at ``<body>`` and what was kept does not name the title's subject (under half of its words), the
region is the largest ancestor of the title that holds none of the site's
chrome (no block under a ``<header>`` or ``<footer>`` that the title itself is not under), below ``<body>``
and never above a ``<main>``. Plain data out: ``title_region`` gives the element, ``type_fit`` decides.
"""
from __future__ import annotations

import re
from typing import Any

from newsclean.page import Block, Page
from newsclean.stages.boilerplate.signals import inside

#: elements that hold a site's chrome: a region holding one of them holds more than the page's subject
#: (``<nav>`` is not one: a breadcrumb trail in a ``<nav>`` often sits right above a product's title)
CHROME_TAGS = frozenset({"header", "footer"})
#: elements a region never is (they hold the whole page)
PAGE_TAGS = frozenset({"body", "html"})
#: a title word this long says something of the page's subject ("the", "for", "and" do not)
TITLE_WORD_CHARS = 4
#: a container far from the title whose kept text holds this share of the title's words is about the page's
#: subject all the same and stays (tune: a collection's grid under a heading apart from its <h1>, service and
#: documentation pages whose <h1> sits apart from the copy)
MENTION_SHARE = 0.5
_WORD = re.compile(r"\w+")
#: ancestors looked at above the title (a title is seldom nested deeper than this below its region)
MAX_UP = 30


def title_block(page: Page) -> Block | None:
    """The page's title: the title stage's block when it is a heading, else the first ``<h1>``."""
    first_h1 = None
    for b in page.blocks:
        if b.element is None or b.kind != "heading":
            continue
        if b.role == "title":
            return b
        if first_h1 is None and b.features.get("level") == 1:
            first_h1 = b
    return first_h1


def title_region(page: Page, widen: bool = True) -> Any:
    """The element to use as the page's region when the chosen container misses the title, else None: with
    ``widen``, the lowest element holding both when that is below ``<body>`` (the container was a part of
    the product's region, its description or its specifications); when the two meet only at ``<body>`` (the
    container is another part of the page: a pop-up, the footer), the title's own region
    (``_clean_region``)."""
    container = page.handoffs.html_container
    title = title_block(page)
    if container is None or title is None or inside(title.element, container, {}):
        return None
    chain = _ancestors(title.element)
    if not chain:
        return None
    level = {el: i for i, el in enumerate(chain)}
    e = container
    while e is not None and e not in level:
        e = e.getparent()
    if e is not None:  # below <body> (or the <main>) that holds the title: widen the container to hold it
        return e if widen else None
    if _mentions_title(page, title):
        return None  # what was kept talks about the page's subject: a part of it, not a pop-up or fine print
    return _clean_region(page, title, chain, level)


def _mentions_title(page: Page, title: Block) -> bool:
    """At least ``MENTION_SHARE`` of the title's words (of ``TITLE_WORD_CHARS`` letters or more) are in the
    kept text (a title without such words counts as mentioned: nothing to go by)."""
    words = {w for w in _WORD.findall(title.text.lower()) if len(w) >= TITLE_WORD_CHARS}
    if not words:
        return True
    kept: set[str] = set()
    for b in page.kept():
        kept.update(_WORD.findall(b.text.lower()))
    return len(words & kept) >= MENTION_SHARE * len(words)


def _ancestors(el: Any) -> list[Any]:
    """The title's ancestors, innermost first, below ``<body>`` and up to a ``<main>``."""
    chain: list[Any] = []
    el = el.getparent()
    while el is not None and len(chain) < MAX_UP and str(el.tag) not in PAGE_TAGS:
        chain.append(el)
        if el.tag == "main" or el.get("role") == "main":
            break  # the page says where its main content is: the region is never larger
        el = el.getparent()
    return chain


def _clean_region(page: Page, title: Block, chain: list[Any], level: dict[Any, int]) -> Any:
    """The largest of the title's ancestors (``chain``) that holds no block of the site's chrome."""
    own_chrome = CHROME_TAGS & set(title.features.get("ancestors") or ())
    top = len(chain) - 1  # the highest level still free of chrome
    for b in page.blocks:
        tags = b.features.get("ancestors") or ()
        if b.element is None or CHROME_TAGS.isdisjoint(tags) or not (CHROME_TAGS & set(tags)) - own_chrome:
            continue
        e = b.element
        while e is not None and e not in level:  # up to where the block meets the title's ancestors
            e = e.getparent()
        if e is not None:
            top = min(top, level[e] - 1)
        if top < 0:
            return None
    return chain[top]
