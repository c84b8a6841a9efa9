"""The page-type training script is deterministic: the same tune pages give the same weights file, byte
for byte (checked on a small sample; skipped without ../shared/bench or scikit-learn)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"

pytestmark = pytest.mark.skipif(not (BENCH / "wcxb" / "dev-other" / "ground-truth.json").exists(),
                                reason="../shared/bench (WCXB dev pages) is not here")


def _train_module():
    pytest.importorskip("sklearn")
    return load_script("benchmarks/train/page_type.py", "page_type_train")


def test_training_twice_on_a_sample_gives_the_same_file() -> None:
    train = _train_module()
    X1, y1 = train.collect(BENCH, "tune", limit=6)
    X2, y2 = train.collect(BENCH, "tune", limit=6)
    assert y1 == y2 and X1 == X2
    assert len(set(y1)) >= 2  # articles and at least one other type
    first = train.to_json(train.train(X1, y1))
    assert first == train.to_json(train.train(X2, y2))
    assert '"classes"' in first and all(t in first for t in ("article", "service"))


def test_training_reads_no_check_page() -> None:
    train = _train_module()
    ids = [pid for pid, _, _ in train.pages(BENCH, "tune")]
    assert ids and not any(train.is_check(pid.split("/")[1]) for pid in ids)


@pytest.mark.skipif(not (shutil.which("links") and shutil.which("html2text")),
                    reason="the capture model's renderers (Debian links and html2text) are not installed")
def test_the_capture_model_trains_the_same_twice_on_rendered_captures(tmp_path: Path) -> None:
    train = _train_module()
    X1, y1 = train.collect(BENCH, "tune", limit=3, captures=tmp_path)   # renders into tmp_path
    X2, y2 = train.collect(BENCH, "tune", limit=3, captures=tmp_path)   # reads the renders back
    assert y1 == y2 and X1 == X2 and len(y1) == 9 * len(train.CAPTURE_PRINTS)  # 3 pages per folder, ScrapingHub too
    assert not any(k == "link_density" for row in X1 for k in row)
    assert sum(any(k.startswith("url_") for k in row) for row in X1) == 9 * len(train.CAPTURE_WITH_URL)
    first = train.to_json(train.train(X1, y1), captures=True)
    assert first == train.to_json(train.train(X2, y2), captures=True) and "text captures" in first
