"""A test-only stage for tests/test_batch.py: misbehaves on pages that contain a marker word.

It lives in its own importable module (not in the test file) so a Pipeline holding it pickles
by reference to worker processes, whatever the multiprocessing start method.
"""
from __future__ import annotations

import os
import signal
import sys
import time

from newsclean.page import Page
from newsclean.stages.base import Stage

#: how long a SLOW page takes: long enough to kill a run of a few such pages mid-way
SLOW_SECONDS = 0.3


class ProbeStage(Stage):
    """BOOM: raise. SPIN: a 30 s Python loop. HANG: sleep (the in-worker timer stops it).
    STUCK: sleep with SIGALRM blocked, like native code the timer cannot interrupt (the watchdog must kill the worker).
    CRASH: the worker process dies. SLOW: a short sleep (pages slow enough to kill a run mid-way)."""

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
        if "SLOW" in src:
            time.sleep(SLOW_SECONDS)
        if "CRASH" in src:
            os.kill(os.getpid(), signal.SIGKILL)


def die_at_start() -> None:
    """A worker initializer that kills the worker: a pool that cannot run anything."""
    os._exit(3)


def cli_with_probe(argv: list[str] | None = None) -> int:
    """The ``newsclean`` command with ProbeStage at the end of the pipeline, for tests that run the
    real command line in a subprocess: ``python -m tests.batch_stages batch ...``."""
    import newsclean.commands.batch as batch_command
    from newsclean.cli import main

    settings_pipeline = batch_command.pipeline_from_args
    batch_command.pipeline_from_args = lambda args: settings_pipeline(args).add(ProbeStage())  # type: ignore[assignment]
    return main(argv)


if __name__ == "__main__":
    sys.exit(cli_with_probe(sys.argv[1:]))
