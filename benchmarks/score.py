#!/usr/bin/env python3
"""Score newsclean's body text on the shared benchmark data and print one table.

    python benchmarks/score.py [--bench ../shared/bench] [--sets articles,w3m,lynx,inscriptis,wcxb]
                               [--per-page N] [--out benchmarks/out]

Runs ``newsclean.extract`` on every page of each set (HTML read as bytes, captures as text),
writes predictions JSON per set to --out, scores them with the bench's own evaluate.py
(F1 / precision / recall) and prints CPU ms per page (process time around extract only).
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import newsclean  # noqa: E402

RENDERERS = ("w3m", "lynx", "inscriptis")


def load_evaluate(bench: Path):
    spec = importlib.util.spec_from_file_location("nc_bench_evaluate", bench / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def pages_of(bench: Path, name: str):
    """(ground-truth path, [(id, loader, url)]) for a set name."""
    if name == "articles":
        gt = bench / "articles/dev/ground-truth.json"
        truth = json.loads(gt.read_text(encoding="utf-8"))
        return gt, [(i, (lambda p=bench / f"articles/dev/{i}.html": p.read_bytes()), truth[i].get("url"), None)
                    for i in sorted(truth)]
    if name in RENDERERS:
        gt = bench / "articles/dev/ground-truth.json"
        truth = json.loads(gt.read_text(encoding="utf-8"))
        return gt, [(i, (lambda p=bench / f"captures/dev/{name}/{i}.txt": p.read_text(encoding="utf-8")), None, "text")
                    for i in sorted(truth)]
    if name == "wcxb":
        gt = bench / "wcxb/dev/ground-truth.json"
        truth = json.loads(gt.read_text(encoding="utf-8"))
        return gt, [(i, (lambda p=bench / f"wcxb/dev/{i}.html.gz": gzip.decompress(p.read_bytes())), truth[i].get("url"), None)
                    for i in sorted(truth)]
    raise SystemExit(f"unknown set {name!r}")


def run_set(bench: Path, name: str, out: Path, evaluate, per_page: int):
    gt, pages = pages_of(bench, name)
    preds, times, errors = {}, [], 0
    for doc_id, load, url, kind in pages:
        data = load()
        t0 = time.process_time()
        try:
            art = newsclean.extract(data, url=url, kind=kind)
            text = art.text
        except newsclean.NewscleanError as exc:
            errors += 1
            text = ""
            print(f"  {name} {doc_id}: {exc}", file=sys.stderr)
        times.append(time.process_time() - t0)
        preds[doc_id] = {"articleBody": text}
    out.mkdir(parents=True, exist_ok=True)
    pred_path = out / f"{name}.json"
    pred_path.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    truth = evaluate.load_json(str(gt))
    scored = evaluate.score_all(truth, preds)
    m = evaluate.aggregate(scored)
    row = {"set": name, "pages": len(pages), "f1": m["f1"], "precision": m["precision"],
           "recall": m["recall"], "accuracy": m["accuracy"], "errors": errors,
           "cpu_ms_median": 1000 * statistics.median(times), "cpu_ms_mean": 1000 * statistics.fmean(times)}
    worst = []
    if per_page:
        worst = sorted(scored, key=lambda p: p.f1)[:per_page]
    return row, worst


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=str(HERE.parent.parent / "shared" / "bench"))
    ap.add_argument("--sets", default="articles,w3m,lynx,inscriptis")
    ap.add_argument("--per-page", type=int, default=0, metavar="N", help="list the N worst pages per set")
    ap.add_argument("--out", default=str(HERE / "out"))
    ap.add_argument("--json", help="also write the table as JSON here")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    evaluate = load_evaluate(bench)
    rows = []
    for name in args.sets.split(","):
        row, worst = run_set(bench, name.strip(), Path(args.out), evaluate, args.per_page)
        rows.append(row)
        if worst:
            print(f"worst pages in {name}:")
            for p in worst:
                fmt = lambda v: "  -  " if v is None else f"{v:.3f}"
                print(f"  F1 {p.f1:.3f}  P {fmt(p.precision)}  R {fmt(p.recall)}  {p.doc_id}")
    html_f1 = next((r["f1"] for r in rows if r["set"] == "articles"), None)
    print(f"\nnewsclean {newsclean.__version__}")
    print(f"{'set':<12} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'err':>4} {'CPU ms/page (median/mean)':>26}"
          + ("  gap to HTML" if html_f1 is not None else ""))
    for r in rows:
        gap = f"  {r['f1'] - html_f1:+.3f}" if html_f1 is not None and r["set"] in RENDERERS else ""
        print(f"{r['set']:<12} {r['pages']:>5} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['accuracy']:6.3f} {r['errors']:>4} {r['cpu_ms_median']:12.2f} / {r['cpu_ms_mean']:.2f}{gap}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
