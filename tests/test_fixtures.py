"""Golden fixtures end to end: every ``*.expected.json`` under tests/fixtures is checked against a
fresh extraction of the page it names (``input``, relative to the expectations file)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import extract
from newsclean.testing import check_article, load_expected

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.rglob("*.expected.json"))


def test_there_are_enough_fixtures():
    kinds = {load_expected(p).get("kind") or ("text" if load_expected(p)["input"].endswith(".txt") else "html")
             for p in CASES}
    assert len(CASES) >= 11 and kinds == {"html", "text"}


@pytest.mark.parametrize("expected_path", CASES, ids=[p.name.replace(".expected.json", "") for p in CASES])
def test_fixture(expected_path: Path):
    gold = load_expected(expected_path)
    page = expected_path.parent / gold["input"]
    article = extract(page, url=gold.get("url"), kind=gold.get("kind"))
    checks = check_article(article.to_dict(), gold)
    failed = [str(c) for c in checks if not c.ok]
    assert checks, "the expectations file checks nothing"
    assert not failed, "\n".join(failed)
