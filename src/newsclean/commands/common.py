"""Helpers shared by the subcommands: reading PAGE (path or '-'), reporting errors."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsclean.errors import ConfigError, InputError, NewscleanError

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline


def read_page_arg(page: str) -> bytes | Path:
    """PAGE as given on the command line: '-' reads standard input as bytes, else a Path."""
    if page == "-":
        if sys.stdin is None:
            raise InputError("no standard input to read")
        return sys.stdin.buffer.read()
    path = Path(page)
    if not path.exists():
        raise InputError(f"{page}: no such file")
    if path.is_dir():
        raise InputError(f"{page}: is a directory (use 'newsclean batch' for many pages)")
    return path


def fail(err: NewscleanError) -> int:
    print(f"newsclean: {err}", file=sys.stderr)
    return 2 if isinstance(err, (InputError, ConfigError)) else 1


def add_page_args(p: object) -> None:
    """PAGE, --url and --kind, shared by the commands that read one page."""
    p.add_argument("page", metavar="PAGE",  # type: ignore[attr-defined]
                   help="path to an HTML page or text capture, or - for standard input")
    p.add_argument("--url", help="the page's URL (helps metadata and canonical URL)")  # type: ignore[attr-defined]
    p.add_argument("--kind", choices=("html", "text"),  # type: ignore[attr-defined]
                   help="override the automatic HTML/text guess")


def add_settings_args(p: object) -> None:
    """--config and --max-bytes, shared by the commands that build a pipeline."""
    p.add_argument("--config", metavar="FILE",  # type: ignore[attr-defined]
                   help="settings file (TOML); [tool.newsclean] in the nearest pyproject.toml also applies")
    p.add_argument("--max-bytes", type=int, metavar="N",  # type: ignore[attr-defined]
                   help="refuse pages larger than N bytes")


def pipeline_from_args(args: object) -> Pipeline:
    """Build the pipeline from settings: flags > --config > pyproject.toml [tool.newsclean] > defaults."""
    from newsclean.config import load_settings
    from newsclean.pipeline import Pipeline

    settings = load_settings(getattr(args, "config", None), search_from=".",
                             max_bytes=getattr(args, "max_bytes", None))
    return Pipeline.from_settings(settings)
