#!/usr/bin/env python3
"""Batch throughput and memory: `newsclean batch` as a whole process over JSON Lines inputs made by
cycling the benchmark's HTML pages.

    python benchmarks/batch.py [--bench ../shared/bench] [--throughput-pages 2000] [--rss-pages 1000,20000]
    python benchmarks/batch.py --time-limits

Prints pages/s (wall) for --jobs 1 and --jobs 2 on the same input, their ratio, and the peak RSS of the
largest single process (the driver or one worker) for runs of different sizes, with their ratio.
The input files are written to a temporary directory and removed afterwards.

``--time-limits`` instead times how long a run takes when one page hangs (a Python sleep, a pure-Python
loop on a worker thread, a sleep the in-worker timer cannot interrupt): the time limit, or the limit plus
the watchdog's grace, should bound it — far below the 30 s such a page would otherwise take. (These
timings used to be assertions in the unit tests; wall-clock bounds do not belong there.)
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_input(bench: Path, n: int, path: Path) -> None:
    truth = json.loads((bench / "articles/dev/ground-truth.json").read_text(encoding="utf-8"))
    pages = [(truth[i]["url"], (bench / f"articles/dev/{i}.html").read_text(encoding="utf-8")) for i in sorted(truth)]
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            url, html = pages[k % len(pages)]
            fh.write(json.dumps({"url": f"{url}?copy={k}", "html": html}, ensure_ascii=False) + "\n")


def run(inp: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB of the largest process, records) for one batch run in a child process."""
    if out.exists():
        out.unlink()
    code = ("import resource, subprocess, sys, time; t = time.monotonic(); "
            "subprocess.run(sys.argv[1:], check=True); "
            "print(time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    cmd = [sys.executable, "-c", code, sys.executable, "-m", "newsclean.cli", "batch", str(inp), "-o", str(out),
           "--jobs", str(jobs), "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"))
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    wall, rss_kb = proc.stdout.split()
    records = sum(1 for _ in out.open(encoding="utf-8"))
    return float(wall), int(rss_kb) / 1024, records


def time_limits() -> None:
    """Seconds a small run takes with one page that hangs, per kind of hang and executor."""
    import concurrent.futures as cf
    import time

    sys.path.insert(0, str(HERE.parent))  # tests.batch_stages: the misbehaving test stage
    sys.path.insert(0, str(HERE.parent / "src"))
    from tests.batch_stages import ProbeStage

    from newsclean import Pipeline
    from newsclean.batch import ListSink, Runner
    from newsclean.batch.sources import Item

    def page(i: int, marker: str) -> str:
        return (f"<html><body><article><h1>Story {i}</h1><p>The council met on Tuesday. {marker}</p>"
                "</article></body></html>")

    cases = [("HANG (sleep), process pool", "HANG", None, 0.5, 10.0),
             ("STUCK (timer blocked), process pool, watchdog", "STUCK", None, 0.3, 0.3),
             ("SPIN (Python loop), thread pool", "SPIN", 2, 0.5, 10.0)]
    for label, marker, threads, limit, grace in cases:
        items = [Item(id=f"p{i}", data=page(i, marker if i == 1 else "")) for i in range(6)]
        start = time.monotonic()
        if threads:
            with cf.ThreadPoolExecutor(threads) as pool:
                Runner(Pipeline().add(ProbeStage()), executor=pool, timeout=limit).run(items, ListSink())
        else:
            Runner(Pipeline().add(ProbeStage()), jobs=2, timeout=limit, grace=grace).run(items, ListSink())
        print(f"  {label}: {time.monotonic() - start:5.2f} s (limit {limit:g} s"
              + (f", grace {grace:g} s" if marker == "STUCK" else "") + ")")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--time-limits", action="store_true", help="only time runs with one hanging page")
    ap.add_argument("--bench", default=str(HERE.parent.parent / "shared" / "bench"))
    ap.add_argument("--throughput-pages", type=int, default=2000)
    ap.add_argument("--rss-pages", default="1000,20000")
    ap.add_argument("--repeat", type=int, default=3, help="throughput runs per job count (median quoted)")
    args = ap.parse_args(argv)
    if args.time_limits:
        print("a run of 6 pages, one of which hangs for 30 s:")
        time_limits()
        return 0
    bench = Path(args.bench)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inp = tmp / "tp.jsonl"
        write_input(bench, args.throughput_pages, inp)
        rates = {1: [], 2: []}
        for _ in range(args.repeat):
            for jobs in (1, 2):  # alternate, so drift hits both alike
                wall, _, n = run(inp, tmp / "out.jsonl", jobs)
                rates[jobs].append(n / wall)
        med = {j: sorted(r)[len(r) // 2] for j, r in rates.items()}
        print(f"throughput on {args.throughput_pages} pages (median of {args.repeat} alternating runs):")
        for j in (1, 2):
            print(f"  --jobs {j}: {med[j]:7.1f} pages/s   (runs: {', '.join(f'{r:.1f}' for r in rates[j])})")
        pairs = sorted(b / a for a, b in zip(rates[1], rates[2]))
        print(f"  ratio jobs 2 / jobs 1: {med[2] / med[1]:.2f}x of the medians; per alternating pair "
              f"{', '.join(f'{r:.2f}' for r in pairs)} (median {pairs[len(pairs) // 2]:.2f}x)")
        inp.unlink()
        sizes = [int(x) for x in args.rss_pages.split(",")]
        peaks = {}
        for n in sizes:
            path = tmp / f"rss{n}.jsonl"
            write_input(bench, n, path)
            wall, rss, recs = run(path, tmp / "out.jsonl", 2)
            peaks[n] = rss
            print(f"peak RSS, {n} pages, --jobs 2: {rss:.1f} MB (largest single process; {recs} records, {wall:.0f} s)")
            path.unlink()
        if len(sizes) >= 2:
            print(f"  ratio {sizes[-1]} / {sizes[0]} pages: {peaks[sizes[-1]] / peaks[sizes[0]]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
