"""The pass-1 forest of the capture block model: its plain-Python evaluator and its file format's checks."""
from __future__ import annotations

import pytest

from newsclean.errors import ConfigError
from newsclean.stages.classify.trees import forest_from_json, forest_scores_pure

# tree 0 splits on column 0 at 0.5 (left: at or below), then its right child on column 1 at -1.0;
# tree 1 is a single leaf
TREES = [[[0, 0.5, 1, 2], [1.0], [1, -1.0, 3, 4], [-2.0], [4.0]],
         [[0.125]]]


def test_rows_follow_the_splits_to_their_leaves():
    forest = forest_from_json(TREES, 0.25, 2, "test")
    rows = [[0.5, 9.0], [0.4, 0.0], [0.6, -1.0], [0.6, -0.5], [float("inf"), 5.0]]
    assert forest.scores(rows) == [0.25 + 1.0 + 0.125, 0.25 + 1.0 + 0.125, 0.25 - 2.0 + 0.125,
                                   0.25 + 4.0 + 0.125, 0.25 + 4.0 + 0.125]


def test_leaf_values_are_summed_in_tree_order():
    forest = forest_from_json([[[0.1]], [[0.2]], [[0.3]]], 0.0, 1, "test")
    assert forest.scores([[0.0]]) == [((0.0 + 0.1) + 0.2) + 0.3]
    assert forest_scores_pure(forest.nodes, forest.roots, forest.base, []) == []


def test_child_indices_are_global_across_trees():
    forest = forest_from_json(TREES + TREES, 0.0, 2, "test")
    assert forest.roots == (0, 5, 6, 11)
    assert forest.nodes[6] == (0, 0.5, 7, 8)


@pytest.mark.parametrize("trees", [
    [[[2, 0.5, 1, 2], [1.0], [2.0]]],        # a column the rows do not have
    [[[0, 0.5, 1, 2], [0, 0.5, 0, 2], [2.0]]],  # a child before its parent: a walk could loop
    [[[0, 0.5, 1, 3], [1.0], [2.0]]],        # a child outside its tree
    [[]],                                    # a tree without nodes
    [[[0, "x", 1, 2], [1.0], [2.0]]],        # not a number
    [[[0, 0.5], [1.0]]],                     # a split without children
])
def test_malformed_trees_are_refused(trees):
    with pytest.raises(ConfigError):
        forest_from_json(trees, 0.0, 2, "test")
