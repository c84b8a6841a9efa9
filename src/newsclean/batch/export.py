"""Other outputs of a batch, built on the JSON Lines journal (which stays the record of what is done,
so every output resumes the same way):

- ``--format text|markdown --output-dir DIR``: one file per page, mirroring the input tree; the
  journal is ``DIR/.newsclean-batch.jsonl``; each file is written to a temporary name and renamed,
  so a crash never leaves a half-written page file.
- ``--format parquet -o OUT.parquet``: the journal is ``OUT.parquet.journal.jsonl``; when the run
  completes, the Parquet file is written from it (to a temporary name, then renamed). Needs pyarrow
  (``pip install 'newsclean[parquet]'``).
"""
from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from newsclean.article import Article
from newsclean.errors import ConfigError

JOURNAL_NAME = ".newsclean-batch.jsonl"


@contextmanager
def _replacing(path: Path, suffix: str) -> Iterator[str]:
    """A temporary file beside ``path`` that becomes ``path`` when the block succeeds, and is removed
    when it fails: readers never see a half-written file. Created with mode 0666 less the umask,
    like any other output (``tempfile.mkstemp`` would make it 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = str(path.parent / f".tmp-{secrets.token_hex(6)}{suffix}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except FileExistsError:
            continue
        break
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _atomic_write(path: Path, data: str) -> None:
    with _replacing(path, path.suffix) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        fh.write(data)


def common_root(inputs: Iterable[str]) -> str:
    """The directory that the mirrored tree is relative to: the inputs' common parent directory."""
    dirs = []
    for p in inputs:
        if p == "-":
            continue
        ap = os.path.abspath(p)
        dirs.append(ap if os.path.isdir(ap) else os.path.dirname(ap))
    if not dirs:
        return os.getcwd()
    return os.path.commonpath(dirs)


def mirror_path(item_id: str, root: str, suffix: str) -> Path:
    """Where a page's file goes under the output directory: its path relative to ``root``, with
    records inside a WARC or JSON Lines file (``file#offset``, ``file:line``) as files in a folder
    named after the container."""
    base, record = item_id, ""
    for mark in ("#", ":"):
        head, found, tail = item_id.rpartition(mark)
        if found and tail.isdigit() and os.path.exists(head):
            base, record = head, tail
            break
    rel = os.path.relpath(os.path.abspath(base), root)
    if rel.startswith(".."):
        rel = os.path.abspath(base).lstrip(os.sep)
    parts = [p for p in Path(rel).parts if p not in ("", ".", "..")]
    if record:
        return Path(*parts, f"{record}{suffix}")
    stem = Path(*parts)
    if stem.name.lower().endswith(".gz"):  # page.html.gz -> page.md
        stem = stem.with_name(stem.name[:-3])
    return stem.with_suffix(suffix) if stem.suffix else stem.with_name(stem.name + suffix)


class DirExporter:
    """Write each successful page as text or Markdown under ``directory``."""

    def __init__(self, directory: str, fmt: str, root: str) -> None:
        if fmt not in ("text", "markdown"):
            raise ConfigError(f"unknown page format {fmt!r}")
        self.directory = Path(directory)
        self.fmt = fmt
        self.root = root
        self.suffix = ".md" if fmt == "markdown" else ".txt"

    def on_record(self, line: bytes) -> None:
        rec = json.loads(line)
        if "error" in rec or "skipped" in rec:
            return
        article = Article.from_dict(rec)
        body = article.to_markdown() if self.fmt == "markdown" else (article.text + "\n" if article.text else "")
        _atomic_write(self.directory / mirror_path(rec["id"], self.root, self.suffix), body)

    def finish(self, journal: str) -> None:
        return None


PARQUET_COLUMNS = ("id", "input_url", "warc_date", "kind", "url", "title", "authors", "published", "modified",
                   "site_name", "section", "tags", "description", "language", "image", "page_type",
                   "page_type_confidence", "text", "paragraphs", "removed", "sources", "skipped", "error_type",
                   "error_message", "ms")


def _row(rec: dict[str, Any]) -> dict[str, Any]:
    err = rec.get("error") or {}
    row = {k: rec.get(k) for k in PARQUET_COLUMNS}
    row["authors"] = list(rec.get("authors") or [])
    row["tags"] = list(rec.get("tags") or [])
    for k in ("paragraphs", "removed", "sources"):
        row[k] = json.dumps(rec[k], ensure_ascii=False) if k in rec else None
    row["error_type"], row["error_message"] = err.get("type"), err.get("message")
    return row


class ParquetExporter:
    """At the end of a completed run, write the journal's records to a Parquet file."""

    def __init__(self, path: str, rows_per_group: int = 5000) -> None:
        try:
            import pyarrow  # noqa: F401  (only: is it installed?)
        except ImportError:
            raise ConfigError("--format parquet needs pyarrow: pip install 'newsclean[parquet]'") from None
        self.path = Path(path)
        self.rows_per_group = rows_per_group

    def on_record(self, line: bytes) -> None:
        return None

    def finish(self, journal: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([
            ("id", pa.string()), ("input_url", pa.string()), ("warc_date", pa.string()), ("kind", pa.string()),
            ("url", pa.string()), ("title", pa.string()), ("authors", pa.list_(pa.string())),
            ("published", pa.string()), ("modified", pa.string()), ("site_name", pa.string()),
            ("section", pa.string()), ("tags", pa.list_(pa.string())), ("description", pa.string()),
            ("language", pa.string()), ("image", pa.string()), ("page_type", pa.string()),
            ("page_type_confidence", pa.float64()), ("text", pa.string()), ("paragraphs", pa.string()),
            ("removed", pa.string()), ("sources", pa.string()), ("skipped", pa.string()), ("error_type", pa.string()),
            ("error_message", pa.string()), ("ms", pa.float64()),
        ])
        with _replacing(self.path, ".parquet") as tmp, pq.ParquetWriter(tmp, schema) as writer, \
                open(journal, "rb") as fh:
            batch: list[dict[str, Any]] = []
            for line in fh:
                if not line.strip():
                    continue
                batch.append(_row(json.loads(line)))
                if len(batch) >= self.rows_per_group:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))


class ExportingSink:
    """A sink that writes the journal line, then hands the record to an exporter."""

    def __init__(self, journal: Any, exporter: Any) -> None:
        self.journal = journal
        self.exporter = exporter

    def write(self, line: bytes) -> None:
        self.exporter.on_record(line)  # the page file first: a journal line means the page is done
        self.journal.write(line)

    def close(self) -> None:
        self.journal.close()
