"""The fixture workflow users run on their own sites: record, check (with diffs), update, loose rules,
and the pytest plug-in (through pytester)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.errors import NewscleanError
from newsclean.testing import (
    ExpectationsError,
    check_article,
    load_expected,
    validate_expected,
)

PAGE = """<html><head><title>Cats win the vote | Daily Example</title>
<meta property="og:title" content="Cats win the vote"></head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Cats win the vote</h1>
<p>In a result nobody expected, the cats of the town won the vote by a wide margin on Tuesday night.</p>
<p>The dogs, who had campaigned for months, said they would ask for a recount before the end of the week.</p>
</article><footer>© Daily Example. All rights reserved.</footer></body></html>"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "cats.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "cats.url").write_text("https://example.org/cats\n", encoding="utf-8")
    return tmp_path


def test_record_then_check_passes(site, capsys):
    assert main(["fixtures", "record", str(site)]) == 0
    rec = json.loads((site / "cats.expected.json").read_text(encoding="utf-8"))
    assert rec["input"] == "cats.html" and rec["url_hint"] == "https://example.org/cats"
    assert "the cats of the town won the vote" in rec["text"]
    assert main(["fixtures", "check", str(site)]) == 0
    assert "1 passed, 0 failed" in capsys.readouterr().out


def test_check_shows_a_diff_and_fails_then_update_fixes(site, capsys):
    main(["fixtures", "record", str(site)])
    path = site / "cats.expected.json"
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec["text"] = rec["text"].replace("wide margin", "narrow margin")
    rec["title"] = "Dogs win the vote"
    path.write_text(json.dumps(rec), encoding="utf-8")
    capsys.readouterr()
    assert main(["fixtures", "check", str(site)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "title" in out
    assert "-In a result nobody expected, the cats of the town won the vote by a narrow margin" in out
    assert "+In a result nobody expected, the cats of the town won the vote by a wide margin" in out
    assert main(["fixtures", "check", str(site), "--update"]) == 0
    assert main(["fixtures", "check", str(site)]) == 0


def test_loose_rules(site, capsys):
    (site / "cats.expected.json").write_text(json.dumps({
        "input": "cats.html",
        "must_contain": ["won the vote by a wide margin"],
        "must_not_contain": ["All rights reserved", "Home"],
        "ignore": ["title"],
        "title": "something else entirely",
        "body_reference": "In a result nobody expected, the cats of the town won the vote by a wide margin on "
                          "Tuesday night. The dogs, who had campaigned for months, said they would ask for a "
                          "recount before the end of the week.",
        "min_body_f1": 0.9,
    }), encoding="utf-8")
    assert main(["fixtures", "check", str(site)]) == 0
    (site / "cats.expected.json").write_text(json.dumps({
        "input": "cats.html", "must_contain": ["a landslide"]}), encoding="utf-8")
    assert main(["fixtures", "check", str(site)]) == 1
    assert "body contains 'a landslide'" in capsys.readouterr().out


def test_check_errors(tmp_path, capsys):
    assert main(["fixtures", "check", str(tmp_path / "nope")]) == 2
    assert main(["fixtures", "check", str(tmp_path)]) == 2  # nothing to check


def test_pytest_plugin_collects_one_item_per_fixture(site, pytester):
    main(["fixtures", "record", str(site)])
    bad = dict(json.loads((site / "cats.expected.json").read_text(encoding="utf-8")))
    bad["title"] = "Dogs win the vote"
    (site / "dogs.html").write_text(PAGE, encoding="utf-8")
    bad["input"] = "dogs.html"
    (site / "dogs.expected.json").write_text(json.dumps(bad), encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider", f"--newsclean-fixtures={site}", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*cats*PASSED*", "*dogs*FAILED*", "*FAIL title: expected 'Dogs win the vote'*"])


# --- unknown keys are errors, mismatches show both sides (issue 14, item 12)

def test_unknown_key_is_an_error_naming_file_key_and_close_match(site, capsys):
    path = site / "cats.expected.json"
    path.write_text(json.dumps({"input": "cats.html", "must_contian": ["a landslide"]}), encoding="utf-8")
    with pytest.raises(ExpectationsError) as exc:
        load_expected(path)
    msg = str(exc.value)
    assert str(path) in msg and "'must_contian'" in msg and "did you mean 'must_contain'" in msg
    assert isinstance(exc.value, NewscleanError)
    assert main(["fixtures", "check", str(site)]) == 1  # reported as that fixture's error, not skipped
    out = capsys.readouterr().out
    assert "ERROR cats" in out and "'must_contian'" in out and "0 passed, 1 failed" in out


def test_notes_and_known_keys_are_accepted():
    gold = {"input": "x.html", "source": "by hand", "title_note": "from the <h1>", "ignore": ["title"]}
    assert validate_expected(gold) is gold
    with pytest.raises(ExpectationsError, match="'ignore' names unknown field 'titel'.*'title'"):
        validate_expected({"ignore": ["titel"]})
    with pytest.raises(ExpectationsError, match="did you mean 'authors'"):
        check_article({"authors": []}, {"autors": ["A"]})


def test_authors_and_date_mismatches_show_expected_and_got():
    got = {"authors": ["Jane Roe"], "published": "2025-01-13T05:01:00"}
    checks = {c.name: c for c in check_article(got, {"authors": ["John Doe", "Jane Roe"],
                                                     "published": "2025-01-12T05:01:00-05:00"})}
    assert not checks["authors"].ok and not checks["published"].ok
    assert "expected ['John Doe', 'Jane Roe'], got ['Jane Roe']" in str(checks["authors"])
    assert "expected '2025-01-12T05:01:00-05:00', got '2025-01-13T05:01:00'" in str(checks["published"])
