"""The author's bio box at the end of an article ("Jane Doe is a freelance writer who covers …").

Once the byline stage knows the authors, a paragraph near the end of the body that opens with an
author's name (full, first or last) followed by a bio verb is the "about the author" box, not the
story; the short name/label lines printed just above it ("Contributor", "Jane Doe") go with it. On HTML pages
the byline stage applies it; on text captures the regions stage, once its models have settled the story's text.
"""
from __future__ import annotations

import re

from newsclean.normalize.authors import looks_like_person, name_key
from newsclean.page import Block, Page

_BIO_VERB = (r"(?:is|was|has|had|writes|wrote|covers|worked|works|joined|holds|serves|lives|brings|"
             r"specializes|specialises|leads|began|started|earned|received|graduated|enjoys|loves|"
             r"currently|covered|reports|reported|comes|came|focuses|teaches|founded|co-founded|spent)\b")
#: after the name: an optional appositive (", PhD,") or one word ("Smith, a …" is not a bio opener)
_AFTER_NAME = r"(?:,[^,.]{1,60},)?\s+(?:\w+\s+)?" + _BIO_VERB
_LABELS = frozenset({"about the author", "about the authors", "about author", "author", "authors",
                     "contributor", "contributors", "written by", "by", "about"})
_LEAD = "( \"“'‘"
#: a company or desk that 'looks like' a person ("The Social Shepherd Ltd", "QCY Official")
_NOT_A_PERSON = re.compile(r"(?i)\b(?:the|our|team|staff|editors?|official|inc|llc|ltd|corp|company|group|"
                           r"media|news|agency|press)\b")
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’-]+$")  # 'Jane', 'O’Neil' alone open a bio; 'QCY', 'AI' do not
_TAIL_SHARE = 0.7  # the bio must start in the last 30% of the body's text
_MAX_BIO = 800


_AFTER_NAME_RX = re.compile(_AFTER_NAME)


class _Openers:
    """Does a text open with one of the authors' names (full, first or last) and a bio verb?
    (Names are matched as plain prefixes, longest first, then one precompiled pattern for what
    follows: no regular expression is built per page.)"""

    def __init__(self, forms: set[str]) -> None:
        self.forms = sorted(forms, key=len, reverse=True)

    def match(self, text: str) -> bool:
        for f in self.forms:
            if text.startswith(f) and _AFTER_NAME_RX.match(text, len(f)):
                return True
        return False


def _openers(names: list[str]) -> _Openers | None:
    forms: set[str] = set()
    for n in names:
        if not looks_like_person(n) or _NOT_A_PERSON.search(n):
            continue
        words = n.split()
        forms.add(n)
        forms.update(w for w in (words[0], words[-1]) if len(w) >= 3 and _NAME_WORD.match(w))
    return _Openers(forms) if forms else None


def drop_author_bio(page: Page, names: list[str], stage: str) -> None:
    rx = _openers(names)
    if rx is None:
        return
    kept = [b for b in page.blocks if b.kept]
    total = sum(len(b.text) for b in kept)
    if not total:
        return
    keys = [name_key(n) for n in names]
    start = 0
    for i, b in enumerate(kept):
        pos, start = start, start + len(b.text)
        if pos < _TAIL_SHARE * total or b.kind not in ("paragraph", "list_item", "quote"):
            continue
        if len(b.text) > _MAX_BIO or not rx.match(b.text.lstrip(_LEAD)):
            continue
        page.drop(b, stage, "author bio (opens with the author's name)")
        _drop_labels(page, kept, i, keys, stage)


def _drop_labels(page: Page, kept: list[Block], i: int, keys: list[str], stage: str) -> None:
    """The short lines right above a bio that name the author or label the box."""
    above = []
    for b in reversed(kept[max(0, i - 3):i]):
        if len(b.text) > 60:
            break
        above.append(b)
    cut = -1
    for k, b in enumerate(above):
        low = name_key(b.text)
        if low in _LABELS or any(key and key in low for key in keys):
            cut = k
    for b in above[:cut + 1]:
        page.drop(b, stage, "author bio box (name or label above the bio)")
