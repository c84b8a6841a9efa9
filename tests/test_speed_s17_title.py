"""Session 17's title-ranker shortcuts give what the code they replaced gave."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.page import Block
from newsclean.stages.title import _YEARLESS, is_dateline_text, lines, rank

_LINE = st.text(alphabet=st.sampled_from("ab ."), max_size=6)


@settings(max_examples=500)
@given(st.lists(_LINE, max_size=6), _LINE)
def test_ends_longer_is_the_loop_over_crumb_lines(crumbs: list[str], key: str) -> None:
    joined = "\n" + "\n".join(crumbs) + "\n"
    assert lines.ends_longer(key, joined) is any(c != key and c.endswith(key) for c in crumbs)


def test_ends_longer_finds_only_longer_lines() -> None:
    assert lines.ends_longer("b c", "\na | b c\n") and not lines.ends_longer("b c", "\nb c\n")
    assert not lines.ends_longer("b c", "\n\n") and lines.ends_longer("", "\nx\n")


_PIECE = st.sampled_from(["By", "by", "von", "Jane", "written", "photo", "Foto", "Images", "credit", "AFP", "dpa",
                          "ſhutterstock", "\u212aimago", "x", "|", "/", " ", ",", ":", "©", "É"])


@settings(max_examples=500)
@given(st.lists(_PIECE, max_size=8))
def test_credit_and_by_inside_shortcuts_are_the_regexes(parts: list[str]) -> None:
    text = " ".join(parts)
    low = text.lower() if text.isascii() else None
    for pattern, pieces in ((rank._BY_INSIDE, rank._BY_PIECES), (rank._CREDIT, rank._CREDIT_PIECES)):
        assert rank._may_search(pattern, text, low, pieces) is (pattern.search(text) is not None)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Updated", "Nov", "19,", "6:55", "6", "55", "AM", "at", "Mon,", ":"]), max_size=7))
def test_yearless_dateline_holds_a_colon(parts: list[str]) -> None:
    text = " ".join(parts)
    assert ":" in text or not _YEARLESS.match(text)


def test_yearless_dateline_still_found() -> None:
    assert is_dateline_text("Updated Nov 19, 6:55 AM") and not is_dateline_text("Updated Nov 19 655 AM")


def test_body_with_lines_at_hand_is_the_body_without() -> None:
    prose = "The ferry lost its last captain this spring when Anna Berg retired after thirty years at the wheel."
    texts = ["Home | News", "River ferry loses its last captain", prose, "Ferry | River ferry loses its last captain"]
    blocks = [Block(index=i, text=t, kind="paragraph") for i, t in enumerate(texts)]
    normed, short, crumbs = lines.top_texts(blocks)
    assert crumbs == "\nhome | news\nferry | river ferry loses its last captain\n" and len(short) == 4
    shared, alone = lines.Body(blocks, normed, lines.prose_lines(blocks)), lines.Body(blocks)
    seen = (shared.starts, shared.joined, shared.offsets, shared.last)
    assert seen == (alone.starts, alone.joined, alone.offsets, alone.last)
    assert seen[:3] == ([2], normed[2], [0, len(normed[2]) + 1])
    assert alone.repeats(1, "ferry lost its last") == 1.0
