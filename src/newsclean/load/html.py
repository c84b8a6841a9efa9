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

from newsclean._core import compiled_walker
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
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"([a-z])([A-Z])")  # imageEmbedCaption -> image Embed Caption


def parse_html(text: str, max_blocks: int = DEFAULT_MAX_BLOCKS) -> Any:
    """Parse text into an lxml document. Returns None when there is nothing to parse."""
    if not text.strip():
        return None
    text = _drop_early_end_tags(text)
    if len(text) > _BIG_PAGE:
        # every element costs libxml2 ~250 bytes: on big inputs, bare formatting tags (no
        # attributes, no effect on the text) go before parsing
        text = _BARE_INLINE.sub("", text)
        text = _thin_past_budget(text, max_blocks)
    if len(text) > _HUGE_TEXT:
        text = _split_long_text(text)
    data = text.encode("utf-8", errors="replace")
    # libxml2 stops reading an input at 10 MB unless told the input is huge; the HTML parser never
    # expands entities from a DTD, so lifting that limit for big pages lifts no entity protection
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        recover=True, huge_tree=len(data) > _HUGE_INPUT, default_doctype=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root


_BIG_PAGE = 1_000_000
_HUGE_INPUT = 9_000_000  # bytes
_HUGE_TEXT = 2_000_000  # characters: libxml2 refuses a text node over 10 MB (without huge_tree, which we
# keep off: it also lifts its other safety limits). A run is only tried where it starts (at the start
# of the page or after a "<"): tried at every position, a run just under the length would be read
# again from each of its characters -- quadratic (a 265 KB inline JSON state cost ~25 s)
_LONG_RUN = re.compile(rf"(?<![^<])[^<]{{{_HUGE_TEXT},}}")


def _split_long_text(text: str) -> str:
    """Cut runs of text longer than ``_HUGE_TEXT`` characters with ``<wbr>`` at a space, so that no
    text node reaches libxml2's limit (the page's text is unchanged)."""
    def cut(m: re.Match[str]) -> str:
        run, parts, i = m.group(0), [], 0
        while len(run) - i > _HUGE_TEXT:
            j = run.rfind(" ", i + 1, i + _HUGE_TEXT)
            j = j if j > i else i + _HUGE_TEXT  # one 2-million-character word: cut it anyway
            parts.append(run[i:j])
            i = j
        parts.append(run[i:])
        return "<wbr>".join(parts)
    return _LONG_RUN.sub(cut, text)
#: any tag but those whose content is not text (scripts, styles...): past the block budget the walker reads
#: everything as running text anyway, so these tags would only cost memory
_PLAIN_TAG = re.compile(r"<(?!/?(?:script|style|noscript|template|svg|math|iframe|object|textarea|select|"
                        r"option|title|head|plaintext|xmp)\b)/?[a-zA-Z][^<>]{0,2000}>", re.IGNORECASE)
_BLOCK_OPEN = re.compile(r"<(?:{})\b".format("|".join(sorted(BLOCK_TAGS - {"html", "body"}))), re.IGNORECASE)


_ANY_TAG = re.compile(r"<[a-zA-Z/]")
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(BLOCK_TAGS)) + r"|br)\b[^<>]{0,2000}>", re.IGNORECASE)


def _thin_past_budget(text: str, max_blocks: int) -> str:
    """A big page with more block elements than the block budget, or more than ten times as many
    tags of any kind: past the element that uses up the budget, its tags go (a space each) before
    parsing. A page of 500,000 tiny paragraphs or a million one-letter links would otherwise need
    ~250 bytes of parsed tree per few bytes of input; past the block budget the walker reads the
    page as running text anyway (see html_blocks), so the same words come out."""
    cut = len(text)
    n = 0
    for m in _BLOCK_OPEN.finditer(text):
        n += 1
        if n > max_blocks:
            cut = m.start()
            break
    tag_budget = 10 * max_blocks
    if text.count("<", 0, cut) > tag_budget:
        n = 0
        for m in _ANY_TAG.finditer(text, 0, cut):
            n += 1
            if n > tag_budget:
                cut = m.start()
                break
    if cut >= len(text):
        return text
    # block tags (and <br>) separate words; inline ones do not
    return text[:cut] + _PLAIN_TAG.sub("", _BLOCK_TAG.sub(" ", text[cut:]))


_BARE_INLINE = re.compile(r"</?(?:b|i|u|s|em|strong|span|font|small|big|mark|sub|sup)\s*>", re.IGNORECASE)
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
    if not raw.islower():  # (most class strings are lower-case already: no regex for them)
        raw = _CAMEL.sub(r"\1 \2", raw).lower()
    return tuple(w for w in _WORD_SPLIT.split(raw) if w)


def _is_hidden(el: Any) -> bool:
    """Hidden by attribute or inline style, unless it holds a page's worth of paragraphs (streamed
    pages ship their whole content in a hidden element that a script reveals)."""
    if el.get("hidden") is None:
        style = el.get("style")
        if not (style and _HIDDEN_STYLE.search(style)):
            return False
    return el.find(".//p") is None or len(text_of(el)) < 1500


_UNSEEN_WORDS = frozenset({"sronly", "srtext", "screenreader", "screenreadertext", "visuallyhidden",
                           "tooltip", "tooltiptext", "popover", "hovercard"})
#: blocks of running text, where an unseen inline insert would glue words into a sentence
_TEXT_FRAMES = frozenset({"p", "li", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})


@lru_cache(maxsize=4096)
def _unseen_class(cls: str) -> bool:
    """Inline text that readers never see in the flow: screen-reader-only labels, tooltips and
    hover cards (shown on hover, next to the word they explain)."""
    words = [w for w in _WORD_SPLIT.split(_CAMEL.sub(r"\1 \2", cls).lower()) if w]
    joined = {a + b for a, b in zip(words, words[1:])} | {a + b + c for a, b, c in zip(words, words[1:], words[2:])}
    return not _UNSEEN_WORDS.isdisjoint(words) or not _UNSEEN_WORDS.isdisjoint(joined)


def _wraps_content(el: Any, tag: str) -> bool:
    """A skip-tag element that (through broken markup) wraps paragraphs of the page."""
    if tag not in SOFT_SKIP_TAGS or tag in ("noscript", "template"):
        return False
    if next(el.iter("p", "div"), None) is None:
        return False
    return len(text_of(el)) > 500


def _is_data_table(table: Any) -> bool:
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
