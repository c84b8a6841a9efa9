"""Parsed trees as input: bs4 and lxml objects give the same Article as the page's markup."""
from __future__ import annotations

from pathlib import Path

import bs4
import lxml.html
import pytest
from lxml import etree

import newsclean
from newsclean import InputError, Pipeline

BENCH_PAGE = Path(__file__).parent / "fixtures" / "bench" / "14cc2a0ca5.html"
SMALL = """<html><head><title>A story | Site</title>
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>A story</h1>
<p>The first paragraph of the story is long enough to be a paragraph of the body text here.</p>
<p>The second paragraph continues the story with more words, so that it is clearly prose.</p>
</article><footer>Copyright 2024 Site</footer></body></html>"""


@pytest.fixture(params=["small", "bench"])
def markup(request: pytest.FixtureRequest) -> str:
    return SMALL if request.param == "small" else BENCH_PAGE.read_text(encoding="utf-8")


def test_beautifulsoup_gives_the_markups_article(markup: str) -> None:
    expected = newsclean.extract(markup, url="https://example.org/a")
    assert expected.text
    soup = bs4.BeautifulSoup(markup, "lxml")
    assert newsclean.extract(soup, url="https://example.org/a") == expected
    assert Pipeline().extract(soup, url="https://example.org/a") == expected


def test_bs4_tag_gives_the_markups_article() -> None:
    soup = bs4.BeautifulSoup(SMALL, "html.parser")
    html_tag = soup.find("html")
    assert isinstance(html_tag, bs4.Tag) and not isinstance(html_tag, bs4.BeautifulSoup)
    assert newsclean.extract(html_tag) == newsclean.extract(SMALL)


def test_lxml_element_gives_the_markups_article(markup: str) -> None:
    expected = newsclean.extract(markup)
    assert newsclean.extract(lxml.html.fromstring(markup)) == expected
    assert Pipeline().extract(etree.HTML(markup)) == expected


def test_lxml_elementtree_gives_the_markups_article(markup: str) -> None:
    tree = lxml.html.document_fromstring(markup).getroottree()
    assert isinstance(tree, etree._ElementTree)
    assert newsclean.extract(tree) == newsclean.extract(markup)


def test_pipeline_load_of_a_tree_is_html_and_leaves_the_tree_alone() -> None:
    root = lxml.html.fromstring(SMALL)
    before = etree.tostring(root)
    page = Pipeline().load(root)
    assert page.kind == "html"
    assert [b.text for b in page.blocks] == [b.text for b in Pipeline().load(SMALL).blocks]
    Pipeline().extract(root)
    assert etree.tostring(root) == before


def test_a_subtree_is_read_as_the_page() -> None:
    soup = bs4.BeautifulSoup(SMALL, "lxml")
    article = newsclean.extract(soup.find("article"))
    assert "Home" not in article.text and "Copyright" not in article.text
    assert "The second paragraph" in article.text


def test_a_tree_with_kind_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="parsed tree is HTML"):
        newsclean.extract(bs4.BeautifulSoup(SMALL, "lxml"), kind="text")


def test_other_objects_are_still_input_errors() -> None:
    with pytest.raises(InputError, match="bs4 / lxml tree"):
        newsclean.extract(object())
