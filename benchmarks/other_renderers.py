#!/usr/bin/env python3
"""Robustness on renderers the benchmark data does not include: render the dev HTML pages with the
text browsers installed here (elinks, links, html2text — Debian packages), clean the captures with
newsclean and score them against the same gold.

    python benchmarks/other_renderers.py [--bench ../shared/bench] [--renderers elinks,links,html2text]

Captures are made in a temporary directory (nothing is stored). Renderers that are not installed are
skipped with a note.
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import newsclean  # noqa: E402

COMMANDS = {
    "elinks": ["elinks", "-dump", "-dump-width", "100", "-no-references", "-no-numbering",
               "-dump-charset", "utf-8", "-eval", "set document.codepage.assume = \"utf-8\""],
    "links": ["links", "-dump", "-width", "100", "-codepage", "utf-8", "-html-assume-codepage", "utf-8"],
    "html2text": ["html2text", "-utf8", "-width", "100", "-nobs"],
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=str(HERE.parent.parent / "shared" / "bench"))
    ap.add_argument("--renderers", default="elinks,links,html2text")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    spec = importlib.util.spec_from_file_location("nc_eval", bench / "evaluate.py")
    ev = importlib.util.module_from_spec(spec)
    sys.modules["nc_eval"] = ev
    spec.loader.exec_module(ev)
    truth = ev.load_json(str(bench / "articles/dev/ground-truth.json"))
    pipeline = newsclean.Pipeline()
    print(f"{'renderer':<10} {'pages':>5} {'raw F1':>7} {'newsclean F1':>12} {'P':>6} {'R':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.renderers.split(","):
            cmd = COMMANDS.get(name)
            if cmd is None or shutil.which(cmd[0]) is None:
                print(f"{name:<10} skipped: not installed (apt-get install {name})")
                continue
            raw, cleaned = {}, {}
            for doc_id in sorted(truth):
                html = (bench / f"articles/dev/{doc_id}.html").read_bytes()
                f = Path(tmp) / "page.html"
                f.write_bytes(html)
                proc = subprocess.run(cmd + ([str(f)] if name != "html2text" else [str(f)]), capture_output=True,
                                      timeout=60, check=False)
                text = proc.stdout.decode("utf-8", "replace")
                raw[doc_id] = {"articleBody": text}
                cleaned[doc_id] = {"articleBody": pipeline.extract(text, kind="text").text}
            m_raw = ev.aggregate(ev.score_all(truth, raw))
            m = ev.aggregate(ev.score_all(truth, cleaned))
            print(f"{name:<10} {len(truth):>5} {m_raw['f1']:7.3f} {m['f1']:12.3f} "
                  f"{m['precision']:6.3f} {m['recall']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
