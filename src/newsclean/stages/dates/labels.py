"""The date a page's text labels as its publication date ("Published: ...", "Veröffentlicht am ..."),
for the 'dates' stage."""
from __future__ import annotations

import re
from datetime import datetime

from newsclean.normalize.dates import find_dates, plausible
from newsclean.page import Page
from newsclean.strings import holds_any

# a date the text labels as the publication date ("Published: ...", "Veröffentlicht am ...")
_PUBLISHED_LABEL = re.compile(r"(?<!last )(?<!zuletzt )\b(?:published|posted|veröffentlicht|erschienen|publié|"
                              r"publicado|pubblicato|gepubliceerd)\b\s*(?:on|am|le|el|il|op)?\s*:?\s*$", re.I)
_PUBLISHED_WORD = re.compile(r"published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd",
                             re.I)
#: ``_PUBLISHED_WORD``'s words that ASCII text can hold: in ASCII text a case-blind match is one of them in the
#: lower-cased text (the others hold a letter outside ASCII, and so does every case variant of it)
_PUBLISHED_ASCII = ("published", "posted", "erschienen", "publicado", "pubblicato", "gepubliceerd")


def _may_say_published(text: str) -> bool:
    """``_PUBLISHED_WORD.search(text)``; ASCII text (most lines) by substring tests of its lower-cased
    form (a case-blind search of the alternation costs a regex step per character)."""
    if text.isascii():
        return holds_any(text.lower(), _PUBLISHED_ASCII)
    return _PUBLISHED_WORD.search(text) is not None


def labelled_published(page: Page, dayfirst: bool | None, now: datetime) -> datetime | None:
    """The date the page's text labels "Published ..." / "Veröffentlicht am ...", when it labels
    exactly one day so ("Last published" and a list of teasers with several such days do not count)."""
    found: list[datetime] = []
    for b in page.blocks[:3000]:
        if len(b.text) > 300 or not _may_say_published(b.text):
            continue
        for f in find_dates(b.text, limit=4, dayfirst=dayfirst):
            if plausible(f.value, now) and _PUBLISHED_LABEL.search(b.text[max(0, f.start - 40):f.start]):
                found.append(f.value)
    days = {dt.date() for dt in found}
    return found[0] if len(days) == 1 else None
