#!/usr/bin/env python3
"""CPU time per MB of every bench page over 1 MB: the README promises at most 2 s per MB.

    python benchmarks/bigpages.py [BENCH]   (default ../shared/bench)  [--top N] [--min-mb 1.0]

Pages: articles/dev/*.html, wcxb/dev/*.html.gz, wcxb/dev-other/*.html.gz, trafeval/dev pages,
metadata/dev/html pages and the text captures. A gzipped page counts by its decompressed size (read
from the gzip trailer to choose the pages, then decompressed before timing: only the extraction is
timed). The pages run one after the other in this process, each timed with time.process_time()
around newsclean.extract. Prints the worst seconds per MB and the slowest pages; exits 1 when a page
is over the promise.
"""
from __future__ import annotations

import argparse
import gzip
import struct
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

#: the README's promise (see "Limits and guarantees")
PROMISE_S_PER_MB = 2.0
#: where the bench keeps its pages, relative to the bench folder
GLOBS = (
    "articles/dev/*.html", "wcxb/dev/*.html.gz", "wcxb/dev-other/*.html.gz", "trafeval/dev/pages/*",
    "metadata/dev/html/*", "captures/dev/*/*.txt", "metadata/dev/captures/*/*.txt",
)


def page_size(path: Path) -> int:
    """Bytes of the page as extracted: a gzip file's trailer holds its decompressed size (mod 4 GiB,
    exact for single-member files under 4 GiB, which bench pages are)."""
    if path.name.endswith(".gz"):
        with path.open("rb") as fh:
            fh.seek(-4, 2)
            return int(struct.unpack("<I", fh.read(4))[0])
    return path.stat().st_size


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", nargs="?", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--top", type=int, default=15, help="how many of the slowest pages to list")
    ap.add_argument("--min-mb", type=float, default=1.0, help="pages at least this big (decompressed)")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    pages = sorted({p for g in GLOBS for p in bench.glob(g) if p.is_file()})
    big = [(p, n) for p in pages if (n := page_size(p)) >= args.min_mb * 1e6]
    print(f"{len(pages)} pages under {bench}, {len(big)} of them >= {args.min_mb} MB")
    if not big:
        return 0

    import newsclean

    newsclean.extract("<p>warm up</p>")
    rows = []
    for path, size in big:
        data = read_page(path)
        t0 = time.process_time()
        try:
            newsclean.extract(data)
            outcome = "article"
        except newsclean.NewscleanError as exc:
            outcome = type(exc).__name__
        cpu = time.process_time() - t0
        rows.append((cpu / (size / 1e6), cpu, size, outcome, str(path.relative_to(bench))))
    rows.sort(reverse=True)
    over = [r for r in rows if r[0] > PROMISE_S_PER_MB]
    total_mb = sum(r[2] for r in rows) / 1e6
    total_cpu = sum(r[1] for r in rows)
    print(f"worst: {rows[0][0]:.2f} s/MB ({rows[0][4]}); all: {total_cpu:.1f} s for {total_mb:.1f} MB "
          f"({total_cpu / total_mb:.2f} s/MB); over {PROMISE_S_PER_MB:g} s/MB: {len(over)}")
    print(f"\n{'s/MB':>6} {'CPU s':>7} {'MB':>6}  {'outcome':<10} page")
    for per_mb, cpu, size, outcome, name in rows[:args.top]:
        print(f"{per_mb:6.2f} {cpu:7.2f} {size / 1e6:6.2f}  {outcome:<10} {name}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
