"""``name_key`` of text other than ASCII by its word runs (session 16) is the plain substitution it replaced:
the old definition is kept here and compared on many names."""
from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.normalize.authors import name_key

_OLD_NON_WORD = re.compile(r"[^\w]+")
#: letters, digits, marks and spaces of many scripts, and the characters whose case maps oddly
EDGES = " \t\n\x0b\x1c\x85\xa0\u1680\u2028\u3000_-.,'’·İKΣςßẞﬁŉǅ٣²½ⅫäÖéÀ中文한국어"


def _old_name_key(name: str) -> str:
    if name.isascii():
        return b" ".join(name.encode().translate(
            bytes((c + 32 if 65 <= c <= 90 else c) if chr(c).isalnum() or c == 95 else 32 for c in range(256))
        ).split()).decode()
    return _OLD_NON_WORD.sub(" ", name.casefold()).strip()


@settings(max_examples=500)
@given(st.one_of(st.text(alphabet=st.sampled_from(EDGES + "JaneDoe0"), max_size=24), st.text(max_size=24)))
@example("  Jürgen  Müller-Lüdenscheidt, Ⅻ ")
@example("\u3000中文 Σ_ς\x85")
def test_name_key_is_the_plain_substitution(name: str) -> None:
    assert name_key(name) == _old_name_key(name)


def test_no_word_character_is_white_space() -> None:
    # (why the word runs joined are the substitution stripped: stripping never takes a word character)
    word = re.compile(r"\w")
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and word.match(c)]
