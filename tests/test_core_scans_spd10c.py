"""Session 10's compiled capture-path code (newsclean/_core/_scan_spd10c.pxi) and its pure-Python twins
give identical results on made-up inputs. Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.stages.classify.trees import forest_from_json, forest_scores_pure
from tests.core_helpers import unless_compiled

flat_forest = _core.compiled("flat_forest")
pytestmark = unless_compiled(flat_forest)



#: values around a split's threshold (0.5), signed zeros, infinities and NaN (never at or below anything)
CUTS = [0.5, 0.5 - 1e-16, 0.5 + 1e-16, -0.0, 0.0, 1.0, -1.0, float("inf"), float("-inf"), float("nan")]


@st.composite
def _tree(draw: st.DrawFn, width: int) -> list[list[float]]:
    """A random tree: splits on columns below ``width``, children after their parent."""
    nodes: list[list[float]] = []

    def grow(depth: int) -> int:
        at = len(nodes)
        if depth == 0 or draw(st.booleans()):
            nodes.append([draw(st.floats(-4, 4))])
            return at
        nodes.append([])
        left, right = grow(depth - 1), grow(depth - 1)
        nodes[at] = [draw(st.integers(0, width - 1)), draw(st.sampled_from(CUTS[:-1])), left, right]
        return at

    grow(3)
    return nodes


@given(st.lists(_tree(3), min_size=1, max_size=6), st.floats(-2, 2),
       st.lists(st.lists(st.lists(st.sampled_from(CUTS), min_size=3, max_size=3), max_size=8), max_size=3))
@settings(max_examples=300)
def test_flat_forest_scores_every_table_as_the_plain_walk(trees: list, base: float,
                                                          tables: list[list[list[float]]]) -> None:
    forest = forest_from_json(trees, base, 3, "test")
    flat = flat_forest(forest.nodes, forest.roots, forest.base)
    for table in tables:   # (one forest, many tables: the arrays are made once)
        assert flat.scores(table) == forest_scores_pure(forest.nodes, forest.roots, forest.base, table)


def test_the_forest_runs_its_flat_twin_and_scores_as_the_pure_core() -> None:
    forest = forest_from_json([[[2, 0.5, 1, 2], [1.0], [2.0]], [[0, -0.5, 1, 2], [0.125], [-3.0]]], 0.25, 3, "t")
    table = [[0.0, 0.0, 0.5], [-1.0, 0.0, 0.75], [1.0, 1.0, 1.0]]
    assert forest.scores(table) == forest_scores_pure(forest.nodes, forest.roots, forest.base, table)
    assert forest.scores(table) == forest.scores(table)   # (the second call reuses the arrays)


def test_a_row_too_short_is_an_error_in_both() -> None:
    forest = forest_from_json([[[2, 0.5, 1, 2], [1.0], [2.0]]], 0.0, 3, "test")
    flat = flat_forest(forest.nodes, forest.roots, forest.base)
    for scores in (flat.scores, lambda t: forest_scores_pure(forest.nodes, forest.roots, forest.base, t)):
        with pytest.raises(IndexError):
            scores([[0.0, 0.0]])


def test_a_malformed_node_is_refused_when_the_arrays_are_made() -> None:
    with pytest.raises(IndexError):
        flat_forest(((0, 0.5, 1, 9), (-1, 1.0, 0, 0), (-1, 2.0, 0, 0)), (0,), 0.0)
