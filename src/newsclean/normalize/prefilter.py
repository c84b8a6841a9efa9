"""Exact pre-checks that spare a regex call (issue 16): whether a case-blind pattern of literal words
CAN match a text, answered with plain string methods for ASCII text (most lines of a page). Each
answers "maybe" (True) whenever it cannot be sure, so the pattern then runs and decides; a False
is a proof that the pattern finds nothing. A regex call costs thousands of instructions even when
it fails at once; these cost a few hundred.

Why ASCII text only: a case-blind pattern may match letters outside ASCII that fold to ASCII ones
(the Kelvin sign for "k", the long s for "s"), and such text always goes to the pattern."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from newsclean._core import compiled
from newsclean.strings import literal_trie


def _folds_to_ascii(ch: str) -> bool:
    """Does a case-blind ``re`` match the character ``ch`` with an ASCII one it is not ("K", "ſ", "İ")?"""
    return not ch.isascii() and any(re.fullmatch(re.escape(ch), a, re.IGNORECASE) for a in map(chr, range(128)))


#: lower-cased words by their first character (see ``ascii_prefixes``)
Prefixes = dict[str, tuple[str, ...]]


def ascii_prefixes(words: Iterable[str]) -> Prefixes | None:
    """The lower-cased ``words`` (literals, none empty) by their first character, when a case-blind
    match of one of them at the start of an ASCII text is exactly the lower-cased text starting
    with it. None when a word holds a letter that folds to an ASCII one (then the pattern must run)."""
    out: dict[str, list[str]] = {}
    for word in words:
        w = word.lower()
        if not w:
            raise ValueError("an empty word starts anywhere")
        if len(w) != len(word) or any(_folds_to_ascii(ch) for ch in word):
            return None
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


def may_begin(text: str, prefixes: Prefixes | None, longest: int) -> bool:
    r"""Can ``\s*`` then one of the words match (case-blind) at the start of ``text``?
    ``prefixes`` = ``ascii_prefixes(words)``, ``longest`` their longest length: not when the first
    ``longest`` characters after the white space are ASCII and, lower-cased, start with none of them."""
    if prefixes is None:
        return True
    return (compiled("may_begin") or may_begin_pure)(text, prefixes, longest)


def may_begin_pure(text: str, prefixes: Prefixes, longest: int) -> bool:
    """``may_begin`` for prefixes that are not None (the compiled core's twin is ``_core/_scan_spdcap.pxi``'s
    ``may_begin``)."""
    head = text.lstrip()[:longest]
    if not head.isascii():
        return True
    head = head.lower()
    starts = prefixes.get(head[:1])
    return starts is not None and head.startswith(starts)


@cache
def _finder(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(literal_trie(words))


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Can a case-blind pattern made of ``words`` (lower case) match in ``text``? In ASCII text a
    case-blind match is one of the words in the lower-cased text: one search for any of them (a
    trie, in C); other text always can."""
    if not text.isascii():
        return True
    return _finder(words).search(text.lower()) is not None


def ascii_word_set(words: Iterable[str]) -> frozenset[str] | None:
    r"""The lower-cased ``words`` when ``\b(?:words)(?!\w)`` (case-blind) fullmatches an ASCII text
    exactly when the text, lower-cased, is one of them: every word is ASCII and starts with a
    letter or digit. None otherwise (then the pattern must run)."""
    ws = list(words)
    if not all(w.isascii() and w[:1].isalnum() for w in ws):
        return None
    return frozenset(w.lower() for w in ws)
