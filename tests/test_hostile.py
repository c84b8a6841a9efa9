"""Hostile input: every case gives an Article or a NewscleanError — never another exception, never a
hang (a generous ceiling per case catches hangs; timings are measured in benchmarks/hostile.py)."""
from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsclean import Article, InputError, NewscleanError, Pipeline
from tests.hostile_cases import CASES

PIPELINE = Pipeline()
CEILING_S = 120  # a hang detector, not a timing assertion


@pytest.fixture
def ceiling():
    def on_alarm(signum, frame):
        raise TimeoutError("hostile case ran past the hang ceiling")
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(CEILING_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


Outcome = tuple[object, "Article | NewscleanError"]  # a case's page, and the Article or our error it gave


#: the cases a test of their own checks besides the no-crash test: each is made and extracted once, their
#: outcomes kept while this module runs (the biggest take seconds each)
CHECKED_AGAIN = frozenset({"text-one-line-capture-10mb", "twelve-mb-paragraph", "over-max-bytes", "gzip-bomb"})


@pytest.fixture(scope="module")
def outcomes() -> Iterator[dict[str, Outcome]]:
    kept: dict[str, Outcome] = {}
    yield kept
    kept.clear()


def outcome(name: str, kept: dict[str, Outcome]) -> Outcome:
    """The page of case ``name`` and what the pipeline made of it: an Article or the NewscleanError it
    raised (any other exception goes up); kept in ``kept`` for the cases in CHECKED_AGAIN."""
    if name in kept:
        return kept[name]
    page = CASES[name]()
    try:
        result: Article | NewscleanError = PIPELINE.extract(page)
    except NewscleanError as exc:
        result = exc
    if name in CHECKED_AGAIN:
        kept[name] = (page, result)
    return page, result


def test_there_are_at_least_40_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_gives_article_or_our_error(name, ceiling, outcomes):
    art = outcome(name, outcomes)[1]
    if isinstance(art, NewscleanError):
        assert str(art)
        return
    assert isinstance(art, Article)
    art.to_json()  # serialisable, whatever came in


def test_over_max_bytes_is_input_error(outcomes):
    exc = outcome("over-max-bytes", outcomes)[1]
    assert isinstance(exc, InputError)
    assert "over the limit" in str(exc)


def test_external_entities_are_never_resolved(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT-4711", encoding="utf-8")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            "<html><head><title>t</title></head><body><p>before &xxe; after, with more words to be a body.</p>"
            "</body></html>")
    for kind in (None, "html"):
        art = PIPELINE.extract(page, kind=kind)
        assert "TOP-SECRET" not in art.to_json()


def test_entity_bomb_is_not_expanded():
    art = PIPELINE.extract(CASES["xml-entity-bomb"]())
    assert "lollollol" not in art.text


def test_encodings_recover_the_text():
    for name in ("utf16-le-bom", "utf16-be-bom", "utf16-le-no-bom", "utf16-be-no-bom", "utf32-le-bom",
                 "utf32-le-no-bom", "utf32-be-no-bom", "invalid-utf8-middle",
                 "nul-bytes", "wrong-meta-charset", "mixed-encodings"):
        art = PIPELINE.extract(CASES[name]())
        assert "Paragraph 3 of the story" in art.text, name


def test_frameset_and_empty_pages_give_empty_articles():
    for name in ("empty-str", "empty-bytes", "whitespace-only", "only-scripts", "frameset"):
        art = PIPELINE.extract(CASES[name]())
        assert "var x" not in art.text


def test_pages_over_libxml2s_10_mb_limit_keep_all_their_text(outcomes):
    art = outcome("twelve-mb-paragraph", outcomes)[1]
    assert isinstance(art, Article)
    assert art.text.count("word") == 2_500_000


BINARY = {"pdf-bytes": "PDF", "png-bytes": "a PNG image", "zip-bytes": "a ZIP archive",
          "elf-bytes": "an ELF executable", "gzip-of-png": "a PNG image", "random-binary": "binary data",
          "exe-without-magic": "binary data"}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_files_are_refused_with_what_they_look_like(name):
    with pytest.raises(InputError, match=r"not an HTML page or a text capture \(looks like " + BINARY[name]):
        PIPELINE.extract(CASES[name]())


def test_gzipped_pages_are_read_decompressed():
    for name in ("gzip-bytes", "gzip-two-members", "gzip-truncated"):
        art = PIPELINE.extract(CASES[name]())
        assert "Paragraph 3 of the story" in art.text, name


def test_gzip_bomb_and_damaged_gzip_are_input_errors(outcomes):
    exc = outcome("gzip-bomb", outcomes)[1]
    assert isinstance(exc, InputError)
    assert "over the limit of 52428800 bytes once decompressed" in str(exc)
    with pytest.raises(InputError, match="damaged gzip data"):
        PIPELINE.extract(CASES["gzip-damaged"]())


def test_a_capture_on_one_line_keeps_its_text_but_not_its_calls_to_action(outcomes):
    page, art = outcome("text-one-line-capture-10mb", outcomes)
    assert isinstance(page, str) and isinstance(art, Article)
    # 10 MB of sentences are cut into pieces of ~1,000 characters (the block budget): the pieces that
    # hold one of the calls to action (one sentence in 40) go with it
    assert len(art.text.split()) >= 0.7 * len(page.split())
    assert "newsletter" not in art.text
