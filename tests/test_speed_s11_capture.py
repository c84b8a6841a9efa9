"""Session-11 speed changes of the capture path give the answers of the plain code they replace: each plain
form is written out here and compared on made-up inputs."""
from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.load.text import Line, wrap_width
from newsclean.normalize import dates


def _wrap_width_plain(widths_all: list[int]) -> int | None:
    """``wrap_width`` as it was written: a sum over the histogram for every column."""
    widths = [w for w in widths_all if w >= 40]
    if len(widths) < 6:
        return None
    hist = Counter(widths)
    best_w, best_score = None, 0.0
    top = max(widths)
    for w in range(50, min(top, 400) + 1):
        near = sum(hist.get(x, 0) for x in range(w - 12, w + 1))
        above = sum(c for x, c in hist.items() if x > w)
        score = near - 4 * above
        if score > best_score:
            best_w, best_score = w, score
    if best_w is None or best_score < max(4, 0.15 * len(widths)):
        return None
    return best_w


def _lines(widths: list[int]) -> list[Line]:
    """Lines of running text of these widths (words apart by one space: lines a renderer could have wrapped;
    the unbreakable kind is ``test_load_text``'s)."""
    return [Line(i, ("x " * w)[:w], ("x " * w)[:w], 0, None, w) for i, w in enumerate(widths)]


@settings(max_examples=300)
@given(st.lists(st.one_of(st.integers(0, 120), st.integers(60, 90), st.integers(380, 520)), max_size=80))
def test_wrap_width_by_prefix_sums_is_the_plain_sum(widths: list[int]) -> None:
    assert wrap_width(_lines(widths)) == _wrap_width_plain(widths)


def test_wrap_width_finds_a_wrap_column() -> None:
    widths = [78, 79, 80, 77, 80, 76, 79, 30, 80, 78, 12]
    assert wrap_width(_lines(widths)) == _wrap_width_plain(widths) == 80


DATED = ["Published 12.03.2024, updated 13.03.2024 14:05 and 2024-03-15", "May 5, 2021 | June 6, 2022 | 7/8/2023",
         "no date here 12", "3/4/21 and 21.1.2020 10:00", "2020年1月2日 3时", "am 5. März 2021 um 10:30 Uhr"]


def test_a_smaller_limit_gives_the_first_dates_of_a_larger_one() -> None:
    for text in DATED:
        for dayfirst in (None, True, False):
            every = dates._find_dates_uncached(text, 50, dayfirst)
            for limit in (1, 2, 3, 4, 20, 50):
                assert dates.find_dates(text, limit=limit, dayfirst=dayfirst) == every[:limit]
                assert dates._find_dates_uncached(text, limit, dayfirst) == every[:limit]


def test_holds_any_is_a_substring_test() -> None:
    from newsclean.strings import holds_any
    assert holds_any("reach her at x", ("follow", "reach")) and not holds_any("Reach", ("reach",))
    assert not holds_any("anything", ()) and holds_any("", ("",))


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("»>/|›ab \u203a")))
def test_crumb_marks_by_substrings_are_the_pattern(text: str) -> None:
    from newsclean.stages.title import lines
    assert lines.has_crumb_mark(text) is (re.search(r"[»>/|›]", text) is not None)   # the pattern it replaced


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["by", "By", "BY", "von", "text", "text:", "ein beitrag", "Interview:", " ", "\t",
                                 "Jane", "Doe", "ByJane", "\u212a", "\u017f", "\u0130", "autorin:", "posted by",
                                 ":", "x" * 60]), max_size=6).map("".join))
def test_byline_text_pretest_is_exact(text: str) -> None:
    from newsclean.stages import title
    plain = bool(title._BYLINE_START.match(text.strip())) and len(text) <= 120
    assert title.is_byline_text.__wrapped__(text) is plain


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("Related: ab:x\t"), max_size=30))
def test_link_line_pretest_is_exact(text: str) -> None:
    from newsclean.stages.navigation import text as nav
    plain = bool(nav._link_prefix().match(text)) and not text.rstrip().endswith((".", "!", "?"))
    assert nav.link_line(text) is plain


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("—–- (@ab),1234\u2014x"), max_size=40))
def test_attribution_pretest_is_exact(text: str) -> None:
    from newsclean.page import Block
    from newsclean.stages.boilerplate import text as bt
    blocks = [Block(0, "tweet text", "paragraph", {}), Block(1, text, "paragraph", {})]
    bt.mark_embedded_posts(blocks)
    assert (bt.EMBED in blocks[1].features) is (bt._ATTRIBUTION.match(text) is not None)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["Image", "image ", "caption", "Photo", "photo:", "main image", "main", "Top", ":",
                                 " ", "\t", "x", "\u0130", "\u212a", "pictured", "Twitter", " post by"]),
                max_size=5).map("".join))
def test_caption_head_pretest_never_misses(text: str) -> None:
    from newsclean.stages.navigation import text as nav
    if nav._CAPTION_HEAD.match(text) is not None:
        assert nav._may_head_caption(text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["from", "From", "FROM", " ", "\t", ":", "Jane", "\u017f", "\u0130", "f", "rom"]),
                max_size=5).map("".join))
def test_from_pretest_never_misses(text: str) -> None:
    from newsclean.normalize import authors
    from newsclean.normalize.prefilter import may_begin
    if authors._FROM.match(text) is not None:
        assert may_begin(text, authors._FROM_PREFIX, len("from"))


def test_pieces_of_ascii_text_are_its_long_words() -> None:
    from newsclean.stages.title import lines
    assert lines.content_pieces("The Quick brown fox, jumps!") == {"quick", "brown", "jumps"}
    assert lines.content_pieces("사안으로 결정") == {"사안", "결정"}


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("ab 09_\u0663\u00b2\u2155Ü.ßK\u212a"), max_size=30))
def test_title_digit_and_word_shortcuts_are_exact(text: str) -> None:
    from newsclean.stages.title import lines, rank
    assert rank.has_decimal(text) is (rank._DIGIT.search(text) is not None)
    if text.isascii():
        assert lines.content_pieces(text) == lines.content_words(text)


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("ab \u2019\u2014\u2022\u1100\u115f\u1160\u3000\u4e00\uff01\uff61"
                                        "\u2329\u232a\U0001F600\U00020000\u25fd\u2065"), max_size=20))
def test_display_width_counts_in_c_as_char_by_char(text: str) -> None:
    from newsclean.load.char_width import char_width, display_width
    assert display_width(text) == sum(map(char_width, text))


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["Follow", "follow ", "like", "Join", " us on ", "twitter", "Facebook", " ", "\t",
                                 "\u0130", "\u212a", "x", "likes"]), max_size=5).map("".join))
def test_follow_pretest_is_exact(text: str) -> None:
    from newsclean.stages.navigation import text as nav
    assert nav._follow_line(text) is (nav._FOLLOW.match(text) is not None)


def _guess_plain(text: str, min_hits: int = 8) -> str | None:
    """``guess_language`` as it was written: one pass over the words per language."""
    import re

    from newsclean.normalize import language
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if not words:
        return None
    counts = {lang: sum(1 for w in words if w in s) for lang, s in language._SETS.items()}
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    if best < min_hits:
        return None
    second = sorted(counts.values())[-2]
    return lang if best >= 1.3 * second else None


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["the", "and", "der", "die", "le", "la", "de", "el", "il", "o", "a", "het", "x",
                                 "en", "que", "is", "von", "1", " "]), max_size=60).map(" ".join))
def test_language_guess_by_one_tally_is_the_plain_one(text: str) -> None:
    from newsclean.normalize.language import guess_language
    assert guess_language(text) == _guess_plain(text)
    assert guess_language(text, min_hits=2) == _guess_plain(text, min_hits=2)
