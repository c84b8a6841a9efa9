"""<meta> tags (OpenGraph, article:*, Twitter, Dublin Core, Parse.ly, Sailthru...), <title>, the
canonical link, <html lang> and <time> elements, gathered in one pass over the tree."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from newsclean.load.element_text import text_of


@dataclass
class TimeEl:
    datetime: str | None
    text: str
    itemprop: str
    hints: str
    pubdate: bool
    order: int


@dataclass
class HeadInfo:
    metas: dict[str, list[str]] = field(default_factory=dict)
    title: str | None = None
    canonical: str | None = None
    lang: str | None = None
    times: list[TimeEl] = field(default_factory=list)

    def first(self, *keys: str) -> str | None:
        for k in keys:
            for v in self.metas.get(k, ()):
                if v:
                    return v
        return None

    def all(self, *keys: str) -> list[str]:
        out: list[str] = []
        for k in keys:
            out.extend(v for v in self.metas.get(k, ()) if v)
        return out


def _clean(s: str | None) -> str:
    if not s:
        return ""
    if "&" in s and ";" in s:
        s = html.unescape(s)  # double-escaped entities ("&amp;#038;") are common in CMS output
    return " ".join(s.split())


def _hints(el: Any, levels: int = 3) -> str:
    parts: list[str] = []
    node = el
    for _ in range(levels):
        if node is None:
            break
        parts.append((node.get("class") or "") + " " + (node.get("id") or ""))
        node = node.getparent()
    return " ".join(parts).lower()


def read(root: Any, elements: list[Any] | None = None) -> HeadInfo:
    """``elements``: the page's meta, link, title and time elements in page order, when the caller
    has collected them already (else they are looked up)."""
    info = HeadInfo()
    if root is None:
        return info
    try:
        lang = root.get("lang") or root.get("xml:lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
        info.lang = lang.strip() if lang else None
        if elements is None:
            elements = root.iter("meta", "link", "title", "time")
    except (AttributeError, TypeError):
        return info
    n_times = 0
    for el in elements:
        tag = el.tag
        if tag == "meta":
            content = el.get("content")
            if content is None:
                content = el.get("value")
            if content is None:
                continue
            content = _clean(content)
            for attr in ("property", "name", "itemprop", "http-equiv"):
                key = el.get(attr)
                if key:
                    info.metas.setdefault(key.strip().lower(), []).append(content)
        elif tag == "link":
            rel = (el.get("rel") or "").lower().split()
            if "canonical" in rel and not info.canonical and el.get("href"):
                info.canonical = el.get("href").strip()
        elif tag == "title":
            if info.title is None and el.getparent() is not None and el.getparent().tag in ("head", "html"):
                info.title = _clean(text_of(el))
        elif tag == "time" and n_times < 40:
            n_times += 1
            info.times.append(TimeEl(
                datetime=(el.get("datetime") or el.get("content") or "").strip() or None,
                text=_clean(text_of(el))[:120],
                itemprop=(el.get("itemprop") or "").lower(),
                hints=_hints(el),
                pubdate=el.get("pubdate") is not None,
                order=n_times,
            ))
    if info.title is None:
        for el in root.iter("title"):
            info.title = _clean(text_of(el))
            break
    return info
