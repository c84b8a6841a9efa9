"""Stage 'regions': a learned keep/drop decision for whole runs of a page's kept text.

The block classifier (``classify``) judges one block at a time; what it keeps around the story is often
prose of another kind — a teaser box, an FAQ, an author's bio, a form's or a disclaimer's text, a
"related stories" run — whose lines each read like body text. This stage cuts the kept text into runs
(``features.runs_of``: at every dropped block and before every heading), takes the longest as the story's
main run, describes every other run by where it sits and what it looks like (``features.FEATURES``) and
drops the runs a logistic model scores below a fitted threshold. Then it looks the other way: every *gap* —
a stretch of blocks that earlier stages dropped inside the kept text's span or just outside it
(``restore.gaps_of``) — is described by ``restore.GAP_FEATURES`` and a second logistic model restores the
gaps it scores at or above its own fitted threshold. Last, with the story's text settled, an "about the author"
box at its end (a paragraph opening with a name of the ``authors`` field and a bio verb, and the name line
above it: ``byline/author_bio.py``) goes, as the byline stage does on HTML pages, and so does a list of other
posts under a heading read only here (``late_markers.py``: "More articles", "Up next"), and an end marker left as
the kept text's last line. Both models and thresholds
are fitted on the tune split of the capture benchmarks (``benchmarks/train/train_capture_regions.py``; shipped
as ``data/capture_regions.json``); the main run is never dropped.

On HTML pages the same runs are judged by a model of their own (``HTML_WEIGHTS_FILE``, fitted on the tune
split of the HTML benchmarks by ``benchmarks/train/train_html_regions.py``): the capture's row of each run
with what the markup says of it (``html_features.HTML_EXTRAS``: links, the container choice's block
weights, the boxes it shares with the main run). HTML pages get no gap model: nothing is restored;
only articles' runs are judged (a listing's runs are its items).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsclean.handoffs import HTML_CONTAINER, HTML_TEASERS, PAGE_TYPE, TITLE_BLOCK
from newsclean.page import Page
from newsclean.stages.base import Stage
from newsclean.stages.byline.author_bio import drop_author_bio
from newsclean.stages.classify.model import LinearModel, linear_from_dict
from newsclean.stages.regions.features import FEATURES, Run, region_rows, runs_of
from newsclean.stages.regions.html_features import HTML_FEATURES, html_region_rows, html_runs
from newsclean.stages.regions.late_markers import drop_after_late_marker, drop_trailing_markers
from newsclean.stages.regions.restore import GAP_FEATURES, gap_rows

WEIGHTS_FILE = "capture_regions.json"
HTML_WEIGHTS_FILE = "html_regions.json"
ARTICLE = "article"  # the page type whose runs the HTML model judges (it is fitted on articles' pages)
# past this many runs (a degenerate capture: thousands of one-line runs) the decisions before stand: the
# rows cost one pass over the blocks per run
MAX_RUNS = 400


@dataclass(frozen=True)
class RegionModel:
    linear: LinearModel
    drop_below: float   # a run whose probability of being the story's is below this is dropped
    restore: LinearModel | None = None   # the gap model (None: nothing is restored)
    restore_at: float = 2.0              # a gap whose probability of being the story's reaches this comes back


@lru_cache(maxsize=2)
def load_region_model(filename: str = WEIGHTS_FILE) -> RegionModel:
    d = json.loads(resources.files("newsclean.data").joinpath(filename).read_text(encoding="utf-8"))
    # (a model fitted on other features than this code computes is refused: retrain it with
    # benchmarks/train/train_capture_regions.py)
    runs = linear_from_dict(d, FEATURES, filename)
    gaps = d.get("restore")
    if gaps is None:
        return RegionModel(runs, float(d["drop_below"]))
    return RegionModel(runs, float(d["drop_below"]), linear_from_dict(gaps, GAP_FEATURES, f"{filename} (gap model)"),
                       float(gaps["restore_at"]))


def judged_type(page_type: object) -> bool:
    """Are the runs of an HTML page of this type judged: an article's (or a page of no known type)?"""
    return page_type is None or page_type == ARTICLE


@lru_cache(maxsize=2)
def load_html_region_model(filename: str = HTML_WEIGHTS_FILE) -> RegionModel:
    """The HTML pages' run model (no gap model: ``restore`` is None)."""
    d = json.loads(resources.files("newsclean.data").joinpath(filename).read_text(encoding="utf-8"))
    return RegionModel(linear_from_dict(d, HTML_FEATURES, filename), float(d["drop_below"]))


@dataclass(frozen=True)
class RegionOptions:
    drop_below: float | None = None   # drop a run below this probability (None: the fitted one; 0: none)
    restore_at: float | None = None   # restore a gap at this probability (None: the fitted one; over 1: none)
    html_drop_below: float | None = None  # on HTML pages: drop a run below this (None: the fitted one; 0: none)


class RegionStage(Stage):
    name = "regions"
    kinds = frozenset({"text", "html"})
    optional = frozenset({TITLE_BLOCK, HTML_TEASERS, HTML_CONTAINER, PAGE_TYPE})
    Options = RegionOptions

    def run(self, page: Page) -> None:
        if page.kind == "html":
            self._run_html(page)
            return
        model = load_region_model()
        drop_below = model.drop_below if self.options.drop_below is None else self.options.drop_below
        if drop_below > 0:
            self._drop_runs(page, model, drop_below)
        restore_at = model.restore_at if self.options.restore_at is None else self.options.restore_at
        if model.restore is not None and restore_at <= 1:
            self._restore_gaps(page, model.restore, restore_at)
        # the story's text is settled only now: an "about the author" box at its end goes
        drop_author_bio(page, list(page.get("authors") or ()), self.name)
        # ... and so does a list of other posts under a heading read only now ("More articles", "Up next")
        drop_after_late_marker(page, self.name)
        # ... and an end marker left as the kept text's last line ("Das könnte Sie auch interessieren:")
        drop_trailing_markers(page, self.name)

    def _drop_runs(self, page: Page, model: RegionModel, drop_below: float) -> None:
        runs = runs_of(page.blocks)
        if 2 <= len(runs) <= MAX_RUNS:
            runs, main, table = region_rows(page.blocks, page.handoffs.title_block, runs)
            self._judge(page, runs, main, table, model.linear, drop_below, "learned region model")

    def _judge(self, page: Page, runs: list[Run], main: int, table: list[list[float]], linear: LinearModel,
               drop_below: float, model_name: str) -> None:
        """Drop every run but the main one whose probability of being the story's is below ``drop_below``."""
        for k, (run, row) in enumerate(zip(runs, table)):
            if k == main:
                continue
            p = linear.probability(row)
            if p < drop_below:
                for b in page.blocks[run.first:run.last + 1]:
                    self.drop(page, b, f"{model_name}: a run of {run.words} words beside the story's main run, "
                                       f"not the story's (p={p:.2f})")

    def _run_html(self, page: Page) -> None:
        if self.options.html_drop_below == 0:
            return  # (the model file is not read: its trainer runs the stage this way)
        if not judged_type(page.get("page_type")):
            return  # a listing's, a forum's runs are its items and posts: the model knows articles only
        model = load_html_region_model()
        drop_below = model.drop_below if self.options.html_drop_below is None else self.options.html_drop_below
        runs = html_runs(page.blocks, page.handoffs.html_container)
        if 2 <= len(runs) <= MAX_RUNS:
            runs, main, table = html_region_rows(page.blocks, page.handoffs.title_block,
                                                 set(page.handoffs.html_teasers or ()),
                                                 page.handoffs.html_container, runs)
            self._judge(page, runs, main, table, model.linear, drop_below, "learned HTML region model")

    def _restore_gaps(self, page: Page, model: LinearModel, restore_at: float) -> None:
        gaps, table = gap_rows(page.blocks)
        if len(gaps) > MAX_RUNS:
            return
        for gap, row in zip(gaps, table):
            p = model.probability(row)
            if p < restore_at:
                continue
            for i in gap.blocks:
                b = page.blocks[i]
                page.restore(b, self.name, f"learned gap model: {len(gap.blocks)} dropped block(s) inside or "
                                           f"beside the story's text, the story's (p={p:.2f}) against "
                                           f"{b.dropped_by}: {b.reason}")
