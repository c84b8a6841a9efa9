"""The text of an lxml element: the one helper for "all the text below this element"."""
from __future__ import annotations

from typing import Any

from lxml import etree

from newsclean.strings import squeeze as squeeze_space


def text_of(el: Any, *, separator: str = "", squeeze: bool = False) -> str:
    """All text below ``el`` -- its own and its descendants', not its tail -- like lxml.html's
    ``text_content()``, for lxml.html and plain lxml.etree trees alike; ``""`` for what has none.

    ``separator`` goes between the text pieces of different nodes (``" "`` keeps
    ``<span>Jane</span><span>Doe</span>`` two words); ``squeeze`` turns each run of white space
    into one space and strips the ends."""
    try:
        if separator:
            text = separator.join(el.itertext())
        else:
            text = etree.tostring(el, method="text", encoding=str, with_tail=False)
    except (AttributeError, TypeError, ValueError):
        return ""
    return squeeze_space(text) if squeeze else text
