"""Pages whose text is all inside ``<noscript>``.

Some sites render their page with script and put the readable version for crawlers and script-less
browsers inside ``<noscript>`` (Discourse forums, the commonest forum software, serve every thread that
way). The walk skips ``<noscript>`` (on most pages it holds only "please enable JavaScript" or a tracking
pixel), so such a page comes out empty. When the walk found almost no text and a ``<noscript>`` holds
more, its content is read as ordinary elements.
"""
from __future__ import annotations

from typing import Any

from newsclean.load.element_text import text_of
from newsclean.page import Block

#: a page with fewer words than this outside <noscript> has no body of its own to read (an empty shell
#: or a "loading" line); real pages, even short product or service pages, have more
EMPTY_PAGE_WORDS = 50


def _words(blocks: list[Block], enough: int | None = None) -> int:
    """The blocks' words; with ``enough``, counting stops once there are that many (a page's worth)."""
    n = 0
    for b in blocks:
        n += len(b.text.split())
        if enough is not None and n >= enough:
            break
    return n


def noscript_content(root: Any, blocks: list[Block]) -> bool:
    """Turn the ``<noscript>`` elements of a page with (almost) no text outside them into ``<div>``
    so that a second walk reads them; True when it did (the caller walks again)."""
    if root is None or _words(blocks, EMPTY_PAGE_WORDS) >= EMPTY_PAGE_WORDS:
        return False
    hidden = list(root.iter("noscript"))
    if sum(len(text_of(el, separator=" ").split()) for el in hidden) <= max(EMPTY_PAGE_WORDS, _words(blocks)):
        return False
    for el in hidden:
        el.tag = "div"
    return True
