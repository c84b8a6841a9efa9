"""The compiled core's HTML-stage scans (newsclean/_core/_scan_sphtml.pxi) and their pure-Python twins give
identical results on made-up inputs. Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.page import Block
from newsclean.stages.boilerplate import block_weights
from newsclean.stages.page_type.counts import count_strings_pure
from newsclean.stages.page_type.features import _TEXT_NEEDLES
from newsclean.stages.page_type.profile import _SOURCE_NEEDLES

count_strings = _core.compiled("count_strings")
compiled_weights = _core.compiled("block_weights")
pytestmark = pytest.mark.skipif(count_strings is None,
                                reason="the compiled core is not built (or NEWSCLEAN_PURE is set)")

#: characters that make needles overlap, bytes of wide characters that equal an ASCII anchor's byte
#: (U+013C and U+3C3C hold the byte of '<', U+2022 that of '"'), and characters of each string width
CHARS = "<\"ai p?e r ce" + "\u013c\u3c3c\u2022\u20ac\u00e9\U0001F600"
NEEDLES = _SOURCE_NEEDLES + _TEXT_NEEDLES + ("aa", "aaa", "<\u013c", "\u3c3c", "\U0001F600<", "\"p\"")


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from(CHARS + "imgh2fur\"<>=t"), max_size=80), st.integers(-90, 90),
       st.lists(st.sampled_from(NEEDLES), min_size=0, max_size=6))
def test_count_strings_twins(text: str, end: int, needles: list[str]) -> None:
    assert count_strings(text, end, tuple(needles)) == count_strings_pure(text, end, tuple(needles))


def test_count_strings_counts_without_overlap_and_to_the_end() -> None:
    text = '"price"price" itemprop="price" aaaa <img<img'
    needles = ('"price"', 'itemprop="price"', "aa", "<img", "<IMG")
    assert count_strings(text, len(text), needles) == count_strings_pure(text, len(text), needles) == [2, 1, 2, 2, 0]
    assert count_strings(text, 10, needles) == [1, 0, 0, 0, 0]
    with pytest.raises(ValueError):
        count_strings(text, 5, ("",))


BLOCK_TEXT = st.text(alphabet=st.sampled_from("ab .!?\u201d)\u3002\u6771\u4eac \t\u3000\n"), max_size=160)
BLOCK = st.builds(lambda text, kind, ld, lead: Block(0, text, kind, {"link_density": ld, "lead_link": lead}),
                  BLOCK_TEXT,
                  st.sampled_from(("paragraph", "heading", "list_item", "table", "caption", "quote", "pre")),
                  st.floats(0.0, 1.0), st.integers(0, 60))


@settings(max_examples=300)
@given(st.lists(BLOCK, max_size=12), st.sets(st.integers(0, 12)))
def test_block_weights_twins(blocks: list[Block], teasers: set[int]) -> None:
    model = block_weights.load_model()
    fast = compiled_weights(blocks, teasers, model.coef, model.const, model.gain_for, model.gain_against)
    assert fast == block_weights.weights_pure(blocks, teasers, model)


def test_block_weights_of_features_missing() -> None:
    model = block_weights.load_model()
    blocks = [Block(0, "A line with no loader features at all."), Block(1, "")]
    fast = compiled_weights(blocks, set(), model.coef, model.const, model.gain_for, model.gain_against)
    assert fast == block_weights.weights_pure(blocks, set(), model)
