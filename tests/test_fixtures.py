"""Golden fixtures end to end. Every ``*.expected.json`` under tests/fixtures is collected as its own
test item by the newsclean pytest plug-in (``--newsclean-fixtures=tests/fixtures`` in pyproject's
addopts); this module checks that the plug-in is active and that the fixture set stays broad."""
from __future__ import annotations

from pathlib import Path

from newsclean.testing import load_expected

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.rglob("*.expected.json"))


def test_there_are_enough_fixtures_of_both_kinds():
    kinds = set()
    for p in CASES:
        gold = load_expected(p)
        kinds.add(gold.get("kind") or ("text" if gold["input"].endswith(".txt") else "html"))
        assert (p.parent / gold["input"]).is_file(), f"{p.name}: input {gold['input']} is missing"
    assert len(CASES) >= 11 and kinds == {"html", "text"}


def test_plugin_collects_our_fixtures(pytestconfig):
    dirs = [Path(d).resolve() for d in pytestconfig.getoption("newsclean_fixtures")]
    assert FIXTURES.resolve() in dirs
