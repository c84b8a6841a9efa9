"""The compiled ``hint_words_each`` (_core/_scan_sphtml3.pxi) gives what its pure twin gives: on word lists
that share heads with the list before them (as the walk builds them: parent list + own words), on equal
words held in different string objects, and on lists shorter, longer or unrelated to the one before.

Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import _core
from newsclean.stages.page_type.features import _HINT_WORDS, hint_words_each_pure

hint_words_each = _core.compiled("hint_words_each")
pytestmark = pytest.mark.skipif(hint_words_each is None,
                                reason="the compiled core is not built (or NEWSCLEAN_PURE is set)")

WORDS = ["post", "card", "article", "body", "x", "main", "toc", "price", "wrap", "entry"]


def _fresh(word: str) -> str:
    """An equal string that is another object (so a shared head is told by value, not identity)."""
    return "".join(list(word))


@st.composite
def _chains(draw: st.DrawFn) -> list[tuple[str, ...]]:
    """Word lists in the walk's shape: each extends, cuts back or replaces the one before."""
    out: list[tuple[str, ...]] = []
    prev: tuple[str, ...] = ()
    for _ in range(draw(st.integers(0, 12))):
        keep = draw(st.integers(0, len(prev)))
        tail = tuple(draw(st.lists(st.sampled_from(WORDS), max_size=5)))
        if draw(st.booleans()):
            tail = tuple(_fresh(w) for w in tail)
        prev = prev[:keep] + tail
        out.append(prev)
    return out


@given(_chains())
def test_hint_words_each_twins(lists: list[tuple[str, ...]]) -> None:
    assert hint_words_each(lists, _HINT_WORDS) == hint_words_each_pure(lists, _HINT_WORDS)


def test_hint_words_each_cases() -> None:
    head = ("page", "post", "wrap")
    lists = [head, head + ("card",), head, ("post",), (), head[:2] + (_fresh("card"),), ("x",) + head]
    expected = [frozenset({"post"}), frozenset({"post", "card"}), frozenset({"post"}), frozenset({"post"}),
                frozenset(), frozenset({"post", "card"}), frozenset({"post"})]
    assert hint_words_each(lists, _HINT_WORDS) == expected == hint_words_each_pure(lists, _HINT_WORDS)
