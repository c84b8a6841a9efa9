"""The learned block model of the ``classify`` stage: two passes applied in plain Python.

Pass 1 scores every block from its own feature row, with a standardised logistic regression (the shipped
model) or a forest of small gradient-boosted regression trees (``trees``; the training script's
``--pass1 trees``: they learn interactions a linear score cannot, such as "prose, but after an end
marker"). Pass 2, a standardised logistic regression, reads each block's pass-1 logit together with the
logits around it (``context_rows``: body text comes in runs — a lone "prose" block among chrome is
suspect, a short line between paragraphs is not). The weights are fitted by the scripts under
``benchmarks/train/`` and shipped as JSON in ``newsclean/data``; a file whose feature names differ from
the code's columns is refused (``ConfigError``) rather than silently misread.
"""
from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsclean._core import compiled
from newsclean.errors import ConfigError
from newsclean.stages.classify.trees import Forest, forest_from_json

WINDOWS = (1, 3, 8)   # neighbourhoods (blocks on either side) whose mean logit pass 2 reads
NEAR = 3              # blocks on either side for the max/min summaries
PASS2_FEATURES: tuple[str, ...] = ("bias", "z", "kept") + tuple(f"z_mean{w}" for w in WINDOWS) + \
    ("z_max_before", "z_max_after", "z_min_near", "z_prev", "z_next", "z_mean_all_before", "z_mean_all_after",
     "z_below_max", "kept_near")
CLIP = 12.0  # logits beyond this are certain either way; clipping keeps exp() finite


@dataclass(frozen=True)
class LinearModel:
    """Standardised logistic regression z = intercept + sum(coef * (x - mean) / scale), folded when loaded
    into one weight per column and one offset, so that a row costs one C-level multiply-add loop."""

    weights: tuple[float, ...]
    offset: float

    @classmethod
    def standardised(cls, mean: tuple[float, ...], scale: tuple[float, ...], coef: tuple[float, ...],
                     intercept: float) -> LinearModel:
        weights = tuple(c / s for c, s in zip(coef, scale))
        return cls(weights, intercept - sum(w * m for w, m in zip(weights, mean)))

    def logit(self, x: list[float]) -> float:
        return max(-CLIP, min(CLIP, self.offset + sum(map(operator.mul, self.weights, x))))

    def probability(self, x: list[float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit(x)))

    def scores(self, table: list[list[float]]) -> list[float]:
        fast = compiled("linear_logits")
        return (fast or linear_logits_pure)(self.weights, self.offset, table, CLIP)


def linear_logits_pure(weights: tuple[float, ...], offset: float, table: list[list[float]],
                       clip: float) -> list[float]:
    """Every row's ``offset + sum(weight * value)``, clipped to ``[-clip, clip]`` (``LinearModel.logit``; the
    compiled core's twin is ``_core/_scan_cls.pxi``'s ``linear_logits``)."""
    return [max(-clip, min(clip, offset + sum(map(operator.mul, weights, x)))) for x in table]


@dataclass(frozen=True)
class BlockModel:
    """Two passes (pass 1's logit: a linear score or a forest's raw score, clipped to ``CLIP``) and two
    thresholds: a block the rule stages kept is dropped below ``drop_below``; one they dropped is restored at
    ``restore_at`` or above (their decision is evidence too)."""

    pass1: LinearModel | Forest
    pass2: LinearModel
    drop_below: float
    restore_at: float
    far_reach: int = 0       # the stage's FarRestore (a file without them restores nothing past MAX_GAP)
    far_share: float = 1.0


def linear_from_dict(d: dict[str, Any], names: tuple[str, ...], where: str) -> LinearModel:
    """A standardised logistic model as a trainer writes it (its ``features`` must be ``names``)."""
    if tuple(d.get("features", ())) != names:
        raise ConfigError(f"{where} was trained on other features than this code computes; retrain it "
                          "(benchmarks/train/)")
    return LinearModel.standardised(tuple(d["mean"]), tuple(d["scale"]), tuple(d["coef"]), float(d["intercept"]))


def _first(d: dict[str, Any], names: tuple[str, ...], where: str) -> LinearModel | Forest:
    """Pass 1 as the file holds it: a forest (``trees``) or a logistic regression (``coef``)."""
    if "trees" not in d:
        return linear_from_dict(d, names, where)
    if tuple(d.get("features", ())) != names:
        raise ConfigError(f"{where} was trained on other features than this code computes; retrain it "
                          "(benchmarks/train/)")
    return forest_from_json(d["trees"], d["base"], len(names), where)


def model_from_dict(d: dict[str, Any], features: tuple[str, ...], where: str) -> BlockModel:
    """The model a weights file's JSON describes, checked against the code's feature names."""
    return BlockModel(_first(d["pass1"], features, f"{where} (pass 1)"),
                      linear_from_dict(d["pass2"], PASS2_FEATURES, f"{where} (pass 2)"),
                      float(d["drop_below"]), float(d["restore_at"]), int(d.get("far_reach", 0)),
                      float(d.get("far_share", 1.0)))


@lru_cache(maxsize=4)
def load_model(filename: str, features: tuple[str, ...]) -> BlockModel:
    """The model in ``newsclean/data/<filename>``, checked against the code's feature names."""
    d = json.loads(resources.files("newsclean.data").joinpath(filename).read_text(encoding="utf-8"))
    return model_from_dict(d, features, filename)


def context_rows(z: list[float], kept: list[bool]) -> list[list[float]]:
    """Second-pass rows: each block's first-pass logit with the logits around it."""
    n = len(z)
    prefix = [0.0]
    for v in z:
        prefix.append(prefix[-1] + v)
    kept_sum = [0.0]
    for k in kept:
        kept_sum.append(kept_sum[-1] + float(k))
    top = max(z, default=0.0)
    out = []
    for i in range(n):
        row = [1.0, z[i], float(kept[i])]
        for w in WINDOWS:
            lo, hi = max(0, i - w), min(n, i + w + 1)
            others = hi - lo - 1
            row.append((prefix[hi] - prefix[lo] - z[i]) / others if others else 0.0)
        before = z[max(0, i - NEAR):i]
        after = z[i + 1:i + 1 + NEAR]
        near = before + after
        row += [max(before) if before else -CLIP, max(after) if after else -CLIP, min(near) if near else -CLIP]
        # the next and previous block, the page above and below this block (is the body on one side only?),
        # how far below the page's best block, and how many neighbours the rule stages kept
        rest = n - i - 1
        lo, hi = max(0, i - NEAR), min(n, i + NEAR + 1)
        row += [z[i - 1] if i else -CLIP, z[i + 1] if rest else -CLIP, prefix[i] / i if i else 0.0,
                (prefix[n] - prefix[i + 1]) / rest if rest else 0.0, z[i] - top,
                (kept_sum[hi] - kept_sum[lo] - float(kept[i])) / max(1, hi - lo - 1)]
        out.append(row)
    return out


def context_probabilities_pure(z: list[float], kept: list[bool], weights: tuple[float, ...], offset: float,
                               windows: tuple[int, ...], near: int, clip: float) -> list[float]:
    """The second pass: P(body text) of every block from the rows of ``context_rows`` and pass 2's folded
    weights (the compiled core's twin is ``_core/_scan_cls.pxi``'s ``context_probabilities``, which reads
    ``windows``, ``near`` and ``clip``: the module's constants here)."""
    pass2 = LinearModel(weights, offset)
    return [pass2.probability(r) for r in context_rows(z, kept)]


def probabilities(model: BlockModel, first: list[list[float]], kept: list[bool]) -> list[float]:
    """P(body text) of every block, from its pass-1 feature row and the rule stages' keep flags."""
    z = model.pass1.scores(first)
    if isinstance(model.pass1, Forest):
        z = [max(-CLIP, min(CLIP, s)) for s in z]   # (a linear pass 1 clips its logits itself)
    fast = compiled("context_probabilities")
    return (fast or context_probabilities_pure)(z, kept, model.pass2.weights, model.pass2.offset, WINDOWS, NEAR,
                                                CLIP)
