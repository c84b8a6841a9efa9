"""Property tests: any input gives an Article or a NewscleanError, never another exception; the
output never invents words; extraction is deterministic."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean import NewscleanError, Pipeline
from newsclean.load.page import SOFT_HYPHEN, clean_controls

PIPELINE = Pipeline()
WORD = re.compile(r"\w+")

tags = st.sampled_from(["p", "div", "span", "a", "li", "ul", "h1", "h2", "nav", "footer", "article", "table",
                        "tr", "td", "blockquote", "pre", "script", "style", "br", "time", "meta", "title"])
attrs = st.sampled_from(["", ' class="content"', ' class="nav menu"', ' id="footer"', ' itemprop="author"',
                         ' hidden', ' style="display:none"', ' href="javascript:alert(1)"', ' class="share"'])
words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def html_trees(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            t = draw(tags)
            parts.append(f"<{t}{draw(attrs)}>{draw(html_trees(depth + 1))}</{t}>")
        else:
            parts.append(draw(words).replace("<", " ").replace("&", " "))
    return "".join(parts)


def _run(page, kind=None):
    try:
        return PIPELINE.extract(page, kind=kind)
    except NewscleanError:
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.binary()))
def test_any_text_or_bytes(page):
    _run(page)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_trees())
def test_random_html_trees_never_crash_or_invent_words(body):
    page = f"<html><head><title>t</title></head><body>{body}</body></html>"
    art = _run(page, kind="html")
    if art is None:
        return
    # every output word occurs in the page's text (tags and whitespace removed)
    # (NUL characters are not text: the loader removes them)
    # (inline tags join the words around them; control characters are not text and soft hyphens are
    # invisible: the loader removes both)
    visible = "".join(clean_controls(re.sub(r"<[^>]*>", "", page)).replace(SOFT_HYPHEN, "").split())
    for word in WORD.findall(art.text):
        assert word in visible


#: lines of a capture's shapes that the loader reads apart: wrapped prose, a lone bullet far right, grid lines of a
#: table drawn with box lines (Unicode and ASCII), code lines
WRAPPED = "the renderer wrapped this line of running text at its column of sixty"
SHAPED_LINES = ["", "  • Home", "By Jane Doe", "January 13, 2025, 5:01 AM ET", "Latest in Politics",
                "© 2026 Example Media", WRAPPED, " " * 46 + "-", "┌────┬────┐", "│ a  │ b  │", "├────┼────┤",
                "└────┴────┘", "+---------+", "| x | y |", "|---+---|", "    options.Level = LogLevel.Debug;", "});",
                "def main():"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(words, st.sampled_from(SHAPED_LINES)), max_size=40))
@example([WRAPPED] * 6 + [" " * 46 + "-"])  # a wide line without text beside a wrap column (once a crash)
def test_random_text_captures(lines):
    page = "\n".join(lines)
    art = _run(page, kind="text")
    if art is None:
        return
    visible = clean_controls(page)
    for word in WORD.findall(art.text):
        assert word in visible
    again = _run(page, kind="text")
    assert again is not None and again.to_dict() == art.to_dict()


TINY_BUDGET = Pipeline(max_blocks=3)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_trees(), st.lists(words, max_size=12))
@example("0\u00ad0", [])  # a soft hyphen inside a word: the loader removes it
def test_block_budget_never_crashes_or_invents_words(body, lines):
    """Past max_blocks the loaders change mode mid-page: still no crash and no invented word."""
    page = f"<html><head><title>t</title></head><body>{body}</body></html>"
    for data, kind, visible in (
            (page, "html", "".join(clean_controls(re.sub(r"<[^>]*>", "", page)).replace(SOFT_HYPHEN, "").split())),
            ("\n".join(lines), "text", clean_controls("\n".join(lines)))):
        try:
            art = TINY_BUDGET.extract(data, kind=kind)
        except NewscleanError:
            continue
        for word in WORD.findall(art.text):
            assert word in visible
