#!/usr/bin/env python3
"""Page types on the WCXB dev pages: how well ``page_type`` is recognised and how good the body is per type.

    python benchmarks/page_types.py [--bench ../shared/bench] [--save runs.json] [--load runs.json] [--limit N]
                                    [--split tune|check] [--types listing,forum] [--true-type] [--texts out.json]
                                    [--renderer elinks|links|html2text] [--url] [--cache DIR]

Pages: ``wcxb/dev`` (711 articles) and ``wcxb/dev-other`` (647 pages of six other types), each split into tune
and check by SPLITS.md. Every page runs through the default pipeline. Printed, for tune and for check (check
only in aggregate, as SPLITS.md asks): body word-F1 per true type with WCXB's own metric (bag-of-words F1 over
lower-cased ``\\w+`` tokens per page, averaged over pages; a page with no truth text scores 1 for an empty body,
else 0), page-type accuracy over the seven types, article-vs-not balanced accuracy, and the confusion matrix
(rows: true type, columns: predicted type).

``--renderer`` runs the pages' text captures by that renderer instead (rendered once and cached under
``--cache``; read with ``kind="text"`` and no URL, as the scoreboard reads captures, or with ``--url`` with their
page's URL): the capture page-type model is fitted on links and html2text captures of the tune pages, so elinks
is its unseen renderer.

``--true-type`` sets every page's type to its true type (confidence 1) after ``page_type`` ran: the body
scores then measure the extraction for the type alone, apart from the classifier's mistakes. ``--types``
runs only the pages of those true types (a quick trial). ``--texts`` writes the bodies of the tune pages
(never check's) to a JSON file, to read the errors.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE / "train"), str(HERE.parent / "src")]
from page_type import capture_pages, pages

from bench_sets import DEFAULT_BENCH, DEFAULT_CACHE, pinned_options
from newsclean import Pipeline
from newsclean.assemble import build_article
from newsclean.errors import NewscleanError
from newsclean.page import Page
from newsclean.stages.page_type import PAGE_TYPES, PageTypeStage

WORD = re.compile(r"\w+")


def word_f1(pred: str, gold: str) -> float:
    """WCXB's page score: F1 of the bags of lower-cased ``\\w+`` tokens."""
    p = Counter(w.lower() for w in WORD.findall(pred))
    g = Counter(w.lower() for w in WORD.findall(gold))
    if not g:
        return 1.0 if not p else 0.0
    tp = sum((p & g).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(g.values())
    return 2 * prec * rec / (prec + rec)


class ForcedType(PageTypeStage):
    """``page_type`` that, after the model, sets the page's true type (``truth``) with confidence 1."""

    truth: str | None = None

    def run(self, page: Page) -> None:
        super().run(page)
        if self.truth:
            page.set_field("page_type", self.truth, "page_type:truth", self.name)
            page.set_field("page_type_confidence", 1.0, "page_type:truth", self.name)


def run(bench: Path, limit: int | None, splits: tuple[str, ...] = ("tune", "check"), *,
        types: set[str] | None = None, true_type: bool = False, texts: dict[str, str] | None = None,
        renderer: str | None = None, cache: Path = DEFAULT_CACHE, with_url: bool = False) -> list[dict]:
    golds = {}
    for folder in ("wcxb/dev", "wcxb/dev-other"):
        gt = json.loads((bench / folder / "ground-truth.json").read_text(encoding="utf-8"))
        golds.update({f"{folder.split('/')[-1]}/{i}": v.get("articleBody") or "" for i, v in gt.items()})
    forced = ForcedType()
    pipe = Pipeline(options=pinned_options()).replace("page_type", forced)
    out = []
    for split in splits:
        listed = capture_pages(bench, cache, renderer, split, limit, with_url) if renderer else \
            pages(bench, split, limit)
        for pid, kind, (reader, url) in listed:
            if types and kind not in types:
                continue
            forced.truth = kind if true_type else None
            try:
                page = pipe.process(reader(), url=url, kind="text" if renderer else None)
                art = build_article(page)
                pred, text = (page.get("page_type") if true_type else art.page_type) or "?", art.text
            except NewscleanError:
                pred, text = "?", ""
            if texts is not None and split == "tune":
                texts[pid] = text
            out.append({"id": pid, "split": split, "type": kind, "pred": pred,
                        "f1": word_f1(text, golds[pid])})
    return out


def table(rows: list[dict], split: str) -> str:
    rs = [r for r in rows if r["split"] == split]
    if not rs:
        return f"({split}: no pages)\n"
    lines = [f"### {split} ({len(rs)} pages)", "", "| true type | pages | body word-F1 | type recall |",
             "|---|---|---|---|"]
    for t in PAGE_TYPES:
        tr = [r for r in rs if r["type"] == t]
        if tr:
            f1 = sum(r["f1"] for r in tr) / len(tr)
            rec = sum(r["pred"] == t for r in tr) / len(tr)
            lines.append(f"| {t} | {len(tr)} | {f1:.3f} | {rec:.3f} |")
    others = [r for r in rs if r["type"] != "article"]
    arts = [r for r in rs if r["type"] == "article"]
    if others:
        lines.append(f"| all non-articles | {len(others)} | {sum(r['f1'] for r in others) / len(others):.3f} | |")
    lines.append(f"| all pages | {len(rs)} | {sum(r['f1'] for r in rs) / len(rs):.3f} | |")
    acc = sum(r["pred"] == r["type"] for r in rs) / len(rs)
    a_rec = sum(r["pred"] == "article" for r in arts) / len(arts) if arts else 0.0
    n_rec = sum(r["pred"] != "article" for r in others) / len(others) if others else 0.0
    lines += ["", (f"page-type accuracy (7 types): {acc:.3f}; article-vs-not balanced accuracy: "
                  f"{(a_rec + n_rec) / 2:.3f} (articles kept {a_rec:.3f}, non-articles recognised {n_rec:.3f})"),
              "", "confusion (rows: true, columns: predicted):", "",
              "| true \\ predicted | " + " | ".join(PAGE_TYPES) + " |", "|---" * (len(PAGE_TYPES) + 1) + "|"]
    cm = Counter((r["type"], r["pred"]) for r in rs)
    for t in PAGE_TYPES:
        lines.append(f"| {t} | " + " | ".join(str(cm[(t, p)]) for p in PAGE_TYPES) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--limit", type=int, default=None, help="pages per folder and split (a quick trial)")
    ap.add_argument("--save", type=Path, help="also write the per-page results here (JSON)")
    ap.add_argument("--load", type=Path, nargs="+", help="print the tables of results saved earlier (one or more "
                                                        "--save files) instead of running")
    ap.add_argument("--split", choices=("tune", "check"), help="run one split only (e.g. two processes, then --load)")
    ap.add_argument("--types", help="only the pages of these true types, comma-separated (a quick trial)")
    ap.add_argument("--true-type", action="store_true", help="give every page its true type (confidence 1): "
                                                              "the extraction's score apart from the classifier")
    ap.add_argument("--texts", type=Path, help="write the tune pages' bodies here (JSON, id -> text)")
    ap.add_argument("--renderer", choices=("elinks", "links", "html2text"),
                    help="run the pages' text captures by this renderer (see above)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where rendered captures are cached")
    ap.add_argument("--url", action="store_true", help="with --renderer: read each capture with its page's URL")
    a = ap.parse_args(argv)
    texts: dict[str, str] | None = {} if a.texts else None
    if a.load:
        rows = [r for path in a.load for r in json.loads(path.read_text(encoding="utf-8"))]
    else:
        types = set(a.types.split(",")) if a.types else None
        rows = run(a.bench, a.limit, (a.split,) if a.split else ("tune", "check"), types=types,
                   true_type=a.true_type, texts=texts, renderer=a.renderer, cache=a.cache,
                   with_url=a.url)
    if a.texts and texts is not None:
        a.texts.write_text(json.dumps(texts), encoding="utf-8")
    if a.save:
        a.save.write_text(json.dumps(rows), encoding="utf-8")
    print(table(rows, "tune"))
    print(table(rows, "check"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
