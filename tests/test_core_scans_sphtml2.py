"""The compiled scans helped by _core/_scan_sphtml2.pxi (``end_tag_span`` and ``junk_count`` on 2- and
4-byte strings) give what their pure twins give, where the byte search could be fooled: characters
holding the byte of "<" (0x3C) or of a control character inside them (U+013C, U+3C00, U+1F63C...).

Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import _core
from newsclean.load import binary
from newsclean.load.parse import end_tag_span_pure

end_tag_span = _core.compiled("end_tag_span")
junk_count = _core.compiled("junk_count")
pytestmark = pytest.mark.skipif(end_tag_span is None, reason="the compiled core is not built (or NEWSCLEAN_PURE is set)")

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
