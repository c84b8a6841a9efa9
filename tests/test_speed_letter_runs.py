"""``letter_runs_pure`` of text other than ASCII by its white-space pieces (session 16) finds what one
``findall`` of the whole text found: the old definition is kept here and compared on many texts."""
from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.strings import letter_runs_pure

_OLD_LETTERS = re.compile(r"[^\W\d_]+")
EDGES = " \t\n\x0b\x1c\x85\xa0\u2028\u3000_-.,'’·İKΣςßẞﬁǅ٣²½ⅫäÖéÀ中文한국어\u0301"


@settings(max_examples=500)
@given(st.one_of(st.text(alphabet=st.sampled_from(EDGES + "Jane0"), max_size=30), st.text(max_size=30)))
@example("Jürgen Müller-Lüdenscheidt² ½ Ⅻ a_b\n中文")
def test_letter_runs_are_one_findall(text: str) -> None:
    assert letter_runs_pure(text) == _OLD_LETTERS.findall(text)


def test_letters_are_the_pattern_and_never_white_space() -> None:
    letter = re.compile(r"[^\W\d_]")
    chars = list(map(chr, range(sys.maxunicode + 1)))
    assert not [c for c in chars if c.isalpha() and not letter.match(c)]
    assert not [c for c in chars if c.isspace() and letter.match(c)]
