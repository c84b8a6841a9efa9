"""page_type signals of ``profile`` and ``urls``: each measured on small made-up pages (an article-like
and a non-article shape), and left out where the page cannot show them."""
from __future__ import annotations

from newsclean import Pipeline
from newsclean.page import Page
from newsclean.stages.page_type.features import TEXT_TOO, page_features
from newsclean.stages.page_type.profile import PROFILE_HTML_ONLY
from tests.page_type_pages import PARA, PARA2

THREE_SENTENCES = "The ferry was late. The harbour was full of boats. Nobody on the quay knew why it had stopped."


def _page(body: str, url: str | None = None, head: str = "") -> Page:
    html = f"<html><head><title>Page</title>{head}</head><body>{body}</body></html>"
    return Pipeline(["metadata"]).process(html, url=url)


def _f(body: str, url: str | None = None, head: str = "") -> dict[str, float]:
    return page_features(_page(body, url, head))[0]


TEASERS = "".join(f"<div><h2><a href='/s/{i}'>Council votes on the harbour budget, part {i}</a></h2>"
                  f"<p><a href='/s/{i}'>Read the story</a></p></div>" for i in range(8))


def test_byline_and_date_next_to_the_title() -> None:
    article = _f(f"<h1>New ferry terminal opens</h1><p>By Ann Smith</p><p>May 12, 2024</p><p>{PARA}</p>")
    assert article["near_title_byline"] == 1.0 and article["near_title_date"] == 1.0
    assert article["h1_count"] == 1.0 and article["title_pos"] == 0.0
    listing = _f(f"<h1>Politics</h1>{TEASERS}")
    assert listing["near_title_byline"] == 0.0 and listing["near_title_date"] == 0.0
    # a "By" far below the title (in a later teaser) is not a byline of the page
    far = _f("<h1>Politics</h1>" + TEASERS * 2 + "<p>By Ann Smith</p>")
    assert far["near_title_byline"] == 0.0
    none = _f(f"<p>{PARA}</p>")
    assert none["title_pos"] == 1.0 and none["h1_count"] == 0.0


def test_sentences_per_paragraph_and_multi_sentence_share() -> None:
    prose = _f("".join(f"<p>{THREE_SENTENCES}</p>" for _ in range(4)))
    assert prose["sent_per_par"] == 3.0 and prose["multi_sent_share"] == 1.0
    blurbs = _f("".join("<p>One short blurb about the council budget vote today</p>" for _ in range(4)))
    assert blurbs["sent_per_par"] == 1.0 and blurbs["multi_sent_share"] == 0.0
    # a linked paragraph is a teaser, not prose
    linked = _f("".join(f"<p><a href='/x'>{THREE_SENTENCES}</a></p>" for _ in range(4)))
    assert linked["sent_per_par"] == 0.0


def test_headings_over_short_texts_are_service_sections() -> None:
    service = _f("".join(f"<h3>Feature {i}</h3><p>Fast setup for your whole team.</p>" for i in range(4))
                 + "<h3>Is there a free trial?</h3><p>Yes, for thirty days.</p>")
    assert service["short_section_share"] == 1.0 and service["question_headings"] > 0
    article = _f("".join(f"<h2>Part {i}</h2><p>{PARA} {PARA2}</p>" for i in range(4)))
    assert article["short_section_share"] == 0.0 and article["question_headings"] == 0.0


def test_link_density_of_the_kept_text_and_the_longest_link_run() -> None:
    article = _f("".join(f"<p>{PARA}</p>" for _ in range(4)))
    assert article["kept_link_density"] == 0.0 and article["link_run"] == 0.0
    links = _f("<ul>" + "".join(f"<li><a href='/s/{i}'>Story number {i}</a></li>" for i in range(7)) + "</ul>")
    assert links["kept_link_density"] > 0.9 and links["link_run"] > 2.0  # log1p(7)


def test_source_tag_and_price_counts() -> None:
    page = _f(f"<figure><img src='a.jpg'><figcaption>The quay</figcaption></figure><p>{PARA}</p>"
              "<pre><code>x = 1</code></pre><span itemprop=\"price\">9.99</span>")
    assert page["src_figure"] > 0 and page["src_img"] > 0 and page["src_code"] > 0 and page["src_price"] > 0
    plain = _f(f"<p>{PARA}</p>")
    assert plain["src_figure"] == plain["src_img"] == plain["src_price"] == 0.0


def test_url_date_and_tag_path() -> None:
    body = f"<p>{PARA}</p>"
    dated = _f(body, "https://news.example.org/2024/05/12/new-ferry-terminal-to-open-in-the-spring")
    assert dated["url_date_path"] == 1.0 and dated["url_tagcat"] == 0.0
    tag = _f(body, "https://news.example.org/tag/harbour/")
    assert tag["url_date_path"] == 0.0 and tag["url_tagcat"] == 1.0
    assert _f(body, "https://shop.example.org/search?q=socks")["url_tagcat"] == 1.0
    assert not any(k.startswith("url_") for k in _f(body))  # no URL: no URL signal


def test_a_text_capture_leaves_the_html_only_profile_signals_out() -> None:
    page = Pipeline(["metadata"]).process(f"Ferry terminal opens\n\nBy Ann Smith\n\n{THREE_SENTENCES}\n",
                                          kind="text", url="https://news.example.org/2024/05/12/ferry-opens")
    features = page_features(page)[0]
    # the markup's signals are left out; those a capture shows too (its sentences, its headline's byline) stay
    assert (PROFILE_HTML_ONLY - TEXT_TOO).isdisjoint(features)
    assert {"sent_per_par", "near_title_byline"} <= set(features) and "kept_link_density" not in features
    assert features["url_date_path"] == 1.0


def test_date_pretest_never_hides_a_date() -> None:
    """``title_area`` asks ``_DATE_TEXT`` only of heads holding a digit: each of its forms needs a ``\\d``
    (any decimal digit, which ``has_digit`` counts too)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newsclean.stages.page_type.profile import _DATE_TEXT
    from newsclean.strings import has_digit

    pieces = st.sampled_from(["Jan", "march", "Sept.", " ", "5", "12", "٣", "२०", "2024-05-03", "19", "-", "min",
                              "hours", "days", " ago", "x", "\u00b2", "\u2160", "Mai"])

    @settings(max_examples=500, deadline=None)
    @given(st.lists(pieces, max_size=8))
    def same(parts: list[str]) -> None:
        head = "".join(parts)
        if _DATE_TEXT.search(head):
            assert has_digit(head), head

    same()
    assert _DATE_TEXT.search("Posted Mar ٣") and has_digit("Posted Mar ٣")  # (an Arabic-Indic digit is a \d)
