"""Site notices by their text (stages/boilerplate/notices.py): the exact pre-tests before the regexes, and the
cookie notices found once by boilerplate and handed to navigation (``page.handoffs.html_cookies``)."""
from __future__ import annotations

import re

from newsclean.load.page import load_page
from newsclean.stages.boilerplate import BoilerplateOptions, notices
from newsclean.stages.boilerplate.html import select_main
from newsclean.stages.navigation import NavigationOptions
from newsclean.stages.navigation.html import drop_navigation

_ALL_CHARS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _phrases(pattern: re.Pattern[str]) -> list[str]:
    """The literal phrases of an alternation '(?i)(a|b|c)'."""
    return pattern.pattern.split("(", 2)[-1].rstrip(")").split("|")


def test_rights_pretest_keeps_every_phrase_in_any_case() -> None:
    for phrase in _phrases(notices._RIGHTS):
        for form in (phrase, phrase.upper(), phrase.title(), phrase.swapcase()):
            text = f"© 2024 Verlag. {form}."
            assert notices._RIGHTS.search(text) and notices._may_reserve(text), form
            assert notices.rights_line(text)
    assert not notices._may_reserve("A long paragraph of the story, with nothing of the sort in it.")


def test_rights_pretest_letters_have_no_other_case_blind_forms() -> None:
    """The pre-test lower()s the text: every character the regex matches case-blind to r, v, b, e or h
    must lower() to it (true of all but 'i' and 's', which have extra forms)."""
    for letter in "rvbeh":
        hits = set(re.findall(f"(?i){letter}", _ALL_CHARS))
        assert {c.lower() for c in hits} == {letter}, letter
    assert {c.lower() for c in re.findall("(?i)s", _ALL_CHARS)} != {"s"}  # (the check can fail: 'ſ')


def test_share_label_pretest_needs_the_final_colon() -> None:
    for text in ("Diesen Artikel teilen:", "Partager cet article :", "Share this story:\n"):
        assert notices._SHARE_LABEL.match(text) and notices._ends_in_colon(text), text
        assert notices.share_label(text)
    assert not notices._ends_in_colon("Share this story: on Facebook")
    assert not notices.share_label("Share this story:\n\n")  # ('$' allows one final newline, not two)


def _page(inner: str):
    return load_page(f"<html><body><article>{inner}</article></body></html>", kind="html")


COOKIE = "Diese Website verwendet Cookies. Wenn Sie weitersurfen, stimmen Sie der Cookie-Richtlinie zu."
STORY = "Body paragraph number {} tells the story in plain words, with commas, clauses and an end."


def test_boilerplate_hands_the_cookie_notices_to_navigation() -> None:
    page = _page("".join(f"<p>{STORY.format(i)}</p>" for i in range(4)) + f"<p>{COOKIE}</p>")
    select_main(page, BoilerplateOptions(html_use_readability=False), "boilerplate")
    cookie = next(b for b in page.blocks if b.text == COOKIE)
    assert page.handoffs.html_cookies == (cookie.index,)
    # navigation reads the hand-off, not the texts again: a notice it names is dropped as one
    page.handoffs.html_cookies = (0,)
    drop_navigation(page, NavigationOptions(), "navigation")
    assert page.blocks[0].reason == "cookie notice"


def test_navigation_alone_finds_the_cookie_notices_itself() -> None:
    page = _page("".join(f"<p>{STORY.format(i)}</p>" for i in range(4)) + f"<p>{COOKIE}</p>")
    assert page.handoffs.html_cookies is None
    drop_navigation(page, NavigationOptions(), "navigation")
    assert [b.reason for b in page.blocks if not b.kept] == ["cookie notice"]
