"""type_fit: a listing or collection keeps its items (not the site's menus); an article is left as it is."""
from __future__ import annotations

from newsclean import Page, Pipeline, Stage
from tests.page_type_pages import ARTICLE, COLLECTION, LISTING, PAGES, PRODUCT, SECTION_FRONT


def _without_type_fit() -> Pipeline:
    return Pipeline().remove("type_fit")


class DropTeasersAndMenus(Stage):
    """Stands in for an article cleaner that took a section front for one story: drops every teaser but the
    first and the menu."""

    name = "drop_teasers"

    def run(self, page: Page) -> None:
        for b in page.blocks:
            if b.text.startswith(("Story number", "Short summary")) and not b.text.endswith((" 1", " 1.")):
                self.drop(page, b, "a teaser")
            elif b.text.startswith("Section "):
                self.drop(page, b, "a menu")


def test_listing_gets_back_its_teasers_but_not_the_menu() -> None:
    html, url = SECTION_FRONT
    before = _without_type_fit().add(DropTeasersAndMenus(), after="dates").extract(html, url=url)
    after = Pipeline().add(DropTeasersAndMenus(), after="dates").extract(html, url=url)
    assert after.page_type == "listing"
    assert "Story number 5 about" not in before.text
    assert all(f"Story number {i} about" in after.text and f"Short summary {i} of" in after.text
               for i in range(1, 13))
    assert "Section 3" not in after.text  # inside <nav>: stays dropped
    assert any(r.text == "Section 3" for r in after.removed)


def test_collection_keeps_its_product_cards() -> None:
    after = Pipeline().extract(COLLECTION[0], url=COLLECTION[1])
    assert after.page_type == "collection"
    assert all(f"Merino crew sock {i}" in after.text for i in range(16))


def test_other_types_are_left_as_they_are() -> None:
    for kind in ("article", "product", "forum", "documentation", "service"):
        html, url = PAGES[kind]
        assert Pipeline().extract(html, url=url).text == _without_type_fit().extract(html, url=url).text, kind
    assert Pipeline().extract(ARTICLE[0], url=ARTICLE[1]).page_type == "article"


def test_low_confidence_listing_is_left_alone() -> None:
    strict = Pipeline().configure("type_fit", min_confidence=1.01, listing_min_confidence=1.01,
                                  repeat_confidence=1.01, item_confidence=1.01)
    assert strict.extract(LISTING[0], url=LISTING[1]).text == _without_type_fit().extract(
        LISTING[0], url=LISTING[1]).text


def test_collection_keeps_one_copy_of_a_repeated_line_and_no_copy_of_a_repeated_teaser_line() -> None:
    cards = "".join(f"<li class='product-card'><a href='/products/mug-{i}'>Stoneware mug in colour {i}</a>"
                    f"<p>Free delivery on orders over £50</p><p>Add to basket</p></li>" for i in range(12))
    html = ("<html><head><title>Mugs</title><script type='application/ld+json'>{\"@context\": "
            "\"https://schema.org\", \"@type\": \"CollectionPage\", \"name\": \"Mugs\"}</script></head><body>"
            f"<h1>Mugs</h1><ul class='product-grid'>{cards}</ul></body></html>")
    url = "https://shop.example.com/collections/mugs"
    before = _without_type_fit().extract(html, url=url)
    # the line-level rule alone (the item-level one would drop every copy: see the test below)
    after = Pipeline().configure("type_fit", item_repeat_share=0).extract(html, url=url)
    assert after.page_type == "collection"
    assert after.text.count("Add to basket") == 1
    # every copy was dropped as a repeated teaser line (duplicates): not given back as an item
    assert "Free delivery on orders over £50" not in after.text
    assert all(f"Stoneware mug in colour {i}" in after.text for i in range(12))
    assert before.text.count("Stoneware mug") < 12
    off = Pipeline().configure("type_fit", drop_repeats=False, item_repeat_share=0).extract(html, url=url)
    assert off.text.count("Add to basket") == 12


class TypeIs(Stage):
    """Pins the page type after ``page_type``: a test of what type_fit does with a type, not of the model."""

    name = "type_is"

    def __init__(self, kind: str, confidence: float = 0.95) -> None:
        super().__init__()
        self.kind, self.confidence = kind, confidence

    def run(self, page: Page) -> None:
        page.set_field("page_type", self.kind, "test", self.name)
        page.set_field("page_type_confidence", self.confidence, "test", self.name)


def _collection(cards: str) -> tuple[str, str]:
    html = ("<html><head><title>Rugs</title><script type='application/ld+json'>{\"@context\": "
            "\"https://schema.org\", \"@type\": \"CollectionPage\", \"name\": \"Rugs\"}</script></head><body>"
            "<h1>Washable rugs</h1><p>Every rug here goes in the washing machine and comes out like new.</p>"
            f"<div class='grid'>{cards}</div></body></html>")
    return html, "https://shop.example.com/collections/rugs"


def test_collection_drops_the_chrome_every_product_card_repeats_but_keeps_titles_and_blurbs() -> None:
    cards = "".join(f"<div class='card card-{i}'><h3><a href='/products/rug-{i}'>Kilim rug number {i}</a></h3>"
                    f"<p>Hand-woven wool, pattern {i} in {('red', 'blue', 'green')[i % 3]}</p>"
                    f"<p class='price'>£{40 + i}.00</p>"
                    "<span class='badge'>New in</span><button>Add to wishlist</button>"
                    "<div class='sizes'>Select size</div></div>" for i in range(10))
    html, url = _collection(cards)
    # the model reads these small cards (a linked heading over a short blurb) as teasers about as often as
    # products (collection 0.47, listing 0.53): the type is pinned, what is tested is the chrome rule
    before = Pipeline().add(TypeIs("collection"), after="page_type").configure(
        "type_fit", item_repeat_share=0, drop_repeats=False).extract(html, url=url)
    after = Pipeline().add(TypeIs("collection"), after="page_type").extract(html, url=url)
    assert after.page_type == "collection"
    assert before.text.count("Select size") == 10  # kept on every card before
    for chrome in ("Select size", "New in", "Add to wishlist"):
        assert chrome not in after.text, chrome
    assert all(f"Kilim rug number {i}" in after.text and f"Hand-woven wool, pattern {i} in" in after.text
               for i in range(10))
    assert "Every rug here goes in the washing machine" in after.text
    assert any(r.stage == "type_fit" and r.text == "Select size" for r in after.removed)


def test_a_line_in_only_a_few_cards_is_not_item_chrome() -> None:
    cards = "".join(f"<div class='card'><h3><a href='/products/rug-{i}'>Kilim rug number {i}</a></h3>"
                    f"<p>{'Last one in stock' if i < 2 else f'Hand-woven wool, pattern {i}'}</p></div>"
                    for i in range(10))
    html, url = _collection(cards)
    after = Pipeline().configure("type_fit", drop_repeats=False).extract(html, url=url)
    assert after.text.count("Last one in stock") == 2  # in 2 of 10 items: under the share, under the floor


def _with_reviews(count: int, words: int) -> tuple[str, str]:
    html, url = PRODUCT
    review = " ".join(["Lovely and warm, I wear them on every walk"] * (words // 9))
    reviews = ("<div class='product-reviews'><h2>Customer reviews</h2>" + "".join(
        f"<div class='review-item'><p class='review-author'>Buyer {i}</p><p>{review} ({i}).</p></div>"
        for i in range(count)) + "</div>")
    return html.replace("</body>", reviews + "</body>"), url


def test_product_drops_its_customer_reviews_but_keeps_description_and_specifications() -> None:
    html, url = _with_reviews(2, 9)
    before = Pipeline().configure("type_fit", drop_reviews=False).extract(html, url=url)
    after = Pipeline().extract(html, url=url)
    assert after.page_type == "product"
    assert "Lovely and warm" in before.text
    assert "Lovely and warm" not in after.text and "Buyer 1" not in after.text and "Customer reviews" not in after.text
    assert "A soft, warm sock knitted from merino wool" in after.text
    assert "Merino wool" in after.text and "Machine wash" in after.text


def test_a_page_that_is_mostly_reviews_keeps_them() -> None:
    html, url = _with_reviews(12, 240)  # the reviews are 98% of the words: a review page, not a shop page
    after = Pipeline().extract(html, url=url)
    assert after.page_type == "product"
    assert after.text.count("Lovely and warm") > 6


CONSENT = ("<div id='onetrust-consent-sdk'><div id='onetrust-banner-sdk' class='otFlat'>"
           "<h2>We care about your privacy</h2>"
           "<p>We and our partners store and access information on your device, such as unique identifiers in "
           "cookies, to measure how the site is used and to show you offers that suit you better.</p>"
           "<p>You can accept all of it, refuse it, or choose the purposes one by one in the settings below, "
           "and you can change your mind at any time from the link at the foot of every page.</p>"
           "</div></div>")


def _with(page: tuple[str, str], extra: str, body_attrs: str = "") -> tuple[str, str]:
    html, url = page
    return html.replace("<body>", f"<body{body_attrs}>", 1).replace("</body>", extra + "</body>"), url


def test_a_cookie_consent_box_is_dropped_on_listing_collection_and_product_pages() -> None:
    no_rule = Pipeline().configure("type_fit", drop_consent=False)
    for kind in ("listing", "collection", "product", "forum", "documentation", "service", "article"):
        html, url = _with(PAGES[kind], CONSENT)
        before, after = no_rule.extract(html, url=url), Pipeline().extract(html, url=url)
        assert after.page_type == kind, kind
        if "unique identifiers in cookies" not in before.text:
            continue  # the article cleaning dropped the box already
        if kind in ("article", "forum", "documentation", "service"):
            assert after.text == before.text  # left to the article cleaning
        else:
            assert "unique identifiers in cookies" not in after.text, kind
            assert "We care about your privacy" not in after.text, kind
            assert len(after.text.split()) > len(before.text.split()) / 3, kind  # the page itself stays
    html, url = _with(LISTING, CONSENT)
    assert "unique identifiers in cookies" in no_rule.extract(html, url=url).text  # (the test can fail)


def test_a_page_whose_wrapper_names_cookies_is_not_a_consent_box() -> None:
    """<body class="cookie-banner-visible"> wraps the whole page, the <h1> included: not a dialog."""
    html, url = _with(LISTING, "", " class='cookie-banner-visible'")
    html = html.replace("<h1>", "<div class='gdpr-ready'><h1>", 1).replace("</body>", "</div></body>", 1)
    after = Pipeline().extract(html, url=url)
    assert after.page_type == "listing"
    assert all(f"Council votes on the harbour budget, part {i}" in after.text for i in range(1, 16))


def test_listing_and_collection_drop_blocks_in_elements_named_as_chrome() -> None:
    """A menu, a filter panel and a footer set as <div class=...> (not <nav>/<footer>) are not items; the
    same words far up (a wrapper of the whole grid) do not count."""
    cards = "".join(f"<div class='card'><h3><a href='/products/rug-{i}'>Kilim rug number {i}</a></h3>"
                    f"<p>Hand-woven wool, pattern {i} in {('red', 'blue', 'green')[i % 3]}</p></div>"
                    for i in range(10))
    chrome = ("<div class='site-menu'><ul><li><a href='/a'>Rugs and runners for every room</a></li>"
              "<li><a href='/b'>Cushions and throws for the sofa</a></li></ul></div>"
              "<div class='filter-panel'><div class='group'><p>Colour</p><p>Red (4)</p><p>Blue (3)</p>"
              "<p>Green (3)</p></div></div>"
              "<div class='site-footer'><p>Our shop ships from Leeds to the whole of Europe every weekday.</p></div>")
    html, url = _collection(cards)
    html = html.replace("<div class='grid'>", chrome + "<div class='filters-layout'><div class='x'><div class='y'>"
                        "<div class='z'><div class='grid'>", 1).replace("</body>", "</div></div></div></div></body>")
    for kind in ("collection", "listing"):
        pipe = Pipeline().add(TypeIs(kind), after="page_type")
        before = pipe.configure("type_fit", drop_chrome_hints=False).extract(html, url=url)
        after = Pipeline().add(TypeIs(kind), after="page_type").extract(html, url=url)
        assert "Our shop ships from Leeds" in before.text and "Red (4)" in before.text, kind
        for line in ("Our shop ships from Leeds", "Red (4)", "Colour", "Rugs and runners"):
            assert line not in after.text, (kind, line)
        assert all(f"Kilim rug number {i}" in after.text for i in range(10)), kind  # 'filters' 5 levels up
        assert "Every rug here goes in the washing machine" in after.text, kind
    product = Pipeline().add(TypeIs("product"), after="page_type").extract(html, url=url)
    assert "Our shop ships from Leeds" in product.text or "Red (4)" in product.text  # other types: left alone


def _service_page() -> tuple[str, str]:
    copy = ("<p>We design and build gardens for homes and offices across the north of England, from the first "
            "sketch to the last plant.</p>")
    html = ("<html><head><title>Garden design | Greenway</title></head><body>"
            "<div class='menu'><ul><li><a href='/'>Home</a></li><li><a href='/about'>About us</a></li>"
            "<li><a href='/work'>Our work</a></li></ul></div><main><h1>Garden design that lasts</h1>" + copy +
            "<p>Every design starts with a visit: we walk the site with you and listen to how you use it.</p>"
            "<div class='cta-section'><h2>Planting plans for every season</h2><p>Our planting plans mix shrubs, "
            "grasses and bulbs so that something is in flower from March to November, and we tend them for a "
            "year after planting.</p></div>"
            "<p>Our team has built more than four hundred gardens since 2004, small yards and large parks alike.</p>"
            "<p>Most projects take between four and ten weeks from the signed plan to the finished garden.</p>"
            "</main><div class='related'><h2>Related pages</h2><p>Read how we restored a walled kitchen garden "
            "in Harrogate, from the soil survey to the first harvest of beans.</p></div>"
            "<footer><p>Greenway Gardens Ltd, 4 Mill Lane, Leeds. Registered in England and Wales.</p></footer>"
            "</body></html>")
    return html, "https://greenway.example.com/garden-design"


def test_service_page_gets_back_the_copy_navigation_took_for_chrome_between_kept_blocks() -> None:
    """A service page's section in a box named 'cta' is its copy; the related box after the copy, the
    menu and the footer stay dropped; an article with the same page keeps its cleaning."""
    html, url = _service_page()
    before = Pipeline().add(TypeIs("service"), after="page_type").configure(
        "type_fit", restore_copy=False).extract(html, url=url)
    after = Pipeline().add(TypeIs("service"), after="page_type").extract(html, url=url)
    article = Pipeline().add(TypeIs("article"), after="page_type").extract(html, url=url)
    assert "Our planting plans mix shrubs" not in before.text  # dropped by navigation ('cta')
    assert "Our planting plans mix shrubs" in after.text and "Planting plans for every season" in after.text
    assert "Our planting plans mix shrubs" not in article.text
    for chrome in ("restored a walled kitchen garden", "Mill Lane", "About us"):
        assert chrome not in after.text, chrome
    assert "Most projects take between four and ten weeks" in after.text


def test_a_listing_typed_with_little_confidence_loses_its_consent_box_too() -> None:
    """From the listing floor (0.4) the items' restoring gives back what the article cleaning dropped, a
    consent box included: the box goes from the same floor."""
    html, url = _with(LISTING, CONSENT)
    after = Pipeline().add(TypeIs("listing", 0.5), after="page_type").extract(html, url=url)
    before = Pipeline().add(TypeIs("listing", 0.5), after="page_type").configure(
        "type_fit", drop_consent=False).extract(html, url=url)
    assert "unique identifiers in cookies" in before.text
    assert "unique identifiers in cookies" not in after.text
    assert "Council votes on the harbour budget, part 1" in after.text


def test_service_copy_rule_leaves_captions_and_stock_phrases_dropped() -> None:
    """What navigation read as chrome by its text (a caption, "Advertisement") stays dropped between kept
    blocks; only its guesses from the box around a block (a 'cta' section) come back."""
    html, url = _service_page()
    html = html.replace("<div class='cta-section'>", "<div class='pic'><figcaption>Photo: a walled garden in Harrogate "
                        "in early June, after the first season of planting</figcaption></div><p>Advertisement</p>"
                        "<div class='cta-section'>", 1)
    before = Pipeline().add(TypeIs("service"), after="page_type").configure(
        "type_fit", restore_copy=False).extract(html, url=url)
    after = Pipeline().add(TypeIs("service"), after="page_type").extract(html, url=url)
    assert "Our planting plans mix shrubs" in after.text
    for chrome in ("a walled garden in Harrogate in early June", "Advertisement"):
        assert chrome not in before.text, chrome
        assert chrome not in after.text, chrome


def test_service_copy_rule_waits_for_a_confident_type() -> None:
    """Below ``copy_confidence`` (0.7) a page typed service keeps the article cleaning (an article taken for a
    service page with less confidence would get its boxes back)."""
    html, url = _service_page()
    unsure = Pipeline().add(TypeIs("service", 0.65), after="page_type").extract(html, url=url)
    sure = Pipeline().add(TypeIs("service", 0.95), after="page_type").extract(html, url=url)
    assert "Our planting plans mix shrubs" not in unsure.text
    assert "Our planting plans mix shrubs" in sure.text


def test_item_chrome_repeats_and_service_copy_act_from_their_floors() -> None:
    """``item_confidence`` 0.6, ``repeat_confidence`` and ``copy_confidence`` 0.7: a collection typed with 0.65
    loses its item chrome but keeps its repeated lines, one typed with 0.75 loses both; a service page typed
    with 0.75 gets its copy back."""
    cards = "".join(f"<div class='card card-{i}'><h3><a href='/products/rug-{i}'>Kilim rug number {i}</a></h3>"
                    f"<p>Hand-woven wool, pattern {i}</p><div class='sizes'>Select size</div></div>"
                    for i in range(10))
    html, url = _collection(cards + "<p>Free returns within 30 days</p>" * 2)
    at_65 = Pipeline().add(TypeIs("collection", 0.65), after="page_type").extract(html, url=url)
    at_75 = Pipeline().add(TypeIs("collection", 0.75), after="page_type").extract(html, url=url)
    at_55 = Pipeline().add(TypeIs("collection", 0.55), after="page_type").extract(html, url=url)
    assert "Select size" not in at_65.text and "Select size" not in at_75.text and "Select size" in at_55.text
    assert at_65.text.count("Free returns within 30 days") == 2
    assert at_75.text.count("Free returns within 30 days") == 1
    service_html, service_url = _service_page()
    service = Pipeline().add(TypeIs("service", 0.75), after="page_type").extract(service_html, url=service_url)
    assert "Our planting plans mix shrubs" in service.text
