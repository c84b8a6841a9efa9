"""Record and check fixture expectations for a directory of saved pages.

A page is any ``*.html``, ``*.htm``, ``*.xhtml`` or ``*.txt`` file; ``<name>.url`` beside it gives its
URL. Its expectations live in ``<name>.expected.json`` (``name`` = the file name without its suffix).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean.pipeline import Pipeline
from newsclean.testing.expectations import (
    Check,
    ExpectationsError,
    check_article,
    load_expected,
)

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
#: the Article fields a recording pins exactly
RECORDED_FIELDS = ("title", "authors", "published", "modified", "site_name", "section", "tags",
                   "description", "language", "url", "image", "text")


def find_pages(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def find_expectations(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.expected.json"))


def expected_path_for(page: Path) -> Path:
    return page.with_name(page.stem + ".expected.json")


def url_for(page: Path) -> str | None:
    u = page.with_name(page.stem + ".url")
    return u.read_text(encoding="utf-8").strip() or None if u.is_file() else None


def record_page(page: Path, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Extract ``page`` and return its expectations: the input, URL, kind and every recorded field."""
    url = url_for(page)
    article = (pipeline or Pipeline()).extract(page, url=url)
    data = article.to_dict()
    rec: dict[str, Any] = {"input": page.name, "kind": article.kind}
    if url:
        rec["url_hint"] = url
    rec.update({k: data[k] for k in RECORDED_FIELDS})
    return rec


def write_expected(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@dataclass
class FixtureResult:
    expected_path: Path
    checks: list[Check] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and all(c.ok for c in self.checks)

    @property
    def name(self) -> str:
        return self.expected_path.name[: -len(".expected.json")]

    def report(self) -> str:
        if self.error:
            return f"ERROR {self.name}: {self.error}"
        failed = [c for c in self.checks if not c.ok]
        if not failed:
            return f"ok    {self.name} ({len(self.checks)} checks)"
        lines = [f"FAIL  {self.name}: {len(failed)} of {len(self.checks)} checks failed"]
        lines += ["  " + str(c).replace("\n", "\n    ") for c in failed]
        return "\n".join(lines)


def check_fixture(expected_path: Path, pipeline: Pipeline | None = None) -> tuple[FixtureResult, dict[str, Any] | None]:
    """Re-extract the page an expectations file names and run its checks.

    Returns the result and the fresh Article dict (None when the page could not be extracted)."""
    from newsclean.errors import NewscleanError

    result = FixtureResult(expected_path)
    try:
        gold = load_expected(expected_path)
    except (OSError, ValueError) as exc:
        result.error = f"cannot read expectations: {exc}"
        return result, None
    except ExpectationsError as exc:  # an unknown key: the message names the file and the key
        result.error = str(exc)
        return result, None
    if "input" not in gold:
        result.error = "expectations have no 'input' (the page file name)"
        return result, None
    page = expected_path.parent / gold["input"]
    url = gold.get("url_hint") or gold.get("url_input") or (url_for(page) if page.exists() else None)
    try:
        got = (pipeline or Pipeline()).extract(page, url=url, kind=gold.get("kind")).to_dict()
    except NewscleanError as exc:
        result.error = str(exc)
        return result, None
    result.checks = check_article(got, gold)
    if not result.checks:
        result.error = "expectations check nothing"
    return result, got


def update_expected(expected_path: Path, got: dict[str, Any]) -> None:
    """Rewrite the recorded fields an expectations file pins; hand-written rules stay as they are."""
    gold = load_expected(expected_path)
    for k in RECORDED_FIELDS:
        if k in gold:
            gold[k] = got.get(k)
    write_expected(expected_path, gold)
