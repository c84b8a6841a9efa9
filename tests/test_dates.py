"""Stage 'dates': published vs modified, zones, plausibility, datelines."""
from datetime import datetime, timedelta, timezone

from newsclean import Pipeline, extract

P = "<p>" + "A long paragraph of article text that goes on for a while to look like a body. " * 4 + "</p>"


def html(head="", body="", title="Headline of the story"):
    return f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>{body}{P}" \
           f"</article></body></html>"


def test_published_and_modified_kept_apart():
    head = ('<meta property="article:published_time" content="2020-03-01T10:00:00+01:00">'
            '<meta property="article:modified_time" content="2020-04-01T10:00:00+02:00">')
    art = extract(html(head), kind="html")
    assert art.published == datetime(2020, 3, 1, 10, tzinfo=timezone(timedelta(hours=1)))
    assert art.modified == datetime(2020, 4, 1, 10, tzinfo=timezone(timedelta(hours=2)))


def test_jsonld_date_preferred_over_meta():
    head = ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-05-05"}</script>'
            '<meta name="date" content="2021-06-06">')
    assert extract(html(head), kind="html").published.date().isoformat() == "2021-05-05"


def test_future_and_ancient_dates_rejected():
    head = ('<meta property="article:published_time" content="2999-01-01">'
            '<meta name="date" content="1970-01-01"><meta name="dc.date" content="2018-02-03">')
    assert extract(html(head), kind="html").published == datetime(2018, 2, 3)


def test_printed_local_date_beats_utc_timestamp_a_day_off():
    head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-04T02:41:00Z"}</script>'
    art = extract(html(head, "<p>3 May 2022 22:41</p>"), kind="html")
    assert art.published.date().isoformat() == "2022-05-03"


def test_url_date_as_weak_fallback():
    art = extract(html(), kind="html", url="https://example.org/2019/10/16/story")
    assert art.published == datetime(2019, 10, 16)
    assert art.sources["published"] == "url"


def test_text_dateline_with_named_zone_is_dst_correct_and_dropped():
    lines = ["Leaders meet to discuss the new trade agreement", "", "By Jane Doe", "July 4, 2024, 10:00 PM ET",
             "Leaders from both countries met on Monday to discuss a new agreement on trade, officials said. " * 3]
    page = Pipeline().process("\n".join(lines), kind="text")
    assert page.get("published").isoformat() == "2024-07-04T22:00:00-04:00"
    datelines = [b for b in page.blocks if b.role == "dateline"]
    assert datelines and not datelines[0].kept


def test_updated_line_goes_to_modified():
    lines = ["Leaders meet to discuss the new trade agreement", "", "Published 3 March 2024",
             "Updated 5 March 2024",
             "Leaders from both countries met on Monday to discuss a new agreement on trade, officials said. " * 3]
    art = extract("\n".join(lines), kind="text")
    assert art.published.date().isoformat() == "2024-03-03"
    assert art.modified is None or art.modified.date().isoformat() == "2024-03-05"


def test_german_dateline():
    body = "<p>14. Oktober 2019, 17:30 Uhr</p>"
    assert extract(html(body=body), kind="html").published == datetime(2019, 10, 14, 17, 30)


def test_other_stories_dates_not_taken_in_text():
    lines = ["Leaders meet to discuss the new trade agreement", "", "By Jane Doe", "January 13, 2025",
             "Leaders from both countries met on Monday to discuss a new agreement on trade, officials said. " * 3,
             "Latest", "Other story headline here today", "By Other Editors", "October 20, 2025"]
    assert extract("\n".join(lines), kind="text").published.date().isoformat() == "2025-01-13"
