#!/usr/bin/env python3
"""Fit the HTML run model of the ``regions`` stage (``data/html_regions.json``) on the TUNE split.

    python benchmarks/train/train_html_regions.py [--bench ../shared/bench] [--out PATH] [--check]
                                                  [--data rows.pkl]

Data: the tune pages (SPLITS.md) of ``html:sh``, ``html:wcxb`` and ``snip:trafeval``, run through the default
pipeline with the HTML run model off (what the stage sees). The kept text is cut into runs
(``regions.features.runs_of``); every run but the main one is a row of ``html_features.HTML_FEATURES``,
labelled from the gold: for the body sets 1 when at least half of the run's word 4-shingles are in the gold
body (a run of 1-3 words: when its words appear in the gold's word sequence), for trafeval 1 when it holds
one of the page's 'with' snippets and none of its 'without' ones, 0 the other way round (other runs are not
labelled; pages the ``page_type`` stage calls other than articles are left as they are, as the stage
leaves them). Each row is weighted by its share of the page's kept characters (a run's effect on the page's
score), plus ``MIN_WEIGHT``. The model: the shared standardised L2 logistic regression (``linear_fit``).
The threshold ``drop_below``: of ``THRESHOLDS``, the one with the best mean F1 over the three sets when
every tune page's runs are judged by a model fitted without that page's fold (``FOLDS`` folds by a hash of
the page id): the threshold is chosen on pages the model did not see. Rounded numbers go to the file;
``--check`` compares byte for byte.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1] / "src")]
from linear_fit import fit_standardised  # noqa: E402
from train_html_block_weights import shingle_labeller  # noqa: E402
from weights_io import write_or_check  # noqa: E402

from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, all_sets, is_check, load_module, pinned_options  # noqa: E402
from newsclean import Pipeline  # noqa: E402
from newsclean.stages.regions import HTML_WEIGHTS_FILE, judged_type  # noqa: E402
from newsclean.stages.regions.html_features import HTML_FEATURES, html_region_rows  # noqa: E402

OUT = HERE.parents[1] / "src" / "newsclean" / "data" / HTML_WEIGHTS_FILE
SETS = ("html:sh", "html:wcxb", "snip:trafeval")
C = 1.0             # inverse L2 strength (sklearn's default)
IN_GOLD = 0.5       # share of a run's 4-shingles in the gold body that makes it the story's
MIN_WEIGHT = 0.01   # every labelled run counts a little, however small its share of the page
FOLDS = 5           # page folds of the threshold's cross-validation
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
DIGITS = 6          # significant digits kept in the file


def labeller(scorer: str, gold: Any) -> Any:
    """text -> 1, 0 or None (not labelled), from the page's gold body or snippets."""
    if scorer == "shingle":
        return shingle_labeller(gold, IN_GOLD)
    with_, without = list(gold.get("with") or []), list(gold.get("without") or [])

    def snippet_label(text: str) -> int | None:
        a, b = any(s in text for s in with_), any(s in text for s in without)
        return None if a == b else int(a)
    return snippet_label


def collect(bench: Path) -> list[dict[str, Any]]:
    """Per tune page: its set, id, gold, kept blocks (index, text) and runs (first, last, main, row, label,
    characters)."""
    sets = all_sets(bench, DEFAULT_CACHE)
    pipe = Pipeline(options={**pinned_options(), "regions": {"html_drop_below": 0.0}})
    pages = []
    for name in SETS:
        s = sets[name]
        for d in s.docs():
            if is_check(d.id):
                continue
            page = pipe.process(d.load(), url=d.url, kind=d.kind)
            runs, main, table = html_region_rows(page.blocks, page.handoffs.title_block,
                                                 set(page.handoffs.html_teasers or ()),
                                             page.handoffs.html_container)
            label = labeller(s.scorer, d.gold)
            rows = []
            if not judged_type(page.get("page_type")):
                runs, table = [], []  # (the stage leaves the page as it is: no rows, scored as it is)
            for k, (r, row) in enumerate(zip(runs, table)):
                text = "\n".join(b.text for b in page.blocks[r.first:r.last + 1] if b.dropped_by is None)
                rows.append((r.first, r.last, k == main, row, None if k == main else label(text), len(text)))
            pages.append({"set": name, "scorer": s.scorer, "id": d.id, "gold": d.gold, "runs": rows,
                          "kept": [(b.index, b.text) for b in page.blocks if b.dropped_by is None]})
    return pages


def table(pages: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """The labelled rows, their labels, weights and page numbers."""
    X, y, w, of = [], [], [], []
    for n, p in enumerate(pages):
        total = sum(len(t) for _, t in p["kept"]) or 1
        for _first, _last, main, row, label, chars in p["runs"]:
            if main or label is None:
                continue
            X.append(row)
            y.append(float(label))
            w.append(min(1.0, chars / total) + MIN_WEIGHT)
            of.append(n)
    return np.array(X), np.array(y), np.array(w), of


def _fold(page_id: str) -> int:
    return int(hashlib.sha1(f"fold:{page_id}".encode()).hexdigest(), 16) % FOLDS


def _linear(m: dict[str, Any]) -> tuple[np.ndarray, float]:
    w = m["coef"] / m["scale"]
    return w, -float((w * m["mean"]).sum())


def _score(ev: Any, scorer: str, gold: Any, text: str) -> tuple[float, ...]:
    if scorer == "shingle":
        s = ev.score_page("x", str(gold or ""), text)
        return (s.precision, s.recall)
    w, wo = gold.get("with") or [], gold.get("without") or []
    return (sum(s in text for s in w), sum(s not in text for s in w), sum(s in text for s in wo))


def _f1(scorer: str, rows: list[tuple[float, ...]]) -> float:
    if scorer == "shingle":
        ps = [r[0] for r in rows if r[0] is not None]
        rs = [r[1] for r in rows if r[1] is not None]
        p, r = sum(ps) / max(1, len(ps)), sum(rs) / max(1, len(rs))
    else:
        tp, fn, fp = (sum(r[k] for r in rows) for k in range(3))
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def choose_threshold(pages: list[dict[str, Any]], bench: Path) -> float:
    """The threshold of best mean set F1 over the tune pages, each judged by a model fitted on the other folds."""
    X, y, w, of = table(pages)
    folds = np.array([_fold(pages[n]["id"]) for n in of])
    prob: dict[tuple[int, int], float] = {}
    for k in range(FOLDS):
        coef, off = _linear(fit_standardised(X[folds != k], y[folds != k], w[folds != k], C))
        for n, p in enumerate(pages):
            if _fold(p["id"]) != k:
                continue
            for j, run in enumerate(p["runs"]):
                if not run[2]:
                    prob[n, j] = float(1 / (1 + np.exp(-np.clip(off + np.array(run[3]) @ coef, -30, 30))))
    ev = load_module("nc_evaluate", bench / "evaluate.py")
    best, best_f1 = 0.0, -1.0
    for th in THRESHOLDS:
        per_set: dict[str, list[tuple[float, ...]]] = {}
        for n, p in enumerate(pages):
            gone = {i for j, run in enumerate(p["runs"]) if not run[2] and prob[n, j] < th
                    for i in range(run[0], run[1] + 1)}
            text = "\n\n".join(t for i, t in p["kept"] if i not in gone)
            per_set.setdefault(p["set"], []).append(_score(ev, p["scorer"], p["gold"], text))
        f1s = {name: _f1("snippet" if name.startswith("snip") else "shingle", rows) for name, rows in per_set.items()}
        mean = sum(f1s.values()) / len(f1s)
        print(f"drop_below {th}: " + ", ".join(f"{k} {v:.4f}" for k, v in f1s.items()) + f"; mean {mean:.4f}")
        if mean > best_f1 + 1e-12:
            best, best_f1 = th, mean
    return best


def train(pages: list[dict[str, Any]], bench: Path) -> str:
    X, y, w, _ = table(pages)
    m = fit_standardised(X, y, w, C)
    drop_below = choose_threshold(pages, bench)

    def r(v: Any) -> list[float]:
        return [float(f"{float(q):.{DIGITS}g}") for q in v]

    doc = {"_note": "HTML run model of the regions stage: standardised logistic regression on HTML_FEATURES and "
                    "the threshold below which a run is dropped; written by benchmarks/train/train_html_regions.py "
                    "(do not edit by hand)",
           "features": list(HTML_FEATURES), "mean": r(m["mean"]), "scale": r(m["scale"]), "coef": r(m["coef"]),
           "intercept": 0.0, "drop_below": drop_below}
    return json.dumps(doc, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file would change")
    ap.add_argument("--data", type=Path, help="keep the collected pages in this pickle (reused while it exists)")
    a = ap.parse_args(argv)
    if a.data and a.data.exists():
        with a.data.open("rb") as f:
            pages = pickle.load(f)
    else:
        pages = collect(a.bench)
        if a.data:
            with a.data.open("wb") as f:
                pickle.dump(pages, f)
    X, y, _, _ = table(pages)
    print(f"{len(pages)} pages, {len(y)} labelled runs, {int(y.sum())} the story's")
    return write_or_check(a.out, train(pages, a.bench), a.check)


if __name__ == "__main__":
    raise SystemExit(main())
