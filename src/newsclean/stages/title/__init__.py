"""Stage 'title': the headline, for both kinds.

HTML: the <h1> that agrees with what the markup states (JSON-LD headline, og:title, <title>),
else the stated headline with any site-name part removed, else the first <h1>. Text captures: the
headline line just above the byline/dateline, else the line the URL slug names, else the first
headline-like line before the body starts (a name-only line is a byline, never the headline; a
headline wrapped over two lines is joined, renderer marks like "****** ... ******" removed). The
headline block gets role "title" and leaves the body; for text captures the kicker line(s) just
above it give the section (and tags)."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from urllib.parse import unquote, urlsplit

from newsclean import handoffs
from newsclean.normalize.authors import looks_like_person, split_names
from newsclean.normalize.dates import find_dates
from newsclean.normalize.prefilter import ascii_prefixes, may_begin
from newsclean.normalize.titles import (
    contains_title,
    is_site_part,
    norm,
    same_title,
    site_words,
    strip_site,
    word_overlap,
)
from newsclean.page import Block, DropKind, Page
from newsclean.stages.base import Stage
from newsclean.stages.title import rank as title_rank
from newsclean.stages.title.clean import undecorate, without_extra
from newsclean.stages.title.kicker import split_kicker, without_kicker
from newsclean.strings import has_digit

_BYLINE_START = re.compile(r"^(?:(?:text|interview|ein beitrag|ein artikel|ein kommentar|erstellt|geschrieben|"
                           r"posted|published|written|reported|blog beitrag|beitrag|artikel)\s+(?:von|by)|by|von|par|"
                           r"por|door|text:|"
                           r"interview:|autor:|autorin:|author:)(?:\s|:|$)|^(?-i:By(?=[A-Z][a-z]))", re.I)
_LABEL = re.compile(r"^[^\W\d_][\w&'’ -]*$")
_CAMEL = re.compile(r"[A-ZÀ-Ý][a-zß-ÿ]+|[A-Z]{2,}(?![a-z])")
_SLUG_WORD = re.compile(r"[a-z0-9äöüß]+")
_META_RANK = ("jsonld:headline", "itemprop:headline", "meta:og:title", "meta:twitter:title", "meta:dc.title",
              "meta:dcterms.title", "meta:parsely-title", "meta:sailthru.title", "meta:headline",
              "meta:citation_title", "meta:title", "title")


# line tests below are pure functions of the text, asked again and again of the same lines (a line is a
# candidate, then a neighbour of several): memoised, bounded
TEXT_MEMO = 8192


@lru_cache(maxsize=TEXT_MEMO)
def is_byline_text(text: str) -> bool:
    if len(text) > 120:
        return False
    stripped = text.strip()
    return may_begin(stripped, _BYLINE_PREFIXES, _BYLINE_LONGEST) and _BYLINE_START.match(stripped) is not None


#: the words every match of ``_BYLINE_START`` starts with (case-blind), for ``prefilter.may_begin``: a line
#: starting with none of them is no byline without a regex call
_BYLINE_FIRST = ("text", "interview", "ein", "erstellt", "geschrieben", "posted", "published", "written", "reported",
                 "blog", "beitrag", "artikel", "by", "von", "par", "por", "door", "autor", "author")
_BYLINE_PREFIXES = ascii_prefixes(_BYLINE_FIRST)
_BYLINE_LONGEST = max(map(len, _BYLINE_FIRST))


_DATE_LABEL = re.compile(r"^\W*(?:published|updated|posted|last updated|last edited|last modified|first published|"
                         r"zuletzt aktualisiert(?: am)?|date|datum|stand|"
                         r"veröffentlicht|aktualisiert|erschienen|publié|mis à jour|publicado|actualizado|"
                         r"pubblicato|aggiornato|gepubliceerd|bijgewerkt|on|am)\b\s*:?\s*", re.I)


#: what may follow a date's label before the date itself ("Mis à jour le", "Published on", "Posted at")
_LABEL_TAIL = frozenset({"", "le", "la", "el", "il", "am", "um", "on", "at", "op", "de", "du", "del"})


def date_label(text: str) -> bool:
    """Is the text only a date's label ("Last updated", "Last Updated:", "Mis à jour le"), with no name in it?"""
    text = text.strip()
    return bool(text) and _DATE_LABEL.sub("", text, count=1).strip(" :").lower() in _LABEL_TAIL


_YEARLESS = re.compile(r"^\W*(?:(?:updated|posted|published)\b\s*:?\s*)?(?:[a-z]{3,9}\.?,?\s+)?"
                       r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:at\s+)?"
                       r"\d{1,2}:\d{2}", re.I)


@lru_cache(maxsize=TEXT_MEMO)
def is_dateline_text(text: str) -> bool:
    """A short line that is mostly a date (and time), maybe behind a label ("Published ...").
    This year's stories often print no year: "Updated Nov 19, 6:55 AM" is a dateline too."""
    if len(text) > 90 or not has_digit(text):
        return False
    if ":" in text and _YEARLESS.match(text):   # (its time holds the colon)
        return True
    found = find_dates(text, limit=2)
    if not found:
        return False
    covered = sum(f.end - f.start for f in found)
    rest = len(_DATE_LABEL.sub("", text.strip(), count=1)) or 1
    return covered >= 0.45 * min(len(text.strip()), rest)


@lru_cache(maxsize=TEXT_MEMO)
def _name_line(text: str) -> bool:
    """A byline printed without "By": it opens with a person's name and has no lower-case word
    but joiners ("Jane Doe and John Roe Springfield Gazette")."""
    words = text.split()
    if any(w[:1].islower() and w not in ("and", "und", "et", "y", "e") for w in words):
        return False
    # the line starts with its first name, of two capitalised words at least (``looks_like_person``; a
    # lower-case particle word returned above): a line whose first two words are not both capitalised has
    # none, without splitting it into names
    if len(words) < 2 or not (words[0][:1].isupper() and words[1][:1].isupper()):
        return False
    names = split_names(text)
    return bool(names) and looks_like_person(names[0]) and text.startswith(names[0])


def _has_small_word(text: str) -> bool:
    words = text.split()
    return len(words) >= 6 or any(w[:1].islower() for w in words[1:])


_NOT_HEADLINE = re.compile(r"[\[\]©<>{}]|^\(|\)$|^(?:skip to|sign in|log in|subscribe|share|print|email|"
                           r"read more|advertisement|zurück|weiter)\b|https?://|www\.", re.I)


@lru_cache(maxsize=TEXT_MEMO)
def headline_like(text: str, strict: bool = False) -> bool:
    """Could this line be a headline? ``strict`` (text captures) also rules out bracketed image/link
    labels, credits and interface lines, which a capture prints as plain lines."""
    words = text.split()
    return 3 <= len(words) <= 30 and 15 <= len(text) <= 220 and not text.endswith(":") \
        and not (strict and _NOT_HEADLINE.search(text)) and not is_byline_text(text) \
        and not is_dateline_text(text)


def _sits_on_byline(blocks: list[Block], index: int) -> int:
    """Is the next byline/dateline within three lines? 2: with no other headline-like line between
    (a dek with a full stop may come between), 1: with one (a dek without one), 0: no."""
    others = 0
    for n in blocks[index + 1:index + 4]:
        if is_byline_text(n.text) or is_dateline_text(n.text) or _name_line(n.text):
            return 2 - others
        if headline_like(n.text, strict=True) and not n.text.endswith("."):
            others += 1
            if others > 1:
                return 0
    return 0


_OPEN_END = re.compile(r"(?:[&,:;–—-]|\b(?:and|or|of|the|a|an|to|in|on|for|with|at|by|from|und|der|die|das|et|de|la|"
                       r"le|y|el)\b)$", re.I)


def _wrapped(blocks: list[Block], block: Block) -> list[Block]:
    """A headline a renderer wrapped over two lines that were read as two blocks: the line before
    ends open ("... police &") and this one goes on in lower case, or the other way round."""
    i = block.index
    prev = blocks[i - 1] if i > 0 else None
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if prev is not None and block.text[:1].islower() and _OPEN_END.search(prev.text) and \
            len(prev.text) + len(block.text) <= 250 and prev.kind != "list_item":
        return [prev, block]
    if nxt is not None and nxt.text[:1].islower() and _OPEN_END.search(block.text) and \
            len(nxt.text) + len(block.text) <= 250 and nxt.kind != "list_item" and len(nxt.text) < 120:
        return [block, nxt]
    return [block]


MAX_ANCHORS = 30   # bylines/datelines looked above for a headline: a capture's story has its own near the top
MIN_BLOCKS_FOR_RANKING = 3   # a headline sits above a story: a one- or two-line capture has none
SIGNALS = title_rank.Signals(headline_like, is_byline_text, is_dateline_text, _name_line, _sits_on_byline)


class TitleStage(Stage):
    name = "title"
    provides = frozenset({handoffs.TITLE_BLOCK})
    kinds = frozenset({"html", "text"})

    # --- HTML ---------------------------------------------------------------------------
    def run_html(self, page: Page) -> None:
        cands = {fv.source: fv.value for fv in reversed(page.candidates.get("title", []))}
        site, url = page.get("site_name"), page.get("url") or page.url
        sites = site_words(site, url)
        stated = [(src, cands[src]) for src in _META_RANK if src in cands]
        h1s = [b for b in page.blocks if b.kind == "heading" and b.features.get("level") == 1
               and not is_site_part(b.text, sites)][:6]
        chosen: tuple[str, str] | None = None
        block: Block | None = None
        for b in h1s:
            text = without_kicker(b)
            for src, v in stated:
                clean = strip_site(v, site, url)
                if same_title(text, v) or same_title(text, clean) or \
                        (src in ("title", "meta:og:title") and contains_title(v, text)):
                    chosen, block = (text, f"h1+{src}"), b
                    break
                if text != b.text and same_title(b.text, clean):
                    chosen, block = (text, f"h1-kicker+{src}"), b
                    break
                if (b.text.endswith(clean) and len(clean) >= 0.5 * len(b.text)
                        and len(b.text[:-len(clean)].split()) <= 5):
                    chosen, block = (clean, f"h1-prefix+{src}"), b  # "Kicker Headline" printed as one h1
                    break
            if chosen:
                break
        if chosen is None and len(h1s) == 1 and stated and headline_like(h1s[0].text) \
                and word_overlap(h1s[0].text, strip_site(stated[0][1], site, url)) >= 0.4:
            block = h1s[0]
            chosen = (without_kicker(block), "h1")   # the printed headline over an SEO title
        if chosen is None and stated:
            src, v = stated[0]
            chosen = (strip_site(v, site, url), src)
            block = self._matching_block(page, chosen[0])
        if chosen is None and h1s:
            kept = [b for b in h1s if b.kept] or h1s
            block = kept[0]
            chosen = (without_kicker(block), "h1")
        if chosen is None:
            for b in page.blocks[:200]:
                if b.kind == "heading" and headline_like(b.text):
                    chosen, block = (b.text, f"h{b.features.get('level')}"), b
                    break
        if chosen is None or not chosen[0]:
            return
        page.set_field("title", chosen[0], chosen[1], self.name)
        if block is not None:
            self._mark(page, block)

    @staticmethod
    def _matching_block(page: Page, title: str) -> Block | None:
        loose = None
        for b in page.blocks:
            if len(b.text) >= 300:
                continue
            if same_title(b.text, title):
                return b
            if b.kind == "list_item":
                continue
            if loose is None and b.kind == "heading" and (contains_title(title, b.text) or
                                                          contains_title(b.text, title)):
                loose = b
        return loose

    def _mark(self, page: Page, block: Block) -> None:
        block.role = "title"
        page.handoffs.title_block = block.index
        page.drop(block, self.name, "the headline (in the title field)", kind=DropKind.HEADLINE)

    # --- text captures ------------------------------------------------------------------
    def run_text(self, page: Page) -> None:
        blocks = page.blocks
        if not blocks:
            return
        block, source = self._rule_pick(page)
        # the ranker weighs the lines, the rules' pick (the line the URL's slug names, when there is a
        # URL) among them; a capture of one or two lines has no headline to rank
        ranked = title_rank.best(blocks, block.index if block is not None else None, SIGNALS) \
            if len(blocks) >= MIN_BLOCKS_FOR_RANKING else None
        if ranked is not None:
            block, source = ranked, "text:ranked" if ranked is not block else source
        if block is None:
            return
        parts = _wrapped(blocks, block)
        text = without_extra(blocks, undecorate(" ".join(b.text for b in parts)))
        kicker, text = split_kicker(blocks, text)
        page.set_field("title", text, source, self.name)
        for b in parts:
            self._mark(page, b)
        page.handoffs.title_block = parts[-1].index
        if kicker and page.get("section") is None:
            page.set_field("section", kicker, "text:kicker", self.name)
        self._kicker(page, parts[0].index)

    def _rule_pick(self, page: Page) -> tuple[Block | None, str]:
        """The hand rules' headline line: the one the URL slug names, else the line above the
        first byline/dateline, else the first headline-like line followed by a long paragraph."""
        blocks = page.blocks
        limit = max(60, int(len(blocks) * 0.8))
        top = blocks[:limit]
        # the URL names the story: the strongest signal when given (a capture may print the site's
        # menus first, so the whole capture is searched when the top part has no such line)
        block = self._by_slug(page, top) or self._by_slug(page, blocks[limit:])
        source = "text:url-slug"
        if block is not None and not _sits_on_byline(top, block.index) and block.kind != "heading":
            # the slug also names captions and summary lines; a headline line on its byline is better
            by_anchor = self._above_byline(top)
            if by_anchor is not None and word_overlap(by_anchor.text, block.text) >= 0.3:
                block, source = by_anchor, "text:url-slug+above-byline"
        if block is None:
            block = self._above_byline(top)
            source = "text:above-byline"
        if block is None:
            for i, b in enumerate(top):
                if b.kept and b.kind != "list_item" and headline_like(b.text, strict=True) \
                        and not b.text.endswith("."):
                    nxt = top[i + 1:i + 4]
                    if any(len(n.text) >= 150 for n in nxt):
                        block, source = b, "text:first-headline"
                        break
        return block, source

    def text_candidates(self, page: Page) -> list[tuple[Block, list[float]]]:
        """(line, features) of the ranker's candidates on a capture (training and inspection)."""
        block, _ = self._rule_pick(page)
        return title_rank.ranked_candidates(page.blocks, block.index if block is not None else None, SIGNALS)

    @staticmethod
    def _above_byline(top: list[Block]) -> Block | None:
        """The headline line just above the first byline/dateline that has one."""
        # the anchors are found as they are needed: the first one with a headline line above ends the search
        anchors = (i for i in range(1, len(top)) if is_byline_text(top[i].text) or is_dateline_text(top[i].text))
        for anchor in islice(anchors, MAX_ANCHORS):
            above = [top[j] for j in range(anchor - 1, max(-1, anchor - 4), -1)
                     if top[j].kind != "list_item" and headline_like(top[j].text, strict=True)
                     and not is_byline_text(top[j].text) and not _name_line(top[j].text)]
            # a headline rarely ends with a full stop; the dek between it and the dateline does
            # ... and has small lower-case words, unlike a name-only byline line ("Jane Doe Reuters")
            pick = next((b for b in above if not b.text.endswith(".") and _has_small_word(b.text)), None) \
                or next((b for b in above if not b.text.endswith(".")), None) or (above[0] if above else None)
            if pick is not None:
                return pick
        return None

    @staticmethod
    def _by_slug(page: Page, top: list[Block]) -> Block | None:
        if not page.url:
            return None
        try:
            path = unquote(urlsplit(page.url).path).lower()
        except ValueError:
            return None
        slug = max(path.strip("/").split("/") or [""], key=len)
        words = {w for w in _SLUG_WORD.findall(slug) if len(w) > 2 and not w.isdigit()}
        if len(words) < 3:
            return None
        best, best_score = None, 0.0
        for b in top:
            if b.kind == "list_item" or not headline_like(b.text, strict=True):
                continue
            bw = {w for w in _SLUG_WORD.findall(norm(b.text)) if len(w) > 2}
            if not bw:
                continue
            shared = len(words & bw)
            recall, precision = shared / len(words), shared / len(bw)
            on_byline = _sits_on_byline(top, b.index) if recall >= 0.45 else 0
            if recall < (0.45 if on_byline else 0.6) or title_rank.doubled(b.text):
                continue
            score = 2 * precision * recall / (precision + recall)   # the line the slug names, no more
            score += 0.25 * on_byline   # a headline sits on its byline/dateline; a caption does not
            if b.text.endswith("."):
                score -= 0.2   # a sentence (a caption or the lead), rarely a headline
            if score > best_score:
                best, best_score = b, score
        return best

    def _kicker(self, page: Page, index: int) -> None:
        """Short label lines just above a text headline: section first, the rest tags."""
        labels: list[str] = []
        for j in range(index - 1, max(-1, index - 4), -1):
            b = page.blocks[j]
            if b.kind == "list_item" or len(b.text.split()) > 3 or len(b.text) > 40 or \
                    not _LABEL.match(b.text):
                break
            labels.insert(0, b.text)
        parts: list[str] = []
        for text in labels:
            pieces = _CAMEL.findall(text.replace(" ", "")) if " " not in text else [text]
            if " " not in text and "".join(pieces) != text:
                pieces = [text]
            parts.extend(pieces)
        if not parts:
            return
        if page.get("section") is None:
            page.set_field("section", parts[0], "text:kicker", self.name)
        if len(parts) > 1 and not page.get("tags"):
            page.set_field("tags", parts[1:], "text:kicker", self.name)
        for j in range(index - len(labels), index):
            page.blocks[j].role = page.blocks[j].role or "kicker"
            page.drop(page.blocks[j], self.name, "kicker above the headline (section label)", kind=DropKind.KICKER)
