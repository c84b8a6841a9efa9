#!/usr/bin/env python3
"""Time and memory of every hostile-input case (tests/hostile_cases.py), each in a fresh process.

    python benchmarks/hostile.py [--only NAME,NAME]

For each case: input size, outcome (article / error type), CPU seconds, seconds per MB, the extra
peak RSS the extraction needed over the process's RSS with the page already in memory, and that
extra as a multiple of the input size. The promise checked: time <= 2 s per MB (inputs under 0.5 MB
are held to 1 s) and extra RSS <= 30 x input + 64 MB.
"""
from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

CHILD = r"""
import json, pickle, resource, sys, time
sys.path.insert(0, sys.argv[2])
page = pickle.load(open(sys.argv[1], "rb"))
import newsclean
newsclean.extract("<p>warm up</p>")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.process_time()
try:
    newsclean.extract(page)
    outcome = "article"
except newsclean.NewscleanError as exc:
    outcome = type(exc).__name__
cpu = time.process_time() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "cpu": cpu, "extra_kb": max(0, peak - base)}))
"""


def main(argv=None) -> int:
    from tests.hostile_cases import CASES

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="")
    args = ap.parse_args(argv)
    names = [n for n in sorted(CASES) if not args.only or n in args.only.split(",")]
    print(f"{'case':<28} {'MB':>7} {'outcome':<12} {'CPU s':>7} {'s/MB':>6} {'extra RSS MB':>12} {'x input':>8}  ok")
    broken = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            page = CASES[name]()
            size = len(page.encode("utf-8", "surrogatepass") if isinstance(page, str) else page)
            f = Path(tmp) / "page.pickle"
            f.write_bytes(pickle.dumps(page))
            proc = subprocess.run([sys.executable, "-c", CHILD, str(f), str(ROOT / "src")],
                                  capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                print(f"{name:<28} CRASHED: {proc.stderr.strip().splitlines()[-1:]}")
                broken += 1
                continue
            r = json.loads(proc.stdout)
            mb = size / 1e6
            per_mb = r["cpu"] / max(mb, 1e-9)
            extra_mb = r["extra_kb"] / 1024
            ok = r["cpu"] <= max(1.0, 2 * mb) and extra_mb <= 30 * mb + 64
            broken += not ok
            print(f"{name:<28} {mb:7.2f} {r['outcome']:<12} {r['cpu']:7.3f} {per_mb:6.2f} {extra_mb:12.1f} "
                  f"{extra_mb / max(mb, 1e-9):8.1f}  {'yes' if ok else 'NO'}")
    print(f"\n{len(names)} cases, {broken} over a bound or crashed")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
