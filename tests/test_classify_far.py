"""The capture classifier's far restore (``FarRestore``): a chunk of prose past the near reach comes back,
a run of teaser list items does not, and a weights file without the fitted numbers restores nothing far."""
from __future__ import annotations

from newsclean.load import load_page
from newsclean.stages.classify import MAX_GAP, FarRestore, chunk_facts, decide
from newsclean.stages.classify.features import FEATURES, rows
from newsclean.stages.classify.model import PASS2_FEATURES, model_from_dict

PROSE = ("The second half of the review tests the camera in low light, where the larger sensor gathers "
         "more detail than any phone we tried this year.")
TEASER = "* Ten gadgets we loved this year and why they matter"


def _page(blocks: list[str]) -> tuple[list[int], list[bool]]:
    return chunk_facts(rows(load_page("\n\n".join(blocks), kind="text").blocks))


def test_chunk_facts_read_words_and_prose_paragraphs_off_the_rows():
    words, paragraph = _page([PROSE, TEASER, "Share"])
    assert words[0] == len(PROSE.split()) and paragraph == [True, False, False]


# the body (kept), then GAP blocks that stay dropped, then a chunk that wants back
GAP = MAX_GAP + 3


def _layout(chunk: list[str]) -> tuple[list[bool], list[float], list[bool], tuple[list[int], list[bool]]]:
    blocks = [PROSE, PROSE] + ["Advertisement"] * GAP + chunk
    n = len(blocks)
    kept = [True, True] + [False] * (n - 2)
    probs = [0.9, 0.9] + [0.1] * GAP + [0.8] * len(chunk)
    restorable = [False, False] + [True] * (n - 2)
    return kept, probs, restorable, _page(blocks)


def test_a_chunk_of_prose_past_the_near_reach_comes_back_within_the_far_reach():
    kept, probs, restorable, facts = _layout([PROSE, PROSE])
    near_only = decide(kept, probs, restorable, 0.4, 0.5)
    assert near_only[-2:] == [False, False]  # past MAX_GAP: stays dropped without a far reach
    keep = decide(kept, probs, restorable, 0.4, 0.5, FarRestore(GAP + 1, 0.8), facts)
    assert keep[-2:] == [True, True] and not any(keep[2:2 + GAP])
    assert decide(kept, probs, restorable, 0.4, 0.5, FarRestore(GAP - 1, 0.8), facts)[-2:] == [False, False]


def test_a_chunk_of_teaser_list_items_stays_dropped():
    kept, probs, restorable, facts = _layout([TEASER, TEASER, TEASER, PROSE])
    keep = decide(kept, probs, restorable, 0.4, 0.5, FarRestore(GAP + 1, 0.8), facts)
    assert not any(keep[2:])   # most of the chunk's words are list items: none of it, not its tail either


def test_the_far_restore_reads_outwards_both_ways():
    kept, probs, restorable, facts = _layout([PROSE, PROSE])
    def r(x: list) -> list:
        return x[::-1]
    keep = decide(r(kept), r(probs), r(restorable), 0.4, 0.5, FarRestore(GAP + 1, 0.8),
                  (r(facts[0]), r(facts[1])))
    assert keep[:2] == [True, True]


def test_a_weights_file_without_far_numbers_restores_nothing_far():
    def linear(names: tuple[str, ...]) -> dict:
        return {"features": list(names), "mean": [0.0] * len(names), "scale": [1.0] * len(names),
                "coef": [0.0] * len(names), "intercept": 0.0}
    d = {"pass1": linear(FEATURES), "pass2": linear(PASS2_FEATURES), "drop_below": 0.4, "restore_at": 0.5}
    m = model_from_dict(d, FEATURES, "test")
    assert (m.far_reach, m.far_share) == (0, 1.0)
    m = model_from_dict({**d, "far_reach": 10, "far_share": 0.9}, FEATURES, "test")
    assert (m.far_reach, m.far_share) == (10, 0.9)
