"""type_region / type_fit: on a product page whose chosen container misses the title, the region is chosen
again around the title."""
from __future__ import annotations

import json

from newsclean import Pipeline
from newsclean.stages.type_region import title_region

POLICY = ("You can return or exchange items that are unworn and unwashed within thirty days of delivery, with "
          "the original tags attached, and we will refund the price to the card you paid with. ")
HEADER = "<header><nav><ul>" + "".join(f"<li><a href='/c{i}'>Category {i}</a></li>" for i in range(6)) \
    + "</ul></nav></header>"


def _product(body_main: str) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": "Harbour rain jacket",
                     "offers": {"@type": "Offer", "price": "89.00", "priceCurrency": "USD"}})
    return (f"<html><head><title>Harbour rain jacket</title><script type='application/ld+json'>{ld}</script>"
            "<meta property='og:type' content='product'></head><body>" + HEADER + "<main>" + body_main
            + "</main><footer><p>© 2025 Example Outfitters</p></footer><div class='modal'><h2>Refund policy</h2>"
            + "".join(f"<p>{POLICY}({i})</p>" for i in range(8)) + "</div></body></html>")


PRODUCT = _product(
    "<div class='buy'><h1>Harbour rain jacket</h1><span class='price'>$89.00</span><button>Add to cart</button>"
    "</div><section class='details'><h3>The details</h3><p>A light jacket for wet crossings.</p>"
    "<h3>Materials</h3><p>Recycled nylon shell, taped seams.</p></section>")
URL = "https://shop.example.com/products/harbour-rain-jacket"


def test_product_page_keeps_the_region_of_its_title_not_a_far_refund_policy() -> None:
    before = Pipeline().remove("type_fit").extract(PRODUCT, url=URL)
    after = Pipeline().extract(PRODUCT, url=URL)
    assert after.page_type == "product"
    assert "Recycled nylon shell" not in before.text and "unworn and unwashed" in before.text
    assert "Recycled nylon shell" in after.text and "A light jacket for wet crossings." in after.text
    assert "unworn and unwashed" not in after.text
    assert "Category 3" not in after.text  # the header stays out of the region




def test_container_near_the_title_is_widened_only_when_asked() -> None:
    pipe = Pipeline().remove("type_fit").remove("page_type")
    page = pipe.process(PRODUCT, url=URL)
    main = page.tree.find(".//main")
    details = page.tree.find(".//section")
    page.handoffs.html_container = details  # the container holds the description, not the title
    assert title_region(page, widen=True) is main  # the element holding both below <body>
    assert title_region(page, widen=False) is None
    page.handoffs.html_container = page.tree.find(".//div[@class='modal']")
    assert title_region(page, widen=False) is main  # far from the title: the title's chrome-free region


def test_container_holding_the_title_is_kept() -> None:
    page = Pipeline().remove("type_fit").remove("page_type").process(PRODUCT, url=URL)
    page.handoffs.html_container = page.tree.find(".//main")
    assert title_region(page) is None


def test_far_container_that_names_the_title_is_kept() -> None:
    """A container far from the title whose text names the product is about the product: it stays."""
    page = Pipeline().remove("type_fit").remove("page_type").process(PRODUCT, url=URL)
    page.handoffs.html_container = page.tree.find(".//div[@class='modal']")
    assert title_region(page, widen=False) is not None
    for block in page.kept():
        block.text = "The harbour rain jacket: " + block.text
        break
    assert title_region(page, widen=False) is None
