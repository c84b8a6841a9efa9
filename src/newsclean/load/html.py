"""HTML to blocks: walk the parsed tree (``load/parse.py``) once and cut its text into blocks at
block-level elements, in document order.

Each block gets features the stages use: its element's tag, the tags and class/id words of its
ancestors ("hints"), how much of its text is inside links, and its position.
"""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsclean._core import compiled_walker
from newsclean.load.element_hints import hints as _hints
from newsclean.load.element_hints import is_data_table as _is_data_table
from newsclean.load.element_hints import is_hidden as _is_hidden
from newsclean.load.element_hints import unseen_class as _unseen_class
from newsclean.load.element_text import text_of
from newsclean.load.limits import COMPACT_PIECES, DEFAULT_MAX_BLOCKS
from newsclean.page import Block

#: elements whose content is never text for a reader
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "option", "textarea", "button", "input", "head", "title", "meta", "link", "base",
    "frame", "frameset", "audio", "video", "source", "track", "map", "area", "dialog",
})
#: elements that start a new block
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "body",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption",
    "address", "hr", "form", "fieldset", "legend", "details", "summary", "center", "menu",
    "hgroup", "html", "noframes", "picture", "object",
})
#: skipped elements that broken markup can turn into wrappers of the whole page (an unclosed
#: <div> inside a <button>): their subtree is walked after all when it holds real paragraphs
SOFT_SKIP_TAGS = frozenset({
    "button", "select", "option", "textarea", "svg", "math", "iframe", "object", "embed", "canvas",
    "audio", "video", "map", "dialog", "noscript", "template",
})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_WS = re.compile(r"\s+")
#: blocks of running text, where an unseen inline insert would glue words into a sentence
_TEXT_FRAMES = frozenset({"p", "li", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})


def _wraps_content(el: Any, tag: str) -> bool:
    """A skip-tag element that (through broken markup) wraps paragraphs of the page."""
    if tag not in SOFT_SKIP_TAGS or tag in ("noscript", "template"):
        return False
    if next(el.iter("p", "div"), None) is None:
        return False
    return len(text_of(el)) > 500


class _Frame:
    __slots__ = ("el", "tag", "pieces", "links", "lead_at")

    def __init__(self, el: Any, tag: str) -> None:
        self.el = el
        self.tag = tag
        self.pieces: list[str] = []   # text pieces in order
        self.links: list[str] = []    # the pieces that are inside links
        self.lead_at = -1             # len(links) when the first unlinked words came (-1: not yet)


# what the walker does with each tag: one dict lookup per element
_INLINE, _BLOCK, _SKIP, _BR, _A, _TABLE = range(6)
_ACTION: dict[Any, int] = {t: _BLOCK for t in BLOCK_TAGS}
_ACTION.update({t: _SKIP for t in SKIP_TAGS})
_ACTION.update({"br": _BR, "a": _A, "table": _TABLE, etree.Comment: _SKIP,
                etree.ProcessingInstruction: _SKIP, etree.Entity: _SKIP})


class _Walk:
    """Per-page state of the walk: the open elements and a memo of their tag sets and hints,
    computed only for elements that hold blocks."""

    __slots__ = ("blocks", "open", "memo", "unions", "over_budget")

    def __init__(self) -> None:
        self.over_budget = False  # past max_blocks: block elements no longer start blocks
        self.blocks: list[Block] = []
        self.open: list[Any] = []
        # open element -> (tags of it and its ancestors, their class/id words, its own words);
        # entries go when their element closes
        self.memo: dict[Any, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]] = {}
        # (tag set, tag) -> the tag set with that tag: sibling blocks share one frozenset
        self.unions: dict[tuple[frozenset[str], str], frozenset[str]] = {}

    def context(self) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
        """Tags and class/id words of all open elements, and the innermost one's own words."""
        opened, memo = self.open, self.memo
        hit = memo.get(opened[-1])
        if hit is not None:
            return hit
        i = len(opened) - 1
        while i >= 0 and opened[i] not in memo:
            i -= 1
        tags, hints, own = memo[opened[i]] if i >= 0 else (frozenset(), (), ())
        for el in opened[i + 1:]:
            tag = el.tag
            if tag not in tags:
                key = (tags, tag)
                union = self.unions.get(key)
                if union is None:
                    union = self.unions[key] = tags | {tag}
                tags = union
            own = _hints(el)
            if own:
                hints = hints + own
            memo[el] = (tags, hints, own)
        return tags, hints, own

    def flush(self, frame: _Frame) -> None:
        pieces = frame.pieces
        if not pieces:
            return
        links = frame.links
        lead_at = frame.lead_at
        raw = "".join(pieces)
        pieces.clear()  # (in place: the walker holds these lists)
        frame.lead_at = -1
        if raw.isspace():
            links.clear()
            return
        link_raw = "".join(links) if links else ""
        lead = 0  # length of the linked run the block starts with (a teaser's headline link)
        if links and lead_at != 0:
            lead = sum(len(t.strip()) for t in (links if lead_at < 0 else links[:lead_at]))
        links.clear()
        tags, hints, own = self.context()
        if self.open[-1] is not frame.el:
            own = _hints(frame.el)
        pre = "pre" in tags
        if pre:
            segments = [raw.strip("\n")]
        elif self.over_budget:
            segments = [raw]
        elif "\n" in raw and ("\n\n" in raw.replace(" ", "") or "\n \n" in raw):
            # two or more <br> (or a blank line of <br>) separate paragraphs inside one element
            segments = _PARA_BREAK.split(raw)
        else:
            segments = [raw]
        total_len = 0
        texts = []
        for seg in segments:
            t = seg if pre else _squash(seg).strip(_INVISIBLE).strip()
            if t:
                texts.append(t)
                total_len += len(t)
        if not texts:
            return
        link_len = len(_squash(link_raw)) if link_raw else 0
        kind, level = _kind_of(frame.tag, tags)
        blocks = self.blocks
        features = {
            "tag": frame.tag, "level": level, "ancestors": tags, "hints": hints,
            "own_hints": own, "depth": len(self.open),
            "link_density": min(1.0, link_len / total_len) if total_len else 0.0,
            "in_link": link_len > 0 and link_len >= total_len * 0.95,
            "lead_link": lead,
        }
        if len(texts) == 1:
            blocks.append(Block(len(blocks), texts[0], kind, features, frame.el))
        else:
            for t in texts:
                blocks.append(Block(len(blocks), t, kind, dict(features), frame.el))


def _squash(text: str) -> str:
    """Runs of whitespace as one space, no space at the ends, like " ".join(text.split()). (On a
    paragraph of millions of words that would hold one string object per word at once -- a
    regular expression's sub() does too -- so long texts are done a megabyte at a time, cut at
    whitespace so that no word is split.)"""
    n = len(text)
    if n < 1_000_000:
        return " ".join(text.split())
    parts, i = [], 0
    while i < n:
        j = i + 1_000_000
        if j < n:
            m = _WS.search(text, j)
            j = m.start() if m else n
        words = text[i:j].split()
        if words:
            parts.append(" ".join(words))
        i = j
    return " ".join(parts)


_SILENT = "silent"
_PARA_BREAK = re.compile(r"\n\s*\n")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def html_blocks_pure(root: Any, max_blocks: int = DEFAULT_MAX_BLOCKS) -> list[Block]:
    """Walk the document once and return its text blocks in order.

    After ``max_blocks`` blocks, block elements no longer start blocks of their own: the rest of
    the page's text joins the blocks that enclose it (no word is lost; memory stays bounded).
    (The compiled walker, ``newsclean/_core/_walk.pyx``, does the same in the same steps.)"""
    if root is None:
        return []
    w = _Walk()
    opened = w.open
    flush = w.flush
    frames: list[_Frame] = []
    frame: _Frame | None = None       # the innermost open block element
    pieces: list[str] = []            # its pieces (a throwaway list while there is none)
    links: list[str] = []
    link_depth = 0
    action = _ACTION.get
    walker = etree.iterwalk(root, events=("start", "end"))
    skipping: bool | str = False  # after skip_subtree() the next event is the end of that element
    forget = w.memo.pop
    for event, el in walker:
        if event == "start":
            tag = el.tag
            act, skipping = _how_to_read(el, tag, action(tag, _INLINE), frame)
            if skipping:
                walker.skip_subtree()
                continue
            opened.append(el)
            if act == _TABLE:
                if len(w.blocks) < max_blocks and _is_data_table(el):
                    _start_data_table(w, el, frame)
                    skipping = True
                    walker.skip_subtree()
                    continue
                act = _BLOCK
            if act == _BLOCK and len(w.blocks) >= max_blocks and frame is not None:
                act = _INLINE
                w.over_budget = True
                pieces.append(" ")  # (the end of the element adds one as well)
                if len(pieces) > COMPACT_PIECES:
                    pieces[:] = ["".join(pieces)]
            if act == _BLOCK:
                if pieces:
                    flush(frame)  # type: ignore[arg-type]  # text before this block is the parent's
                frame = _Frame(el, tag)
                frames.append(frame)
                pieces, links = frame.pieces, frame.links
            elif act == _A:
                link_depth += 1
            elif act == _BR and frame is not None:
                pieces.append("\n")
                if link_depth:
                    links.append("\n")
            text = el.text
            if text and frame is not None:
                _add_text(frame, pieces, links, text, link_depth)
        else:  # end
            if skipping:
                if pieces and skipping is True:  # a removed element still separates the words around it
                    pieces.append(" ")
                    if link_depth:
                        links.append(" ")
                skipping = False
            elif frame is not None and frame.el is el:
                frame = _close_block(w, frames)
                pieces, links = (frame.pieces, frame.links) if frame is not None else ([], [])
            else:
                forget(opened.pop(), None)
                if link_depth and el.tag == "a":
                    link_depth -= 1
                elif w.over_budget and pieces:
                    pieces.append(" ")
            tail = el.tail
            if tail and frame is not None:
                # a block element's tail belongs to its parent block; inline tails to the current one
                _add_text(frame, pieces, links, tail, link_depth)
    while frames:
        frame = frames.pop()
        if frame.pieces:
            flush(frame)
    return w.blocks


def _how_to_read(el: Any, tag: Any, act: int, frame: _Frame | None) -> tuple[int, bool | str]:
    """What the walker does with an element that starts (its action) and whether it skips the element's
    subtree: True for an element whose content is not read (a script, a hidden box: a space stands for
    it), ``_SILENT`` for an unseen insert inside running text (its own spaces suffice), False to read it."""
    if act == _SKIP:
        if not isinstance(tag, str) or not _wraps_content(el, tag):
            return act, True
        act = _BLOCK if tag in BLOCK_TAGS else _INLINE
    get = el.get
    style = get("style")
    if (style and ("none" in style or "hidden" in style) or get("hidden") is not None) and _is_hidden(el):
        return act, True
    if act == _INLINE and frame is not None and frame.tag in _TEXT_FRAMES and _unseen_class(get("class") or ""):
        return act, _SILENT
    return act, False


def _start_data_table(w: _Walk, table: Any, frame: _Frame | None) -> None:
    """A data table (already open on the walk) becomes one block per row; the walk then skips it."""
    if frame is not None and frame.pieces:
        w.flush(frame)
    tags, hints, _ = w.context()
    _emit_table(table, w.blocks, tags, hints)
    w.memo.pop(w.open.pop(), None)


def _add_text(frame: _Frame, pieces: list[str], links: list[str], text: str, link_depth: int) -> None:
    """An element's text or tail, into the open block (whitespace only where it separates words)."""
    if pieces or frame.tag == "pre" or not text.isspace():
        pieces.append(text)
        if link_depth:
            links.append(text)
        elif frame.lead_at < 0 and not text.isspace():
            frame.lead_at = len(links)


def _close_block(w: _Walk, frames: list[_Frame]) -> _Frame | None:
    """The end of the innermost block element: its text becomes blocks; returns the block element that
    is open again (whose text goes on), or None."""
    frame = frames.pop()
    if frame.pieces:
        w.flush(frame)
    w.memo.pop(w.open.pop(), None)
    return frames[-1] if frames else None


def html_blocks(root: Any, max_blocks: int = DEFAULT_MAX_BLOCKS) -> list[Block]:
    """Walk the document once and return its text blocks in order (see ``html_blocks_pure``).

    The compiled core (newsclean._core) does it when it is built and loads; it gives exactly the
    pure walker's blocks and leaves the trees it does not read itself to the pure walker."""
    walk = compiled_walker()
    if walk is not None:
        blocks: list[Block] | None = walk(root, max_blocks)
        if blocks is not None:
            return blocks
    return html_blocks_pure(root, max_blocks)


def _kind_of(tag: str, ancestors: frozenset[str]) -> tuple[str, int | None]:
    if tag in HEADINGS:
        return "heading", HEADINGS[tag]
    if "pre" in ancestors:
        return "pre", None
    if "blockquote" in ancestors:
        return "quote", None
    if tag in ("figcaption", "caption") or "figcaption" in ancestors:
        return "caption", None
    if tag == "li" or tag in ("dt", "dd"):
        return "list_item", None
    return "paragraph", None


def _emit_table(table: Any, blocks: list[Block], tags: frozenset[str], hints: tuple[str, ...]) -> None:
    for tr in table.iter("tr"):
        cells = []
        link_len = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            txt = _WS.sub(" ", text_of(cell)).strip()
            cells.append(txt)
            link_len += sum(len(text_of(a).strip()) for a in cell.iter("a"))
        if not any(cells):
            continue
        text = "\t".join(cells)
        total = sum(len(c) for c in cells) or 1
        blocks.append(Block(
            index=len(blocks), text=text, kind="table", element=tr,
            features={"tag": "tr", "level": None, "ancestors": tags | {"table", "tr"}, "hints": hints,
                      "own_hints": _hints(tr), "depth": len(tags) + 1,
                      "link_density": min(1.0, link_len / total), "in_link": link_len >= total * 0.95,
                      "lead_link": 0},
        ))
