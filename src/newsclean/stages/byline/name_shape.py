"""Text captures: how much a candidate's names look like people's names, by the shapes of their words.

A byline names people: two or three capitalised words ("Jane Doe", "Jean-Luc Picard", "Ana de la Cruz",
"J. R. Stone"). Menu entries, section heads and teaser headlines a capture prints as short lines look
otherwise: an acronym beside a word ("OMA Summit", "View PDF HTML"), an article or a question word first
("Das Imperialismus-Phantom", "The Big Read", "How It Works"), a long compound noun, words the headline
holds (the story's subject: "Rodrigo Pacheco" under a headline about Pacheco) or that the story's
sentences print. Each shape is one number for the ranker (``rank.py``); none decides alone.
"""
from __future__ import annotations

import re

from newsclean.normalize.authors import name_key

#: a capitalised word of a name: "Doe", "O'Brien", "Munoz-Mantilla", "Heikkilä" (letters, an apostrophe
#: or a hyphen before a capital inside)
_NAME_WORD = re.compile(r"^[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]+(?:-[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]+)?$")
#: an initial: "J.", "J.R.", "JR" is not one
_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.){1,3}$")
#: the little words inside a name ("Ana de la Cruz", "Ludwig van Beethoven", "Anwar bin Ibrahim")
PARTICLES = frozenset({"van", "von", "de", "der", "den", "la", "le", "da", "di", "del", "della", "du", "dos",
                       "das", "bin", "ibn", "al", "el", "ter", "ten", "zu", "y", "e"})
#: words that open a heading, a menu entry or a teaser, not a name (articles, question words, pronouns,
#: imperatives of menus) in the languages of the bench's captures; lower-cased
FUNCTION_FIRST = frozenset({
    "the", "a", "an", "this", "that", "these", "our", "your", "my", "his", "her", "their", "its", "how",
    "why", "what", "when", "where", "who", "which", "is", "are", "new", "all", "more", "about", "read",
    "view", "see", "get", "sign", "log", "join", "follow", "share", "top", "best", "latest", "most",
    "der", "die", "das", "ein", "eine", "wie", "was", "warum", "wer", "unsere", "mehr", "alle", "neue",
    "le", "la", "les", "un", "une", "des", "nos", "notre", "votre", "tous", "plus",
    "el", "los", "las", "una", "nuestro", "nuestra", "todos", "más", "il", "lo", "gli", "i", "o", "os",
    "um", "uma", "het", "een", "onze",
})
MAX_ACRONYM = 4     # letters: "OMA", "PDF", "HTML" are acronyms; a surname printed in capitals is longer
LONG_WORD = 13      # characters: a word this long is a compound noun ("Imperialismus"), rarely a name's
_MIN_TITLE_WORD = 3  # characters: shorter words of the headline ("of", "in") say nothing


def name_word_share(names: list[str]) -> float:
    """Share of the names' words shaped like a name's word: capitalised ("Doe", "Munoz-Mantilla"), an
    initial ("J.") or a particle inside the name ("de", "van")."""
    words = [(i, w) for name in names for i, w in enumerate(name.split())]
    good = sum(1 for i, w in words if _NAME_WORD.match(w) or _INITIAL.match(w) or (i > 0 and w in PARTICLES))
    return good / max(len(words), 1)


def has_acronym(names: list[str]) -> bool:
    """A word in capitals of two to ``MAX_ACRONYM`` letters beside words that are not all capitals
    ("OMA Summit", "UX Analytics"; not "JANE DOE", not "Kazım TÜRKMEN")."""
    for name in names:
        words = name.split()
        if all(w.isupper() for w in words):
            continue
        if any(w.isupper() and w.isalpha() and 2 <= len(w) <= MAX_ACRONYM for w in words):
            return True
    return False


def function_first(names: list[str]) -> bool:
    """A name opening with an article, a question word or a menu verb ("The Big Read", "Das Imperialismus-
    Phantom", "View PDF HTML")."""
    return any(name.split()[0].casefold() in FUNCTION_FIRST for name in names if name.split())


def long_word(names: list[str]) -> bool:
    """A word (a part of a hyphenated one) of ``LONG_WORD`` characters or more in a name."""
    return any(len(part) >= LONG_WORD for name in names for w in name.split() for part in w.split("-"))


def title_word_share(names: list[str], title_words: set[str]) -> float:
    """Share of the names' words (of ``_MIN_TITLE_WORD`` characters or more, as name keys) that the
    headline holds: a person the story is about, not its author."""
    words = [w for name in names for w in name_key(name).split() if len(w) >= _MIN_TITLE_WORD]
    return sum(1 for w in words if w in title_words) / max(len(words), 1)


def title_words(title: str) -> set[str]:
    """The headline's words as name keys (casefolded, punctuation gone)."""
    return set(name_key(title).split())


def shape_features(names: list[str], title_set: set[str]) -> list[float]:
    """The name-shape numbers of one candidate, in ``rank.FEATURES`` order (name_words .. title_words):
    ``name_word_share``, ``has_acronym``, ``function_first``, ``long_word`` and ``title_word_share``
    in one pass over the names' words (tests/test_byline_name_shape.py compares it with them)."""
    n_words = good = n_title = in_title = 0
    acronym = function = long = False
    for name in names:
        words = name.split()
        if not words:
            continue
        n_words += len(words)
        for i, w in enumerate(words):
            if _NAME_WORD.match(w) or _INITIAL.match(w) or (i > 0 and w in PARTICLES):
                good += 1
            # (a part of a word is no longer than the word)
            if not long and len(w) >= LONG_WORD and any(len(part) >= LONG_WORD for part in w.split("-")):
                long = True
        if not acronym and not all(w.isupper() for w in words):
            acronym = any(w.isupper() and w.isalpha() and 2 <= len(w) <= MAX_ACRONYM for w in words)
        if not function:
            function = words[0].casefold() in FUNCTION_FIRST
        for w in name_key(name).split():
            if len(w) >= _MIN_TITLE_WORD:
                n_title += 1
                if w in title_set:
                    in_title += 1
    return [good / max(n_words, 1), 1.0 if acronym else 0.0, 1.0 if function else 0.0, 1.0 if long else 0.0,
            in_title / max(n_title, 1)]
