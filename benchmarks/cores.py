#!/usr/bin/env python3
"""Compare newsclean's two cores over every bench HTML page: identical output, and CPU time.

    python benchmarks/cores.py [--bench ../shared/bench] [--repeat 1] [--sets articles,wcxb]

Each page (articles/dev/*.html and wcxb/dev/*.html.gz) is extracted with the pure-Python core and
with the compiled core, in turn (the first to go alternates page by page, so a shared machine's
drifting speed weighs on both alike). The output of the two must be identical: a digest of the
Article's text, title, authors and dates per page. Prints, per set, the median CPU time per page
(time.process_time, extraction only: decode, parse, walk, stages) of each core and their ratio;
exits 1 when any page differs or when the compiled core is not built.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import statistics
import sys
import time
from pathlib import Path

import newsclean
from newsclean import _core


def pages(bench: Path, name: str) -> list[tuple[str, bytes]]:
    if name == "articles":
        return [(p.name, p.read_bytes()) for p in sorted((bench / "articles/dev").glob("*.html"))]
    if name == "wcxb":
        return [(p.name, gzip.decompress(p.read_bytes())) for p in sorted((bench / "wcxb/dev").glob("*.html.gz"))]
    raise SystemExit(f"unknown set {name!r} (articles, wcxb)")


def digest(article: newsclean.Article) -> str:
    parts = [article.text, article.title or "", "\x1f".join(article.authors),
             str(article.published), str(article.modified)]
    return hashlib.sha1("\x1e".join(parts).encode("utf-8")).hexdigest()


def run(pipeline: newsclean.Pipeline, data: bytes, pure: bool) -> tuple[str, float]:
    _core.force_pure(pure)
    t0 = time.process_time()
    try:
        article = pipeline.extract(data, kind="html")
        out = digest(article)
    except newsclean.NewscleanError as exc:
        out = f"error: {type(exc).__name__}: {exc}"
    return out, time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "bench")
    ap.add_argument("--sets", default="articles,wcxb")
    ap.add_argument("--repeat", type=int, default=1, help="extractions per page and core (median kept)")
    args = ap.parse_args()
    _core.force_pure(False)
    if _core.compiled_walker() is None:
        print(f"the compiled core is not built: {_core.why_pure()}", file=sys.stderr)
        return 1
    pipeline = newsclean.Pipeline()
    pipeline.extract(b"<html><body><p>warm up</p></body></html>", kind="html")
    differ = 0
    for name in args.sets.split(","):
        times: dict[bool, list[float]] = {True: [], False: []}
        set_differ = 0
        for i, (page_id, data) in enumerate(pages(args.bench, name)):
            outs: dict[bool, str] = {}
            spent: dict[bool, list[float]] = {True: [], False: []}
            for r in range(args.repeat):
                for pure in ((True, False) if (i + r) % 2 == 0 else (False, True)):
                    outs[pure], t = run(pipeline, data, pure)
                    spent[pure].append(t)
            for pure in (True, False):
                times[pure].append(statistics.median(spent[pure]))
            if outs[True] != outs[False]:
                set_differ += 1
                print(f"{name}/{page_id}: the cores differ", file=sys.stderr)
        pure_ms = 1000 * statistics.median(times[True])
        comp_ms = 1000 * statistics.median(times[False])
        total_ratio = sum(times[True]) / sum(times[False])
        differ += set_differ
        n = len(times[True])
        print(f"{name}: {n} pages, identical output on {n - set_differ if set_differ else 'all'}; "
              f"CPU ms/page (median) pure {pure_ms:.2f}, compiled {comp_ms:.2f}: "
              f"{pure_ms / comp_ms:.2f}x (total CPU {total_ratio:.2f}x)")
    _core.force_pure(False)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
