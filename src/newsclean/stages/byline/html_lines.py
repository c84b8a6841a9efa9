"""HTML pages: bylines the 'byline' stage's first readings miss, each read off what the page prints.

A dateline that carries the byline after the date or after a separator ("May 3, 2017 By Jane Doe 4
Comments", "Posted on May 3, 2017 Posted by Jane Doe", "March 15, 2022 · 3 min read · By Example
Online"); a line under the headline printing every author where the markup names only some of them
("Jane Doe, John Roe & Ann Lee" under a JSON-LD author "Jane Doe"); and an author element or a
printed "By ..." line that credits the site itself ("Posted by: Example Blog" on examplebog.com),
which the stage's site filter sets aside as a stray site name: the page's only credit, it is the
author as printed; and a label alone ("Article by", "Author") over a block holding only the name."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from newsclean.meta import microdata
from newsclean.normalize.author_words import month_words
from newsclean.normalize.authors import explicit_byline, looks_like_person, name_key, normalize_authors, split_names
from newsclean.normalize.dates import find_dates
from newsclean.page import Block
from newsclean.stages.byline.lines import UI_WORDS

#: a by-lead-in inside a line, after its start (a date, a separator or another label before it);
#: a capital must follow ("by hand" is no byline)
_INNER_BY = re.compile(r"(?:(?<=\s)|(?<=^))(?:(?:[Pp]osted|[Ww]ritten|[Pp]ublished)\s+)?(?:[Bb]y|BY|[Vv]on)\s*:?\s+"
                       r"(?=[A-ZÀ-Þ])")
MAX_DATED_BYLINE = 160   # characters: a dateline with its byline, not a paragraph that mentions a date
MAX_NAMES_LINE = 150     # characters: a line of names ("A, B, C & D"), not a sentence
#: blocks around the headline where the byline is printed (before it: kicker, date; after it: dek, byline)
BEFORE_HEADLINE, AFTER_HEADLINE = 2, 8
#: a substring every match of ``_INNER_BY`` holds
_LEAD_HINTS = ("by", "By", "BY", "von", "Von")
_SEGMENT_CUT = re.compile(r"\s[|·•⋅–—-]\s")
_JOINERS = frozenset({"and", "und", "et", "y", "&", "e"})


def dated_byline(text: str) -> list[str]:
    """The names of a by-lead-in that follows a date on one short line, or []: "May 3, 2017 By Jane
    Doe 4 Comments" -> [Jane Doe]; "Posted on May 3, 2017 Posted by Jane Doe" -> [Jane Doe]."""
    if len(text) > MAX_DATED_BYLINE or not any(w in text for w in _LEAD_HINTS):
        return []
    found = find_dates(text, limit=1)
    if not found:
        return []
    m = _INNER_BY.search(text, found[0].end)
    if m is None:
        m = _INNER_BY.search(text, 1)
        if m is None or m.start() < found[0].end and not _cut_before(text, m.start()):
            return []
    return split_names(text[m.start():])


def _cut_before(text: str, at: int) -> bool:
    """Is the lead-in at ``at`` the head of a part of the line cut off by a separator ("· By")?"""
    return text[:at].rstrip().endswith(("|", "·", "•", "⋅", "–", "—", "-", ","))


def names_line(page_blocks: list[Block], title_block: int | None) -> list[str]:
    """The first short line by the headline that prints two or more people's names and nothing else
    ("Jane Doe, John Roe & Ann Lee", "By Jane Doe and John Roe"), outside side areas; else []."""
    if title_block is None:
        return []
    lo = max(0, title_block - BEFORE_HEADLINE)
    for b in page_blocks[lo:title_block + AFTER_HEADLINE]:
        text = b.text.strip()
        if b.index == title_block or len(text) > MAX_NAMES_LINE or "," not in text and "&" not in text \
                and " and " not in text and " und " not in text:
            continue
        names = split_names(text)
        if len(names) < 2 or not all(looks_like_person(n) for n in names):
            continue
        words = [w for w in re.split(r"[\s,;&]+", text) if w and w.lower() not in _JOINERS]
        if sum(len(n.split()) for n in names) < len(words) - 1 and not explicit_byline(text):
            continue   # the names are a part of a sentence
        if b.element is not None and microdata.in_side_area(b.element):
            continue
        return names
    return []


def widens(markup: list[str], printed: list[str]) -> bool:
    """Does the printed list name every person of the markup's and more?"""
    keys = {name_key(n) for n in printed}
    return len(printed) > len(markup) and all(name_key(n) in keys for n in markup)


def site_credit(els: list[tuple[str, str, Any]], is_site: Callable[[str], bool]) -> tuple[list[str], str]:
    """Names of the first author element (schema.org author, rel=author, an author/byline class) that
    credits only the site itself ("Posted by: Example Blog"); a class element must print a lead-in or
    be the name alone."""
    for kind, text, el in els:
        if not text or len(text) > 120:
            continue
        names = split_names(text)
        if not names or not all(is_site(n) for n in names):
            continue
        head = _SEGMENT_CUT.split(text, maxsplit=1)[0]
        if kind == "class" and not explicit_byline(text) and \
                sum(len(n.split()) for n in names) < len(head.split()) - 1:
            continue   # a class element that says more than the name (a teaser, a bio)
        if microdata.in_side_area(el):
            continue
        return names, f"html:{kind}-author-site"
    return [], ""


#: a block that is only a credit label, the name in the next block ("Article by" / "Matias Example")
_LABEL_ALONE = re.compile(r"^(?:(?:article|post|story|words|written|posted|published|geschrieben|verfasst|artikel|"
                          r"beitrag|texte?)\s+)?(?:by|von|par|por)\s*:?$|^(?:author|autor|autorin|auteur|autore|"
                          r"verfasser|verfasserin)\s*:?$", re.I)
MAX_LABEL_CHARS = 24     # "Geschrieben von:" -- a label, not a sentence ending in "by"
MAX_NAME_BLOCK = 60      # characters: the name block under the label
#: blocks read for a label: the article and its author box, not the whole footer
LABEL_BLOCKS = 800


def label_then_name(page_blocks: list[Block]) -> list[str]:
    """The people's names of the block right after a block that is only a credit label ("Article by",
    "Author:"), outside side areas; else []."""
    for b in page_blocks[:LABEL_BLOCKS - 1]:
        if len(b.text) > MAX_LABEL_CHARS or not _LABEL_ALONE.match(b.text.strip()):
            continue
        nxt = page_blocks[b.index + 1] if b.index + 1 < len(page_blocks) else None
        if nxt is None or len(nxt.text) > MAX_NAME_BLOCK:
            continue
        names = split_names(nxt.text)
        if names and all(looks_like_person(n) for n in names) and \
                not (nxt.element is not None and microdata.in_side_area(nxt.element)):
            return names
    return []


#: a wire story's dateline opening the lead: "Hamburg (dpa/lno) – ...", "WASHINGTON (AP) — ...",
#: "LONDON (Reuters) - ...": a place, then the agencies' codes in brackets, then a dash or a colon
_AGENCY_DATELINE = re.compile(r"^[A-ZÀ-Þ][\w.'’ -]{1,40}?\s?\(([A-Za-z]{2,8}(?:\s?/\s?[A-Za-z]{2,8}){0,3})\)"
                              r"\s*[-–—:]\s")
MIN_LEAD_CHARS = 80      # characters: the lead paragraph, not a caption or a teaser line
LEAD_BLOCKS = 30         # blocks after the headline where the lead paragraph starts
LEAD_TRIES = 3           # long paragraphs read: a long caption or a dek may come before the lead


def agency_dateline(page_blocks: list[Block], title_block: int | None) -> list[str]:
    """The agencies' codes of a wire dateline opening one of the story's first long paragraphs ("Hamburg
    (dpa/lno) – ..." -> [dpa, lno]); else []."""
    start = 0 if title_block is None else title_block + 1
    seen = 0
    for b in page_blocks[start:start + LEAD_BLOCKS]:
        if len(b.text) < MIN_LEAD_CHARS or b.kind != "paragraph":
            continue
        m = _AGENCY_DATELINE.match(b.text)
        if m:
            return [c.strip() for c in m.group(1).split("/")]
        seen += 1
        if seen >= LEAD_TRIES:
            break
    return []


_USER_NAME = re.compile(r"^([a-zß-ÿ]{2,})[._]([a-zß-ÿ]{2,})$")
FULL_NAME_BLOCKS = 500   # blocks searched for the printed full name


def full_name(page_blocks: list[Block], first: str, is_site: Callable[[str], bool]) -> str:
    """A first name alone ("Todd") completed from a short byline-like block ("By Todd Bates")."""
    m = _USER_NAME.match(first)
    if m:   # "christian.stadtfeld": an account name; the page may print the person's full name
        pat = re.compile(r"(?<!\w)" + re.escape(m.group(1)) + r"\s+(?:[A-Z]\.\s+)?" + re.escape(m.group(2)) +
                         r"(?!\w)", re.I)
        for b in page_blocks[:FULL_NAME_BLOCKS]:
            hit = pat.search(b.text) if len(b.text) <= 300 else None
            if hit and all(w[:1].isupper() for w in hit.group(0).split()):
                return hit.group(0)
        return first
    if not first[:1].isupper():
        return first
    # (a surname's word: a capital, then a small letter; "Katerina EDITING:" is a label after the name)
    pat = re.compile(r"(?<!\w)" + re.escape(first) + r"\s+((?:[A-ZÀ-Þ](?:[a-zß-ÿ]|['’][A-Z])[\w'’-]*\s?){1,2})"
                     r"(?!\w)")
    for b in page_blocks[:FULL_NAME_BLOCKS]:
        if len(b.text) > 80 or first not in b.text:
            continue
        m = pat.search(b.text)
        if m and not any(w.lower() in month_words() or w.lower() in UI_WORDS for w in m.group(1).split()):
            full = normalize_authors(first + " " + m.group(1))
            if full and looks_like_person(full[0]) and not is_site(full[0]):
                return full[0]
    return first
