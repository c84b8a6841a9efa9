"""The byline ranker's line facts with the short dated lines remembered per page (session 16) are those of the
plain reading, which asked every neighbour again: the old definitions are kept here and compared on many pages."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.normalize.dates import find_dates
from newsclean.normalize.prefilter import may_hold
from newsclean.page import Block
from newsclean.stages.byline import rank
from newsclean.strings import has_digit

LINES = ("March 5, 2024", "By Jane Doe | March 5, 2024", "Updated 12.03.2023 10:45", "Jane Doe", "Reply",
         "Photo: Getty Images", "© 2024 Example Media", "Author", "By", "x" * 70 + " 5 May 2021", "7 comments",
         "A paragraph of the story that runs on for a good while. " * 5, "", "2023-05-01", "Home | News | Sport")


def _old_date_near(blocks: list[Block], i: int) -> bool:
    for j in (i - 2, i - 1, i + 1, i + 2):
        if 0 <= j < len(blocks) and len(blocks[j].text) <= rank.MAX_NAME_LINE and \
                has_digit(blocks[j].text) and find_dates(blocks[j].text, limit=1):
            return True
    return False


def _old_line_facts(blocks: list[Block], b: Block) -> rank._LineFacts:
    text, i = b.text, b.index
    prev = blocks[i - 1].text if i > 0 else ""
    marks = may_hold(text, rank._FACT_WORDS)
    return rank._LineFacts(
        1.0 if has_digit(text) and find_dates(text, limit=1) else 0.0,
        1.0 if marks and rank._COMMENT.search(text) else 0.0, 1.0 if marks and rank._PHOTO.search(text) else 0.0,
        1.0 if marks and rank._COPYRIGHT.search(text) else 0.0, 1.0 if b.kept else 0.0,
        1.0 if b.kind == "list_item" else 0.0, 1.0 if rank._BARE_LABEL.match(prev) else 0.0,
        1.0 if _old_date_near(blocks, i) else 0.0, rank._short_neighbours(blocks, i),
        1.0 if rank._body_below(blocks, i) else 0.0)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_line_facts_with_the_page_memo_are_the_plain_ones(texts: list[str], rnd) -> None:
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    order = list(range(len(blocks)))
    rnd.shuffle(order)   # candidates come in any order; the memo is shared by the whole page
    dated: dict[int, bool] = {}
    for i in order:
        assert rank._line_facts(blocks, blocks[i], dated) == _old_line_facts(blocks, blocks[i])
