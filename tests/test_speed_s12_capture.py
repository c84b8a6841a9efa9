"""Session 12's speed work on the text-capture path (issue 16) gives the answers of the plain code it
replaces: each pre-test or split is checked here against the regex it spares."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

PUBLISHED_PIECES = ["published", "PUBLISHED", "Posted", "posTed", "veröffentlicht", "VERÖFFENTLICHT", "erschienen",
                    "publié", "PUBLIÉ", "publicado", "Pubblicato", "gepubliceerd", "publish", "post", " ", "x",
                    "\u017f", "\u212a", "\u0130", "é", "1"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(PUBLISHED_PIECES), max_size=5).map("".join))
def test_published_pretest_is_the_regex(text: str) -> None:
    from newsclean.stages.dates.labels import _PUBLISHED_WORD, _may_say_published
    assert _may_say_published(text) is (_PUBLISHED_WORD.search(text) is not None)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_published_pretest_on_ascii(text: str) -> None:
    from newsclean.stages.dates.labels import _PUBLISHED_WORD, _may_say_published
    assert _may_say_published(text) is (_PUBLISHED_WORD.search(text) is not None)


def test_regions_vocabulary_is_the_long_words() -> None:
    import re

    from newsclean.page import Block
    from newsclean.stages.regions.features import Run, vocabulary
    texts = ["The Story's words: über-große Wörter_und 2024 news", "Tiny a bb ccc dddd", "naïve café ΑΘΗΝΑ 東京都"]
    blocks = [Block(index=i, text=t, kind="paragraph") for i, t in enumerate(texts)]
    want = {w for t in texts for w in re.findall(r"\w{4,}", t.lower())}
    assert vocabulary(blocks, Run(0, 2, 20)) == want


CONTACT_PIECES = ["reach her at", "REACH THEM AT", "can be reached at", "Follow him on", "email them at", "follow",
                  "@", "a@b", ".co", ".c", "x", " ", "\t", "\u00a0", "é", "\u017f", "\u212a", "\u0130", "_", "1",
                  "Jane Doe is a reporter", "."]


def _contact_plain(text: str) -> bool:
    from newsclean.stages.navigation import text as nav
    if "A" <= text[:1] <= "Z" and any(v in text for v in nav._BIO_VERBS) and nav._BIO.match(text):
        return True
    return nav._CONTACT.search(text) is not None


@settings(max_examples=800)
@given(st.lists(st.sampled_from(CONTACT_PIECES), max_size=6).map("".join))
def test_contact_halves_are_the_whole_pattern(text: str) -> None:
    from newsclean.stages.navigation.text import contact_like
    assert contact_like(text) is _contact_plain(text)
