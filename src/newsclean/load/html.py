"""HTML to blocks: parse with lxml (no network, no entity expansion), then walk the tree once and
cut its text into blocks at block-level elements, in document order.

Each block gets features the stages use: its element's tag, the tags and class/id words of its
ancestors ("hints"), how much of its text is inside links, and its position.
"""
from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

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
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_WS = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")


def parse_html(text: str) -> Any:
    """Parse text into an lxml document. Returns None when there is nothing to parse."""
    if not text.strip():
        return None
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        recover=True, huge_tree=False, default_doctype=False,
    )
    data = text.encode("utf-8", errors="replace")
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root


def _hints(el: Any) -> tuple[str, ...]:
    """Lower-cased words of an element's class and id (e.g. 'article-body' → 'article', 'body')."""
    cls = el.get("class") or ""
    ident = el.get("id") or ""
    if not cls and not ident:
        return ()
    raw = f"{cls} {ident}".lower()
    return tuple(w for w in _WORD_SPLIT.split(raw) if w)


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_data_table(table: Any) -> bool:
    """A table of short cells (data), not a layout table wrapping paragraphs or whole pages."""
    for tag in ("p", "div", "table", "ul", "ol", "blockquote", "h1", "h2", "h3"):
        if table.find(f".//{tag}") is not None:
            return False
    rows = table.findall(".//tr")
    if not rows or len(rows) > 500:
        return False
    for td in table.iter("td", "th"):
        if len(td.text_content()) > 400:
            return False
    return True


class _Frame:
    __slots__ = ("el", "tag", "hints", "link", "pieces")

    def __init__(self, el: Any, tag: str, hints: tuple[str, ...]) -> None:
        self.el = el
        self.tag = tag
        self.hints = hints
        self.pieces: list[tuple[str, bool]] = []


def html_blocks(root: Any) -> list[Block]:
    """Walk the document once and return its text blocks in order."""
    if root is None:
        return []
    blocks: list[Block] = []
    stack: list[_Frame] = []          # open block-level elements
    ancestor_tags: list[str] = []     # tags of all open elements (block and inline)
    ancestor_hints: list[tuple[str, ...]] = []
    link_depth = 0

    def flush(frame: _Frame) -> None:
        if not frame.pieces:
            return
        pieces = frame.pieces
        frame.pieces = []
        pre = "pre" in ancestor_tags
        raw = "".join(t for t, _ in pieces)
        link_raw = "".join(t for t, in_link in pieces if in_link)
        if pre:
            segments = [raw.strip("\n")]
        else:
            # two or more <br> (or a blank line of <br>) separate paragraphs inside one element
            segments = re.split(r"\n\s*\n", raw) if "\n\n" in raw.replace(" ", "") or "\n \n" in raw else [raw]
        total_len = 0
        texts = []
        for seg in segments:
            t = seg if pre else _WS.sub(" ", seg).strip()
            if t:
                texts.append(t)
                total_len += len(t)
        if not texts:
            return
        link_len = len(_WS.sub(" ", link_raw).strip())
        tags = frozenset(ancestor_tags)
        hints = tuple(h for hs in ancestor_hints for h in hs)
        kind, level = _kind_of(frame.tag, tags)
        for t in texts:
            blocks.append(Block(
                index=len(blocks), text=t, kind=kind, element=frame.el,
                features={
                    "tag": frame.tag, "level": level, "ancestors": tags, "hints": hints,
                    "own_hints": frame.hints, "depth": len(ancestor_tags),
                    "link_density": min(1.0, link_len / total_len) if total_len else 0.0,
                    "in_link": link_len > 0 and link_len >= total_len * 0.95,
                },
            ))

    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: set[int] = set()
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower() if tag else ""
        if event == "start":
            if not tag or tag in SKIP_TAGS or _is_hidden(el):
                skipped.add(id(el))
                walker.skip_subtree()
                continue
            hints = _hints(el)
            if stack and (tag in BLOCK_TAGS):
                flush(stack[-1])  # text before this block belongs to the enclosing block
            ancestor_tags.append(tag)
            ancestor_hints.append(hints)
            if tag == "table" and _is_data_table(el):
                _emit_table(el, blocks, frozenset(ancestor_tags), tuple(h for hs in ancestor_hints for h in hs))
                skipped.add(id(el))
                ancestor_tags.pop()
                ancestor_hints.pop()
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                stack.append(_Frame(el, tag, hints))
            elif tag == "br" and stack:
                stack[-1].pieces.append(("\n", link_depth > 0))
            elif tag == "img" and stack:
                pass
            if tag == "a":
                link_depth += 1
            if el.text and stack:
                stack[-1].pieces.append((el.text, link_depth > 0))
        else:  # end
            if id(el) in skipped:
                skipped.discard(id(el))
            else:
                if tag == "a":
                    link_depth = max(0, link_depth - 1)
                if tag in BLOCK_TAGS and stack and stack[-1].el is el:
                    flush(stack.pop())
                ancestor_tags.pop()
                ancestor_hints.pop()
            if el.tail and stack:
                # a block element's tail belongs to its parent block; inline tails to the current one
                stack[-1].pieces.append((el.tail, link_depth > 0))
    while stack:
        flush(stack.pop())
    return blocks


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
            txt = _WS.sub(" ", cell.text_content()).strip()
            cells.append(txt)
            link_len += sum(len(a.text_content().strip()) for a in cell.iter("a"))
        if not any(cells):
            continue
        text = "\t".join(cells)
        total = sum(len(c) for c in cells) or 1
        blocks.append(Block(
            index=len(blocks), text=text, kind="table", element=tr,
            features={"tag": "tr", "level": None, "ancestors": tags | {"table", "tr"}, "hints": hints,
                      "own_hints": _hints(tr), "depth": len(tags) + 1,
                      "link_density": min(1.0, link_len / total), "in_link": link_len >= total * 0.95},
        ))
