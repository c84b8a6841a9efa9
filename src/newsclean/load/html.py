"""HTML to blocks: parse with lxml (no network, no entity expansion), then walk the tree once and
cut its text into blocks at block-level elements, in document order.

Each block gets features the stages use: its element's tag, the tags and class/id words of its
ancestors ("hints"), how much of its text is inside links, and its position.
"""
from __future__ import annotations

import re
from functools import lru_cache
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
#: skipped elements that broken markup can turn into wrappers of the whole page (an unclosed
#: <div> inside a <button>): their subtree is walked after all when it holds real paragraphs
SOFT_SKIP_TAGS = frozenset({
    "button", "select", "option", "textarea", "svg", "math", "iframe", "object", "embed", "canvas",
    "audio", "video", "map", "dialog", "noscript", "template",
})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_WS = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"([a-z])([A-Z])")  # imageEmbedCaption -> image Embed Caption


def parse_html(text: str) -> Any:
    """Parse text into an lxml document. Returns None when there is nothing to parse."""
    if not text.strip():
        return None
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        recover=True, huge_tree=False, default_doctype=False,
    )
    text = _drop_early_end_tags(text)
    data = text.encode("utf-8", errors="replace")
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root


_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _drop_early_end_tags(text: str) -> str:
    """Some templates close </body></html> and then go on with the page; libxml2 drops
    everything after that, so remove the closing tags when real markup follows them."""
    first = _END_TAGS.search(text)
    if first is None or len(text) - first.end() < 200:
        return text
    end = first.end()
    if text.find("<p", end) < 0 and text.find("<div", end) < 0:
        return text
    return _END_TAGS.sub("", text)


def _hints(el: Any) -> tuple[str, ...]:
    """Lower-cased words of an element's class and id (e.g. 'article-body' → 'article', 'body')."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return ()
    return _split_hints(f"{cls or ''} {ident or ''}")


@lru_cache(maxsize=8192)
def _split_hints(raw: str) -> tuple[str, ...]:
    """Pure and cached: pages repeat the same class strings many times."""
    return tuple(w for w in _WORD_SPLIT.split(_CAMEL.sub(r"\1 \2", raw).lower()) if w)


def _is_hidden(el: Any) -> bool:
    """Hidden by attribute or inline style, unless it holds a page's worth of paragraphs (streamed
    pages ship their whole content in a hidden element that a script reveals)."""
    if el.get("hidden") is None:
        style = el.get("style")
        if not (style and _HIDDEN_STYLE.search(style)):
            return False
    if el.find(".//p") is None:
        return True
    try:
        return len(el.text_content()) < 1500
    except ValueError:
        return True


def _wraps_content(el: Any, tag: str) -> bool:
    """A skip-tag element that (through broken markup) wraps paragraphs of the page."""
    if tag not in SOFT_SKIP_TAGS or tag in ("noscript", "template"):
        return False
    if el.find(".//p") is None and el.find(".//div") is None:
        return False
    try:
        return len(el.text_content()) > 500
    except ValueError:
        return False


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
    # running unions, one entry per open element, so a block reads them in O(1)
    tag_sets: list[frozenset[str]] = [frozenset()]
    hint_runs: list[tuple[str, ...]] = [()]
    link_depth = 0

    def flush(frame: _Frame) -> None:
        if not frame.pieces:
            return
        pieces = frame.pieces
        frame.pieces = []
        raw = "".join([t for t, _ in pieces])
        if raw.isspace():
            return
        tags = tag_sets[-1]
        pre = "pre" in tags
        link_raw = "".join([t for t, in_link in pieces if in_link])
        if pre:
            segments = [raw.strip("\n")]
        else:
            # two or more <br> (or a blank line of <br>) separate paragraphs inside one element
            segments = re.split(r"\n\s*\n", raw) if "\n\n" in raw.replace(" ", "") or "\n \n" in raw else [raw]
        total_len = 0
        texts = []
        for seg in segments:
            t = seg if pre else _WS.sub(" ", seg).strip().strip("\u200b\ufeff\u00ad").strip()
            if t:
                texts.append(t)
                total_len += len(t)
        if not texts:
            return
        link_len = len(_WS.sub(" ", link_raw).strip())
        lead = 0  # length of the linked run the block starts with (a teaser's headline link)
        for t, in_link in pieces:
            if not in_link:
                if t.strip():
                    break
                continue
            lead += len(t.strip())
        hints = hint_runs[-1]
        kind, level = _kind_of(frame.tag, tags)
        for t in texts:
            blocks.append(Block(
                index=len(blocks), text=t, kind=kind, element=frame.el,
                features={
                    "tag": frame.tag, "level": level, "ancestors": tags, "hints": hints,
                    "own_hints": frame.hints, "depth": len(ancestor_tags),
                    "link_density": min(1.0, link_len / total_len) if total_len else 0.0,
                    "in_link": link_len > 0 and link_len >= total_len * 0.95,
                    "lead_link": lead,
                },
            ))

    walker = etree.iterwalk(root, events=("start", "end"))
    skipping = False  # after skip_subtree() the next event is the end of that same element
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if not isinstance(tag, str):
                tag = ""  # comments, processing instructions, entities
            if not tag or (tag in SKIP_TAGS and not _wraps_content(el, tag)):
                skipping = True
                walker.skip_subtree()
                continue
            get = el.get
            style = get("style")
            if (get("hidden") is not None or (style and ("none" in style or "hidden" in style))) \
                    and _is_hidden(el):
                skipping = True
                walker.skip_subtree()
                continue
            cls = get("class")
            ident = get("id")
            hints = _split_hints(f"{cls or ''} {ident or ''}") if cls or ident else ()
            is_block = tag in BLOCK_TAGS
            if is_block and stack and stack[-1].pieces:
                flush(stack[-1])  # text before this block belongs to the enclosing block
            ancestor_tags.append(tag)
            prev_tags = tag_sets[-1]
            tag_sets.append(prev_tags if tag in prev_tags else prev_tags | {tag})
            hint_runs.append(hint_runs[-1] + hints if hints else hint_runs[-1])
            if tag == "table" and _is_data_table(el):
                _emit_table(el, blocks, tag_sets[-1], hint_runs[-1])
                ancestor_tags.pop()
                tag_sets.pop()
                hint_runs.pop()
                skipping = True
                walker.skip_subtree()
                continue
            if is_block:
                stack.append(_Frame(el, tag, hints))
            elif tag == "br" and stack:
                stack[-1].pieces.append(("\n", link_depth > 0))
            elif tag == "a":
                link_depth += 1
            text = el.text
            if text and stack:
                stack[-1].pieces.append((text, link_depth > 0))
        else:  # end
            if skipping:
                skipping = False
                if stack:  # a removed element still separates the words around it
                    stack[-1].pieces.append((" ", link_depth > 0))
            else:
                tag = ancestor_tags.pop()
                if tag == "a":
                    link_depth = max(0, link_depth - 1)
                elif stack and stack[-1].el is el:
                    flush(stack.pop())
                tag_sets.pop()
                hint_runs.pop()
            tail = el.tail
            if tail and stack:
                # a block element's tail belongs to its parent block; inline tails to the current one
                stack[-1].pieces.append((tail, link_depth > 0))
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
                      "link_density": min(1.0, link_len / total), "in_link": link_len >= total * 0.95,
                      "lead_link": 0},
        ))
