"""The session-12 runs of letters and of long words (newsclean/_core/_scan_spd12.pxi, twins in
``newsclean.strings``) are what the regexes they replace find: the pure twins always (their ASCII path
splits without a regex), the compiled ones when the extension is built."""
from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.strings import letter_runs_pure, long_word_runs_pure
from tests.core_helpers import unless_compiled

LETTERS = re.compile(r"[^\W\d_]+")
ALPHABET = "aZ9_ -\n\t.,'’é²½ßİ\u0130\u212a\u00aa\u0660\u4e00\u3042\uac00\U0001F600\U0001D7CE"


def long_words(text: str, least: int) -> list[str]:
    return re.findall(r"\w{" + str(least) + ",}", text)


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40), st.integers(min_value=1, max_value=6))
def test_pure_twins_are_the_regexes(text: str, least: int) -> None:
    assert letter_runs_pure(text) == LETTERS.findall(text)
    assert long_word_runs_pure(text, least) == long_words(text, least)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60), st.integers(min_value=1, max_value=6))
def test_pure_twins_on_ascii_are_the_regexes(text: str, least: int) -> None:
    assert letter_runs_pure(text) == LETTERS.findall(text)
    assert long_word_runs_pure(text, least) == long_words(text, least)


letter_runs = _core.compiled("letter_runs")
long_word_runs = _core.compiled("long_word_runs")
compiled_only = unless_compiled(letter_runs)


@compiled_only
@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40), st.integers(min_value=1, max_value=6))
def test_compiled_twins(text: str, least: int) -> None:
    assert letter_runs(text) == letter_runs_pure(text) == LETTERS.findall(text)
    assert long_word_runs(text, least) == long_word_runs_pure(text, least) == long_words(text, least)


@compiled_only
def test_compiled_twins_on_every_code_point() -> None:
    chunk = 4096
    for start in range(0, sys.maxunicode + 1, chunk):
        text = "".join(chr(c) for c in range(start, min(start + chunk, sys.maxunicode + 1))
                       if not 0xD800 <= c <= 0xDFFF)
        text = " ".join(text)   # each code point alone, and in runs below
        assert letter_runs(text) == LETTERS.findall(text)
        assert long_word_runs(text, 1) == long_words(text, 1)
    runs = "".join(chr(c) for c in range(0x0, 0x3000) if not 0xD800 <= c <= 0xDFFF)
    assert letter_runs(runs) == LETTERS.findall(runs)
    assert long_word_runs(runs, 4) == long_words(runs, 4)
