"""consent_boxes: the blocks of a cookie/consent dialog, not a page or a shop's cookie products."""
from __future__ import annotations

from newsclean import Pipeline
from newsclean.stages.consent_boxes import consent_blocks

PARA = ("The bakery on the corner sells bread baked before dawn, and its owner says the oven is older than "
        "the building, which was rebuilt after the flood of the winter of nineteen fifty-three.")
DIALOG = ("<div id='onetrust-consent-sdk'><h2>We value your privacy</h2><p>We and our partners use cookies "
          "to measure how the site is used. You can accept all of them or choose in the settings.</p>"
          "<button>Accept all</button></div>")


def _found(body: str, body_attrs: str = "") -> set[str]:
    html = f"<html><head><title>Bakery</title></head><body{body_attrs}>{body}</body></html>"
    page = Pipeline(["metadata"]).process(html)
    return {page.blocks[i].text for i in consent_blocks(page)}


def test_the_blocks_of_a_consent_dialog_are_found() -> None:
    found = _found("<h1>The corner bakery</h1>" + "".join(f"<p>{PARA} {i}</p>" for i in range(4)) + DIALOG)
    assert "We value your privacy" in found
    assert any(t.startswith("We and our partners use cookies") for t in found)
    assert not any(t.startswith("The bakery on the corner") for t in found)


def test_a_grid_of_cookie_products_is_not_a_consent_box() -> None:
    cards = "".join(f"<div class='cookie-card'><h3>Oat and raisin cookie {i}</h3><p>Baked with butter, "
                    f"sold by the dozen, {i} left today.</p></div>" for i in range(6))
    body = "<h1>Cookies</h1>" + "".join(f"<p>{PARA} {i}</p>" for i in range(3)) + f"<div class='cookies'>{cards}</div>"
    assert _found(body) == set()


def test_a_wrapper_that_holds_the_page_is_not_a_consent_box() -> None:
    body = "<div class='gdpr-cookie-consent-ready'><h1>The corner bakery</h1>" + "".join(
        f"<p>{PARA} We accept cookies and cards. {i}</p>" for i in range(4)) + "</div>"
    assert _found(body, " class='cookie-banner-visible'") == set()


def test_a_consent_wrapper_whose_page_never_says_cookie_is_no_box_and_one_that_does_is() -> None:
    """The page-wide pre-test (no "cookie" anywhere: no walk) gives what the walk gives."""
    dialog = DIALOG.replace("use cookies to measure", "measure")
    body = "<h1>The corner bakery</h1>" + "".join(f"<p>{PARA} {i}</p>" for i in range(4))
    assert _found(body + dialog) == set()
    assert "We value your privacy" in _found(body + DIALOG)
