"""The front door: raw input to a Page of blocks, for either kind of captured page."""
from __future__ import annotations

import re

from newsclean._core import compiled
from newsclean.errors import InputError
from newsclean.load.decode import DEFAULT_MAX_BYTES, read_input_utf8
from newsclean.load.html import html_blocks
from newsclean.load.limits import DEFAULT_MAX_BLOCKS
from newsclean.load.noscript import noscript_content
from newsclean.load.parse import parse_html
from newsclean.load.sniff import sniff_kind
from newsclean.load.streamed import place_segments
from newsclean.load.text import text_blocks
from newsclean.load.trees import is_tree, tree_markup
from newsclean.page import Block, Page

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def has_controls_pure(text: str) -> bool:
    """Whether ``text`` holds a character ``clean_controls`` removes (the compiled core's
    ``has_controls`` is its twin)."""
    return _CONTROLS.search(text) is not None


#: a soft hyphen (``&shy;``) marks where a browser may break a word at a line end; it is invisible otherwise,
#: and left in the text it cuts words in two ("Mit\xadtel\xadal\xadter" is "Mittelalter" on screen)
SOFT_HYPHEN = "\u00ad"


def drop_soft_hyphens(blocks: list[Block]) -> None:
    """Remove the soft hyphens inside the blocks' text (the walk strips them only at a block's ends)."""
    for b in blocks:
        if SOFT_HYPHEN in b.text:
            b.text = b.text.replace(SOFT_HYPHEN, "")


def clean_controls(text: str) -> str:
    """Remove what is not text: NUL and other C0 control characters, terminal colour codes; a form
    feed (a page break in some text dumps) becomes a line break. Tabs and line breaks stay."""
    if "\x1b" in text:
        text = _ANSI.sub("", text).replace("\x1b", "")
    if "\x0c" in text:
        text = text.replace("\x0c", "\n")
    # (a capture's whole text: most hold no control character, which one scan in C tells)
    return _CONTROLS.sub("", text) if (compiled("has_controls") or has_controls_pure)(text) else text


def _holds(text: str, utf8: bytes | None, char: str) -> bool:
    """Whether ``text`` holds the ASCII character ``char``, read from ``utf8`` (the text's UTF-8, or
    None) when there is one: the same answer (an ASCII byte in UTF-8 is only ever that character),
    where a 2-byte string would be searched code unit by code unit for a NUL or an escape."""
    if utf8 is not None:
        return char.encode("ascii") in utf8
    return char in text


def load_page(page: object, *, url: str | None = None, kind: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, max_blocks: int = DEFAULT_MAX_BLOCKS,
              text_columns: bool = True) -> Page:
    """Read ``page`` (str, bytes, Path, or a parsed bs4 / lxml tree), decide its kind unless given,
    and cut it into blocks (at most ``max_blocks`` of them: the rest of a bigger page is read as
    running text). A parsed tree is HTML: it is read as its markup (see load/trees.py). ``text_columns``:
    a text capture's columns printed side by side are read one after the other (``load/text_columns.py``)."""
    if kind not in (None, "html", "text"):
        raise InputError(f"kind must be 'html' or 'text', not {kind!r}")
    if is_tree(page):
        if kind == "text":
            raise InputError("a parsed tree is HTML: kind='text' does not apply to it")
        page, kind = tree_markup(page), "html"
    text, utf8 = read_input_utf8(page, max_bytes=max_bytes)
    if _holds(text, utf8, "\x00"):
        text, utf8 = text.replace("\x00", ""), None
    kind = kind or sniff_kind(text)
    if kind == "html":
        root = parse_html(text, max_blocks, utf8)
        doc = Page(kind="html", source=text, url=url, tree=root)
        moved = place_segments(root, text)
        if moved:
            doc.note("load", f"{moved} streamed segments put where the page's script would put them")
        doc.blocks = html_blocks(root, max_blocks)
        if noscript_content(root, doc.blocks):
            doc.blocks = html_blocks(root, max_blocks)
            doc.note("load", "almost no text outside <noscript>: its content read as the page")
        # control characters and soft hyphens: checked once over the blocks' text, far smaller than the page
        joined = "".join(b.text for b in doc.blocks)
        if SOFT_HYPHEN in joined:
            drop_soft_hyphens(doc.blocks)
        has_controls = compiled("has_controls") or has_controls_pure
        if has_controls(joined) or _holds(text, utf8, "\x1b"):
            for b in doc.blocks:
                b.text = clean_controls(b.text).strip()
            doc.blocks = [b for b in doc.blocks if b.text]
            for i, b in enumerate(doc.blocks):
                b.index = i
    else:
        text = clean_controls(text)
        doc = Page(kind="text", source=text, url=url)
        read = text_blocks(text, max_blocks, columns=text_columns)
        doc.blocks = read.blocks
        doc.lines = [ln.raw for ln in read.lines]
        doc.notes["wrap_width"] = read.width
        if read.columns:
            spans = ", ".join(f"{a + 1}-{b + 1}" for a, b in read.columns)
            doc.note("load", f"columns printed side by side read one after the other (lines {spans})")
    if len(doc.blocks) >= max_blocks:
        doc.note("load", f"over {max_blocks} blocks: the rest of the page was read as running text "
                         "of the blocks that hold it")
    return doc
