#!/usr/bin/env python3
"""The peers' column of the scoreboard: trafilatura (and optionally readability) on the same sets and splits.

    ../peers-venv/bin/python benchmarks/peers_scoreboard.py [--bench ../shared/bench] [--sets html,meta,cap]
                                                            [--out benchmarks/results/peers-dev.json]

Run with the peers' own interpreter (they are never project dependencies; see peers.py for the venv).
Body sets: ``trafilatura.extract(html, url=url, include_comments=False)`` (the ScrapingHub benchmark's
setting); captures: trafilatura on the capture wrapped in ``<p>`` paragraphs (PEERS.md, section 4: no peer
reads text captures); metadata: ``trafilatura.extract_metadata``. Scored exactly as scoreboard.py scores
newsclean; the JSON holds only the aggregates per split (``scoreboard.py --peers`` shows them).
"""
from __future__ import annotations

import argparse
import html as html_lib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, all_sets, load_module, split_of  # noqa: E402
from peers import _as_html  # noqa: E402
from scoreboard import SPLITS, aggregate, page_scores, select  # noqa: E402

DEFAULT_SETS = "html:sh,html:wcxb,snip:trafeval,meta:html,cap:sh:w3m,cap:wcxb:w3m,cap:wcxb:innertext"


def wrap_capture(text: str) -> str:
    paras = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return "<html><head><meta charset='utf-8'></head><body>" + \
        "".join(f"<p>{html_lib.escape(p)}</p>" for p in paras) + "</body></html>"


def predict(set_name: str, docs) -> dict[str, dict]:
    import trafilatura

    out: dict[str, dict] = {}
    for d in docs:
        data = _as_html(d.load())
        try:
            if set_name.startswith("meta:"):
                meta = trafilatura.extract_metadata(trafilatura.load_html(data), default_url=d.url)
                out[d.id] = {"title": getattr(meta, "title", None), "authors": getattr(meta, "author", None),
                             "date": getattr(meta, "date", None)}
            else:
                page = wrap_capture(data) if d.kind == "text" else data
                out[d.id] = {"articleBody": trafilatura.extract(page, url=d.url, include_comments=False) or ""}
        except Exception:  # a peer raising counts as an empty answer (PEERS.md)
            out[d.id] = {"articleBody": ""}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--sets", default=DEFAULT_SETS)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "peers-dev.json")
    a = ap.parse_args(argv)
    sets = all_sets(a.bench, a.cache)
    ev = load_module("nc_evaluate", a.bench / "evaluate.py")
    sm = load_module("nc_score_meta", a.bench / "metadata" / "score_meta.py")
    result = json.loads(a.out.read_text(encoding="utf-8")) if a.out.exists() else {}
    for name in select(list(sets), a.sets):
        s = sets[name]
        docs = list(s.docs())
        pages = page_scores(s.scorer, {d.id: d.gold for d in docs}, predict(name, docs), ev, sm)
        result[name] = {"trafilatura": {split: aggregate(s.scorer, [v for i, v in pages.items()
                                                                   if split_of(i) == split]) for split in SPLITS}}
        print(name, {k: round(v["main"] or 0, 3) for k, v in result[name]["trafilatura"].items()}, flush=True)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
