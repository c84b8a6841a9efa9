"""Helpers shared by the subcommands: reading PAGE (path or '-'), reporting errors."""
from __future__ import annotations

import sys
from pathlib import Path

from newsclean.errors import InputError, NewscleanError


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
    return 2 if isinstance(err, InputError) else 1
