"""The loader hands the parser the page's own bytes when they are exactly the UTF-8 of its text (no
second encoding), and the text's encoding otherwise: the same tree either way."""
from __future__ import annotations

import codecs

from lxml import etree

from newsclean.load.decode import read_input, read_input_utf8
from newsclean.load.page import load_page
from newsclean.load.parse import parse_html

PAGE = "<html><body><p>Caf\u00e9 \u4f60\u597d \U0001F600 and more words.</p></body></html>"


def test_utf8_bytes_only_for_a_strict_utf8_reading() -> None:
    data = PAGE.encode("utf-8")
    assert read_input_utf8(data) == (PAGE, data)
    assert read_input_utf8(codecs.BOM_UTF8 + data) == (PAGE, None)  # the text is not all the bytes
    assert read_input_utf8(PAGE) == (PAGE, None)
    assert read_input_utf8(PAGE.encode("cp1252", errors="replace"))[1] is None
    lenient = b'<meta charset="utf-8"><p>bad \xff byte</p>'
    text, raw = read_input_utf8(lenient)
    assert "\ufffd" in text and raw is None
    assert read_input(data) == PAGE


def test_the_same_tree_from_the_bytes_and_from_the_text() -> None:
    data = PAGE.encode("utf-8")
    assert etree.tostring(parse_html(PAGE, utf8=data)) == etree.tostring(parse_html(PAGE))
    assert [b.text for b in load_page(data).blocks] == [b.text for b in load_page(PAGE).blocks]
    with_nul = PAGE.replace("and", "a\x00nd").encode("utf-8")
    assert [b.text for b in load_page(with_nul).blocks] == [b.text for b in load_page(PAGE).blocks]


def test_a_repaired_text_is_encoded_again() -> None:
    early = "<html><body><p>one</p></body></html>" + "<div><p>" + "late words " * 40 + "</p></div>"
    stale = b"<html><body><p>not the page</p></body></html>"  # (bytes that do not match: never read)
    tree = parse_html(early, utf8=stale)
    assert "late words" in etree.tostring(tree, encoding="unicode")


def test_nul_and_escape_found_in_the_bytes_as_in_the_text() -> None:
    """The loader looks for NUL and ESC in the UTF-8 bytes when it has them (a 2-byte string is slow to
    search for them): the page reads the same from its bytes as from its text."""
    for extra in ("\x00", "\x1b[31m", "\x00\x1b", ""):
        page = PAGE.replace("and more", f"and{extra} more")
        from_bytes, from_text = load_page(page.encode("utf-8")), load_page(page)
        assert [b.text for b in from_bytes.blocks] == [b.text for b in from_text.blocks]
        assert "\x00" not in from_bytes.source and "\x1b" not in from_bytes.blocks[0].text
