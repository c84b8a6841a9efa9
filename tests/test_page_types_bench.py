"""benchmarks/page_types.py --true-type: the page's true type is set after the model, with confidence 1."""
from __future__ import annotations

from pathlib import Path

from newsclean import Pipeline
from tests.page_type_pages import ARTICLE, COLLECTION
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[1]


def _bench_module():
    return load_script("benchmarks/page_types.py", "page_types_bench")


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
