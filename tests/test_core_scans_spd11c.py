"""The compiled core's session-11 scans (newsclean/_core/_scan_spd11c.pxi) and their pure-Python twins give
identical results, on made-up inputs. Skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _core
from newsclean.strings import holds_any_pure
from tests.core_helpers import unless_compiled

holds_any = _core.compiled("holds_any")
pytestmark = unless_compiled(holds_any)

PIECES = ["reach", "follow", "email", "@", " is ", "(", "getty images", "é", "İ", "\u0130", "ß", "\U0001F600", " ", ""]


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("abcehilmorsuy @(é\u0130ß\U0001F600")),
       st.lists(st.sampled_from(PIECES), max_size=6).map(tuple))
def test_holds_any_twins(text: str, words: tuple[str, ...]) -> None:
    assert holds_any(text, words) is holds_any_pure(text, words) is any(w in text for w in words)


def test_holds_any_on_edges() -> None:
    for text, words in (("", ()), ("", ("",)), ("abc", ()), ("reach me", ("x", "reach")), ("a", ("ab",))):
        assert holds_any(text, words) is holds_any_pure(text, words) is any(w in text for w in words)
