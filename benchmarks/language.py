#!/usr/bin/env python3
"""Language guess from text: our stop-word guess (``normalize/language.py``) against py3langid.

    python benchmarks/language.py [--bench ../shared/bench] [--captures w3m,lynx] [--limit N]

The metadata set (``meta:html``) has no language gold, so the gold is what the page's own markup states
(``<html lang>``, content-language, og:locale, JSON-LD inLanguage: the metadata stage's reading, primary
subtag, e.g. "de" of "de-AT"); pages whose markup states none are left out. Each guesser reads what the
pipeline would give it: for the HTML page, the text of its first 200 blocks (the metadata stage's
fallback); for a text capture of the same page (``--captures``), the capture's text (a capture carries no
markup, so there the guess is all there is). Reported per split (SPLITS.md): accuracy (no answer counts
as wrong), answered share, accuracy when answered, and the cost in ms per page (process time, the
guess alone). py3langid is optional: install it (``pip install py3langid``) to compare.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, all_sets, split_of  # noqa: E402

TEXT_CHARS = 20_000  # what the stop-word guess reads of a text; py3langid is given the same


def guessers() -> dict[str, Callable[[str], str | None]]:
    from newsclean.normalize.language import guess_language

    out: dict[str, Callable[[str], str | None]] = {"stopwords": guess_language}
    try:
        import py3langid as langid  # type: ignore[import-not-found]
    except ImportError:
        print("(py3langid is not installed: only the stop-word guess is measured)")
        return out
    t0 = time.process_time()
    langid.classify("warm up the model")  # (the model loads on first use: a one-off, reported apart)
    print(f"py3langid model load: {(time.process_time() - t0) * 1000:.0f} ms (once per process)")
    out["py3langid"] = lambda text: langid.classify(text[:TEXT_CHARS])[0] if text.strip() else None
    return out


def gold_and_texts(bench: Path, captures: list[str], limit: int | None) -> list[dict]:
    """Per page with a markup language: its id, gold, and the texts each input gives the guessers."""
    from newsclean import Pipeline

    pipe = Pipeline(["metadata"])
    sets = all_sets(bench, DEFAULT_CACHE)
    caps = {r: {d.id: d for d in sets[f"meta:cap:{r}"].docs()} for r in captures}
    rows = []
    for doc in sets["meta:html"].docs():
        page = pipe.process(doc.load(), url=doc.url, kind="html")
        fv = page.fields.get("language")
        if fv is None or fv.source == "text":
            continue  # the markup states no language: no gold
        texts = {"html": " ".join(b.text for b in page.blocks[:200])}
        for r, docs in caps.items():
            texts[f"cap:{r}"] = str(docs[doc.id].load())
        rows.append({"id": doc.id, "gold": str(fv.value), "texts": texts})
        if limit and len(rows) >= limit:
            break
    return rows


def measure(rows: list[dict], guess: Callable[[str], str | None], source: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    every: list[float] = []
    for split in ("tune", "check"):
        mine = [r for r in rows if split_of(r["id"]) == split]
        right = answered = 0
        ms: list[float] = []
        for r in mine:
            t0 = time.process_time()
            g = guess(r["texts"][source])
            ms.append((time.process_time() - t0) * 1000)
            answered += g is not None
            right += g == r["gold"]
        n = len(mine) or 1
        every += ms
        out[split] = {"n": len(mine), "acc": right / n, "answered": answered / n,
                      "acc_answered": right / answered if answered else 0.0}
    every.sort()
    out["cost"] = {"mean": sum(every) / max(1, len(every)), "median": every[len(every) // 2] if every else 0.0}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--captures", default="w3m,lynx", help="renderers of meta:cap:R to measure too ('' for none)")
    ap.add_argument("--limit", type=int, help="stop after this many pages with gold")
    a = ap.parse_args(argv)
    rows = gold_and_texts(a.bench, [r for r in a.captures.split(",") if r], a.limit)
    langs = Counter(r["gold"] for r in rows if split_of(r["id"]) == "tune")
    print(f"{len(rows)} pages with a markup language; tune languages: "
          + ", ".join(f"{k} {v}" for k, v in langs.most_common()))
    print("\n| input | guesser | tune acc (answered, acc when answered) | check acc (answered, acc when answered) "
          "| ms/page mean / median |")
    print("|---|---|---|---|---|")
    funcs = guessers()
    for source in rows[0]["texts"] if rows else ():
        for name, guess in funcs.items():
            m = measure(rows, guess, source)
            t, c = m["tune"], m["check"]
            print(f"| {source} | {name} | {t['acc']:.3f} ({t['answered']:.2f}, {t['acc_answered']:.3f}) | "
                  f"{c['acc']:.3f} ({c['answered']:.2f}, {c['acc_answered']:.3f}) | "
                  f"{m['cost']['mean']:.2f} / {m['cost']['median']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
