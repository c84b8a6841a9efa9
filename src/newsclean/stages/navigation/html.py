"""Navigation and chrome removal for HTML pages, inside the main content the boilerplate stage chose.

Drops blocks that sit (between the container and the block) in <nav>/<aside>/<footer>/<header>/
<form> or in elements whose class/id words say share bar, related list, newsletter box, comments,
caption, credit, byline, tags...; captions; link-heavy blocks; short stock phrases ("Advertisement",
"Read more"); and headings left with nothing under them.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from newsclean.load.element_text import text_of
from newsclean.page import Block, DropKind, Page
from newsclean.stages.boilerplate.notices import cookie_notices, notice_reason
from newsclean.stages.boilerplate.signals import (
    describe,
    element_words,
    links_home,
    load_hints,
)
from newsclean.stages.navigation.promo import promo_anchors, promo_pattern, read_also_pattern
from newsclean.stages.navigation.sections import (
    drop_contents_lists,
    drop_detached_tail,
    drop_linked_tail_headings,
    drop_orphan_headings,
    drop_trailing_headings,
)
from newsclean.stages.navigation.tree import chain_word_lengths, descends, subtree_sums
from newsclean.urls import site_of

_log = logging.getLogger(__name__)  # "newsclean.<module>": fallbacks are logged at DEBUG

_CHROME_TAGS = frozenset({"nav", "aside", "footer", "form", "header", "menu", "figure", "address"})
_SKIP_UP = frozenset({"html", "body"})
_FIGURE_CONTENT = frozenset({"table", "list_item", "pre", "quote"})  # a <figure> holding data, code
_EMBED_WORDS = ("('social')", "('socials')", "('embed')")
_META_PROPS = frozenset({"author", "creator", "datepublished", "datemodified", "datecreated", "publisher",
                         "dateline", "caption", "copyrightholder", "keywords"})
_BOX_TAGS = frozenset({"div", "section", "aside", "li", "ul", "p", "span"})
_LIST_TAGS = frozenset({"ul", "ol"})
_TEXT_BLOCK_CHARS = 40       # a block this long ...
_TEXT_MAX_LD = 0.2           # ... with few links reads as text, not a label or a link row
_HEADER_TEXT_BLOCKS = 4      # a <header> holding this many text blocks was never closed (broken markup)
_ARTICLE_TEXT_BLOCKS = 4     # an <article> holding this many text blocks is a story, whatever its class words


class _Context:
    """Per-page memo of which elements (below the container) mark their content as chrome."""

    def __init__(self, page: Page, container: Any) -> None:
        self.container = container
        self.memo: dict[Any, str | None] = {}
        hints = load_hints()
        self.negative = hints.block_negative
        self.positive = hints.content_positive
        self.strong = hints.block_negative_strong
        self.phrases = frozenset(hints.boilerplate_phrases)
        self.sections = frozenset(hints.section_phrases)
        self.sections_exact = hints.section_titles_exact
        self.ctas = hints.cta_starts
        self.promo = promo_pattern()
        self.promo_anchors = promo_anchors()  # (no anchor in the text: no promo phrase, no search)
        self.read_also = read_also_pattern()
        self.host = site_of(page.url)
        found = page.handoffs.html_cookies  # (boilerplate's, when it ran: the same texts)
        if found is None:
            found = tuple(page.blocks[i].index for i in cookie_notices([b.text for b in page.blocks]))
        self.cookies = frozenset(found)
        kept = [b for b in page.blocks if b.dropped_by is None]  # (Block.kept, without a property call each)
        self.body_len = sum(len(b.text) for b in kept) or 1
        chain_memo: dict[Any, frozenset[str]] = {}  # element -> the chrome words of its chain
        self.el_words: dict[Any, tuple[str, ...]] = {}  # class/id words, read once per element
        # characters below each chrome word of the blocks' chains; per block, a text block (not a label,
        # not a link row) or not
        word_len, items = chain_word_lengths(kept, container, chain_memo, self.el_words, self.negative,
                                             _TEXT_BLOCK_CHARS, _TEXT_MAX_LD)
        # characters, and text blocks, below each element
        self.el_len, self.el_texts = subtree_sums(items, container)
        # a chrome word that labels much of the main content is a layout name, not chrome
        self.common = frozenset(w for w, n in word_len.items() if n > 0.4 * self.body_len)

    def own_reason(self, el: Any) -> str | None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        prop = (el.get("itemprop") or "").lower()
        if tag in _SKIP_UP or "articlebody" in prop or prop == "text":  # (the body, marked as such)
            return None
        share = self.el_len.get(el, 0) / self.body_len
        if tag in _CHROME_TAGS:
            if share > 0.5:
                return None  # a page-wrapping form or header (broken markup), not chrome
            if tag == "header" and self.el_texts.get(el, 0) >= _HEADER_TEXT_BLOCKS:
                return None  # a header running over the body's paragraphs: it was never closed
            return f"inside <{tag}>"
        if share < 0.15 and tag in _BOX_TAGS and _has_text_input(el):
            return f"inside a form box ({describe(el)[:40]})"  # sign-up, search, comment form
        if prop in _META_PROPS and share < 0.3:
            return f"byline/date markup (itemprop={prop})"
        role = (el.get("role") or "").lower()
        if role in ("navigation", "complementary", "contentinfo", "banner", "menu", "menubar"):
            return f"inside role={role}"
        words = self.el_words.get(el)
        if words is None:
            words = element_words(el)
        if not words:
            return None
        if tag == "article" and self.el_texts.get(el, 0) >= _ARTICLE_TEXT_BLOCKS:
            return None  # an <article> with paragraphs of its own is the story ('node-paywall'), not a card
        # a list is never a layout wrapper: a strong chrome word on it counts even when it labels much
        # of the main content ('related-posts' under a short post)
        is_list = tag in _LIST_TAGS
        bads = [w for w in words if w in self.negative and (w not in self.common or is_list and w in self.strong)]
        if not bads:
            return None
        bad = next((w for w in bads if w in self.strong), bads[0])  # a strong word anywhere in the name counts
        if bad not in self.strong and any(w in self.positive for w in words):
            return None  # 'post-body meta-field': the content word wins over a weak chrome word
        if share > 0.4 and not (is_list and bad in self.strong):
            return None  # holds much of the article: a layout wrapper with an unlucky name
        return f"inside {describe(el)[:60]} ('{bad}')"

    def reason(self, el: Any) -> str | None:
        chain = []
        e = el
        res: str | None = None
        while e is not None and e is not self.container:
            if e in self.memo:
                res = self.memo[e]
                break
            chain.append(e)
            e = e.getparent()
        # resolve from the top down so an outer chrome element wins
        for x in reversed(chain):
            if res is None:
                res = self.own_reason(x)
            self.memo[x] = res
        return res


_STRIP = " :.!?|›»>-–—•·*#()[]"
_CREDIT_LINE = re.compile(r"(?i)^\s*(written|posted|reviewed|edited|fact[- ]checked|medically reviewed)\s+by")
_PHRASE_SPLIT = re.compile(r"[ :]+")
#: '... ? Learn more here.', '... ? Get started today!': a short pitch for the site's own offer
_ENDS_WITH_CTA = re.compile(
    r"(?i)\b(learn more|find out more|get started|sign up|start your free trial|book a (free )?demo|"
    r"request a (free )?quote|contact us)( (here|now|today|below))?\W{0,4}$")
_CITATION = re.compile(r"(?i)https?://|\bdoi\b|\bet al\b|\((19|20)\d\d[a-z]?\)|\b(accessed|retrieved)\b")
#: 'Tags: Employment, Health & Fitness, ...': a labelled list of the site's tags or categories
_TAG_LINE = re.compile(r"(?i)^\W*(tags|tagged( with)?|topics|categories|category|filed under|posted in)\s*:")
#: '27 commentaires', '3 Kommentare': the title of the reader comments below the article
_COMMENTS_TITLE = re.compile(
    r"(?i)^\W*(?:[\d.,]+\s*(comments?|kommentare?|leserkommentare|commentaires?|comentarios?|commenti|reacties|"
    r"réactions|reacciones|responses|replies|antworten|thoughts|gedanken|réflexions?|reflexiones)"
    r"(?:\s+(?:on|to|zu|auf|sur|à|sobre|a|en|para|su)\s.{1,120})?"  # '5 Gedanken zu „Title“' (WordPress)
    r"|(comments?|kommentare?|leserkommentare|commentaires?|comentarios?|commenti|reacties)\s*\(\s*\d+\s*\))\W*$")
#: 'Anzeige', 'Werbung:', 'Publicidad': an ad's label on its own ('Werbung neuer Mitglieder' is text)
_AD_LABEL = re.compile(r"(?i)^\W*(anzeige|werbung|publicidad|publicité|pubblicità)\W*$")
#: '... Lee Elder. | © Augusta National/Getty Images', '© AFP / JEFF PACHOUD': a picture's caption and credit
_CREDIT_TAIL = re.compile(r"(?:^|[.!?|:]\s|\s[|/–-]\s)\s*(?:©|\(c\)|copyright\b)\s*[^.!?©]{2,60}$", re.IGNORECASE)
_CREDIT_MAX_CHARS = 250   # a caption with its credit is a line or two; a longer paragraph is text
_CREDIT_UP = 3           # the caption and its picture share a small box this far up at most
_STOCK_MAX_CHARS = 80     # a stock phrase ('Advertisement', 'Read more') is a short line, never a paragraph
_READ_ALSO_MAX_CHARS = 200  # 'Read also: <a headline>' is one line; a longer paragraph is text that goes on
_COUNTER = re.compile(
    r"(?i)^\W*[\d.,]+\s*k?\s*(comments?|shares?|views?|likes?|replies|responses|reactions|min(ute)?s?\s+read)\W*$")


def _meta_markup(el: Any, n: int) -> str | None:
    """An author/date itemprop on an inline element that makes up most of a short block."""
    for k, sub in enumerate(el.iter()):
        if k > 12:
            break  # a short block's own inline markup sits near its start; never walk a wrapper
        prop = sub.get("itemprop") if sub is not el and isinstance(sub.tag, str) else None
        if prop and prop.lower() in _META_PROPS:
            if len(" ".join(text_of(sub).split())) >= 0.6 * n:
                return prop.lower()
    return None


def _may_credit(text: str) -> bool:
    """Cheap test before ``_CREDIT_TAIL``: '©', '(c)' or 'copyright' in any case ('p', 'y', 'r' have no other forms)."""
    low = text.lower()
    return "©" in text or "(c)" in low or "pyr" in low


def _by_picture(b: Block, ctx: _Context) -> bool:
    """Does the block share a small box (no more text than a caption) with a picture?"""
    el = b.element
    for _ in range(_CREDIT_UP):
        if el is None or el is ctx.container:
            return False
        if ctx.el_len.get(el, 0) <= _CREDIT_MAX_CHARS and any(True for _ in el.iter("img", "picture")):
            return True
        el = el.getparent()
    return False


def _has_text_input(el: Any) -> bool:
    """An email/search/text field below ``el`` (a sign-up or comment form; not a checklist)."""
    for inp in el.iter("input"):
        if inp.get("readonly") is not None or inp.get("aria-hidden") == "true":
            continue  # a copy-the-link field, not a form
        if (inp.get("type") or "text").lower() in ("text", "email", "search", "tel"):
            return True
    return False


@lru_cache(maxsize=4096)  # pure; pages repeat short texts ('Share', 'Read more')
def _stock_phrase(text: str, phrases: frozenset[str], prefix_len: int = 50) -> str | None:
    """The stock phrase a short block is (or, when shorter than ``prefix_len``, starts with)."""
    if len(text) > _STOCK_MAX_CHARS:
        return None
    low = text.lower().strip(_STRIP)
    if low in phrases:
        return low
    if len(low) > prefix_len:
        return None
    words = _PHRASE_SPLIT.split(low, 5)
    for k in range(min(len(words) - 1, 5), 0, -1):
        head = " ".join(words[:k])
        if head in phrases:
            return head
    return None


def drop_navigation(page: Page, options: Any, stage: str) -> None:
    if page.tree is None or not page.blocks:
        return
    try:
        _drop_navigation(page, options, stage)
    except Exception as exc:  # noqa: BLE001 - odd trees (lxml errors included): keep what is left
        _log.debug("navigation rules stopped on %s", page.url or "page", exc_info=True)
        page.note(stage, f"navigation rules stopped: {type(exc).__name__}")


def _drop_navigation(page: Page, options: Any, stage: str) -> None:
    ctx = _Context(page, page.handoffs.html_container)
    max_ld = getattr(options, "html_max_link_density", 0.5)
    teasers = set(page.handoffs.html_teasers or ())
    if teasers:
        in_main = sum(len(b.text) for b in page.blocks if b.dropped_by is None and b.index in teasers)
        if in_main > 0.65 * ctx.body_len:
            teasers = set()  # cards are most of the main content: a listicle, not a related box
    for b in page.blocks:
        if b.dropped_by is not None:  # (not b.kept)
            continue
        if b.index in teasers:
            page.drop(b, stage, "teaser card of another story (linked headline + summary)")
            continue
        why = _block_reason(b, ctx, max_ld)
        if why:
            page.drop(b, stage, why[0], kind=why[1])
    _drop_boxes(page, ctx, stage)
    drop_contents_lists(page, stage)
    drop_orphan_headings(page, stage)
    drop_linked_tail_headings(page, stage)
    drop_trailing_headings(page, stage)
    drop_detached_tail(page, stage)


def _link_heavy(b: Block, ld: float, n: int, max_ld: float, host: str) -> bool:
    """Link-heavy text inside the main content. Measured on the dev sets: mostly-linked
    paragraphs are chrome ('Read more: ...', link rows), but list items, even fully linked,
    are as often part of the article (resource lists, sources) as not, so they stay; code,
    tables and headings never go for their links."""
    if b.kind in ("paragraph", "quote"):
        if ld >= 0.8:
            return True
        words = b.text.count(" ") + 1
        return ld > max_ld and words < 12
    if b.kind == "list_item" and ld >= 0.8 and b.element is not None:
        return links_home(b.element, host)  # a list of the site's other pages, not sources
    return False


def _drop_boxes(page: Page, ctx: _Context, stage: str) -> None:
    """A heading such as "Related posts" or "Comments" and the box it titles."""
    blocks = page.blocks
    n = len(blocks)
    i = 0
    while i < n:
        b = blocks[i]
        i += 1
        if b.dropped_by is not None and b.drop_kind is not DropKind.STOCK_PHRASE:
            continue  # (what _box_title says of such a block: no title; spares a call per dropped block)
        ph = _box_title(b, ctx)
        if ph is None:
            continue
        reason = f"'{b.text[:30]}' box"
        citations = ph in ctx.sections_exact  # a reference list: its entries may be long
        thread = _COMMENTS_TITLE.match(b.text) is not None  # a counted comment thread: the readers' posts are long
        page.drop(b, stage, reason)
        level = b.features.get("level") or 6
        root = _box_root(b, ctx)
        while i < n:
            nb = blocks[i]
            if nb.kind == "heading" and (nb.features.get("level") or 6) <= level:
                break
            inside = root is not None and nb.element is not None and descends(nb.element, root)
            if not inside and (root is not None or len(nb.text) > 120 and not thread and not (
                    citations and (nb.kind == "list_item" or _CITATION.search(nb.text)))):
                break
            page.drop(nb, stage, reason)
            i += 1


def _box_title(b: Block, ctx: _Context) -> str | None:
    """The section phrase when ``b`` titles a box of chrome ("Related posts", "Comments",
    "References", "Written by ..."), else None."""
    if b.element is None:
        return None
    if len(b.text) > 50:  # ('5 thoughts on “<the headline>”' is the only long title of a box)
        return "comments" if b.kind == "heading" and b.kept and _COMMENTS_TITLE.match(b.text) else None
    if not b.kept and b.drop_kind is not DropKind.STOCK_PHRASE:
        return None  # (a title already dropped as a stock phrase, "Share this:", still opens its box)
    if b.kind != "heading" and not (b.kind == "paragraph" and len(b.text) <= 40
                                    and not b.text.rstrip().endswith(".")):
        return None  # a box title is a heading, or a short label styled as one
    ph = _stock_phrase(b.text, ctx.sections, prefix_len=40)
    if ph is None:
        low = b.text.lower().strip(_STRIP)
        if low in ctx.sections_exact:
            ph = low  # 'References', 'Sources': only as the whole title ('Sources of fiber' is a section)
    if ph is None and b.kind == "heading" and _CREDIT_LINE.match(b.text):
        ph = "author box"  # 'Written by Jane Doe' over a short bio
    if ph is None and b.kind == "heading" and _COMMENTS_TITLE.match(b.text):
        ph = "comments"
    return ph


def _box_root(title: Block, ctx: _Context) -> Any:
    """The element holding a box's title and its content, or None when it is the container or
    holds much of the article (then the box runs up to the next heading of its level)."""
    root = title.element.getparent()
    for _ in range(3):  # a title wrapped on its own ('<div><h3>Related</h3></div><ul>…'): the box is further up
        if root is None or root is ctx.container or ctx.el_len.get(root, 0) > len(title.text) + 2:
            break
        root = root.getparent()
    if root is ctx.container or root is None or ctx.el_len.get(root, 0) > 0.5 * ctx.body_len:
        return None
    return root


def _block_reason(b: Block, ctx: _Context, max_ld: float) -> tuple[str, DropKind] | None:
    """Why a kept block is chrome, and what kind of decision that is (None: it is not)."""
    if b.kind == "caption":
        return "caption", DropKind.OTHER
    if b.element is not None:
        r = ctx.reason(b.element)
        if r and not (b.kind == "quote" and r.endswith(_EMBED_WORDS)) and not (
                r == "inside <figure>" and (b.kind in _FIGURE_CONTENT or len(b.text) > 200)):
            return r, DropKind.OTHER  # (a quoted post in a 'social' embed, a <figure> used as a wrapper: story)
    ld = b.features.get("link_density", 0.0)
    n = len(b.text)
    if n < 120 and b.element is not None:
        prop = _meta_markup(b.element, n)
        if prop:
            return f"byline/date markup (itemprop={prop})", DropKind.OTHER
    if _link_heavy(b, ld, n, max_ld, ctx.host):
        return f"link-heavy ({ld:.0%} of text in links)", DropKind.OTHER
    if n < 40 and _COUNTER.match(b.text):
        return "counter ('12 comments', '3 min read')", DropKind.OTHER
    if n < 20 and _AD_LABEL.match(b.text):
        return "ad label", DropKind.OTHER
    if n < _CREDIT_MAX_CHARS and b.kind == "paragraph" and _may_credit(b.text) and _CREDIT_TAIL.search(b.text) \
            and _by_picture(b, ctx):
        return "picture caption with its credit ('© Agency / Name')", DropKind.OTHER
    # a table row of several cells is data ('Home Size<TAB>Estimated Cost'), never a stock label ('Home');
    # a paragraph is longer than any stock label (and gets no cache entry)
    data_row = b.kind == "table" and "\t" in b.text
    ph = _stock_phrase(b.text, ctx.phrases) if n <= _STOCK_MAX_CHARS and not data_row else None
    if ph:
        return f"stock phrase '{ph}'", DropKind.STOCK_PHRASE
    notice = "cookie notice" if b.index in ctx.cookies else notice_reason(b.text)
    if notice:
        return notice, DropKind.OTHER
    if n < 300:
        low = b.text[:60].lower().lstrip(_STRIP)
        if ctx.ctas and low.startswith(ctx.ctas):  # one C-level test; name the phrase only on a hit
            cta = next(c for c in ctx.ctas if low.startswith(c))
            return f"call to action ('{cta}...')", DropKind.PROMO
        if b.kind in ("paragraph", "quote", "list_item"):
            if _TAG_LINE.match(b.text):
                return "tag/category list", DropKind.OTHER
            if n < _READ_ALSO_MAX_CHARS and ctx.read_also.match(b.text):
                return "pointer to another article ('Read also: ...')", DropKind.OTHER
            low = b.text.lower()
            m = ctx.promo.search(low) if any(a in low for a in ctx.promo_anchors) else None
            if m:
                return f"promo for the site ('{m.group(0)}')", DropKind.PROMO
            if n < 160 and "?" in b.text and _ENDS_WITH_CTA.search(b.text):
                return "teaser question ending in a call to action", DropKind.OTHER
    return None
