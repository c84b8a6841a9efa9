"""Chrome removal inside the main content."""
from __future__ import annotations

from newsclean.load.page import load_page
from newsclean.stages.boilerplate import BoilerplateOptions
from newsclean.stages.boilerplate_html import select_main
from newsclean.stages.navigation import NavigationOptions
from newsclean.stages.navigation_html import drop_navigation

P = "Body paragraph number {} tells the story in plain words, with commas, clauses and an end."


def body(n: int, start: int = 0) -> str:
    return "".join(f"<p>{P.format(i)} {P.format(i)}</p>" for i in range(start, start + n))


def run(inner: str):
    page = load_page(f"<html><body><article>{inner}</article></body></html>", kind="html")
    select_main(page, BoilerplateOptions(html_use_readability=False), "boilerplate")
    drop_navigation(page, NavigationOptions(), "navigation")
    return page


def reason_of(page, text: str) -> str | None:
    for b in page.blocks:
        if b.text == text:
            return b.reason
    raise AssertionError(f"no block {text!r}")


def test_share_bar_caption_and_counter_dropped():
    page = run(body(2) + "<div class='share-tools'><p>Share on Facebook now</p></div>"
               "<figure><img src='x.jpg'><figcaption>A photo of things</figcaption></figure>"
               "<p>12 Comments</p>" + body(2, start=2))
    assert "share" in reason_of(page, "Share on Facebook now")
    assert reason_of(page, "A photo of things") is not None
    assert "counter" in reason_of(page, "12 Comments")
    assert sum(1 for b in page.kept()) == 4


def test_related_box_heading_and_links_dropped():
    related = "<h3>Related articles</h3><ul>" + "".join(
        f"<li><a href='/r{i}'>Some other story {i}</a></li>" for i in range(4)) + "</ul>"
    page = run(body(3) + related)
    assert [b.text for b in page.kept()] == [f"{P.format(i)} {P.format(i)}" for i in range(3)]
    assert reason_of(page, "Related articles") is not None


def test_link_heavy_paragraph_dropped_but_linked_heading_kept_with_text():
    page = run(body(2) + "<p><a href='/a'>Read this</a> | <a href='/b'>and that</a></p>"
               "<h2><a href='https://other.example/x'>A linked section title</a></h2>" + body(2, start=5))
    assert "link-heavy" in reason_of(page, "Read this | and that")
    assert reason_of(page, "A linked section title") is None


def test_layout_wrapper_with_chrome_word_keeps_the_body():
    # 'sidebar-layout' names the wrapper of the whole article: not chrome
    page = run(f"<div class='with-sidebar-layout'>{body(5)}</div>")
    assert sum(1 for b in page.kept()) == 5


def test_orphan_heading_of_dropped_list_goes_too():
    page = run(body(2) + "<h2>Elsewhere</h2><ul>" + "".join(
        f"<li><a href='/x{i}'>Link {i}</a></li>" for i in range(5)) + "</ul>")
    assert reason_of(page, "Elsewhere") is not None


def test_byline_and_date_markup_dropped():
    page = run("<div class='top'><span itemprop='author'>Jane Roe</span></div>"
               "<p><time itemprop='datePublished'>May 1, 2024</time></p>" + body(3))
    assert "itemprop=author" in reason_of(page, "Jane Roe")
    assert "itemprop=datepublished" in reason_of(page, "May 1, 2024")
    assert sum(1 for b in page.kept()) == 3


def test_short_promo_for_the_site_dropped_wherever_the_phrase_stands():
    promo = "Want more from us? Sign up for our newsletter and shop smarter."
    long_text = ("The mayor said residents could sign up for our newsletter style alerts, but the city "
                 "council wants a wider plan with hearings, budgets and public votes before any change. ") * 3
    page = run(body(2) + f"<p>{promo}</p><p>{long_text.strip()}</p>" + body(2, start=2))
    assert "promo" in reason_of(page, promo)
    assert reason_of(page, long_text.strip()) is None  # a long paragraph is story text


def test_short_question_pitch_ending_in_a_call_to_action_dropped():
    pitch = "Want to see how it works? Learn more here."
    page = run(body(2) + f"<p>{pitch}</p>" + body(2, start=2))
    assert "call to action" in reason_of(page, pitch)
