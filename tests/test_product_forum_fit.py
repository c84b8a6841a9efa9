"""type_fit on product and forum pages: carousels of other products go, reviews that outweigh a shop page's
copy go, a thread's posts are found (``forum_posts``) and, as an option, given back."""
from __future__ import annotations

from newsclean import Page, Pipeline, Stage
from newsclean.page import Block
from newsclean.stages.forum_posts import post_group
from newsclean.stages.item_groups import item_groups
from newsclean.stages.product_carousel import carousel_blocks, is_price_line
from newsclean.stages.type_region import title_block
from tests.page_type_pages import FORUM, PRODUCT
from tests.test_type_fit import _with_reviews

CAROUSEL = ("<h2>Customers also bought</h2><div class='carousel'>" + "".join(
    f"<div class='card'><p class='name'>Hiking boot model {i}</p>"
    f"<p>Waterproof leather boot with a grippy sole</p><p>${60 + i}.00</p></div>" for i in range(5)) + "</div>")


def _product_with_carousel_in_its_region() -> tuple[str, str]:
    html, url = PRODUCT
    # the carousel sits inside the product's own wrapper, so the container choice keeps it
    return html.replace("<table>", CAROUSEL + "<table>", 1), url


def test_price_lines_are_short_lines_with_a_currency() -> None:
    assert is_price_line(Block(0, "$103.40"))
    assert is_price_line(Block(1, "+ 23,12 EUR delivery"))
    assert not is_price_line(Block(2, "Free delivery on every order over $50 to most addresses in the country "
                                      "and to the islands"))
    assert not is_price_line(Block(3, "Machine wash"))


def test_product_drops_a_carousel_of_other_products_but_keeps_its_own_copy() -> None:
    html, url = _product_with_carousel_in_its_region()
    before = Pipeline().configure("type_fit", drop_carousels=False).extract(html, url=url)
    after = Pipeline().extract(html, url=url)
    assert after.page_type == "product"
    assert "Hiking boot model 3" in before.text
    assert "Hiking boot model" not in after.text and "$63.00" not in after.text
    assert "A soft, warm sock knitted from merino wool" in after.text
    assert "Merino wool" in after.text and "Machine wash" in after.text


def test_a_group_holding_the_title_is_not_a_carousel() -> None:
    html, url = _product_with_carousel_in_its_region()
    page = Pipeline().process(html, url=url)
    title = title_block(page)
    assert title is not None and title.text == "Merino crew sock"
    cards = carousel_blocks(item_groups(page), title)
    assert title.index not in cards
    assert {b.text for b in page.blocks if b.index in cards} >= {"Hiking boot model 0", "$64.00"}
    # the same cards on a page whose title is one of them: the product's own group, kept (the page's other
    # row, "You may also like", is still a carousel)
    boots = carousel_blocks(item_groups(page), next(b for b in page.blocks if b.text == "Hiking boot model 2"))
    assert not any(page.blocks[i].text.startswith("Hiking boot") for i in boots)
    assert any(page.blocks[i].text.startswith("Other sock 1") for i in boots)


def test_other_types_keep_their_priced_cards() -> None:
    html, url = _product_with_carousel_in_its_region()
    forced = Pipeline().configure("type_fit", min_confidence=1.01)
    assert "Hiking boot model 3" in forced.extract(html, url=url).text


def test_reviews_that_outweigh_a_shop_pages_copy_are_dropped_all_the_same() -> None:
    html, url = _with_reviews(6, 120)  # ~90% of the kept words: more than half, still a shop page
    after = Pipeline().extract(html, url=url)
    assert after.page_type == "product"
    assert "Lovely and warm" not in after.text
    assert "A soft, warm sock knitted from merino wool" in after.text


class KeepOnlyTheFirstPost(Stage):
    """Stands in for a container choice that took one post for the thread: drops the other posts' text as
    outside the main content."""

    name = "first_post_only"

    def run(self, page: Page) -> None:
        first = None
        for b in page.blocks:
            post = next((el for el in b.element.iterancestors() if el.get("class") == "post"), None)
            first = first if first is not None or post is None else post
            if post is not None and post is not first and b.kept:
                page.drop(b, self.name, "outside main content", outside_main=True)


def test_post_group_finds_the_threads_posts() -> None:
    html, url = FORUM
    page = Pipeline().process(html, url=url)
    group = post_group(page)
    assert group is not None and len(group.posts) == 6
    assert all(any(b.text.endswith(f"reply {i}.") for b in post) for i, post in enumerate(group.posts, 1))


def test_restore_posts_gives_back_the_answers_the_container_choice_dropped() -> None:
    html, url = FORUM
    base = Pipeline().add(KeepOnlyTheFirstPost(), after="dates")
    before = base.extract(html, url=url)
    after = Pipeline().add(KeepOnlyTheFirstPost(), after="dates").configure(
        "type_fit", restore_posts=True).extract(html, url=url)
    assert before.page_type == after.page_type == "forum"
    assert "reply 4." not in before.text
    assert all(f"reply {i}." in after.text for i in range(1, 7))
    assert "user4 Joined" not in after.text  # a dropped post's user box is not prose: it stays dropped
