"""The front door: raw input to a Page of blocks, for either kind of captured page."""
from __future__ import annotations

from newsclean.errors import InputError
from newsclean.load.decode import DEFAULT_MAX_BYTES, read_input
from newsclean.load.html import html_blocks, parse_html
from newsclean.load.sniff import sniff_kind
from newsclean.load.text import text_blocks
from newsclean.page import Page


def load_page(page: object, *, url: str | None = None, kind: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """Read ``page`` (str, bytes or Path), decide its kind unless given, and cut it into blocks."""
    if kind not in (None, "html", "text"):
        raise InputError(f"kind must be 'html' or 'text', not {kind!r}")
    text = read_input(page, max_bytes=max_bytes)
    if "\x00" in text:
        text = text.replace("\x00", "")
    kind = kind or sniff_kind(text)
    if kind == "html":
        root = parse_html(text)
        doc = Page(kind="html", source=text, url=url, tree=root)
        doc.blocks = html_blocks(root)
    else:
        doc = Page(kind="text", source=text, url=url)
        blocks, lines, width = text_blocks(text)
        doc.blocks = blocks
        doc.lines = [ln.raw for ln in lines]
        doc.notes["wrap_width"] = width
    return doc
