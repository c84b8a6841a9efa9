#!/usr/bin/env python3
"""Fit the page-type model (stage ``page_type``) on the TUNE split and write its weights.

    python benchmarks/train/page_type.py [--bench ../shared/bench] [--out PATH] [--check] [--limit N]
    python benchmarks/train/page_type.py --captures [--cache DIR] [--out PATH] [--check] [--limit N]

Data: WCXB dev pages, tune split only (SPLITS.md): ``wcxb/dev-other`` (six non-article types, labelled by
``page_type`` in its ground truth) and ``wcxb/dev`` (articles). Each page is loaded and run through the
default stages that come before ``page_type``, then ``page_type_features.page_features`` measures it.
The model is a standardised multinomial logistic regression (scikit-learn, lbfgs, L2), classes weighted so
that each type counts alike. Rounded weights go to ``src/newsclean/data/page_type_weights.json``; the
same data and library versions give the same file byte for byte (``--check`` compares with it).
With ``--captures`` the same pages are rendered as text captures by ``CAPTURE_RENDERERS`` (links and html2text,
the Debian renderers of ``bench_sets.RENDER_COMMANDS``, cached under ``--cache``, and the links capture as a
"select all, copy" prints it: no blank lines, no indents, no bullet glyphs; elinks is kept out, to judge the
model on a renderer it never saw), read with ``kind="text"`` and no URL (as the scoreboard reads captures),
the html2text ones once more with their page's URL (``CAPTURE_PRINTS``); ScrapingHub's tune articles (news
sites, their captures heavy with chrome) are printed the same way and added as articles; and the model fitted
on what a capture
shows goes to ``data/capture_page_type_weights.json``: the HTML model's markup signals (and, often, the URL's)
are missing from a capture, so it types nearly every capture an article.
scikit-learn is needed here only, never at run time.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1] / "src")]
from weights_io import write_or_check  # noqa: E402

from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, is_check, render_cached, simulate, training_pipeline
from newsclean.stages import DEFAULT_STAGE_NAMES
from newsclean.stages.page_type import CAPTURE_WEIGHTS_FILE, PAGE_TYPES, WEIGHTS_FILE
from newsclean.stages.page_type.features import page_features

OUT = HERE.parents[1] / "src" / "newsclean" / "data" / WEIGHTS_FILE
CAPTURE_OUT = HERE.parents[1] / "src" / "newsclean" / "data" / CAPTURE_WEIGHTS_FILE
#: the renderers whose captures the capture model is fitted on (elinks is kept out: the held-out renderer)
CAPTURE_RENDERERS = ("links", "html2text", "links+copyall")
#: the prints fitted on: each renderer's captures with no URL (as the scoreboard reads captures), and those of
#: ``CAPTURE_WITH_URL`` once more with their page's URL: a capture often comes with its URL (a crawl's record),
#: and the URL's shape tells types apart (rows without one leave the URL signals at their mean)
CAPTURE_WITH_URL = ("html2text",)
CAPTURE_PRINTS = tuple((r, False) for r in CAPTURE_RENDERERS) + tuple((r, True) for r in CAPTURE_WITH_URL)
# inverse L2 strength: strong (~1000 pages, ~90 correlated signals). 5-fold cross-validation on tune, grouped by
# site (StratifiedGroupKFold): 7-type accuracy / article-vs-not balanced accuracy 0.832 / 0.921 for the earlier
# signals at 0.3; with the profile/URL signals 0.839 / 0.926 at 0.3, 0.840 / 0.929 at 0.05, 0.844 / 0.927 at 0.03
# (session 9, the mean of 5 fold seeds at 0.05: 0.853 / 0.923; session 10, with the shapes.py signals made
# cheap and pagination lines left out, 0.859 / 0.923)
C = 0.05
# the fitted logits are scaled by this (argmax unchanged): the strong L2 above makes the probabilities soft, and
# type_fit's confidence floors (0.4 / 0.6 / 0.7 / 0.9) were set on the earlier model's; at 1.5 the grouped-CV
# pages of each type over each floor come back to the earlier model's counts (log-loss 0.469, earlier 0.528),
# with fewer articles over a floor of another type (4 against 12 page-floor pairs)
SHARPEN = 1.5
DIGITS = 6     # significant digits kept in the weights file (enough for identical decisions)
SEED = 0       # lbfgs is deterministic; the seed is fixed anyway for any solver that shuffles
CLASS_WEIGHT: str | None = None  # plain weights: the type mix of the tune pages (articles are half of them)


def pages(bench: Path, split: str = "tune", limit: int | None = None) -> list[tuple[str, str, Any]]:
    """(id, page type, loader) of the WCXB dev pages of one split ("tune", "check" or "all")."""
    out: list[tuple[str, str, Any]] = []
    for folder, fixed in (("wcxb/dev", "article"), ("wcxb/dev-other", None)):
        gold = json.loads((bench / folder / "ground-truth.json").read_text(encoding="utf-8"))
        ids = [i for i in sorted(gold) if split == "all" or is_check(i) == (split == "check")]
        for i in ids[:limit]:
            path = bench / folder / f"{i}.html.gz"
            kind = fixed or gold[i]["page_type"]
            out.append((f"{folder.split('/')[-1]}/{i}", kind,
                        (lambda p=path: gzip.decompress(p.read_bytes()), gold[i].get("url"))))
    return out


def news_pages(bench: Path, split: str = "tune", limit: int | None = None) -> list[tuple[str, str, Any]]:
    """(id, "article", loader) of the ScrapingHub dev articles of one split: news sites' pages, whose captures
    carry more chrome (tickers, dated teaser lists, "… ago") than most of WCXB's articles."""
    gold = json.loads((bench / "articles" / "dev" / "ground-truth.json").read_text(encoding="utf-8"))
    ids = [i for i in sorted(gold) if split == "all" or is_check(i) == (split == "check")]
    return [(f"sh/{i}", "article", (lambda p=bench / "articles" / "dev" / f"{i}.html": p.read_bytes(),
                                    gold[i].get("url"))) for i in ids[:limit]]


#: where each folder's captures are cached (the scoreboard's own cache of the WCXB and ScrapingHub articles)
_CORPUS = {"dev": "wcxb", "dev-other": "wcxb-other", "sh": "sh"}


def capture_pages(bench: Path, cache: Path, renderer: str, split: str = "tune", limit: int | None = None,
                  with_url: bool = False, news: bool = False) -> list[tuple[str, str, Any]]:
    """``pages`` (and with ``news`` ``news_pages``) as text captures of ``renderer`` (rendered once, cached under
    ``cache``), with their page's URL or none; "links+copyall" is the links capture as a "select all, copy"
    prints it (``bench_sets.simulate``)."""
    base, _, style = renderer.partition("+")
    out: list[tuple[str, str, Any]] = []
    listed = pages(bench, split, limit) + (news_pages(bench, split, limit) if news else [])
    for pid, kind, (reader, url) in listed:
        folder, i = pid.split("/")
        corpus = _CORPUS[folder]
        path = cache / corpus / base / f"{i}.txt"

        def load(path: Path = path, reader: Any = reader) -> str:
            text = render_cached(path, base, reader)
            return simulate(text, style) if style else text
        out.append((pid, kind, (load, url if with_url else None)))
    return out


def stages_before() -> list[str]:
    """The default stages that run before ``page_type`` (its features read what they found)."""
    names = list(DEFAULT_STAGE_NAMES)
    return names[:names.index("page_type")]


def features_of(load: Any, kind: str | None = None) -> dict[str, float]:
    reader, url = load
    page = training_pipeline(stages_before()).process(reader(), url=url, kind=kind)
    return page_features(page)[0]


def collect(bench: Path, split: str = "tune", limit: int | None = None,
            captures: Path | None = None) -> tuple[list[dict[str, float]], list[str]]:
    """Feature rows and true types of one split's pages; with ``captures`` (the render cache), of their
    captures, every print of ``CAPTURE_PRINTS``, instead."""
    X: list[dict[str, float]] = []
    y: list[str] = []
    if captures is None:
        for _, kind, load in pages(bench, split, limit):
            X.append(features_of(load))
            y.append(kind)
        return X, y
    for renderer, with_url in CAPTURE_PRINTS:
        for _, kind, load in capture_pages(bench, captures, renderer, split, limit, with_url, news=True):
            X.append(features_of(load, "text"))
            y.append(kind)
    return X, y


def train(X: list[dict[str, float]], y: list[str], c: float = C) -> dict[str, Any]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted({k for row in X for k in row})
    A = np.array([[row.get(k, np.nan) for k in names] for row in X])
    # a signal a page cannot show (no URL) counts as the mean of the pages that show it, as at run time
    mean = np.nanmean(A, axis=0)
    A = np.where(np.isnan(A), mean, A)
    mean = A.mean(axis=0)
    scale = A.std(axis=0)
    scale[scale == 0] = 1.0
    present = [t for t in PAGE_TYPES if t in set(y)]
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=10000, class_weight=CLASS_WEIGHT, random_state=SEED)
    model.fit((A - mean) / scale, np.array([present.index(t) for t in y]))
    coef = np.full((len(PAGE_TYPES), len(names)), 0.0)
    intercept = np.full(len(PAGE_TYPES), -30.0)  # a type with no training page is never chosen
    rows, bias = model.coef_ * SHARPEN, model.intercept_ * SHARPEN
    if len(present) == 2:  # sklearn gives one row for two classes: the same odds as two rows of +-half
        rows, bias = np.vstack([-rows[0] / 2, rows[0] / 2]), np.array([-bias[0] / 2, bias[0] / 2])
    for k, t in enumerate(present):
        coef[PAGE_TYPES.index(t)] = rows[k]
        intercept[PAGE_TYPES.index(t)] = bias[k]
    return {"features": names, "mean": mean, "scale": scale, "coef": coef, "intercept": intercept}


def _r(v: float) -> float:
    return float(f"{v:.{DIGITS}g}")


def to_json(m: dict[str, Any], captures: bool = False) -> str:
    what = (f"text captures ({', '.join(CAPTURE_RENDERERS)}, without a URL; {', '.join(CAPTURE_WITH_URL)} also "
            "with the page's URL) of the tune split of WCXB dev (dev-other + dev) and ScrapingHub's articles"
            if captures else "the tune split of WCXB dev (dev-other + dev)")
    doc = {"about": f"newsclean page-type model; made by benchmarks/train/page_type.py from {what}",
           "classes": list(PAGE_TYPES), "features": list(m["features"]),
           "mean": [_r(v) for v in m["mean"]], "scale": [_r(v) for v in m["scale"]],
           "coef": [[_r(v) for v in row] for row in m["coef"]], "intercept": [_r(v) for v in m["intercept"]]}
    return json.dumps(doc, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--out", type=Path, help=f"the weights file (default {OUT.name}, with --captures "
                                              f"{CAPTURE_OUT.name})")
    ap.add_argument("--limit", type=int, default=None, help="pages per folder (a quick trial)")
    ap.add_argument("--check", action="store_true", help="compare with the file at --out instead of writing it")
    ap.add_argument("--captures", action="store_true", help="fit the text captures' model (see above)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the rendered captures are cached")
    a = ap.parse_args(argv)
    X, y = collect(a.bench, "tune", a.limit, a.cache if a.captures else None)
    text = to_json(train(X, y), a.captures)
    return write_or_check(a.out or (CAPTURE_OUT if a.captures else OUT), text, a.check)


if __name__ == "__main__":
    sys.exit(main())
