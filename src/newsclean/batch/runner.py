"""Run a pipeline over many items on an executor and write one record per item.

* The default executor is a process pool (``jobs`` workers, default all cores); any
  ``concurrent.futures.Executor``-like object (``submit(fn, *args) -> Future``) can be passed.
  The pipeline is pickled to the workers with each task; workers return finished JSON lines.
* The per-page time limit is enforced inside the worker: with ``setitimer`` where the task runs
  on a process's main thread (the process pool), with a timer thread elsewhere (Dask workers,
  thread pools); a page over the limit becomes a :class:`PageTimeoutError` record. Code stuck in C, which the timer cannot interrupt,
  is caught by a watchdog on pools this module owns: the workers are killed and the tasks that
  were in flight are retried one at a time, so only the page at fault gets an error record.
* One bad page never stops a run and never disappears: every item gets exactly one record.
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import copy
import os
import signal
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from newsclean.errors import NewscleanError
from newsclean.pipeline import Pipeline

from newsclean.batch.sinks import Sink, article_line, error_line
from newsclean.batch.sources import Item, resolve_item


class PageTimeoutError(NewscleanError):
    """A page took longer than the per-page time limit."""


class WorkerCrashError(NewscleanError):
    """The worker process died (or hung beyond the limit in native code) on this page."""


# --- the worker side ------------------------------------------------------------------------
def _on_alarm(signum: int, frame: Any) -> None:
    raise PageTimeoutError("page took longer than the time limit")


def _raise_in_thread(thread_id: int, exc_type: type) -> None:
    """Raise ``exc_type`` asynchronously in another thread (at its next bytecode)."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc_type))


class _TimeLimit:
    """Raise PageTimeoutError in this thread after ``seconds``.

    On a process's main thread (the process pool) with ``setitimer``; on any other thread (a Dask
    worker's task threads, a thread pool) with a timer thread that raises the error asynchronously in
    the task's thread. Either way the error arrives between two Python bytecodes: code stuck inside
    one C call is caught only by the watchdog of the pools this module owns."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.armed = False
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def __enter__(self) -> "_TimeLimit":
        if not (self.seconds and self.seconds > 0):
            return self
        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        else:
            target = threading.get_ident()

            def fire() -> None:
                with self.lock:
                    if self.timer is not None:
                        _raise_in_thread(target, PageTimeoutError)

            self.timer = threading.Timer(self.seconds, fire)
            self.timer.daemon = True
            self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
            self.armed = False
        if self.timer is not None:
            with self.lock:  # after this no async error can be scheduled; one already pending fires here
                timer, self.timer = self.timer, None
            timer.cancel()


def _page_input(item: Item) -> object:
    """What to hand to Pipeline.extract: a Path for files, else the data (decoded by the HTTP
    charset of a WARC response when it has one and no byte-order mark)."""
    if item.path is not None:
        from pathlib import Path

        return Path(item.path)
    data = item.data
    if isinstance(data, bytes) and item.charset and not data.startswith(
            (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        import codecs

        try:
            name = codecs.lookup(item.charset).name
        except LookupError:
            return data
        if name in ("latin-1", "iso8859-1", "ascii"):
            name = "cp1252"  # what browsers do with these labels
        if not name.startswith(("utf-16", "utf-32")):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                return data  # the header lied: let the loader detect
    return data


def process_item(pipeline: Pipeline, item: Item, timeout: float | None = None,
                 kind: str | None = None) -> tuple[str, bool, bytes]:
    """Extract one item; return ``(id, ok, JSON line)``. Never raises for a bad page."""
    start = time.perf_counter()
    item = resolve_item(item)
    if item.error is not None:
        return item.id, False, error_line(item.id, item.url, item.warc_date, *item.error)
    try:
        with _TimeLimit(timeout):
            article = pipeline.extract(_page_input(item), url=item.url, kind=item.kind or kind)
            ms = (time.perf_counter() - start) * 1000
            return item.id, True, article_line(item.id, item.url, item.warc_date, article, ms)
    except PageTimeoutError:
        message = f"page took longer than the {timeout:g} s limit (--timeout)"
        err: tuple[str, str] = ("PageTimeoutError", message)
    except RecursionError:
        err = ("StageError", "page nested too deeply")
    except Exception as exc:  # NewscleanError, or a bug: either way an error record
        err = (type(exc).__name__, str(exc) or type(exc).__name__)
    ms = (time.perf_counter() - start) * 1000
    return item.id, False, error_line(item.id, item.url, item.warc_date, err[0], err[1], ms)


# --- the driver side ------------------------------------------------------------------------
def default_jobs() -> int:
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1  # type: ignore[attr-defined]
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class InlineExecutor(cf.Executor):
    """Run each task at once in the calling thread (debugging, tests, tiny jobs)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future:
        fut: cf.Future = cf.Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            fut.set_exception(exc)
        return fut


@dataclass
class Stats:
    ok: int = 0
    errors: int = 0
    skipped: int = 0      # already in the output (resume)
    ignored: int = 0      # WARC records that are not HTML pages
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
        return cf.ProcessPoolExecutor(max_workers=self.jobs, initializer=_worker_init)

    def _stall_limit(self) -> float | None:
        return None if self.timeout is None else self.timeout + self.grace

    def run(self, items: Iterable[Item], sink: Sink, stats: Stats | None = None,
            progress: Callable[[Stats], None] | None = None) -> Stats:
        stats = stats or Stats()
        own = self.executor is None
        executor = self._new_pool() if own else self.executor
        pending: dict[cf.Future, Item] = {}
        isolate: collections.deque[Item] = collections.deque()  # retried alone after a pool crash
        isolated: set[str] = set()
        hung: set[str] = set()  # in flight when the watchdog killed the workers
        source = iter(items)
        exhausted = False
        last_done = time.monotonic()
        completed = False

        def record(ok: bool, line: bytes) -> None:
            sink.write(line)
            if ok:
                stats.ok += 1
            else:
                stats.errors += 1

        def crashed(item: Item) -> None:
            if item.id in hung:
                kind, msg = "PageTimeoutError", f"page hung beyond the {self.timeout:g} s limit; worker killed"
            else:
                kind, msg = "WorkerCrashError", "the worker process died on this page"
            record(False, error_line(item.id, item.url, item.warc_date, kind, msg))

        try:
            while True:
                if isolate:
                    if not pending:
                        item = isolate.popleft()
                        isolated.add(item.id)
                        pending[self._submit(executor, item)] = item
                elif (not exhausted and len(pending) < self.max_in_flight
                      and not any(i.id in isolated for i in pending.values())):  # a retry runs alone
                    exhausted = self._fill(source, executor, pending, record)
                if not pending:
                    if exhausted and not isolate:
                        break
                    continue
                done, _ = cf.wait(pending, timeout=0.2, return_when=cf.FIRST_COMPLETED)
                now = time.monotonic()
                broken: list[Item] = []
                for fut in done:
                    item = pending.pop(fut)
                    last_done = now
                    exc = fut.exception()
                    if exc is not None and not isinstance(exc, Exception):
                        raise exc  # KeyboardInterrupt, SystemExit in a worker: not the page's fault
                    if exc is None:
                        _, ok, line = fut.result()
                        record(ok, line)
                    elif own and isinstance(exc, BrokenProcessPool):
                        if item.id in isolated:
                            crashed(item)
                        else:
                            broken.append(item)
                    else:
                        kind = "WorkerCrashError" if isinstance(exc, BrokenProcessPool) else type(exc).__name__
                        record(False, error_line(item.id, item.url, item.warc_date, kind, str(exc) or kind))
                if broken or (own and _is_broken(executor)):
                    # the pool is dead: every task in flight failed with it; retry each alone
                    for item in list(pending.values()):
                        (crashed(item) if item.id in isolated else broken.append(item))
                    pending.clear()
                    isolate.extend(broken)
                    executor.shutdown(wait=True, cancel_futures=True)  # no stray threads at fork
                    executor = self._new_pool()
                    _check_pool(executor)
                    last_done = time.monotonic()
                limit = self._stall_limit()
                if own and pending and limit is not None and now - last_done > limit:
                    hung.update(item.id for item in pending.values())
                    _kill_workers(executor)  # stuck where the in-worker timer cannot reach
                    last_done = now
                if progress is not None:
                    progress(stats)
            completed = True
        finally:
            stats.finished = time.monotonic()
            if own:
                if not completed:  # interrupted or failed: do not wait for pages in flight
                    _kill_workers(executor)
                executor.shutdown(wait=completed, cancel_futures=True)
        return stats

    def _submit(self, executor: Any, item: Item) -> cf.Future:
        try:
            return executor.submit(process_item, self.pipeline, item, self.timeout, self.kind)
        except BrokenProcessPool as exc:  # the pool died between two submissions: handled like a
            failed: cf.Future = cf.Future()  # task that failed with it (retried on a fresh pool)
            failed.set_exception(exc)
            return failed

    def _fill(self, source: Any, executor: Any, pending: dict, record: Callable[[bool, bytes], None]) -> bool:
        """Submit items until ``max_in_flight`` are pending; True when the source is exhausted."""
        while len(pending) < self.max_in_flight:
            item = next(source, None)
            if item is None:
                return True
            if item.error is not None:
                record(False, error_line(item.id, item.url, item.warc_date, *item.error))
                continue
            pending[self._submit(executor, item)] = item
        return False


def _ping() -> bool:
    return True


def _check_pool(executor: cf.ProcessPoolExecutor, wait: float = 60.0) -> None:
    """After a crash, make sure a fresh pool works at all before blaming pages for crashes."""
    try:
        executor.submit(_ping).result(timeout=wait)
    except Exception as exc:
        executor.shutdown(wait=False, cancel_futures=True)
        raise WorkerCrashError(f"worker processes cannot run ({type(exc).__name__}: {exc}); "
                               "the run stopped and can be resumed") from exc


def _worker_init() -> None:
    """Workers leave Ctrl-C to the driver, which stops the run (it can be resumed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _is_broken(executor: Any) -> bool:
    return bool(getattr(executor, "_broken", False))


def _kill_workers(executor: Any) -> None:
    kill = getattr(executor, "kill_workers", None)  # Python 3.14+
    if callable(kill):
        kill()
        return
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        try:
            proc.kill()
        except Exception:  # already gone
            pass
