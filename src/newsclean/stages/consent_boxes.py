"""Cookie and consent boxes on an HTML page: the blocks inside an element whose class or id names consent.

A consent manager ("We care about your privacy", "Accept all cookies", the list of purposes and partners)
ships its whole dialog in the page, inside one wrapper such as ``<div id="onetrust-consent-sdk">`` or
``<div class="cookie-notice">``. ``consent_blocks`` finds the blocks under such a wrapper: an ancestor of a
block whose class/id words include one of ``CONSENT_WORDS``, which does not hold the page's first
``<h1>`` and holds less than ``MAX_SHARE`` of the page's words (a page whose ``<body>`` or main wrapper
carries "cookie-consent-active" is not a dialog; a consent manager's dialog, with its list of purposes
and vendors, can outweigh a listing of short titles, so the share alone does not say it). Plain data
out: ``type_fit`` decides what to drop. The box's text must also read as a consent notice
(``NOTICE``: it names cookies and one of consent, privacy, partners, preferences, personal data or
accepting): a product card of the shop's chocolate cookies is not one. (The AEM component prefix
"cmp" is not a consent word: whole service pages are built of "cmp-text" boxes.)
"""
from __future__ import annotations

import re
from typing import Any

from newsclean.load.element_hints import hints
from newsclean.page import Block, Page

#: class/id words of consent managers' wrappers and cookie notices
CONSENT_WORDS = frozenset({"cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebot", "didomi",
                           "usercentrics", "truste"})
#: a box holding this share of the page's words or more is the page, not a dialog over it (tune: the
#: largest consent dialog on a listing held 0.7 of its words)
MAX_SHARE = 0.8
#: what a consent notice says: cookies, and what is asked about them
NOTICE = (re.compile(r"\bcookies?\b", re.IGNORECASE),
          re.compile(r"\b(consent|privacy|partners|preferences|personal data|accept)", re.IGNORECASE))


def _names_consent(el: Any) -> bool:
    """The element's class/id words (the walk's own, cached split) name consent or cookies."""
    return not CONSENT_WORDS.isdisjoint(hints(el))


def _may_name_cookies(page: Page) -> bool:
    """Exact pre-test of ``NOTICE[0]`` on the page's text: a case-blind 'cookie' is 'cookie' in the
    lower-cased text, unless it is spelt with a dotted capital or a dotless small i (the only characters
    that match one of its letters case-blind and lower-case to another: 'İ' to two characters, 'ı' to
    itself). One lower-casing and a substring search cost far less than the case-blind regex's scan."""
    for b in page.blocks:
        text = b.text
        if "ookie" in text or "cookie" in text.lower() or "ı" in text or "İ" in text:
            return True
    return False


def _may_be_inside(block: Block) -> bool:
    """Exact pre-test of ``_consent_above`` for a block the HTML walk made: its ``hints`` feature holds the
    class/id words (``hints``) of every element open when the block was cut, its element and all its
    ancestors among them, so a block whose hints name no consent word is in no consent box. A table's row
    (its hints are the table's: the rows' own wrappers are not among them) and a block made otherwise are
    walked."""
    words = block.features.get("hints")
    return words is None or block.features.get("tag") == "tr" or not CONSENT_WORDS.isdisjoint(words)


def _consent_above(el: Any, memo: dict[Any, tuple[Any, ...]]) -> tuple[Any, ...]:
    """The elements naming consent among ``el`` and its ancestors, nearest first (the walk stops at an
    element that is not a tag). ``memo`` holds the answer of every element walked before: the walk up
    from a block stops at the first such element, so each element of the page is looked at once."""
    above: tuple[Any, ...] = ()
    path = []
    while el is not None:
        hit = memo.get(el)
        if hit is not None:
            above = hit
            break
        if not isinstance(el.tag, str):
            break
        path.append(el)
        el = el.getparent()
    for e in reversed(path):
        if _names_consent(e):
            above = (e, *above)
        memo[e] = above
    return above


def consent_blocks(page: Page) -> set[int]:
    """Indices of the blocks inside a consent box (see the module's docstring)."""
    if not _may_name_cookies(page) or not NOTICE[0].search("\n".join(b.text for b in page.blocks)):
        # a box's text is its blocks' texts joined, and "cookie(s)" never spans two blocks: with the word
        # nowhere on the page no box can read as a notice, and the ancestor walk below (a look-up per
        # element, the larger part of this function's cost) is spared
        return set()
    # keyed by the elements themselves (the dicts keep the lxml proxies alive, so keys stay distinct)
    memo: dict[Any, tuple[Any, ...]] = {}  # element -> the consent-naming elements at or above it
    inside = [(b, above) for b in page.blocks
              if b.element is not None and _may_be_inside(b) and (above := _consent_above(b.element, memo))]
    if not inside:
        return set()  # (no element names consent: the words are never counted)
    boxes: dict[Any, tuple[int, list[int]]] = {}  # element -> (words, block indices)
    for b, above in inside:
        words = len(b.text.split())
        if not words:
            continue
        for el in above:
            n, idx = boxes.get(el, (0, []))
            idx.append(b.index)
            boxes[el] = (n + words, idx)
    total = sum(len(b.text.split()) for b in page.blocks)
    h1 = next((b.element for b in page.blocks if b.element is not None and b.element.tag == "h1"), None)
    out: set[int] = set()
    holds_h1 = set(h1.iterancestors()) if h1 is not None else set()
    by_index = {b.index: b for b in page.blocks}
    for el, (n, idx) in boxes.items():
        if n >= MAX_SHARE * total or el in holds_h1 or el is h1:
            continue
        text = " ".join(by_index[i].text for i in idx)
        if all(rx.search(text) for rx in NOTICE):
            out.update(idx)
    return out
