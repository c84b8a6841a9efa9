"""Batch extraction: many inputs (files, directories, globs, WARC, JSON Lines) to JSON Lines.

>>> from newsclean.batch import run_batch
>>> stats = run_batch(["pages/", "crawl.warc.gz"], "out.jsonl", jobs=4, timeout=30)
>>> stats.ok, stats.errors, stats.skipped

Re-running the same call after a crash resumes: ids already in the output are skipped, a torn
last line is repaired, and every input ends up in the output exactly once.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from newsclean.batch.resume import ResumeState, load_state, repair_tail
from newsclean.batch.runner import (InlineExecutor, PageTimeoutError, Runner, Stats, WorkerCrashError,
                                    process_item)
from newsclean.batch.sinks import JsonlSink, ListSink
from newsclean.batch.sources import Item, Sources, resolve_inputs
from newsclean.load.decode import DEFAULT_MAX_BYTES
from newsclean.pipeline import Pipeline


def run_batch(inputs: Iterable[str], output: str, *, pipeline: Pipeline | None = None,
              jobs: int | None = None, executor: Any = None, timeout: float | None = 60.0,
              max_bytes: int | None = None, kind: str | None = None, resume: bool = True,
              progress: Callable[[Stats], None] | None = None, stdin: Any = None,
              on_resume: Callable[[ResumeState], None] | None = None) -> Stats:
    """Extract every page of ``inputs`` into the JSON Lines file ``output`` (``-``: stdout).

    ``executor``: any ``concurrent.futures.Executor``-like object; default a process pool of
    ``jobs`` workers. ``resume=False`` starts the output afresh. Raises InputError for missing
    inputs or an unwritable output before any page is processed."""
    limit = max_bytes if max_bytes is not None else (
        pipeline.max_bytes if pipeline is not None else DEFAULT_MAX_BYTES)
    paths = resolve_inputs(inputs, stdin=stdin)
    with JsonlSink(output, truncate=not resume) as sink:  # locked before the output is read
        state = load_state(output) if resume else ResumeState()
        if on_resume is not None:
            on_resume(state)
        sources = Sources(paths, done=state.done, max_bytes=limit,
                          exclude=[output] if output != "-" else [])
        runner = Runner(pipeline, jobs=jobs, executor=executor, timeout=timeout, max_bytes=max_bytes,
                        kind=kind)
        stats = Stats()

        def report(s: Stats) -> None:
            s.skipped, s.ignored = sources.skipped, sources.ignored
            if progress is not None:
                progress(s)

        runner.run(sources, sink, stats, progress=report)
        stats.skipped, stats.ignored = sources.skipped, sources.ignored
    return stats


__all__ = [
    "run_batch", "Runner", "Stats", "Item", "Sources", "resolve_inputs", "JsonlSink", "ListSink",
    "ResumeState", "load_state", "repair_tail", "InlineExecutor", "PageTimeoutError",
    "WorkerCrashError", "process_item",
]
