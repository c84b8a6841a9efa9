#!/usr/bin/env python3
"""Fit the body search's block scores of text captures (``stages/boilerplate/text.py``, ``BODY_SEARCH``) on TUNE.

    python benchmarks/train/fit_body_search.py [--bench ../shared/bench] [--cache DIR] [--jobs 2] [--limit N]
                                               [--check]

The body of a capture is the run of blocks with the largest total score (``best_run``). Three of the numbers
that set those scores weigh one kind of block against another, and are fitted here rather than set by hand:
what a bullet of running text counts (``point``, times the cost of a short line: a listicle's features, pros and
cons), the barrier an end marker puts up (``marker``: "Related articles", "Comments") and what a line of running
text that lost its full stop counts beside the body (``loose``, per word).

Data: the capture sets of the tuned renderers (w3m and lynx) over ScrapingHub and WCXB articles, tune pages only
(SPLITS.md); the held-out renderers are never read. Every page runs through the whole default pipeline (the
learned stages after the body search as shipped) with each candidate setting; the score is the benchmark's own
page score (4-token shingle F1 of the article's text, means over pages), averaged over the two corpora so that
WCXB's 543 tune pages do not outweigh ScrapingHub's 65. The search is by coordinates, in the order of ``GRID``,
each coordinate once from the setting of the time (no randomness: the same data gives the same choice); within
``TIE`` of the best, the value nearest the setting of the time wins. A choice is pinned in ``text.py`` only when the
scoreboard's check column follows it (session 24's, point 1.5, did not: the README); ``--check`` re-scores the
pinned setting and each one-step neighbour on the grid and fails when a neighbour beats it by more than ``TIE``.
The learned stages after the body search were fitted on its output: refit them after a change here
(``train_capture_classifier.py`` first, then the rankers, the capture page types and the regions).
"""
from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))
from train_capture_regions import corpus_f1  # noqa: E402

from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, TUNED_RENDERERS, all_sets, is_check, load_module, pinned_options  # noqa: E402
from newsclean import Pipeline  # noqa: E402
from newsclean.stages.boilerplate import text as body_search  # noqa: E402

CORPORA = ("sh", "wcxb")
#: the values tried for each weight, searched in this order
GRID: dict[str, tuple[float, ...]] = {
    "point": (-1.0, -0.5, 0.0, 0.35, 0.7, 1.0, 1.5, 2.0, 3.0),
    "marker": (-20.0, -40.0, -80.0),
    "loose": (0.25, 0.5, 1.0),
}
TIE = 0.0005   # corpus-averaged F1 differences below this are noise (a page more or less right; as the regions trainer)

_PAGES: list[tuple[str, str, str, str]] = []   # (corpus, id, gold, capture): filled before the workers fork


def load_pages(bench: Path, cache: Path, limit: int | None) -> list[tuple[str, str, str, str]]:
    sets = all_sets(bench, cache)
    out = []
    for corpus in CORPORA:
        for renderer in TUNED_RENDERERS:
            docs = [d for d in sets[f"cap:{corpus}:{renderer}"].docs() if not is_check(d.id)]
            for d in docs[:limit]:
                raw = d.load()
                out.append((corpus, d.id, str(d.gold), raw if isinstance(raw, str) else raw.decode("utf-8", "replace")))
    return out


def _extract(args: tuple[dict[str, float], int, int]) -> list[str]:
    setting, lo, hi = args
    body_search.BODY_SEARCH = body_search.BodySearch(**setting)
    pipe = Pipeline(options=pinned_options())
    return [pipe.extract(capture, kind="text").text for _c, _i, _g, capture in _PAGES[lo:hi]]


def score(setting: dict[str, float], ev: object, jobs: int) -> float:
    """The corpus-averaged page F1 of the pipeline with the body search weighted by ``setting``."""
    n = len(_PAGES)
    step = max(1, -(-n // (4 * jobs)))
    chunks = [(setting, lo, min(n, lo + step)) for lo in range(0, n, step)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) as pool:
        texts = [t for part in pool.map(_extract, chunks) for t in part]
    return float(corpus_f1([{"corpus": c, "id": i, "gold": g} for c, i, g, _t in _PAGES], texts, ev))


def search(start: dict[str, float], ev: object, jobs: int) -> dict[str, float]:
    current = dict(start)
    for name, values in GRID.items():
        scores = {v: score({**current, name: v}, ev, jobs) for v in values}
        top = max(scores.values())
        best = min((v for v in values if scores[v] >= top - TIE), key=lambda v: abs(v - current[name]))
        print(f"{name}: " + ", ".join(f"{v:g}:{s:.4f}" for v, s in scores.items()) + f"; chosen {best:g}", flush=True)
        current[name] = best
    return current


def check(pinned: dict[str, float], ev: object, jobs: int) -> int:
    base = score(pinned, ev, jobs)
    print(f"pinned {pinned}: {base:.4f}")
    worse = 0
    for name, values in GRID.items():
        k = values.index(pinned[name])   # (a test keeps the pinned values on the grid)
        for j in (k - 1, k + 1):
            if not 0 <= j < len(values):
                continue
            s = score({**pinned, name: values[j]}, ev, jobs)
            flag = "  BEATS the pinned setting" if s > base + TIE else ""
            worse += bool(flag)
            print(f"  {name}={values[j]:g}: {s:.4f}{flag}")
    return 1 if worse else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="pages per set (a quick trial)")
    ap.add_argument("--check", action="store_true", help="re-score the pinned setting and its grid neighbours")
    a = ap.parse_args(argv)
    _PAGES[:] = load_pages(a.bench, a.cache, a.limit)
    ev = load_module("nc_evaluate", a.bench / "evaluate.py")
    pinned = dataclasses.asdict(body_search.BODY_SEARCH)
    print(f"{len(_PAGES)} tune captures ({', '.join(TUNED_RENDERERS)} x {', '.join(CORPORA)})", flush=True)
    if a.check:
        return check(pinned, ev, a.jobs)
    chosen = search(pinned, ev, a.jobs)
    print(f"chosen {chosen} (pinned in text.py: {pinned})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
