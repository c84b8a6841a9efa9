"""Stage 'type_fit': extraction that fits the page type, after ``page_type`` (HTML only).

The stages before it clean every page as an article: on a listing or a collection they keep one teaser or a
few product cards and drop the rest as repeated blocks or link lists. A reader of such a page expects the
items themselves, so on a page typed ``listing`` or ``collection`` (with at least ``min_confidence``) this
stage gives back every dropped block that is not in the site's chrome: not inside ``<nav>``, ``<header>``,
``<footer>``, ``<aside>`` or a ``<form>``. Documentation gets the same: its code samples, tables and short
reference lines look like boilerplate to the article cleaning. Articles, and the other types, are left as
they are. Measured with WCXB's word-F1 on the tune split (see README "Page types"); forum, product and
service pages lost words with the same rule, so it does not apply to them.
"""
from __future__ import annotations

from dataclasses import dataclass

from newsclean import handoffs
from newsclean.page import Page
from newsclean.stages.base import Stage

#: elements that hold a site's chrome, never a listing's items
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
#: the page types whose items are the content
ITEM_TYPES = frozenset({"listing", "collection"})
#: the page types whose dropped blocks outside the chrome come back: the items of a listing or collection;
#: the code samples, tables and short reference lines of documentation, which the article cleaning takes for
#: boilerplate (WCXB dev-other tune: documentation 0.901 -> 0.920)
RESTORE_TYPES = ITEM_TYPES | {"documentation"}


class TypeFitStage(Stage):
    name = "type_fit"
    requires = frozenset({handoffs.PAGE_TYPE})
    kinds = frozenset({"html"})

    @dataclass(frozen=True)
    class Options:
        #: below this page-type confidence the page is left as an article would be (an article mistaken
        #: for a listing with little confidence keeps its cleaning)
        min_confidence: float = 0.6

    def run(self, page: Page) -> None:
        kind = page.get("page_type")
        confidence = page.get("page_type_confidence") or 0.0
        if kind not in RESTORE_TYPES or confidence < self.options.min_confidence:
            return
        restored = 0
        for block in page.blocks:
            if block.dropped_by is None or block.dropped_by == "title":
                continue
            if CHROME_TAGS.isdisjoint(block.features.get("ancestors") or ()):
                what = "part" if kind == "documentation" else "an item"
                page.restore(block, self.name, f"{what} of a {kind} page (outside the site's chrome)")
                restored += 1
        if restored:
            page.note(self.name,
                      f"{kind} page: {restored} dropped blocks outside nav/header/footer/aside kept as items")
