"""Learn a site's template from several of its pages: the blocks that recur on most of them
(menus, footers, promo and "about the author" boxes, recurring teaser lists) become a SiteRule —
CSS selectors where a container holds nothing but recurring text (HTML), and exact texts otherwise
(both kinds). The result is plain data a human can read and edit, and deterministic: the same pages
in any order give the same rule.

Exact-text rules are held back when they could hit article text: a short text ("New York", "U.S.",
"Opinion") could be a dateline or a subheading of some later article, and a text that also occurs
inside the kept body text of one of the pages is article vocabulary, not template. Pages of several
hosts must be learned host by host (``group_by_host``): one site's template is not another's."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from newsclean.page import Page
from newsclean.rules.site import SiteRule
from newsclean.strings import squeeze

T = TypeVar("T")
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,60}$")
# A text rule needs this many words, or this many letters and digits (scripts written without spaces), to be
# learned: shorter block texts ("New York", "U.S.", "Opinion") are as likely an article's dateline
# or subheading as template, and an exact-text rule would drop them from every article of the site.
MIN_TEXT_WORDS = 3
MIN_TEXT_CHARS = 20


@dataclass(frozen=True)
class LearnOptions:
    min_share: float = 0.6       # a block on at least this share of the pages is template
    min_pages: int = 2           # ...and on at least this many pages
    max_text_chars: int = 600    # longer recurring texts are kept as texts only when this short


def is_short_text(text: str) -> bool:
    """Too short to be learned as an exact-text rule (see MIN_TEXT_WORDS / MIN_TEXT_CHARS).
    Words and characters are counted without punctuation: "- White House" is two words."""
    words = sum(1 for w in text.split() if any(c.isalnum() for c in w))
    chars = sum(1 for c in text if c.isalnum())
    return words < MIN_TEXT_WORDS and chars < MIN_TEXT_CHARS


def _body_texts(pages: list[Page], template: set[str]) -> list[str]:
    """Per page, its kept blocks that are not template, joined (lower-cased, one block a line)."""
    out = []
    for page in pages:
        kept = (squeeze(b.text) for b in page.blocks if b.kept)
        out.append("\n".join(t.lower() for t in kept if t and t not in template))
    return out


def occurs_in_body(text: str, bodies: list[str]) -> bool:
    """Does ``text`` occur, as whole words, inside the kept non-template text of any page?"""
    pattern = re.compile(r"(?<!\w)" + re.escape(text.lower()) + r"(?!\w)")
    return any(pattern.search(body) for body in bodies)


def group_by_host(pages: list[T], hosts: list[str]) -> dict[str, list[T]]:
    """Pages (or their paths) grouped by host, hosts sorted, pages in input order;
    ``hosts[i]`` is the host of ``pages[i]``."""
    groups: dict[str, list[T]] = {}
    for page, host in zip(pages, hosts):
        groups.setdefault(host, []).append(page)
    return dict(sorted(groups.items()))


def recurring_texts(pages: list[Page], options: LearnOptions = LearnOptions()) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({squeeze(b.text) for b in page.blocks if squeeze(b.text)})
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
                if squeeze(b.text) not in template:
                    return False, 0
                covered += 1
    return True, covered


def learn_rule(pages: list[Page], host: str, options: LearnOptions = LearnOptions()) -> SiteRule:
    """The template of ``pages`` (loaded Pages of one site) as a SiteRule for ``host``.

    Blocks a stage already dropped do not count as body text when text rules are screened; run
    the pages through the full pipeline for that, or through ``metadata`` alone to screen against
    every non-template block."""
    template = recurring_texts(pages, options)
    selectors: list[str] = []
    covered_texts: set[str] = set()
    html_pages = [p for p in pages if p.kind == "html" and p.tree is not None]
    if html_pages:
        cands: Counter[str] = Counter()
        for page in html_pages:
            for b in page.blocks:
                if b.element is not None and squeeze(b.text) in template:
                    cands.update(set(_candidates(b.element)))
        scored = []
        for sel, _ in sorted(cands.items(), key=lambda kv: (-kv[1], kv[0])):
            pure, covered = _selector_is_pure(sel, html_pages, template)
            if pure and covered:
                scored.append((covered, sel))
        scored.sort(key=lambda cs: (-cs[0], cs[1]))
        for _covered, sel in scored:
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
                        new_texts.add(squeeze(b.text))
            if new_texts - covered_texts:
                selectors.append(sel)
                covered_texts |= new_texts
    bodies = _body_texts(pages, template)
    texts = sorted(t for t in template - covered_texts
                   if len(t) <= options.max_text_chars and not is_short_text(t) and not occurs_in_body(t, bodies))
    return SiteRule(host=host, drop=tuple(selectors), drop_texts=tuple(texts))
