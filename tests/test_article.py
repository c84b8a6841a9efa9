"""Article: frozen, JSON with exactly the documented keys, Markdown keeps structure."""
from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest

from newsclean import Article, Paragraph, Removed

KEYS = {"text", "paragraphs", "title", "authors", "published", "modified", "site_name", "section", "tags",
        "description", "language", "url", "image", "kind", "page_type", "page_type_confidence", "removed", "sources"}


def make() -> Article:
    return Article(
        text="Intro.\n\nSub\n\nOne\n\nTwo",
        paragraphs=(Paragraph("Intro."), Paragraph("Sub", "heading", 2), Paragraph("One", "list_item"),
                    Paragraph("Two", "list_item"), Paragraph("A quote", "quote"), Paragraph("a\tb\nc\td", "table")),
        title="T", authors=("A B",), published=datetime(2025, 1, 13, 5, 1, tzinfo=timezone(timedelta(hours=-5))),
        removed=(Removed("Home", "navigation", "menu"),), sources={"title": "json-ld"},
    )


def test_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        make().title = "x"  # type: ignore[misc]


def test_to_dict_keys_and_dates():
    d = make().to_dict()
    assert set(d) == KEYS
    assert d["published"] == "2025-01-13T05:01:00-05:00"
    assert d["modified"] is None
    assert d["removed"][0] == {"index": -1, "kind": "paragraph", "stage": "navigation", "reason": "menu",
                               "text": "Home"}
    assert json.loads(make().to_json()) == d


def test_markdown_structure():
    md = make().to_markdown()
    assert md.startswith("# T\n")
    assert "## Sub" in md
    assert "- One\n- Two" in md
    assert "> A quote" in md
    assert "| a | b |\n| --- | --- |\n| c | d |" in md
