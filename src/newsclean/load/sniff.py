"""Tell an HTML page from a plain-text capture of a rendered page."""
from __future__ import annotations

import re

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|script|div|p|table)\b",
    re.IGNORECASE | re.DOTALL)
_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|br|table|tr|td|li|ul|meta|script|style|img|h[1-6])\b[^<>]{0,500}>",
    re.IGNORECASE)


def sniff_kind(text: str) -> str:
    """Return ``"html"`` or ``"text"``. Markup at the start, or tags dense enough in the first
    64 KB to be a document rather than prose that mentions a tag, make it HTML."""
    head = text[:65536]
    if _HTML_START.match(head[:2048]):
        return "html"
    tags = len(_TAG.findall(head))
    if tags >= 5 and tags * 200 >= len(head.strip()):
        return "html"
    return "text"
