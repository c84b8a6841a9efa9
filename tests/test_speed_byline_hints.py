"""The byline readings' cheaper helpers (session 16) answer as the plain forms they replaced did: the
old definitions are kept here and compared on many lines."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.stages.byline import readings

#: characters that stress the helpers: the marks, white space of every kind, letters whose case maps
#: oddly (dotted capital I, Kelvin sign, final sigma, German sharp s) and the hints' letters
EDGES = " \t\n\x0b\x0c\x1c\xa0\u2028\u3000,;&/|:.-İKΣςßẞäÖ"
PIECES = ("by", "By", "BY", "bY", "von", "Von", "VON", "par", "Par", "por", "Por", "door", "Door", "utor", "Autor",
          "uthor", "AUTHOR", "Quelle:", "quelle:", "Source:", "SOURCE:", "Text:", "text:", "and", "und", "AND", "et",
          "y", "Y", "Jane", "Doe", "vonChris", "ByJ.R.", "2024")


def _lines() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(PIECES), st.text(alphabet=st.sampled_from(EDGES + "abyJD0"), max_size=3))
    return st.lists(piece, max_size=10).map("".join)


def _old_inner_hint(line: str) -> bool:
    return any(map(line.__contains__, readings._INNER_HINTS))


def _old_name_split_words(line: str) -> list[str]:
    return [w for w in line.translate(str.maketrans(",;&/|", "     ")).split() if w.lower() not in readings._JOINERS]


@settings(max_examples=600)
@given(_lines())
@example("Jane Doe and John Roe,\u2028y / x|&;ET  AND\u3000und")
@example("İBY ẞvon")
def test_inner_pre_test_says_maybe_wherever_the_hints_did(line: str) -> None:
    # a "no" of the new pre-test is a proof: the old one said no too, and the pattern finds nothing
    if _old_inner_hint(line):
        assert readings.may_lead_inside(line)
    if not readings.may_lead_inside(line):
        assert list(readings._LEAD_INNER.finditer(line)) == []


@settings(max_examples=600)
@given(_lines())
@example("Jane Doe and John Roe,\u2028y / x|&;ET  AND\u3000und")
@example(",;&/|")
def test_name_words_by_replacing_the_marks_are_the_translated_ones(line: str) -> None:
    assert readings.name_split_words(line) == _old_name_split_words(line)
