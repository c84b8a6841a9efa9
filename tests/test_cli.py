"""The newsclean command: extract, explain, errors and exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main

SEED = Path(__file__).parent / "fixtures" / "coins2day-zelensky.txt"


def test_extract_json(capsys):
    assert main(["extract", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "text" and data["text"]


def test_extract_text_and_markdown(capsys):
    assert main(["extract", str(SEED)]) == 0
    text = capsys.readouterr().out
    assert main(["extract", str(SEED), "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert text.strip() and md.startswith("#")


def test_extract_stdin():
    proc = subprocess.run([sys.executable, "-m", "newsclean.cli", "extract", "-", "--kind", "html"],
                          input=b"<html><body><p>Hello from standard input, a whole sentence.</p></body></html>",
                          capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert b"Hello from standard input" in proc.stdout


def test_missing_file_exit_2(capsys, tmp_path):
    assert main(["extract", str(tmp_path / "nope.html")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_directory_is_an_error(capsys, tmp_path):
    assert main(["extract", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err


def test_bad_option_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["extract", str(SEED), "--format", "pdf"])
    assert info.value.code == 2


def test_explain_lists_every_block(capsys):
    assert main(["explain", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["blocks"] == len(data["blocks"]) > 10
    assert data["counts"]["kept"] + data["counts"]["dropped"] == data["counts"]["blocks"]
    for b in data["blocks"]:
        assert b["kept"] == (b["stage"] is None)
        if not b["kept"]:
            assert b["reason"]
    assert main(["explain", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "KEEP" in out and "blocks:" in out
