"""The fitted HTML block weights of the container choice (boilerplate.block_weights), on made-up blocks."""
from __future__ import annotations

import pytest

from newsclean.page import Block
from newsclean.stages.boilerplate import block_weights

PROSE = "The council agreed on Tuesday to close the old bridge for two years while engineers rebuild it."


def _weight(text: str, kind: str = "paragraph", ld: float = 0.0, lead: int = 0, card: bool = False) -> float:
    model = block_weights.load_model()
    return block_weights.weight(Block(0, text, kind, {"link_density": ld, "lead_link": lead}), card, model)


def test_features_name_what_the_block_is() -> None:
    f = dict(zip(block_weights.FEATURES, block_weights.features(Block(0, "Home", "list_item", {"link_density": 1.0}),
                                                                False)))
    assert f["list_item"] == f["linky"] == f["few_words"] == f["short"] == 1.0 and f["prose"] == 0.0
    cjk = Block(0, "東京都は三日、新しい橋の工事を始めると発表した。" * 2)
    g = dict(zip(block_weights.FEATURES, block_weights.features(cjk, True)))
    assert g["cjk"] == g["teaser_card"] == 1.0


def test_prose_counts_for_its_container_links_and_labels_against() -> None:
    assert _weight(PROSE) > 0.8 * len(PROSE)
    assert _weight(PROSE, ld=1.0) < 0
    assert _weight("Home", kind="list_item", ld=1.0) < 0
    assert _weight("Share") < 0
    assert _weight(PROSE, card=True) < _weight(PROSE)
    assert _weight("Bridge closes", kind="heading") == 0.0


def test_shipped_weights_match_the_features() -> None:
    raw = block_weights.read_weights()
    assert tuple(raw["features"]) == block_weights.FEATURES
    assert len(raw["weights"]) == len(raw["mean"]) == len(raw["scale"]) == len(block_weights.FEATURES)


def test_the_folded_model_gives_the_file_s_probability() -> None:
    import math

    raw = block_weights.read_weights()
    b = Block(0, PROSE, "list_item", {"link_density": 0.2, "lead_link": 0})
    f = block_weights.features(b, False)
    z = raw["bias"] + sum(w * (x - m) / s for x, m, s, w in zip(f, raw["mean"], raw["scale"], raw["weights"]))
    p = 1 / (1 + math.exp(-z))
    expected = raw["gain_for"] * len(PROSE) * (2 * p - 1)
    assert abs(block_weights.weight(b, False, block_weights.load_model()) - expected) < 1e-6


def test_retraining_reproduces_the_weights_byte_for_byte() -> None:
    """Slow (a few minutes) and needs the bench and scikit-learn: run with NEWSCLEAN_TRAIN_CHECK=1."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    if not os.environ.get("NEWSCLEAN_TRAIN_CHECK") or not (root.parent / "shared" / "bench" / "wcxb").exists():
        pytest.skip("set NEWSCLEAN_TRAIN_CHECK=1 (with ../shared/bench present) to retrain and compare")
    done = subprocess.run([sys.executable, str(root / "benchmarks" / "train" / "train_html_block_weights.py"),
                           "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-500:]
