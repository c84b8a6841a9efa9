"""Tables drawn with box lines: each table row is read back as one line of cells, in the page's order."""
from __future__ import annotations

from newsclean.load.text import text_blocks
from newsclean.load.text_boxes import unbox_tables

UNICODE = """Intro line.

┌───────┬────────────┬────────┐
│Rank   │Business    │Salary  │
│       │School      │        │
├───────┼────────────┼────────┤
│1      │Chicago     │$175,000│
│       │Booth       │        │
├───────┼────────────┼────────┤
│2      │Kellogg     │$165,000│
└───────┴────────────┴────────┘

After the table.
"""

ASCII = """   +-----------------------------+
   | # | Company     | Year    |
   |   |             | Founded |
   |---+-------------+---------|
   | 1 | Embarque    | 2020    |
   |---+-------------+---------|
   | 2 | Coinbound   | 2018    |
   +-----------------------------+
"""


def test_a_box_grid_is_read_row_by_row_with_each_cells_pieces_joined():
    lines = [ln for ln in unbox_tables(UNICODE).split("\n") if ln]
    assert lines == ["Intro line.", "Rank   Business School   Salary", "1   Chicago Booth   $175,000",
                     "2   Kellogg   $165,000", "After the table."]


def test_an_ascii_grid_with_inner_rules_is_read_too():
    lines = [ln for ln in unbox_tables(ASCII).split("\n") if ln]
    assert lines == ["#   Company   Year Founded", "1   Embarque   2020", "2   Coinbound   2018"]


def test_the_rows_become_one_table_block():
    blocks = text_blocks(UNICODE).blocks
    table = [b for b in blocks if b.kind == "table"]
    assert len(table) == 1
    assert table[0].text.split("\n") == ["Rank Business School Salary", "1 Chicago Booth $175,000",
                                         "2 Kellogg $165,000"]


def test_text_without_a_grid_is_left_as_it_is():
    for text in ("a | b | c\n+ one\n- two\n", "|---|\nx\n", "+--+\n| a |\n+--+\n", "plain text\n"):
        assert unbox_tables(text) == text



def test_every_border_passes_the_quick_test_that_skips_captures_without_a_grid():
    from newsclean.load.text_boxes import _MAY_BORDER, _border
    lines = ["┌──┬──┐", "  ├───┼───┤  ", "\u00a0+----+", "|---+---|\r", "╔══╦══╗", "+====+====+", "└─┴─┘\t",
             "+-+-+-+", "| --- |", "+--x--+", "a | b", "+ one", "|   |   |"]
    for line in lines:
        if _border(line):
            assert _MAY_BORDER.search(line), line
    assert not _MAY_BORDER.search("+" + " " * 5000 + "x")   # (and no slow search on a long non-border line)
