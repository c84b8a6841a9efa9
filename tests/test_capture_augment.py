"""The restyled prints that augment the capture classifier's training rows (benchmarks/train/capture_augment.py)."""
from __future__ import annotations

from newsclean.load.text import text_blocks
from tests.scripts import load_script

aug = load_script("benchmarks/train/capture_augment.py", "nc_capture_augment")

_STORM = ("Storm closes the harbour for a third day as the town waits for the ferry to return; shops on the "
          "quay have run out of bread and the school stays shut until the wind drops below gale force.")
_FERRY = ("The harbour master said the ferry would not sail before Friday, and that the company would "
          "run buses to the airport for anyone who has to leave the island before the weekend is out.")
_QUAY = ("Fishermen moved their boats to the inner basin on Monday night, and the lifeboat crew has been "
         "on call since the first warning was given by the weather service early on Sunday morning.")
# one line per paragraph (the loader reads it whatever it measures), long enough that a wrapped print has
# the lines the loader needs to measure its wrap column
CAPTURE = "Site name\n\n* Home\n* World\n* Sports\n\n" + "\n\n".join(" ".join([p] * 3) for p in (_STORM, _FERRY, _QUAY))


def test_every_style_keeps_every_block_text_and_kind():
    blocks = text_blocks(CAPTURE)[0]
    for style in aug.STYLES:
        again = text_blocks(aug.restyle(blocks, style))[0]
        assert [b.text for b in again] == [b.text for b in blocks], style.name
        if style.bullet:  # a style without a glyph prints list items as plain lines, on purpose
            assert [b.kind for b in again] == [b.kind for b in blocks], style.name
        else:
            assert "list_item" not in [b.kind for b in again]


def test_styles_change_the_layout():
    blocks = text_blocks(CAPTURE)[0]
    prints = {aug.restyle(blocks, s) for s in aug.STYLES}
    assert len(prints) == len(aug.STYLES)
    flat = aug.restyle(blocks, aug.STYLES[0])
    assert "Storm closes the harbour" in flat and max(map(len, flat.splitlines())) > 150
    narrow = aug.restyle(blocks, next(s for s in aug.STYLES if s.width == 64))
    assert max(map(len, narrow.splitlines())) <= 64


def test_styles_for_a_page_are_deterministic_and_distinct():
    a = aug.styles_for("wcxb:w3m:0001", 3)
    assert a == aug.styles_for("wcxb:w3m:0001", 3)
    assert len({s.name for s in a}) == 3


def test_numbered_items_keep_their_numbers():
    blocks = text_blocks("Steps\n\n1. Mix the flour.\n2. Bake it.\n")[0]
    for style in aug.STYLES:
        assert "2. Bake it." in aug.restyle(blocks, style)
