"""Small helpers on plain strings that loaders, stages and rules share: white space, sentence ends."""
from __future__ import annotations

import re

#: what ends a sentence, in Latin and CJK punctuation
SENTENCE_END = tuple(".!?…。！？")
#: what may close a sentence after its stop: quotes, brackets, a footnote star ('"… ended."', '(… here.)')
CLOSERS = "\"'”’»)]*"


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
    """``any(c.isdigit() for c in text)``, in one pass in C for ASCII text (most lines)."""
    return _ASCII_DIGIT.search(text) is not None if text.isascii() else any(c.isdigit() for c in text)
