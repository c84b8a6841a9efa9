"""item_groups: repeated sibling elements of one shape under one parent, found from the blocks' elements."""
from __future__ import annotations

from newsclean.load import load_page
from newsclean.stages.item_groups import item_groups, shape


def _page(body: str):
    return load_page(f"<html><body>{body}</body></html>", kind="html")


def test_cards_of_one_shape_make_a_group_and_their_nested_lists_make_smaller_ones() -> None:
    cards = "".join(f"<div class='card card-{i}'><h3>Lamp {i}</h3><p>Brass and linen, model {i}</p>"
                    f"<ul><li>Small</li><li>Large</li><li>Floor</li></ul></div>" for i in range(4))
    page = _page(f"<h1>Lamps</h1><p>All our lamps.</p><div class='grid'>{cards}</div>")
    groups = item_groups(page)
    cards_group = groups[0]
    assert len(cards_group.items) == 4  # "card card-0" ... "card card-3": one shape (first class word)
    assert [b.text for b in next(iter(cards_group.items.values()))] == ["Lamp 0", "Brass and linen, model 0",
                                                                        "Small", "Large", "Floor"]
    sizes = [g for g in groups if len(g.items) == 3]
    assert len(sizes) == 4 and all([b.text for b in g.blocks] == ["Small", "Large", "Floor"] for g in sizes)
    assert not any("All our lamps." in (b.text for b in g.blocks) for g in groups)  # not in any group


def test_two_siblings_are_not_a_group_and_other_shapes_do_not_count() -> None:
    page = _page("<div><p class='a'>One</p><p class='a'>Two</p><p class='b'>Three</p><div class='a'>Four</div></div>")
    assert item_groups(page) == []


def test_shape_ignores_digits_and_later_class_words() -> None:
    a = _page("<div class='post-12 odd'>x</div>").blocks[0].element
    b = _page("<div class='post-345 even'>y</div>").blocks[0].element
    assert shape(a) == shape(b) == ("div", "post-")
