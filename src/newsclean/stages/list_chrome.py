"""The chrome of a listing or a collection that an article's cleaning does not know: a list's page links,
results counts and sort/filter controls, and the one ``<header>`` that is no chrome there, a teaser's own
(``type_fit`` reads both on pages typed listing or collection); and the page's own ``<footer>``, which
``type_fit`` drops on every page type but the article."""
from __future__ import annotations

import re
from typing import Any

#: an item's own header: a ``<header>`` inside one of at least this many sibling ``<article>`` elements holds a
#: teaser's headline and kicker (HTML5's sectioning header), not the site's masthead (tune, listing and
#: collection pages: two pages whose every teaser sat in ``<article><header>`` gained 0.009 -> 0.92 and
#: 0.90 -> 0.99; three repeated items as in ``item_groups``)
ITEM_HEADER_MIN = 3
#: a kept line that is a list's page link or count, whatever box it sits in: "Next page", "« Previous", "Page 2 of
#: 9", "1-30 of 338 products", "Showing 1 to 24 (of 204 products)", "Load more", "View all" (the issue's "drops
#: pagination"; tune, listing and collection pages, with the hint words: 34 pages up, 6 down by at most 0.01).
#: Bare numbers stay: a ranked list's ranks and a card's counts are items' words as often as page links
PAGINATION_LINE = re.compile(
    r"(?:page\s*)?\d{1,4}\s*(?:/|of)\s*\d{1,5}|page(?:\s+\d+)?\s+of\s+\d+"
    r"|(?:next|previous|prev|older|newer)(?:\s+(?:page|posts|entries|articles|results|stories))?\s*[»›>→]*"
    r"|[«‹<←]+\s*(?:next|previous|prev|older|newer)\b.{0,12}|[«»‹›<>…]+"
    r"|(?:viewing|showing|displaying)?\s*\d{1,5}\s*(?:[-–]|to)\s*\d{1,5}\s*\(?of\s+[\d,]+.{0,20}"
    r"|(?:load|show|view|see)\s+(?:more|all)\b.{0,24}|(?:more|all)\s+(?:results|stories|articles|posts)",
    re.IGNORECASE)
#: ... and a list's sort and filter controls: "Sort by: Best Selling", "View: 36", "Filters (1)", "Results per page:"
#: (tune, listing and collection pages: 25 up, 2 down)
FILTER_LINE = re.compile(
    r"(?:sort(?:\s+by)?|order\s+by|filters?(?:\s+by)?|refine(?:\s+by)?|view|show|results\s+per\s+page|per\s+page"
    r"|items\s+per\s+page|clear\s+(?:all|filters)|apply(?:\s+filters)?|reset(?:\s+filters)?)\s*(?::.{0,30}|\(\d+\))?",
    re.IGNORECASE)
#: the longest such line ("Displaying 1 to 24 (of 204 products)" is 37): longer blocks are not read
PAGINATION_MAX_CHARS = 60


def in_item_header(element: Any, ancestors: Any) -> bool:
    """Whether the only chrome element above ``element`` is a ``<header>`` that belongs to a repeated item: its
    nearest ``<article>`` ancestor has at least ``ITEM_HEADER_MIN - 1`` ``<article>`` siblings."""
    if element is None or "header" not in ancestors or not {"nav", "footer", "aside", "form"}.isdisjoint(ancestors):
        return False
    el, seen_header = element, False
    while el is not None:
        tag = el.tag
        if tag == "header":
            seen_header = True
        elif tag == "article":
            if not seen_header:
                return False  # the <article> is inside the header: a promo in the masthead
            parent = el.getparent()
            if parent is None:
                return False
            return sum(1 for child in parent if child.tag == "article") >= ITEM_HEADER_MIN
        el = el.getparent()
    return False


#: the sectioning elements a ``<footer>`` can belong to instead of the page (HTML's sectioning content): under one
#: of them it is that teaser's, post's or section's footer ("Read more", a post's date and tags), not the site's
SECTIONING_TAGS = frozenset({"article", "section", "aside", "nav"})


def in_page_footer(element: Any, ancestors: Any) -> bool:
    """Whether ``element`` sits in the page's own ``<footer>``: a ``<footer>`` ancestor whose nearest sectioning
    ancestor (``SECTIONING_TAGS``) is none, so that it is the body's footer (HTML's rule for whom a footer
    belongs to), not a teaser's or a post's."""
    if element is None or "footer" not in ancestors:
        return False
    el, in_footer = element, False
    while el is not None:
        tag = el.tag
        if tag == "footer":
            in_footer = True
        elif in_footer and tag in SECTIONING_TAGS:
            in_footer = False  # that footer was a section's; a footer further up may still be the page's
        el = el.getparent()
    return in_footer


def list_control(text: str) -> bool:
    """Whether a line is a list's page link, results count or sort/filter control."""
    if len(text) > PAGINATION_MAX_CHARS:
        return False
    line = " ".join(text.split())
    return PAGINATION_LINE.fullmatch(line) is not None or FILTER_LINE.fullmatch(line) is not None
