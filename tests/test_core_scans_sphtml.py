"""The compiled core's HTML-stage scans (newsclean/_core/_scan_sphtml.pxi) and their pure-Python twins give
identical results on made-up inputs. Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.page import Block
from newsclean.stages.boilerplate import block_weights, mass
from newsclean.stages.boilerplate import html as boilerplate_html
from newsclean.stages.page_type.counts import count_strings_pure
from newsclean.stages.page_type.features import _TEXT_NEEDLES
from newsclean.stages.page_type.profile import _SOURCE_NEEDLES
from tests.core_helpers import unless_compiled

count_strings = _core.compiled("count_strings")
compiled_weights = _core.compiled("block_weights")
compiled_mass = _core.compiled("aggregate_mass")
compiled_links = _core.compiled("link_ancestors")
pytestmark = unless_compiled(count_strings)

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


def _mass_inputs(shape: list[int], levels: list[int], weights: list[float]) -> tuple:
    """A tree where element i (after the first) hangs under element ``shape[i] % i``, with blocks of
    ``weights`` on the first elements; the inputs ``aggregate_mass`` gets from the container choice."""
    from lxml import etree

    els = [etree.Element("div")]
    for i in range(1, len(shape)):
        els.append(etree.SubElement(els[shape[i] % i], "div"))
    blocks = [Block(i, "text", "paragraph", {}, els[i % len(els)]) for i in range(len(weights))]
    sc = boilerplate_html._Scores()
    order = boilerplate_html._link_ancestors(blocks, weights, sc)
    info = {el: ("div", levels[i % len(levels)] % 3, levels[i % len(levels)] % 5 == 0, 1.0)
            for i, el in enumerate(order)}
    return sc.parent, sc.total, order, info


@settings(max_examples=300)
@given(st.lists(st.integers(0, 30), min_size=1, max_size=25),
       st.lists(st.integers(0, 14), min_size=1, max_size=25),
       st.lists(st.floats(-400.0, 400.0).map(lambda v: round(v, 1)), max_size=25))
def test_aggregate_mass_twins(shape: list[int], levels: list[int], weights: list[float]) -> None:
    parent, own, order, info = _mass_inputs(shape, levels, weights)
    fast = mass.Mass(*compiled_mass(parent, own, order, info, mass.STRONG_CHROME_KEEP, mass.WEAK_CHROME_SHARE,
                                    mass.NEGATIVE_DAMPING, mass.NEGATIVE_OFFSET))
    pure = mass.aggregate_mass_pure(parent, own, order, info)
    assert fast == pure
    assert list(fast.total) == list(pure.total) and list(fast.pos) == list(pure.pos)  # (same order: ties pick alike)


def test_aggregate_mass_of_no_elements() -> None:
    empty = compiled_mass({}, {}, [], {}, 0.6, 0.15, 0.25, 20.0)
    assert mass.Mass(*empty) == mass.aggregate_mass_pure({}, {}, [], {}) == ({}, {}, set(), {})


@settings(max_examples=200)
@given(st.lists(st.integers(0, 30), min_size=1, max_size=25), st.lists(st.integers(-1, 40), max_size=30))
def test_link_ancestors_twins(shape: list[int], picks: list[int]) -> None:
    from lxml import etree

    root = etree.Element("html")
    els = [etree.SubElement(root, "body")]
    for i in range(1, len(shape)):
        els.append(etree.SubElement(els[shape[i] % i], "div" if i % 3 else "p"))
    els[-1].append(etree.Comment("c"))
    blocks = [Block(i, "t", "paragraph", {}, None if k < 0 else els[k % len(els)]) for i, k in enumerate(picks)]
    weights = [float(i % 7) - 2.5 for i in range(len(blocks))]
    got: tuple[dict, dict, dict] = ({}, {}, {})
    want: tuple[dict, dict, dict] = ({}, {}, {})
    compiled_links(blocks, weights, *got)
    boilerplate_html.link_ancestors_pure(blocks, weights, *want)
    assert got == want and [list(d) for d in got] == [list(d) for d in want]


def test_control_counts_word_at_a_time() -> None:
    """The control-byte and junk counts read 8 bytes at a time: every byte value at every place of a
    word, next to plain text and to other controls."""
    from newsclean.load import binary

    control_byte_count = _core.compiled("control_byte_count")
    junk_count = _core.compiled("junk_count")
    for c in range(256):
        for at in range(19):
            for filler in (b"a", b"\x1b", b"\x7f", b"\x80"):
                data = bytearray(filler * 19)
                data[at] = c
                raw = bytes(data)
                assert control_byte_count(raw) == binary.control_byte_count_pure(raw), (c, at, filler)
                text = raw.decode("latin-1")
                assert junk_count(text) == binary.junk_count_pure(text), (c, at, filler)
