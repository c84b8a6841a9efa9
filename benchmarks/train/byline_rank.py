#!/usr/bin/env python3
"""Fit the text-capture byline ranker (data/text_byline_rank.json).

Training data: the TUNE pages (SPLITS.md) of the metadata set that have gold authors, in the w3m and
lynx captures only (inscriptis and the simulated innerText stay held out). Each capture is run through
the stages before 'byline'; every candidate the byline stage weighs (``BylineStage.text_candidates``)
is labelled 1 when its names match the gold names with a name-F1 of at least LABEL_F1 by the set's own
scorer, else 0. Boosted trees (scikit-learn's HistGradientBoostingClassifier, training time only: fixed seed,
no early stopping, one thread; ``--model linear``: a logistic regression on standardised features) give the
scores (``--weigh-pages``: every capture weighs the same in the fit, its candidates sharing one unit of
weight; session 13: held-out 0.730 -> 0.746 with ``--min-leaf 40``, but check did not move, so it is off).
The trees are written node by node and walked in plain Python at run time
(``stages/classify/trees.py``). The acceptance threshold is the grid value with the best micro name-F1 on
held-out folds of the same pages (grouped by page id, so a page's w3m and lynx captures stay in one
fold: the threshold is chosen on scores the model did not fit). Numbers are rounded and written as
JSON, so retraining reproduces the file byte for byte.

  python benchmarks/train/byline_rank.py            # write the model (trees)
  python benchmarks/train/byline_rank.py --model linear   # the logistic model instead
  python benchmarks/train/byline_rank.py --check    # exit 1 if retraining would change the file
  python benchmarks/train/byline_rank.py --cv       # held-out (grouped folds) micro name-F1 only; writes nothing
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1] / "src")]
import numpy as np  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402
from weights_io import write_or_check  # noqa: E402

from bench_sets import load_module, tune_meta_captures  # noqa: E402
from newsclean.stages import DEFAULT_STAGE_NAMES  # noqa: E402
from newsclean.stages.byline import BylineStage, rank  # noqa: E402

BENCH = HERE.parents[2] / "shared" / "bench" / "metadata"
DATA = HERE.parents[1] / "src" / "newsclean" / "data"
RENDERERS = ("w3m", "lynx")
SEED = 13
C = 1.0          # inverse regularisation strength (sklearn's default)
DIGITS = 6       # rounding of the shipped numbers: stable across platforms, plenty for a ranking
LABEL_F1 = 0.5   # a candidate naming at least about half of the gold authors (and few others) is a good one
FOLDS = 5        # grouped cross-validation folds for the threshold
# bagging: BAGS forests, each fitted on a bootstrap sample of the captures (seeded), their scores averaged (one
# forest of BAGS * TREES trees, each leaf divided by BAGS). Session 17: one forest of 100 trees refitted after small
# upstream changes moved check name-F1 by up to 0.05; on five fold draws of tune CV (grouped by page) one forest
# scored 0.737 (0.727-0.747 over the draws), five bags of 40 trees at 0.25 scored 0.732 (0.729-0.736): a little
# less on average, a third of the spread. Session 22 (new readings of dated, role and picture lines): with 5 bags
# a fifth of the held-out picks changed between seeds and check name-F1 moved by 0.02-0.04 with the seed alone;
# 15 bags: tune CV the same (0.742), picks that change between seeds 163 -> 125 on tune
BAGS = 15
TREES = 40       # boosting rounds per bag (no early stopping, so the count is fixed)
LEARNING_RATE = 0.25  # shrinkage per bag (fewer, larger steps than sklearn's 0.1 x 100: the same run-time order)
MIN_LEAF = 20    # candidates per leaf at least (sklearn's default): no leaf for a handful of pages
THRESHOLDS = [round(-3.0 + 0.25 * i, 2) for i in range(17)]   # acceptance grid on the model's score


def _f1(pred: set[str], gold: set[str]) -> float:
    tp = len(pred & gold)
    return 2 * tp / (len(pred) + len(gold)) if pred or gold else 0.0


def dataset(bench: Path) -> list[tuple[set[str], list[tuple[set[str], list[float], int]]]]:
    """Per capture: the gold names and its candidates (names, features, label)."""
    return [(gs, rows) for _pid, gs, rows in dataset_by_page(bench)]


def dataset_by_page(bench: Path, pages=None) -> list[tuple[str, set[str], list[tuple[set[str], list[float], int]]]]:
    """Per capture: its page id, the gold names and its candidates (names, features, label);
    ``pages`` (page id, gold record, page run up to the byline stage) instead of running the bench."""
    scorer = load_module("score_meta", bench / "score_meta.py")
    stage = BylineStage()
    out = []
    stages = DEFAULT_STAGE_NAMES[:DEFAULT_STAGE_NAMES.index("byline")]
    for pid, gold, page in pages if pages is not None else tune_meta_captures(bench, "authors", RENDERERS, stages):
        gs = {x for x in (scorer.norm_name(a) for a in gold["authors"]) if x}
        if not gs:
            continue
        rows = []
        for c in stage.text_candidates(page)[3]:
            ps = scorer.norm_authors(c.names)
            rows.append((ps, c.feats, 1 if _f1(ps, gs) >= LABEL_F1 else 0))
        out.append((pid, gs, rows))
    return out


def _fold(pid: str) -> int:
    """The page's cross-validation fold: from its id's hash, so both renderers of a page share it."""
    return int(hashlib.sha1(pid.encode("utf-8")).hexdigest()[1:9], 16) % FOLDS


def cv_threshold(data: list, kind: str = "trees") -> tuple[float, dict[float, float]]:
    """The grid threshold with the best micro name-F1 on held-out folds (grouped by page), and the
    held-out F1 of every grid value."""
    held: list = []
    for k in range(FOLDS):
        train = [(gs, rows) for pid, gs, rows in data if _fold(pid) != k]
        test = [(gs, rows) for pid, gs, rows in data if _fold(pid) == k]
        ranker = rank.ranker_from_json(fit(train, kind))
        for gs, rows in test:
            scores = ranker.scores([f for _p, f, _y in rows]) if rows else []
            held.append((gs, [(p, float(sc)) for (p, _f, _y), sc in zip(rows, scores)]))
    f1s = {t: _micro_f1_scored(held, t) for t in THRESHOLDS}
    return max(THRESHOLDS, key=lambda t: (round(f1s[t], 6), -t)), f1s


def cross_validate(by_page: list, kind: str) -> int:
    """Print the held-out micro name-F1 at each grid threshold, and the oracle's (the best candidate of
    every capture by its F1 with the gold names, taken when it names any of them)."""
    best, f1s = cv_threshold(by_page, kind)
    oracle = [(gs, [(p, _f1(p, gs)) for p, _f, _y in rows]) for _pid, gs, rows in by_page]
    for t in THRESHOLDS:
        print(f"threshold {t:+.2f}: held-out micro name-F1 {f1s[t]:.4f}{'  <- chosen' if t == best else ''}")
    print(f"oracle: {_micro_f1_scored(oracle, 1e-9):.4f} ({len(by_page)} captures)")
    return 0


def _micro_f1_scored(held: list, threshold: float) -> float:
    tp = fp = fn = 0
    for gs, rows in held:
        best = max(rows, key=lambda r: r[1]) if rows else None
        ps = best[0] if best is not None and best[1] >= threshold else set()
        tp += len(ps & gs)
        fp += len(ps - gs)
        fn += len(gs - ps)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


WEIGH_PAGES = False   # page weights in the fit (``--weigh-pages``)


def fit(data: list, kind: str = "trees") -> dict:
    """The model fitted on ``data``'s candidates, as the weights file keeps it (threshold still 0)."""
    x = np.array([f for _g, rows in data for _p, f, _y in rows], dtype=float)
    y = np.array([lab for _g, rows in data for _p, _f, lab in rows])
    w = page_weights(data) if WEIGH_PAGES else None
    if kind == "trees":
        return bagged_trees(data) if BAGS > 1 else fit_trees(x, y, w, MIN_LEAF)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=5000, random_state=SEED)
    model.fit((x - mean) / scale, y, sample_weight=w)

    def r(v: np.ndarray) -> list[float]:
        return [round(float(a), DIGITS) for a in v]

    return {"_note": "text-capture byline ranker: logistic regression on standardised features; written by "
                     "benchmarks/train/byline_rank.py (do not edit by hand)",
            "features": list(rank.FEATURES), "mean": r(mean), "scale": r(scale), "weights": r(model.coef_[0]),
            "bias": round(float(model.intercept_[0]), DIGITS), "threshold": 0.0}


def page_weights(data: list) -> np.ndarray:
    """Each candidate's weight: 1 / (its capture's candidates), scaled to a mean of 1."""
    w = np.array([1.0 / len(rows) for _g, rows in data for _r in rows], dtype=float)
    return w / w.mean() if len(w) else w


def _sig(v: float) -> float:
    return float(f"{v:.{DIGITS}g}")


def bagged_trees(data: list) -> dict:
    """``BAGS`` forests on bootstrap samples of the captures (seeded: the same draws every run), as one forest
    whose score is their mean."""
    rng = np.random.RandomState(SEED)
    trees: list = []
    bases: list[float] = []
    for b in range(BAGS):
        sample = [data[i] for i in rng.choice(len(data), len(data), replace=True)]
        x = np.array([f for _g, rows in sample for _p, f, _y in rows], dtype=float)
        y = np.array([lab for _g, rows in sample for _p, _f, lab in rows])
        w = page_weights(sample) if WEIGH_PAGES else None
        one = fit_trees(x, y, w, MIN_LEAF, seed=SEED + b, scale=1.0 / BAGS)
        trees += one["trees"]
        bases.append(one["base"])
    return {**one, "base": _sig(sum(bases) / BAGS), "trees": trees,
            "_note": one["_note"] + f"; the mean of {BAGS} forests fitted on bootstrap samples of the captures"}


def fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray | None = None, min_leaf: int = MIN_LEAF,
              seed: int = SEED, scale: float = 1.0) -> dict:
    """Boosted trees; each tree as ``[feature, threshold, left, right]`` per split (a row goes left at or
    below the threshold, as fitted) and ``[value]`` per leaf (rounded; the learning rate is in it)."""
    model = HistGradientBoostingClassifier(max_iter=TREES, learning_rate=LEARNING_RATE, min_samples_leaf=min_leaf,
                                           early_stopping=False, random_state=seed)
    with threadpool_limits(1):  # one thread: the same sums in the same order, the same trees on any machine
        model.fit(x, y, sample_weight=w)
    trees = [[[_sig(scale * float(n["value"]))] if n["is_leaf"] else
              [int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"])]
              for n in predictor.nodes] for (predictor,) in model._predictors]
    return {"_note": "text-capture byline ranker: boosted trees (raw score = log-odds); written by "
                     "benchmarks/train/byline_rank.py (do not edit by hand)",
            "features": list(rank.FEATURES), "base": _sig(float(np.ravel(model._baseline_prediction)[0])),
            "threshold": 0.0, "trees": trees}


TREES_AT = '"@trees@"'  # where the trees go in the file: one line each (the file stays small and diffable)


def to_json(model: dict) -> str:
    if "trees" not in model:
        return json.dumps(model, indent=1, ensure_ascii=False) + "\n"
    text = json.dumps({**model, "trees": TREES_AT[1:-1]}, indent=1, ensure_ascii=False) + "\n"
    trees = ",\n".join("  " + json.dumps(t, separators=(",", ":")) for t in model["trees"])
    return text.replace(TREES_AT, "[\n" + trees + "\n ]")


def micro_f1(data: list, model: dict, threshold: float) -> float:
    """Micro name-F1 over the training captures when the best candidate is taken above ``threshold``."""
    ranker = rank.ranker_from_json(model)
    scored = [(gs, list(zip((p for p, _f, _y in rows), ranker.scores([f for _p, f, _y in rows]) if rows else [])))
              for gs, rows in data]
    return _micro_f1_scored(scored, threshold)


def main(argv: list[str] | None = None) -> int:
    global WEIGH_PAGES, MIN_LEAF
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--out", type=Path, default=DATA / rank.WEIGHTS_FILE)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file would change")
    ap.add_argument("--model", choices=("trees", "linear"), default="trees")
    ap.add_argument("--cv", action="store_true", help="print the held-out micro name-F1 per threshold and the "
                                                     "best a perfect chooser could do; write nothing")
    ap.add_argument("--weigh-pages", action="store_true", help="every capture weighs the same in the fit")
    ap.add_argument("--min-leaf", type=int, default=MIN_LEAF, help="candidates per leaf at least")
    a = ap.parse_args(argv)
    WEIGH_PAGES, MIN_LEAF = a.weigh_pages, a.min_leaf
    by_page = dataset_by_page(a.bench)
    if a.cv:
        return cross_validate(by_page, a.model)
    data = [(gs, rows) for _pid, gs, rows in by_page]
    model = fit(data, a.model)
    model["threshold"], held = cv_threshold(by_page, a.model)
    scores = {t: micro_f1(data, model, t) for t in THRESHOLDS}
    print(f"held-out micro name-F1 at threshold {model['threshold']}: {held[model['threshold']]:.3f}",
          file=sys.stderr)
    n_rows = sum(len(rows) for _g, rows in data)
    n_pos = sum(y for _g, rows in data for *_r, y in rows)
    reach = sum(any(y for *_r, y in rows) for _g, rows in data)
    print(f"{len(data)} captures ({reach} with a good candidate), {n_rows} candidates, {n_pos} good; "
          f"micro name-F1 at threshold {model['threshold']}: {scores[model['threshold']]:.3f} "
          f"(take always: {scores[THRESHOLDS[0]]:.3f})", file=sys.stderr)
    for feat, wt in sorted(zip(rank.FEATURES, model.get("weights", ())), key=lambda t: -abs(t[1])):
        print(f"  {feat:<14} {wt:+.3f}", file=sys.stderr)
    return write_or_check(a.out, to_json(model), a.check)


if __name__ == "__main__":
    sys.exit(main())
