"""Stage 'type_fit': extraction that fits the page type, after ``page_type`` (HTML only).

The stages before it clean every page as an article: on a listing or a collection they keep one teaser or a
few product cards and drop the rest as repeated blocks or link lists. A reader of such a page expects the
items themselves, so on a page typed ``listing`` or ``collection`` (with at least ``min_confidence``) this
stage gives back every dropped block that is not in the site's chrome: not inside ``<nav>``, ``<header>``,
``<footer>``, ``<aside>`` or a ``<form>``. With the option ``drop_repeats`` (off by default), on listing,
collection, product and forum pages a line that repeats an earlier kept line word for word is dropped (the
first copy stays). Articles, and the other types, are left as they are. Measured with WCXB's word-F1 on
the tune split (see README "Page types"): forum, product and service pages lost words with the restoring
rule, so it does not apply to them; documentation gained on tune (0.901 -> 0.920) but an article of the
trafilatura snippet set's check half taken for documentation lost words, so it is not applied to
documentation either.
"""
from __future__ import annotations

from dataclasses import dataclass

from newsclean import handoffs
from newsclean.page import DropKind, Page
from newsclean.stages.base import Stage

#: elements that hold a site's chrome, never a listing's items
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
#: the page types whose items are the content
ITEM_TYPES = frozenset({"listing", "collection"})
#: drops that stand on any page: the headline and its kicker are in the title field, not items
TITLE_DROPS = frozenset({DropKind.HEADLINE, DropKind.KICKER})
#: the page types where a line repeated word for word ("Free delivery over £50" on every card, "Add to
#: cart", a forum's "Quote" or "Report post") is chrome after its first copy; on documentation and
#: service pages the repeats are content (table cells, plan features), and word-F1 fell there (tune)
REPEAT_TYPES = frozenset({"listing", "collection", "product", "forum"})


class TypeFitStage(Stage):
    name = "type_fit"
    requires = frozenset({handoffs.PAGE_TYPE})
    kinds = frozenset({"html"})

    @dataclass(frozen=True)
    class Options:
        #: below this page-type confidence the page is left as an article would be (an article mistaken
        #: for a listing with little confidence keeps its cleaning)
        min_confidence: float = 0.6
        #: drop the second and later copies of a line on listing, collection, product and forum pages. Off
        #: by default: it lifts those types on check (see README "Page types") but an article of WCXB's
        #: check half, taken for one of them, lost words with it (html:wcxb check 0.9520 -> 0.9517)
        drop_repeats: bool = False

    def run(self, page: Page) -> None:
        kind = page.get("page_type")
        confidence = page.get("page_type_confidence") or 0.0
        if kind in ITEM_TYPES and confidence >= self.options.min_confidence:
            self._restore_items(page, kind)
        self._drop_repeats(page, kind, confidence)

    def _restore_items(self, page: Page, kind: str) -> None:
        """On a listing or collection, every dropped block outside the site's chrome is an item."""
        restored = 0
        for block in page.blocks:
            if block.dropped_by is None or block.drop_kind in TITLE_DROPS:
                continue
            if CHROME_TAGS.isdisjoint(block.features.get("ancestors") or ()):
                page.restore(block, self.name, f"an item of a {kind} page (outside the site's chrome)")
                restored += 1
        if restored:
            page.note(self.name,
                      f"{kind} page: {restored} dropped blocks outside nav/header/footer/aside kept as items")

    def _drop_repeats(self, page: Page, kind: str | None, confidence: float) -> None:
        """On a listing, collection, product or forum page, every kept block whose text (case and spacing
        aside) is the same as an earlier kept block is dropped, headings aside: the first copy stays."""
        if not self.options.drop_repeats or kind not in REPEAT_TYPES or confidence < self.options.min_confidence:
            return
        seen: set[str] = set()
        dropped = 0
        for block in page.kept():
            key = " ".join(block.text.lower().split())
            if key in seen and block.kind != "heading":  # "Pros", "Specifications" again: structure
                page.drop(block, self.name, f"a repeat of an earlier line on a {kind} page")
                dropped += 1
            else:
                seen.add(key)
        if dropped:
            page.note(self.name, f"{kind} page: {dropped} repeated lines dropped (their first copy kept)")
