"""Where batch records go: JSON Lines, one record per page.

A page record is ``{"id", "input_url", ["warc_date"], <every Article.to_dict() field>, "ms"}``;
an error record is ``{"id", "input_url", ["warc_date"], "error": {"type", "message"}, "ms"}``.

Each record is written as one complete line with a single ``write`` on an unbuffered
append-mode file descriptor, so a crash (even ``kill -9``) leaves every earlier line whole and
at most the last line incomplete; :mod:`newsclean.batch.resume` repairs that line.
"""
from __future__ import annotations

import json
import os
from typing import Any, Protocol

from newsclean.article import Article
from newsclean.errors import InputError


class Sink(Protocol):
    def write(self, line: bytes) -> None: ...
    def close(self) -> None: ...


def _head(item_id: str, url: str | None, warc_date: str | None) -> dict[str, Any]:
    head: dict[str, Any] = {"id": item_id, "input_url": url}
    if warc_date is not None:
        head["warc_date"] = warc_date
    return head


def encode(record: dict[str, Any]) -> bytes:
    """One record as a JSON line. Lone surrogates (from JSON input) stay as ``\\udXXX`` escapes."""
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


def article_line(item_id: str, url: str | None, warc_date: str | None, article: Article, ms: float) -> bytes:
    record = _head(item_id, url, warc_date)
    record.update(article.to_dict())
    record["ms"] = round(ms, 2)
    return encode(record)


def error_line(item_id: str, url: str | None, warc_date: str | None, err_type: str, message: str,
               ms: float | None = None) -> bytes:
    record = _head(item_id, url, warc_date)
    record["error"] = {"type": err_type, "message": message}
    record["ms"] = None if ms is None else round(ms, 2)
    return encode(record)


class JsonlSink:
    """Append lines to a file (created if missing), or to standard output for ``-``.

    Holds an exclusive ``flock`` on the file so two runs cannot write the same output."""

    def __init__(self, path: str, *, truncate: bool = False) -> None:
        self.path = path
        self.lines = 0
        if path == "-":
            self._fd = os.dup(1)
            return
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        try:
            self._fd = os.open(path, flags, 0o666)
        except OSError as exc:
            raise InputError(f"{path}: cannot open for writing ({exc.strerror or exc})") from None
        try:
            import fcntl

            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX
            pass
        except OSError:
            os.close(self._fd)
            raise InputError(f"{path}: another newsclean batch is writing this file") from None
        if truncate:
            os.ftruncate(self._fd, 0)

    def write(self, line: bytes) -> None:
        view = memoryview(line)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]
        self.lines += 1

    def flush(self, durable: bool = False) -> None:
        if durable and self.path != "-":
            os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            try:
                self.flush(durable=True)
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> "JsonlSink":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ListSink:
    """Keep lines in memory (for tests and small jobs)."""

    def __init__(self) -> None:
        self.lines: list[bytes] = []

    def write(self, line: bytes) -> None:
        self.lines.append(line)

    def close(self) -> None:
        pass

    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.lines]
