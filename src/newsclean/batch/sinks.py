"""Where batch records go: JSON Lines, one record per page.

A page record is ``{"id", "input_url", ["warc_date"], <every Article.to_dict() field>, "ms"}``;
an error record is ``{"id", "input_url", ["warc_date"], "error": {"type", "message"}, "ms"}``;
a page left out by ``page_types`` (``--only-articles``) is a skip record
``{"id", "input_url", ["warc_date"], "skipped": "page_type", "page_type", "page_type_confidence", "ms"}``
(done, like a page record: a resumed run does not run it again).

Each record is written as one complete line with a single ``write`` on an unbuffered
append-mode file descriptor, so a crash (even ``kill -9``) leaves every earlier line whole and
at most the last line incomplete; :mod:`newsclean.batch.resume` repairs that line.

The output is locked (``flock``) by the driver alone: worker processes forked from it close their
inherited copies of its descriptor first thing (:func:`close_inherited_outputs`), so a worker that
outlives a killed driver can never keep a resume locked out.
"""
from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
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


def skip_line(item_id: str, url: str | None, warc_date: str | None, page_type: str,
              confidence: float | None, ms: float) -> bytes:
    record = _head(item_id, url, warc_date)
    record["skipped"] = "page_type"
    record["page_type"] = page_type
    record["page_type_confidence"] = confidence
    record["ms"] = round(ms, 2)
    return encode(record)


def error_line(item_id: str, url: str | None, warc_date: str | None, err_type: str, message: str,
               ms: float | None = None) -> bytes:
    record = _head(item_id, url, warc_date)
    record["error"] = {"type": err_type, "message": message}
    record["ms"] = None if ms is None else round(ms, 2)
    return encode(record)


#: descriptors of the open outputs of this process (driver side); a forked worker closes them
_OUTPUT_FDS: set[int] = set()


def close_inherited_outputs() -> None:
    """In a process forked from a driver: close the copies of its output descriptors, so the
    output's lock goes away with the driver and never with a worker."""
    for fd in list(_OUTPUT_FDS):
        try:
            os.close(fd)
        except OSError:
            pass
    _OUTPUT_FDS.clear()


def _open_locked(path: str, flags: int, mode: int = 0o666) -> int:
    """Open ``path`` and take an exclusive lock on it; InputError when either fails."""
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), mode)
    except OSError as exc:
        raise InputError(f"{path}: cannot open for writing ({exc.strerror or exc})") from None
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # pragma: no cover - not POSIX
        pass
    except OSError:
        os.close(fd)
        raise InputError(f"{path}: another newsclean batch is writing this file") from None
    _OUTPUT_FDS.add(fd)
    return fd


class JsonlSink:
    """Append lines to a file (created if missing), or to standard output for ``-``.

    Holds an exclusive ``flock`` on the file so two runs cannot write the same output."""

    def __init__(self, path: str, *, truncate: bool = False) -> None:
        self.path = path
        self.lines = 0
        if path == "-":
            self._fd = os.dup(1)
            return
        self._fd = _open_locked(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        if truncate:
            os.ftruncate(self._fd, 0)

    def rewrite(self, keep: Callable[[bytes], bool]) -> int:
        """Replace the file by its lines for which ``keep`` is true; return how many were dropped.

        The new content goes to a locked temporary file beside the output (same mode), made durable,
        then renamed over it: a crash leaves either the old file or the new one, never a mix, and
        the lock is never let go."""
        if self.path == "-":
            return 0
        target = os.path.realpath(self.path)
        directory, name = os.path.split(target)
        tmp = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
        fd = _open_locked(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND)
        dropped = 0
        try:
            os.fchmod(fd, os.fstat(self._fd).st_mode & 0o7777)
            with open(target, "rb") as old:
                for line in old:
                    if keep(line):
                        _write_all(fd, line)
                    else:
                        dropped += 1
            os.fsync(fd)
            os.replace(tmp, target)
        except BaseException:
            _OUTPUT_FDS.discard(fd)
            os.close(fd)
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        _OUTPUT_FDS.discard(self._fd)
        os.close(self._fd)
        self._fd = fd
        return dropped

    def write(self, line: bytes) -> None:
        _write_all(self._fd, line)
        self.lines += 1

    def flush(self, durable: bool = False) -> None:
        if durable and self.path != "-":
            os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            try:
                self.flush(durable=True)
            finally:
                _OUTPUT_FDS.discard(self._fd)
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


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
