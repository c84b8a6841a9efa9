"""SiteRule: what a user (or ``newsclean learn-site``) pins for one host.

A rule is keyed by host and matches that host and its subdomains (``example.com`` matches
``www.example.com`` and ``news.example.com``; the longest matching host wins). Fields:

- ``drop``: CSS selectors; HTML blocks inside a matching element are dropped
- ``body``: CSS selector(s) whose elements are the body; blocks outside are dropped
- ``title`` / ``byline`` / ``date``: CSS selectors whose text gives that field
- ``drop_lines``: regular expressions; blocks whose whole text matches are dropped (both kinds)
- ``drop_texts``: exact block texts to drop (both kinds; what learn-site writes for recurring blocks)
- ``stages``: stage options for pages of this host, e.g. ``{"navigation": {"html_max_link_density": 0.3}}``
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsclean.errors import ConfigError
from newsclean.urls import host_of

RULE_KEYS = ("host", "drop", "body", "title", "byline", "date", "drop_lines", "drop_texts", "stages")


@dataclass(frozen=True)
class SiteRule:
    host: str
    drop: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    drop_lines: tuple[str, ...] = ()
    drop_texts: tuple[str, ...] = ()
    stages: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()  # hashable form of a nested mapping

    def stage_options(self) -> dict[str, dict[str, Any]]:
        return {name: dict(opts) for name, opts in self.stages}

    def to_toml(self) -> str:
        """The rule as a TOML table a human can read and edit."""
        from newsclean.rules.toml_out import rule_to_toml

        return rule_to_toml(self)


def _where(origin: str | None, raw_text: str | None, needle: str) -> str:
    """'file:line' of the first line mentioning ``needle`` (for error messages)."""
    if not origin:
        return "settings"
    if raw_text:
        for i, line in enumerate(raw_text.splitlines(), 1):
            if needle and needle in line:
                return f"{origin}:{i}"
    return origin


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")


def compile_selector(selector: str, where: str) -> Any:
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        return CSSSelector(selector)
    except (SelectorError, ValueError, TypeError) as exc:
        raise ConfigError(f"{where}: bad CSS selector {selector!r}: {exc}") from None


def parse_site_rules(data: Any, *, origin: str | None = None, raw_text: str | None = None) -> tuple[SiteRule, ...]:
    """Validate the ``sites`` table of the settings: ``{host: {...}}`` or a list of ``{host = ..., ...}``.

    Unknown keys, bad selectors and bad regular expressions are ConfigErrors naming the file and line."""
    if data is None:
        return ()
    if isinstance(data, Mapping):
        items = [dict(v, host=k) if isinstance(v, Mapping) else v for k, v in data.items()]
    elif isinstance(data, list):
        items = list(data)
    else:
        raise ConfigError(f"{_where(origin, raw_text, 'sites')}: 'sites' must be a table or a list of tables")
    rules = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("host"), str) or not item["host"].strip():
            raise ConfigError(f"{origin or 'settings'}: every site rule needs a 'host'")
        host = item["host"].strip().lower().lstrip(".")
        where = _where(origin, raw_text, host)
        unknown = sorted(set(item) - set(RULE_KEYS))
        if unknown:
            raise ConfigError(f"{_where(origin, raw_text, unknown[0])}: unknown key {unknown[0]!r} in site rule "
                              f"for {host!r} (known: {', '.join(RULE_KEYS)})")
        values: dict[str, Any] = {"host": host}
        for key in ("drop", "body", "title", "byline", "date"):
            if key in item:
                sels = _strings(item[key], key, where)
                for s in sels:
                    compile_selector(s, _where(origin, raw_text, s))
                values[key] = sels
        for key in ("drop_lines", "drop_texts"):
            if key in item:
                values[key] = _strings(item[key], key, where)
        for pattern in values.get("drop_lines", ()):
            try:
                re.compile(pattern)
            except re.error as exc:
                where_pattern = _where(origin, raw_text, pattern)
                raise ConfigError(f"{where_pattern}: bad regular expression {pattern!r}: {exc}") from None
        if "stages" in item:
            st = item["stages"]
            if not isinstance(st, Mapping) or not all(isinstance(v, Mapping) for v in st.values()):
                raise ConfigError(f"{where}: 'stages' in a site rule must map stage names to option tables")
            values["stages"] = tuple((k, tuple(sorted(v.items()))) for k, v in sorted(st.items()))
        rules.append(SiteRule(**values))
    return tuple(rules)


def match_rule(rules: tuple[SiteRule, ...], url: str | None) -> SiteRule | None:
    """The rule for the URL's host: exact host or a parent domain; the longest match wins."""
    host = host_of(url)
    if not host:
        return None
    best = None
    for r in rules:
        if host == r.host or host.endswith("." + r.host):
            if best is None or len(r.host) > len(best.host):
                best = r
    return best
