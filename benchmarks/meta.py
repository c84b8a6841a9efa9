#!/usr/bin/env python3
"""Metadata benchmark: newsclean on the metadata/dev gold set (title, authors, date).

Runs ``newsclean.extract`` on every page (gunzipped, with the gold URL as the URL hint), writes
the predictions {id: {title, authors, date}} as JSON, scores them with the set's score_meta.py and
prints the score table plus CPU milliseconds per page spent in the metadata stages (metadata,
title, byline, dates), measured per stage on the same runs.

  python benchmarks/meta.py                        # all dev pages
  python benchmarks/meta.py --limit 100 --by-source
  python benchmarks/meta.py --split                # also tune and check apart (SPLITS.md)
  python benchmarks/meta.py --errors authors       # list the pages where authors are wrong
  python benchmarks/meta.py --peers-json peers.json   # add rows: {label: predictions-file}
  python benchmarks/meta.py --peers                # run benchmarks/meta_peers.py in the peers' venv first

``--peers-json`` takes {label: path} or meta_peers.py's index {label: {"preds": path, "cpu_ms": x}};
with peers, a side-by-side table follows (title, date, authors exact, name-F1, CPU ms/page).
newsclean's CPU column is the mean over the metadata stages (metadata, title, byline, dates); a
peer's is the mean time of its whole call (its own HTML parse included, newsclean's page load not).
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_sets import is_check, load_module, pinned_options
from newsclean import Pipeline
from newsclean.assemble import build_article

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "metadata"
META_STAGES = ("metadata", "title", "byline", "dates")
PEERS_PYTHON = Path("/work/peers-venv/bin/python")


def run_peers(bench: Path, out_dir: Path, python: Path, limit: int) -> Path:
    """Run meta_peers.py with the peers' interpreter; returns its index file."""
    cmd = [str(python), str(Path(__file__).resolve().parent / "meta_peers.py"), "--bench", str(bench),
           "--out-dir", str(out_dir)] + (["--limit", str(limit)] if limit else [])
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    return out_dir / "peers.json"


def load_peer_index(path: Path) -> list[tuple[str, str, float | None]]:
    """(label, predictions path, CPU ms/page or None) from {label: path} or {label: {preds, cpu_ms}}."""
    out = []
    for label, v in json.loads(path.read_text(encoding="utf-8")).items():
        if isinstance(v, dict):
            out.append((label, v["preds"], v.get("cpu_ms")))
        else:
            out.append((label, v, None))
    return out


def side_by_side(rows: list[tuple[str, dict, float | None]]) -> str:
    """One markdown table: title acc, date acc (P / cov), authors exact, name F1, CPU ms/page."""
    f = lambda x: "-" if x is None else f"{x:.3f}"   # noqa: E731
    lines = ["| library | title | date | date P | date cov | authors exact | name F1 | CPU ms/page |",
             "|---|---|---|---|---|---|---|---|"]
    for label, res, cpu in rows:
        t, d, a = res["title"], res["date"], res["authors"]
        lines.append(f"| {label} | {f(t['acc'])} | {f(d['acc'])} | {f(d['precision'])} | {f(d['coverage'])} | "
                     f"{f(a['exact_set'])} | {f(a['name_F1'])} | {'-' if cpu is None else f'{cpu:.1f}'} |")
    return "\n".join(lines)






def run_page(pipe: Pipeline, raw: bytes, url: str | None) -> tuple[dict, dict[str, float]]:
    """Extract one page, timing every stage on the process clock. Returns (prediction, ms by stage)."""
    doc = pipe.load(raw, url=url)
    ms: dict[str, float] = {}
    for stage in pipe:
        if not stage.applies_to(doc):
            continue
        t0 = time.process_time()
        stage.run(doc)
        ms[stage.name] = (time.process_time() - t0) * 1000
    art = build_article(doc)
    pred = {"title": art.title, "authors": list(art.authors),
            "date": art.published.isoformat() if art.published else None}
    return pred, ms


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the metadata bench folder")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out" / "meta_pred.json")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N pages (0: all)")
    ap.add_argument("--by-source", action="store_true")
    ap.add_argument("--errors", choices=["title", "date", "authors"])
    ap.add_argument("--strict-dates", action="store_true")
    ap.add_argument("--split", action="store_true", help="also score tune and check pages apart (SPLITS.md)")
    ap.add_argument("--peers-json", type=Path,
                    help="JSON {label: path of a predictions file} scored and printed under newsclean's row")
    ap.add_argument("--peers", action="store_true", help="run meta_peers.py in the peers' venv, then compare")
    ap.add_argument("--peers-python", type=Path, default=PEERS_PYTHON)
    a = ap.parse_args(argv)
    if a.peers:
        a.peers_json = run_peers(a.bench, a.out.parent / "peers", a.peers_python, a.limit)

    scorer = load_module("score_meta", a.bench / "score_meta.py")
    gold = json.loads((a.bench / "dev" / "gold.json").read_text(encoding="utf-8"))
    ids = sorted(gold)
    if a.limit:
        ids = ids[:a.limit]
        gold = {i: gold[i] for i in ids}
    pipe = Pipeline(options=pinned_options())
    preds: dict[str, dict] = {}
    per_stage: dict[str, list[float]] = {s: [] for s in META_STAGES}
    meta_ms: list[float] = []
    failures = 0
    for pid in ids:
        raw = gzip.decompress((a.bench / "dev" / "html" / f"{pid}.html.gz").read_bytes())
        try:
            pred, ms = run_page(pipe, raw, gold[pid].get("url"))
        except Exception as exc:  # a crash is a wrong answer, reported, not the end of the run
            failures += 1
            print(f"FAIL {pid}: {type(exc).__name__}: {exc}", file=sys.stderr)
            pred, ms = {"title": None, "authors": [], "date": None}, {}
        preds[pid] = pred
        for s in META_STAGES:
            per_stage[s].append(ms.get(s, 0.0))
        meta_ms.append(sum(ms.get(s, 0.0) for s in META_STAGES))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(preds, ensure_ascii=False, indent=1), encoding="utf-8")

    res, errs = scorer.score(gold, preds, a.errors, a.strict_dates)
    print(scorer.fmt(res, "newsclean"))
    table = [("newsclean", res, statistics.fmean(meta_ms) if meta_ms else None)]
    if a.peers_json:
        for label, path, cpu in load_peer_index(a.peers_json):
            peer_res = scorer.score(gold, scorer.load_preds(path), None, a.strict_dates)[0]
            if label.startswith("htmldate"):   # a date-only library: no title / author columns
                peer_res = {**peer_res, "title": dict.fromkeys(peer_res["title"], None),
                            "authors": dict.fromkeys(peer_res["authors"], None)}
            print(scorer.fmt(peer_res, label[:22]))
            table.append((label, peer_res, cpu))
    if a.split:
        for name, want in (("tune", False), ("check", True)):
            sub = {k: v for k, v in gold.items() if is_check(k) == want}
            print(scorer.fmt(scorer.score(sub, preds, None, a.strict_dates)[0], f"  [{name}]"))
    if a.by_source:
        for src in sorted({v["source"] for v in gold.values()}):
            sub = {k: v for k, v in gold.items() if v["source"] == src}
            print(scorer.fmt(scorer.score(sub, preds, None, a.strict_dates)[0], f"  [{src}]"))
    n = len(ids)
    print(f"pages {n}, failures {failures}; metadata-stage CPU ms/page: median {statistics.median(meta_ms):.2f}, "
          f"mean {statistics.fmean(meta_ms):.2f}, p90 {sorted(meta_ms)[int(0.9 * (n - 1))]:.2f}  ("
          + ", ".join(f"{s} {statistics.median(v):.2f}" for s, v in per_stage.items()) + " median)")
    print(f"predictions: {a.out}")
    if len(table) > 1:
        print(side_by_side(table))
    for e in errs:
        print("  ERR", json.dumps(e, ensure_ascii=False))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
