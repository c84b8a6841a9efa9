#!/usr/bin/env python3
"""Fit the text-capture rankers: headline lines (data/text_title_rank.json) and dates (data/text_date_rank.json).

Training data: the TUNE pages (SPLITS.md) of the metadata set that have a gold title (date), in the w3m
and lynx captures only (inscriptis and the simulated innerText stay held out). Each capture is run
through the stages before 'title' ('dates'); every candidate line (``title_rank.candidates``) is
labelled 1 when it is the gold title by the set's own scorer (``score_meta.title_match``), every
candidate date (``date_rank.candidates``) 1 when it is the gold day, else 0. A pairwise logistic
regression (gold line minus each other line of its page) (scikit-learn, training time only, fixed seed)
on standardised features gives the weights;
they are rounded and written as JSON, so retraining reproduces the file byte for byte.

  python benchmarks/train_rankers.py                  # write the headline weights
  python benchmarks/train_rankers.py --target date    # write the date weights
  python benchmarks/train_rankers.py --check          # exit 1 if retraining would change the file
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from bench_sets import load_module, tune_meta_captures
from newsclean.stages import DEFAULT_STAGE_NAMES
from newsclean.stages.dates import _dayfirst
from newsclean.stages.dates import rank as date_rank
from newsclean.stages.title import TitleStage, is_byline_text, is_dateline_text
from newsclean.stages.title import rank as title_rank

HERE = Path(__file__).resolve().parent
BENCH = HERE.parents[1] / "shared" / "bench" / "metadata"
DATA = HERE.parent / "src" / "newsclean" / "data"
TARGETS = {"title": (title_rank.FEATURES, title_rank.WEIGHTS_FILE),
           "date": (date_rank.FEATURES, date_rank.WEIGHTS_FILE)}
RENDERERS = ("w3m", "lynx")
SEED = 13
C = 1.0          # inverse regularisation strength (sklearn's default)
DIGITS = 6       # rounding of the shipped numbers: stable across platforms, plenty for a ranking






def _rows(target: str, page, gold: dict, scorer) -> list[tuple[list[float], int]]:
    if target == "title":
        return [(feats, 1 if scorer.title_match(b.text.strip("*#=_~ "), gold["title"]) else 0)
                for b, feats in TitleStage().text_candidates(page)]
    cands = date_rank.candidates(page.blocks, page.handoffs.title_block, _dayfirst(page),
                                 is_dateline_text, is_byline_text)
    return [(feats, 1 if dt.date().isoformat() == gold["date"] else 0) for dt, _b, feats in cands]


def dataset(bench: Path, target: str) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Feature rows, labels and the page (group) number of each row."""
    scorer = load_module("score_meta", bench / "score_meta.py")
    upto = DEFAULT_STAGE_NAMES.index("title" if target == "title" else "dates")
    rows: list[list[float]] = []
    labels: list[int] = []
    groups: list[int] = []
    pages = tune_meta_captures(bench, target, RENDERERS, DEFAULT_STAGE_NAMES[:upto])
    for g, (_pid, gold, page) in enumerate(pages):
        for feats, label in _rows(target, page, gold, scorer):
            rows.append(feats)
            labels.append(label)
            groups.append(g)
    return np.array(rows, dtype=float), np.array(labels), groups


def pairs(z: np.ndarray, y: np.ndarray, groups: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Ranking as classification: (gold line - other line of the same page) labelled 1, and its
    negation labelled 0, so that the weights order the lines of one page."""
    by: dict[int, list[int]] = {}
    for i, gi in enumerate(groups):
        by.setdefault(gi, []).append(i)
    diffs = []
    for rows in by.values():
        pos = [i for i in rows if y[i]]
        neg = [i for i in rows if not y[i]]
        for p in pos[:1]:   # the first gold line of the page (a repeat adds nothing new)
            for q in neg:
                diffs.append(z[p] - z[q])
    d = np.array(diffs)
    return np.vstack([d, -d]), np.concatenate([np.ones(len(d)), np.zeros(len(d))])


def fit(x: np.ndarray, y: np.ndarray, groups: list[int], features: tuple[str, ...], what: str) -> dict:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=5000, random_state=SEED, fit_intercept=False)
    model.fit(*pairs((x - mean) / scale, y, groups))

    def r(v: np.ndarray) -> list[float]:
        return [round(float(a), DIGITS) for a in v]

    return {"_note": f"text-capture {what} ranker: pairwise logistic regression on standardised features; "
                     "written by benchmarks/train_rankers.py (do not edit by hand)",
            "features": list(features), "mean": r(mean), "scale": r(scale), "weights": r(model.coef_[0]),
            "bias": 0.0}


def top1(x: np.ndarray, y: np.ndarray, groups: list[int], model: dict) -> float:
    """Share of pages whose best-scoring candidate is a gold title (pages with one, training rows)."""
    w = np.array(model["weights"])
    s = ((x - np.array(model["mean"])) / np.array(model["scale"])) @ w + model["bias"]
    best: dict[int, tuple[float, int]] = {}
    has: set[int] = set()
    for si, yi, gi in zip(s, y, groups):
        if yi:
            has.add(gi)
        if gi not in best or si > best[gi][0]:
            best[gi] = (si, yi)
    return sum(best[g][1] for g in has) / max(len(has), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--target", choices=tuple(TARGETS), default="title")
    ap.add_argument("--out", type=Path, help="default: the package's data file of the target")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file would change")
    a = ap.parse_args(argv)
    features, name = TARGETS[a.target]
    a.out = a.out or DATA / name
    x, y, groups = dataset(a.bench, a.target)
    model = fit(x, y, groups, features, "headline" if a.target == "title" else "date")
    text = json.dumps(model, indent=1, ensure_ascii=False) + "\n"
    print(f"{len(set(groups))} captures ({len({g for g, v in zip(groups, y) if v})} with a gold line), "
          f"{len(y)} candidate lines, {int(y.sum())} gold; "
          f"top-1 on pages with a gold line {top1(x, y, groups, model):.3f}", file=sys.stderr)
    for feat, w in sorted(zip(features, model["weights"]), key=lambda t: -abs(t[1])):
        print(f"  {feat:<16} {w:+.3f}", file=sys.stderr)
    if a.check:
        same = a.out.exists() and a.out.read_text(encoding="utf-8") == text
        print("unchanged" if same else "CHANGED", file=sys.stderr)
        return 0 if same else 1
    a.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
