"""The run-level keep/drop model of text captures (stage 'regions') and its weights file."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from newsclean import Pipeline
from newsclean.page import Block, DropKind, Page
from newsclean.stages import DEFAULT_STAGE_NAMES
from newsclean.stages.regions import WEIGHTS_FILE, RegionStage, load_region_model
from newsclean.stages.regions.features import FEATURES, main_run, region_rows, runs_of
from newsclean.stages.regions.restore import EDGE, GAP_FEATURES, gap_rows, gaps_of
from tests.scripts import load_script

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"

STORY = [
    "The city council voted on Tuesday to close the old bridge over the river for repairs that are expected to "
    "last until the end of next summer, officials said.",
    "Engineers found cracks in two of the bridge's supports during an inspection in the spring, and the council "
    "had been under pressure from residents to act quickly.",
    "Drivers will be sent along a detour through the industrial district, which the council said would add about "
    "ten minutes to most journeys across the town.",
    "Shop owners near the bridge said they feared losing customers during the closure and asked the council for "
    "help with their rents while the work goes on.",
    "The mayor said the town would set up a fund for the shops and promised that the work would be finished "
    "before the autumn fair, the busiest week of the year.",
]


def blocks(spec: list[tuple[str, str, bool]]) -> list[Block]:
    return [Block(i, text, kind, dropped_by=None if kept else "navigation") for i, (text, kind, kept) in
            enumerate(spec)]


def test_runs_are_cut_at_dropped_blocks_and_before_headings():
    bl = blocks([("Menu", "paragraph", False), ("one two three", "paragraph", True),
                 ("four five", "paragraph", True), ("A heading", "heading", True), ("six seven", "paragraph", True),
                 ("Share", "paragraph", False), ("eight", "paragraph", True)])
    runs = runs_of(bl)
    assert [(r.first, r.last, r.words) for r in runs] == [(1, 2, 5), (3, 4, 4), (6, 6, 1)]
    assert main_run(runs) == 0


def test_every_run_gets_one_value_per_feature_and_the_main_run_is_not_judged():
    bl = blocks([(t, "paragraph", True) for t in STORY] + [("Related stories", "heading", True),
                                                            ("Another story here", "list_item", True)])
    runs, main, table = region_rows(bl, None)
    assert len(runs) == 2 and main == 0
    assert all(len(r) == len(FEATURES) for r in table)
    assert not any(table[main])


def test_weights_file_names_the_features_the_code_computes():
    d = json.loads(resources.files("newsclean.data").joinpath(WEIGHTS_FILE).read_text("utf-8"))
    assert d["features"] == list(FEATURES)
    assert 0.0 <= d["drop_below"] < 1.0


def test_the_stage_runs_last_on_text_captures_only():
    assert DEFAULT_STAGE_NAMES[-1] == "regions"
    html = "<html><body><article>" + "".join(f"<p>{t}</p>" for t in STORY) + "</article></body></html>"
    page = Pipeline().process(html)
    assert not any(d.stage == "regions" for d in page.decisions)


CHROME = ("Share", "Facebook", "Twitter", "Email", "Print", "Newsletter", "Sign up", "Privacy", "Terms", "Contact",
          "Advertise", "Jobs", "Archive", "Weather", "Events", "Podcasts")
TEASERS = (("Council approves new budget for schools", "March 3, 2025"),
           ("Police search for missing hiker in the hills", "March 2, 2025"),
           ("New library opens in the old market hall", "March 1, 2025"),
           ("Ferry timetable changes from next month", "Feb 28, 2025"))


# an article-sized story (the run model weighs a run against the main run's size): the story's paragraphs
# three times over, numbered
LONG_STORY = [f"{t} ({k})" for k in range(3) for t in STORY]


def story_page() -> Page:
    """A story in two sections (the second under its own heading), a stretch of chrome the rule stages
    dropped, and after it a run of dated teaser headlines they kept."""
    spec = [("Bridge to close", "heading", False)] + [(t, "paragraph", True) for t in LONG_STORY[:8]] + \
        [("Why the bridge matters", "heading", True)] + [(t, "paragraph", True) for t in LONG_STORY[8:]] + \
        [(c, "list_item", False) for c in CHROME] + [(x, "paragraph", True) for pair in TEASERS for x in pair]
    return Page(kind="text", source="", blocks=blocks(spec))


def test_a_run_of_dated_teasers_past_the_chrome_is_dropped_and_the_second_section_kept():
    # the shipped model scores the teaser run far below both sections of the story, but the shipped threshold (0.3)
    # sits at this made-up run's probability (0.28 with session 20's fit, 0.32 with session 21's): the stage runs
    # at 0.5 here, so that what is tested is the model's ordering and the stage's drops, not a coin flip
    runs, _, table = region_rows(story_page().blocks, None)
    p = [load_region_model().linear.probability(row) for row in table]
    assert p[-1] < 0.5 < min(p[:-1])
    page = story_page()
    RegionStage(drop_below=0.5).run(page)
    kept = "\n".join(b.text for b in page.kept())
    assert "fund for the shops" in kept and "Why the bridge matters" in kept
    assert "missing hiker" not in kept and "March 2, 2025" not in kept
    gone = [b for b in page.blocks if b.dropped_by == "regions"]
    assert len(gone) == 2 * len(TEASERS)
    assert all("learned region model" in (b.reason or "") for b in gone)


def test_drop_below_zero_turns_the_stage_off():
    page = story_page()
    RegionStage(drop_below=0.0).run(page)
    assert not any(b.dropped_by == "regions" for b in page.blocks)


def test_the_model_file_loads_as_a_linear_model():
    model = load_region_model()
    assert len(model.linear.weights) == len(FEATURES)


@pytest.mark.skipif(not (SHARED / "captures").is_dir(), reason="needs ../shared/bench (benchmark data)")
def test_training_is_deterministic_on_a_sample():
    pytest.importorskip("sklearn")
    mod = load_script("benchmarks/train/train_capture_regions.py", "nc_train_regions")
    pages = mod.collect(SHARED, Path("/nonexistent-cache"), limit=4)
    first = mod.to_json(mod.train(pages, SHARED))
    assert first == mod.to_json(mod.train(pages, SHARED))
    assert json.loads(first)["features"] == list(FEATURES)
    # a plain fit keeps the pinned thresholds; --select chooses them on the grids
    d = json.loads(first)
    assert (d["drop_below"], d["restore"]["restore_at"]) == (mod.PINNED_DROP, mod.PINNED_RESTORE)
    chosen = mod.train(pages, SHARED, select=True)
    assert chosen["drop_below"] in mod.GRID and chosen["restore"]["restore_at"] in mod.RESTORE_GRID


def gap_page(spec: list[tuple[str, str, DropKind | None]]) -> list[Block]:
    """Blocks from (text, kind, drop kind or None for kept)."""
    return [Block(i, text, kind, dropped_by=None if dk is None else "navigation", drop_kind=dk)
            for i, (text, kind, dk) in enumerate(spec)]


def test_gaps_are_dropped_stretches_inside_or_beside_the_kept_text_cut_before_headings():
    far = [(f"Menu {i}", "list_item", DropKind.BEFORE_BODY) for i in range(EDGE + 2)]
    spec = far + [("Headline", "heading", DropKind.HEADLINE), (STORY[0], "paragraph", None),
                  ("Teaser one", "list_item", DropKind.NAV_BULLET), ("Section", "heading", DropKind.OTHER),
                  ("Under the section", "paragraph", DropKind.OTHER), (STORY[1], "paragraph", None),
                  ("Share", "paragraph", DropKind.STOCK_PHRASE)]
    bl = gap_page(spec)
    n = len(far)
    # the headline's block never joins a gap; menus further than EDGE blocks from the kept text stay out
    assert [g.blocks for g in gaps_of(bl)] == [tuple(range(n + 1 - EDGE, n)), (n + 2,), (n + 3, n + 4), (n + 6,)]
    gaps, table = gap_rows(bl)
    assert len(table) == len(gaps) and all(len(r) == len(GAP_FEATURES) for r in table)


def test_a_list_item_a_menu_rule_dropped_inside_the_story_comes_back_and_restore_at_over_one_turns_it_off():
    spec = [(t, "paragraph", None) for t in LONG_STORY[:7]] + [(LONG_STORY[7], "list_item", DropKind.NAV_BULLET)] + \
        [(t, "paragraph", None) for t in LONG_STORY[8:]]
    page = Page(kind="text", source="", blocks=gap_page(spec))
    RegionStage(restore_at=2.0).run(page)
    assert page.blocks[7].dropped_by is not None
    RegionStage().run(page)
    assert page.blocks[7].dropped_by is None
    assert any(d.stage == "regions" and d.action == "keep" and "learned gap model" in d.reason for d in page.decisions)


def test_a_menu_beside_the_story_stays_dropped():
    spec = [(c, "list_item", DropKind.BEFORE_BODY) for c in CHROME[:EDGE]] + \
        [(t, "paragraph", None) for t in LONG_STORY]
    page = Page(kind="text", source="", blocks=gap_page(spec))
    RegionStage().run(page)
    assert all(b.dropped_by is not None for b in page.blocks[:EDGE])


def test_the_weights_file_holds_a_gap_model_over_the_gap_features():
    d = json.loads(resources.files("newsclean.data").joinpath(WEIGHTS_FILE).read_text("utf-8"))
    assert d["restore"]["features"] == list(GAP_FEATURES)
    assert load_region_model().restore is not None


def test_a_fit_on_rows_of_one_class_is_a_constant_model():
    """A small sample's fold may hold one class only (every gap a non-story one): the shared logistic fit gives a
    constant model instead of sklearn's refusal."""
    np = pytest.importorskip("numpy")
    pytest.importorskip("sklearn")
    mod = load_script("benchmarks/train/linear_fit.py", "nc_linear_fit")
    X = np.array([[1.0, 0.2], [1.0, 0.7], [1.0, 0.4]])
    m = mod.fit_standardised(X, np.array([0, 0, 0]), np.ones(3), 1.0)
    assert list(m["coef"]) == [-mod.ONE_CLASS_LOGIT, 0.0]
    m = mod.fit_standardised(X, np.array([1, 1, 1]), np.ones(3), 1.0)
    assert list(m["coef"]) == [mod.ONE_CLASS_LOGIT, 0.0]
