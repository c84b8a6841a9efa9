"""Decision records and page_type's repeated shapes and hint-group counts: the compiled ``repeat_hint_counts``
(_core/_scan_spdhtml.pxi) gives what its pure twin ``repeat_hint_counts_pure`` gives, and the twin gives
what the per-group word sets gave before it (a group counts a block when one of its ancestor words is in
the group), on blocks whose ancestor word tuples share heads, repeat by identity or are equal copies.

The compiled half is skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.page import _DECISION_FIELDS, Block, Decision, Page, _decision, frozen_record_pure
from newsclean.stages.page_type.features import (
    _HINT_BITS,
    _HINT_GROUPS,
    _HINT_WORDS,
    REPEAT_MIN,
    _repeat_and_hint_features,
    repeat_hint_counts_pure,
)
from tests.core_helpers import unless_compiled

repeat_hint_counts = _core.compiled("repeat_hint_counts")
needs_core = unless_compiled(repeat_hint_counts)

WORDS = ["post", "card", "article", "body", "x", "main", "toc", "price", "wrap", "entry", "comment", "docs"]


def _fresh(word: str) -> str:
    """An equal string that is another object (a shared head is told by identity, results by value)."""
    return "".join(list(word))


@st.composite
def _blocks(draw: st.DrawFn) -> list[Block]:
    """Blocks as the walk emits them: each block's ancestor tuple extends, cuts back or replaces the one
    before it, or is the very same tuple object (siblings); shapes drawn from a few tags and depths."""
    out: list[Block] = []
    prev: tuple[str, ...] = ()
    for i in range(draw(st.integers(0, 25))):
        if not draw(st.booleans()):  # a new tuple (else: a sibling holding the same object)
            keep = draw(st.integers(0, len(prev)))
            tail = tuple(draw(st.lists(st.sampled_from(WORDS), max_size=4)))
            if draw(st.booleans()):
                tail = tuple(_fresh(w) for w in tail)
            prev = prev[:keep] + tail
        feats: dict[str, Any] = {"tag": draw(st.sampled_from(["p", "li", "h2"])),
                                 "depth": draw(st.integers(3, 5)), "hints": prev}
        if draw(st.booleans()):
            feats["own_hints"] = tuple(draw(st.lists(st.sampled_from(WORDS[:3]), max_size=2)))
        out.append(Block(i, "text", features=feats))
    return out


def _old_way(blocks: list[Block]) -> tuple[int, int, list[int]]:
    """The counts as page_type took them before the twins: each tuple's hint words as a set, each group
    tested for a shared word."""
    sigs: dict[Any, int] = {}
    hits = dict.fromkeys(_HINT_GROUPS, 0)
    for b in blocks:
        f = b.features
        sig = (f.get("tag"), f.get("own_hints") or (), f.get("depth"))
        sigs[sig] = sigs.get(sig, 0) + 1
        words = _HINT_WORDS.intersection(f.get("hints") or ())
        for g, group in _HINT_GROUPS.items():
            if not group.isdisjoint(words):
                hits[g] += 1
    rep = [c for c in sigs.values() if c >= REPEAT_MIN]
    return sum(rep), len(rep), list(hits.values())


#: many draws per example: slow to generate on a loaded machine, which is no fault of the code
_SLOW_OK = settings(suppress_health_check=[HealthCheck.too_slow])


@_SLOW_OK
@given(_blocks())
def test_pure_twin_counts_as_before(blocks: list[Block]) -> None:
    assert repeat_hint_counts_pure(blocks, _HINT_BITS, len(_HINT_GROUPS), REPEAT_MIN) == _old_way(blocks)


@needs_core
@_SLOW_OK
@given(_blocks())
def test_repeat_hint_counts_twins(blocks: list[Block]) -> None:
    args = (blocks, _HINT_BITS, len(_HINT_GROUPS), REPEAT_MIN)
    assert repeat_hint_counts(*args) == repeat_hint_counts_pure(*args)


def test_repeat_hint_counts_cases() -> None:
    shared = ("main", "card", "x")
    blocks = [Block(i, "t", features={"tag": "li", "depth": 4, "hints": shared}) for i in range(5)]
    blocks.append(Block(5, "t", features={"tag": "p", "depth": 2, "hints": ("wrap", _fresh("price"))}))
    blocks.append(Block(6, "t", features={"tag": "p", "depth": 2}))
    f: dict[str, float] = {}
    _repeat_and_hint_features(blocks, len(blocks), f)
    assert f["repeated_share"] == 5 / 7
    assert f["hint_teaser"] == 5 / 7 and f["hint_product"] == 1 / 7 and f["hint_forum"] == 0.0
    expected = (5, 1, [0, 1, 5, 0, 0, 0])  # groups in _HINT_GROUPS order: forum, product, teaser, docs, article,
    assert list(_HINT_GROUPS) == ["forum", "product", "teaser", "docs", "article", "landing"]  # landing
    assert repeat_hint_counts_pure(blocks, _HINT_BITS, len(_HINT_GROUPS), REPEAT_MIN) == expected
    if repeat_hint_counts is not None:
        assert repeat_hint_counts(blocks, _HINT_BITS, len(_HINT_GROUPS), REPEAT_MIN) == expected


# --- Decision records: built by the compiled ``frozen_record`` or its twin, the class's own constructor

frozen_record = _core.compiled("frozen_record")


def test_decision_fields_in_order() -> None:
    assert tuple(f.name for f in dataclasses.fields(Decision)) == _DECISION_FIELDS


@given(st.text(max_size=5), st.sampled_from(["drop", "keep", "field", "note"]), st.text(max_size=8),
       st.none() | st.integers(-3, 10**6), st.none() | st.text(max_size=4),
       st.none() | st.integers() | st.text(max_size=4) | st.lists(st.integers(), max_size=2))
def test_decision_records_twins(stage: str, action: str, reason: str, block: int | None, field: str | None,
                                value: Any) -> None:
    values = (stage, action, reason, block, field, value)
    made = Decision(*values)
    pure = frozen_record_pure(Decision, _DECISION_FIELDS, values)
    via = _decision(*values)
    assert pure == made and via == made and repr(via) == repr(made)
    if frozen_record is not None:
        fast = frozen_record(Decision, _DECISION_FIELDS, values)
        assert type(fast) is Decision and fast == made and repr(fast) == repr(made)
        assert dataclasses.astuple(fast) == dataclasses.astuple(made)
        if not isinstance(value, list):
            assert hash(fast) == hash(made)
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.reason = "changed"  # type: ignore[misc]


def test_page_records_decisions() -> None:
    page = Page(kind="html", source="")
    b = Block(3, "x")
    page.drop(b, "nav", "why")
    page.restore(b, "cls", "back")
    page.note("st", "a note")
    page.set_field("title", "T", "meta", "title")
    assert page.decisions == [Decision("nav", "drop", "why", block=3), Decision("cls", "keep", "back", block=3),
                              Decision("st", "note", "a note"),
                              Decision("title", "field", "from meta", field="title", value="T")]


def test_frozen_record_refuses_a_short_tuple() -> None:
    with pytest.raises(ValueError):
        frozen_record_pure(Decision, _DECISION_FIELDS, ("s", "note"))
    if frozen_record is not None:
        with pytest.raises(ValueError):
            frozen_record(Decision, _DECISION_FIELDS, ("s", "note"))
