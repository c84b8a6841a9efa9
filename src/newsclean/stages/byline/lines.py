"""Helpers of the 'byline' stage that read names off page lines (HTML blocks and text-capture lines
alike): a name printed beside the dateline, a name-only line under the headline, and whether two
name lists share a person."""
from __future__ import annotations

import re

from newsclean.normalize.author_words import month_words
from newsclean.normalize.authors import looks_like_person, name_key, split_names
from newsclean.normalize.dates import find_dates
from newsclean.page import Block
from newsclean.stages.title import is_byline_text, is_dateline_text

LABELLED = re.compile(r"^(?:autor|autorin|author|text|verfasser|verfasst von|written by)\s*:?\s+[A-ZÄÖÜ]", re.I)
UI_WORDS = frozenset("""share home menu related articles article news blog read more sign subscribe search contact
about table contents print email comments posts latest login register follow next previous top back
privacy terms cookie cookies policy help support newsletter video photos podcast listen watch""".split())


#: the section a dateline names after the author ("Jane Doe in Project Management", "Jane Doe in News")
_IN_SECTION = re.compile(r"\s+in\s+[A-ZÄÖÜ][^,|•·]*$")


def name_by_date(blocks: list[Block], start: int) -> tuple[list[str], list[Block]]:
    """A person's name printed with the dateline just under the headline, no "By" before it:
    "Jane Doe - Nov 19, 2019, 10:31 pm CST", "11.12.2019 - Jane Doe", "Jane Doe Thu 9 Apr 2020"."""
    for b in blocks[start + 1:start + 6]:
        if len(b.text) > 90:
            continue
        found = find_dates(b.text, limit=1)
        if not found:
            continue
        if found[0].start >= 5:
            side = b.text[:found[0].start]
        else:
            side = b.text[found[0].end:]
        side = _IN_SECTION.sub("", side.strip(" -–—|•·,"))
        if len(side.split()) > 6 or any(w[:1].islower() and w not in ("von", "van", "de", "der", "di", "da", "du")
                                        for w in side.split()[1:]):
            continue   # a sentence that mentions a date, not a name beside a dateline
        if LABELLED.match(side + " X"):
            side = side.split(":", 1)[-1]
        names = split_names(side)
        if 1 <= len(names) <= 3 and all(looks_like_person(n) for n in names) and \
                not any(w.lower() in UI_WORDS or w.lower() in month_words() for n in names for w in n.split()):
            return names, [b]
    return [], []


_GLUED_UI = re.compile(r"(?<=[a-z])(?:View|More|Read|Follow|See|All)\b.*$")
_SKIPPABLE = re.compile(r"^\[[^\]]*\]$|^\W*$")


def name_line(blocks: list[Block], start: int) -> tuple[list[str], list[Block]]:
    """Text captures: a line that is only a person's name (maybe with a handle or a "/ 2 days" tail)
    among the first lines under the headline, where pages print the byline without "By"."""
    seen = 0
    for b in blocks[start + 1:start + 8]:
        text = b.text.strip()
        if _SKIPPABLE.match(text) or b.kind == "list_item":
            continue   # an image label ("[gif]") or a bullet
        seen += 1
        if seen > 3:
            break
        if len(text) > 80:
            continue
        text = _GLUED_UI.sub("", re.sub(r"@\w+", " ", text)).split(" / ")[0].strip(" ,|-–—·•")
        words = text.split()
        if not 2 <= len(words) <= 9 or any(w[:1].islower() and w not in ("von", "van", "de", "der", "da", "di", "and")
                                           for w in words):
            continue
        names = split_names(text)
        people = [n for n in names if looks_like_person(n)]
        if people and len(people) <= 3 and len(people) >= len(names) - 1 and not any(
                w.lower() in UI_WORDS or w.lower() in month_words() for n in people for w in n.split()):
            return people, [b]
    return [], []


def share_a_name(a: list[str], b: list[str]) -> bool:
    """Do two name lists share a person, allowing for a stray word one side kept ("Jane Doe Vom")?"""
    for x in a:
        for y in b:
            kx, ky = name_key(x), name_key(y)
            if kx == ky or kx.startswith(ky) or ky.startswith(kx):
                return True
    return False


_DATED_BY = re.compile(r"(?:^|\s)(?:(?:written|posted|erstellt|geschrieben|verfasst)\s+)?(?:by|von|par|por|door)\s+"
                       r"([A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|van|von|de|der|da|di|le|la)){0,4})")
_NAME_BEFORE = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+\s?$")
MAX_DATED_BY_LINE = 160   # characters: a byline-and-date line, not a sentence of the story


def dated_by_line(blocks: list[Block]) -> tuple[list[str], list[Block]]:
    """Text captures without a byline by the headline: the first short line anywhere that prints a
    date and "by/von Name" together ("12/04/2020 by Kay 24 Comments", "6. Dezember 2022 von Fatima in
    Gefühle", "erstellt von Dominique — veröffentlicht 28.01.2022")."""
    for b in blocks[:3000]:
        text = b.text
        if len(text) > MAX_DATED_BY_LINE or b.kind == "list_item" or \
                not find_dates(text, limit=1):
            continue
        m = next((m for m in _DATED_BY.finditer(text) if not _NAME_BEFORE.search(text[:m.start() + 1])), None)
        if not m:
            continue   # (none, or "Christoph von Ritter": "von" inside a name)
        names = [n for n in split_names(m.group(1)) if not any(w.lower() in UI_WORDS for w in n.split())]
        if names and len(names) <= 3:
            return names, [b] if is_byline_text(text) or is_dateline_text(text) else []
    return [], []


MAX_LABELLED_LINE = 80   # characters: "Author: Jane Doe" / "By Jane Doe and John Roe", not a sentence


def labelled_line(blocks: list[Block]) -> tuple[list[str], list[Block]]:
    """Text captures with no byline found by the headline (or no headline found): the first short line
    anywhere that names its author with a label or a lead-in ("Author: Bebs", "• Author: Jacopo Cascioli",
    "By Reid Bramblett", "Written By: Catherine Boeckmann"); a lead-in alone needs a person-shaped name."""
    for b in blocks[:3000]:
        text = b.text.strip()
        if len(text) > MAX_LABELLED_LINE:
            continue
        labelled = bool(LABELLED.match(text))
        if not labelled and not is_byline_text(text):
            continue
        names = [n for n in split_names(text) if not any(w.lower() in UI_WORDS for w in n.split())]
        if names and len(names) <= 3 and (labelled or all(looks_like_person(n) for n in names)):
            return names, [b]
    return [], []
