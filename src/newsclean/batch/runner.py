"""Run a pipeline over many items on an executor and write one record per item.

* The default executor is a process pool (``jobs`` workers, default all cores); any
  ``concurrent.futures.Executor``-like object (``submit(fn, *args) -> Future``) can be passed.
  The pipeline is pickled to the workers with each task; workers return finished JSON lines
  (:mod:`newsclean.batch.worker`).
* The per-page time limit is enforced inside the worker. Code stuck in C, which the timer cannot
  interrupt, is caught by a watchdog on pools this module owns: the workers are killed and the tasks
  that were in flight are retried one at a time, so only the page at fault gets an error record.
* The workers of an own pool die with the driver (see :func:`newsclean.batch.worker.worker_init`).
* One bad page never stops a run and never disappears: every item gets exactly one record.
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import copy
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from newsclean.batch.sinks import Sink, error_line
from newsclean.batch.sources import Item
from newsclean.batch.worker import PageTimeoutError, _page_input, process_item, worker_init
from newsclean.errors import NewscleanError
from newsclean.pipeline import Pipeline

__all__ = [
    "InlineExecutor",
    "PageTimeoutError",
    "Runner",
    "Stats",
    "WorkerCrashError",
    "_page_input",
    "default_jobs",
    "own_pool",
    "process_item",
]

#: how long the driver waits for a finished page before looking at the pool again (seconds)
POLL_SECONDS = 0.2


class WorkerCrashError(NewscleanError):
    """The worker process died (or hung beyond the limit in native code) on this page."""


def default_jobs() -> int:
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class InlineExecutor(cf.Executor):
    """Run each task at once in the calling thread (debugging, tests, tiny jobs)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future:
        fut: cf.Future = cf.Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            fut.set_exception(exc)
        return fut


@dataclass
class Stats:
    ok: int = 0
    errors: int = 0
    skipped: int = 0      # already in the output (resume)
    ignored: int = 0      # WARC records that are not HTML pages
    total: int | None = None  # pages this run has to process, when the inputs could be counted
    errors_before: int = 0    # error records already in the output when the run resumed
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def pages(self) -> int:
        return self.ok + self.errors

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate, when the total is known and a page has finished."""
        if self.total is None or self.pages == 0 or self.rate <= 0:
            return None
        return max(0, self.total - self.pages) / self.rate


# --- the pools this module owns -------------------------------------------------------------------
class _TrackingContext:
    """A multiprocessing context that remembers the processes it starts, so the pool's workers can
    be killed through the public ``Process`` API (no private attributes of the executor)."""

    def __init__(self, base: Any) -> None:
        self._base = base
        self.processes: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._base, name)

    def Process(self, *args: Any, **kwargs: Any) -> Any:
        proc = self._base.Process(*args, **kwargs)
        self.processes.append(proc)
        return proc


class OwnPool(cf.ProcessPoolExecutor):
    """A process pool whose workers die with the driver and can be killed at once."""

    def __init__(self, jobs: int, *, parent_death_signal: bool = True) -> None:
        base = multiprocessing.get_context()
        self.context = _TrackingContext(base)
        parent = os.getpid() if base.get_start_method() == "fork" else None  # else a forkserver / spawn
        super().__init__(max_workers=jobs, mp_context=self.context,  # type: ignore[call-overload]
                         initializer=worker_init, initargs=(parent, parent_death_signal))

    def worker_pids(self) -> list[int]:
        return [p.pid for p in self.context.processes if p.pid is not None and p.is_alive()]

    def kill_workers(self) -> None:
        for proc in self.context.processes:
            try:
                proc.kill()
            except (OSError, ValueError, AttributeError):  # already gone, or never started
                pass


def own_pool(jobs: int) -> OwnPool:
    """A process pool of ``jobs`` workers set up like the batch's own (for other passes of a run)."""
    return OwnPool(jobs)


def _ping() -> bool:
    return True


def _check_pool(executor: cf.Executor, wait: float = 60.0) -> None:
    """After a crash, make sure a fresh pool works at all before blaming pages for crashes."""
    try:
        executor.submit(_ping).result(timeout=wait)
    except Exception as exc:
        executor.shutdown(wait=False, cancel_futures=True)
        raise WorkerCrashError(f"worker processes cannot run ({type(exc).__name__}: {exc}); "
                               "the run stopped and can be resumed") from exc


def _kill_workers(executor: Any) -> None:
    kill = getattr(executor, "kill_workers", None)  # OwnPool; ProcessPoolExecutor on Python 3.14+
    if callable(kill):
        kill()


# --- the driver -----------------------------------------------------------------------------------
class Runner:
    """Drive items through ``executor`` (or an own process pool of ``jobs`` workers) into ``sink``."""

    def __init__(self, pipeline: Pipeline | None = None, *, jobs: int | None = None,
                 executor: Any = None, timeout: float | None = 60.0, max_bytes: int | None = None,
                 kind: str | None = None, max_in_flight: int | None = None,
                 grace: float = 10.0) -> None:
        pipeline = pipeline if pipeline is not None else Pipeline()
        if max_bytes is not None:
            pipeline = copy.copy(pipeline)  # a shallow copy: only max_bytes differs
            pipeline.max_bytes = max_bytes
        self.pipeline = pipeline
        self.jobs = jobs or default_jobs()
        self.executor = executor
        self.timeout = timeout if timeout and timeout > 0 else None
        self.kind = kind
        self.max_in_flight = max_in_flight or max(4, self.jobs * 3)
        self.grace = grace

    # the pool this runner owns (None when an executor was passed in)
    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return OwnPool(self.jobs)

    def _stall_limit(self) -> float | None:
        return None if self.timeout is None else self.timeout + self.grace

    def run(self, items: Iterable[Item], sink: Sink, stats: Stats | None = None,
            progress: Callable[[Stats], None] | None = None) -> Stats:
        stats = stats or Stats()
        run = _Run(self, sink, stats, iter(items))
        try:
            run.drive(progress)
        finally:
            stats.finished = time.monotonic()
            run.close()
        return stats

    def _submit(self, executor: Any, item: Item) -> cf.Future:
        try:
            return executor.submit(process_item, self.pipeline, item, self.timeout, self.kind)
        except BrokenProcessPool as exc:  # the pool died between two submissions: handled like a
            failed: cf.Future = cf.Future()  # task that failed with it (retried on a fresh pool)
            failed.set_exception(exc)
            return failed


class _Run:
    """One run of a Runner: what is in flight, what must be retried alone, and the pool."""

    def __init__(self, runner: Runner, sink: Sink, stats: Stats, source: Iterator[Item]) -> None:
        self.runner, self.sink, self.stats, self.source = runner, sink, stats, source
        self.own = runner.executor is None
        self.executor = runner._new_pool() if self.own else runner.executor
        self.pending: dict[cf.Future, Item] = {}
        self.isolate: collections.deque[Item] = collections.deque()  # retried alone after a pool crash
        self.isolated: set[str] = set()
        self.hung: set[str] = set()  # in flight when the watchdog killed the workers
        self.exhausted = False
        self.completed = False
        self.last_done = time.monotonic()

    def drive(self, progress: Callable[[Stats], None] | None) -> None:
        while True:
            self.feed()
            if not self.pending:
                if self.exhausted and not self.isolate:
                    break
                continue
            done, _ = cf.wait(self.pending, timeout=POLL_SECONDS, return_when=cf.FIRST_COMPLETED)
            now = time.monotonic()
            broken = self.collect(done, now)
            if broken:
                self.restart_pool(broken)
            self.watchdog(now)
            if progress is not None:
                progress(self.stats)
        self.completed = True

    def close(self) -> None:
        if self.own:
            if not self.completed:  # interrupted or failed: do not wait for pages in flight
                _kill_workers(self.executor)
            self.executor.shutdown(wait=self.completed, cancel_futures=True)

    def record(self, ok: bool, line: bytes) -> None:
        self.sink.write(line)
        if ok:
            self.stats.ok += 1
        else:
            self.stats.errors += 1

    def crashed(self, item: Item) -> None:
        if item.id in self.hung:
            kind, msg = "PageTimeoutError", f"page hung beyond the {self.runner.timeout:g} s limit; worker killed"
        else:
            kind, msg = "WorkerCrashError", "the worker process died on this page"
        self.record(False, error_line(item.id, item.url, item.warc_date, kind, msg))

    def feed(self) -> None:
        """Submit work: the next page to retry alone, else new pages up to the in-flight limit."""
        if self.isolate:
            if not self.pending:
                item = self.isolate.popleft()
                self.isolated.add(item.id)
                self.pending[self.runner._submit(self.executor, item)] = item
        elif (not self.exhausted and len(self.pending) < self.runner.max_in_flight
              and not any(i.id in self.isolated for i in self.pending.values())):  # a retry runs alone
            self.exhausted = self.fill()

    def fill(self) -> bool:
        """Submit items until ``max_in_flight`` are pending; True when the source is exhausted."""
        while len(self.pending) < self.runner.max_in_flight:
            item = next(self.source, None)
            if item is None:
                return True
            if item.error is not None:
                self.record(False, error_line(item.id, item.url, item.warc_date, *item.error))
                continue
            self.pending[self.runner._submit(self.executor, item)] = item
        return False

    def collect(self, done: set[cf.Future], now: float) -> list[Item]:
        """Write the records of finished tasks; return the items whose task died with the pool."""
        broken: list[Item] = []
        for fut in done:
            item = self.pending.pop(fut)
            self.last_done = now
            exc = fut.exception()
            if exc is not None and not isinstance(exc, Exception):
                raise exc  # KeyboardInterrupt, SystemExit in a worker: not the page's fault
            if exc is None:
                _, ok, line = fut.result()
                self.record(ok, line)
            elif self.own and isinstance(exc, BrokenProcessPool):
                (self.crashed(item) if item.id in self.isolated else broken.append(item))
            else:
                kind = "WorkerCrashError" if isinstance(exc, BrokenProcessPool) else type(exc).__name__
                self.record(False, error_line(item.id, item.url, item.warc_date, kind, str(exc) or kind))
        return broken

    def restart_pool(self, broken: list[Item]) -> None:
        """The pool is dead: every task in flight failed with it; retry each alone on a fresh pool."""
        for item in list(self.pending.values()):
            (self.crashed(item) if item.id in self.isolated else broken.append(item))
        self.pending.clear()
        self.isolate.extend(broken)
        self.executor.shutdown(wait=True, cancel_futures=True)  # no stray threads at fork
        self.executor = self.runner._new_pool()
        _check_pool(self.executor)
        self.last_done = time.monotonic()

    def watchdog(self, now: float) -> None:
        """Kill the workers when nothing finished for longer than the time limit allows: a page is
        stuck where the in-worker timer cannot reach (the pool then breaks and is restarted)."""
        limit = self.runner._stall_limit()
        if self.own and self.pending and limit is not None and now - self.last_done > limit:
            self.hung.update(item.id for item in self.pending.values())
            _kill_workers(self.executor)
            self.last_done = now
