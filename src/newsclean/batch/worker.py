"""The worker side of a batch: extract one item into one JSON line, within a time limit, and never
outlive the driver.

* :func:`process_item` never raises for a bad page: every item gets a page record or an error record.
* The per-page time limit is enforced inside the worker: with ``setitimer`` where the task runs on a
  process's main thread (the process pool), with a timer thread elsewhere (Dask workers, thread pools).
* :func:`worker_init` (the initializer of the pools the batch owns) ties each worker's life to the
  driver: a parent-death signal on Linux (``prctl(PR_SET_PDEATHSIG)``) and, where that is not
  available, a thread that watches the parent pid. It also closes the driver's output file
  descriptors inherited through ``fork``, so the output's lock is held by the driver alone.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from typing import Any

from newsclean.batch.sinks import article_line, close_inherited_outputs, error_line, skip_line
from newsclean.batch.sources import Item, read_page_file, resolve_item
from newsclean.errors import NewscleanError, PageTypeSkipped
from newsclean.load.decode import decode_as_declared
from newsclean.pipeline import Pipeline

#: how often the fallback watch thread checks that the driver is still the parent (seconds): a
#: worker outlives a killed driver by at most this much
PARENT_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class PageTimeoutError(NewscleanError):
    """A page took longer than the per-page time limit."""


# --- the worker's life --------------------------------------------------------------------------
def worker_init(driver_pid: int | None = None, parent_death_signal: bool = True) -> None:
    """Initializer of the batch's own worker processes.

    Ctrl-C and SIGTERM are left to the driver (which stops the run and kills the workers); the
    driver's output descriptors are closed; the worker exits when its parent dies, however it dies.
    ``driver_pid``: the parent to expect (workers forked by the driver), else the parent at start
    (a forkserver, which itself exits with the driver). ``parent_death_signal=False`` uses the
    portable watch thread only (for tests)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # sent to the whole group: the driver stops the run
    close_inherited_outputs()
    parent = driver_pid or os.getppid()
    if not (parent_death_signal and _set_parent_death_signal()):
        _start_parent_watch(parent)
    if os.getppid() != parent:  # the driver died before the signal was armed
        os._exit(1)


def _set_parent_death_signal() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _start_parent_watch(driver_pid: int, every: float = PARENT_POLL_SECONDS) -> threading.Thread:
    """A daemon thread that ends the process as soon as its parent is no longer ``driver_pid``
    (an orphan is re-parented to init or a subreaper)."""

    def watch() -> None:
        if hasattr(signal, "pthread_sigmask"):  # leave every signal (SIGALRM: the time limit) to the main thread
            signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals))
        while os.getppid() == driver_pid:
            time.sleep(every)
        os._exit(1)

    thread = threading.Thread(target=watch, name="newsclean-parent-watch", daemon=True)
    thread.start()
    return thread


# --- one page ----------------------------------------------------------------------------------
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
    one C call is caught only by the watchdog of the pools the batch owns."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.armed = False
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def __enter__(self) -> _TimeLimit:
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


def _page_input(item: Item, max_bytes: int | None = None) -> object:
    """What to hand to Pipeline.extract: a Path for page files (the bytes for gzipped ones), else the
    data (decoded by the HTTP charset of a WARC response when it has one and no byte-order mark)."""
    if item.path is not None:
        from pathlib import Path

        if item.path.lower().endswith(".gz"):
            return read_page_file(item.path, max_bytes)  # bytes: the loader decompresses them
        return Path(item.path)
    data = item.data
    if isinstance(data, bytes) and item.charset:
        text = decode_as_declared(data, item.charset)
        if text is not None:
            return text
    return data  # the loader decodes the bytes (BOM, <meta>, UTF-8, detection)


def process_item(pipeline: Pipeline, item: Item, timeout: float | None = None,
                 kind: str | None = None) -> tuple[str, bool, bytes]:
    """Extract one item; return ``(id, ok, JSON line)``. Never raises for a bad page."""
    start = time.perf_counter()
    item = resolve_item(item)
    if item.error is not None:
        return item.id, False, error_line(item.id, item.url, item.warc_date, *item.error)
    try:
        with _TimeLimit(timeout):
            page = _page_input(item, pipeline.max_bytes)
            article = pipeline.extract(page, url=item.url, kind=item.kind or kind)
            ms = (time.perf_counter() - start) * 1000
            return item.id, True, article_line(item.id, item.url, item.warc_date, article, ms)
    except PageTypeSkipped as skip:  # not a type asked for (page_types): a skip record, not an error
        ms = (time.perf_counter() - start) * 1000
        return item.id, True, skip_line(item.id, item.url, item.warc_date, skip.page_type, skip.confidence, ms)
    except PageTimeoutError:
        message = f"page took longer than the {timeout:g} s limit (--timeout)"
        err: tuple[str, str] = ("PageTimeoutError", message)
    except RecursionError:
        err = ("StageError", "page nested too deeply")
    except Exception as exc:  # NewscleanError, or a bug: either way an error record
        err = (type(exc).__name__, str(exc) or type(exc).__name__)
    ms = (time.perf_counter() - start) * 1000
    return item.id, False, error_line(item.id, item.url, item.warc_date, err[0], err[1], ms)
