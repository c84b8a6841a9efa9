"""Inputs of a batch run: page files, directories, globs, ``-`` (paths on standard input),
WARC / WARC.gz files and JSON Lines files, turned into a stream of :class:`Item`.

Every item has a stable id, the same on every run of the same command, so a run can resume:

* a page file: its path (normalised, as given or as found under a directory);
* a WARC record: ``path#offset`` (byte offset of the record in the file, compressed or not);
* a JSON Lines record: ``path:line`` (1-based line number).

Problems found while reading a container (unreadable WARC, bad JSON line, record over the size
limit) become items that already carry an error, so they are written as error records.
"""
from __future__ import annotations

import glob
import gzip
import json
import os
import sys
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Protocol

from newsclean.errors import InputError
from newsclean.load.decode import unreadable

#: file names read as WARC archives / JSON Lines files (anything else is one page)
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
#: files picked up when walking a directory (explicit files and glob matches are always taken)
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")
#: gzipped page files (``page.html.gz``), also picked up in directories; the loader decompresses them
GZIP_PAGE_SUFFIXES = tuple(suffix + ".gz" for suffix in PAGE_SUFFIXES)
WALKED_SUFFIXES = PAGE_SUFFIXES + GZIP_PAGE_SUFFIXES + WARC_SUFFIXES + JSONL_SUFFIXES
#: a JSON Lines record may exceed --max-bytes by this much (field names, escapes)
JSONL_SLACK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GLOB_CHARS = frozenset("*?[")


@dataclass
class Item:
    """One page to process. Exactly one of ``path`` / ``data`` is set, unless ``error`` is."""

    id: str
    path: str | None = None          # a page file, read in the worker
    data: bytes | str | None = None  # page content already read (WARC / JSON Lines)
    url: str | None = None           # the URL the input gives for the page
    kind: str | None = None          # "html" / "text" when the input says so
    charset: str | None = None       # HTTP charset of a WARC response
    warc_date: str | None = None
    error: tuple[str, str] | None = None  # (type, message) of a failure found while reading
    jsonl: bytes | None = None       # a JSON Lines record not parsed yet (parsed in the worker)


def _has_suffix(path: str, suffixes: tuple[str, ...]) -> bool:
    return path.lower().endswith(suffixes)


def is_warc(path: str) -> bool:
    return _has_suffix(path, WARC_SUFFIXES)


def is_jsonl(path: str) -> bool:
    return _has_suffix(path, JSONL_SUFFIXES)


def warc_support() -> bool:
    """True when warcio (the 'warc' extra) can be imported."""
    import importlib.util

    return importlib.util.find_spec("warcio") is not None


WARC_NEEDS = "reading WARC files needs warcio: pip install 'newsclean[warc]'"


def _is_glob(arg: str) -> bool:
    return any(c in _GLOB_CHARS for c in arg)


def resolve_inputs(args: Iterable[str], stdin: IO[str] | None = None) -> list[str]:
    """Check the INPUT arguments before anything runs; return the list of paths / dirs to walk.

    ``-`` reads one path per line from ``stdin``; a glob must match something; every other
    argument must exist. Raises InputError (a usage error) otherwise."""
    out: list[str] = []
    missing: list[str] = []
    stdin_used = False
    for arg in args:
        if arg == "-":
            if stdin_used:
                raise InputError("'-' given more than once")
            stdin_used = True
            stream = stdin if stdin is not None else sys.stdin
            if stream is None:
                raise InputError("'-' given but there is no standard input")
            for line in stream:
                path = line.rstrip("\r\n")
                if path.strip():
                    (out if os.path.exists(path) else missing).append(path)
        elif os.path.exists(arg):
            out.append(arg)
        elif _is_glob(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise InputError(f"{arg}: no file matches this pattern")
            out.extend(matches)
        else:
            missing.append(arg)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise InputError(f"no such file or directory: {shown}")
    return out


@dataclass
class Survey:
    pages: set[str] | None  # the page files, None when the inputs hold records that were not counted
    warc: bool               # a WARC file is among the inputs

    def to_do(self, done: Container[str]) -> int | None:
        """How many of the page files are not ``done`` (None when they could not be counted)."""
        return None if self.pages is None else sum(1 for path in self.pages if path not in done)


def _input_files(paths: Iterable[str]) -> Iterator[str]:
    """Every file the inputs name, normalised: files as given, directories walked (sorted, hidden
    entries and files of other types skipped)."""
    for path in paths:
        if not os.path.isdir(path):
            yield os.path.normpath(path)
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and _has_suffix(name, WALKED_SUFFIXES):
                    yield os.path.normpath(os.path.join(root, name))


def read_page_file(path: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a page file, read in a worker; InputError when missing, unreadable or (before
    any decompression) over ``max_bytes``."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(-1 if max_bytes is None else max_bytes + 1)
    except OSError as exc:
        raise unreadable(path, exc) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"{path}: over the limit of {max_bytes} bytes")
    return data


class Sources:
    """Iterate the items of resolved inputs, skipping ids in ``done`` and never yielding an id twice.

    Counters: ``skipped`` (already done), ``ignored`` (WARC records that are not HTML pages)."""

    def __init__(self, paths: Iterable[str], *, done: Container[str] = frozenset(),
                 max_bytes: int | None = None, exclude: Iterable[str] = ()) -> None:
        self.paths = list(paths)
        self.done = done
        self.max_bytes = max_bytes
        self.skipped = 0
        self.ignored = 0
        self._exclude = {os.path.realpath(p) for p in exclude}
        self._seen: set[str] = set()
        self._containers: set[str] = set()

    def __iter__(self) -> Iterator[Item]:
        for path in _input_files(self.paths):
            yield from self._file(path)

    def survey(self) -> Survey:
        """Walk the inputs once without reading them: which page files they hold (``None`` when a
        WARC or JSON Lines file is among them: its records are not counted) and whether any is a
        WARC file. Excluded files do not count."""
        pages: set[str] | None = set()
        warc = False
        for path in _input_files(self.paths):
            if self._exclude and os.path.realpath(path) in self._exclude:
                continue
            if is_warc(path) or is_jsonl(path):
                pages = None
                warc = warc or is_warc(path)
            elif pages is not None:
                pages.add(path)
        return Survey(pages=pages, warc=warc)

    def _new(self, item_id: str) -> bool:
        """True when ``item_id`` should be processed (not seen in this run, not done before)."""
        if item_id in self._seen:
            return False
        self._seen.add(item_id)
        if item_id in self.done:
            self.skipped += 1
            return False
        return True

    def _file(self, path: str) -> Iterator[Item]:
        if self._exclude and os.path.realpath(path) in self._exclude:
            return
        if is_warc(path) or is_jsonl(path):
            if path in self._containers:  # named twice: its records are already out
                return
            self._containers.add(path)
            yield from (self._warc(path) if is_warc(path) else self._jsonl(path))
        elif self._new(path):
            yield Item(id=path, path=path)

    def _container_error(self, item_id: str, exc: BaseException) -> Iterator[Item]:
        if self._new(item_id):
            kind = "InputError" if isinstance(exc, OSError) else type(exc).__name__
            msg = f"{exc.strerror} ({exc.filename})" if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield Item(id=item_id, error=(kind, msg or type(exc).__name__))

    # --- WARC ---------------------------------------------------------------------------
    def _warc(self, path: str) -> Iterator[Item]:
        try:
            from warcio.archiveiterator import ArchiveIterator
        except ImportError:
            yield from self._container_error(path, InputError(WARC_NEEDS))
            return
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield from self._container_error(path, exc)
            return
        offset = 0
        records = None
        with fh:
            try:
                records = ArchiveIterator(fh)
                for record in records:
                    offset = records.offset  # start of this record (before its content is read)
                    item = self._warc_record(path, offset, record)
                    if item is not None:
                        yield item
                offset = records.offset  # the end of the last whole record
                fh.seek(offset)
                if fh.read(256).strip():
                    raise ValueError("not a WARC record (truncated or damaged archive)")
            except Exception as exc:  # a damaged archive: one error record where reading stopped
                offset = max(offset, getattr(records, "offset", offset))
                item_id = f"{path}#{offset}"
                if item_id in self._seen:  # the record there was yielded: name the damage apart
                    item_id += "-damaged"
                yield from self._container_error(item_id, InputError(
                    f"cannot read WARC record at offset {offset}: {type(exc).__name__}: {exc}"))

    def _warc_record(self, path: str, offset: int, record: object) -> Item | None:
        rec_headers = record.rec_headers  # type: ignore[attr-defined]
        http = record.http_headers  # type: ignore[attr-defined]
        item_id = f"{path}#{offset}"
        url = rec_headers.get_header("WARC-Target-URI")
        date = rec_headers.get_header("WARC-Date")

        def damaged(why: str) -> Item | None:
            if not self._new(item_id):
                return None
            return Item(id=item_id, url=url, warc_date=date, error=("InputError", f"WARC record {why}"))

        length = (rec_headers.get_header("Content-Length") or "").strip()
        if record.rec_type is None or not length.isdigit():  # type: ignore[attr-defined]
            return damaged("is damaged: incomplete WARC headers")
        ctype = (http.get_header("Content-Type") or "").lower() if http is not None else ""
        status = (http.get_statuscode() or "") if http is not None else ""
        if (record.rec_type != "response" or http is None  # type: ignore[attr-defined]
                or not status.startswith("2") or (ctype and not ctype.startswith(_HTML_TYPES))):
            # warcinfo, request, metadata, revisit, non-HTML or non-2xx responses: not pages
            try:
                if _truncated(record):
                    return damaged("is truncated (the archive ends inside it)")
            except Exception as exc:
                return damaged(f"cannot be read: {type(exc).__name__}: {exc}")
            self.ignored += record.rec_type == "response"  # type: ignore[attr-defined]
            return None
        if not self._new(item_id):
            return None
        limit = self.max_bytes
        try:
            data = record.content_stream().read(-1 if limit is None else limit + 1)  # type: ignore[attr-defined]
            truncated = (limit is None or len(data) <= limit) and _truncated(record)
        except Exception as exc:  # bad chunking or content encoding, a damaged gzip member...
            return Item(id=item_id, url=url, warc_date=date, error=(
                "InputError", f"WARC record cannot be read: {type(exc).__name__}: {exc}"))
        if limit is not None and len(data) > limit:
            return Item(id=item_id, url=url, warc_date=date, error=(
                "InputError", f"page of more than {limit} bytes is over the limit of {limit} bytes"))
        if truncated:
            return Item(id=item_id, url=url, warc_date=date, error=(
                "InputError", "WARC record is truncated (the archive ends inside it)"))
        charset = None
        if "charset=" in ctype:
            charset = ctype.split("charset=", 1)[1].split(";")[0].strip().strip("'\"") or None
        return Item(id=item_id, data=data, url=url, kind="html", charset=charset, warc_date=date)

    # --- JSON Lines ---------------------------------------------------------------------
    def _jsonl(self, path: str) -> Iterator[Item]:
        try:
            fh = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")
        except OSError as exc:
            yield from self._container_error(path, exc)
            return
        limit = None if self.max_bytes is None else self.max_bytes + JSONL_SLACK
        lineno = 0
        with fh:
            try:
                for lineno, line, too_long in _lines(fh, limit):
                    item_id = f"{path}:{lineno}"
                    if not too_long and not line.strip():
                        continue
                    if not self._new(item_id):
                        continue
                    if too_long:
                        yield Item(id=item_id, error=("InputError", f"line {lineno} is over the limit of "
                                                      f"{self.max_bytes} bytes (--max-bytes)"))
                    else:  # parsed by the worker (resolve_item): keeps the driver's CPU for feeding workers
                        yield Item(id=item_id, jsonl=line)
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                yield from self._container_error(f"{path}:{lineno + 1}", exc)


def _truncated(record: object) -> bool:
    """True when the archive ended before the record's declared length (after its content was read)."""
    raw = record.raw_stream  # type: ignore[attr-defined]
    left = getattr(raw, "limit", 0) or 0
    while left > 0:
        got = len(raw.read(min(left, 1 << 20)))
        if not got:
            return True
        left -= got
    return False


class _ReadsLines(Protocol):
    """An open binary file, plain or gzip."""

    def readline(self, size: int = -1, /) -> bytes: ...


def _lines(fh: _ReadsLines, limit: int | None) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, too long) for each line; a too-long line is skipped, not kept."""
    lineno = 0
    while True:
        line = fh.readline() if limit is None else fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if limit is not None and len(line) > limit and not line.endswith(b"\n"):
            while True:  # drop the rest of the line without holding it
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, b"", True
        else:
            yield lineno, line, False


def resolve_item(item: Item) -> Item:
    """The item with its JSON Lines record parsed (url, kind, data or an error); others unchanged."""
    return _jsonl_item(item.id, item.jsonl) if item.jsonl is not None else item


def _jsonl_item(item_id: str, line: bytes) -> Item:
    try:
        rec = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return Item(id=item_id, error=("InputError", f"not valid JSON: {exc}"))
    if not isinstance(rec, dict):
        return Item(id=item_id, error=("InputError", "a JSON Lines record must be an object"))
    url = rec.get("url")
    url = url if isinstance(url, str) else None
    for key in ("html", "text"):
        value = rec.get(key)
        if isinstance(value, str):
            return Item(id=item_id, data=value, url=url, kind=key)
    return Item(id=item_id, url=url, error=("InputError", 'record has no "html" or "text" string'))
