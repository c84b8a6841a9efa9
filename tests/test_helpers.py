"""The shared helpers: host names of URLs, the text of an element, white space and sentence ends,
a charset given from outside."""
from __future__ import annotations

import lxml.html
import pytest
from lxml import etree

from newsclean.load.decode import charset_codec, decode_as_declared
from newsclean.load.element_text import text_of
from newsclean.strings import ends_like_prose, ends_sentence, squeeze
from newsclean.urls import host_of, site_of


@pytest.mark.parametrize("url, host", [
    ("https://WWW.Example.org:8080/a?b#c", "www.example.org"),
    ("example.org/news/a.html", "example.org"),        # a bare host, as site rules are written
    ("https://user@example.org./a", "example.org"),
    ("", None), (None, None), ("http://[::1/a", None),
])
def test_host_of_names_the_host_a_rule_is_for(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize("url, site", [
    ("https://www.Example.org/a", "example.org"),
    ("//cdn.example.org/x.js", "cdn.example.org"),
    ("news/a.html", ""),                                # a relative link has no host
    ("example.org/a", ""), ("mailto:a@example.org", ""), ("", ""), (None, ""),
])
def test_site_of_names_the_site_a_link_points_to(url, site):
    assert site_of(url) == site


def test_text_of_an_element():
    el = lxml.html.fromstring("<div> Jane <b>Doe</b><span>Roe</span>\n<i>x</i></div>")
    el.tail = "tail"
    assert text_of(el) == " Jane DoeRoe\nx"
    assert text_of(el, squeeze=True) == "Jane DoeRoe x"
    assert text_of(el, separator=" ", squeeze=True) == "Jane Doe Roe x"
    assert text_of(etree.HTML("<p>a</p>").find(".//p")) == "a"
    assert text_of(None) == ""


def test_squeeze_and_sentence_ends():
    assert squeeze(" a\u00a0\tb\n\nc ") == "a b c"
    assert ends_sentence("He left.”") and ends_sentence("Really?) ") and ends_sentence("終わり。")
    assert not ends_sentence("Read more") and not ends_sentence("“A quote”")
    assert ends_like_prose("“A quote”") and ends_like_prose("Story (AP)") and ends_like_prose("Done.")
    assert not ends_like_prose("Read more") and not ends_like_prose("see [1]")


def test_a_declared_charset_decodes_unless_a_bom_or_the_bytes_say_otherwise():
    assert charset_codec("ISO-8859-1") == "cp1252" and charset_codec("x-nonsense") is None
    assert decode_as_declared("café".encode("latin-1"), "iso-8859-1") == "café"
    assert decode_as_declared(b"\xef\xbb\xbfcaf\xc3\xa9", "iso-8859-1") is None   # the BOM wins
    assert decode_as_declared(b"\x00\x00\xfe\xff\x00\x00\x00a", "cp1252") is None  # a UTF-32 BOM too
    assert decode_as_declared("ok".encode("utf-16-le"), "utf-16") is None
    assert decode_as_declared(b"caf\xe9", "utf-8") is None                        # the header lied


def test_fewer_words_than_counts_up_to_its_bound():
    from newsclean.strings import fewer_words_than

    assert fewer_words_than(["one two", "three"], 4) == 3
    assert fewer_words_than(["one two", "three four"], 4) is None
    assert fewer_words_than([], 1) == 0
    # it stops at the bound: what follows is never read
    def texts():
        yield "one two three"
        raise AssertionError("read past the bound")
    assert fewer_words_than(texts(), 2) is None
