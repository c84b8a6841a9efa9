"""The batch driver killed alone (SIGKILL, SIGTERM), as the OOM killer or a job scheduler does: its
workers are gone within seconds, the output's lock goes with the driver, and the same command
resumes at once to every page exactly once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclean.batch import JsonlSink, Runner
from newsclean.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
PAGES = 10          # SLOW pages (tests.batch_stages.SLOW_SECONDS each): about 1.5 s on 2 workers
GONE_WITHIN = 10.0  # seconds the workers may outlive the driver (the bound)

needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    return fields[0], int(fields[1])


def _alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")  # a zombie no longer runs


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _workers(driver: int) -> list[int]:
    """The driver's forked workers: its children running the driver's own command line."""
    own = _cmdline(driver)
    pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    return [p for p in pids if (_stat(p) or ("", 0))[1] == driver and _cmdline(p) == own and _alive(p)]


def _wait_gone(pids: list[int], until: float) -> list[int]:
    while any(_alive(p) for p in pids) and time.monotonic() < until:
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


def _kill(pids: list[int]) -> None:
    """Do not leave a worker behind when the test fails."""
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _env() -> dict[str, str]:
    src = str(ROOT / "src")
    return dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])))


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@needs_proc
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_driver_killed_alone_leaves_no_worker_and_resumes_at_once(tmp_path: Path, sig: int) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(PAGES):
        (pages / f"p{i}.html").write_text(f"<html><body><article><h1>Story {i}</h1><p>SLOW: the council "
                                          f"met on Tuesday to discuss the budget of item {i}.</p></article>"
                                          "</body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "tests.batch_stages", "batch", str(pages), "-o", str(out), "--jobs", "2",
           "--quiet"]
    with open(tmp_path / "stderr.txt", "w+") as err:  # not a pipe: a surviving worker would hold it open
        proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=err)
        workers: list[int] = []
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            workers = _workers(proc.pid)
            if len(workers) == 2 and _lines(out) >= 2:
                break
            time.sleep(0.02)
        assert proc.poll() is None and len(workers) == 2, "the run ended before it could be killed"
        os.kill(proc.pid, sig)  # the driver alone, not its process group
        killed_at = time.monotonic()
        proc.wait(timeout=GONE_WITHIN)
        err.seek(0)
        message = err.read()
    if sig == signal.SIGTERM:  # handled like Ctrl-C
        assert proc.returncode == 128 + signal.SIGTERM, message
        assert "terminated" in message and "run the same command again to resume" in message
    try:  # at once: the lock went with the driver
        again = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60, check=False)
        assert again.returncode == 0, again.stderr
        left = _wait_gone(workers, killed_at + GONE_WITHIN)
        assert not left, f"workers {left} outlived the driver by {GONE_WITHIN:g} s"
    finally:
        _kill(workers)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(str(p) for p in pages.iterdir())  # every page exactly once


@needs_proc
def test_workers_watch_the_driver_where_there_is_no_parent_death_signal() -> None:
    code = ("import time; from newsclean.batch.runner import OwnPool; "
            "pool = OwnPool(2, parent_death_signal=False); list(pool.map(abs, range(8))); "
            "print(*pool.worker_pids(), flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code], env=_env(), stdout=subprocess.PIPE, text=True)
    workers: list[int] = []
    try:
        workers = [int(p) for p in proc.stdout.readline().split()]  # type: ignore[union-attr]
        assert len(workers) == 2 and all(_alive(p) for p in workers)
        os.kill(proc.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        proc.wait(timeout=GONE_WITHIN)
        assert not _wait_gone(workers, killed_at + GONE_WITHIN)
    finally:
        _kill(workers)
        proc.stdout.close()  # type: ignore[union-attr]
        if proc.poll() is None:
            proc.kill()


def test_the_output_lock_is_held_by_the_driver_alone(tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    sink = JsonlSink(out)
    pool = Runner(jobs=2)._new_pool()  # the batch's own pool, forked while the output is locked
    try:
        assert sorted(pool.map(abs, range(-4, 0))) == [1, 2, 3, 4]  # the workers are up
        with pytest.raises(InputError, match="another newsclean batch"):
            JsonlSink(out)
        sink.close()  # the driver lets go: nobody else holds the lock, live workers included
        JsonlSink(out).close()
    finally:
        sink.close()
        pool.shutdown()
