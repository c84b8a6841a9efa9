"""Stage 'site_rules': apply the user's per-site rules (selectors, line patterns, exact texts) to pages
whose URL matches a rule's host. Runs last, so what a user pins wins over the generic stages:

- ``body`` selectors: blocks outside are dropped; blocks inside that the generic main-content choice
  (``boilerplate``) dropped are restored — other stages' drops inside the body stand
- ``drop`` selectors, ``drop_lines`` patterns and ``drop_texts``: matching blocks are dropped
- ``title`` / ``byline`` / ``date`` selectors set those fields (source "site rule HOST")
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsclean import handoffs
from newsclean.load.element_text import text_of
from newsclean.page import Block, Page
from newsclean.rules.site import SiteRule, compile_selector, match_rule
from newsclean.stages.base import Stage
from newsclean.strings import squeeze


@dataclass(frozen=True)
class SiteRulesOptions:
    rules: tuple[SiteRule, ...] = ()


class _Matched:
    """Elements matched by selectors, held alive so that identity tests on them are sound (lxml gives
    a node the same proxy object only while one is alive)."""

    def __init__(self, elements: list[Any]) -> None:
        self.elements = elements
        self.ids = {id(e) for e in elements}

    def __bool__(self) -> bool:
        return bool(self.elements)


def _inside(block: Block, matched: _Matched) -> bool:
    elements = matched.ids
    el = block.element
    if el is None:
        return False
    if id(el) in elements:
        return True
    return any(id(a) in elements for a in el.iterancestors())


def _select(page: Page, selectors: tuple[str, ...], where: str) -> list[Any]:
    if page.tree is None:
        return []
    found: list[Any] = []
    for s in selectors:
        found.extend(compile_selector(s, where)(page.tree))
    return found


def _text(el: Any) -> str:
    if el.tag == "meta":
        return squeeze(el.get("content") or "")
    return text_of(el, squeeze=True)


class SiteRulesStage(Stage):
    """Apply the user's per-site rules (selectors, line patterns, exact texts) to pages of their host."""

    name = "site_rules"
    #: without it a body selector restores nothing (it only keeps blocks inside, drops those outside)
    optional = frozenset({handoffs.OUTSIDE_MAIN})
    kinds = frozenset({"html", "text"})
    Options = SiteRulesOptions

    def run(self, page: Page) -> None:
        rule = match_rule(self.options.rules, page.url or page.get("url"))
        if rule is None:
            return
        who = f"site rule {rule.host}"
        page.note(self.name, f"{who} applies")
        if page.kind == "html" and page.tree is not None:
            self._html(page, rule, who)
        patterns = [re.compile(p) for p in rule.drop_lines]
        texts = {squeeze(t) for t in rule.drop_texts}
        for b in page.kept():
            if b.text in texts:
                self.drop(page, b, f"{who}: recurring site text")
            else:
                for p in patterns:
                    if p.fullmatch(b.text):
                        self.drop(page, b, f"{who}: line matches {p.pattern!r}")
                        break

    def _html(self, page: Page, rule: SiteRule, who: str) -> None:
        if rule.body:
            body = _Matched(_select(page, rule.body, who))
            if body:
                for b in page.blocks:
                    if _inside(b, body):
                        if b.outside_main:
                            page.restore(b, self.name, f"{who}: inside body selector")
                    elif b.kept:
                        self.drop(page, b, f"{who}: outside body selector")
        if rule.drop:
            drop_ids = _Matched(_select(page, rule.drop, who))
            for b in list(page.kept()):
                if _inside(b, drop_ids):
                    self.drop(page, b, f"{who}: matches drop selector")
        for key in ("title", "byline", "date"):
            selectors = getattr(rule, key)
            if selectors:  # the headline, byline and date are fields, not body text
                ids = _Matched(_select(page, selectors, who))
                for b in list(page.kept()):
                    if _inside(b, ids):
                        self.drop(page, b, f"{who}: {key} selector")
        if rule.title:
            titles = [t for t in (_text(e) for e in _select(page, rule.title, who)) if t]
            if titles:
                page.set_field("title", titles[0], who, self.name)
        if rule.byline:
            names: list[str] = []
            for e in _select(page, rule.byline, who):
                for part in re.split(r",|\band\b|&", re.sub(r"^\s*by\s+", "", _text(e), flags=re.I)):
                    part = part.strip()
                    if part and part not in names:
                        names.append(part)
            if names:
                page.set_field("authors", names, who, self.name)
        if rule.date:
            for e in _select(page, rule.date, who):
                raw = e.get("datetime") or e.get("content") or _text(e)
                try:
                    value = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
                except ValueError:
                    continue
                page.set_field("published", value, who, self.name)
                break
