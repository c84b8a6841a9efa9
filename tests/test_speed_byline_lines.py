"""Session 8 (issue 16, text captures): the byline ranker's page-wide facts read lazily or in one pass
(``page_lines``), the ASCII short ways of ``name_key`` and the site test, and the readings' new
pre-checks give exactly what the plain code gave."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.normalize import authors
from newsclean.page import Block
from newsclean.stages import byline
from newsclean.stages.byline import rank, readings
from newsclean.stages.byline.page_lines import page_lines

#: white space of every kind, marks, letters that fold to ASCII or not, digits of other scripts, a newline
EDGES = " \t\n\x0b\x1c\xa0\u3000-–—|•·,;/:.()[]@'’_\u212a\u017fäöüßÀéΣς٣²━"
WORDS = ("Jane", "Doe", "jane", "doe", "JANE", "By", "by", "von", "de", "Design", "Par", "Paris", "Text",
         "Author:", "Quelle:", "and", "Jean-Luc", "O'Neil", "Müller", "STRASSE", "straße", "the", "news", "2024")


def _texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(WORDS), st.text(alphabet=st.sampled_from(EDGES + "abJD0 "), max_size=3))
    return st.lists(piece, max_size=8).map(" ".join)


OLD_NON_WORD = re.compile(r"[^\w]+")


def _old_name_key(name: str) -> str:
    return OLD_NON_WORD.sub(" ", name.casefold()).strip()


@settings(max_examples=400)
@given(_texts())
@example("".join(map(chr, range(128))))
def test_name_key_short_way_for_ascii_is_the_regex(text: str) -> None:
    assert authors.name_key(text) == _old_name_key(text)


@settings(max_examples=300)
@given(_texts(), st.sets(st.sampled_from(["janedoe", "doe", "news", "ab", "strasse"])))
@example("Jane Doe News", {"news"})
def test_site_hit_is_the_squashed_name_test(name: str, sites: set[str]) -> None:
    key = OLD_NON_WORD.sub("", name.casefold())
    assert byline._site_hit(name, sites) == any(key == s or (len(s) >= 4 and s in key) for s in sites)


def _blocks(texts: list[str]) -> list[Block]:
    return [Block(index=i, text=t, kind="paragraph") for i, t in enumerate(texts)]


# the plain reads the page-wide facts replace (the ranker's code before session 8)
_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def _plain_lower_words(blocks: list[Block]) -> set[str]:
    out: set[str] = set()
    for b in blocks[:rank.MAX_BLOCKS]:
        if len(b.text) > rank.MAX_NAME_LINE:
            out.update([w for w in _PLAIN_WORD.findall(b.text) if w[:1].islower()])
    return out


def _plain_bio_openers(blocks: list[Block]) -> set[str]:
    out: set[str] = set()
    for b in blocks[:rank.MAX_BLOCKS]:
        if len(b.text) >= rank.BIO_LINE:
            words = _old_name_key(b.text[:rank.MAX_NAME_LINE]).split()
            out.update(" ".join(words[:k]) for k in range(2, rank.BIO_WORDS + 1) if len(words) > k)
    return out


def _plain_count(key: str, keyed: list[str]) -> int:
    return min(sum(1 for t in keyed if key in t), rank.MAX_COUNT) if key else len(keyed)


@settings(max_examples=200)
@given(st.lists(st.one_of(_texts(), _texts().map(lambda t: (t + " ") * 12)), max_size=14),
       st.lists(_texts(), max_size=6))
@example(["jane doe", "by Jane-Doe, jane doe", "Jane\nDoe", "x" * 500 + " jane doe", "about Jane Doe!"] +
         ["Jane Doe"] * (rank.MAX_COUNT + 3), ["Jane Doe", "jane", "", "e j", "doe", "straße"])
def test_page_lines_answer_as_the_plain_reads(texts: list[str], asked: list[str]) -> None:
    blocks = _blocks(texts)
    lines = page_lines(blocks, rank.MAX_BLOCKS, rank.MAX_LINE * 3, rank.MAX_NAME_LINE + 1, rank.MAX_COUNT)
    keyed = [_old_name_key(b.text) for b in blocks if len(b.text) <= rank.MAX_LINE * 3]
    lower = _plain_lower_words(blocks)
    for word in asked + texts:
        key = _old_name_key(word)
        assert lines.count(key) == _plain_count(key, keyed), key
        for w in word.split():
            assert lines.lower_word(w) == (w.lower() in lower), w
    assert lines.bio_openers(rank.BIO_LINE, rank.MAX_NAME_LINE, 2, rank.BIO_WORDS) == _plain_bio_openers(blocks)


@settings(max_examples=400)
@given(_texts())
@example("━━━━ By Jane Doe")
@example("Design by Jane")
@example("ByJane Doe")
@example("byline")
@example("__by Jane")
@example("Par")
def test_lead_start_checks_never_hide_a_match(text: str) -> None:
    line = readings.strip_leader(text)
    if line:
        assert readings.lead_start(line) == (readings.LEAD_START.match(line) is not None)


@settings(max_examples=400)
@given(_texts())
@example("Jane Doe   Guest")
@example("Jane Doe\t \tGuest")
@example("Jane Doe - Writer")
def test_one_part_only_where_the_separators_cut_nothing(text: str) -> None:
    if not readings.may_separate(text):
        assert [x for x in readings._SEPARATORS.split(text) if x] == ([text] if text else [])


def test_separators_look_ahead_cuts_as_before() -> None:
    old = re.compile(r"\s*(?:[|·•,;/]|\s[-–—]\s|\s{3,})\s*")
    for text in ["Jane Doe | x", "a  -  b", "a - b", "a   b", "a\u3000\u3000\u3000b", "x,y ; z", "a -b", "",
                 "Patrick Danowski   06 PM | 18 Mai"]:
        assert readings._SEPARATORS.split(text) == old.split(text), text


def test_readings_of_made_up_lines_unchanged_in_shape() -> None:
    # (the lines the new pre-checks pass over still read as before)
    assert ("lead", ["Jane Doe"]) in readings.readings("By Jane Doe")
    assert ("segment", ["Jane Doe"]) in readings.readings("Jane Doe | Guest Columnists")
    assert ("label", ["Katerina Smith"]) in readings.readings("WORDS & IMAGES: Katerina Smith")
    assert readings.readings("Design and build") == []


def _plain_may_separate(line: str) -> bool:
    if readings._SEPARATOR_MARKS.search(line) is not None:
        return True
    return "   " in line if line.isascii() and line.isprintable() else True


@settings(max_examples=400)
@given(_texts())
@example("Jane Doe   Guest")
@example("Jane Doe\t \tGuest")
@example("Jane Doe - Writer")
@example("Jane Doe · Writer")
@example("a–b")
@example("Jane Doe")
def test_may_separate_substring_tests_are_the_mark_search(text: str) -> None:
    assert readings.may_separate(text) == _plain_may_separate(text)
