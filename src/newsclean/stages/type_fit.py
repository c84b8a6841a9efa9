"""Stage 'type_fit': extraction that fits the page type, after ``page_type`` (HTML only).

The stages before it clean every page as an article: on a listing or a collection they keep one teaser or a
few product cards and drop the rest as repeated blocks or link lists. A reader of such a page expects the
items themselves, so on a page typed ``listing`` (with at least ``listing_min_confidence``) or
``collection`` (``min_confidence``) this stage gives back every dropped block that is not in the site's
chrome: not inside ``<nav>``, ``<header>`` (a teaser's own header in a repeated ``<article>`` aside),
``<footer>``, ``<aside>`` or a ``<form>``, and not a second
copy of earlier text or a stock phrase ("Updated …", "Related") -- those stay dropped. On those pages a kept
block whose nearest class/id words name the site's chrome (a ``<div class="site-menu">``, a filter panel, a
footer or a dialog not set as ``<nav>``/``<footer>``, the page links) is dropped, and so is a line that reads as a
list's page link, results count or sort/filter control ("Next page", "1-30 of 338 products", "Sort by: Price").

Then the chrome that repeats with every item goes (element level, ``item_groups``): the page's repeated
items are found as sibling elements of one shape under one parent, and on a listing, collection or product
page typed with at least ``item_confidence`` a line that comes back in at least ``item_repeat_share`` of
one group's items ("Select size", "Add to wishlist", "Regular price", a badge) is dropped in all of them;
the items' titles and blurbs, which differ, stay. On a product page, before the region is chosen again, the
carousels of other products (``product_carousel``: repeated cards that show prices and do not hold the
title, unless they are most of what is kept) and the customer reviews (under a class or id word
"review"/"reviews", unless they are nearly all of what is kept) are dropped. On a forum page, with
``restore_posts`` (off), the posts the container left out (``forum_posts``) get their prose back. Last, with
``drop_repeats`` on a listing, collection, product or forum page typed with at least
``repeat_confidence``, a line that repeats an earlier kept line word for word is dropped (the first copy
stays). On a listing, collection or product page the blocks of a cookie or consent box (``consent_boxes``:
"We care about your privacy", the consent manager's purposes and vendors) are dropped too (on a listing from
the listing's floor, where its restoring starts). On a service page, what navigation dropped between the first
and the last kept block comes back (``_restore_copy``): a landing page's sections sit in boxes an article's
cleaning takes for chrome. Articles, and the other types, are left as they are.

Measured with WCXB's word-F1 on the tune split (see README "Page types"): forum, product and service pages
lost words with the restoring rule, so it does not apply to them; documentation gained on tune
(0.901 -> 0.920) but an article of the trafilatura snippet set's check half taken for documentation lost
words, so it is not applied to documentation either.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsclean import handoffs
from newsclean.page import DropKind, Page
from newsclean.stages.base import Stage
from newsclean.stages.boilerplate.signals import inside
from newsclean.stages.consent_boxes import consent_blocks
from newsclean.stages.forum_posts import is_prose, post_group
from newsclean.stages.item_groups import ItemGroup, item_groups, item_text
from newsclean.stages.list_chrome import in_item_header, in_page_footer, list_control
from newsclean.stages.product_carousel import carousel_blocks
from newsclean.stages.type_region import title_block, title_region

#: elements that hold a site's chrome, never a listing's items
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
#: the page types whose items are the content
ITEM_TYPES = frozenset({"listing", "collection"})
#: drops that stand on any page: the headline and its kicker are in the title field, not items; a second
#: copy of earlier text and a stock phrase ("Updated March 2", "Related") are not items either (tune: the
#: words of the restored copies were 2% and 8% in WCXB's truth)
KEEP_DROPPED = frozenset({DropKind.HEADLINE, DropKind.KICKER, DropKind.REPEAT, DropKind.STOCK_PHRASE})
#: the page types where a line repeated word for word ("Free delivery over £50" on every card, "Add to
#: cart", a forum's "Quote" or "Report post") is chrome after its first copy; on documentation and
#: service pages the repeats are content (table cells, plan features), and word-F1 fell there (tune)
REPEAT_TYPES = frozenset({"listing", "collection", "product", "forum"})
#: the page types whose region is chosen again around the title when the container misses it, meets it only at
#: <body> and does not name it (``type_region``; tune: product 0.584 -> 0.598, collection 0.655 -> 0.664, forum
#: 0.792 -> 0.810; check: forum 0.641 -> 0.644, the others unchanged). On service and documentation pages
#: the title is a hero's slogan or a heading apart from the copy (5 tune pages fell by 0.5-0.9 without the
#: naming test)
REGION_TYPES = frozenset({"product", "collection", "forum", "listing"})
#: ... of which those where a container near the title (meeting it below <body>) is widened to hold it: none
#: (tune product 0.616 with it, but check product 0.556 -> 0.527; on forums 0.792 -> 0.751 on tune: a
#: forum's posts sit apart from the thread's title)
WIDEN_TYPES: frozenset[str] = frozenset()
#: class/id words of the site's chrome set as ``<div class=...>`` rather than as ``<nav>``/``<footer>`` tags: menus,
#: footers, pop-up dialogs, the filter/sort panel of a shop's grid, screen-reader-only labels and toggles (tune,
#: true types forced, simulated on the kept blocks: listing 0.687 -> 0.712 with 28 pages up and 2 down by at most
#: 0.06, collection 0.663 -> 0.684 with 49 up and 7 down by at most 0.03; product pages unchanged)
CHROME_HINTS = frozenset({"footer", "nav", "navbar", "navigation", "menu", "modal", "popup", "dialog", "facet",
                          "facets", "filter", "filters", "sort", "sr", "toggle",
                          # a list's page links (tune, listing and collection pages: 12 up, none down)
                          "pagination", "pager", "paging", "paginator"})
#: ... read among a block's nearest class/id words (its own and its closest ancestors'): further up they name
#: a page wrapper (<body class="has-filters">, a layout holding the whole grid); 4 and 8 gave the same gains
CHROME_HINT_NEAR = 6
#: the page types whose copy comes back when the article cleaning's chrome guesses cut into it (``_restore_copy``):
#: a company, pricing or landing page's sections sit in boxes named "cta", "banner", "modal" or in a <header>
#: that an article's navigation stage drops (tune, simulated on the dropped blocks: service 0.802 -> 0.815,
#: 54 pages up, 22 down; the same rule on documentation +0.003, product -0.003, forum -0.013: left out)
COPY_TYPES = frozenset({"service"})
#: the stage whose drops inside the kept region are guesses from class words and link shares (boilerplate's
#: drops choose the region itself, and the later stages' are bylines, dates and copies)
COPY_STAGE = "navigation"
#: a block with more of its text in links than this is a link row, not copy (a paragraph with an inline link or
#: two is below it; tune: 0 / 0.2 / 0.5 gave +0.0129 / +0.0130 / +0.0121 on service pages)
COPY_MAX_LINK_DENSITY = 0.2
#: elements whose text is never a page's copy: a form's labels, the footer, a picture's caption
COPY_CHROME_TAGS = frozenset({"form", "footer", "figure"})
#: drops that read the text itself as chrome ("Advertisement", "Sign up now", a caption), not a guess from the
#: box around it: they stay dropped (tune, the rule tried on all 543 articles as if typed service: 190 pages
#: down without this, 125 with it -- captions alone were 7.5k words outside the truth; service pages 54 up /
#: 22 down -> 50 up / 18 down, +0.0130 -> +0.0129)
COPY_KEEP_DROPPED = frozenset({DropKind.STOCK_PHRASE, DropKind.PROMO})
#: the page types whose repeated items carry per-item chrome ("Add to wishlist", "Select size")
ITEM_REPEAT_TYPES = frozenset({"listing", "collection", "product"})
#: the page types whose kept blocks in the page's own ``<footer>`` (``list_chrome.in_page_footer``) are dropped: an
#: article's cleaning drops the footer around the story it finds, but on these pages the kept text can reach it
#: (tune, true types forced, simulated on the kept blocks: collection 0.701 -> 0.709, product 0.609 -> 0.635, service
#: 0.817 -> 0.824, 4 pages up, none down -- three of them pages with no content whose footer was all that was kept)
FOOTER_TYPES = frozenset({"listing", "collection", "product", "forum", "documentation", "service"})
#: a line found in this many items of a group at least, whatever the share, before it counts as item chrome
ITEM_REPEAT_MIN = 3
#: class/id words of customer reviews: on a product page they are not the product's description (WCXB's
#: truth leaves them out; tune: product 0.585 -> 0.601)
REVIEW_HINTS = frozenset({"review", "reviews"})
#: ... unless they hold more than this share of the kept words: then the page is a review, not a shop page
#: (tune: at 0.5 two shop pages whose container was the reviews with a little copy beside them kept them,
#: 0.30 -> 0.85 and 0.20 -> 0.39 at 0.95; a book's page whose WCXB truth holds its reviews fell 0.55 -> 0.39)
REVIEW_MAX_SHARE = 0.95
#: a product page's carousels go only while they hold at most this share of the kept words: a page that is
#: mostly priced cards is a collection typed product (tune: 1 of 70 collections typed product, 3 of 21 on check)
CAROUSEL_MAX_SHARE = 0.5
#: the stage whose drops inside a forum's posts come back with them (beside the container choice's): its
#: form-box and link-row guesses take a post for chrome when the forum wraps each post in a <form>
POST_STAGE = "navigation"


def _consent(page: Page) -> set[int]:
    """The blocks of the page's consent boxes: what ``boilerplate`` found (``html_consent``), else found here."""
    found = page.handoffs.html_consent
    return set(found) if found is not None else consent_blocks(page)


class TypeFitStage(Stage):
    name = "type_fit"
    requires = frozenset({handoffs.PAGE_TYPE})
    optional = frozenset({handoffs.HTML_CONSENT})
    kinds = frozenset({"html"})

    @dataclass(frozen=True)
    class Options:
        #: below this page-type confidence the page is left as an article would be (an article mistaken
        #: for a listing with little confidence keeps its cleaning)
        min_confidence: float = 0.6
        #: the same for a listing: a section front is often typed listing with little confidence and loses
        #: most of its teasers to the article cleaning (tune: listing 0.590 at 0.6 -> 0.627 at 0.4)
        listing_min_confidence: float = 0.4
        #: drop a line found in at least this share of one repeated-item group's items (0 turns it off)
        item_repeat_share: float = 0.5
        #: ... on a page typed listing, collection or product with at least this confidence (tune listing
        #: 0.617 at 0.6, 0.611 at 0.7, 0.608 without the rule; at 0.6 a WCXB check article taken for one of them
        #: lost words under session 8's page-type model, so it was 0.7 until session 13, when, with today's
        #: model and ``copy_confidence`` 0.7, tune / check listing 0.659 / 0.697 -> 0.665 / 0.697, service
        #: 0.810 / 0.844 -> 0.815 / 0.851, scoreboard's HTML article sets unchanged on check)
        item_confidence: float = 0.6
        #: drop the second and later copies of a line on listing, collection, product and forum pages
        #: typed with at least ``repeat_confidence``
        drop_repeats: bool = True
        #: at 0.6 an article of WCXB's check half, taken for one of those types, lost words
        #: (html:wcxb check 0.9520 -> 0.9517), so it was 0.9 until session 13; at 0.7 with today's model, tune /
        #: check listing 0.659 / 0.697 -> 0.668 / 0.696, collection 0.695 / 0.589 -> 0.698 / 0.593, product
        #: 0.634 / 0.639 -> 0.635 / 0.645, the scoreboard's HTML article sets unchanged on check
        repeat_confidence: float = 0.7
        #: on a product page, drop the customer reviews (blocks under a class/id word "review(s)")
        drop_reviews: bool = True
        #: on a listing, collection or product page (typed with at least ``min_confidence``), drop the
        #: blocks of cookie and consent boxes (``consent_boxes``; tune, true types forced: listing 0.657 ->
        #: 0.688, collection 0.649 -> 0.654, 18 pages up, none down; on forums the two pages it changed
        #: had lost their posts already and kept only the box, documentation and service unchanged)
        drop_consent: bool = True
        #: on a listing or collection page (typed with the floors of the items' restoring), drop the kept
        #: blocks whose nearest class/id words name the site's chrome (``CHROME_HINTS``)
        drop_chrome_hints: bool = True
        #: on a service page typed with at least ``copy_confidence``, give back what navigation dropped
        #: between the first and the last kept block (``_restore_copy``)
        restore_copy: bool = True
        #: at 0.6 an article of WCXB's check half, taken for a service page, lost words (html:wcxb check
        #: 0.9530 -> 0.9528, found in the aggregate only, as for ``repeat_confidence``); tune, service pages:
        #: +0.0129 at 0.6, +0.008 at 0.9; 0.9 until session 13, then 0.7 (with ``item_confidence`` 0.6, see there)
        copy_confidence: float = 0.7
        #: on a forum page (typed with at least ``min_confidence``), give back the posts' prose that the
        #: container choice dropped (``_restore_posts``). Off: on tune it lifted 6 threads (0.35 -> 0.77,
        #: 0.51 -> 0.89, ...) and lowered 2 whose WCXB truth is the opening post alone (0.96 -> 0.07,
        #: 0.99 -> 0.77), forum 0.813 -> 0.811
        restore_posts: bool = False
        #: on a product page (typed with at least ``min_confidence``), drop the carousels of other
        #: products (``_drop_carousels``)
        drop_carousels: bool = True
        #: on a page of ``FOOTER_TYPES`` typed with at least ``min_confidence``, drop the kept blocks in the
        #: page's own ``<footer>`` (``_drop_page_footer``)
        drop_page_footer: bool = True

    def run(self, page: Page) -> None:
        kind = page.get("page_type")
        confidence = page.get("page_type_confidence") or 0.0
        groups: list[ItemGroup] | None = None  # the page's repeated items, found once (structure only)
        if kind == "product" and confidence >= self.options.min_confidence:
            # (before the region's second choice: a kept row of other products or of reviews names the
            # product all the same, and would keep the region from moving to the title)
            if self.options.drop_carousels:
                groups = item_groups(page)
                self._drop_carousels(page, groups)
            if self.options.drop_reviews:
                self._drop_reviews(page)
        if kind in REGION_TYPES and confidence >= self.options.min_confidence:
            self._rechoose_region(page, kind)
        if kind == "forum" and confidence >= self.options.min_confidence and self.options.restore_posts:
            self._restore_posts(page)
        floor = self.options.listing_min_confidence if kind == "listing" else self.options.min_confidence
        if kind in ITEM_TYPES and confidence >= floor:
            self._restore_items(page, kind)
            if self.options.drop_chrome_hints:
                self._drop_chrome_hints(page, kind)
        if kind in COPY_TYPES and confidence >= self.options.copy_confidence and self.options.restore_copy:
            self._restore_copy(page, kind)
        if kind in ITEM_REPEAT_TYPES and confidence >= self.options.item_confidence \
                and self.options.item_repeat_share > 0:
            self._drop_item_chrome(page, kind, groups if groups is not None else item_groups(page))
        self._drop_repeats(page, kind, confidence)
        if kind in FOOTER_TYPES and confidence >= self.options.min_confidence and self.options.drop_page_footer:
            self._drop_page_footer(page, kind)
        # (a listing's consent box goes from the listing's floor: below ``min_confidence`` the items' restoring
        # gives it back too, tune: 2 listings typed 0.46 and 0.58 kept OneTrust's whole preference centre)
        if kind in ITEM_REPEAT_TYPES and confidence >= min(floor, self.options.min_confidence) \
                and self.options.drop_consent:
            self._drop_consent(page, kind)

    def _rechoose_region(self, page: Page, kind: str) -> None:
        """When the chosen container misses the page's title, the region around the title replaces it: what
        the container choice dropped inside it comes back, what is kept outside it goes."""
        region = title_region(page, widen=kind in WIDEN_TYPES)
        if region is None:
            return
        memo: dict[Any, bool] = {}
        restored = dropped = 0
        for block in page.blocks:
            held = block.element is not None and inside(block.element, region, memo)
            if held and block.outside_main and block.drop_kind is DropKind.OTHER:
                page.restore(block, self.name, f"inside the region holding the title of a {kind} page")
                restored += 1
            elif not held and block.kept:
                page.drop(block, self.name, f"outside the region holding the title of a {kind} page",
                          outside_main=True)
                dropped += 1
        page.handoffs.html_container = region
        page.note(self.name, f"{kind} page: region chosen again around the title ({restored} blocks back, "
                             f"{dropped} dropped)")

    def _drop_carousels(self, page: Page, groups: list[ItemGroup]) -> None:
        """Rows of other products' cards (``product_carousel``) are not the product's copy: their kept
        blocks go, before the region is chosen again around the title (a carousel kept as the container
        leaves nothing that names the product, so the title's own region comes back)."""
        title = title_block(page)
        if title is None:
            return
        cards = carousel_blocks(groups, title)
        shown = [b for b in page.blocks if b.kept and b.index in cards]
        kept_words = sum(len(b.text.split()) for b in page.blocks if b.kept)
        if sum(len(b.text.split()) for b in shown) > CAROUSEL_MAX_SHARE * kept_words:
            return  # the priced cards are most of what is kept: a collection, whatever the type says
        for block in shown:
            page.drop(block, self.name, "a card in a carousel of other products")
        if shown:
            page.note(self.name, f"product page: {len(shown)} blocks of carousels of other products dropped")

    def _restore_posts(self, page: Page) -> None:
        """The thread's posts (``forum_posts.post_group``) are its content: the prose the container choice
        dropped inside them comes back (the question when the container was an answer, the answers when it
        was the question)."""
        group = post_group(page)
        if group is None:
            return
        consent = _consent(page)
        restored = 0
        for post in group.posts:
            if any(b.kept for b in post):
                continue  # the container holds (a part of) this post: its choice inside it stands
            for block in post:
                if (block.outside_main or block.dropped_by == POST_STAGE) and block.drop_kind is DropKind.OTHER \
                        and is_prose(block) and block.index not in consent \
                        and CHROME_TAGS.isdisjoint(block.features.get("ancestors") or ()):
                    page.restore(block, self.name, "a post of a forum thread")
                    restored += 1
        if restored:
            page.note(self.name, f"forum page: {restored} blocks of the thread's posts given back")

    def _drop_consent(self, page: Page, kind: str) -> None:
        """The blocks of a cookie or consent box are not the page's content."""
        inside = _consent(page)
        dropped = 0
        for block in page.blocks:
            if block.kept and block.index in inside:
                page.drop(block, self.name, f"a cookie or consent box on a {kind} page")
                dropped += 1
        if dropped:
            page.note(self.name, f"{kind} page: {dropped} blocks of a cookie or consent box dropped")

    def _restore_items(self, page: Page, kind: str) -> None:
        """On a listing or collection, every dropped block outside the site's chrome is an item."""
        restored = 0
        for block in page.blocks:
            if block.dropped_by is None or block.drop_kind in KEEP_DROPPED:
                continue
            ancestors = block.features.get("ancestors") or ()
            if CHROME_TAGS.isdisjoint(ancestors) or in_item_header(block.element, ancestors):
                page.restore(block, self.name, f"an item of a {kind} page (outside the site's chrome)")
                restored += 1
        if restored:
            page.note(self.name,
                      f"{kind} page: {restored} dropped blocks outside nav/header/footer/aside kept as items")

    def _restore_copy(self, page: Page, kind: str) -> None:
        """Blocks navigation dropped between the first and the last kept block come back, unless they are
        link rows, captions, stock phrases or promotions, or sit in a form, the footer or a figure: on a
        service page the copy runs through boxes an article's cleaning takes for chrome (a "cta" section, a
        banner, a modal's text); what lies before the first and after the last kept block (menus, related
        pages, the footer) stays dropped (tune: with that span 22 pages down instead of 33, and no tune
        article typed service lost words)."""
        kept = [i for i, b in enumerate(page.blocks) if b.kept]
        if len(kept) < 2:
            return
        first, last = kept[0], kept[-1]
        restored = 0
        for block in page.blocks[first + 1:last]:
            if block.dropped_by != COPY_STAGE or block.drop_kind in COPY_KEEP_DROPPED or block.kind == "caption" \
                    or block.features.get("link_density", 0.0) > COPY_MAX_LINK_DENSITY \
                    or not COPY_CHROME_TAGS.isdisjoint(block.features.get("ancestors") or ()):
                continue
            page.restore(block, self.name, f"copy of a {kind} page between kept blocks")
            restored += 1
        if restored:
            page.note(self.name, f"{kind} page: {restored} blocks dropped as chrome between kept copy given back")

    def _drop_chrome_hints(self, page: Page, kind: str) -> None:
        """Kept blocks inside an element whose class or id names a menu, a footer, a dialog, a filter or sort
        panel or the page links (near the block) are the site's chrome, not items; so is a line that reads as a
        page link, a results count or a sort/filter control (``list_chrome.list_control``)."""
        dropped = 0
        for block in page.kept():
            near = (block.features.get("hints") or ())[-CHROME_HINT_NEAR:]
            if not CHROME_HINTS.isdisjoint(near) or list_control(block.text):
                page.drop(block, self.name, f"in an element named as the site's chrome on a {kind} page")
                dropped += 1
        if dropped:
            page.note(self.name, f"{kind} page: {dropped} blocks of menus, footers, dialogs, filters or page links "
                                 "dropped")

    def _drop_item_chrome(self, page: Page, kind: str, groups: list[ItemGroup]) -> None:
        """Every kept line found in many items of one repeated-item group is dropped in all of them (not
        headings: "Specifications" in every spec card is structure)."""
        dropped = 0
        for group in groups:  # nested groups: a line already dropped at one level is skipped at the next
            counts: dict[str, int] = {}
            for blocks in group.items.values():
                for key in {item_text(b) for b in blocks}:
                    counts[key] = counts.get(key, 0) + 1
            floor = max(ITEM_REPEAT_MIN, self.options.item_repeat_share * len(group.items))
            for block in group.blocks:
                if block.kept and block.kind != "heading" and counts[item_text(block)] >= floor:
                    page.drop(block, self.name, f"a line repeated in the items of a {kind} page (item chrome)")
                    dropped += 1
        if dropped:
            page.note(self.name, f"{kind} page: {dropped} lines repeated in every item dropped")

    def _drop_page_footer(self, page: Page, kind: str) -> None:
        """Kept blocks in the page's own ``<footer>`` are the site's fine print, links and addresses, not the
        page's content (a teaser's or a post's own footer, under an ``<article>`` or a ``<section>``, stays)."""
        dropped = 0
        for block in page.kept():
            if in_page_footer(block.element, block.features.get("ancestors") or ()):
                page.drop(block, self.name, f"in the page's footer on a {kind} page")
                dropped += 1
        if dropped:
            page.note(self.name, f"{kind} page: {dropped} blocks of the page's footer dropped")

    def _drop_reviews(self, page: Page) -> None:
        """Customer reviews on a product page go, unless they are most of what is kept."""
        kept = list(page.kept())
        reviews = [b for b in kept if not REVIEW_HINTS.isdisjoint(b.features.get("hints") or ())
                   or not REVIEW_HINTS.isdisjoint(b.features.get("own_hints") or ())]
        words = sum(len(b.text.split()) for b in reviews)
        if not reviews or words > REVIEW_MAX_SHARE * sum(len(b.text.split()) for b in kept):
            return
        for block in reviews:
            page.drop(block, self.name, "a customer review on a product page")
        page.note(self.name, f"product page: {len(reviews)} blocks of customer reviews dropped")

    def _drop_repeats(self, page: Page, kind: str | None, confidence: float) -> None:
        """On a listing, collection, product or forum page, every kept block whose text (case and spacing
        aside) is the same as an earlier kept block is dropped, headings aside: the first copy stays."""
        if not self.options.drop_repeats or kind not in REPEAT_TYPES or confidence < self.options.repeat_confidence:
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
