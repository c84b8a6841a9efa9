"""Small helpers on plain strings that loaders, stages and rules share: white space, sentence ends."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsclean._core import compiled

#: what ends a sentence, in Latin and CJK punctuation
SENTENCE_END = tuple(".!?…。！？")
#: what may close a sentence after its stop: quotes, brackets, a footnote star ('"… ended."', '(… here.)')
CLOSERS = "\"'”’»)]*"


_WORD = re.compile(r"\w+")


def word_tokens(text: str) -> list[str]:
    """The runs of word characters (``\\w``) in ``text``, in order: the compiled core's ``word_tokens``
    (``_core/_scan_spd10h.pxi``) or its twin :func:`word_tokens_pure`."""
    words: list[str] = (compiled("word_tokens") or word_tokens_pure)(text)
    return words


def word_tokens_pure(text: str) -> list[str]:
    """``word_tokens`` in Python (the compiled core's twin)."""
    return _WORD.findall(text)


def squeeze(text: str) -> str:
    """Each run of white space (any Unicode space, line break or tab) as one space; ends stripped."""
    return " ".join(text.split())


def ends_sentence(text: str) -> bool:
    """Does the text end like a sentence: a stop, maybe followed by closing quotes or brackets?"""
    return text.rstrip().rstrip(CLOSERS).rstrip().endswith(SENTENCE_END)


#: closers that end a line of prose even without a stop before them ('… he said”', '… (AP)')
_PROSE_CLOSERS = tuple("\"”’)»")


def ends_like_prose(text: str) -> bool:
    """Looser than :func:`ends_sentence`, for weighing blocks: the last character is a stop or a
    closing quote, bracket or guillemet (a quoted line or a credit in brackets ends prose too)."""
    return text.rstrip().endswith(SENTENCE_END + _PROSE_CLOSERS)


_ASCII_DIGIT = re.compile(r"[0-9]")   # in ASCII text, the characters str.isdigit accepts


def has_digit(text: str) -> bool:
    """``any(c.isdigit() for c in text)``: the compiled core's ``has_digit`` (``_core/_scan_spdcap.pxi``)
    or its twin ``has_digit_pure``."""
    return (compiled("has_digit") or has_digit_pure)(text)


def has_digit_pure(text: str) -> bool:
    """``any(c.isdigit() for c in text)``, in one pass in C for ASCII text (most lines)."""
    return _ASCII_DIGIT.search(text) is not None if text.isascii() else any(map(str.isdigit, text))


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Is one of ``words`` a substring of ``text``? The compiled core's ``holds_any``
    (``_core/_scan_spd11c.pxi``) or its twin ``holds_any_pure``."""
    return bool((compiled("holds_any") or holds_any_pure)(text, words))


def holds_any_pure(text: str, words: tuple[str, ...]) -> bool:
    """``any(w in text for w in words)``: a few substring searches in C. (For a short line this is several
    times cheaper than one search of a regex alternation of the words, whose call alone costs thousands of
    instructions.)"""
    for w in words:
        if w in text:
            return True
    return False


def literal_trie(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` literally, as a trie: at each position at most one branch
    goes on per character (an alternation of the phrases tries each phrase in turn, several times
    slower on a block of text). Where several phrases match at one place, the longest wins (the
    optional tails are greedy), as in an alternation sorted longest first."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return _trie_branch(trie) or "(?!)"


def _trie_branch(node: dict[str, Any]) -> str:
    alts = [re.escape(ch) + _trie_branch(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body
