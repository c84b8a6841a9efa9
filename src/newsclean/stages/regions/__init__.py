"""Stage 'regions': a learned keep/drop decision for whole runs of a text capture's kept text.

The block classifier (``classify``) judges one block at a time; what it keeps around the story is often
prose of another kind — a teaser box, an FAQ, an author's bio, a form's or a disclaimer's text, a
"related stories" run — whose lines each read like body text. This stage cuts the kept text into runs
(``features.runs_of``: at every dropped block and before every heading), takes the longest as the story's
main run, describes every other run by where it sits and what it looks like (``features.FEATURES``) and
drops the runs a logistic model scores below a fitted threshold. The weights and the threshold are fitted
on the tune split of the capture benchmarks (``benchmarks/train/train_capture_regions.py``; shipped as
``data/capture_regions.json``); the main run is never dropped, and nothing is restored.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsclean.errors import ConfigError
from newsclean.handoffs import TITLE_BLOCK
from newsclean.page import Page
from newsclean.stages.base import Stage
from newsclean.stages.classify.model import CLIP, LinearModel
from newsclean.stages.regions.features import FEATURES, region_rows

WEIGHTS_FILE = "capture_regions.json"
# past this many runs (a degenerate capture: thousands of one-line runs) the decisions before stand: the
# rows cost one pass over the blocks per run
MAX_RUNS = 400


@dataclass(frozen=True)
class RegionModel:
    linear: LinearModel
    drop_below: float   # a run whose probability of being the story's is below this is dropped


@lru_cache(maxsize=2)
def load_region_model(filename: str = WEIGHTS_FILE) -> RegionModel:
    d = json.loads(resources.files("newsclean.data").joinpath(filename).read_text(encoding="utf-8"))
    if tuple(d.get("features", ())) != FEATURES:
        raise ConfigError(f"{filename} was trained on other features than this code computes; retrain it "
                          "(benchmarks/train/train_capture_regions.py)")
    lin = LinearModel.standardised(tuple(d["mean"]), tuple(d["scale"]), tuple(d["coef"]), float(d["intercept"]))
    return RegionModel(lin, float(d["drop_below"]))


@dataclass(frozen=True)
class RegionOptions:
    drop_below: float | None = None   # drop a run below this probability (None: the fitted one; 0: none)


class RegionStage(Stage):
    name = "regions"
    kinds = frozenset({"text"})
    optional = frozenset({TITLE_BLOCK})
    Options = RegionOptions

    def run(self, page: Page) -> None:
        model = load_region_model()
        drop_below = model.drop_below if self.options.drop_below is None else self.options.drop_below
        if drop_below <= 0:
            return
        runs, main, table = region_rows(page.blocks, page.handoffs.title_block)
        if len(runs) < 2 or len(runs) > MAX_RUNS:
            return
        for k, (run, row) in enumerate(zip(runs, table)):
            if k == main:
                continue
            p = 1.0 / (1.0 + math.exp(-max(-CLIP, min(CLIP, model.linear.logit(row)))))
            if p >= drop_below:
                continue
            for b in page.blocks[run.first:run.last + 1]:
                self.drop(page, b, f"learned region model: a run of {run.words} words beside the story's "
                                   f"main run, not the story's (p={p:.2f})")
