"""The compiled core's word tokens of the HTML path (newsclean/_core/_scan_spd10h.pxi) and their pure-Python
twin give the same lists: on every code point (alone and between two words), on made-up texts, and on a page's
blocks. The promo phrases' anchors are an exact pre-test: every phrase holds one.

The twin comparisons are skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.load.page import load_page
from newsclean.stages.boilerplate.signals import load_hints
from newsclean.stages.navigation.promo import promo_anchors
from newsclean.strings import word_tokens_pure
from tests.core_helpers import unless_compiled

word_tokens = _core.compiled("word_tokens")
compiled_only = unless_compiled(word_tokens)

#: characters at the edges of ``\w``: "_", digits and numerals that are no digits, marks, CJK, spaces
EDGES = "azAZ09_-' .\t\n\u00a0\u00aa\u00b2\u00b5\u00ba\u00bd\u00df\u0301\u0660\u2160\u3007\u4e00\uff10\U0001d7ce"
texts = st.text(alphabet=st.one_of(st.sampled_from(EDGES), st.characters()), max_size=60)


def test_pure_twin_is_the_regex() -> None:
    assert word_tokens_pure("Ein Straßen-Bahn_Netz, 3½ km!") == ["Ein", "Straßen", "Bahn_Netz", "3½", "km"]
    assert word_tokens_pure("") == [] and word_tokens_pure(" .,") == []


@compiled_only
def test_every_code_point_alone_and_between_words() -> None:
    assert word_tokens is not None
    for c in range(sys.maxunicode + 1):
        if 0xD800 <= c <= 0xDFFF:
            continue
        ch = chr(c)
        for text in (ch, f"ab{ch}cd", f" {ch} "):
            assert word_tokens(text) == word_tokens_pure(text), hex(c)


@compiled_only
@settings(max_examples=400, deadline=None)
@given(texts)
def test_made_up_texts(text: str) -> None:
    assert word_tokens is not None
    assert word_tokens(text) == word_tokens_pure(text)


@compiled_only
def test_a_pages_blocks() -> None:
    assert word_tokens is not None
    html = ("<html><body><h1>Überschrift: 2024 – ein Jahr</h1><p>Le café « crème » coûte 3,50 €; "
            "東京 タワー 서울 — fin_de_ligne</p><ul><li>item-one</li><li>x²+y² = z²</li></ul></body></html>")
    for b in load_page(html, kind="html").blocks:
        for text in (b.text, b.text.lower()):
            assert word_tokens(text) == word_tokens_pure(text)


def test_every_promo_phrase_holds_an_anchor() -> None:
    anchors = promo_anchors()
    phrases = load_hints().promo_phrases
    assert phrases and all(any(a in p for a in anchors) for p in phrases)
    assert len(anchors) < len(phrases) / 2  # (the pre-test is worth running: far fewer anchors than phrases)
