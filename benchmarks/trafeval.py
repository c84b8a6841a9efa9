#!/usr/bin/env python3
"""Run newsclean over the dev share of trafilatura's own evaluation set and score it with its snippets.

    PYTHONPATH=src python benchmarks/trafeval.py [--bench ../shared/bench] \
        [--out benchmarks/out/newsclean.trafeval.json]
                                                  [--only tune|check] [--per-page N]

Pages are ``trafeval/dev/pages/<id>.html.gz`` (or ``<id>.gz``) keyed as in ``trafeval/dev/data.json``;
each is extracted with the page's URL. The predictions ({id: {"articleBody": text}}) are written to
--out and scored by the bench's ``score_snippets.py`` on the tune part, the check part (SPLITS.md) and
all pages. --only extracts just one part (faster; the other part then scores as empty, so only its own
line means anything). --per-page lists the worst pages, and only ever tune pages (SPLITS.md: check is
read in aggregate only).
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_sets import is_check, pinned_options  # noqa: E402


def page_bytes(pages: Path, page_id: str) -> bytes:
    for name in (f"{page_id}.html.gz", f"{page_id}.gz"):
        if (pages / name).exists():
            return gzip.decompress((pages / name).read_bytes())
    raise SystemExit(f"no page file for {page_id!r} in {pages}")


def predict(bench: Path, only: str | None) -> dict[str, dict[str, str]]:
    sys.path.insert(0, str(HERE.parent / "src"))
    import newsclean

    pipeline = newsclean.Pipeline(options=pinned_options())
    gold = json.loads((bench / "trafeval/dev/data.json").read_text(encoding="utf-8"))
    preds: dict[str, dict[str, str]] = {}
    for pid, entry in sorted(gold.items()):
        if only and (only == "check") != is_check(pid):
            continue
        try:
            text = pipeline.extract(page_bytes(bench / "trafeval/dev/pages", pid), url=entry.get("url")).text
        except newsclean.NewscleanError as exc:  # recorded, scored as empty
            print(f"{pid}: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
            text = ""
        preds[pid] = {"articleBody": text}
    return preds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=str(HERE.parent.parent / "shared" / "bench"))
    ap.add_argument("--out", default=str(HERE / "out" / "newsclean.trafeval.json"))
    ap.add_argument("--only", choices=("tune", "check"))
    ap.add_argument("--per-page", type=int, default=0, help="list the N worst tune pages")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(predict(bench, args.only), ensure_ascii=False), encoding="utf-8")
    scorer = [sys.executable, str(bench / "score_snippets.py"), str(bench / "trafeval/dev/data.json"), str(out)]
    parts = [("tune", ["--tune-only", "--per-page", str(args.per_page)]), ("check", ["--check-only"])]
    if not args.only:
        parts.append(("all", []))
    for name, extra in parts:
        if args.only and name != args.only:
            continue
        res = subprocess.run(scorer + extra, capture_output=True, text=True, check=True)
        print(f"{name:5} {res.stdout.rstrip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
