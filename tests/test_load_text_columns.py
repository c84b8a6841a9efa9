"""Text captures: columns printed side by side are read one after the other (load/text_columns.py)."""
from __future__ import annotations

import textwrap

from newsclean import Pipeline, extract
from newsclean.load.text import text_blocks
from newsclean.load.text_columns import unfold_columns
from newsclean.load.text_lines import split_lines

STORY = [
    "The harbour board met on Tuesday to decide the fate of the old grain pier, which has stood empty since "
    "the last freighter left in the spring of the year before the floods.",
    "Members heard from engineers who said the pilings could carry a public walkway if the deck were rebuilt, "
    "and from a developer who wants to put flats on the site instead of the walkway.",
    "The vote was put off until March, when the council expects the survey of the seabed to be finished and "
    "the cost of the repairs to be known to within a tenth of the estimate.",
]
SIDEBAR = ["Archive", "• 2023", "  □ January (12)", "  □ February (9)", "  □ March (14)", "• 2024",
           "  □ April (3)", "  □ May (8)", "Tags", "harbour council piers", "the weekly column"]
COLUMN = 50   # the story column's width in the made-up capture
GUTTER = 4


def _side_by_side(left: list[str], right: list[str], width: int = COLUMN, gutter: int = GUTTER) -> str:
    """Two columns laid out as w3m lays out a table of two cells: the left padded to its width."""
    rows = max(len(left), len(right))
    left = left + [""] * (rows - len(left))
    right = right + [""] * (rows - len(right))
    return "\n".join((a.ljust(width + gutter) + b).rstrip() for a, b in zip(left, right))


def _story_lines(width: int = COLUMN) -> list[str]:
    out: list[str] = []
    for para in STORY:
        out += textwrap.wrap(para, width) + [""]
    return out[:-1]


def test_a_story_beside_a_sidebar_comes_out_as_whole_paragraphs_then_the_sidebar():
    capture = _side_by_side(_story_lines(), SIDEBAR)
    blocks = text_blocks(capture).blocks
    texts = [b.text for b in blocks]
    assert texts[:3] == STORY
    assert "January (12)" in texts[3:] and texts[-1].endswith("the weekly column")   # (the sidebar's own wrap)
    assert not any("Archive" in t or "□" in t for t in texts[:3])


def test_unfolded_lines_are_renumbered_and_carry_their_columns_wrap_width():
    printed = split_lines(_side_by_side(_story_lines(), SIDEBAR))
    lines, runs = unfold_columns(printed)
    assert runs == [(0, len(printed) - 1)]
    assert [ln.number for ln in lines] == list(range(len(lines)))
    story = [ln for ln in lines if ln.text and ln.text in " ".join(STORY)]
    assert story and {ln.wrap for ln in story} == {max(len(x) for x in _story_lines())}


def test_the_column_after_prose_that_crosses_the_band_is_still_found():
    prose = "A paragraph printed across the whole width of the page comes first and says nothing of columns at all."
    capture = prose + "\n\n" + _side_by_side(_story_lines(), SIDEBAR) + "\n\n" + prose
    texts = [b.text for b in text_blocks(capture)[0]]
    assert texts[0] == prose and texts[-1] == prose
    assert all(p in texts for p in STORY)


def test_a_table_of_three_columns_is_left_alone():
    rows = [f"Item {i:<10}   {i * 3:>6} kg   shipped to the depot in the north on day {i}" for i in range(12)]
    lines = split_lines("\n".join(rows))
    assert unfold_columns(lines) == (lines, [])
    assert unfold_columns(lines)[0] is lines


def test_lines_that_merely_start_alike_are_no_columns():
    rows = [f"Average costs for cleaning services in {city} and the towns around it today"
            for city in ("Albuquerque", "Anaheim", "Arlington", "Atlanta", "Aurora", "Austin", "Bakersfield",
                         "Baltimore", "Boston", "Chicago")]
    lines = split_lines("\n".join(rows))
    assert unfold_columns(lines) == (lines, [])
    assert unfold_columns(lines)[0] is lines


def test_a_label_and_value_table_without_a_prose_side_is_left_alone():
    left = [f"Fee {i}" for i in range(10)]
    right = [f"${i}, due yearly" for i in range(10)]
    lines = split_lines(_side_by_side(left, right, width=20))
    assert unfold_columns(lines) == (lines, [])
    assert unfold_columns(lines)[0] is lines


def test_too_few_lines_beside_each_other_are_left_alone():
    lines = split_lines(_side_by_side(_story_lines()[:5], SIDEBAR[:5]))
    assert unfold_columns(lines) == (lines, [])
    assert unfold_columns(lines)[0] is lines


def test_wide_characters_block_a_band_and_nothing_breaks():
    story = ["新闻" * 20] * 10
    lines = split_lines(_side_by_side(story, SIDEBAR))
    assert unfold_columns(lines) == (lines, [])
    assert unfold_columns(lines)[0] is lines


def test_end_to_end_the_story_text_is_whole():
    head = "Harbour board delays pier vote\n\nBy Jane Doe\n\n"
    article = extract(head + _side_by_side(_story_lines(), SIDEBAR), kind="text")
    body = article.text
    assert STORY[0] in body and STORY[2] in body
    assert "February (9)" not in body


def test_explain_notes_the_unfolded_lines():
    capture = "Harbour board delays pier vote\n\n" + _side_by_side(_story_lines(), SIDEBAR)
    page = Pipeline().process(capture, kind="text")
    notes = [d.reason for d in page.decisions if d.stage == "load" and d.action == "note"]
    assert any("columns printed side by side" in n and "lines 3-" in n for n in notes)


def test_the_unfolding_can_be_turned_off():
    capture = _side_by_side(_story_lines(), SIDEBAR)
    texts = [b.text for b in text_blocks(capture, columns=False).blocks]
    assert STORY[0] not in texts
    page = Pipeline(text_columns=False).load(capture, kind="text")
    assert STORY[0] not in [b.text for b in page.blocks]
    assert Pipeline(text_columns=False) != Pipeline()
