"""benchmarks/page_types.py --true-type: the page's true type is set after the model, with confidence 1."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from newsclean import Pipeline
from tests.page_type_pages import ARTICLE, COLLECTION

ROOT = Path(__file__).resolve().parents[1]


def _bench_module():
    spec = importlib.util.spec_from_file_location("page_types_bench", ROOT / "benchmarks" / "page_types.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["page_types_bench"] = module
    spec.loader.exec_module(module)
    return module


def test_forced_type_sets_the_true_type_and_the_extraction_follows_it() -> None:
    bench = _bench_module()
    forced = bench.ForcedType()
    pipe = Pipeline().replace("page_type", forced)
    html, url = COLLECTION
    assert pipe.extract(html, url=url).page_type == "collection"  # no truth given: the model's answer
    forced.truth = "article"
    page = pipe.process(html, url=url)
    assert (page.get("page_type"), page.get("page_type_confidence")) == ("article", 1.0)
    # type_fit reads the forced type: the collection's cards are no longer given back as items
    assert pipe.extract(html, url=url).text == Pipeline().remove("type_fit").extract(html, url=url).text
    forced.truth = "forum"
    assert pipe.extract(ARTICLE[0], url=ARTICLE[1]).page_type == "forum"
