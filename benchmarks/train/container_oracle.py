#!/usr/bin/env python3
"""How much would a better HTML container choice give? Oracle and a cross-validated learned ranker.

    python benchmarks/train/container_oracle.py [--bench ../shared/bench] [--cache rows.json] [--limit N] [--cv]

Data: the TUNE pages (SPLITS.md) of ``html:sh``, ``html:wcxb`` and ``snip:trafeval``. Each page is run
through the whole default pipeline once per container candidate (``container_candidates.candidates``:
the hand scoring's strongest elements and the boxes above its choice), with that candidate forced as the
container; the candidate's label is the page score of the output (shingle F1 against the gold body; for
trafeval, F1 of the snippet counts). Printed per set: the mean label of the hand choice, of the best
candidate (the oracle) and of an in-sample pairwise logistic ranker (scikit-learn, seeded); ``--cv``
adds 5-fold out-of-fold figures for a few strengths and margins (a candidate must beat the hand choice
by the margin). Nothing is written into the package: see the README (issue 13) for the result.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1] / "src")]
import container_candidates as container_rank  # noqa: E402

from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, all_sets, is_check, load_module  # noqa: E402
from newsclean import Pipeline  # noqa: E402
from newsclean.stages.boilerplate import html as boilerplate_html  # noqa: E402

SETS = ("html:sh", "html:wcxb", "snip:trafeval")
C = 0.1         # inverse L2 strength: few pages (~800) and correlated features; stronger than sklearn's 1.0
SEED = 0        # lbfgs is deterministic; fixed anyway
DIGITS = 6      # significant digits kept in the weights file
NEAR = 0.01     # a candidate this close to the page's best label counts as a best one
GAP = 0.05      # ... and is paired with every candidate this much worse
MARGIN = 0.0    # score by which another candidate must beat the hand choice (the in-sample figure)


def page_score(scorer: str, gold: Any, text: str, ev: Any) -> float:
    if scorer == "shingle":
        return float(ev.score_page("x", str(gold or ""), text).f1)
    w, wo = gold.get("with") or [], gold.get("without") or []
    tp = sum(1 for s in w if s in text)
    fn = len(w) - tp
    fp = sum(1 for s in wo if s in text)
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


class _Force:
    """A ``boilerplate_html.measure``: records the candidates, returns the one asked for."""

    def __init__(self) -> None:
        self.index: int | None = None
        self.cands: list[container_rank.Candidate] = []

    def __call__(self, blocks: Any, weights: Any, sc: Any, pool: Any, hand: Any) -> Any:
        self.cands = container_rank.candidates(blocks, weights, sc, pool, hand)
        if self.index is None or self.index >= len(self.cands):
            return hand
        return self.cands[self.index].element


def collect(bench: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per tune page: its set, id, candidate features and labels."""
    ev = load_module("nc_evaluate", bench / "evaluate.py")
    sets = all_sets(bench, DEFAULT_CACHE)
    pipe = Pipeline()
    force = _Force()
    boilerplate_html.measure = force
    rows: list[dict[str, Any]] = []
    try:
        for name in SETS:
            s = sets[name]
            docs = [d for d in s.docs() if not is_check(d.id)][:limit]
            for d in docs:
                raw = d.load()
                force.index = None
                hand_text = pipe.extract(raw, url=d.url, kind=d.kind).text
                cands = force.cands
                if len(cands) < 2:
                    continue
                labels = []
                for j in range(len(cands)):
                    force.index = j
                    text = hand_text if cands[j].features[FEATURE_IS_HAND] else \
                        pipe.extract(raw, url=d.url, kind=d.kind).text
                    labels.append(round(page_score(s.scorer, d.gold, text, ev), 6))
                rows.append({"set": name, "id": d.id, "x":
                             [c.features for c in cands], "y": labels})
    finally:
        boilerplate_html.measure = None
    return rows


FEATURE_IS_HAND = container_rank.FEATURES.index("is_hand")


def pairs(rows: list[dict[str, Any]], mean: Any, scale: Any) -> tuple[Any, Any, Any]:
    import numpy as np

    diffs, weights = [], []
    for r in rows:
        x = (np.array(r["x"], dtype=float) - mean) / scale
        y = r["y"]
        top = max(y)
        for i, yi in enumerate(y):
            if yi < top - NEAR:
                continue
            for j, yj in enumerate(y):
                if yi - yj >= GAP:
                    diffs.append(x[i] - x[j])
                    weights.append(yi - yj)
    d = np.array(diffs)
    w = np.array(weights)
    return np.vstack([d, -d]), np.concatenate([np.ones(len(d)), np.zeros(len(d))]), np.concatenate([w, w])


def train(rows: list[dict[str, Any]], c: float = C) -> dict[str, Any]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    allx = np.array([f for r in rows for f in r["x"]], dtype=float)
    mean = allx.mean(axis=0)
    scale = allx.std(axis=0)
    scale[scale == 0] = 1.0
    X, Y, W = pairs(rows, mean, scale)
    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED, fit_intercept=False)
    model.fit(X, Y, sample_weight=W)

    def r(v: Any) -> list[float]:
        return [float(f"{float(a):.{DIGITS}g}") for a in v]

    return {"_note": "HTML main-content container ranker: pairwise logistic regression on standardised features; "
                     "written by benchmarks/train/container_oracle.py (measurement only)",
            "features": list(container_rank.FEATURES), "mean": r(mean), "scale": r(scale),
            "weights": r(model.coef_[0]), "margin": MARGIN}


def evaluate(rows: list[dict[str, Any]], model: dict[str, Any] | None) -> dict[str, dict[str, float]]:
    """Per set: mean label of the hand choice, of the model's choice, and of the best candidate."""
    out: dict[str, dict[str, float]] = {}
    for name in SETS:
        rs = [r for r in rows if r["set"] == name]
        if not rs:
            continue
        hand = model_sum = best = 0.0
        for r in rs:
            h = next(i for i, f in enumerate(r["x"]) if f[FEATURE_IS_HAND])
            hand += r["y"][h]
            best += max(r["y"])
            if model is not None:
                scored = [container_rank.score(f, model) for f in r["x"]]
                k = max(range(len(scored)), key=scored.__getitem__)
                if scored[k] - scored[h] < model.get("margin", 0.0):
                    k = h
                model_sum += r["y"][k]
        n = len(rs)
        out[name] = {"pages": n, "hand": hand / n, "model": model_sum / n, "oracle": best / n}
    return out


def cross_validate(rows: list[dict[str, Any]], folds: int = 5) -> None:
    """Out-of-fold choice per set for a few strengths and margins (pages dealt to folds in order)."""
    for c in (0.01, 0.1, 1.0):
        for margin in (0.0, 0.5, 1.0, 2.0):
            chosen: list[dict[str, Any]] = []
            for k in range(folds):
                model = train([r for i, r in enumerate(rows) if i % folds != k], c)
                model["margin"] = margin
                held = [r for i, r in enumerate(rows) if i % folds == k]
                chosen.extend({**r, "y": [_chosen_label(r, model)] * len(r["y"])} for r in held)
            res = evaluate(chosen, None)
            hand = evaluate(rows, None)
            print(f"C={c} margin={margin}: " + "  ".join(
                f"{n} {res[n]['hand'] - hand[n]['hand']:+.4f}" for n in res))


def _chosen_label(r: dict[str, Any], model: dict[str, Any]) -> float:
    h = next(i for i, f in enumerate(r["x"]) if f[FEATURE_IS_HAND])
    scored = [container_rank.score(f, model) for f in r["x"]]
    k = max(range(len(scored)), key=scored.__getitem__)
    return r["y"][h if scored[k] - scored[h] < model["margin"] else k]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--cache", type=Path, help="read the labelled rows from / write them to this JSON")
    ap.add_argument("--limit", type=int, help="pages per set (for a quick look)")
    ap.add_argument("--cv", action="store_true", help="print 5-fold results for a few C and margins")
    a = ap.parse_args(argv)
    if a.cache and a.cache.exists():
        rows = json.loads(a.cache.read_text(encoding="utf-8"))
    else:
        rows = collect(a.bench, a.limit)
        if a.cache:
            a.cache.write_text(json.dumps(rows), encoding="utf-8")
    if a.cv:
        cross_validate(rows)
    model = train(rows)
    for name, e in evaluate(rows, model).items():
        print(f"{name}: {e['pages']} pages  hand {e['hand']:.4f}  model {e['model']:.4f}  oracle {e['oracle']:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
