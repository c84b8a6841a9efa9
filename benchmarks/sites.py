#!/usr/bin/env python3
"""Before/after body F1 on the synthetic multi-page sites of tests/sites.py: the default pipeline,
then the pipeline with rules learned from the same pages by learn-site (HTML and text captures).

    python benchmarks/sites.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests import sites  # noqa: E402

from newsclean import Pipeline  # noqa: E402
from newsclean.config import load_settings  # noqa: E402
from newsclean.rules.learn import learn_rule  # noqa: E402
from newsclean.testing import shingle_f1  # noqa: E402


def score(pipeline: Pipeline, kind: str) -> tuple[float, int, int]:
    f1s, left, template_blocks_dropped = [], 0, 0
    for i in range(len(sites.BODIES)):
        page = sites.page_html(i) if kind == "html" else sites.page_text(i)
        doc = pipeline.process(page, url=sites.url(i), kind=kind)
        from newsclean.assemble import build_article

        art = build_article(doc)
        f1s.append(shingle_f1(art.text, sites.truth(i)))
        left += sum(t in art.text for t in sites.TEMPLATE_PROSE)
        template_blocks_dropped += sum(1 for b in doc.blocks if b.dropped_by == "site_rules")
    return sum(f1s) / len(f1s), left, template_blocks_dropped


def main() -> int:
    n = len(sites.BODIES)
    print(f"{n} pages per site; template prose blocks per page: {len(sites.TEMPLATE_PROSE)}")
    print(f"{'kind':<6} {'pipeline':<22} {'mean F1':>8} {'template prose left':>20} {'blocks dropped by rules':>24}")
    for kind in ("html", "text"):
        base = Pipeline()
        f1, left, _ = score(base, kind)
        print(f"{kind:<6} {'default':<22} {f1:8.3f} {left:>20} {'-':>24}")
        loader = Pipeline(["metadata"])
        pages = [loader.process(sites.page_html(i) if kind == "html" else sites.page_text(i),
                                url=sites.url(i), kind=kind)
                 for i in range(n)]
        rule = learn_rule(pages, sites.HOST)
        learned = Pipeline.from_settings(load_settings(search_from=None, sites={sites.HOST: {
            k: list(getattr(rule, k)) for k in ("drop", "drop_texts") if getattr(rule, k)}}))
        f1, left, dropped = score(learned, kind)
        print(f"{kind:<6} {'+ learned site rules':<22} {f1:8.3f} {left:>20} {dropped:>24}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
