"""Settings, from (highest precedence first): keyword arguments / CLI flags, a ``--config FILE``
(TOML), the ``[tool.newsclean]`` table of the nearest pyproject.toml, then the defaults.

Keys (top level of a config file, or under ``[tool.newsclean]``):

- ``stages``: the stage names in order (default: the built-in pipeline)
- ``options``: ``{stage: {option: value}}`` — stage options
- ``max_bytes``: the largest page accepted
- ``max_blocks``: blocks cut from one page before the rest is read as running text
- ``sites``: per-site rules keyed by host (see newsclean.rules.site)
- ``text_columns``: read a text capture's columns printed side by side one after the other (default true)
- ``page_types``: extract only pages of these types (e.g. ``["article"]``); ``Pipeline.extract``
  raises PageTypeSkipped for the others and ``newsclean batch`` writes skip records for them

Unknown keys are errors that name the key and the file.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean.errors import ConfigError
from newsclean.load.decode import DEFAULT_MAX_BYTES
from newsclean.load.limits import DEFAULT_MAX_BLOCKS
from newsclean.rules.site import SiteRule, parse_site_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SETTINGS_KEYS = ("stages", "options", "max_bytes", "max_blocks", "sites", "page_types", "text_columns")


@dataclass(frozen=True)
class Settings:
    stages: tuple[str, ...] | None = None
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_blocks: int = DEFAULT_MAX_BLOCKS
    sites: tuple[SiteRule, ...] = ()
    page_types: tuple[str, ...] | None = None  # None: every page type
    text_columns: bool = True  # a capture's columns printed side by side read one after the other
    origins: tuple[str, ...] = ()  # where the settings came from, lowest precedence first


def _check(table: Mapping[str, Any], origin: str, raw: str | None) -> dict[str, Any]:
    unknown = [k for k in table if k not in SETTINGS_KEYS]
    if unknown:
        line = ""
        if raw:
            for i, text in enumerate(raw.splitlines(), 1):
                if re.match(rf"""\s*["']?{re.escape(unknown[0])}["']?\s*=""", text):
                    line = f":{i}"
                    break
        raise ConfigError(f"{origin}{line}: unknown setting {unknown[0]!r} (known: {', '.join(SETTINGS_KEYS)})")
    out: dict[str, Any] = {}
    if "stages" in table:
        st = table["stages"]
        if not isinstance(st, list) or not all(isinstance(s, str) for s in st):
            raise ConfigError(f"{origin}: 'stages' must be a list of stage names")
        out["stages"] = tuple(st)
    if "options" in table:
        opts = table["options"]
        if not isinstance(opts, Mapping) or not all(isinstance(v, Mapping) for v in opts.values()):
            raise ConfigError(f"{origin}: 'options' must map stage names to tables of options")
        out["options"] = {k: dict(v) for k, v in opts.items()}
    for key in ("max_bytes", "max_blocks"):
        if key in table:
            n = table[key]
            if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
                raise ConfigError(f"{origin}: {key!r} must be a positive integer")
            out[key] = n
    if "text_columns" in table:
        if not isinstance(table["text_columns"], bool):
            raise ConfigError(f"{origin}: 'text_columns' must be true or false")
        out["text_columns"] = table["text_columns"]
    if "page_types" in table:
        pt = table["page_types"]
        if not isinstance(pt, (list, tuple)) or not all(isinstance(t, str) for t in pt):
            raise ConfigError(f"{origin}: 'page_types' must be a list of page types")
        from newsclean.pipeline import check_page_types

        try:
            out["page_types"] = check_page_types(pt)
        except ConfigError as exc:
            raise ConfigError(f"{origin}: {exc}") from None
    if "sites" in table:
        out["sites"] = parse_site_rules(table["sites"], origin=origin, raw_text=raw)
    return out


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return tomllib.loads(raw), raw
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def find_pyproject(start: Path) -> Path | None:
    start = start.resolve()
    for d in (start, *start.parents):
        p = d / "pyproject.toml"
        if p.is_file():
            return p
    return None


def _merge(base: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in new.items():
        if k == "options":
            merged = {s: dict(o) for s, o in out.get("options", {}).items()}
            for stage, opts in v.items():
                merged.setdefault(stage, {}).update(opts)
            out["options"] = merged
        elif k == "sites":
            by_host = {r.host: r for r in out.get("sites", ())}
            by_host.update({r.host: r for r in v})
            out["sites"] = tuple(by_host.values())
        else:
            out[k] = v
    return out


def load_settings(config_file: str | Path | None = None, *, search_from: str | Path | None = ".",
                  **overrides: Any) -> Settings:
    """Collect settings by precedence. ``search_from=None`` skips the pyproject.toml search."""
    merged: dict[str, Any] = {}
    origins: list[str] = []
    if search_from is not None:
        pyproject = find_pyproject(Path(search_from))
        if pyproject is not None:
            data, raw = _read_toml(pyproject)
            table = data.get("tool", {}).get("newsclean")
            if table is not None:
                if not isinstance(table, Mapping):
                    raise ConfigError(f"{pyproject}: [tool.newsclean] must be a table")
                merged = _merge(merged, _check(table, str(pyproject), raw))
                origins.append(str(pyproject))
    if config_file is not None:
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file")
        data, raw = _read_toml(path)
        merged = _merge(merged, _check(data, str(path), raw))
        origins.append(str(path))
    given = {k: v for k, v in overrides.items() if v is not None}
    if given:
        merged = _merge(merged, _check(given, "keyword arguments", None))
        origins.append("keyword arguments")
    return Settings(origins=tuple(origins), **merged)
