"""A test-only stage for tests/test_batch.py: misbehaves on pages that contain a marker word.

It lives in its own importable module (not in the test file) so a Pipeline holding it pickles
by reference to worker processes, whatever the multiprocessing start method.
"""
from __future__ import annotations

import os
import signal
import time

from newsclean.page import Page
from newsclean.stages.base import Stage


class ProbeStage(Stage):
    """BOOM: raise. SPIN: a 30 s Python loop. HANG: sleep (the in-worker timer stops it). STUCK: sleep with SIGALRM blocked,
    like native code the timer cannot interrupt (the watchdog must kill the worker).
    CRASH: the worker process dies."""

    name = "probe"
    kinds = frozenset({"html", "text"})

    def run(self, page: Page) -> None:
        src = page.source
        if "BOOM" in src:
            raise ValueError("probe exploded")
        if "HANG" in src:
            time.sleep(30)
        if "SPIN" in src:  # a slow pure-Python loop: a time limit must stop it, on any thread
            end = time.monotonic() + 30
            while time.monotonic() < end:
                pass
        if "STUCK" in src:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(30)
        if "CRASH" in src:
            os.kill(os.getpid(), signal.SIGKILL)


def die_at_start() -> None:
    """A worker initializer that kills the worker: a pool that cannot run anything."""
    os._exit(3)
