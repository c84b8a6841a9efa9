"""How often each of several strings occurs in the start of a text: one pass per rare character in the
compiled core (``count_strings`` of ``_core/_scan_sphtml.pxi``), ``str.count`` per string in its pure twin.
``page_type`` counts price keys in the page's source and phrases in its text this way; start tags in the source
are counted case-blind by :func:`tag_counts`."""
from __future__ import annotations

import re
from functools import lru_cache

from newsclean._core import compiled


def count_strings(text: str, end: int, needles: tuple[str, ...]) -> list[int]:
    """``text.count(s, 0, end)`` for each (non-empty) ``s`` of ``needles``: non-overlapping matches."""
    fast = compiled("count_strings")
    counts: list[int] = fast(text, end, needles) if fast is not None else count_strings_pure(text, end, needles)
    return counts


def count_strings_pure(text: str, end: int, needles: tuple[str, ...]) -> list[int]:
    """``count_strings`` in Python (the compiled core's twin)."""
    if not all(needles):
        raise ValueError("count_strings: an empty needle")
    return [text.count(s, 0, end) for s in needles]


def tag_counts(text: str, end: int, names: tuple[str, ...]) -> list[int]:
    """For each tag name of ``names`` (lower-case ASCII letters and digits), how many start tags ``<name``
    stand in ``text[:end]``, ASCII letters compared case-blind (``<IMG`` counts for ``img``), the name ended
    by a character that does not go on a tag's name or by the end (``<h2>`` and ``<h2 class=…>`` count for
    ``h2``, ``<h23`` and ``<figcaption`` for no name here): one memchr pass over the ``<``s in the compiled core
    (``tag_counts`` of ``_core/_scan_pt10.pxi``), one regex in its pure twin."""
    fast = compiled("tag_counts")
    counts: list[int] = fast(text, end, names) if fast is not None else tag_counts_pure(text, end, names)
    return counts


#: a character that goes on a tag's name (what ends the name is any other character, or the end)
_TAG_NAME_CHAR = "A-Za-z0-9_:-"


@lru_cache(maxsize=8)
def _tag_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(set(names), key=len, reverse=True))
    return re.compile(rf"<({alternatives})(?![{_TAG_NAME_CHAR}])", re.IGNORECASE | re.ASCII)


def tag_counts_pure(text: str, end: int, names: tuple[str, ...]) -> list[int]:
    """``tag_counts`` in Python (the compiled core's twin)."""
    if not all(isinstance(s, str) and s and s.isascii() and s.isalnum() and s == s.lower() for s in names):
        raise ValueError(f"tag_counts: not lower-case ASCII tag names: {names!r}")
    if not names:
        return []
    found = dict.fromkeys(names, 0)
    for m in _tag_pattern(names).finditer(text, 0, max(end, 0)):
        found[m.group(1).lower()] += 1
    return [found[s] for s in names]
