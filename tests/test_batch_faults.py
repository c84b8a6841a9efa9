"""Batch under faults: a full disk (a file-size limit) stops the run cleanly with a message, and the
same command then resumes and finishes with every page exactly once. Exit 3: the run stopped."""
from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from pathlib import Path

PARA = "The city council voted on Tuesday to extend the opening hours of the central library by two hours."


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG, like ENOSPC
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_disk_full_then_resume(tmp_path: Path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(60):
        (pages / f"{i:02d}.html").write_text(
            f"<html><body><article><h1>Story {i}</h1>" + f"<p>{PARA} Item {i}.</p>" * 6 + "</article></body></html>",
            encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsclean.cli", "batch", str(pages), "-o", str(out), "--jobs", "2", "--quiet"]
    full = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=_limit_file_size(20_000), check=False)
    assert full.returncode == 3, full.stderr  # the run stopped before the end (resumable)
    assert "run failed" in full.stderr and "resume" in full.stderr
    assert 0 < out.stat().st_size <= 20_000
    again = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(str(p) for p in pages.iterdir()) and len(ids) == len(set(ids)) == 60
