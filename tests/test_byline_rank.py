"""Text captures: byline candidates read from every short line and chosen by the learned ranker;
names printed twice or glued to a date."""
import json

import pytest

from newsclean import extract
from newsclean.errors import ConfigError
from newsclean.normalize.authors import split_names
from newsclean.page import Block
from newsclean.stages.byline import rank, readings
from tests.byline_helpers import feature, text_candidates
from tests.scripts import load_script

_BODY = ("The council met on Tuesday evening to discuss the new budget for the coming year, and the debate "
         "ran long into the night as members argued over every line of the plan. ")
_BODY2 = ("Several residents spoke during the public comment period, most of them asking for more money for "
          "the town's schools and for the repair of the old bridge over the river. ")


def test_a_name_printed_twice_is_one_name():
    assert split_names("Emmanuelle Ducros Emmanuelle Ducros") == ["Emmanuelle Ducros"]
    assert split_names("Ophélie OstermannOphélie Ostermann") == ["Ophélie Ostermann"]
    assert split_names("von Newsdesk Newsdesk 28. Januar 2022, 12:01") == ["Newsdesk"]


def test_a_day_glued_to_the_name_is_cut_off():
    assert split_names("Jane Doe20 March 2024") == ["Jane Doe"]
    assert split_names("By Jane Doe19.10.2019, 23:38 Uhr") == ["Jane Doe"]
    assert split_names("von freeman1984 · in Uncategorized") == ["freeman1984"]   # a user name keeps its digits


def test_lines_are_read_as_bylines_in_several_shapes():
    def reads(line: str, how: str, names: list[str]) -> bool:
        return (how, names) in readings.readings(line)

    assert reads("Text & Fotos: Ivan Valetny [icn_commen] 0", "lead", ["Ivan Valetny"])
    assert reads("Christoph von Ritter 24. April 2020", "dated", ["Christoph von Ritter"])
    assert reads("Veröffentlicht am 12. Juni 2017 von gizzmo", "inner", ["gizzmo"])
    assert reads("Geschrieben vonElisa Marvena", "lead", ["Elisa Marvena"])
    assert reads("Publicado por Alberto González", "lead", ["Alberto González"])
    assert reads("Quelle: Juergen Hasenkopf", "lead", ["Juergen Hasenkopf"])
    assert reads("By Jane Doe", "lead", ["Jane Doe"])


def test_a_byline_with_a_lead_in_far_below_the_headline_is_found():
    lines = ["Town News", "", "Council argues over the budget until midnight", "", _BODY, "", _BODY2, "",
             _BODY, "", "Publicado por Ana García", "", "Share this story"]
    assert extract("\n".join(lines), kind="text").authors == ("Ana García",)


def test_a_teaser_name_does_not_beat_the_byline_under_the_headline():
    lines = ["Town News", "", "Council argues over the budget until midnight", "", "By Jane Doe", "",
             "March 3, 2024", "", _BODY, "", _BODY2, "", "More stories", "", "Mayor John Roe", ""]
    assert extract("\n".join(lines), kind="text").authors == ("Jane Doe",)


def test_the_shipped_model_is_trees_over_the_features():
    forest = rank._model().forest
    assert forest is not None and forest.roots
    assert max(f for f, *_rest in forest.nodes) < len(rank.FEATURES)


def _tiny(**over):
    """A made-up weights file: one tree splitting on ``lead`` (left at or below 0.5)."""
    doc = {"features": list(rank.FEATURES), "base": -1.0, "threshold": 0.0,
           "trees": [[[0, 0.5, 1, 2], [-0.5], [2.0]]]}
    return {**doc, **over}


def test_a_trees_file_scores_by_walking_its_trees():
    ranker = rank.ranker_from_json(_tiny())
    row = [0.0] * len(rank.FEATURES)
    lead = [1.0] + row[1:]
    assert ranker.scores([row, lead]) == [-1.5, 1.0]


def test_best_takes_the_top_candidate_only_above_the_threshold(monkeypatch):
    monkeypatch.setattr(rank, "_model", lambda: rank.ranker_from_json(_tiny()))
    row = [0.0] * len(rank.FEATURES)
    blocks = [Block(index=i, text=t) for i, t in enumerate(["Jane Doe", "By John Roe"])]
    plain, lead = rank.Candidate(["Jane Doe"], blocks[0], feats=row), rank.Candidate(["John Roe"], blocks[1],
                                                                                     feats=[1.0] + row[1:])
    assert rank.best([plain, lead]) is lead
    assert rank.best([plain]) is None


@pytest.mark.parametrize("bad", [_tiny(features=["lead"]), _tiny(trees=[[[99, 0.5, 1, 2], [0.0], [1.0]]]),
                                 _tiny(trees=[[[0, 0.5, 0, 2], [0.0], [1.0]]]), _tiny(trees=[[]])])
def test_a_malformed_trees_file_is_a_config_error(bad):
    with pytest.raises(ConfigError):
        rank.ranker_from_json(bad)


def test_the_trainer_exports_the_trees_sklearn_fitted():
    """The exported trees, walked in plain Python, give sklearn's own raw scores (to the rounding of
    the leaves)."""
    np = pytest.importorskip("numpy")
    pytest.importorskip("sklearn")
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits  # a dependency of scikit-learn

    br = load_script("benchmarks/train/byline_rank.py", "nc_byline_rank")
    rng = np.random.default_rng(13)
    x = rng.random((400, len(rank.FEATURES)))
    y = (x[:, 0] + 0.5 * x[:, 3] > 0.8).astype(int)
    # both fits on one thread: 400 rows are no work for a pool, and on a busy two-core machine the
    # OpenMP threads waiting on each other took seconds (this test compares the exported trees with
    # sklearn's own scores, which do not depend on the number of threads)
    with threadpool_limits(1):
        doc = br.fit_trees(x, y)
        want = HistGradientBoostingClassifier(max_iter=br.TREES, learning_rate=br.LEARNING_RATE,
                                              min_samples_leaf=br.MIN_LEAF, early_stopping=False,
                                              random_state=br.SEED).fit(x, y).decision_function(x)
    got = rank.ranker_from_json(json.loads(br.to_json(doc))).scores(x.tolist())
    assert np.allclose(got, want, atol=1e-4)


def test_every_capture_weighs_the_same_in_the_fit():
    """A capture's candidates share one unit of weight: ten candidates of one page weigh what two of
    another do (the weights scaled to a mean of 1)."""
    np = pytest.importorskip("numpy")
    br = load_script("benchmarks/train/byline_rank.py", "nc_byline_rank")
    data = [({"a"}, [({"x"}, [0.0], 0)] * 10), ({"b"}, [({"y"}, [1.0], 1), ({"z"}, [0.0], 0)])]
    w = br.page_weights(data)
    assert len(w) == 12 and np.isclose(w.mean(), 1.0)
    assert np.isclose(w[:10].sum(), w[10:].sum())


def test_retraining_reproduces_the_weights_byte_for_byte():
    """Slow (a few minutes) and needs the bench and scikit-learn: run with NEWSCLEAN_TRAIN_CHECK=1."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import pytest
    root = Path(__file__).resolve().parents[1]
    if not os.environ.get("NEWSCLEAN_TRAIN_CHECK") or not (root.parent / "shared" / "bench" / "metadata").exists():
        pytest.skip("set NEWSCLEAN_TRAIN_CHECK=1 (with ../shared/bench present) to retrain and compare")
    done = subprocess.run([sys.executable, str(root / "benchmarks" / "train" / "byline_rank.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-500:]


def test_a_lead_word_inside_a_word_is_no_lead_in():
    # "De|cember", "Par|is", "ex|por|ted", "Im|por|tant": no byline reading made of a word's tail
    for line in ("December 19, 2025", "Paris, France: June 17-20, 2026", "Images get exported",
                 "Why Is Mobile UX Design Important?", "*With optional dongle, sold separately"):
        assert all(how not in ("lead", "inner") for how, _n in readings.readings(line)), line
    assert ("inner", ["Chris Jung"]) in readings.readings("Veröffentlicht am 3. Mai vonChris Jung")
    assert ("lead", ["Jane Doe"]) in readings.readings("By: Jane Doe")


def test_first_names_from_the_lexicon():
    assert rank.first_name_share(["Jane Doe"]) == 1.0
    assert rank.first_name_share(["Key Takeaways"]) == 0.0
    assert rank.first_name_share(["Mary-Ann Roe", "Get Started"]) == 0.5


def test_a_name_line_is_told_from_a_menu_entry_by_its_first_name_and_its_bio():
    lines = ["Town News", "", "Get Started", "", "Council argues over the budget until midnight", "", _BODY, "",
             _BODY2, "", "Laura Penwick", "",
             "Laura Penwick is a reporter who covers the town council and its budget for Town News readers.", "",
             "Key Takeaways"]
    cands = text_candidates(lines)
    assert feature(cands, "first_name", "Laura Penwick") == 1.0
    assert feature(cands, "first_name", "Key Takeaways") == 0.0
    assert feature(cands, "bio", "Laura Penwick") == 1.0
    assert feature(cands, "bio", "Key Takeaways") == 0.0
    assert extract("\n".join(lines), kind="text").authors == ("Laura Penwick",)


def test_a_name_by_a_date_is_read_when_a_separator_stands_between_them():
    # the separator next to the date left an empty side: "Kim Vale ·" split into ["Kim Vale", ""]
    assert ("dated", ["Kim Vale"]) in readings.readings("Kim Vale · March 3, 2021 · Travel · 4 comments")
    assert ("dated", ["Kim Vale"]) in readings.readings("May 9, 2020 | Kim Vale")


def test_a_label_and_a_colon_before_the_names_is_a_reading():
    # any short label in any language: "WORDS & IMAGES:", "Artikel von:", "EDITING:"
    assert ("label", ["Corin"]) in readings.readings("WORDS & IMAGES: Corin")
    assert ("label", ["Jessa Moor"]) in readings.readings("Artikel von: Jessa Moor")
    assert readings.label_reading("The council said this about the plan: we wait", []) == []   # a sentence
    assert readings.label_reading("Note: see the map below", []) == []   # no names after the colon


def test_names_before_a_separator_are_a_reading():
    assert ("segment", ["Tilda Brenn"]) in readings.readings("Tilda Brenn   06 PM | 18 Mai")
    assert ("segment", ["Ada Quill", "Ben Marsh"]) in readings.readings("Ada Quill and Ben Marsh  |  Guest Columnists")
    assert readings.segment_reading("Home | News | Sports", []) == []


def test_one_word_under_the_headline_is_a_candidate():
    lines = ["Town News", "", "Council argues over the budget until midnight", "", "Benno", "", _BODY, "",
             _BODY2, "", "Menu"]
    cands = text_candidates(lines)
    assert any(c.names == ["Benno"] and "name_only" in c.kinds for c in cands)
    assert not any(c.names == ["Menu"] for c in cands)


def test_the_first_explicit_byline_after_the_headline_is_marked():
    lines = ["Town News", "", "Council argues over the budget until midnight", "", "By Jane Doe", "", _BODY, "",
             _BODY2, "", "Photo: John Roe", "", "Ann Lee"]
    cands = text_candidates(lines)
    assert feature(cands, "first_explicit", "By Jane Doe") == 1.0
    assert feature(cands, "first_explicit", "Ann Lee") == 0.0
