"""Which core runs the hot paths: the walk over the parsed tree, and the scans of ``_scan.pxi``.

The compiled core is an optional C extension (``newsclean._core._walk``, Cython against lxml's
libxml2 tree), built by ``pip install`` when it can be. Its pure-Python twins are the reference:
``newsclean.load.html.html_blocks_pure`` for the walk, and for each scan the function named in
``_scan.pxi`` (the caller runs the twin when :func:`compiled` gives None). Both cores give
identical output (see tests/test_cores.py, tests/test_core_scans.py and benchmarks/cores.py).
The pure one runs when the extension is not built, refuses to load (built against another
lxml/libxml2 than the one installed), or when the environment variable ``NEWSCLEAN_PURE`` is set to
anything but "" or "0".
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any

COMPILED_NAME = "compiled core"
PURE_NAME = "pure-Python core"

_state: dict[str, Any] = {}
#: compiled functions by name (None: the pure twin runs), filled as callers ask; cleared with _state
_functions: dict[str, Callable[..., Any] | None] = {}


def _load() -> tuple[Any, str | None]:
    if os.environ.get("NEWSCLEAN_PURE", "") not in ("", "0"):
        return None, "NEWSCLEAN_PURE is set"
    try:
        mod = importlib.import_module("newsclean._core._walk")
    except Exception as exc:  # noqa: BLE001  (not built, built for another lxml, a broken build: the pure twin runs)
        return None, f"{type(exc).__name__}: {exc}"
    return mod, None


def _module() -> Any:
    if "mod" not in _state:
        _state["mod"], _state["why"] = _load()
    return _state["mod"]


def compiled_walker() -> Callable[..., Any] | None:
    """The compiled ``html_blocks(root, max_blocks)`` (it returns None for a tree it leaves to the
    pure walker), or None when the pure core runs. Decided once per process."""
    mod = _module()
    walk: Callable[..., Any] | None = mod.html_blocks if mod is not None else None
    return walk


def compiled(name: str) -> Callable[..., Any] | None:
    """The compiled function ``name`` (see ``_scan.pxi``), or None when the pure-Python core runs
    (the caller then runs the function's pure twin)."""
    try:
        return _functions[name]  # (callers ask once per cache miss or per page: one dict lookup)
    except KeyError:
        mod = _module()
        fn: Callable[..., Any] | None = getattr(mod, name, None) if mod is not None else None
        _functions[name] = fn
        return fn


def force_pure(on: bool) -> None:
    """Run the pure-Python core from now on (``on``), or whichever core loads again (for
    benchmarks/cores.py and tests, which compare the two in one process)."""
    _state.clear()
    _functions.clear()
    if on:
        _state["mod"], _state["why"] = None, "force_pure(True)"


def core_name() -> str:
    """"compiled core" or "pure-Python core": the one this process runs."""
    return COMPILED_NAME if compiled_walker() is not None else PURE_NAME


def why_pure() -> str | None:
    """Why the compiled core does not run (None when it does)."""
    _module()
    why: str | None = _state["why"]
    return why
