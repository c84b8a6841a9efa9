"""The body search's fitted weights (``boilerplate/text.py`` ``BODY_SEARCH``) and their training script."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsclean.stages.boilerplate import text as body_search
from tests.scripts import load_script

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"


def test_the_pinned_weights_are_on_the_scripts_grid():
    mod = load_script("benchmarks/train/fit_body_search.py", "nc_fit_body_search")
    pinned = dataclasses.asdict(body_search.BODY_SEARCH)
    assert set(pinned) == set(mod.GRID)
    assert all(pinned[k] in mod.GRID[k] for k in pinned)


@pytest.mark.skipif(not (SHARED / "captures").is_dir(), reason="needs ../shared/bench (benchmark data)")
def test_the_search_is_deterministic_on_a_sample_and_leaves_the_shipped_weights_alone(monkeypatch):
    mod = load_script("benchmarks/train/fit_body_search.py", "nc_fit_body_search")
    monkeypatch.setattr(mod, "GRID", {"point": (-1.0, 1.5), "marker": (-20.0,), "loose": (0.5,)})
    monkeypatch.setattr(mod, "_PAGES", mod.load_pages(SHARED, Path("/nonexistent-cache"), 2))
    ev = mod.load_module("nc_evaluate", SHARED / "evaluate.py")
    shipped = body_search.BODY_SEARCH
    start = {"point": -1.0, "marker": -20.0, "loose": 0.5}
    first = mod.search(start, ev, 1)
    assert first == mod.search(start, ev, 1)
    assert first["point"] in (-1.0, 1.5)
    assert body_search.BODY_SEARCH == shipped   # (the workers set it in their own processes only)
