#!/usr/bin/env python3
"""Peer metadata extractors on the metadata/dev gold set: trafilatura, htmldate, newspaper4k.

Run with the peers' interpreter (these libraries are never newsclean dependencies):

  /work/peers-venv/bin/python benchmarks/meta_peers.py --out-dir benchmarks/out/peers
  /work/peers-venv/bin/python benchmarks/meta_peers.py --only htmldate --limit 50

Calls (as in ../shared/bench/PEERS.md, every call gets the gold URL):
  trafilatura  extract_metadata(load_html(html_bytes), default_url=url) -> .title, .author, .date
  htmldate     find_date(html_bytes, url=url, extensive_search=True, original_date=True)
  newspaper4k  Article(url, config) with fetch_images=False, request_timeout=1;
               download(input_html=html_text); parse() -> .title, .authors, .publish_date

Writes one predictions file per library ({id: {title, authors, date}}, the score_meta.py format)
and ``peers.json`` = {label: {"preds": path, "cpu_ms": mean CPU ms/page, "failures": n}}, which
``benchmarks/meta.py --peers-json`` reads. CPU time is the process clock around each call.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "metadata"
LIBS = ("trafilatura", "htmldate", "newspaper4k")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(raw: bytes) -> str:
    """UTF-8, else the page's <meta charset>, else cp1252 (the PEERS.md convention)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(raw[:4096])
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("cp1252", errors="replace")


def _day(value) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    m = re.search(r"\d{4}-\d{2}-\d{2}", text)
    return m.group(0) if m else None


def make_trafilatura():
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    def run(raw: bytes, url: str | None) -> dict:
        doc = extract_metadata(load_html(raw), default_url=url)
        if doc is None:
            return {"title": None, "authors": [], "date": None}
        # the author string is split by the scorer like the gold ("; " separated by trafilatura)
        return {"title": doc.title, "authors": doc.author or [], "date": _day(doc.date)}
    return run


def make_htmldate():
    from htmldate import find_date

    def run(raw: bytes, url: str | None) -> dict:
        return {"title": None, "authors": [],
                "date": _day(find_date(raw, url=url, extensive_search=True, original_date=True))}
    return run


def make_newspaper4k():
    from newspaper import Article, Config

    config = Config()
    config.fetch_images = False
    config.request_timeout = 1

    def run(raw: bytes, url: str | None) -> dict:
        art = Article(url or "http://example.com/", config=config)
        art.download(input_html=decode_html(raw))
        art.parse()
        return {"title": art.title or None, "authors": list(art.authors or []),
                "date": _day(art.publish_date)}
    return run


MAKERS = {"trafilatura": make_trafilatura, "htmldate": make_htmldate, "newspaper4k": make_newspaper4k}
LABELS = {"trafilatura": "trafilatura extract_metadata", "htmldate": "htmldate find_date(ext, orig)",
          "newspaper4k": "newspaper4k"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--out-dir", type=Path, default=Path(__file__).resolve().parent / "out" / "peers")
    ap.add_argument("--only", choices=LIBS, action="append", help="run only these libraries")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    a = ap.parse_args(argv)

    gold = json.loads((a.bench / "dev" / "gold.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[: a.limit or None]
    pages = [(pid, gzip.decompress((a.bench / "dev" / "html" / f"{pid}.html.gz").read_bytes()),
              gold[pid].get("url")) for pid in ids]
    a.out_dir.mkdir(parents=True, exist_ok=True)
    index_path = a.out_dir / "peers.json"
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    for lib in a.only or LIBS:
        run = MAKERS[lib]()
        preds: dict[str, dict] = {}
        total_ms, failures = 0.0, 0
        for pid, raw, url in pages:
            t0 = time.process_time()
            try:
                preds[pid] = run(raw, url)
            except Exception as exc:  # a raising call is an empty answer, as in PEERS.md
                failures += 1
                preds[pid] = {"title": None, "authors": [], "date": None}
                print(f"{lib} FAIL {pid}: {type(exc).__name__}: {str(exc)[:120]}", file=sys.stderr)
            total_ms += (time.process_time() - t0) * 1000
        path = a.out_dir / f"{lib}.json"
        path.write_text(json.dumps(preds, ensure_ascii=False, indent=1), encoding="utf-8")
        cpu = total_ms / max(1, len(pages))
        index[LABELS[lib]] = {"preds": str(path), "cpu_ms": round(cpu, 2), "failures": failures,
                              "pages": len(pages), "fields": ["date"] if lib == "htmldate" else
                              ["title", "date", "authors"]}
        print(f"{lib}: {len(pages)} pages, {failures} failures, CPU {cpu:.1f} ms/page -> {path}")
    index_path.write_text(json.dumps(index, indent=1), encoding="utf-8")
    print(f"index: {index_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
