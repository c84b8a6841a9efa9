"""Resuming a batch run: read the existing output, repair an incomplete last line, and collect
the ids already written (page records and error records alike) so they are skipped.
With ``retry_errors`` the error records are first taken out of the output (see
:meth:`newsclean.batch.sinks.JsonlSink.rewrite`), so those pages run again and still appear once.

Records are written one whole line per ``write`` (see :mod:`newsclean.batch.sinks`), so after a
crash only the last line can be incomplete: it has no final newline. Repair cuts the file back
to the end of the last complete line; the page it belonged to is simply processed again.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclean.batch.sinks import JsonlSink

_ID_PREFIX = b'{"id": "'
_decoder = json.JSONDecoder()


@dataclass
class ResumeState:
    """What an existing output holds: ``done`` ids, how many bytes of a torn last line were cut,
    and how many lines had no readable id (``foreign``: the file is not only newsclean output)."""

    done: set[str] = field(default_factory=set)
    records: int = 0
    errors: int = 0
    repaired_bytes: int = 0
    foreign: int = 0
    retried: int = 0  # error records taken out of the output to run their pages again
    error_ids: set[str] = field(default_factory=set)


def repair_tail(path: str, chunk: int = 1 << 16) -> int:
    """Cut everything after the last newline of ``path``; return how many bytes were cut."""
    with open(path, "r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - chunk)
            fh.seek(start)
            block = fh.read(end - start)
            nl = block.rfind(b"\n")
            if nl >= 0:
                keep = start + nl + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            fh.truncate(keep)
            fh.flush()
            os.fsync(fh.fileno())
        return size - keep


def _record_id(line: bytes) -> tuple[str | None, bool]:
    """(id, is an error record) of one output line, parsing as little as possible."""
    if line.startswith(_ID_PREFIX):
        try:
            text = line.decode("utf-8")
            item_id, end = _decoder.raw_decode(text, len(_ID_PREFIX) - 1)
        except ValueError:
            item_id, text, end = None, "", 0
        if isinstance(item_id, str):
            return item_id, '"error": {"type": ' in text[end:]
    try:
        rec = json.loads(line)
    except ValueError:
        return None, False
    if isinstance(rec, dict) and isinstance(rec.get("id"), str):
        return rec["id"], "error" in rec
    return None, False


def load_state(path: str, *, repair: bool = True) -> ResumeState:
    """Read an existing output (missing file: empty state), repairing its tail first."""
    state = ResumeState()
    if path == "-" or not os.path.exists(path):
        return state
    if repair:
        state.repaired_bytes = repair_tail(path)
    with open(path, "rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            item_id, is_error = _record_id(line)
            if item_id is None:
                state.foreign += 1
                continue
            state.done.add(item_id)
            state.records += 1
            if is_error:
                state.errors += 1
                state.error_ids.add(item_id)
    return state


def is_error_record(line: bytes) -> bool:
    """True for an error record of the output (a line with an id and an ``error`` field)."""
    item_id, is_error = _record_id(line)
    return item_id is not None and is_error


def drop_errors(state: ResumeState, sink: JsonlSink) -> ResumeState:
    """Take the error records out of the output behind ``sink`` (a locked JsonlSink) so their pages
    run again; return the state without them."""
    if not state.errors:
        return state
    dropped = sink.rewrite(lambda line: not is_error_record(line))
    state.done -= state.error_ids
    state.records -= dropped
    state.retried, state.errors = dropped, 0
    state.error_ids = set()
    return state
