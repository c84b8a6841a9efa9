"""Body region of a text capture: the densest run of prose; what lies outside is dropped."""
from __future__ import annotations

from newsclean import Pipeline
from newsclean.load import load_page
from newsclean.stages.boilerplate import BoilerplateStage
from newsclean.stages.boilerplate_text import best_run, ends_sentence, word_count

BODY = [
    "The city council voted on Tuesday to expand the bus network, adding four routes to the east side.",
    "Officials said the new routes would start in March and cost about two million dollars a year.",
    "Residents who spoke at the meeting mostly welcomed the plan, though some asked for later service.",
]
PAGE = "\n".join([
    "• Home", "• News", "• Sport", "• Weather", "Subscribe", "",
    "Council expands bus network", "", "By Jane Doe", "",
    BODY[0], "", BODY[1], "", BODY[2], "",
    "Most Popular", "",
    "• Storm closes schools", "• Team wins final", "• New mayor sworn in", "",
    "© 2025 Example Media. All rights reserved.",
])


def run(text):
    page = load_page(text, kind="text")
    BoilerplateStage().run(page)
    return page


def test_region_keeps_body_and_drops_chrome_with_reasons():
    page = run(PAGE)
    kept = [b.text for b in page.kept()]
    for para in BODY:
        assert para in kept
    assert "Home" not in kept and "Storm closes schools" not in kept
    dropped = [b for b in page.blocks if not b.kept]
    assert all(b.dropped_by == "boilerplate" and b.reason for b in dropped)
    assert any("before the article body" in b.reason for b in dropped)
    assert any("after the article body" in b.reason for b in dropped)


def test_first_body_paragraph_is_not_cut():
    page = run(PAGE)
    first_kept = next(page.kept())
    assert first_kept.text == BODY[0]


def test_full_pipeline_text_is_the_body():
    art = Pipeline().extract(PAGE, kind="text")
    for para in BODY:
        assert para in art.text
    assert "Most Popular" not in art.text and "All rights reserved" not in art.text


def test_no_prose_drops_nothing_and_does_not_raise():
    for text in ("", "• a\n• b\n", "x" * 100_000, "\ufffd\x01" * 500):
        page = run(text)
        assert page is not None


def test_best_run_and_features():
    assert best_run([-1, 5, -2, 4, -10, 3]) == (1, 3, 7)
    assert best_run([-1, -2])[0] == -1
    assert ends_sentence("He said so.”") and not ends_sentence("Most Popular")
    assert word_count("日本語の文章") == 3 and word_count("two words") == 2


def test_teaser_cards_after_the_body_are_cut():
    cards = []
    for i in range(5):
        cards += [f"KICKER {i}", f"Headline number {i} about something else entirely",
                  f"A one-line summary of teaser {i} that reads like a full sentence of prose.", f"site{i}.com"]
    page = run("\n\n".join(BODY + cards))
    kept = [b.text for b in page.kept()]
    assert kept == BODY
