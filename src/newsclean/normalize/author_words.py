"""The word tables bylines are read with (``data/meta_authors.json``): lead-ins ("By", "von", "Posted
by"), role and cut words, credentials, words that are never names, weekdays, and the cheap tests that
spare their regexes where they cannot match. ``authors.py`` reads names with them."""
from __future__ import annotations

import re
from functools import cache

from newsclean.normalize._data import load_json, month_table
from newsclean.normalize.prefilter import Prefixes, ascii_prefixes, ascii_word_set, may_begin, may_hold


@cache
def _tables() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_json("meta_authors.json")
    leads = sorted(data["lead_ins"], key=len, reverse=True)
    lead_re = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in leads) + r")(?:\s*:\s*|\s+|$)", re.IGNORECASE)
    return (lead_re, frozenset(data["roles"]), frozenset(data["credentials"]),
            frozenset(data["not_names"]))


@cache
def _lead_prefixes() -> tuple[Prefixes | None, int]:
    """The lead-ins of ``_tables`` for ``prefilter.may_begin``, and the longest one's length."""
    leads = load_json("meta_authors.json")["lead_ins"]
    return ascii_prefixes(leads), max(map(len, leads), default=0)


def _may_lead(text: str) -> bool:
    """Can a lead-in of ``_tables`` start the text?"""
    prefixes, longest = _lead_prefixes()
    return may_begin(text, prefixes, longest)


def _lead_match(text: str) -> bool:
    """``_tables()[0].match(text)``, the regex spared where no lead-in can start."""
    return _may_lead(text) and _tables()[0].match(text) is not None


@cache
def _role_set() -> frozenset[str] | None:
    return ascii_word_set(load_json("meta_authors.json")["role_words"])


def _role_word(word: str) -> bool:
    """``_word_res()[1].fullmatch(word)``: for an ASCII word, a look-up of the lower-cased word."""
    words = _role_set()
    if words is not None and word.isascii():
        return word.lower() in words
    return _word_res()[1].fullmatch(word) is not None


@cache
def _word_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_json("meta_authors.json")
    cut = re.compile(r"\s*\b(?:" + "|".join(re.escape(w) for w in data["cut_words"]) + r")\b.*$", re.IGNORECASE)
    role = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["role_words"]) + r")(?!\w)", re.IGNORECASE)
    return cut, role


@cache
def _word_lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cut words and role words of ``_word_res``, lower-cased (see ``_may_hold``)."""
    data = load_json("meta_authors.json")
    return tuple(w.lower() for w in data["cut_words"]), tuple(w.lower() for w in data["role_words"])


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Can a case-blind pattern of ``words`` match in ``text``? (``prefilter.may_hold``)"""
    return may_hold(text, words)


def strip_lead_in(text: str) -> str:
    lead_re = _tables()[0]
    prev = None
    while prev != text:
        if not _may_lead(text):
            return text   # (no lead-in starts the text: the regex would leave it as it is)
        prev = text
        text = lead_re.sub("", text, count=1)
    return text


def month_words() -> dict[str, int]:
    return month_table()


@cache
def _weekdays() -> frozenset[str]:
    return frozenset(load_json("meta_authors.json").get("weekdays", ()))
