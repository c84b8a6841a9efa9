#!/usr/bin/env python3
"""Score newsclean (and, optionally, peer libraries) on the shared benchmark data; print one table.

    python benchmarks/score.py [--bench ../shared/bench] [--sets articles,w3m,lynx,inscriptis,innertext,copyall,wcxb]
                               [--peers trafilatura_nocomments,readability,newspaper4k
                                --peers-python ../peers-venv/bin/python] [--per-page N]

Each library runs over each set in a fresh process (benchmarks/peers.py): pages are read one at a
time and only the extraction call is timed (CPU time). Predictions go to --out/<lib>.<set>.json and
are scored with the bench's own evaluate.py. Columns: F1 / P / R / exact-match accuracy; CPU ms per
page (median and mean); pages per CPU-second; throughput relative to trafilatura in the same run
(when it ran); peak RSS of the process. Text-capture sets also show the gap to newsclean's HTML F1.
With --interleave all the libraries run at once but extract in turn, page by page, so that a shared
machine's drifting speed weighs on each of them alike.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from peers import pages as peers_pages  # noqa: E402  (the page list both sides walk)

RENDERERS = ("w3m", "lynx", "inscriptis", "innertext", "copyall")  # the last two simulated (peers.py)


def load_evaluate(bench: Path):
    spec = importlib.util.spec_from_file_location("nc_bench_evaluate", bench / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def truth_path(bench: Path, name: str) -> Path:
    return bench / ("wcxb/dev/ground-truth.json" if name == "wcxb" else "articles/dev/ground-truth.json")


def run_lib(python: str, lib: str, name: str, bench: Path) -> dict:
    proc = subprocess.run([python, str(HERE / "peers.py"), "--lib", lib, "--set", name, "--bench", str(bench)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{lib} on {name} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def run_interleaved(libs: list[tuple[str, str]], name: str, bench: Path) -> dict[str, dict]:
    """Run every library's worker at once but let only one extract at a time, page by page in turn
    (the first to go changes with each page): the machine's speed drifts over minutes on a shared
    host, and in turn every library sees the same drift, so the throughput ratio is fairer than with
    one library after another."""
    workers = []
    for lib, python in libs:
        r, w = os.pipe()
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        proc = subprocess.Popen([python, str(HERE / "peers.py"), "--lib", lib, "--set", name, "--bench", str(bench),
                                 "--ack-fd", str(w)], stdin=subprocess.PIPE, stdout=out, stderr=err, pass_fds=(w,))
        os.close(w)
        workers.append((lib, proc, r, out, err))
    n = sum(1 for _ in peers_pages(bench, name))
    for i in range(n):
        for k in range(len(workers)):
            lib, proc, r, _, err = workers[(i + k) % len(workers)]
            try:
                proc.stdin.write(b"go\n")
                proc.stdin.flush()
                ok = os.read(r, 1) == b"."
            except BrokenPipeError:
                ok = False
            if not ok:
                proc.wait()
                err.seek(0)
                raise SystemExit(f"{lib} on {name} stopped at page {i}:\n"
                                 f"{err.read().decode('utf-8', 'replace')[-2000:]}")
    results = {}
    for lib, proc, r, out, err in workers:
        proc.stdin.close()
        proc.wait()
        os.close(r)
        out.seek(0)
        text = out.read().decode("utf-8")
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{lib} on {name} failed:\n{err.read().decode('utf-8', 'replace')[-2000:]}")
        results[lib] = json.loads(text[text.rfind('{"lib":'):])
    return results


def _fmt(v: float | None) -> str:
    return "  -  " if v is None else f"{v:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=str(HERE.parent.parent / "shared" / "bench"))
    ap.add_argument("--sets", default="articles,w3m,lynx,inscriptis")
    ap.add_argument("--peers", default="", help="comma-separated peer libraries (see peers.py)")
    ap.add_argument("--peers-python", default=str(HERE.parent.parent / "peers-venv" / "bin" / "python"))
    ap.add_argument("--per-page", type=int, default=0, metavar="N", help="list newsclean's N worst pages per set")
    ap.add_argument("--out", default=str(HERE / "out"))
    ap.add_argument("--json", help="also write the table as JSON here")
    ap.add_argument("--cores", default="",
                    help="'pure,compiled': run newsclean twice, as newsclean-pure (this checkout's src, "
                         "NEWSCLEAN_PURE=1) and newsclean-compiled (the install in --compiled-python, which must "
                         "run the compiled core and hold this checkout's Python files)")
    ap.add_argument("--compiled-python", default=str(HERE.parent.parent / "core-venv" / "bin" / "python"))
    ap.add_argument("--interleave", action="store_true",
                    help="time the libraries page by page in turn (fairer ratios on a noisy machine)")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    evaluate = load_evaluate(bench)
    cores = [c.strip() for c in args.cores.split(",") if c.strip()]
    if not cores:
        ours = [("newsclean", sys.executable)]
    elif set(cores) <= {"pure", "compiled"}:
        ours = [(f"newsclean-{c}", sys.executable if c == "pure" else args.compiled_python) for c in cores]
    else:
        raise SystemExit(f"--cores takes pure and/or compiled, not {args.cores!r}")
    libs = ours + [(p.strip(), args.peers_python) for p in args.peers.split(",") if p.strip()]
    rows = []
    for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        truth = evaluate.load_json(str(truth_path(bench, name)))
        together = run_interleaved(libs, name, bench) if args.interleave else {}
        for lib, python in libs:
            res = together[lib] if args.interleave else run_lib(python, lib, name, bench)
            (out / f"{lib}.{name}.json").write_text(json.dumps(res["preds"], ensure_ascii=False), encoding="utf-8")
            scored = evaluate.score_all(truth, res["preds"])
            m = evaluate.aggregate(scored)
            cpu = list(res["cpu_s"].values())
            rows.append({"set": name, "lib": lib, "pages": len(cpu), **m, "failures": res["failures"],
                         "cpu_ms_median": 1000 * statistics.median(cpu), "cpu_ms_mean": 1000 * statistics.fmean(cpu),
                         "pages_per_cpu_s": len(cpu) / max(sum(cpu), 1e-9), "peak_rss_mb": res["peak_rss_kb"] / 1024})
            if lib.startswith("newsclean") and args.per_page:
                print(f"newsclean's worst pages in {name}:")
                for p in sorted(scored, key=lambda p: p.f1)[: args.per_page]:
                    print(f"  F1 {p.f1:.3f}  P {_fmt(p.precision)}  R {_fmt(p.recall)}  "
                          f"words {p.pred_words}/{p.true_words}  {p.doc_id}")
    html_f1 = {r["lib"]: r["f1"] for r in rows if r["set"] == "articles"}
    print(f"\n{'set':<11} {'library':<23} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'fail':>4} "
          f"{'CPU ms/page med':>15} {'mean':>6} {'pages/CPU-s':>11} {'vs trafilatura':>14} {'peak RSS MB':>11} "
          f"{'gap to HTML':>11}")
    for r in rows:
        traf = next((x for x in rows if x["set"] == r["set"] and x["lib"].startswith("trafilatura")), None)
        ratio = f"{r['pages_per_cpu_s'] / traf['pages_per_cpu_s']:.2f}x" if traf else "-"
        gap = f"{r['f1'] - html_f1[r['lib']]:+.3f}" if r["set"] in RENDERERS and r["lib"] in html_f1 else ""
        print(f"{r['set']:<11} {r['lib']:<23} {r['pages']:>5} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['accuracy']:6.3f} {r['failures']:>4} {r['cpu_ms_median']:15.2f} {r['cpu_ms_mean']:6.2f} "
              f"{r['pages_per_cpu_s']:11.1f} {ratio:>14} {r['peak_rss_mb']:11.1f} {gap:>11}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
