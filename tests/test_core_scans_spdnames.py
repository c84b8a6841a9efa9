"""The compiled core's word loops of a byline name (newsclean/_core/_scan_spdnames.pxi) and their pure-Python
twin give the same words: on made-up names (Unicode letters, initials, particles, credentials, weekdays,
roles, outlets in capitals, separators, stop words) and on the parts of made-up byline lines.

The twin comparisons are skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.normalize import authors
from newsclean.normalize.authors import (
    _PARTICLES,
    _ROLE_ADJ,
    _STOP_CUT,
    _role_word,
    _tables,
    _weekdays,
    trim_name_words_pure,
)
from tests.core_helpers import unless_compiled

trim_name_words = _core.compiled("trim_name_words")
compiled_only = unless_compiled(trim_name_words)

#: words of every kind the loops test: names (ASCII and not), initials, particles, credentials, weekdays,
#: role words and adjectives, stop words, odd capitals, separators and marks glued on, a line feed
WORDS = ["Jane", "Doe", "JANE", "José", "Łukasz", "Žižek", "Ørsted", "İlker", "Σοφία", "Дмитрий", "李", "J.", "J.R.",
         "A", "a", "e", "y", "van", "von", "de", "Van", "da", "al", "ibn", "MD", "PhD", "Ph.D.", "M.S.", "Ma", "Do",
         "md,", "Monday", "monday,", "Sonntag", "Staff", "Writer", "Editor", "editor.", "Senior", "former", "Tech",
         "Deputy", "on", "On", "in", "the", "said", "für", "às", "FOXBusiness", "McDonald", "DeMarco", "iOS",
         "eBay", "NYTimes", "ABC", "x", "-", "|", "&", ",", "and", "Doe,", "Doe.", "O'Neil", "Jean-Luc", "\nAB",
         "a\nBC", "ǅemal", "ÅSE", "Ǆ", "ß", "ﬁne", "K", "ſ", "_x", "3rd", ""]

words = st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8)), max_size=8)


def _both(ws: list[str]) -> tuple[list[str], list[str]]:
    args = (_role_word, _tables()[2], _weekdays(), _ROLE_ADJ, _STOP_CUT, _PARTICLES)
    assert trim_name_words is not None
    return trim_name_words_pure(list(ws), *args), trim_name_words(list(ws), *args)


@compiled_only
@settings(max_examples=500)
@given(words)
def test_twins_on_word_lists(ws: list[str]) -> None:
    pure, comp = _both(ws)
    assert pure == comp


@compiled_only
@settings(max_examples=500)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10),
       st.lists(st.sampled_from([" ", ", ", " and ", " | ", " - ", " & ", "  "]), min_size=10, max_size=10))
def test_twins_on_byline_parts(ws: list[str], seps: list[str]) -> None:
    line = "By " + "".join(w + s for w, s in zip(ws, seps)).strip()
    for part in authors._SPLIT.split(line):
        pure, comp = _both(part.split())
        assert pure == comp, part


@compiled_only
def test_twins_on_examples() -> None:
    for text in ["Will Judd Former Deputy Tech Editor", "Daniel Lemire A computer science professor",
                 "Jane Doe PhD", "Jane Doe Monday", "Eric Song FOXBusiness", "Ludwig van Beethoven", "J. R. R. Tolkien",
                 "Łukasz Żuk", "Jane A", "Jane Doe on", "MD", "", "Jane a\nBC"]:
        pure, comp = _both(text.split(" ") if "\n" in text else text.split())
        assert pure == comp, text


def test_trim_examples() -> None:
    args = (_role_word, _tables()[2], _weekdays(), _ROLE_ADJ, _STOP_CUT, _PARTICLES)
    assert trim_name_words_pure("Will Judd Former Deputy Tech Editor".split(), *args) == ["Will", "Judd"]
    assert trim_name_words_pure("Daniel Lemire A computer science professor".split(), *args) == ["Daniel", "Lemire"]
    assert trim_name_words_pure("Jane Doe PhD".split(), *args) == ["Jane", "Doe"]
    assert trim_name_words_pure("Ludwig van Beethoven".split(), *args) == ["Ludwig", "van", "Beethoven"]
    assert trim_name_words_pure("Jane Doe FOXBusiness".split(), *args) == ["Jane", "Doe"]
