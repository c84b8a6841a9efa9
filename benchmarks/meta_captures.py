#!/usr/bin/env python3
"""Metadata from text captures, scored against human gold: title, date, authors per renderer.

Every page of ``metadata/dev`` has plain-text captures (``dev/captures/{w3m,lynx,inscriptis}/<id>.txt``);
newsclean reads each with ``kind="text"`` and, by default, WITHOUT the page URL (a capture alone;
``--url`` gives the URL hint instead). A simulated browser innerText ("innertext", made from the
inscriptis capture by ``benchmarks/peers.py simulate()``) is scored too. The predictions are scored
with the set's ``score_meta.py``, tune and check separately (SPLITS.md: check = sha1(id) starts with
c-f). w3m and lynx are the tuning renderers; inscriptis and innertext are held out.

  python benchmarks/meta_captures.py                       # the table, every renderer
  python benchmarks/meta_captures.py --renderer w3m        # one renderer
  python benchmarks/meta_captures.py --renderer w3m --errors authors   # TUNE pages' errors only
  python benchmarks/meta_captures.py --json out.json       # the numbers, for a later diff
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench_sets import is_check, load_module, pinned_options, simulate
from newsclean import Pipeline

HERE = Path(__file__).resolve().parent
DEFAULT_BENCH = HERE.parents[1] / "shared" / "bench" / "metadata"
RENDERERS = ("w3m", "lynx", "inscriptis", "innertext")
TUNED = ("w3m", "lynx")   # the renderers whose tune pages may be read






def capture_text(bench: Path, renderer: str, pid: str) -> str | None:
    src = "inscriptis" if renderer == "innertext" else renderer
    path = bench / "dev" / "captures" / src / f"{pid}.txt"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    if renderer == "innertext":
        text = simulate(text, "innertext")
    return text


def read_capture(pipe: Pipeline, text: str, url: str | None) -> dict:
    """Title, authors and date newsclean reads from one capture (a crash reads nothing, reported)."""
    try:
        doc = pipe.run(pipe.load(text, url=url, kind="text"))
    except Exception as exc:   # a crash is a wrong answer, not the end of the run
        print(f"FAIL {type(exc).__name__}: {exc}", file=sys.stderr)
        return {"title": None, "authors": [], "date": None}
    pub = doc.get("published")
    return {"title": doc.get("title"), "authors": list(doc.get("authors") or []),
            "date": pub.date().isoformat() if pub is not None else None}


def row(scorer, gold: dict, preds: dict) -> dict[str, float]:
    res = scorer.score(gold, preds, None, False)[0]
    return {"title": res["title"]["acc"], "date": res["date"]["acc"],
            "exact": res["authors"]["exact_set"], "nameF1": res["authors"]["name_F1"]}


def _cell(d: dict) -> str:
    """One row's scores: title / date / exact names / name F1."""
    return " / ".join(f"{d[k]:.3f}" for k in ("title", "date", "exact", "nameF1"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--renderer", choices=RENDERERS, action="append")
    ap.add_argument("--url", action="store_true", help="give each capture its page URL as a hint")
    ap.add_argument("--errors", choices=["title", "date", "authors"],
                    help="list this field's errors on TUNE pages of w3m/lynx (never check, never held out)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", type=Path, help="write the table's numbers here")
    ap.add_argument("--save", type=Path, help="write the TUNE predictions of w3m/lynx to DIR/<renderer>.json")
    a = ap.parse_args(argv)
    scorer = load_module("score_meta", a.bench / "score_meta.py")
    gold = json.loads((a.bench / "dev" / "gold.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[:a.limit] if a.limit else sorted(gold)
    splits = {"tune": {i: gold[i] for i in ids if not is_check(i)},
              "check": {i: gold[i] for i in ids if is_check(i)}}
    pipe = Pipeline(options=pinned_options())
    out: dict[str, dict] = {}
    print(f"captures read {'with' if a.url else 'without'} the URL hint; columns title / date / authors exact / "
          f"name-F1")
    print(f"{'renderer':<11} {'tune':>30}   {'check':>30}")
    for r in a.renderer or RENDERERS:
        preds = {}
        for pid in ids:
            text = capture_text(a.bench, r, pid)
            if text is not None:
                preds[pid] = read_capture(pipe, text, gold[pid].get("url") if a.url else None)
        out[r] = {name: row(scorer, sub, preds) for name, sub in splits.items()}
        print(f"{r:<11} {_cell(out[r]['tune']):>30}   {_cell(out[r]['check']):>30}", flush=True)
        if a.save and r in TUNED:
            a.save.mkdir(parents=True, exist_ok=True)
            tune_preds = {i: p for i, p in preds.items() if i in splits["tune"]}
            (a.save / f"{r}.json").write_text(json.dumps(tune_preds, ensure_ascii=False, indent=0), encoding="utf-8")
        if a.errors and r in TUNED:
            for e in scorer.score(splits["tune"], preds, a.errors, False)[1]:
                print("  ERR", r, json.dumps(e, ensure_ascii=False))
    if a.json:
        a.json.write_text(json.dumps({"url": a.url, "scores": out}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
