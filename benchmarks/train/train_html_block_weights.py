#!/usr/bin/env python3
"""Fit the HTML block weights of the container choice (``boilerplate.block_weights``) on the TUNE split.

    python benchmarks/train/train_html_block_weights.py [--bench ../shared/bench] [--out PATH] [--check]
                                                        [--cache rows.json]

Data: the tune pages (SPLITS.md) of ``html:sh``, ``html:wcxb``, ``snip:trafeval`` and WCXB's pages of the
six other types (``wcxb/dev-other``), loaded and run
through the ``metadata`` stage (what ``boilerplate`` sees). Every non-heading block is labelled: for the
body sets, 1 when at least half of its word 4-shingles are in the gold body (a block of 1-3 words: when
its words appear in the gold's word sequence), else 0; for trafeval, 1 when it holds one of the page's
'with' snippets, 0 when it holds a 'without' one (other blocks are not labelled). A logistic regression
(scikit-learn, lbfgs, L2, training time only) on standardised ``block_weights.FEATURES``, each block
weighted by its length (capped), gives ``p``; ``gain_for`` and ``gain_against`` rescale the positive and
the negative ``n (2p - 1)`` so that they add up, over the same blocks, to the hand-set weights' positive
and negative mass: the balance and scale the aggregation's thresholds were set in. Rounded numbers go
to ``src/newsclean/data/html_block_weights.json``; ``--check`` compares byte for byte.
"""
from __future__ import annotations

import argparse
import ast
import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1] / "src")]
from weights_io import write_or_check  # noqa: E402

from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, Doc, all_sets, is_check  # noqa: E402
from newsclean import Pipeline  # noqa: E402
from newsclean.stages.boilerplate import block_weights  # noqa: E402
from newsclean.stages.boilerplate.signals import teaser_blocks  # noqa: E402
from newsclean.strings import ends_like_prose  # noqa: E402

OUT = HERE.parents[1] / "src" / "newsclean" / "data" / block_weights.WEIGHTS_FILE
SETS = ("html:sh", "html:wcxb", "snip:trafeval")
OTHER_TYPES = True  # also WCXB's non-article pages: the same stage picks their main content
C = 1.0             # inverse L2 strength (sklearn's default): ~100,000 blocks, 16 features
SEED = 0            # lbfgs is deterministic; fixed anyway
DIGITS = 6          # significant digits kept in the weights file
MAX_WEIGHT = 1000   # characters: a block's sample weight is its length up to this (one huge block is one block)
IN_GOLD = 0.5       # share of a block's 4-shingles found in the gold body that makes it body text
_WORD = re.compile(r"\w+")

# The hand-set block weight the fitted one replaced (session 4's boilerplate/html.py), kept here only to
# measure the mass the aggregation's thresholds were set in (``gain_for`` / ``gain_against``).
_HAND = {"caption": 0.2, "linky_ld": 0.5, "linky": 0.6, "linky_offset": 10.0, "teaser_ld": 0.1, "teaser_lead": 25,
         "teaser": 0.3, "short": 25.0, "few": 5, "label": -8.0, "short_factor": 0.3, "prose": 1.3, "list": 0.7,
         "table": 0.5, "cjk": 2.5}


def hand_weight(b: Any, card: bool) -> float:
    h = _HAND
    text = b.text
    n = len(text)
    ld = b.features.get("link_density", 0.0)
    if b.kind == "heading":
        return 0.0
    if card:
        return -h["teaser"] * n
    if b.kind == "caption":
        return -h["caption"] * n
    if ld > h["linky_ld"]:
        return -h["linky"] * n - h["linky_offset"]
    if ld >= h["teaser_ld"] and b.features.get("lead_link", 0) >= h["teaser_lead"]:
        return -h["teaser"] * n
    words = text.count(" ") + 1
    cjk = n > block_weights.CJK_MIN_CHARS and words < n / block_weights.CJK_CHARS_PER_WORD
    good = n * (1.0 - ld) * (h["cjk"] if cjk else 1.0)
    if good < h["short"] and not cjk:
        return h["label"] if words < h["few"] else good * h["short_factor"]
    if ends_like_prose(text):
        good *= h["prose"]
    if b.kind == "list_item":
        good *= h["list"]
    elif b.kind == "table":
        good *= h["table"]
    return good


def _shingles(toks: list[str]) -> list[tuple[str, ...]]:
    return [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]


def _snippets(v: Any) -> list[str]:
    if isinstance(v, list):
        return [str(x) for x in v]
    try:
        out = ast.literal_eval(v or "[]")
    except (ValueError, SyntaxError):
        return []
    return [str(x) for x in out] if isinstance(out, list) else []


def shingle_labeller(gold: Any, in_gold: float = IN_GOLD) -> Any:
    """text -> 1 when at least ``in_gold`` of its 4-shingles are in the gold body (a text of under four
    words: when it is there whole), else 0; None for a text without words. (Also the HTML region trainer's.)"""
    toks = _WORD.findall(str(gold or ""))
    have = set(_shingles(toks))
    joined = " " + " ".join(toks) + " "

    def body_label(text: str) -> int | None:
        t = _WORD.findall(text)
        if not t:
            return None
        if len(t) < 4:
            return 1 if f" {' '.join(t)} " in joined else 0
        sh = _shingles(t)
        return 1 if sum(s in have for s in sh) >= in_gold * len(sh) else 0
    return body_label


def labeller(scorer: str, gold: Any) -> Any:
    if scorer == "shingle":
        return shingle_labeller(gold)
    with_, without = _snippets(gold.get("with")), _snippets(gold.get("without"))

    def snippet_label(text: str) -> int | None:
        if any(s in text for s in with_):
            return 1
        if any(s in text for s in without):
            return 0
        return None
    return snippet_label


def _other_docs(bench: Path) -> Any:
    """WCXB's pages of the six other types (listing, forum, product, ...) with their gold body."""
    truth = bench / "wcxb" / "dev-other" / "ground-truth.json"
    gold = json.loads(truth.read_text(encoding="utf-8"))
    for i in sorted(gold):
        path = bench / "wcxb" / "dev-other" / f"{i}.html.gz"
        yield Doc(i, (lambda p=path: gzip.decompress(p.read_bytes())), gold[i].get("url"), None,
                  gold[i].get("articleBody") or "")


def collect(bench: Path) -> list[list[float]]:
    """Rows [label, sample weight, hand weight, *features] of the labelled blocks of every tune page."""
    sets = all_sets(bench, DEFAULT_CACHE)
    pipe = Pipeline(["metadata"])
    rows: list[list[float]] = []
    sources = [(sets[name].scorer, sets[name].docs()) for name in SETS]
    if OTHER_TYPES:
        sources.append(("shingle", _other_docs(bench)))
    for scorer, docs in sources:
        for d in docs:
            if is_check(d.id):
                continue
            page = pipe.process(d.load(), url=d.url, kind=d.kind)
            label = labeller(scorer, d.gold)
            cards = teaser_blocks(page.blocks, page.url)
            for i, b in enumerate(page.blocks):
                if b.kind == "heading" or b.element is None:
                    continue
                y = label(b.text)
                if y is None:
                    continue
                rows.append([float(y), float(min(len(b.text), MAX_WEIGHT)), hand_weight(b, i in cards)]
                            + block_weights.features(b, i in cards))
    return rows


def train(rows: list[list[float]], c: float = C) -> dict[str, Any]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    a = np.array(rows, dtype=float)
    y, w, hand, x = a[:, 0], a[:, 1], a[:, 2], a[:, 3:]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    model.fit(z, y, sample_weight=w)
    p = model.predict_proba(z)[:, 1]
    n = np.exp(x[:, block_weights.FEATURES.index("log_chars")]) - 1
    cjk = x[:, block_weights.FEATURES.index("cjk")]
    n = n * np.where(cjk > 0, block_weights.CJK_CHARS, 1.0)
    raw = n * (2 * p - 1)
    gain_for = float(hand[hand > 0].sum() / raw[raw > 0].sum())
    gain_against = float(-hand[hand < 0].sum() / -raw[raw < 0].sum())

    def r(v: Any) -> list[float]:
        return [float(f"{float(q):.{DIGITS}g}") for q in v]

    return {"_note": "HTML block weights of the container choice: logistic regression on standardised features; "
                     "written by benchmarks/train/train_html_block_weights.py (do not edit by hand)",
            "features": list(block_weights.FEATURES), "mean": r(mean), "scale": r(scale),
            "weights": r(model.coef_[0]), "bias": r(model.intercept_)[0],
            "gain_for": r([gain_for])[0], "gain_against": r([gain_against])[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file would change")
    ap.add_argument("--cache", type=Path, help="read the labelled rows from / write them to this JSON")
    a = ap.parse_args(argv)
    if a.cache and a.cache.exists():
        rows = json.loads(a.cache.read_text(encoding="utf-8"))
    else:
        rows = collect(a.bench)
        if a.cache:
            a.cache.write_text(json.dumps(rows), encoding="utf-8")
    model = train(rows)
    gains = f"{model['gain_for']} / {model['gain_against']}"
    print(f"{len(rows)} blocks, {sum(r[0] for r in rows):.0f} body; gains {gains}")
    return write_or_check(a.out, json.dumps(model, indent=1) + "\n", a.check)


if __name__ == "__main__":
    raise SystemExit(main())
