"""Block.drop_kind: later stages read what kind of decision dropped a block, never the dropping stage's
name or the wording of its reason (both of which a user may change)."""
from __future__ import annotations

from newsclean.load import load_page
from newsclean.page import Block, DropKind, Page
from newsclean.stages.classify.features import decision_of
from newsclean.stages.navigation.html import _Context, _drop_boxes
from newsclean.stages.type_fit import TypeFitStage

BODY = "A paragraph of the story that is long enough to be body text and says something. " * 3


def test_drop_sets_the_kind_restore_clears_it_and_the_first_drop_stands():
    page = Page(kind="text", source="", blocks=[Block(0, "x")])
    page.drop(page.blocks[0], "anything", "reworded", kind=DropKind.PROMO)
    page.drop(page.blocks[0], "other", "later", kind=DropKind.REPEAT)
    assert page.blocks[0].drop_kind is DropKind.PROMO
    page.restore(page.blocks[0], "classify", "body after all")
    assert page.blocks[0].drop_kind is None
    page.drop(page.blocks[0], "other", "no kind given")
    assert page.blocks[0].drop_kind is DropKind.OTHER


def test_classifier_columns_follow_the_kind_not_the_stage_name_or_reason():
    page = Page(kind="text", source="", blocks=[Block(i, t) for i, t in enumerate("abc")])
    page.drop(page.blocks[0], "my_region_finder", "above the story", kind=DropKind.BEFORE_BODY)
    page.drop(page.blocks[1], "boilerplate", "before the article body (body starts at block 2)")  # no kind
    assert decision_of(page.blocks[0]) == "drop_before"
    assert decision_of(page.blocks[1]) == "drop_other"
    assert decision_of(page.blocks[2]) is None


def test_type_fit_keeps_the_headline_dropped_whatever_stage_dropped_it():
    page = Page(kind="html", source="", blocks=[Block(0, "Headline"), Block(1, "Teaser 2"), Block(2, "Kicker")])
    page.set_field("page_type", "listing", "test", "test")
    page.set_field("page_type_confidence", 0.9, "test", "test")
    page.drop(page.blocks[0], "my_title", "moved to the title", kind=DropKind.HEADLINE)
    page.drop(page.blocks[1], "title", "a teaser")  # named like the title stage, but not a title drop
    page.drop(page.blocks[2], "my_title", "section label", kind=DropKind.KICKER)
    TypeFitStage().run(page)
    assert not page.blocks[0].kept and not page.blocks[2].kept
    assert page.blocks[1].kept


def test_type_fit_does_not_give_back_a_second_copy_or_a_stock_phrase_on_a_listing():
    texts = ["Teaser 1", "Teaser 1", "Updated March 2, 2026", "Teaser 2"]
    page = Page(kind="html", source="", blocks=[Block(i, t) for i, t in enumerate(texts)])
    page.set_field("page_type", "listing", "test", "test")
    page.set_field("page_type_confidence", 0.9, "test", "test")
    page.drop(page.blocks[1], "duplicates", "second copy", kind=DropKind.REPEAT)
    page.drop(page.blocks[2], "navigation", "stock phrase", kind=DropKind.STOCK_PHRASE)
    page.drop(page.blocks[3], "boilerplate", "outside main content")
    TypeFitStage().run(page)
    assert [b.kept for b in page.blocks] == [True, False, False, True]


def test_type_fit_restores_a_listing_typed_with_less_confidence_than_a_collection_needs():
    def typed(kind: str, confidence: float) -> Page:
        page = Page(kind="html", source="", blocks=[Block(0, "Teaser 1"), Block(1, "Teaser 2")])
        page.set_field("page_type", kind, "test", "test")
        page.set_field("page_type_confidence", confidence, "test", "test")
        page.drop(page.blocks[1], "boilerplate", "outside main content")
        TypeFitStage().run(page)
        return page
    assert typed("listing", 0.45).blocks[1].kept
    assert not typed("collection", 0.45).blocks[1].kept
    assert not typed("listing", 0.3).blocks[1].kept


def test_type_fit_drops_repeated_lines_only_when_the_type_is_sure():
    def typed(confidence: float) -> list[bool]:
        texts = ["Question about the pump", "Quote", "An answer that says something", "Quote"]
        page = Page(kind="html", source="", blocks=[Block(i, t) for i, t in enumerate(texts)])
        page.set_field("page_type", "forum", "test", "test")
        page.set_field("page_type_confidence", confidence, "test", "test")
        TypeFitStage().run(page)
        return [b.kept for b in page.blocks]
    assert typed(0.95) == [True, True, True, False]
    assert typed(0.7) == [True, True, True, False]
    assert typed(0.65) == [True, True, True, True]


def test_a_box_title_dropped_as_a_stock_phrase_still_opens_its_box_whatever_the_reason_says():
    html = (f"<html><body><article><p>{BODY}</p><h3>Share this:</h3><ul><li>Facebook</li><li>Email</li></ul>"
            f"</article></body></html>")
    page = load_page(html, kind="html")
    title = next(b for b in page.blocks if b.text == "Share this:")
    page.drop(title, "navigation", "a reworded reason", kind=DropKind.STOCK_PHRASE)
    _drop_boxes(page, _Context(page, None), "navigation")
    items = [b for b in page.blocks if b.text in ("Facebook", "Email")]
    assert items and not any(b.kept for b in items)
    other = load_page(html, kind="html")  # dropped as anything else: the box is left to other rules
    page_title = next(b for b in other.blocks if b.text == "Share this:")
    other.drop(page_title, "navigation", "stock phrase 'share this'", kind=DropKind.OTHER)
    _drop_boxes(other, _Context(other, None), "navigation")
    assert all(b.kept for b in other.blocks if b.text in ("Facebook", "Email"))
