"""`python -m newsclean`, one version written in one place, and a log of the fallbacks (issue 14, item 13)."""
from __future__ import annotations

import importlib
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean._core import core_name
from newsclean.cli import main
from newsclean.config import tomllib
from newsclean.stages.boilerplate import html as boilerplate_html

ROOT = Path(__file__).resolve().parent.parent
decode_mod = importlib.import_module("newsclean.load.decode")  # (newsclean.load.decode is also a function)
SRC = Path(newsclean.__file__).resolve().parent.parent


def _run_module(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.run([sys.executable, "-m", "newsclean", *args], check=False, capture_output=True,
                          text=True, env=env, cwd=str(ROOT))


def test_python_dash_m_newsclean_runs_the_cli():
    done = _run_module("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"newsclean {newsclean.__version__} ({core_name()})"
    done = _run_module("extract", "tests/fixtures/coins2day-zelensky.txt")
    assert done.returncode == 0 and "Volodymyr Zelensky" in done.stdout


def test_version_is_written_once():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "newsclean.__version__"}


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    out = capsys.readouterr().out.strip()
    assert exc.value.code == 0 and out == f"newsclean {newsclean.__version__} ({core_name()})"


def test_a_swallowed_exception_is_logged(monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise RuntimeError("odd tree")

    monkeypatch.setattr(boilerplate_html, "choose_container", broken)
    html = "<html><body><article><p>" + "A sentence of the story goes here. " * 20 + "</p></article></body></html>"
    with caplog.at_level(logging.DEBUG, logger="newsclean"):
        article = newsclean.extract(html, url="https://example.org/a")
    assert "A sentence of the story" in article.text  # behaviour unchanged: everything kept
    records = [r for r in caplog.records if r.name == "newsclean.stages.boilerplate.html"]
    assert records and records[0].levelno == logging.DEBUG and "odd tree" in str(records[0].exc_info[1])


def test_failed_charset_detection_is_logged(monkeypatch, caplog):
    import charset_normalizer

    def broken(*_args, **_kwargs):
        raise RuntimeError("detector broke")

    monkeypatch.setattr(charset_normalizer, "from_bytes", broken)
    with caplog.at_level(logging.DEBUG, logger="newsclean"):
        text = decode_mod.decode("caf\xe9 cr\xe8me".encode("cp1252"))
    assert text == "café crème"
    assert any(r.name == "newsclean.load.decode" and "cp1252" in r.getMessage() for r in caplog.records)


def test_log_level_flag_shows_newsclean_debug_records(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(boilerplate_html, "choose_container", lambda *a, **k: (_ for _ in ()).throw(ValueError("x")))
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>" + "Words of the article here. " * 20 + "</p></body></html>", encoding="utf-8")
    try:
        assert main(["--log-level", "debug", "extract", str(page)]) == 0
    finally:
        log = logging.getLogger("newsclean")
        for h in [h for h in log.handlers if h.get_name() == "newsclean-cli"]:
            log.removeHandler(h)
        log.setLevel(logging.NOTSET)
    assert "newsclean: newsclean.stages.boilerplate.html: DEBUG: main content not chosen" in capsys.readouterr().err
