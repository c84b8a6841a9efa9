"""Parse HTML with lxml (no network, no entity expansion), after the repairs libxml2 needs: closing
tags written before the end of the page, text runs over libxml2's node limit, and, on big pages, the
tags past the block budget (they would cost memory for text the walker reads as running text anyway).
"""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsclean._core import compiled
from newsclean.load.html import BLOCK_TAGS
from newsclean.load.limits import DEFAULT_MAX_BLOCKS


def parse_html(text: str, max_blocks: int = DEFAULT_MAX_BLOCKS, utf8: bytes | None = None) -> Any:
    """Parse text into an lxml document. Returns None when there is nothing to parse. ``utf8``:
    the text's UTF-8 bytes when the caller has them (used when no repair changes the text)."""
    if not text or text.isspace():  # (as ``not text.strip()``, without copying the page)
        return None
    given = text
    text = _drop_early_end_tags(text)
    if len(text) > _BIG_PAGE:
        # every element costs libxml2 ~250 bytes: on big inputs, bare formatting tags (no
        # attributes, no effect on the text) go before parsing
        text = _BARE_INLINE.sub("", text)
        text = _thin_past_budget(text, max_blocks)
    if len(text) > _HUGE_TEXT:
        text = _split_long_text(text)
    data = utf8 if utf8 is not None and text is given else text.encode("utf-8", errors="replace")
    # libxml2 stops reading an input at 10 MB unless told the input is huge; the HTML parser never
    # expands entities from a DTD, so lifting that limit for big pages lifts no entity protection.
    # collect_ids=False: no table of id attributes (nothing looks elements up by id; the tree is the same)
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        recover=True, huge_tree=len(data) > _HUGE_INPUT, default_doctype=False, collect_ids=False,
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


def end_tag_span_pure(text: str) -> tuple[int, int] | None:
    """(start, end) of the first ``</body>`` or ``</html>`` in ``text``, or None (the compiled core's
    ``end_tag_span`` is its twin)."""
    m = _END_TAGS.search(text)
    return m.span() if m else None


def _drop_early_end_tags(text: str) -> str:
    """Some templates close </body></html> and then go on with the page; libxml2 drops
    everything after that, so remove the closing tags when real markup follows them."""
    first = (compiled("end_tag_span") or end_tag_span_pure)(text)
    if first is None or len(text) - first[1] < 200:
        return text
    end = first[1]
    if text.find("<p", end) < 0 and text.find("<div", end) < 0:
        return text
    return _END_TAGS.sub("", text)
