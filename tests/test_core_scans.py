"""The compiled core's scans (newsclean/_core/_scan.pxi) and their pure-Python twins give identical
results, on made-up inputs (benchmarks/cores.py checks whole extractions on every bench page).

Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newsclean import _core
from newsclean.load import binary
from newsclean.load.page import has_controls_pure
from newsclean.load.parse import _END_TAGS, end_tag_span_pure, parse_html
from newsclean.meta import microdata
from newsclean.stages.boilerplate.signals import class_words_pure
from tests.core_helpers import unless_compiled

junk_count = _core.compiled("junk_count")
control_byte_count = _core.compiled("control_byte_count")
end_tag_span = _core.compiled("end_tag_span")
has_controls = _core.compiled("has_controls")
class_words = _core.compiled("class_words")
author_candidates = _core.compiled("author_candidates")
pytestmark = unless_compiled(junk_count)

#: characters around the edges of what the scans look for
EDGES = "\x00\x08\x09\x0a\x0b\x0c\x0d\x0e\x1a\x1b\x1c\x1f\x20\x7e\x7f\x80\x85\xa0\xff\u2028\u3000\ufffd\ufffe\U0001F600"
TAGS = ["</body>", "</BODY >", "</Html\t\n>", "</html", "</htm>", "< /body>", "</bodyx>", "</ body>", "</b0dy>",
        "</html\u3000>", "</html\u200b>", "<//body>", "</body\x1c>", "<p>", "<", "/", ">"]


@given(st.text(alphabet=st.sampled_from(EDGES + "ab<>/")))
def test_junk_count_twins(text: str) -> None:
    assert junk_count(text) == binary.junk_count_pure(text)


def test_junk_count_every_character() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert junk_count(every) == binary.junk_count_pure(every) == 28  # 27 C0 and DEL, U+FFFD
    for c in range(0x10000):
        ch = chr(c)
        assert junk_count(ch) == binary.junk_count_pure(ch), hex(c)


def test_has_controls_every_character() -> None:
    for c in range(0x10000):
        for text in (chr(c), "ab" + chr(c), chr(c) + "\u0100"):
            assert has_controls(text) == has_controls_pure(text), hex(c)
    assert has_controls("") is has_controls_pure("") is False


@given(st.text(alphabet=st.sampled_from(EDGES + "ab")))
def test_has_controls_twins(text: str) -> None:
    assert has_controls(text) == has_controls_pure(text)


def test_control_byte_count_every_byte() -> None:
    every = bytes(range(256))
    assert control_byte_count(every) == binary.control_byte_count_pure(every) == 27
    for c in range(256):
        assert control_byte_count(bytes([c]) * 3) == binary.control_byte_count_pure(bytes([c]) * 3), c


@given(st.lists(st.sampled_from(TAGS + ["x", "é", "\u0100", "\U0001F600", " "]), max_size=12))
@settings(max_examples=400)
def test_end_tag_span_twins(parts: list[str]) -> None:
    text = "".join(parts)
    assert end_tag_span(text) == end_tag_span_pure(text)


def test_end_tag_span_cases() -> None:
    for text in ["", "</body>", "x" * 300 + "</BoDy  >" + "<p>" * 100, "</html>", "</htmlx></html >",
                 "\U0001F600</body>", "é</HTML>", "</body", "</bod>", "<</body>>", "</body \u2003>"]:
        assert end_tag_span(text) == end_tag_span_pure(text) == (_END_TAGS.search(text).span()
                                                                  if _END_TAGS.search(text) else None), text


def test_author_class_words_agree() -> None:
    from newsclean._core import _walk  # type: ignore[attr-defined]

    assert _walk.AUTHOR_CLASS_WORDS == microdata.AUTHOR_CLASS_WORDS


AUTHOR_PAGES = [
    '<html><body><div class="post-author">A</div><span id="authorbox">B</span><p itemprop="author">C</p>'
    '<a rel="author" href="/x">D</a><i itemprop="creator">E</i><b itemprop="Author">no</b>'
    '<div class="Byline x"><span class="writerName">F</span></div><p class="autorin">G</p>'
    '<p class="verfasserin">H</p><p class="auth-or">no</p><p id="Author">no</p><p rel="Author">no</p></body></html>',
    '<html><body><p class="ÄrgerAuthor">x</p><p class="autör">no</p><div class="">no</div>'
    '<p id="">no</p></body></html>',
    '<html><body><p>no markup at all</p></body></html>',
    '<html><head><meta name="author" itemprop="author" content="M"></head><body>'
    + '<div class="a">' * 50 + '<span class="byline">deep</span>' + '</div>' * 50 + '</body></html>',
    '<html><body><p class="a&amp;author">entity in a value</p><p class="by&#108;ine">ref</p></body></html>',
]


@pytest.mark.parametrize("html", AUTHOR_PAGES)
def test_author_candidates_twins(html: str) -> None:
    root = parse_html(html)
    compiled = author_candidates(root)
    assert compiled is not None
    assert compiled == microdata.author_candidates_pure(root)
    inner = root.find(".//body")  # any element of the tree: the scan starts at the document's root
    assert author_candidates(inner) == microdata.author_candidates_pure(inner)


def test_author_candidates_leaves_exotic_trees_to_the_pure_twin() -> None:
    root = etree.fromstring('<html><body><!-- a comment --><p class="author">x</p></body></html>')
    assert author_candidates(root) is None
    assert microdata._author_candidates(root) == microdata.author_candidates_pure(root) == [root[0][1]]
    assert author_candidates(etree.ElementTree(root)) is None
    assert author_candidates("<p>") is None


CLASS_CHARS = "aZz09-_ .AbCdÄäİıKkßſﬁ\u212a\u0130\u0307\u00dfé:/\u4e2d\U0001F600"


@given(st.text(alphabet=st.sampled_from(CLASS_CHARS), max_size=30))
@settings(max_examples=500)
def test_class_words_twins(raw: str) -> None:
    assert class_words(raw) == class_words_pure(raw)


def test_class_words_cases() -> None:
    for raw in ["", "article-body", "InlineImage-imageEmbedCaption mainBody", "a_b--C9x", "aBC dEF", "ABCdef",
                "post\u212aelvin", "\u0130tem-l\u0130st", "Ärger straße", "x1Y2z3", "   ", "sr-only", "a" * 500]:
        assert class_words(raw) == class_words_pure(raw), raw
    for c in range(0x3000):
        for raw in (chr(c), "a" + chr(c) + "b", "aB" + chr(c) + "Cd"):
            assert class_words(raw) == class_words_pure(raw), hex(c)


def test_force_pure_switches_the_scans_too() -> None:
    try:
        _core.force_pure(True)
        assert _core.compiled("junk_count") is None and _core.compiled("class_words") is None
        assert binary.junk_share("a\x00") == 0.5  # (the pure twin answers)
    finally:
        _core.force_pure(False)
    assert _core.compiled("junk_count") is junk_count
    assert _core.compiled("no_such_scan") is None




