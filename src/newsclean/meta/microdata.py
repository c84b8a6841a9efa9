"""Microdata (``itemprop``) and byline-ish elements found by class/rel hints."""
from __future__ import annotations

import logging
import re
from typing import Any

from lxml import etree

from newsclean._core import compiled
from newsclean.load.element_text import text_of

_log = logging.getLogger(__name__)  # "newsclean.<module>": fallbacks are logged at DEBUG

_AUTHOR_XPATH = (
    "//*[@itemprop='author' or @itemprop='creator' or @rel='author' or "
    "contains(@class,'author') or contains(@class,'Author') or contains(@class,'byline') or "
    "contains(@class,'Byline') or contains(@class,'autor') or contains(@class,'Autor') or "
    "contains(@id,'author') or contains(@class,'writer') or contains(@class,'verfasser')]"
)

_ITEMPROP_ATTRS = etree.XPath("//@itemprop")
#: words in a class that mark an author's element (the compiled core's ``author_candidates`` holds a copy)
AUTHOR_CLASS_WORDS = ("author", "Author", "byline", "Byline", "autor", "Autor", "writer", "verfasser")
_CLASS_HINTS = re.compile("|".join(AUTHOR_CLASS_WORDS))


def _author_candidates(root: Any) -> list[Any]:
    """The elements _AUTHOR_XPATH selects, in document order (the compiled core's scan when it runs
    and reads the tree, else its pure twin)."""
    fast = compiled("author_candidates")
    found: list[Any] | None = fast(root) if fast is not None else None
    return found if found is not None else author_candidates_pure(root)


def author_candidates_pure(root: Any) -> list[Any]:
    """The elements _AUTHOR_XPATH selects, in document order, found in one pass over the tree."""
    if hasattr(root, "getroottree"):
        top = root.getroottree().getroot()
    else:
        top = root.getroot()
    out: list[Any] = []
    append = out.append
    hint = _CLASS_HINTS.search
    for el in top.iter(etree.Element):
        get = el.get
        c = get("class")
        if c is not None and ("uthor" in c or "yline" in c or "utor" in c or "writer" in c or "verfasser" in c) \
                and hint(c) is not None:
            append(el)
            continue
        i = get("id")
        if i is not None and "author" in i:
            append(el)
            continue
        ip = get("itemprop")
        if ip == "author" or ip == "creator" or get("rel") == "author":
            append(el)
    return out


_SKIP_AREA = frozenset({"comment", "comments", "related", "teaser", "teasers", "sidebar", "widget", "footer",
                        "recommended", "recommendations", "slider", "popular", "promo", "newsletter", "reply",
                        "replies", "trending", "carousel", "aside", "respond", "discussion"})
_TOKENS = re.compile(r"[^a-z0-9]+")


def side_word(hints: tuple[str, ...] | list[str]) -> bool:
    return any(h in _SKIP_AREA for h in hints)


#: a class describing the layout the element holds, not what it is ("has-double-sidebar", "with-sidebar",
#: "no-sidebar" on the main column)
_LAYOUT_PREFIXES = ("has-", "has_", "with-", "with_", "no-", "no_")


def _own_classes(classes: str) -> str:
    """The classes without the layout modifiers (``_LAYOUT_PREFIXES``)."""
    if "has" not in classes and "with" not in classes and "no" not in classes:
        return classes
    return " ".join(c for c in classes.split() if not c.lower().startswith(_LAYOUT_PREFIXES))


def _article_child(node: Any) -> bool:
    """Is the element a child of an ``<article>`` (a footer there is the story's, by HTML's sectioning)?"""
    parent = node.getparent()
    return parent is not None and parent.tag == "article"


def in_side_area(el: Any, levels: int = 10) -> bool:
    """Is the element (or a near ancestor) a comment, teaser, sidebar or footer area?"""
    node = el
    for _ in range(levels):
        if node is None or not isinstance(node.tag, str) or node.tag in ("body", "html"):
            break
        if node.tag == "footer" and _article_child(node):
            node = node.getparent()   # the story's own footer (author, tags): not the page's footer
            continue
        if node.tag in ("footer", "aside", "nav"):
            return True
        if node.tag in ("article", "main"):
            return False  # the content container: its class names describe the page layout
        attrs = (_own_classes(node.get("class") or "") + " " + (node.get("id") or "")).lower()
        if attrs.strip() and side_word(_TOKENS.split(attrs)):
            return True
        node = node.getparent()
    return False


def itemprops(root: Any, names: tuple[str, ...] = ("headline", "datepublished", "datemodified",
                                                     "datecreated")) -> dict[str, list[str]]:
    """Values of the given itemprops (content/datetime attribute, else the text)."""
    out: dict[str, list[str]] = {}
    if root is None:
        return out
    try:
        els = [attr.getparent() for attr in _ITEMPROP_ATTRS(root)]  # cheaper than //*[@itemprop]
    except Exception:
        _log.debug("itemprops not read", exc_info=True)
        return out
    for el in els:
        if el.tag in ("meta", "link"):
            continue  # read with the <meta> tags
        prop = (el.get("itemprop") or "").strip().lower()
        for p in prop.split():
            if p in names:
                val = el.get("datetime") or el.get("content") or text_of(el, separator=" ", squeeze=True)
                if val:
                    out.setdefault(p, []).append(" ".join(val.split())[:300])
    return out


def author_elements(root: Any, limit: int = 30) -> list[tuple[str, str, Any]]:
    """(kind, text, element) of elements that look like bylines, in page order.

    kind is "itemprop" (schema.org author, its name where marked), "rel" (rel=author link) or
    "class" (class/id says author/byline)."""
    out: list[tuple[str, str, Any]] = []
    if root is None:
        return out
    try:
        els = _author_candidates(root)
    except Exception:
        _log.debug("author candidates not read", exc_info=True)
        return out
    for el in els[:200]:
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "link", "body", "html",
                                                      "img", "svg", "noscript"):
            continue
        if in_side_area(el):
            continue
        if (el.get("itemprop") or "").lower() in ("author", "creator"):
            name_el = None
            for sub in el.iter():
                if (sub.get("itemprop") or "").lower() == "name":
                    name_el = sub
                    break
            if name_el is not None:
                text = name_el.get("content") or text_of(name_el, separator=" ", squeeze=True)
            elif el.tag == "meta":
                text = el.get("content") or ""
            else:
                text = el.get("content") or text_of(el, separator=" ", squeeze=True)
            out.append(("itemprop", text, el))
        elif (el.get("rel") or "").lower() == "author":
            out.append(("rel", text_of(el, separator=" ", squeeze=True), el))
        else:
            text = text_of(el, separator=" ", squeeze=True)
            if text and len(text) <= 200:
                out.append(("class", text, el))
        if len(out) >= limit:
            break
    return out
