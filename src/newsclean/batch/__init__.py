"""Batch extraction: many inputs (files, directories, globs, WARC, JSON Lines) to JSON Lines.

>>> from newsclean.batch import run_batch
>>> stats = run_batch(["pages/", "crawl.warc.gz"], "out.jsonl", jobs=4, timeout=30)
>>> stats.ok, stats.errors, stats.skipped

Re-running the same call after a crash resumes: ids already in the output are skipped, a torn
last line is repaired, and every input ends up in the output exactly once. With
``retry_errors=True`` the pages whose records are errors run again (their old records go).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from newsclean.batch.resume import ResumeState, drop_errors, load_state, repair_tail
from newsclean.batch.runner import InlineExecutor, PageTimeoutError, Runner, Stats, WorkerCrashError, process_item
from newsclean.batch.sinks import JsonlSink, ListSink
from newsclean.batch.sources import WARC_NEEDS, Item, Sources, resolve_inputs, warc_support
from newsclean.errors import ConfigError
from newsclean.load.decode import DEFAULT_MAX_BYTES
from newsclean.pipeline import Pipeline


def run_batch(inputs: Iterable[str], output: str, *, pipeline: Pipeline | None = None,
              jobs: int | None = None, executor: Any = None, timeout: float | None = 60.0,
              max_bytes: int | None = None, kind: str | None = None, resume: bool = True,
              progress: Callable[[Stats], None] | None = None, stdin: Any = None,
              on_resume: Callable[[ResumeState], None] | None = None,
              learn_templates: bool = False, template_options: Any = None, exporter: Any = None,
              retry_errors: bool = False) -> Stats:
    """Extract every page of ``inputs`` into the JSON Lines file ``output`` (``-``: stdout).

    ``executor``: any ``concurrent.futures.Executor``-like object; default a process pool of
    ``jobs`` workers. ``resume=False`` starts the output afresh; ``retry_errors=True`` runs the
    pages whose records in it are errors again. ``learn_templates=True`` first learns each host's
    recurring blocks from the run's own pages (newsclean.batch.templates) and drops them from every
    page of that host. Raises InputError for missing inputs or an unwritable output, ConfigError for
    a WARC input without warcio, before any page is processed. ``exporter`` (newsclean.batch.export)
    also writes each record elsewhere (page files, Parquet); ``output`` is then its journal.
    ``Stats.total`` is the number of pages to process when the inputs are page files only."""
    limit = max_bytes if max_bytes is not None else (
        pipeline.max_bytes if pipeline is not None else DEFAULT_MAX_BYTES)
    paths = resolve_inputs(inputs, stdin=stdin)
    exclude = [output] if output != "-" else []
    survey = Sources(paths, exclude=exclude).survey()
    if survey.warc and not warc_support():
        raise ConfigError(WARC_NEEDS)
    with JsonlSink(output, truncate=not resume) as sink:  # locked before the output is read
        state = load_state(output) if resume else ResumeState()
        if retry_errors:
            state = drop_errors(state, sink)
        if on_resume is not None:
            on_resume(state)
        sources = Sources(paths, done=state.done, max_bytes=limit, exclude=exclude)
        stats = Stats(total=survey.to_do(state.done), errors_before=state.errors)
        survey.pages = None  # the paths are not needed any more
        if learn_templates:
            pipeline = _with_templates(pipeline, paths, executor, jobs, limit, template_options)
        runner = Runner(pipeline, jobs=jobs, executor=executor, timeout=timeout, max_bytes=max_bytes,
                        kind=kind)

        def report(s: Stats) -> None:
            s.skipped, s.ignored = sources.skipped, sources.ignored
            if progress is not None:
                progress(s)

        if exporter is not None:
            from newsclean.batch.export import ExportingSink

            runner.run(sources, ExportingSink(sink, exporter), stats, progress=report)
        else:
            runner.run(sources, sink, stats, progress=report)
        stats.skipped, stats.ignored = sources.skipped, sources.ignored
    if exporter is not None:
        exporter.finish(output)
    return stats


def _with_templates(pipeline: Pipeline | None, paths: list[str], executor: Any, jobs: int | None,
                    limit: int, options: Any) -> Pipeline:
    from newsclean.batch.runner import default_jobs, own_pool
    from newsclean.batch.templates import TemplateOptions, learn_templates, merge_rules

    pipeline = pipeline or Pipeline()
    items = Sources(paths, max_bytes=limit)
    opts = options or TemplateOptions()
    if executor is not None:
        learned = learn_templates(items, executor, max_bytes=limit, options=opts)
    else:
        with own_pool(jobs or default_jobs()) as pool:
            learned = learn_templates(items, pool, max_bytes=limit, options=opts)
    if not learned:
        return pipeline
    if "site_rules" in pipeline.names:
        rules = merge_rules(pipeline.get("site_rules").options.rules, learned)
        return copy_pipeline(pipeline).replace("site_rules", "site_rules", options={"rules": rules})
    return copy_pipeline(pipeline).add("site_rules", options={"rules": learned})


def copy_pipeline(pipeline: Pipeline) -> Pipeline:
    """A new pipeline with the same stage objects (stages hold no state), editable on its own."""
    return Pipeline(pipeline.stages, max_bytes=pipeline.max_bytes, max_blocks=pipeline.max_blocks)


__all__ = [
    "InlineExecutor",
    "Item",
    "JsonlSink",
    "ListSink",
    "PageTimeoutError",
    "ResumeState",
    "Runner",
    "Sources",
    "Stats",
    "WorkerCrashError",
    "load_state",
    "process_item",
    "repair_tail",
    "resolve_inputs",
    "run_batch",
]
