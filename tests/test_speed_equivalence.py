"""Faster forms of per-page computations give exactly what the plain forms gave (issue 16)."""
from __future__ import annotations

import re

from lxml import html as lxml_html

from newsclean.stages.boilerplate.signals import literal_trie, load_hints
from newsclean.stages.navigation.tree import subtree_sums

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
    for letter in "pyrc":
        forms = {chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF
                 and re.fullmatch(letter, chr(cp), re.IGNORECASE)}
        assert forms == {letter, letter.upper()}
