"""Gradient-boosted regression trees applied in plain Python: the first pass of the capture block model.

A forest's raw score of a feature row is its base score plus, for every tree, the value of the leaf the
row reaches: from the root, a node sends the row left when its feature is at most the node's threshold,
right otherwise. All trees' nodes sit in one tuple (``nodes``), each ``(feature, threshold, left,
right)``; a leaf is ``(-1, value, 0, 0)``. ``forest_scores_pure`` is the reference; the compiled core has
a twin that gives identical floats, run when it is built: ``_core/_scan_spd10c.pxi``'s ``flat_forest``, the
nodes copied to C arrays once per forest.

The file format (``newsclean/data/capture_classifier.json``, written by
``benchmarks/train/train_capture_classifier.py``) keeps each tree's nodes apart, numbered from 0 within
the tree: ``[feature, threshold, left, right]`` for a split, ``[value]`` for a leaf.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsclean._core import compiled
from newsclean.errors import ConfigError

Node = tuple[int, float, int, int]
LEAF = -1  # the feature index that marks a leaf


def forest_scores_pure(nodes: tuple[Node, ...], roots: tuple[int, ...], base: float,
                       table: Sequence[Sequence[float]]) -> list[float]:
    """The raw score of every row of ``table``: ``base`` plus the leaf value each tree sends it to, summed in
    tree order."""
    out = []
    for x in table:
        s = base
        for i in roots:
            f, t, left, right = nodes[i]
            while f >= 0:
                f, t, left, right = nodes[left if x[f] <= t else right]
            s += t
        out.append(s)
    return out


@dataclass(frozen=True)
class Forest:
    """A fitted forest: the base score, every tree's nodes (child indices across the whole tuple) and
    where each tree's root is."""

    base: float
    nodes: tuple[Node, ...]
    roots: tuple[int, ...]
    #: the compiled core's ``FlatForest`` of these nodes, made at the first call that runs the compiled core
    _flat: list[Any] = field(default_factory=list, init=False, repr=False, compare=False)

    def scores(self, table: Sequence[Sequence[float]]) -> list[float]:
        make = compiled("flat_forest")
        if make is None:
            return forest_scores_pure(self.nodes, self.roots, self.base, table)
        if not self._flat:
            self._flat.append(make(self.nodes, self.roots, self.base))
        scores: list[float] = self._flat[0].scores(table)
        return scores


def forest_from_json(trees: list[Any], base: float, width: int, where: str) -> Forest:
    """A forest from the file's trees, checked: every split reads one of ``width`` columns and points to
    later nodes of its own tree (so every walk ends at a leaf); anything else is a ``ConfigError``."""
    nodes: list[Node] = []
    roots: list[int] = []
    try:
        for tree in trees:
            if not tree:
                raise ConfigError(f"{where}: tree {len(roots)} has no nodes")
            start = len(nodes)
            roots.append(start)
            for at, node in enumerate(tree):
                if len(node) == 1:
                    nodes.append((LEAF, float(node[0]), 0, 0))
                    continue
                f, t, left, right = (int(node[0]), float(node[1]), int(node[2]), int(node[3]))
                if not (0 <= f < width and at < left < len(tree) and at < right < len(tree)):
                    raise ConfigError(f"{where}: tree {len(roots) - 1} node {at} is malformed")
                nodes.append((f, t, start + left, start + right))
    except (TypeError, ValueError, IndexError) as exc:
        raise ConfigError(f"{where}: malformed trees ({exc})") from exc
    return Forest(float(base), tuple(nodes), tuple(roots))
