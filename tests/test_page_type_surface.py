"""page_type on the outside: to_dict/JSON/from_dict, explain, the report, the page_types setting and
Pipeline argument, and batch (--only-articles: skip records that resume as done; Parquet columns)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean import Article, Pipeline
from newsclean.cli import main
from newsclean.config import load_settings
from newsclean.errors import ConfigError, PageTypeSkipped
from newsclean.explain import explain_dict, explain_text
from newsclean.report import render_report
from newsclean.stages.page_type import PAGE_TYPES
from tests.page_type_pages import ARTICLE, FORUM, LISTING, PAGES, PRODUCT


def test_page_type_in_to_dict_json_and_from_dict() -> None:
    article = Pipeline().extract(LISTING[0], url=LISTING[1])
    d = article.to_dict()
    assert d["page_type"] == "listing" and isinstance(d["page_type_confidence"], float)
    back = Article.from_dict(json.loads(article.to_json()))
    assert back.page_type == "listing" and back.page_type_confidence == article.page_type_confidence
    assert Article.from_dict({"text": "x"}).page_type is None  # records written before page types


def test_explain_and_report_show_the_type_and_its_signals() -> None:
    page = Pipeline().process(FORUM[0], url=FORUM[1])
    text = explain_text(page)
    assert text.startswith("page type: forum (") and "discussionforumposting" in text
    d = explain_dict(page)
    assert d["page_type"]["type"] == "forum" and d["page_type"]["signals"]
    assert '<b id="page-type">forum</b>' in render_report(page)


def test_page_types_setting_and_pipeline_argument(tmp_path: Path) -> None:
    cfg = tmp_path / "nc.toml"
    cfg.write_text('page_types = ["article", "forum"]\n', encoding="utf-8")
    settings = load_settings(cfg, search_from=None)
    assert settings.page_types == ("article", "forum")
    pipe = Pipeline.from_settings(settings)
    assert pipe.extract(FORUM[0], url=FORUM[1]).page_type == "forum"
    with pytest.raises(PageTypeSkipped) as err:
        pipe.extract(PRODUCT[0], url=PRODUCT[1])
    assert err.value.page_type == "product"
    assert Pipeline(page_types=["article"]).extract(ARTICLE[0], url=ARTICLE[1]).page_type == "article"
    for bad in (["articles"], [], "article"):
        with pytest.raises(ConfigError):
            Pipeline(page_types=bad)
    cfg.write_text('page_types = ["news"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="nc.toml.*news"):
        load_settings(cfg, search_from=None)
    with pytest.raises(ConfigError, match="page_type"):
        Pipeline(["metadata"], page_types=["article"]).extract(ARTICLE[0], url=ARTICLE[1])


def _write_pages(root: Path) -> dict[str, str]:
    root.mkdir()
    names = {}
    for kind, (html, _url) in PAGES.items():
        path = root / f"{kind}.html"
        path.write_text(html, encoding="utf-8")
        names[str(path)] = kind
    return names


def test_batch_only_articles_writes_skip_records_that_resume_as_done(tmp_path: Path) -> None:
    names = _write_pages(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    # (no URL hints here: the pages are typed from their markup and text alone)
    assert main(["batch", str(tmp_path / "in"), "-o", str(out), "--only-articles", "--quiet", "-j", "1"]) == 0
    recs = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(recs) == set(names)
    articles = [r for r in recs.values() if "skipped" not in r]
    skipped = [r for r in recs.values() if "skipped" in r]
    assert articles and all(r["page_type"] == "article" and r["text"] for r in articles)
    assert skipped and all(r["skipped"] == "page_type" and r["page_type"] != "article" and "text" not in r
                           for r in skipped)
    assert {"id", "input_url", "skipped", "page_type", "page_type_confidence", "ms"} == set(skipped[0])
    before = out.read_bytes()
    assert main(["batch", str(tmp_path / "in"), "-o", str(out), "--only-articles", "--quiet", "-j", "1",
                 "--retry-errors"]) == 0
    assert out.read_bytes() == before  # every page, skipped ones included, is done


def test_batch_without_the_flag_types_every_record(tmp_path: Path) -> None:
    _write_pages(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "in"), "-o", str(out), "--quiet", "-j", "1"]) == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(r["page_type"] in PAGE_TYPES and "skipped" not in r for r in recs)


def test_parquet_has_the_type_columns(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (the 'parquet' extra)")
    _write_pages(tmp_path / "in")
    out = tmp_path / "out.parquet"
    assert main(["batch", str(tmp_path / "in"), "-o", str(out), "--format", "parquet", "--only-articles",
                 "--quiet", "-j", "1"]) == 0
    rows = pq.read_table(out).to_pylist()
    assert len(rows) == len(PAGES) and all(r["page_type"] in PAGE_TYPES for r in rows)
    assert {r["skipped"] for r in rows} == {None, "page_type"}


def test_markdown_output_writes_no_file_for_skipped_pages(tmp_path: Path) -> None:
    names = _write_pages(tmp_path / "in")
    out = tmp_path / "md"
    assert main(["batch", str(tmp_path / "in"), "--format", "markdown", "--output-dir", str(out),
                 "--only-articles", "--quiet", "-j", "1"]) == 0
    written = sorted(p.stem for p in out.rglob("*.md"))
    assert written and len(written) < len(names)
