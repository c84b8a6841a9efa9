"""The compiled functions of _core/_scan_sphtml2.pxi give what their pure twins give: ``end_tag_span``
and ``junk_count`` on 2- and 4-byte strings, where the byte search could be fooled (characters holding
the byte of "<" (0x3C) or of a control character: U+013C, U+3C00, U+1F63C...), and the climbs up the
tree (``within``, ``inside_flags``) on every pair of elements of made-up pages.

Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import _core
from newsclean.load import binary
from newsclean.load.parse import end_tag_span_pure, parse_html
from newsclean.stages.boilerplate.signals import inside_flags_pure, within_pure
from tests.core_helpers import unless_compiled

end_tag_span = _core.compiled("end_tag_span")
junk_count = _core.compiled("junk_count")
within = _core.compiled("within")
inside_flags = _core.compiled("inside_flags")
pytestmark = unless_compiled(end_tag_span)

#: characters one of whose bytes is 0x3C ("<"), 0x01 or 0x7F, in 2- and 4-byte strings
LOOKALIKES = ["\u013c", "\u3c00", "\u3c3c", "\u3c2f", "\u0101", "\u7f7f", "\u017f", "\U0001f63c", "\U00013c00",
              "\U0003c3c0", "\ufffd", "\u2028"]
PARTS = LOOKALIKES + ["</body>", "</HTML >", "</bo", "dy>", "<", "/", ">", "x", " ", "\x01", "\x7f", "\t", "\xe9"]


@given(st.lists(st.sampled_from(PARTS), max_size=30))
def test_end_tag_span_wide_strings(parts: list[str]) -> None:
    text = "".join(parts)
    assert end_tag_span(text) == end_tag_span_pure(text)


@given(st.lists(st.sampled_from(PARTS), max_size=30))
def test_junk_count_wide_strings(parts: list[str]) -> None:
    text = "".join(parts)
    assert junk_count(text) == binary.junk_count_pure(text)


@pytest.mark.parametrize("wide", ["\u013c", "\u3c00", "\U0001f63c"])
def test_end_tag_after_lookalikes(wide: str) -> None:
    """A character holding the byte of "<" is not a "<"; the real one after it is found."""
    text = wide * 5 + "<p>" + wide + "</body>" + wide
    assert end_tag_span(text) == end_tag_span_pure(text) == (9, 16)
    assert end_tag_span(wide * 3) is None


PAGES = [
    "<html><body><div id=a><p>one</p><div><ul><li>two <a href=x>link</a></li></ul></div></div>"
    "<aside><p>three</p></aside><!-- c --><footer><p>four<b>five</b></p></footer></body></html>",
    "<p>a bare paragraph<table><tr><td>cell<span>in</span></td></tr></table>",
    "<div>" * 40 + "<p>deep</p>" + "</div>" * 40 + "<p>after</p>",
]


@pytest.mark.parametrize("markup", PAGES)
def test_within_every_pair(markup: str) -> None:
    root = parse_html(markup)
    els = list(root.iter()) + [None]
    for el in els:
        for anc in els[:-1]:
            for levels in (0, 1, 2, 8, 29, 60):
                assert within(el, anc, levels) == within_pure(el, anc, levels), (el, anc, levels)


@pytest.mark.parametrize("markup", PAGES)
def test_inside_flags_every_holder(markup: str) -> None:
    root = parse_html(markup)
    els = list(root.iter())
    elements = els + [None] + els[::-1]
    for holder in els:
        assert inside_flags(elements, holder) == inside_flags_pure(elements, holder)
    assert inside_flags(elements, root) == [el is not None for el in elements]


def test_climbs_leave_other_objects_to_the_twins() -> None:
    """Objects that are not lxml elements (a holder of None, a made-up node) get the pure answer."""
    class Node:
        def __init__(self, parent: object = None) -> None:
            self.parent = parent

        def getparent(self) -> object:
            return self.parent

    top = Node()
    mid = Node(top)
    low = Node(mid)
    assert within(low, top, 2) is within_pure(low, top, 2) is True
    assert within(low, top, 1) is within_pure(low, top, 1) is False
    assert inside_flags([low, None, top], mid) == inside_flags_pure([low, None, top], mid) == [True, False, False]
    root = parse_html("<div><p>x</p></div>")
    assert inside_flags([root], None) == inside_flags_pure([root], None) == [False]
