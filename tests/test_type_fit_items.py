"""type_fit on listings and collections: which dropped blocks come back as items, which kept ones go."""
from __future__ import annotations

from newsclean.load import load_page
from newsclean.page import Page
from newsclean.stages.type_fit import TypeFitStage


def _typed(html: str, kind: str = "listing", confidence: float = 0.95) -> Page:
    """The page loaded, every block dropped as an article's cleaning might, then typed and fitted."""
    page = load_page(html, kind="html")
    for block in page.blocks:
        page.drop(block, "navigation", "a link list")
    page.set_field("page_type", kind, "test", "test")
    page.set_field("page_type_confidence", confidence, "test", "test")
    TypeFitStage().run(page)
    return page


def _kept(page: Page) -> list[str]:
    return [b.text for b in page.kept()]


def test_a_teasers_own_header_is_an_item_but_the_sites_masthead_is_not() -> None:
    teasers = "".join(f"<article><header><h2><a href='/story-{i}'>Headline of story {i}</a></h2></header>"
                      f"<p>Blurb of story {i} in a sentence.</p></article>" for i in range(4))
    html = (f"<html><body><header><ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul>"
            f"</header><main><section>{teasers}</section></main></body></html>")
    kept = _kept(_typed(html))
    assert all(f"Headline of story {i}" in kept and f"Blurb of story {i} in a sentence." in kept for i in range(4))
    assert "News" not in kept and "Sport" not in kept


def test_a_header_inside_a_lone_article_or_holding_the_articles_stays_chrome() -> None:
    lone = ("<html><body><article><header><p>Site strap line here</p></header><p>Only story text.</p></article>"
            "</body></html>")
    assert "Site strap line here" not in _kept(_typed(lone))
    promos = "".join(f"<article><p>Promo {i} in the masthead</p></article>" for i in range(3))
    masthead = f"<html><body><header>{promos}</header><p>Story text.</p></body></html>"
    assert not any(t.startswith("Promo") for t in _kept(_typed(masthead)))


def test_page_links_result_counts_and_sort_controls_go_but_the_items_and_their_numbers_stay() -> None:
    cards = "".join(f"<li class='card'><h3>Walnut side table {i}</h3><p>{i}</p></li>" for i in range(1, 5))
    pager = ("<div class='pagination'><a href='?p=1'>1</a> <a href='?p=2'>2</a></div>"
             "<p>Showing 1 to 24 (of 204 products)</p><p><a href='?p=2'>Next page »</a></p>"
             "<p>« Previous</p><p>Page 2 of 9</p><p><a href='?more'>Load more</a></p>"
             "<p>Sort by: Best Selling</p><p>Filters (1)</p><p>View: 36</p>")
    page = load_page(f"<html><body><main><ul>{cards}</ul>{pager}</main></body></html>", kind="html")
    page.set_field("page_type", "collection", "test", "test")
    page.set_field("page_type_confidence", 0.95, "test", "test")
    TypeFitStage().run(page)
    kept = _kept(page)
    assert all(f"Walnut side table {i}" in kept and str(i) in kept for i in range(1, 5))
    assert not any(t in kept for t in ("1 2", "Showing 1 to 24 (of 204 products)", "Next page »", "« Previous",
                                       "Page 2 of 9", "Load more", "Sort by: Best Selling", "Filters (1)",
                                       "View: 36"))


def _kept_fitted(html: str, kind: str, confidence: float = 0.95, **options: object) -> list[str]:
    """The kept blocks after ``type_fit`` on a page whose cleaning kept everything."""
    page = load_page(html, kind="html")
    page.set_field("page_type", kind, "test", "test")
    page.set_field("page_type_confidence", confidence, "test", "test")
    TypeFitStage(**options).run(page)
    return _kept(page)


FOOTED = ("<html><body><main><h1>Standing desk frame</h1><p>A steel frame with two motors and four presets.</p>"
          "<article><p>Teaser of a guide to desks.</p><footer><p>Read the guide to desks</p></footer></article>"
          "<section><p>Warranty for ten years.</p><footer><p>Terms of the warranty apply</p></footer></section>"
          "</main><div class='wrap'><footer><p>Copyright Deskco 2026. All rights reserved.</p>"
          "<section><p>Careers at Deskco</p></section></footer></div></body></html>")


def test_the_pages_own_footer_goes_on_a_typed_page_but_a_teasers_or_sections_footer_stays() -> None:
    for kind in ("product", "collection", "listing", "forum", "documentation", "service"):
        kept = _kept_fitted(FOOTED, kind)
        assert "Copyright Deskco 2026. All rights reserved." not in kept, kind
        assert "Careers at Deskco" not in kept, kind  # a section inside the page's footer is the footer's
        assert "A steel frame with two motors and four presets." in kept, kind
        assert "Read the guide to desks" in kept and "Terms of the warranty apply" in kept, kind


def test_the_pages_footer_stays_on_an_article_on_a_doubtful_type_and_with_the_option_off() -> None:
    for kept in (_kept_fitted(FOOTED, "article"), _kept_fitted(FOOTED, "product", confidence=0.5),
                 _kept_fitted(FOOTED, "product", drop_page_footer=False)):
        assert "Copyright Deskco 2026. All rights reserved." in kept


def test_a_page_whose_kept_text_is_all_footer_comes_out_empty() -> None:
    html = ("<html><body><div id='app'></div><footer><p>AliExpress Multi-Language Sites</p>"
            "<p>Russian, Portuguese, Spanish, French</p></footer></body></html>")
    assert _kept_fitted(html, "product") == []
