"""The compiled core's character tests of the capture path (newsclean/_core/_scan_spdcap.pxi) and their
pure-Python twins give the same answers: on every single character (the character classes) and on
made-up texts; the pre-tests that spare a regex call never say "cannot match" where it matches.

The twin comparisons are skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import math
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.features.text import _BRACKETED, _may_be_bracketed, first_letters_pure, has_alnum_pure, placeholder
from newsclean.stages.byline import rank
from newsclean.stages.classify.trees import forest_scores_pure
from newsclean.strings import has_digit_pure
from tests.core_helpers import unless_compiled

has_digit = _core.compiled("has_digit")
first_letters = _core.compiled("first_letters")
has_alnum = _core.compiled("has_alnum")
compiled_only = unless_compiled(has_digit)

#: characters around the edges of the classes: digits of other scripts, numerals that are no digits,
#: superscripts, "_", letters of several scripts, marks, spaces
EDGES = "09_aZß\u00b2\u00b9\u00bd\u0660\u0669\u06f0\u0966\u2160\u2460\u3007\uff10\uff41\u0301\u00a0\u2028 .,-[]"
texts = st.text(alphabet=st.one_of(st.sampled_from(EDGES), st.characters()), max_size=40)


@compiled_only
def test_twins_on_every_character() -> None:
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert has_digit(ch) == has_digit_pure(ch), hex(code)
        assert has_alnum(ch) == has_alnum_pure(ch), hex(code)
        assert first_letters(ch) == first_letters_pure(ch), hex(code)


@compiled_only
@settings(max_examples=500)
@given(texts)
def test_twins_on_texts(text: str) -> None:
    assert has_digit(text) == has_digit_pure(text)
    assert has_alnum(text) == has_alnum_pure(text)
    assert first_letters(text) == first_letters_pure(text)


def test_first_letters_examples() -> None:
    assert first_letters_pure("12 Comments") == "Comments"
    assert first_letters_pure("__x2y") == "x"
    assert first_letters_pure("²³ ½") == "²³"     # a superscript digit is no decimal digit: ``[^\W\d_]`` takes it
    assert first_letters_pure("123 _ ...") is None
    if first_letters is not None:
        assert first_letters("²³ ½") == "²³" and first_letters("123 _ ...") is None


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("[]().jpegJPEGpngsvgwbifſKk _-/%x1é \t"), max_size=24))
def test_bracketed_pretest_never_misses(text: str) -> None:
    if _BRACKETED.fullmatch(text) is not None:
        assert _may_be_bracketed(text)


@pytest.mark.parametrize("text, want", [
    ("[image]", True), ("photo.JPG", True), ("a.jpeg b.png", True), ("Read more.", False), ("—", True),
    ("logo.ſvg", True), ("x.svgz", False), ("Jane Doe", False),
])
def test_placeholder_examples(text: str, want: bool) -> None:
    assert placeholder(text) is want


@settings(max_examples=200)
@given(st.lists(st.floats(min_value=-1e3, max_value=1e3, allow_nan=False), min_size=len(rank.FEATURES),
                max_size=len(rank.FEATURES)))
def test_byline_score_is_the_plain_forest_walk(feats: list[float]) -> None:
    forest = rank._model().forest
    assert forest is not None
    plain = forest_scores_pure(forest.nodes, forest.roots, forest.base, [feats])[0]
    assert rank.score(feats) == plain
    assert math.isfinite(plain)


# --- pre-tests of the navigation patterns: never "cannot match" where the pattern matches -------------

_CAPTION_ALPHABET = st.sampled_from(list(".!?”\"’[]/ \n\tAZaz.jpgpngcredit..Credit") +
                                    ["credit...", "Photo:", "image caption", "IMAGE credit", "Getty Images",
                                     "file.jpg", "AP", "İmage", "\u2028", "x" * 30])


@settings(max_examples=500)
@given(st.lists(_CAPTION_ALPHABET, max_size=30).map("".join))
def test_caption_pretests_never_miss(text: str) -> None:
    from newsclean.stages.navigation import alt_text
    from newsclean.stages.navigation import text as nav
    if nav._CAPTION_TAIL.search(text) is not None or nav._CAPTION_TAIL_NO_SLASH.search(text) is not None:
        assert nav._may_end_caption(text)
    if nav._CAPTION_HEAD.match(text) is not None:
        assert nav._may_head_caption(text)
    plain = bool(not text.rstrip().endswith((".", "!", "?", "”", '"')) and
                 (nav._CAPTION_TAIL if "/" in text else nav._CAPTION_TAIL_NO_SLASH).search(text) or
                 any(w in text.casefold() for w in nav._CREDIT_WORDS) and nav._CREDIT.search(text) or
                 nav._CAPTION_HEAD.match(text) or
                 alt_text._CREDIT_TAIL.search(text))   # the closing credit, without its word pre-test
    assert nav.caption_like(text) is plain


def test_caption_tail_of_a_stop_far_from_the_end() -> None:
    from newsclean.stages.navigation import text as nav
    near = "He said.Pier Marco Tacca"
    assert nav._may_end_caption(near) and nav.caption_like(near)
    far = "He said.Pier Marco " + "x" * 70
    assert nav._CAPTION_TAIL.search(far) is None and not nav._may_end_caption(far)


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["Jane Doe", " is ", " was ", "a reporter", "jane", "5", "12h ago", " min",
                                 "\u0663", " ", "\n", "reach her at", "x@y.com"]), max_size=10).map("".join))
def test_contact_and_timestamp_pretests(text: str) -> None:
    from newsclean.stages.navigation import text as nav
    plain = bool(any(w in text for w in nav._BIO_VERBS) and nav._BIO.match(text)) or \
        nav._CONTACT.search(text) is not None
    assert nav.contact_like(text) is plain
    if nav._TIMESTAMP.match(text.strip()):
        assert text.strip()[:1].isdecimal()


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["Sign up", " for our ", "newsletters", "cookies", "cookie", "consent", "inbox",
                                 "subscribers", "©", "x", " ", "Privacy Policy", "unsubscribe"]),
                max_size=8).map("".join))
def test_promo_hits_as_before(text: str) -> None:
    from newsclean.features.text import _phrase_patterns, promo_hits
    low = text.lower()
    one, each = _phrase_patterns("promo_phrases")
    assert promo_hits(text) == (sum(1 for p in each if p.search(low)) if one.search(low) else 0)


_HEADS = st.lists(st.sampled_from(["By ", "by", "BY", "von", "Von:", " ", "\t", "\u3000", "Text", "written by",
                                   "é", "K", "\u212a", "x", "Autor", "ſ", ":", "Quelle", "publicado por"]),
                  max_size=6).map("".join)


@compiled_only
@settings(max_examples=800)
@given(_HEADS, st.integers(min_value=-3, max_value=25))
def test_may_begin_twins(text: str, longest: int) -> None:
    from newsclean.normalize import author_words
    from newsclean.normalize.prefilter import ascii_prefixes, may_begin_pure
    from newsclean.stages.byline import readings
    may_begin = _core.compiled("may_begin")
    tables = [author_words._lead_prefixes()[0], readings._LEAD_PREFIXES, readings._LABEL_PREFIXES,
              {"": ("",), "b": ("by", "b")}, ascii_prefixes(["a", "é"]), {}]
    for prefixes in tables:
        assert prefixes is not None
        assert may_begin(text, prefixes, longest) == may_begin_pure(text, prefixes, longest), (text, longest)
