"""The compiled core's counts of the capture prose test (newsclean/_core/_scan_spdprose.pxi) and their
pure-Python twins give the same answers: on every code point (alone, and in each place of a sentence
end), on made-up texts, and on a capture's blocks; FieldValue records built by ``frozen_record`` equal
the class's own.

The twin comparisons are skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import dataclasses
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.features.text import (
    _PROSE_FIELDS,
    _SENTENCE_INSIDE,
    Prose,
    _make_prose,
    inside_sentences_pure,
    letter_count_pure,
    word_count_pure,
)
from newsclean.page import _FIELD_VALUE_FIELDS, FieldValue, Page, _field_value, frozen_record_pure
from tests.core_helpers import unless_compiled

word_count = _core.compiled("word_count")
letter_count = _core.compiled("letter_count")
inside_sentences = _core.compiled("inside_sentences")
compiled_only = unless_compiled(word_count)

#: characters at the edges of the classes: the sentence-end pattern's ranges and quotes, spaces of
#: several kinds, digits and numerals that are no digits, "_", marks, CJK and kana at their range ends
EDGES = ("azAZ09_%()\"”’“‘.!? \t\n\u00a0\u2028\u3000\u00bf\u00c0\u00d7\u00df\u00e0\u00f7\u00ff\u024f\u0250"
         "\u00b2\u00bd\u0660\u2160\u0301\u3040\u309b\u30fb\u30ff\u3400\u4dbf\u4e00\u9fff\uac00\ud7af"
         "\uf900\ufaff\u3007\uff10")
texts = st.text(alphabet=st.one_of(st.sampled_from(EDGES), st.characters()), max_size=60)
#: a sentence end with one character left open, at each of its places
TEMPLATES = ("{}. B", "a{} B", "a.{} B", "a.\"{}B", "a. {}", "a.”{} “B", "{}a. B. c")


@compiled_only
def test_counts_on_every_code_point() -> None:
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert word_count(ch) == word_count_pure(ch), hex(code)
        assert letter_count(ch) == letter_count_pure(ch), hex(code)
        assert word_count("ab" + ch + "c") == word_count_pure("ab" + ch + "c"), hex(code)


@compiled_only
@pytest.mark.parametrize("template", TEMPLATES)
def test_sentence_ends_with_every_code_point(template: str) -> None:
    for code in range(sys.maxunicode + 1):
        text = template.format(chr(code))
        assert inside_sentences(text) == inside_sentences_pure(text), (template, hex(code))


@compiled_only
@settings(max_examples=500)
@given(texts)
def test_twins_on_texts(text: str) -> None:
    assert word_count(text) == word_count_pure(text)
    assert letter_count(text) == letter_count_pure(text)
    assert inside_sentences(text) == inside_sentences_pure(text)


def test_pure_examples() -> None:
    assert word_count_pure("The cat_2 sat.") == 3
    assert word_count_pure("東京都 is big") == 2 + 2           # three CJK characters: two words
    assert letter_count_pure("a1 ²_b") == 3                     # "²" is no decimal digit: a letter here
    assert inside_sentences_pure('He left. She came! "Why?" Nobody knew.') == 3
    assert inside_sentences_pure("e.g. It ran.\u00a0Then x.y") == 2
    assert inside_sentences_pure("Paid 5%. Then (he) left.") == 1
    assert inside_sentences_pure("a.”\n“B") == 1 and inside_sentences_pure("a.” B") == 1
    assert inside_sentences_pure("a.”B") == 0 and inside_sentences_pure("a. b") == 0
    assert inside_sentences_pure("x. Ay. Bz. C") == 3         # matches do not overlap, each starts anew
    for text in ("He left. She came", "a. B. C. D", "2.  Über"):
        assert inside_sentences_pure(text) == len(_SENTENCE_INSIDE.findall(text))


@compiled_only
def test_twins_on_capture_blocks() -> None:
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    lines = [line for p in sorted(fixtures.rglob("*.txt"))
             for para in p.read_text(encoding="utf-8", errors="replace").split("\n\n")
             for line in (para, para.replace("\n", " "))]
    assert lines
    for text in lines:
        assert word_count(text) == word_count_pure(text)
        assert letter_count(text) == letter_count_pure(text)
        assert inside_sentences(text) == inside_sentences_pure(text)


def test_field_value_records() -> None:
    assert tuple(f.name for f in dataclasses.fields(FieldValue)) == _FIELD_VALUE_FIELDS
    for values in (("Headline", "og:title", "title"), ([1, 2], "meta", "dates"), (None, "", "")):
        made = _field_value(*values)
        assert made == FieldValue(*values) == frozen_record_pure(FieldValue, _FIELD_VALUE_FIELDS, values)
        assert type(made) is FieldValue
        if values[0] == "Headline":
            assert hash(made) == hash(FieldValue(*values))
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.value = "changed"  # type: ignore[misc]
    page = Page(kind="text", source="")
    page.propose("title", "A", "first line", "title")
    page.set_field("title", "A", "first line", "title")
    assert page.candidates["title"] == [FieldValue("A", "first line", "title")]
    assert page.fields["title"] == FieldValue("A", "first line", "title")


def test_prose_records() -> None:
    assert tuple(f.name for f in dataclasses.fields(Prose)) == _PROSE_FIELDS
    for values in ((12, True, 2, True, 12.0, False, False), (3, False, 0, False, -1.75, True, False),
                   (6, False, 0, False, -6.0, False, True)):
        made = _make_prose(*values)
        assert made == Prose(*values) == frozen_record_pure(Prose, _PROSE_FIELDS, values)
        assert type(made) is Prose and hash(made) == hash(Prose(*values))
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.words = 0  # type: ignore[misc]
    assert _make_prose(1, False, 0, False, -1.0) == Prose(1, False, 0, False, -1.0)   # loose, point default to False
