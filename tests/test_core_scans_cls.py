"""The compiled core's classifier and ranker functions (newsclean/_core/_scan_cls.pxi) and their pure-Python
twins give identical floats, on made-up inputs and on the shipped models.

Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.stages.classify import WEIGHTS_FILE
from newsclean.stages.classify.features import (
    _WE,
    _YOU,
    DECISIONS,
    FEATURES,
    LAYOUT,
    OWN,
    feature_rows_pure,
    text_shape_pure,
)
from newsclean.stages.classify.model import (
    CLIP,
    NEAR,
    WINDOWS,
    context_probabilities_pure,
    linear_logits_pure,
    load_model,
)
from newsclean.stages.title.rank import _model, standard_score_pure
from tests.core_helpers import unless_compiled

linear_logits = _core.compiled("linear_logits")
context_probabilities = _core.compiled("context_probabilities")
standard_score = _core.compiled("standard_score")
pytestmark = unless_compiled(linear_logits)

floats = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
# values around the clip and sums that cancel: where the order of additions shows
edgy = st.one_of(floats, st.sampled_from([0.0, -0.0, CLIP, -CLIP, 1e-17, 1e16, -1e16, 0.1, 1 / 3]))


@settings(max_examples=300)
@given(st.lists(edgy, min_size=0, max_size=12), edgy,
       st.lists(st.lists(edgy, min_size=0, max_size=14), max_size=6))
def test_linear_logits_twins(weights: list[float], offset: float, table: list[list[float]]) -> None:
    w = tuple(weights)
    assert linear_logits(w, offset, table, CLIP) == linear_logits_pure(w, offset, table, CLIP)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.floats(min_value=-CLIP, max_value=CLIP), st.booleans()), max_size=40),
       st.lists(edgy, min_size=15, max_size=15), edgy)
def test_context_probabilities_twins(zk: list[tuple[float, bool]], weights: list[float], offset: float) -> None:
    z, kept = [v for v, _ in zk], [k for _, k in zk]
    args = (z, kept, tuple(weights), offset, WINDOWS, NEAR, CLIP)
    assert context_probabilities(*args) == context_probabilities_pure(*args)


def test_twins_on_the_shipped_classifier() -> None:
    model = load_model(WEIGHTS_FILE, FEATURES)
    table = [[((i * 7 + j * 13) % 17 - 8) / 3 for j in range(len(FEATURES))] for i in range(60)]
    kept = [i % 3 != 0 for i in range(60)]
    z = linear_logits(model.pass1.weights, model.pass1.offset, table, CLIP)
    assert z == linear_logits_pure(model.pass1.weights, model.pass1.offset, table, CLIP)
    args = (z, kept, model.pass2.weights, model.pass2.offset, WINDOWS, NEAR, CLIP)
    assert context_probabilities(*args) == context_probabilities_pure(*args)


def test_context_probabilities_refuses_other_shapes() -> None:
    with pytest.raises(ValueError):
        context_probabilities([0.0, 1.0], [True], (0.0,) * 15, 0.0, WINDOWS, NEAR, CLIP)
    with pytest.raises(ValueError):
        context_probabilities([0.0], [True], (0.0,) * 15, 0.0, (1, 3), NEAR, CLIP)


@settings(max_examples=300)
@given(st.lists(st.tuples(edgy, edgy, st.floats(min_value=0.01, max_value=1e3), edgy), max_size=45), edgy)
def test_standard_score_twins(cols: list[tuple[float, float, float, float]], bias: float) -> None:
    feats = [c[0] for c in cols]
    mean, scale, weights = (tuple(c[k] for c in cols) for k in (1, 2, 3))
    assert standard_score(mean, scale, weights, bias, feats) == standard_score_pure(mean, scale, weights, bias, feats)


def test_standard_score_on_the_shipped_ranker() -> None:
    mean, scale, weights, bias = _model()[:4]
    for i in range(30):
        feats = [((i * 5 + j * 11) % 13) / 4 for j in range(len(mean))]
        assert standard_score(mean, scale, weights, bias, feats) == standard_score_pure(mean, scale, weights, bias,
                                                                                        feats)


feature_rows = _core.compiled("feature_rows")
_OWN_PATTERNS = [[((j * 7 + p) % 5) / 3 - 0.5 for j in range(len(OWN))] for p in range(4)] + [[-0.0] * len(OWN)]
KIND_NAMES = ("paragraph", "heading", "list_item", "quote", "table", "pre", "caption", "other")


@st.composite
def _pages(draw: st.DrawFn) -> tuple:
    n = draw(st.integers(min_value=0, max_value=30))
    # rows from a few patterns, the columns the context reads (end marker, in menu, comment head) drawn
    marks = draw(st.lists(st.tuples(st.booleans(), st.booleans(), st.sampled_from([0.0, 1.0, -0.0])),
                          min_size=n, max_size=n))
    own = []
    for k, (marker, menu, comment) in enumerate(marks):
        row = list(_OWN_PATTERNS[k % len(_OWN_PATTERNS)])
        row[OWN.index("end_marker")], row[OWN.index("in_menu")] = float(marker), float(menu)
        row[OWN.index("comment_head")] = comment
        own.append(row)
    words = draw(st.lists(st.integers(min_value=0, max_value=400), min_size=n, max_size=n))
    is_prose = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    kept = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    kinds = draw(st.lists(st.sampled_from(KIND_NAMES), min_size=n, max_size=n))
    decisions = draw(st.lists(st.integers(min_value=-1, max_value=len(DECISIONS)), min_size=n, max_size=n))
    keys = draw(st.lists(st.sampled_from(["", "a b", "c", "a b c"]), min_size=n, max_size=n))
    return own, words, is_prose, kept, kinds, decisions, keys


@settings(max_examples=300)
@given(_pages())
def test_feature_rows_twins(page: tuple) -> None:
    own, *rest = page
    got = feature_rows([list(r) for r in own], *rest, LAYOUT)
    want = feature_rows_pure([list(r) for r in own], *rest, LAYOUT)
    assert got == want
    assert [[str(v) for v in r] for r in got] == [[str(v) for v in r] for r in want]   # -0.0 too


def test_feature_rows_on_a_real_page() -> None:
    from newsclean import Pipeline
    from newsclean.stages.classify.features import rows

    text = "\n\n".join(["Home", "News", "Sport", "A Headline Over The Story", "By Jane Doe", "March 5, 2024"]
                       + [f"Paragraph {i} of the story runs on for a while, as stories do, and then it ends."
                          for i in range(12)] + ["Related articles", "Another story", "Comments", "Jane says:"])
    page = Pipeline().load(text.encode(), kind="text")
    _core.force_pure(True)
    try:
        want = rows(page.blocks)
    finally:
        _core.force_pure(False)
    assert rows(page.blocks) == want and len(want) == len(page.blocks)


def test_feature_rows_refuses_lists_of_other_lengths() -> None:
    with pytest.raises(ValueError):
        feature_rows([[0.0] * len(OWN)], [1, 2], [True], [True], ["paragraph"], [-1], ["a"], LAYOUT)


text_shape = _core.compiled("text_shape")
#: spaces of every kind, digits of other scripts, letters that change length or case oddly when lower-cased
SHAPE_CHARS = " \t\n\x0b\x0c\x1c\x85\xa0\u2028\u3000:?!.0123456789\u0663\uff11aAzZéÉßİKǅΣςWeOurYOUunsereIhrnous"


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(SHAPE_CHARS), max_size=40) |
       st.lists(st.sampled_from(sorted(_WE | _YOU) + ["We", "OUR", "İhr", "Kelvin", "us:", "x"]), max_size=12)
       .map(" ".join), st.integers(min_value=0, max_value=12))
def test_text_shape_twins(text: str, words: int) -> None:
    got = text_shape(text, words, 8, _WE, _YOU)
    want = text_shape_pure(text, words, 8, _WE, _YOU)
    assert got == want and [type(v) for v in got] == [type(v) for v in want]


def test_text_shape_every_first_character() -> None:
    for c in range(0x3000):
        text = f" {chr(c)}x we you {chr(c)}:"
        assert text_shape(text, 9, 8, _WE, _YOU) == text_shape_pure(text, 9, 8, _WE, _YOU), hex(c)
