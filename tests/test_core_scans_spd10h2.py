"""The compiled core's element infos of the container choice (newsclean/_core/_scan_spd10h2.pxi) and their
pure-Python twins give equal results: ``element_info`` against ``_info_of`` on made-up tags, class/id and
itemprop strings (hint words, camel case, capitals, empty and missing attributes), and
``element_infos_direct`` against ``element_infos_pure`` on pages, a small cache limit included; the
navigation stage's ``chain_word_lengths`` against ``chain_word_lengths_pure`` on pages (memos filled alike).

The twin comparisons are skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.load.parse import parse_html
from newsclean.page import Block
from newsclean.stages.boilerplate import html as boilerplate_html
from newsclean.stages.boilerplate.signals import load_hints
from newsclean.stages.navigation.tree import chain_word_lengths_pure
from tests.core_helpers import unless_compiled

element_info = _core.compiled("element_info")
element_infos_direct = _core.compiled("element_infos_direct")
chain_word_lengths = _core.compiled("chain_word_lengths")
compiled_only = unless_compiled(element_info and element_infos_direct and chain_word_lengths)


def _hint_words() -> list[str]:
    h = load_hints()
    return sorted(h.content_positive)[:15] + sorted(h.container_negative)[:15] \
        + sorted(h.container_negative_strong)[:15]


TAGS = ["div", "DIV", "article", "Main", "nav", "ASIDE", "footer", "section", "p", "", "svg:g", "\u0130v"]
PROPS = [None, "", "articleBody", "ARTICLEBODY text", "text", "Text", "name", "headline"]
WORDS = _hint_words() + ["x", "Article", "imageEmbed", "post-body", "\u00e9t\u00e9", "\u212aey", "a_b", "1"]
attrs = st.one_of(st.none(), st.just(""), st.lists(st.sampled_from(WORDS), max_size=4).map(
    lambda ws: " ".join(ws)), st.text(max_size=12))


@compiled_only
@settings(max_examples=400)
@given(st.one_of(st.sampled_from(TAGS), st.text(max_size=6)), attrs, attrs,
       st.one_of(st.sampled_from(PROPS), st.text(max_size=8)))
def test_element_info_twins(tag: str, cls: str | None, ident: str | None, prop: str | None) -> None:
    assert element_info is not None
    want = boilerplate_html._info_of.__wrapped__(tag, cls, ident, prop)
    got = element_info(tag, cls, ident, prop, boilerplate_html.info_params())
    assert got == want and type(got) is type(want)
    assert [type(v) for v in got] == [type(v) for v in want]


PAGES = [
    '<html><body><MAIN id="m"><div class="post-body content" itemprop="articleBody"><p>Text</p></div>'
    '<aside class="related">x</aside><div class="a&amp;b" id="">y</div><svg:g class="s">z</svg:g></MAIN></body></html>',
    '<!DOCTYPE html><html><body><article class="story"><footer id="site-footer">f</footer>'
    '<div itemprop="text" class="Article-Body imageEmbed">t</div></article></body></html>',
    '<html><body><div class="\u00e9t\u00e9 news"><nav>n</nav><section class="">s</section>'
    '<div class="comments share">c</div><div class="comments article">d</div></div></body></html>',
]


@compiled_only
@pytest.mark.parametrize("html", PAGES)
@pytest.mark.parametrize("limit", [1, 3, 4096])
def test_element_infos_direct_twins(html: str, limit: int) -> None:
    assert element_infos_direct is not None
    elements = list(parse_html(html, 1000).iter())
    cache: dict = {}
    fast = element_infos_direct(elements, cache, boilerplate_html.info_params(), limit)
    assert fast == boilerplate_html.element_infos_pure(elements)
    assert list(fast) == elements
    assert len(cache) <= limit
    again = element_infos_direct(elements, cache, boilerplate_html.info_params(), limit)  # (from the cache)
    assert again == fast


def test_element_infos_is_the_pure_twin_without_the_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boilerplate_html, "compiled", lambda name: None)
    elements = list(parse_html(PAGES[0], 1000).iter())
    infos = boilerplate_html.element_infos(elements)
    assert infos[elements[2]].tag == "main" and infos[elements[2]].clean
    assert infos == boilerplate_html.element_infos_pure(elements)


NAV_PAGES = PAGES + [
    '<html><body><div id="c"><div class="share-bar Social"><p>Share this</p><!-- c --></div>'
    '<div id="more-on-this-long-slug-title" class="related"><p>A related story here</p></div>'
    '<section class="sidebar comments"><div class="commentList"><p>A comment that is long enough to '
    'count as text for sure</p></div></section><p class="">Body text of the article, long enough.</p>'
    '<aside class="x&amp;y newsletter"><p>Sign up</p></aside></div></body></html>',
]


@compiled_only
@pytest.mark.parametrize("html", NAV_PAGES)
@pytest.mark.parametrize("stop_at", [None, 1, 2])
def test_chain_word_lengths_twins(html: str, stop_at: int | None) -> None:
    from newsclean.stages.boilerplate.signals import class_words, element_words

    assert chain_word_lengths is not None
    root = parse_html(html, 1000)
    elements = list(root.iter())
    stop = None if stop_at is None else elements[stop_at]
    blocks = [Block(i, "t" * (10 * i + 3), "paragraph", {"link_density": 0.5 if i % 3 == 0 else 0.0}, el)
              for i, el in enumerate(elements)] + [Block(len(elements), "no element", "paragraph", {}, None)]
    negative = load_hints().block_negative
    memo_p: dict = {}
    words_p: dict = {}
    want = chain_word_lengths_pure(blocks, stop, memo_p, words_p, negative, 40, 0.2)
    memo_c: dict = {}
    words_c: dict = {}
    got = chain_word_lengths(blocks, stop, memo_c, words_c, negative, 40, 0.2, element_words, class_words)
    assert got == want and list(got[0]) == list(want[0])
    assert memo_c == memo_p and list(memo_c) == list(memo_p)
    assert words_c == words_p and list(words_c) == list(words_p)
    assert any(want[0].values()) or stop_at is not None or html is not NAV_PAGES[-1]
