"""batch --format parquet and --format text|markdown --output-dir (mirroring the input tree), both
resumable through their JSON Lines journal; Article.from_dict round-trips a record."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsclean import Article, extract
from newsclean.cli import main

PARA = "The harbour authority said on Monday that the new ferry terminal would open in the spring."
PARA2 = "Passengers will be able to buy tickets online, and the old waiting room is to become a small museum."


def make_tree(root: Path) -> None:
    for sub, n in (("a", 3), ("b/c", 2)):
        d = root / sub
        d.mkdir(parents=True)
        for i in range(n):
            (d / f"p{i}.html").write_text(
                f"<html><head><title>T {sub} {i}</title></head><body><article><h1>Heading {sub} {i}</h1>"
                f"<h2>A subheading</h2><p>{PARA} ({sub} {i})</p><ul><li>first point here</li><li>second point"
                f" here</li></ul><p>{PARA2}</p></article></body></html>", encoding="utf-8")
    (root / "b" / "empty.html").write_bytes(b"")


def test_text_and_markdown_mirror_the_tree(tmp_path: Path):
    src = tmp_path / "site"
    make_tree(src)
    out = tmp_path / "md"
    assert main(["batch", str(src), "--format", "markdown", "--output-dir", str(out), "--quiet"]) == 0
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.md"))
    assert files == ["a/p0.md", "a/p1.md", "a/p2.md", "b/c/p0.md", "b/c/p1.md", "b/empty.md"]
    md = (out / "a" / "p1.md").read_text(encoding="utf-8")
    assert "## A subheading" in md and "- first point here\n- second point here" in md and PARA in md
    # resume: a second run skips everything, a deleted journal line is redone
    journal = out / ".newsclean-batch.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines()
    journal.write_text("\n".join(lines[:-2]) + "\n", encoding="utf-8")
    assert main(["batch", str(src), "--format", "markdown", "--output-dir", str(out), "--quiet"]) == 0
    assert len(journal.read_text(encoding="utf-8").splitlines()) == 6
    txt = tmp_path / "txt"
    assert main(["batch", str(src / "a" / "p0.html"), "--format", "text", "--output-dir", str(txt), "--quiet"]) == 0
    text = (txt / "p0.txt").read_text(encoding="utf-8")
    assert "A subheading\n\n" in text and text.endswith(PARA2 + "\n") and "<" not in text


def test_parquet(tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (the 'parquet' extra)")
    src = tmp_path / "site"
    make_tree(src)
    out = tmp_path / "out.parquet"
    assert main(["batch", str(src), "-o", str(out), "--format", "parquet", "--quiet"]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 6
    rows = {r["id"]: r for r in table.to_pylist()}
    r = rows[str(src / "a" / "p0.html")]
    assert PARA in r["text"] and json.loads(r["paragraphs"])[0]["kind"] == "heading"


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o640  # the mode of a new file
    os.umask(old)


def test_outputs_honour_the_umask(tmp_path: Path, umask_027: int):
    src = tmp_path / "site"
    make_tree(src)
    out = tmp_path / "md"
    assert main(["batch", str(src), "--format", "markdown", "--output-dir", str(out), "--quiet"]) == 0
    files = list(out.rglob("*.md")) + [out / ".newsclean-batch.jsonl"]
    assert len(files) == 7 and {f.stat().st_mode & 0o777 for f in files} == {umask_027}
    pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (the 'parquet' extra)")
    pq = tmp_path / "out.parquet"
    assert main(["batch", str(src), "-o", str(pq), "--format", "parquet", "--quiet"]) == 0
    assert pq.stat().st_mode & 0o777 == umask_027


def test_gzipped_page_mirrors_to_its_plain_name(tmp_path: Path):
    from newsclean.batch.export import mirror_path

    assert mirror_path(str(tmp_path / "a" / "p.html.gz"), str(tmp_path), ".md") == Path("a/p.md")


def test_format_usage_errors(tmp_path: Path, capsys):
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    assert main(["batch", str(tmp_path / "a.html"), "--format", "text"]) == 2
    assert "needs --output-dir" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "a.html"), "-o", "x.jsonl", "--output-dir", "d"]) == 2
    assert main(["batch", str(tmp_path / "a.html")]) == 2
    assert main(["batch", str(tmp_path / "a.html"), "-o", "-", "--format", "parquet"]) == 2


def test_article_from_dict_round_trip():
    page = ("<html><head><title>x</title><meta property='article:published_time' content='2025-01-13T05:01:00-05:00'>"
            "</head><body><article><h1>Head</h1><p>" + PARA + "</p><blockquote><p>A quote here that is long enough.</p>"
            "</blockquote></article></body></html>")
    art = extract(page)
    again = Article.from_dict(json.loads(art.to_json()))
    assert again == art
