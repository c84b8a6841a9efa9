"""Streamed React pages: hidden ``S:`` segments are moved to their ``B:``/``P:`` templates before the walk."""
from __future__ import annotations

from newsclean.load.page import load_page

PARA = ("The council voted on Tuesday to rebuild the old bridge over the river, after a long debate "
        "about the cost of the work and the detour that drivers will face for two years.")
LATE = ("Engineers said the new bridge would carry twice the traffic of the old one and last a century, "
        "and the first piles will be driven into the riverbed in the spring.")


def _texts(html: str) -> list[str]:
    return [b.text for b in load_page(html, kind="html").blocks]


def test_segment_moved_to_its_boundary_by_the_script_call() -> None:
    html = (f"<html><body><main><p>{PARA}</p><template id=\"B:0\"></template><div>Loading...</div>"
            "<p>Closing words of the story.</p></main>"
            f"<div hidden id=\"S:7\"><p>{LATE}</p></div><script>$RC(\"B:0\",\"S:7\")</script></body></html>")
    texts = _texts(html)
    assert LATE in texts
    # in the place of the template: after the first paragraph, before the closing one
    assert texts.index(PARA) < texts.index(LATE) < texts.index("Closing words of the story.")


def test_without_script_segments_pair_by_number_and_fill_nested_placeholders() -> None:
    html = (f"<html><body><article><p>{PARA}</p><template id=\"B:1\"></template></article>"
            "<div hidden id=\"S:1\"><h2>The plan</h2><div><template id=\"P:a\"></template></div></div>"
            f"<div hidden id=\"S:a\"><p>{LATE}</p></div></body></html>")
    texts = _texts(html)
    assert texts.index(PARA) < texts.index("The plan") < texts.index(LATE)


def test_hidden_segment_without_a_template_stays_hidden() -> None:
    html = (f"<html><body><p>{PARA}</p><div hidden id=\"S:0\"><p>{LATE}</p></div></body></html>")
    assert LATE not in _texts(html)


def test_page_without_segments_is_read_as_before() -> None:
    html = f"<html><body><p>{PARA}</p><template id=\"B:0\"></template><p>{LATE}</p></body></html>"
    assert _texts(html) == [PARA, LATE]


def test_template_inside_its_own_segment_is_left_alone() -> None:
    html = (f"<html><body><p>{PARA}</p><div hidden id=\"S:0\"><p>{LATE}</p><template id=\"B:0\"></template>"
            "</div><script>$RC(\"B:0\",\"S:0\")</script></body></html>")
    assert _texts(html) == [PARA]  # no crash, no move into itself: the segment stays hidden


def test_marker_test_by_find_is_the_regex() -> None:
    """``has_marker`` (str.find of each 'S:') answers as ``MARKER.search`` on made-up sources."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newsclean.load.streamed import MARKER, has_marker

    pieces = st.sampled_from(["id=", "id", "=", '"', "'", "S:", "S", ":", "s:", "0", "a", "Z", "_", "-", " ",
                              "é", "\n", "<div ", ">", "S:S:", "id=S:"])

    @settings(max_examples=600, deadline=None)
    @given(st.lists(pieces, max_size=12))
    def same(parts: list[str]) -> None:
        source = "".join(parts)
        assert has_marker(source) == (MARKER.search(source) is not None), source

    same()
    for source in ('<div hidden id="S:0">', "<div id=S:a1>", "<div id='S:Z'>", "id=\"S:", "x.aS:hover{}",
                   'id= "S:0"', "id==S:0", "S:0", ""):
        assert has_marker(source) == (MARKER.search(source) is not None), source
