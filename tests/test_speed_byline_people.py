"""The byline readings' pre-test ``may_be_people`` (issue 16): it may say "maybe" too often, never "no"
where ``split_names`` gives that many capitalised or particle words; readings are the same with it
as without it."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.normalize.authors import split_names
from newsclean.stages.byline import readings

#: the words ``looks_like_person`` lets start lower-case
PARTICLES = ("van", "von", "de", "der", "la", "le", "da", "di", "del", "du", "bin", "al")
#: name-shaped words, glued ones ``split_names`` cuts apart, particles, roles, lead-ins, joiners, credits
WORDS = ("Jane", "Doe", "JaneStaff", "DoeFOXBusiness", "ByJane", "ByÄrne", "MaryJan", "vonChris", "van", "Van",
         "VAN", "de", "DE", "del", "der", "La", "du", "bin", "al", "by", "By", "Von", "and", "und", "et", "y", "e",
         "u.", "with", "Staff", "Writer", "Senior Editor", "Posted by", "written by", "Text:", "Autor:", "From",
         "Our Foreign Staff", "Photo", "updated", "published", "on", "in", "Éric", "Ørsted", "ÉLODIE", "élan",
         "jAne", "dOE", "o'Neil", "O’Brien", "Jean-Luc", "_Jane", "x_Doe", "www.", "http://x.com/", "jane@doe.com",
         "@JaneDoe", "(Jane)", "[Doe]", "Sign", "up", "for", "our", "newsletter", "Share", "Home")
#: the characters between and inside them: white space, the marks ``split_names`` cuts at or strips,
#: case folds to ASCII (Kelvin sign, long s, dotted and dotless i), capitals and letters of other scripts
EDGES = " \t\n\xa0-–—|•·:;/&+,.'’\"“_\u212a\u017f\u0130\u0131äÄßÿÞ"


def _texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS),
                      st.text(alphabet=st.sampled_from(EDGES + "aJDv"), max_size=3))
    return st.lists(piece, max_size=9).map("".join)


def _good_words(text: str) -> int:
    """The words of ``split_names(text)`` that ``looks_like_person`` accepts: capitalised or a particle."""
    return sum(1 for name in split_names(text) for w in name.split() if w[:1].isupper() or w.lower() in PARTICLES)


@settings(max_examples=500, deadline=None)
@given(_texts())
@example("Jane DoeStaff Writer")
@example("ByJane Doe und van der Berg")
@example("jane@doe.com Ørsted, élan Éric")
@example("de la")
def test_the_count_bounds_the_names_words(text: str) -> None:
    good = _good_words(text)
    assert readings.may_be_people(text, good) or good == 0


@settings(max_examples=600, deadline=None)
@given(_texts())
@example("Jane Doe  |  Guest Columnists")
@example("van de Berg, Jane")
def test_readings_with_the_pre_test_are_the_readings_without(text: str) -> None:
    with_test = readings.readings(text)
    plain = readings.may_be_people
    try:
        readings.may_be_people = lambda _t, _n: True   # type: ignore[assignment]
        without = readings.readings(text)
    finally:
        readings.may_be_people = plain   # type: ignore[assignment]
    assert with_test == without


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_ascii_count_is_the_loops(text: str) -> None:
    loop = sum(1 for i, ch in enumerate(text) if ch.isupper() and
               (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_") or text[i - 1].islower()))
    assert readings.capital_starts(text) == loop


@pytest.mark.parametrize("line", ["Sign up for our newsletter", "Share on linkedin", "Riding advice",
                                  "Personalized customer experiences", "Collaborative analytics platforms"])
def test_a_menu_line_is_not_read_for_names(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A line with too few capitals to be people's names is never handed to ``split_names``."""
    calls: list[str] = []
    monkeypatch.setattr(readings, "split_names", lambda t: calls.append(t) or [])
    assert readings.readings(line) == []
    assert calls == []


def test_names_still_read() -> None:
    assert ("name_only", ["Jane Doe", "John van der Roe"]) in readings.readings("Jane Doe and John van der Roe")
    assert ("segment", ["Jane Doe"]) in readings.readings("Jane Doe  |  Guest Columnists")
    assert readings.may_be_people("de la", 2) and not readings.may_be_people("Sign up for our newsletter", 3)


@settings(max_examples=500)
@given(st.lists(st.one_of(st.sampled_from(PARTICLES + ("VAN", "Bin", "dA", "vanessa", "al_", "_al", "x", "bi")),
                          st.text(alphabet=st.characters(max_codepoint=127), max_size=3)), max_size=10).map("".join))
def test_the_ascii_particle_count_is_the_patterns(text: str) -> None:
    assert readings.particle_starts(text) == len(readings._PARTICLE_START.findall(text))
