"""The compiled core's start-tag count (newsclean/_core/_scan_pt10.pxi) and its pure-Python twin give the same
answers: on made-up sources, on every code point after a tag's name, in strings of each kind, at the scan's end.

The twin comparisons are skipped when the extension is not built (or NEWSCLEAN_PURE is set); the pure
function's own answers are checked in both cores."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.stages.page_type.counts import tag_counts_pure
from tests.core_helpers import unless_compiled

tag_counts = _core.compiled("tag_counts")
compiled_only = unless_compiled(tag_counts)

NAMES = ("figure", "img", "video", "code", "h2", "section", "form", "input", "button")
#: pieces of markup around the edges: names in each case, longer names, end tags, characters of each
#: string kind, the characters that go on a name and those that end it
PIECES = ["<", ">", "/", " ", "-", "_", ":", ".", "=", "\"", "\u017f", "\u212a", "é", "’", "\U0001F600", "\x00",
          "<img", "<IMG", "<Img", "<imgx", "<img-x", "<img_", "<img:x", "<img/", "<img>", "</img>", "<h2", "<H2",
          "<h23", "<section", "<SECTION", "<sections", "<fig", "<figure", "<figcaption", "<form", "<Form", "<input",
          "<button", "<<form", "<!--", "<code", "<video", "<buttonbuttonbuttonbutton"]


@compiled_only
@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(min_value=-5, max_value=400))
def test_tag_counts_twins(pieces: list[str], end: int) -> None:
    text = "".join(pieces)
    assert tag_counts(text, end, NAMES) == tag_counts_pure(text, end, NAMES)


@compiled_only
def test_tag_counts_every_character_after_a_name() -> None:
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = "<img" + chr(code) + "<H2" + chr(code)
        assert tag_counts(text, len(text), ("img", "h2")) == tag_counts_pure(text, len(text), ("img", "h2")), hex(code)


@compiled_only
def test_tag_counts_duplicates_empty_and_bad_names() -> None:
    assert tag_counts("<p><P>", 6, ("p", "p")) == tag_counts_pure("<p><P>", 6, ("p", "p")) == [2, 2]
    assert tag_counts("<p>", 3, ()) == tag_counts_pure("<p>", 3, ()) == []
    for bad in (("",), ("Img",), ("h-2",), ("é",)):
        with pytest.raises(ValueError):
            tag_counts("<p>", 3, bad)
        with pytest.raises(ValueError):
            tag_counts_pure("<p>", 3, bad)


def test_tag_counts_pure_reads_start_tags_case_blind() -> None:
    source = "<SECTION class=hero><Form><input/><button>Go</button></Form><figcaption><figure><h23><h2>"
    assert tag_counts_pure(source, len(source), ("section", "form", "input", "button", "figure", "h2")) == \
        [1, 1, 1, 1, 1, 1]
    assert tag_counts_pure(source, 8, ("section",)) == [1]  # "<SECTION" ends the scanned text: a whole name
    assert tag_counts_pure(source, 7, ("section",)) == [0]
