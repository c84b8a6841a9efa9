"""What an element's attributes say about it, for the HTML walk (``load/html.py``): the words of its class
and id ("hints"), whether it is hidden, whether its class marks inline text readers never see, and whether
a table holds data rather than a layout."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsclean.load.element_text import text_of

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"([a-z])([A-Z])")  # imageEmbedCaption -> image Embed Caption


def classed_boxes(el: Any, levels: int = 2) -> list[tuple[str, str]]:
    """(tag, class) of the element's parent, grandparent, ... (``levels`` of them), those with a class: the
    "boxes" a block sits in, as navigation and the regions stage compare them. None gives none."""
    out = []
    e = el.getparent() if el is not None else None
    for _ in range(levels):
        if e is None:
            break
        cls = e.get("class") if isinstance(e.tag, str) else None
        if cls:
            out.append((e.tag, cls))
        e = e.getparent()
    return out


def hints(el: Any) -> tuple[str, ...]:
    """Lower-cased words of an element's class and id (e.g. 'article-body' → 'article', 'body')."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return ()
    return split_hints(f"{cls or ''} {ident or ''}")


@lru_cache(maxsize=8192)
def split_hints(raw: str) -> tuple[str, ...]:
    """Pure and cached: pages repeat the same class strings many times."""
    if not raw.islower():  # (most class strings are lower-case already: no regex for them)
        raw = _CAMEL.sub(r"\1 \2", raw).lower()
    return tuple(w for w in _WORD_SPLIT.split(raw) if w)


def is_hidden(el: Any) -> bool:
    """Hidden by attribute or inline style, unless it holds a page's worth of paragraphs (streamed
    pages ship their whole content in a hidden element that a script reveals)."""
    if el.get("hidden") is None:
        style = el.get("style")
        if not (style and _HIDDEN_STYLE.search(style)):
            return False
    return el.find(".//p") is None or len(text_of(el)) < 1500


UNSEEN_WORDS = frozenset({"sronly", "srtext", "screenreader", "screenreadertext", "visuallyhidden",
                           "tooltip", "tooltiptext", "popover", "hovercard"})


@lru_cache(maxsize=4096)
def unseen_class(cls: str) -> bool:
    """Inline text that readers never see in the flow: screen-reader-only labels, tooltips and
    hover cards (shown on hover, next to the word they explain)."""
    words = [w for w in _WORD_SPLIT.split(_CAMEL.sub(r"\1 \2", cls).lower()) if w]
    joined = {a + b for a, b in zip(words, words[1:])} | {a + b + c for a, b, c in zip(words, words[1:], words[2:])}
    return not UNSEEN_WORDS.isdisjoint(words) or not UNSEEN_WORDS.isdisjoint(joined)


def is_data_table(table: Any) -> bool:
    """A table of short cells (data), not a layout table wrapping paragraphs or whole pages."""
    for tag in ("p", "div", "table", "ul", "ol", "blockquote", "h1", "h2", "h3"):
        if table.find(f".//{tag}") is not None:
            return False
    rows = table.findall(".//tr")
    if not rows or len(rows) > 500:
        return False
    for td in table.iter("td", "th"):
        if len(text_of(td)) > 400:
            return False
    return True
