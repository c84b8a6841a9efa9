"""page_type signals of ``shapes`` (listing and service shapes), each measured on small made-up pages."""
from __future__ import annotations

import math

import pytest

from newsclean import Pipeline
from newsclean.page import Page
from newsclean.stages.page_type.features import TEXT_TOO, page_features
from newsclean.stages.page_type.shapes import SHAPES_HTML_ONLY
from tests.page_type_pages import PARA, PARA2


def _page(body: str, stages: tuple[str, ...] = ("metadata",)) -> Page:
    html = f"<html><head><title>Page</title></head><body>{body}</body></html>"
    return Pipeline(list(stages)).process(html)


def _f(body: str, stages: tuple[str, ...] = ("metadata",)) -> dict[str, float]:
    return page_features(_page(body, stages))[0]


DATED_TEASERS = "".join(f"<div><h2><a href='/s/{i}'>Council votes on the harbour budget, part {i}</a></h2>"
                        f"<p>March {i + 1}, 2024</p></div>" for i in range(6))


def test_short_dated_lines_are_counted_and_a_date_in_a_sentence_is_not() -> None:
    listing = _f(DATED_TEASERS)
    assert listing["dated_lines"] > 1.9  # log1p(6)
    # each shape of a date passes the pre-tests; numbers that are no dates do not count
    shapes = _f("<p>2024-03-05</p><p>5/3/24</p><p>3 hours ago</p><p>4 Mar 2024</p><p>iPhone 11</p><p>Rating: 36</p>")
    assert shapes["dated_lines"] == pytest.approx(math.log1p(4))
    article = _f(f"<p>{PARA} The council met on March 3, 2024 to vote on the budget for the next year.</p>")
    assert article["dated_lines"] == 0.0


def test_share_of_the_words_the_article_cleaning_kept() -> None:
    prose = "".join(f"<p>{PARA} {PARA2}</p>" for _ in range(3))
    menu = "<nav><ul>" + "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(12)) + "</ul></nav>"
    cleaned = _f(menu + f"<article>{prose}</article>", ("metadata", "boilerplate", "navigation"))
    assert 0.0 < cleaned["kept_word_share"] < 1.0
    assert _f(prose)["kept_word_share"] == 1.0  # nothing cleaned: all kept


def test_blocks_under_landing_section_words() -> None:
    landing = _f("<section class='hero'><h1>Grow your business</h1><p>Fast setup for your whole team.</p></section>"
                 "<div class='cta'><p>Book a free demo today</p></div>"
                 "<div class='testimonials'><p>They changed how we work.</p></div>")
    assert landing["hint_landing"] == 1.0  # the hint group "landing" of features
    assert _f(f"<div class='story-body'><p>{PARA}</p></div>")["hint_landing"] == 0.0


def test_section_pagination_and_form_markup_in_the_source() -> None:
    page = _f("<SECTION><p>Plans</p></SECTION><section><p>Team</p></section>"
              "<Form><input name='email'><button>Sign up</button></Form>"
              "<div class='Pagination'><a rel=\"next\" href='/page/2'>2</a></div>")
    for name in ("src_section", "src_form", "src_input", "src_button", "src_rel_next", "src_pagination"):
        assert page[name] > 0, name
    plain = _f(f"<p>{PARA}</p>")
    assert all(plain[n] == 0.0 for n in ("src_section", "src_form", "src_input", "src_button", "src_rel_next",
                                         "src_pagination"))


def test_a_text_capture_leaves_the_html_only_shape_signals_out() -> None:
    page = Pipeline(["metadata"]).process(f"Harbour news\n\nMarch 3, 2024\n\n{PARA}\n\nOlder posts\n", kind="text")
    features = page_features(page)[0]
    # the source's tags are left out; the share of words the capture's cleaning kept stays (the capture model)
    assert (SHAPES_HTML_ONLY - TEXT_TOO).isdisjoint(features) and "src_form" not in features
    assert features["dated_lines"] > 0 and 0 < features["kept_word_share"] <= 1
