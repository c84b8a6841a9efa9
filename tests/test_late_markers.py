"""The regions stage's last cut of a text capture: a heading of a list of other posts (late_markers.py)."""
from __future__ import annotations

import pytest

from newsclean import Pipeline, extract
from newsclean.page import DropKind
from newsclean.stages.regions.late_markers import drop_after_late_marker, drop_trailing_markers


def _paragraphs(n: int, what: str) -> list[str]:
    return [f"{what} paragraph {i} tells the reader about the harbour works, the council's vote and the cost of "
            f"{i + 3} new cranes, as the reporter heard it." for i in range(n)]


def _page(lines: list[str]):
    return Pipeline().load("\n\n".join(lines), kind="text")


@pytest.mark.parametrize("heading", ["More articles", "UP NEXT:", "Recent posts", "You may also enjoy",
                                     "Neueste Beiträge", "Articles récents"])
def test_heading_after_the_story_ends_it(heading):
    page = _page(_paragraphs(6, "Story") + [heading] + _paragraphs(2, "Teaser"))
    drop_after_late_marker(page, "regions")
    kept = [b.text for b in page.blocks if b.kept]
    assert kept == _paragraphs(6, "Story")
    gone = [b for b in page.blocks if not b.kept]
    assert gone[0].text == heading and len(gone) == 3
    assert all(b.drop_kind is DropKind.END_MATTER and b.dropped_by == "regions" for b in gone)
    assert "of a list of other posts" in (gone[0].reason or "")


@pytest.mark.parametrize(("before", "after"), [
    (0, 6),   # the heading opens the page: a sidebar's or a menu's, not the story's end
    (2, 4),   # more prose below it than above: the story goes on
])
def test_heading_without_most_of_the_story_above_it_stays(before, after):
    page = _page(_paragraphs(before, "Story") + ["More articles"] + _paragraphs(after, "Story"))
    drop_after_late_marker(page, "regions")
    assert all(b.kept for b in page.blocks)


def test_a_sentence_naming_the_heading_is_no_marker():
    lines = _paragraphs(6, "Story") + ["More articles about the harbour will follow next week, the editor said."]
    page = _page(lines + _paragraphs(1, "Story"))
    drop_after_late_marker(page, "regions")
    assert all(b.kept for b in page.blocks)


def test_extract_drops_the_list_of_other_posts_of_a_capture():
    teasers = ["How the port authority spent its budget in the last ten years of works",
               "Why the new cranes arrived two months late and who paid for the delay"]
    capture = "\n\n".join(["Harbour works approved", *_paragraphs(6, "Story"), "More articles", *teasers])
    art = extract(capture, kind="text")
    assert "Story paragraph 5" in art.text
    assert "More articles" not in art.text and not any(t in art.text for t in teasers)


@pytest.mark.parametrize("marker", ["Das könnte Sie auch interessieren:", "Related articles", "Share this:"])
def test_an_end_marker_left_last_goes(marker):
    page = _page(_paragraphs(4, "Story") + [marker, "How the port authority spent its budget"])
    page.drop(page.blocks[-1], "boilerplate", "after the article body")
    drop_trailing_markers(page, "regions")
    kept = [b.text for b in page.blocks if b.kept]
    assert kept == _paragraphs(4, "Story")
    gone = page.blocks[-2]
    assert gone.drop_kind is DropKind.END_MATTER and gone.dropped_by == "regions"


def test_an_end_marker_with_kept_text_after_it_or_alone_stays():
    page = _page(_paragraphs(4, "Story") + ["Related articles"] + _paragraphs(1, "Story"))
    drop_trailing_markers(page, "regions")
    assert all(b.kept for b in page.blocks)
    page = _page(["Related articles", "Comments"])
    drop_trailing_markers(page, "regions")
    assert all(b.kept for b in page.blocks)


def test_an_end_marker_after_a_short_story_goes_too():
    page = _page(["M: Who slips next on the ice?", "Me: I bet you do.", "Share this:"])
    drop_trailing_markers(page, "regions")
    assert [b.text for b in page.blocks if b.kept] == ["M: Who slips next on the ice?", "Me: I bet you do."]
