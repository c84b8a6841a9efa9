"""Dates keep the zone the page states and get none when it states none (issue 14, item 14): a page
without a zone gives a naive datetime (no zone is invented), a page with one an aware datetime."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from newsclean import extract

BODY = "<p>" + "A long paragraph of article text that goes on for a while to look like a body. " * 4 + "</p>"


def _page(published: str) -> str:
    return (f'<html><head><meta property="article:published_time" content="{published}"></head>'
            f"<body><article><h1>Headline</h1>{BODY}</article></body></html>")


@pytest.mark.parametrize(("value", "want"), [
    ("2024-03-05T10:00:00", datetime(2024, 3, 5, 10)),
    ("2024-03-05", datetime(2024, 3, 5)),
])
def test_zone_less_page_gives_a_naive_datetime(value, want):
    art = extract(_page(value), url="https://example.org/a", kind="html")
    assert art.published == want and art.published.tzinfo is None
    assert json.loads(art.to_json())["published"] == want.isoformat()  # no offset written


@pytest.mark.parametrize(("value", "offset"), [
    ("2024-03-05T10:00:00+02:00", timedelta(hours=2)),
    ("2024-03-05T10:00:00Z", timedelta(0)),
])
def test_zoned_page_gives_an_aware_datetime(value, offset):
    art = extract(_page(value), url="https://example.org/a", kind="html")
    assert art.published == datetime(2024, 3, 5, 10, tzinfo=timezone(offset))
    assert art.published.utcoffset() == offset


def test_text_capture_named_zone_is_aware_and_plain_date_naive():
    para = "A long paragraph of article text that goes on for a while to look like a body. " * 4
    zoned = extract(f"Headline\n\nBy Jane Doe\nJanuary 13, 2025, 5:01 AM ET\n\n{para}\n", kind="text")
    plain = extract(f"Headline\n\nBy Jane Doe\nJanuary 13, 2025\n\n{para}\n", kind="text")
    assert zoned.published == datetime(2025, 1, 13, 5, 1, tzinfo=timezone(timedelta(hours=-5)))
    assert plain.published == datetime(2025, 1, 13) and plain.published.tzinfo is None
