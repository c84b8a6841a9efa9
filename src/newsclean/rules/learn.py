"""Learn a site's template from several of its pages: the blocks that recur on most of them
(menus, footers, promo and "about the author" boxes, recurring teaser lists) become a SiteRule —
CSS selectors where a container holds nothing but recurring text (HTML), and exact texts otherwise
(both kinds). The result is plain data a human can read and edit, and deterministic: the same pages
in any order give the same rule."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from newsclean.page import Page
from newsclean.rules.site import SiteRule

_WS = re.compile(r"\s+")
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,60}$")


@dataclass(frozen=True)
class LearnOptions:
    min_share: float = 0.6       # a block on at least this share of the pages is template
    min_pages: int = 2           # ...and on at least this many pages
    max_text_chars: int = 600    # longer recurring texts are kept as texts only when this short


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def recurring_texts(pages: list[Page], options: LearnOptions = LearnOptions()) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_norm(b.text) for b in page.blocks if _norm(b.text)})
    need = max(options.min_pages, math.ceil(options.min_share * len(pages)))
    return {t for t, c in counts.items() if c >= need}


def _candidates(el: Any) -> Iterable[str]:
    """Selectors naming an element or its ancestors by a stable id or class."""
    for node in (el, *el.iterancestors()):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("html", "body", ""):
            break
        ident = node.get("id")
        if ident and _IDENT.match(ident) and not re.search(r"\d{3,}", ident):
            yield f"{tag}#{ident}"
        for cls in (node.get("class") or "").split():
            if _IDENT.match(cls) and not re.search(r"\d{3,}", cls):
                yield f"{tag}.{cls}"
        if tag in ("nav", "footer", "header", "aside"):
            yield tag


def _selector_is_pure(selector: str, pages: list[Page], template: set[str]) -> tuple[bool, int]:
    """Does every block inside the selector's matches, on every page, carry template text?
    Returns (pure, number of blocks covered)."""
    from lxml.cssselect import CSSSelector

    sel = CSSSelector(selector)
    covered = 0
    for page in pages:
        if page.tree is None:
            continue
        found = sel(page.tree)  # kept alive: ids of live lxml proxies are stable
        matched = {id(e) for e in found}
        if not matched:
            continue
        for b in page.blocks:
            el = b.element
            if el is None:
                continue
            if id(el) in matched or any(id(a) in matched for a in el.iterancestors()):
                if _norm(b.text) not in template:
                    return False, 0
                covered += 1
    return True, covered


def learn_rule(pages: list[Page], host: str, options: LearnOptions = LearnOptions()) -> SiteRule:
    """The template of ``pages`` (loaded Pages of one site) as a SiteRule for ``host``."""
    template = recurring_texts(pages, options)
    selectors: list[str] = []
    covered_texts: set[str] = set()
    html_pages = [p for p in pages if p.kind == "html" and p.tree is not None]
    if html_pages:
        cands: Counter[str] = Counter()
        for page in html_pages:
            for b in page.blocks:
                if b.element is not None and _norm(b.text) in template:
                    cands.update(set(_candidates(b.element)))
        scored = []
        for sel, _ in sorted(cands.items(), key=lambda kv: (-kv[1], kv[0])):
            pure, covered = _selector_is_pure(sel, html_pages, template)
            if pure and covered:
                scored.append((covered, sel))
        scored.sort(key=lambda cs: (-cs[0], cs[1]))
        for covered, sel in scored:
            if len(selectors) >= 30:
                break
            from lxml.cssselect import CSSSelector

            matcher = CSSSelector(sel)
            new_texts = set()
            for page in html_pages:
                found = matcher(page.tree)
                ids = {id(e) for e in found}
                for b in page.blocks:
                    el = b.element
                    if el is not None and (id(el) in ids or any(id(a) in ids for a in el.iterancestors())):
                        new_texts.add(_norm(b.text))
            if new_texts - covered_texts:
                selectors.append(sel)
                covered_texts |= new_texts
    texts = sorted(t for t in template - covered_texts if len(t) <= options.max_text_chars)
    return SiteRule(host=host, drop=tuple(selectors), drop_texts=tuple(texts))
