#!/usr/bin/env python3
"""Text-capture metadata agreement: does a plain-text capture give the same title, authors and date
as the same page's HTML?

For every page of ``articles/dev`` newsclean extracts the HTML (with the page URL as a hint), then
each renderer's capture (``captures/dev/{w3m,lynx,inscriptis}/<id>.txt``, with the same URL hint
unless ``--no-url``). A field agrees when both readings are equal after normalising: titles compared with
case, quotes, dashes and spacing folded; authors as sets of normalised names; dates by day. Pages
where the HTML extraction itself has no value for a field count as agreeing only if the capture
has none either. There is no human gold here: the HTML reading is the reference.

  python benchmarks/capture_meta.py                  # the table
  python benchmarks/capture_meta.py --diff authors   # list the disagreements for one field
  python benchmarks/capture_meta.py --no-url         # captures without the page URL hint
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsclean import Pipeline
from newsclean.normalize.authors import name_key
from newsclean.normalize.titles import norm

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
RENDERERS = ("w3m", "lynx", "inscriptis")
FIELDS = ("title", "authors", "date")


def reading(pipe: Pipeline, raw: bytes | str, url: str | None, kind: str | None) -> dict:
    """Title, authors and date newsclean reads from one page (never raises: a crash reads nothing)."""
    try:
        doc = pipe.run(pipe.load(raw, url=url, kind=kind))
    except Exception as exc:  # reported as an empty reading
        print(f"FAIL {type(exc).__name__}: {exc}", file=sys.stderr)
        return {"title": None, "authors": [], "date": None}
    pub = doc.get("published")
    return {"title": doc.get("title"), "authors": list(doc.get("authors") or []),
            "date": pub.date().isoformat() if pub is not None else None}


def agree(field: str, ref: object, got: object) -> bool:
    if field == "title":
        return norm(ref or "") == norm(got or "")   # type: ignore[arg-type]
    if field == "authors":
        return {name_key(n) for n in ref or []} == {name_key(n) for n in got or []}  # type: ignore[union-attr]
    return ref == got


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--diff", choices=FIELDS, help="list the pages where this field disagrees")
    ap.add_argument("--renderer", choices=RENDERERS, action="append", help="only these renderers")
    ap.add_argument("--no-url", action="store_true", help="give the captures no URL hint (a capture alone)")
    a = ap.parse_args(argv)
    truth = json.loads((a.bench / "articles" / "dev" / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    pipe = Pipeline()
    html = {i: reading(pipe, (a.bench / "articles" / "dev" / f"{i}.html").read_bytes(), truth[i].get("url"), None)
            for i in ids}
    renderers = a.renderer or list(RENDERERS)
    print(f"{'renderer':<11} " + "  ".join(f"{f:>12}" for f in FIELDS) + "   (agreement with the HTML reading)")
    diffs: list[str] = []
    for r in renderers:
        counts = dict.fromkeys(FIELDS, 0)
        n = 0
        for i in ids:
            path = a.bench / "captures" / "dev" / r / f"{i}.txt"
            if not path.exists():
                continue
            n += 1
            got = reading(pipe, path.read_text(encoding="utf-8"), None if a.no_url else truth[i].get("url"), "text")
            for f in FIELDS:
                if agree(f, html[i][f], got[f]):
                    counts[f] += 1
                elif f == a.diff:
                    diffs.append(f"{r:<10} {i[:10]}  html={html[i][f]!r}  text={got[f]!r}")
        print(f"{r:<11} " + "  ".join(f"{counts[f]:>4}/{n:<3} {counts[f] / max(n, 1):.2f}" for f in FIELDS))
    for line in diffs:
        print("  DIFF", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
