"""The byline path's pre-checks and faster patterns (issue 16) give exactly what the plain regex calls
gave: a pre-check may say "maybe" too often, never "no" where the pattern matches."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.normalize import author_words, authors, dates, prefilter
from newsclean.normalize._data import load_json
from newsclean.stages.byline import lines, readings
from newsclean.strings import holds_any

#: characters around the edges of what the checks read: case folds to ASCII (Kelvin sign, long s,
#: dotted and dotless i), white space of every kind, marks the patterns name, digits of other scripts
EDGES = " \t\n\x0b\x0c\x1c\xa0\u2028\u3000-–—|•·⋅:;/&+,.()[]@'’_\u212a\u017f\u0130\u0131äöüßÀé٣²"
WORDS = ("by", "By", "BY", "von", "Von", "written by", "posted", "Posted by", "text", "Text:", "autor", "Autorin",
         "author", "verfasser", "and", "und", "AND", "et", "y", "e", "en", "u.", "sowie", "with", "mit", "updated",
         "published", "on", "am", "vom", "in", "www.", "http://", "staff", "Writer", "editor", "ceo", "foto",
         "redacción", "über", "Jane", "Doe", "March", "2024", "12", "5.", "10/12/2023", "2023-05-01", "Photo")


def _texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(WORDS), st.text(alphabet=st.sampled_from(EDGES + "abyJD0"), max_size=3))
    return st.lists(piece, max_size=8).map("".join)


OLD_SPLIT = re.compile(r"\s*(?:;|\||/|&|\+|,|\band\b|\bund\b|(?-i:\bet\b|\by\b|\be\b|\ben\b|\bu\.)|\bsowie\b|"
                       r"\bwith\b|\bmit\b)\s*", re.IGNORECASE)


#: the pattern ``name_split_words`` replaced
_OLD_NAME_SPLIT = re.compile(r"[\s,;&/|]+")


@settings(max_examples=400)
@given(_texts())
@example("Jane Doe and John Roe, e Sowie y  /  x")
@example("Jane ſowie Roe")
def test_split_cuts_where_the_plain_pattern_cut(text: str) -> None:
    assert authors._SPLIT.split(text) == OLD_SPLIT.split(text)


@settings(max_examples=400)
@given(_texts())
@example("  \u0130n dem")
@example("\x1cby Jane")
def test_lead_in_checks_never_hide_a_match(text: str) -> None:
    lead_re = author_words._tables()[0]
    assert author_words._lead_match(text) == (lead_re.match(text) is not None)
    assert authors.strip_lead_in(text) == _plain_strip_lead_in(text)
    line = text.strip()
    assert readings.lead_start(line) == (readings.LEAD_START.match(line) is not None)
    assert readings.labelled(line) == (lines.LABELLED.match(line) is not None)
    if authors._POSTED_BY.match(text):
        assert authors._may_post(text)
    if authors._CUT.search(text):
        assert authors._may_cut(text)
    if authors._URL.search(text):
        assert "://" in text or "." in text and (not text.isascii() or "www." in text.lower())
    if authors._GLUED_BY.match(text):
        assert text.lstrip().startswith(authors._GLUED_BY_WORDS)


def _plain_strip_lead_in(text: str) -> str:
    prev = None
    while prev != text:
        prev = text
        text = author_words._tables()[0].sub("", text, count=1)
    return text


@given(st.one_of(st.sampled_from(load_json("meta_authors.json")["role_words"]), _texts()))
def test_role_word_look_up_is_the_fullmatch(word: str) -> None:
    role_re = author_words._word_res()[1]
    for w in (word, word.upper(), word.title(), word.strip(".,")):
        assert author_words._role_word(w) == (role_re.fullmatch(w) is not None), w


def test_the_word_lists_hold_no_letter_that_folds_to_ascii() -> None:
    # (the look-ups above compare lower-cased ASCII: a word with "ı" or "ſ" would match more under re)
    data = load_json("meta_authors.json")
    for key in ("lead_ins", "role_words", "cut_words"):
        assert not any(prefilter._folds_to_ascii(ch) for w in data[key] for ch in w), key
    assert prefilter.ascii_prefixes(["\u0131n"]) is None and prefilter.ascii_prefixes(["\u0130"]) is None
    assert prefilter.may_begin("in", None, 2)


@settings(max_examples=300)
@given(_texts())
@example("Jane Doe 12.03.2024")
@example("٣٣٣٣-1-2")
def test_date_patterns_skipped_only_where_they_find_nothing(text: str) -> None:
    year = dates._FOUR_DIGITS.search(text) is not None
    for pat, runs in ((dates._ISO, year and "-" in text), (dates._MONTH_FIRST, year), (dates._MONTH_FIRST_GLUED, year),
                      (dates._DAY_FIRST, year), (dates._DMY_DOT, "." in text),
                      (dates._YMD, year and ("." in text or "/" in text)), (dates._CJK, year),
                      (dates._SLASH, "/" in text)):
        if not runs:
            assert pat.search(text) is None, pat.pattern


@settings(max_examples=300)
@given(_texts())
def test_may_hold_is_any_word_in_the_lower_cased_text(text: str) -> None:
    cut_words, role_words = author_words._word_lists()
    for words in (cut_words, role_words, ("www.",), ()):
        if text.isascii():
            assert prefilter.may_hold(text, words) == any(w in text.lower() for w in words)
        else:
            assert prefilter.may_hold(text, words)


def test_duplicates_reads_each_blocks_tokens_once(monkeypatch) -> None:
    from newsclean.load import load_page
    from newsclean.stages import duplicates
    calls: list[str] = []
    plain = duplicates.tokens
    monkeypatch.setattr(duplicates, "tokens", lambda text: calls.append(text) or plain(text))
    teasers = [f"Teaser number {i} tells a story about the town hall" for i in range(4)]
    page = load_page("\n\n".join(teasers + ["A body paragraph of the story, long enough to read."] + teasers),
                     kind="text")
    for b in page.blocks[:4]:
        page.drop(b, "test", "a list dropped elsewhere")
    duplicates.DuplicatesStage().run(page)
    assert sorted(calls) == sorted(b.text for b in page.blocks)   # each block's text tokenized once
    assert sum(1 for b in page.blocks[-4:] if not b.kept) == 4    # the copied list still goes


FACT_WORDS = ("Reply", "REPLIES", "says:", "said", "Kommentare", "comments", "répondre", "ha detto", "Photo", "Fotos",
              "Bilder", "Getty Images", "illustration", "VIDEO", "©", "(c)", "(C)", "Copyright", "All Rights Reserved",
              "alle Rechte", "Jane", "Doe", "rep", "ly", "phot", "o", "copy", "right")


@settings(max_examples=500)
@given(st.lists(st.one_of(st.sampled_from(FACT_WORDS + WORDS),
                          st.text(alphabet=st.sampled_from(EDGES + "abyJD0"), max_size=3)), max_size=8).map("".join))
def test_line_facts_precheck_never_hides_a_match(text: str) -> None:
    from newsclean.stages.byline import rank
    if not prefilter.may_hold(text, rank._FACT_WORDS):
        assert not rank._COMMENT.search(text) and not rank._PHOTO.search(text) and not rank._COPYRIGHT.search(text)


def test_line_facts_precheck_examples() -> None:
    from newsclean.stages.byline import rank
    for text in ("Jane Doe says:", "Photo: Getty", "© 2024 Jane Doe", "(C) Jane Doe", "Jane Doe replies", "Kommentare"):
        assert prefilter.may_hold(text, rank._FACT_WORDS), text
    assert not prefilter.may_hold("By Jane Doe | March 5, 2024", rank._FACT_WORDS)


#: the pattern ``name_split_words`` replaced
_OLD_NAME_SPLIT = re.compile(r"[\s,;&/|]+")


@settings(max_examples=400)
@given(_texts())
@example("Jane Doe and John Roe,\u2028y / x|&;ET  AND\u3000und")
def test_name_words_split_where_the_plain_pattern_split(text: str) -> None:
    plain = [w for w in _OLD_NAME_SPLIT.split(text) if w and w.lower() not in ("and", "und", "et", "y")]
    assert readings.name_split_words(text) == plain


@settings(max_examples=300)
@given(_texts())
def test_one_search_holds_a_word_where_a_substring_test_found_one(text: str) -> None:
    low = text.lower()
    for words in (authors._POSTED_WORDS, authors._CUT_MARKS + authors._CUT_WORDS):
        assert holds_any(low, words) == any(w in low for w in words)
