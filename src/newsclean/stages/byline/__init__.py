"""Stage 'byline': the authors, for both kinds.

HTML: schema.org authors (JSON-LD, microdata), <meta> author names, rel=author links and byline
elements, weighed so that a site or organisation name is not taken for a person unless it is the
whole byline; a printed "By ..." line by the headline beats a markup name it does not share (a
CMS account, an editor), and a name printed beside the dateline counts. Text captures: the
"By ..." lines next to the headline, including bylines split over several lines ("By / Jane Doe /
and / John Roe"), bylines printed twice, and a name-only line under the headline; what those rules
read is one candidate among every byline-like line of the capture, and a learned ranker (``rank.py``)
picks the authors. The rules' byline blocks near the headline leave the body with role "byline"."""
from __future__ import annotations

import re

from newsclean import handoffs
from newsclean.meta import microdata
from newsclean.normalize.authors import (
    desk_credit,
    explicit_byline,
    looks_like_org,
    looks_like_person,
    name_key,
    normalize_authors,
    split_names,
    swap_last_first,
)
from newsclean.normalize.dates import find_dates
from newsclean.normalize.titles import site_words
from newsclean.page import Block, Page
from newsclean.stages.base import Stage
from newsclean.stages.byline import rank
from newsclean.stages.byline.author_bio import drop_author_bio
from newsclean.stages.byline.credits import story_names
from newsclean.stages.byline.html_lines import (
    agency_dateline,
    dated_byline,
    full_name,
    label_then_name,
    names_line,
    site_credit,
    widens,
)
from newsclean.stages.byline.lines import (
    LABELLED,
    UI_WORDS,
    dated_by_line,
    labelled_line,
    name_by_date,
    name_line,
    share_a_name,
)
from newsclean.stages.title import date_label, is_byline_text, is_dateline_text

_JOINER = re.compile(r"^(?:and|und|&|,|et|y|e|en)$", re.I)
_BARE_BY = re.compile(r"^(?:by|von|par|por|door|di|written by|text|autor|author)\s*:?$", re.I)
_ORG_WORDS = re.compile(r"\b(?:press|news|agency|agentur|redaktion|staff|team|media|online|newsroom|"
                        r"editorial|desk|magazine|zeitung|times|post|daily|group|inc|ltd|gmbh|ag)\b", re.I)
_TRAILING_BY = re.compile(r"\b(?:by|von)\s+([A-ZÄÖÜ][^\d]{2,60})$")
_BYLINE_HINT = re.compile(r"author|byline|writer|autor|verfasser|meta|info|name", re.I)
_LAST_FIRST_SOURCES = frozenset({"meta:citation_author", "meta:dc.creator", "meta:dcterms.creator"})


def _is_site(name: str, page: Page) -> bool:
    """Is the name the site's (not a desk credit that holds it: "Resy Staff" credits a newsroom)?"""
    return not desk_credit(name) and _site_hit(name, site_words(page.get("site_name"), page.get("url") or page.url))


def _site_hit(name: str, sites: set[str]) -> bool:
    """Is the name (squashed: casefolded, no non-word character) one of the site's names, or does it
    hold one of four letters or more?"""
    key = name_key(name).replace(" ", "")
    return any(key == s or (len(s) >= 4 and s in key) for s in sites)


def _without_site(name: str, page: Page) -> str:
    """"Brian Truitt USA TODAY" -> "Brian Truitt" when the tail is the site's name."""
    site = page.get("site_name")
    words = name.split()
    for n in (2, 1, 3):
        if len(words) > n + 1:
            tail = " ".join(words[-n:])
            if (site and tail.casefold() == site.casefold()) or _is_site(tail, page) and tail.isupper():
                return " ".join(words[:-n])
    return name


def _printed_byline(page: Page) -> list[str]:
    """Person names of an explicit "By ..." line within a few blocks of the headline."""
    start = page.handoffs.title_block
    if start is None:
        return []
    for b in page.blocks[max(0, start - 2):start + 8]:
        if b.index == start or len(b.text) > 120 or not is_byline_text(b.text):
            continue
        if b.element is not None and microdata.in_side_area(b.element):
            continue
        names = [n for n in split_names(b.text) if not _is_site(n, page)]
        if names and all(looks_like_person(n) and not _ORG_WORDS.search(n) for n in names):
            return names
    return []


class BylineStage(Stage):
    name = "byline"
    #: without the headline block: no printed byline or name line next to it; markup and bylines elsewhere
    optional = frozenset({handoffs.TITLE_BLOCK})
    kinds = frozenset({"html", "text"})

    # --- HTML ---------------------------------------------------------------------------
    def run_html(self, page: Page) -> None:
        persons: dict[str, list[str]] = {}   # source -> names, in proposal order
        orgs: dict[str, list[str]] = {}
        for fv in page.candidates.get("authors", []):
            value = fv.value
            if fv.source in _LAST_FIRST_SOURCES and isinstance(value, str):
                value = swap_last_first(value)
            names = normalize_authors(value)
            if not names:
                continue
            is_org = fv.source.startswith("jsonld:author:") and "organization" in fv.source.lower() or \
                fv.source.startswith("meta:") and isinstance(value, str) and looks_like_org(value)
            group = fv.source.split(":author:")[0] if fv.source.startswith("jsonld:") else fv.source
            if is_org or all(_is_site(n, page) for n in names):
                orgs.setdefault(group, []).extend(names)
            else:
                persons.setdefault(group, []).extend(n for n in names if not _is_site(n, page))
        chosen: list[str] = []
        source = ""
        for src, names in persons.items():
            if src.startswith("jsonld"):
                chosen, source = names, "jsonld:author"
                break
        if not chosen:
            for src, names in persons.items():
                if src.startswith("meta:"):
                    chosen, source = names, src
                    break
        if chosen and all(len(n.split()) == 1 for n in chosen):
            # a user name ("jdoe", "andrew.keaveney"): a printed byline with a full name is better
            els = microdata.author_elements(page.tree)
            better, src = self._from_elements(page, els)
            if better and all(looks_like_person(n) for n in better):
                chosen, source = better, src
        if chosen and all(len(n.split()) == 1 for n in chosen):
            chosen = [full_name(page.blocks, n, lambda x: _is_site(x, page)) for n in chosen]
        if chosen:
            printed = _printed_byline(page)
            if printed and not share_a_name(printed, chosen):
                # the markup names someone the page does not print by the headline (a CMS account,
                # an editor): the "By ..." line readers see names the author
                chosen, source = printed, "text:by-line"
            wider = names_line(page.blocks, page.handoffs.title_block)
            if wider and widens(chosen, wider):
                # the markup names the first author; the line under the headline prints them all
                chosen, source = wider, "text:names-line"
        if not chosen:
            chosen, source = self._from_elements(page, microdata.author_elements(page.tree))
        if not chosen:
            chosen, source = self._from_blocks(page)
        if not chosen and page.handoffs.title_block is not None:
            chosen, _used = name_by_date(page.blocks, page.handoffs.title_block)
            source = "text:name-dateline" if chosen else ""
            chosen = [n for n in chosen if not _is_site(n, page)]
        if not chosen and orgs:
            src, names = next(iter(orgs.items()))
            chosen, source = names, src
        if not chosen:
            chosen, source = site_credit(microdata.author_elements(page.tree), lambda n: _is_site(n, page))
        if not chosen:
            chosen, source = self._name_block(page)
        if not chosen and (chosen := agency_dateline(page.blocks, page.handoffs.title_block)):
            source = "text:agency-dateline"
        # a date's label read as a name ("Par Jean Dupont, publié le 3 mars 2024" -> "publié le") names nobody;
        # (not in normalize_authors, which the capture ranker's candidates go through: its training rows, and so
        # its refit, would move)
        chosen = [n for n in normalize_authors(chosen) if not date_label(n)]
        if chosen:
            page.set_field("authors", chosen[:12], source, self.name)
            self._drop_html_bylines(page, chosen)
            drop_author_bio(page, chosen, self.name)

    @staticmethod
    def _name_block(page: Page) -> tuple[list[str], str]:
        """A block that is only a person's name, right by the headline (a byline without "By")."""
        start = page.handoffs.title_block
        if start is None:
            return [], ""
        blocks = page.blocks
        for b in blocks[start + 1:start + 7]:
            text = b.text.strip()
            if len(text) > 40 or b.kind == "list_item" and not b.features.get("in_link"):
                continue
            words = text.split()
            if not (looks_like_person(text) and len(words) <= 3 and not any(w.lower() in UI_WORDS for w in words)
                    and all(w[:1].isupper() and not w.isupper() for w in words)):
                continue
            hints = " ".join(b.features.get("hints", ())[-8:])
            near = blocks[max(0, b.index - 1):b.index + 2]
            if _BYLINE_HINT.search(hints) or any(n is not b and find_dates(n.text, limit=1) and len(n.text) < 80
                                                 for n in near):
                return [text], "text:name-by-headline"
        return [], ""

    @staticmethod
    def _from_elements(page: Page, els: list) -> tuple[list[str], str]:
        for kind in ("itemprop", "rel", "class"):
            names: list[str] = []
            group = None
            for k, text, el in els:
                if k != kind or not text:
                    continue
                parent = el.getparent()
                grand = parent.getparent() if parent is not None else None
                if group is not None and parent is not group[0] and grand is not group[1] \
                        and parent is not group[1]:
                    continue  # another article's byline (teaser list, comments)
                if kind == "class" and len(text) > 120:
                    text = text[:100]
                got = [n for n in (_without_site(x, page) for x in split_names(text)) if not _is_site(n, page)]
                if got and group is None:
                    group = (parent, grand)
                if kind == "class" and not explicit_byline(text):
                    got = [n for n in got if looks_like_person(n) or _ORG_WORDS.search(n)]
                names.extend(got)
                if kind == "class" and names:
                    break
            names = normalize_authors(names)
            if names:
                return names, f"html:{kind}-author"
        return [], ""

    @staticmethod
    def _from_blocks(page: Page) -> tuple[list[str], str]:
        start = page.handoffs.title_block
        window = page.blocks[start:start + 25] if start is not None else page.blocks[:400]
        for i, b in enumerate(window):
            if _BARE_BY.match(b.text) and i + 1 < len(window) and len(window[i + 1].text) <= 60:
                names = [n for n in split_names(window[i + 1].text) if looks_like_person(n)]
                if names:
                    return names, "text:by-line"
            if len(b.text) <= 160 and (is_byline_text(b.text) or explicit_byline(b.text)) and not (
                    b.element is not None and microdata.in_side_area(b.element)):
                names = [n for n in split_names(b.text) if looks_like_person(n) or _ORG_WORDS.search(n)
                         or len(b.text) <= 60]
                if names:
                    return names, "text:by-line"
            if (names := dated_byline(b.text)) and not (b.element is not None and microdata.in_side_area(b.element)):
                return names, "text:dated-by-line"
        # an explicit label anywhere ("Autor: ...", "Text: ...", "Article by" over the name), often under the article
        if names := label_then_name(page.blocks):
            return names, "text:labelled-author"
        for b in page.blocks[:800]:
            if len(b.text) <= 80 and LABELLED.match(b.text):
                names = [n for n in split_names(b.text) if looks_like_person(n)]
                if names and not (b.element is not None and microdata.in_side_area(b.element)):
                    return names, "text:labelled-author"
        return [], ""

    def _drop_html_bylines(self, page: Page, names: list[str]) -> None:
        start = page.handoffs.title_block
        if start is None:
            return
        keys = {name_key(n) for n in names}
        for b in page.blocks[max(0, start - 3):start + 15]:
            if b.index == start or len(b.text) > 150:
                continue
            byline_like = is_byline_text(b.text)
            if not byline_like and len(b.text) >= 80:
                continue  # neither test below can pass: no need to read names
            found = {name_key(n) for n in split_names(b.text)}
            if byline_like and found & keys or (found and found <= keys and len(b.text) < 80):
                b.role = "byline"
                page.drop(b, self.name, "byline (in the authors field)")

    # --- text captures ------------------------------------------------------------------
    def run_text(self, page: Page) -> None:
        _names, used, _source, cands = self.text_candidates(page)
        top = rank.best(cands, lambda c: story_names(c.names, c.block.text))
        if top is None:
            return
        page.set_field("authors", top.names, "text:ranked-byline", self.name)
        # the rules' byline lines leave the body as before; a line only the ranker chose stays put
        for b in used:
            b.role = "byline"
            page.drop(b, self.name, "byline (in the authors field)")

    def text_candidates(self, page: Page) -> tuple[list[str], list[Block], str, list[rank.Candidate]]:
        """The rules' reading (names, their lines, source) and every candidate the ranker weighs,
        the rules' reading among them."""
        names, used, source = self._rule_authors(page)
        sites = site_words(page.get("site_name"), page.get("url") or page.url)   # (once a page)
        cands = rank.candidates(page.blocks, page.handoffs.title_block, (names, used[:1], source),
                                lambda n: _site_hit(n, sites))
        return names, used, source, cands

    def _rule_authors(self, page: Page) -> tuple[list[str], list[Block], str]:
        blocks = page.blocks
        start = page.handoffs.title_block
        lo = 0 if start is None else max(0, start - 2)
        # share buttons and menus a capture prints as lines may sit between headline and byline:
        # look further, but stop once the body has clearly started (two long paragraphs)
        hi = min(len(blocks), (start if start is not None else 0) + 60) if start is not None \
            else min(len(blocks), 40)
        names: list[str] = []
        used: list[Block] = []
        long_seen = 0
        i = lo
        while i < hi:
            b = blocks[i]
            if b.index == start:
                i += 1
                continue
            if not names and len(b.text) >= 200:
                long_seen += 1
                if long_seen >= 2:
                    break
            if _BARE_BY.match(b.text):
                group, j = self._collect(blocks, i + 1, hi)
                if group:
                    if names and {name_key(n) for n in group} - {name_key(n) for n in names}:
                        break  # another story's byline
                    names.extend(group)
                    used.extend(blocks[i:j])
                    i = j
                    continue
            elif is_byline_text(b.text):
                group = split_names(b.text)
                if group:
                    if names and {name_key(n) for n in group} - {name_key(n) for n in names}:
                        break
                    names.extend(group)
                    used.append(b)
            elif not names and is_dateline_text(dated := b.text) and \
                    (trailing := _TRAILING_BY.search(dated)):
                group = split_names(trailing.group(1))
                if group:
                    names.extend(group)
                    used.append(b)
            elif names and not is_dateline_text(b.text) and len(b.text) > 60:
                break  # the body has started
            i += 1
        names = normalize_authors(names)
        source = "text:byline"
        if not names and start is not None:
            names, used = name_by_date(blocks, start)
            source = "text:name-dateline"
        if not names and start is not None:
            names, used = name_line(blocks, start)
            names = [n for n in names if not _is_site(n, page)]
            source = "text:name-under-headline"
        if not names:
            names, source = self._name_block(page)
            used = [b for b in blocks if names and b.text.strip() == names[0]][:1]
        if not names:
            names, used = dated_by_line(blocks)
            source = "text:dated-by-line"
        if not names:
            names, used = labelled_line(blocks)
            source = "text:labelled-line"
        if not names:
            return [], [], ""
        return names, used, source


    @staticmethod
    def _collect(blocks: list[Block], i: int, hi: int) -> tuple[list[str], int]:
        """Names on the lines after a bare "By": name lines and joiners ("and", ","), repeats merged."""
        names: list[str] = []
        j = i
        want_name = True
        while j < hi:
            t = blocks[j].text.strip()
            if _JOINER.match(t):
                if want_name:
                    break
                want_name = True
                j += 1
                continue
            got = split_names(t)
            if not got or len(t) > 80:
                break
            if not want_name:
                if {name_key(n) for n in got} <= {name_key(n) for n in names}:
                    j += 1  # the same name printed again (link text + label)
                    continue
                break
            names.extend(got)
            want_name = False
            j += 1
        return normalize_authors(names), j
