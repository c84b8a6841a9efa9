"""Parsed trees as input: a ``bs4.BeautifulSoup`` / ``bs4.Tag`` or an lxml element / ElementTree,
as a scraper already holds them, is turned back into markup and read like the page's HTML.

Against passing the markup itself this costs the serialisation (on the bench's news pages: ~2 ms for an
lxml tree, ~30 ms for a BeautifulSoup, which serialises in Python, where the load takes ~15 ms), and the
page is parsed again by lxml. In exchange the caller's tree is never changed,
and the page goes through exactly the loader a markup string goes through (the same repairs, the same
limits), so the Article is the same as for the markup. A tree that another parser built (bs4 with
``html.parser`` or ``html5lib``) may have repaired broken markup differently from lxml: the text of such
a page can then differ where the markup was broken.
"""
from __future__ import annotations

import sys
from typing import Any

from lxml import etree


def is_tree(page: object) -> bool:
    """True for a bs4 object or an lxml element / ElementTree (anything :func:`tree_markup` reads)."""
    return _is_bs4(page) or isinstance(page, (etree._Element, etree._ElementTree))


def tree_markup(page: Any) -> str:
    """The HTML markup of a parsed tree (the element itself and what it holds, without its tail)."""
    if _is_bs4(page):
        return str(page.decode())
    if isinstance(page, etree._ElementTree):
        return etree.tostring(page, method="html", encoding="unicode")
    if isinstance(page, etree._Element):
        return etree.tostring(page, method="html", encoding="unicode", with_tail=False)
    raise TypeError(f"not a parsed tree: {type(page).__name__}")


def _is_bs4(page: object) -> bool:
    """A bs4 Tag (BeautifulSoup is one); bs4 is only imported when it is already loaded, since a
    caller holding a bs4 object has imported it."""
    bs4 = sys.modules.get("bs4")
    return bs4 is not None and isinstance(page, bs4.Tag)
