"""Faster forms of per-page computations give exactly what the plain forms gave (issue 16)."""
from __future__ import annotations

import re

from lxml import html as lxml_html

from newsclean.stages.boilerplate.signals import load_hints
from newsclean.stages.navigation.tree import subtree_sums
from newsclean.strings import literal_trie

PHRASES = ("sign up", "sign up for our newsletter", "sign", "follow us", "follow us on", "ad", "a+b (c)")


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in ordered))


def _found(m: re.Match[str] | None) -> tuple[int, str] | None:
    return (m.start(), m.group(0)) if m else None


def test_literal_trie_finds_what_the_longest_first_alternation_finds() -> None:
    trie = re.compile(literal_trie(PHRASES))
    alt = _alternation(PHRASES)
    texts = ["please sign up for our newsletter today", "sign up for our news", "signal", "we follow us on x",
             "road ahead", "a+b (c) and a+b", "nothing here", "", "follow u", "sig",
             "sign upsign up for our newsletter"]
    for t in texts:
        assert _found(trie.search(t)) == _found(alt.search(t)), t


def test_literal_trie_on_the_promo_phrases() -> None:
    phrases = load_hints().promo_phrases
    trie = re.compile(literal_trie(phrases))
    alt = _alternation(phrases)
    texts = [" and ".join(phrases[i:i + 3]) for i in range(len(phrases))] + [p[:-1] for p in phrases]
    for t in texts:
        assert _found(trie.search(t)) == _found(alt.search(t)), t


def test_literal_trie_of_nothing_matches_nothing() -> None:
    assert re.compile(literal_trie(())).search("anything") is None


def _plain_sums(items, stop):
    chars: dict = {}
    texts: dict = {}
    for el, n, t in items:
        while el is not None and el is not stop:
            chars[el] = chars.get(el, 0) + n
            if t:
                texts[el] = texts.get(el, 0) + t
            el = el.getparent()
    return chars, texts


def test_subtree_sums_equal_the_walk_up_from_every_block() -> None:
    root = lxml_html.fromstring(
        "<html><body><div id=out><p>a</p></div><main><section><p>b</p><div><p>c</p><p>d</p></div></section>"
        "<p>e</p></main></body></html>")
    main = root.find(".//main")
    ps = root.findall(".//p")
    items = [(p, 10 * (k + 1), k % 2) for k, p in enumerate(ps)] + [(main, 7, 1), (ps[2], 3, 1)]
    for stop in (main, None):
        got = subtree_sums(items, stop)
        want = _plain_sums(items, stop)
        assert got[0] == want[0]
        assert {k: v for k, v in got[1].items() if v} == want[1]


def _plain_class_words(raw: str) -> tuple[str, ...]:
    if not raw.islower():
        raw = re.sub(r"([a-z])([A-Z])", r"\1 \2", raw).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", raw) if w]
    words += [a + b for a, b in zip(words, words[1:])]
    return tuple(words)


def test_class_words_cut_as_the_plain_split_did() -> None:
    from newsclean.stages.boilerplate.signals import class_words

    for raw in ["", " ", "123 456", "aB", "abCDe fooBar_baz-Qux", "aBcDeF", "ÄbC", "İstanbulCase", "x\u212aY",
                "post-body  entry__content", "main-Content ID9", "zZzZ a1B"]:
        assert class_words.__wrapped__(raw) == _plain_class_words(raw), raw


def test_credit_prefilter_never_hides_a_credit() -> None:
    import sys

    from newsclean.stages.navigation.html import _CREDIT_TAIL, _may_credit

    for text in ["A view of the lake. | © Augusta National/Getty Images", "© AFP / JEFF PACHOUD",
                 "The match. (C) Agency Name", "Harbour at dawn. COPYRIGHT Jane Doe", "x - Copyright Foo Bar"]:
        assert _CREDIT_TAIL.search(text) and _may_credit(text), text
    # the regex's case-insensitive letters of '(c)' and 'copyright' that the test relies on: only their two cases
    # (a one-letter pattern matches a character alone just where it matches it among all the others: one
    # search of every code point, not a fullmatch call per code point)
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    for letter in "pyrc":
        forms = set(re.findall(letter, every, re.IGNORECASE))
        assert forms == {letter, letter.upper()}


def test_has_digit_is_any_isdigit() -> None:
    from newsclean.strings import has_digit
    for t in ["", "abc", "abc 7", "Mai ٣", "x²", "２０２４年", "no digits here: é ü", "0"]:
        assert has_digit(t) == any(c.isdigit() for c in t), t


def test_byline_count_counts_lines_holding_the_key_up_to_the_clip() -> None:
    from newsclean.stages.byline import rank
    from newsclean.stages.byline.page_lines import PageLines
    texts = ["jane doe", "by jane doe jane doe", "john roe", "jane", "", "about jane doe"]
    lines = PageLines(texts, [], rank.MAX_COUNT)
    for key in ["jane doe", "jane", "roe", "nobody", "e j", ""]:
        plain = sum(1 for t in texts if key in t)
        assert lines.count(key) == (min(plain, rank.MAX_COUNT) if key else len(texts)), key
    many = PageLines(["jane doe"] * (rank.MAX_COUNT + 5), [], rank.MAX_COUNT)
    assert many.count("jane doe") == rank.MAX_COUNT


def test_byline_one_word_lines_skip_the_name_reading_only_when_no_two_word_name_can_come() -> None:
    from newsclean.normalize.authors import looks_like_person, split_names
    from newsclean.stages.byline import readings
    # one word that split_names cannot split: no name of two words (the name-only reading needs one)
    for line in ["Home", "Sports", "Impressum", "Übersicht", "e-Paper", "Kontakt:", "jane.doe"]:
        assert not readings.two_words_possible(line)
        assert not any(looks_like_person(n) for n in split_names(line)), line
    # words split_names splits are read: glued to a capital, an entity, brackets, a handle, a URL
    for line in ["JaneDoe", "ByJane", "Jane&nbsp;Doe", "Jane(x)Doe", "Jane@x", "www.x.comJane", "VonÄrger"]:
        assert readings.two_words_possible(line), line
    assert ("name_only", ["Jane Doe"]) in readings.readings("Jane&nbsp;Doe")


def test_find_dates_gives_a_fresh_list_each_time() -> None:
    from newsclean.normalize.dates import find_dates
    first = find_dates("Published March 5, 2024 at 10:00", limit=1)
    first.clear()
    assert len(find_dates("Published March 5, 2024 at 10:00", limit=1)) == 1


def test_author_prefilters_never_hide_a_match() -> None:
    from newsclean.normalize import author_words, authors
    cut, role = author_words._word_res()
    cut_words, role_words = author_words._word_lists()
    texts = ["Jane Doe", "Jane Doe, STAFF WRITER", "Photo: Jane Doe", "Jane Doe Updated", "Jane Doe \u212aelvin",
             "Jane Doe | Senior Editor", "Redaktion", "jane doe follow", "VIDEO Jane Doe", "Jane Doe Veröffentlicht"]
    for t in texts:
        if not author_words._may_hold(t, cut_words):
            assert cut.search(t) is None, t
        if not author_words._may_hold(t, role_words):
            assert role.search(t) is None, t
    assert author_words._may_hold("Jane Doe \u212a", ("k",))   # non-ASCII text: always searched
    for t in ["Meg JamesStaff Writer", "Jane DoeMar 5, 2025", "Jane DoeFOXBusiness", "JANE DOE", "Jäne Döe"]:
        seam = authors._SEAM.search(t) is not None
        assert seam or all(p.sub(" ", t) == t for p in (authors._GLUED_ROLE, authors._GLUED_MONTH, authors._GLUED_CAPS))
    for t in ["Jane Doe20 March 2024", "Jane Doe 20 March 2024", "Jane Doe"]:
        assert authors._DAY_SEAM.search(t) is not None or authors._GLUED_DAY.sub(" ", t) == t
    assert authors.split_names("Jane DoeJane Doe") == ["Jane Doe"]
    assert authors.split_names("Meg JamesStaff Writer") == ["Meg James"]


def test_letter_count_counts_what_the_letter_class_finds() -> None:
    from newsclean.features.text import letter_count
    letter = re.compile(r"[^\W\d_]")
    for t in ["", "abc", "a_b 12 ٣ é ß", "x²y", "__--", "Straße 7, 東京都 2024年", "it's (AP) — done."]:
        assert letter_count(t) == len(letter.findall(t)), t


def test_promo_phrase_search_finds_what_the_alternation_finds() -> None:
    from newsclean.features.text import _phrase_patterns, phrases
    one = _phrase_patterns("promo_phrases")[0]
    ps = phrases("promo_phrases")
    for t in ["nothing to see", *ps, *(f"xx {p} yy" for p in ps), *(p[:-1] for p in ps)]:
        assert (one.search(t) is not None) == any(p in t for p in ps), t


def test_title_norm_of_ascii_text_takes_the_short_way_to_the_same_answer() -> None:
    import unicodedata

    from newsclean.normalize import titles
    every_ascii = "".join(chr(i) for i in range(128))
    for t in [every_ascii, "  The \"Big\" Story -- Site's  ", "ÉTÉ “quoted” – dash"]:
        long_way = unicodedata.normalize("NFKC", t).translate(titles._QUOTES).casefold()
        assert titles.norm(t) == " ".join(long_way.split()).strip(" \"'."), t


def test_title_unquote_is_the_translation_table() -> None:
    from newsclean.normalize import titles
    every = "".join(chr(c) for c in range(0x3000))
    samples = [every, every[::-1], "„Zitat“ – ‚so‘ »ja« — nein‑doch‐\u00a0", "", "plain"]
    for t in samples:
        assert titles._unquote(t) == t.translate(titles._QUOTES)


def test_repeat_key_takes_the_first_words_lower_cased_as_the_whole_text_lower_cased_did() -> None:
    from newsclean.stages.classify.features import _REPEAT_WORDS, _repeat_key

    def plain(text: str) -> str:
        return " ".join(text.lower().split()[:_REPEAT_WORDS])

    # Greek capital sigma lower-cases by its neighbours (final or not), "İ" to two characters
    pieces = ["ΟΔΟΣ", "Σ", "ΣΑ", "İstanbul", "A", "b", " ", "\u00a0", "\u2028", "\t\n", "'", ".", "\u0345", "x"]
    texts = ["", "   ", "One two three four five six seven eight nine ten", "ΟΔΟΣ ΣΑΣ ΟΔΟΣ."]
    texts += ["".join(pieces[(i * 7 + k * 3) % len(pieces)] for k in range(i % 30)) for i in range(400)]
    for text in texts:
        assert _repeat_key(text) == plain(text), text


def test_cached_block_values_are_recomputed_when_the_text_changes() -> None:
    from newsclean.features.text import promo_hits_of, prose_of, words_of
    from newsclean.page import Block

    b = Block(index=0, text="Subscribe to our newsletter today", kind="paragraph")
    first = (words_of(b), promo_hits_of(b), prose_of(b), prose_of(b, 3))
    assert (words_of(b), promo_hits_of(b), prose_of(b), prose_of(b, 3)) == first   # (the cached values)
    b.text = "A sentence of the story, long enough to be prose in the body of the article."
    assert words_of(b) == 16 and promo_hits_of(b) == 0 and prose_of(b).words == 16
