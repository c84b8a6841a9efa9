"""The learned block classifier of text captures (stage 'classify') and its weights file."""
from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import pytest

from newsclean import Pipeline
from newsclean.load import load_page
from newsclean.page import DropKind, Page
from newsclean.stages.classify import MAX_BLOCKS, WEIGHTS_FILE, CaptureClassifierStage
from newsclean.stages.classify.features import FEATURES, decision_of, rows
from newsclean.stages.classify.model import (
    PASS2_FEATURES,
    context_rows,
    load_model,
    model_from_dict,
    probabilities,
)
from tests.scripts import load_script

BODY = [
    "The ministry said on Monday that exports rose by four percent in the third quarter of the year, more than "
    "analysts had expected after two weak quarters.",
    "Analysts had expected a smaller rise, citing weaker demand from the largest trading partners abroad and a "
    "strong currency that made goods dearer.",
    "The central bank is due to meet next week and is widely expected to leave interest rates unchanged, "
    "according to a survey of economists.",
    "Economists said the figures made a cut less likely before the end of the year, though several warned that "
    "the outlook remained uncertain.",
]
MENU = ["* Home", "* World", "* Business", "* Markets", "* Sport", "* Weather"]
FOOTER = ["© 2025 Example News. All rights reserved.", "Privacy Policy", "Terms of Use", "Contact us"]


def capture() -> str:
    return "\n".join(MENU) + "\n\n" + "\n\n".join(BODY) + "\n\n" + "\n\n".join(FOOTER) + "\n"


def test_weights_file_names_the_features_the_code_computes():
    d = json.loads(resources.files("newsclean.data").joinpath("capture_classifier.json").read_text("utf-8"))
    assert d["pass1"]["features"] == list(FEATURES)
    assert d["pass2"]["features"] == list(PASS2_FEATURES)
    assert len(d["pass1"]["coef"]) == len(FEATURES) and len(d["pass2"]["coef"]) == len(PASS2_FEATURES)
    assert 0.0 < d["drop_below"] < 1.0 and 0.0 < d["restore_at"] < 1.0


def test_feature_rows_have_one_value_per_feature_for_every_block():
    page = load_page(capture(), kind="text")
    table = rows(page.blocks)
    assert len(table) == len(page.blocks)
    assert all(len(r) == len(FEATURES) for r in table)
    assert all(r[0] == 1.0 for r in table)  # the bias column


def test_context_rows_summarise_the_neighbours_logits():
    z = [-4.0, 2.0, 3.0, 2.5, -5.0]
    out = context_rows(z, [False, True, True, True, False])
    assert all(len(r) == len(PASS2_FEATURES) for r in out)
    middle = dict(zip(PASS2_FEATURES, out[2]))
    assert middle["z"] == 3.0 and middle["z_mean1"] == pytest.approx(2.25)
    assert middle["z_max_before"] == 2.0 and middle["z_max_after"] == 2.5 and middle["z_min_near"] == -5.0
    assert dict(zip(PASS2_FEATURES, out[0]))["z_max_before"] == -12.0  # nothing before the first block
    assert middle["z_prev"] == 2.0 and middle["z_next"] == 2.5 and middle["z_below_max"] == 0.0
    assert middle["z_mean_all_before"] == pytest.approx(-1.0) and middle["z_mean_all_after"] == pytest.approx(-1.25)
    assert middle["kept_near"] == pytest.approx(2 / 4)


def test_classifier_keeps_the_article_and_drops_menu_and_footer():
    art = Pipeline().extract(capture(), kind="text")
    for para in BODY:
        assert para in art.text
    for chrome in MENU[1:] + FOOTER:
        assert chrome.lstrip("* ") not in art.text.split("\n")


def test_every_change_of_mind_is_recorded_with_the_probability():
    page = load_page(capture(), kind="text")
    page.drop(page.blocks[-1], "navigation", "promotional, call-to-action or legal text", kind=DropKind.PROMO)
    CaptureClassifierStage().run(page)
    mine = [d for d in page.decisions if d.stage == "classify"]
    assert mine and all("p=" in d.reason for d in mine)


def test_blocks_dropped_by_other_stages_stay_dropped():
    page = load_page(capture(), kind="text")
    for b in page.blocks:
        b.dropped_by, b.reason = "site_rules", "a user's rule"
    CaptureClassifierStage(drop_below=0.0, restore_at=0.0).run(page)   # would keep everything it may decide over
    assert all(b.dropped_by == "site_rules" for b in page.blocks)


def test_threshold_option_moves_the_decision():
    page = load_page(capture(), kind="text")
    CaptureClassifierStage(drop_below=1.01).run(page)   # nothing reaches it: everything goes
    assert not any(b.kept for b in page.blocks)


def test_decision_columns_follow_the_rule_stages_drop_kinds():
    page = Page(kind="text", source="")
    page.blocks = load_page("a\n\nb\n\nc", kind="text").blocks
    page.drop(page.blocks[0], "boilerplate", "before the article body (body starts at block 2)",
              kind=DropKind.BEFORE_BODY)
    page.drop(page.blocks[1], "duplicates", "near-duplicate of block 5", kind=DropKind.REPEAT)
    assert decision_of(page.blocks[0]) == "drop_before"
    assert decision_of(page.blocks[1]) == "drop_repeat"
    assert decision_of(page.blocks[2]) is None


def test_probabilities_are_probabilities():
    page = load_page(capture(), kind="text")
    probs = probabilities(load_model(WEIGHTS_FILE, FEATURES), rows(page.blocks), [True] * len(page.blocks))
    assert len(probs) == len(page.blocks) and all(0.0 <= p <= 1.0 for p in probs)


SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"


@pytest.mark.skipif(not (SHARED / "captures").is_dir(), reason="needs ../shared/bench (benchmark data)")
def test_training_is_deterministic_on_a_sample():

    pytest.importorskip("sklearn")
    mod = load_script("benchmarks/train/train_capture_classifier.py", "nc_train_capture")
    data = mod.collect(SHARED, Path("/nonexistent-cache"), limit=4)
    first = mod.to_json(mod.train(data))
    assert first == mod.to_json(mod.train(data))
    assert json.loads(first)["pass1"]["features"] == list(FEATURES)
    # a plain fit keeps the pinned thresholds; --select chooses them on the grid
    assert (json.loads(first)["drop_below"], json.loads(first)["restore_at"]) == mod.PINNED
    chosen = mod.train(data, select=True)
    assert chosen["drop_below"] in mod.DROP_GRID and chosen["restore_at"] in mod.RESTORE_GRID
    model = mod.train(data, "trees")
    first = mod.to_json(model)
    assert first == mod.to_json(mod.train(data, "trees"))
    d = json.loads(first)
    # the exported trees score every row as the fitted forest does (leaf values are rounded to 6 digits)
    import numpy as np

    from newsclean.stages.classify.trees import forest_from_json
    forest = forest_from_json(d["pass1"]["trees"], d["pass1"]["base"], len(FEATURES), "sample")
    expected = model["pass1"].decision_function(np.array(data["X"]))
    assert forest.scores(data["X"]) == pytest.approx(list(expected), abs=1e-4)


def test_a_forest_pass_1_is_read_and_applied():
    """A weights file whose pass 1 is trees: one tree sending prose to +3 and the rest to -3, and a pass 2
    that passes the pass-1 logit through."""
    prose = FEATURES.index("prose")
    d = {"pass1": {"features": list(FEATURES), "base": 0.0, "trees": [[[prose, 0.5, 1, 2], [-3.0], [3.0]]]},
         "pass2": {"features": list(PASS2_FEATURES), "mean": [0.0] * len(PASS2_FEATURES),
                   "scale": [1.0] * len(PASS2_FEATURES),
                   "coef": [float(f == "z") for f in PASS2_FEATURES], "intercept": 0.0},
         "drop_below": 0.5, "restore_at": 0.5}
    page = load_page(capture(), kind="text")
    table = rows(page.blocks)
    probs = probabilities(model_from_dict(d, FEATURES, "test"), table, [True] * len(table))
    expected = [1 / (1 + math.exp(-3.0 if r[prose] > 0.5 else 3.0)) for r in table]
    assert probs == pytest.approx(expected)
    assert len(set(probs)) == 2  # the capture has prose and chrome


def test_a_page_of_more_blocks_than_the_budget_keeps_the_rules_decisions():
    lines = [f"* item {i}" for i in range(MAX_BLOCKS + 10)]
    page = load_page("\n".join(lines) + "\n\n" + "\n\n".join(BODY), kind="text", max_blocks=MAX_BLOCKS * 4)
    assert len(page.blocks) > MAX_BLOCKS
    CaptureClassifierStage(drop_below=1.01).run(page)   # would drop everything it may decide over
    assert all(b.kept for b in page.blocks)
    assert any("rule stages' decisions stand" in d.reason for d in page.decisions if d.stage == "classify")


@pytest.mark.parametrize("text", ["JANE SAYS:", "Maria escribió", "Reply", "12 Likes", "3 replies",
                                  "March 5, 2024 at 3:12 pm",
                                  "3 years ago", "Says who", "The council said the plan works", "A quiet day"])
def test_comment_head_test_answers_as_its_pattern_does(text):
    """The word test in front of the comment-header pattern never changes its answer."""
    from newsclean.stages.classify import features as f
    assert f._comment_head(text) is bool(f._COMMENT_HEAD.search(text))


def test_in_menu_from_pairs_is_in_menu():
    from newsclean.features.text import in_menu, in_menu_of, tight_pairs
    page = load_page("Intro paragraph of the story that runs on.\n\n* Home\n* News\n* Sport\n* Weather\n* Travel\n\n"
                     "Another paragraph of the story.\n", kind="text")
    tight = tight_pairs(page.blocks)
    assert [in_menu_of(tight, i) for i in range(len(page.blocks))] == \
        [in_menu(page.blocks, i) for i in range(len(page.blocks))]
    assert any(in_menu_of(tight, i) for i in range(len(page.blocks)))


def test_a_capture_too_small_for_the_model_keeps_the_rules_decisions():
    """A capture of one paragraph is unlike any page the model was fitted on, and it scored that paragraph below its
    threshold (p=0.15): the whole text went. A capture of under ``page.TINY_PAGE_WORDS`` words that holds a paragraph
    is not judged; one without a paragraph (a leftover link label) still is."""
    text = ("The river rose overnight after three days of rain, and the town council met at dawn to decide whether "
            "to open the old flood gates near the mill.")
    page = Pipeline().process(text, kind="text")
    assert [b.text for b in page.kept()] == [text]
    assert any("too little text for the model" in d.reason for d in page.decisions
               if d.stage == "classify" and d.action == "note")
    label = Pipeline().process("   #Game Search", kind="text")
    assert not any("too little text" in d.reason for d in label.decisions)
