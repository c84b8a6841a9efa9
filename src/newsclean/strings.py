"""Small helpers on plain strings that loaders, stages and rules share: white space, sentence ends."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
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


_LETTERS = re.compile(r"[^\W\d_]+")
#: ASCII text made bytes whose letters stay and whose every other character is a space: its runs of
#: letters (what ``_LETTERS`` finds) are then its words, split at the spaces without a regex
_ASCII_LETTER_BYTES = bytes(c if c < 128 and chr(c).isalpha() else 32 for c in range(256))
#: the same for the word characters of ``\w`` (in ASCII: letters, digits and "_")
_ASCII_WORD_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))


def letter_runs(text: str) -> list[str]:
    r"""The runs of letters (``[^\W\d_]+``) in ``text``, in order: the compiled core's ``letter_runs``
    (``_core/_scan_spd12.pxi``) or its twin :func:`letter_runs_pure`."""
    runs: list[str] = (compiled("letter_runs") or letter_runs_pure)(text)
    return runs


def letter_runs_pure(text: str) -> list[str]:
    """``letter_runs`` in Python: ASCII text split at its other characters made spaces (a regex costs
    about a hundred instructions a character), other text by its white-space pieces (below)."""
    if text.isascii():
        return text.encode().translate(_ASCII_LETTER_BYTES).decode().split()
    # other text: no run crosses white space (no letter); a piece of letters only (``str.isalpha``: each in
    # ``[^\W\d_]``) is one run without a regex call, which fails at every letter it passes
    return piece_runs(text, str.isalpha, _LETTERS)


def piece_runs(text: str, whole: Callable[[str], bool], runs_of: re.Pattern[str]) -> list[str]:
    """The runs ``runs_of`` finds in ``text``, in order, for a pattern whose runs never cross white space: each
    white-space piece that ``whole`` accepts is one run as it is (no regex call), the others are searched."""
    runs: list[str] = []
    for piece in text.split():
        if whole(piece):
            runs.append(piece)
        else:
            runs += runs_of.findall(piece)
    return runs


def long_word_runs(text: str, least: int) -> list[str]:
    r"""The runs of word characters (``\w``) of ``least`` characters or more in ``text`` (what
    ``re.findall(r"\w{least,}", text)`` finds), in order: the compiled core's ``long_word_runs``
    (``_core/_scan_spd12.pxi``) or its twin :func:`long_word_runs_pure`."""
    runs: list[str] = (compiled("long_word_runs") or long_word_runs_pure)(text, least)
    return runs


def long_word_runs_pure(text: str, least: int) -> list[str]:
    r"""``long_word_runs`` in Python: the runs of ``\w`` (a greedy ``\w{least,}`` takes each whole run, and
    none shorter), kept when long enough."""
    words = text.encode().translate(_ASCII_WORD_BYTES).decode().split() if text.isascii() else _WORD.findall(text)
    return [w for w in words if len(w) >= least]


def squeeze(text: str) -> str:
    """Each run of white space (any Unicode space, line break or tab) as one space; ends stripped."""
    return " ".join(text.split())


def fewer_words_than(texts: Iterable[str], limit: int) -> int | None:
    """The number of white-space separated words of ``texts`` when it is under ``limit``, else None (the count
    stops there: a page's blocks are read only until the bound is reached, most pages at their first lines)."""
    n = 0
    for t in texts:
        n += len(t.split())
        if n >= limit:
            return None
    return n


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
