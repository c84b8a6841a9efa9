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


def test_printed_date_read_the_other_way_round_keeps_the_markup_date():
    # a German page printing "11/01/2021" month first: the markup says 1 November, not 11 January
    head = '<html lang="de"><meta property="article:published_time" content="2021-11-01T04:00:14Z">'
    body = "<p>Stand: 11/01/2021, 05:00</p>"
    doc = f"<html lang='de'><head><title>Ein Roller im Test</title>{head}</head>" \
          "<body><article><h1>Ein Roller im Test</h1>" \
          f"{body}{P}</article></body></html>"
    assert extract(doc, kind="html").published.date().isoformat() == "2021-11-01"


def test_comment_menu_and_updated_time_elements_are_not_the_story_date():
    from newsclean.meta.tags import TimeEl
    from newsclean.page import Page
    from newsclean.stages.dates import DatesStage

    def el(dt, text, hints, order):
        return TimeEl(datetime=dt, text=text, itemprop="", hints=hints, pubdate=False, order=order)

    class Head:
        times = [el("2023-11-01T13:56:20+01:00", "1. November 2023", "mod_datetime navtop", 1),
                 el("2020-09-23T18:19:06+02:00", "23.09.20", "kb-comment-box", 2),
                 el("2025-04-10T06:00", "Updated April 10, 2025", "published-date", 3),
                 el("2020-09-20T08:00", "20.09.2020", "article-meta", 4)]
    page = Page(kind="html", source="")
    page.handoffs.head = Head()
    assert DatesStage._from_times(page, True, datetime(2026, 1, 1))[0].date().isoformat() == "2020-09-20"


def test_dateline_opening_the_first_paragraph():
    lead = ("<p>31. Oktober 2023. "
            + "Dragqueens sind Kunstfiguren aus Make-Up und Glitter, auf Partys und in Shows. " * 4 + "</p>")
    doc = "<html lang='de'><head><title>Kolumne</title></head><body><article><h1>Kolumne: Queer Royal</h1>" + \
          lead + P + "</article></body></html>"
    assert extract(doc, kind="html").published.date().isoformat() == "2023-10-31"


def test_meta_named_published():
    head = '<meta name="published" content="July 17, 2025">'
    assert extract(html(head), kind="html").published.date().isoformat() == "2025-07-17"


def test_date_from_embedded_script_json_when_nothing_else():
    head = ('<script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z",'
            '"updatedDate":"2016-11-04T20:39:47Z"}</script>')
    doc = f"<html><head>{head}</head><body><article><h1>A review</h1>{P}</article></body></html>"
    assert extract(doc, kind="html").published.date().isoformat() == "2016-11-04"


def test_last_edited_date_when_the_page_prints_no_other():
    doc = (f"<html><head><title>Download</title></head><body><article><h1>Download Python</h1>{P}</article>"
           f"<p id='pageinfo'>BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by someone)</p></body></html>")
    assert extract(doc, kind="html").published.date().isoformat() == "2019-11-10"


def test_text_capture_dateline_after_many_share_lines():
    lines = ["Menu", "Black Friday per nostalgici: le occasioni da non perdere", "3.409", "letture"]
    lines += ["Share on Facebook", "Facebook", "Tweet", "Twitter", "Pin on Pinterest", "Pinterest", "Email",
              "email", "[fb_c]", "[tw_c]", "Film", "23 Nov 2017"]
    lines.append("Il Black Friday arriva anche per i nostalgici con tante occasioni da non perdere oggi. " * 3)
    url = "https://www.example.it/2017/black-friday-nostalgici-occasioni-da-non-perdere/"
    art = extract("\n\n".join(lines), kind="text", url=url)
    assert art.title == "Black Friday per nostalgici: le occasioni da non perdere"
    assert art.published.date().isoformat() == "2017-11-23"


def test_parenthesised_dateline_opening_the_first_paragraph():
    lead = "<p>(21. November 2022) " + \
        "Energieverbraucher erhalten eine Preiserhöhung nach der nächsten, leider. " * 4 + "</p>"
    doc = "<html lang='de'><head><title>Preise</title></head><body><article><h1>Energiepreiskrise</h1>" + \
          lead + P + "</article></body></html>"
    assert extract(doc, kind="html").published.date().isoformat() == "2022-11-21"


def test_byline_heading_deep_in_the_page_starts_the_dateline_search():
    menu = "".join(f"<p>Menu entry number {i}</p>" for i in range(80))
    lead = "<p>(21. November 2022) " + \
        "Energieverbraucher erhalten eine Preiserhöhung nach der nächsten, leider. " * 4 + "</p>"
    doc = (f"<html lang='de'><head><title>Preise</title></head><body>{menu}<div><h6>Energiepreiskrise</h6>"
           f"<h5>Von Leonora Holling</h5>{lead}{P}</div></body></html>")
    assert extract(doc, kind="html").published.date().isoformat() == "2022-11-21"


def test_forum_member_registration_date_is_not_the_post_date():
    ui = "".join(f"<li>{w}</li>" for w in ("Antworten", "Druckansicht", "Suche", "Zitat", "Melden", "Nach oben"))
    body = (f"<ul><li>r23</li><li>Beiträge: 1626</li><li>Registriert: 18.09.2008, 05:56</li>{ui}</ul>"
            "<p>Beitrag von r23 » 21.01.2009, 05:42</p>")
    doc = f"<html lang='de'><head><title>Forum</title></head><body><h1>Was ist Freie Software</h1>{body}{P}" \
          "</body></html>"
    assert extract(doc, kind="html").published.date().isoformat() == "2009-01-21"


def test_printed_date_backed_by_two_markup_sources_beats_a_lone_first_source():
    head = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline of the story",'
            '"datePublished":"2021-12-06 14:36"}</script>'
            '<meta property="article:published_time" content="2022-12-15T09:13:00">'
            '<meta name="date" content="2022-12-15">')
    art = extract(html(head, "<p>15.12.2022</p>"), kind="html")
    assert art.published.date().isoformat() == "2022-12-15"
    # one markup source alone does not overrule the first one
    head1 = head.replace('<meta name="date" content="2022-12-15">', "")
    assert extract(html(head1, "<p>15.12.2022</p>"), kind="html").published.date().isoformat() == "2021-12-06"


def test_lone_script_timestamp_is_the_last_resort():
    script = '<script>showDate("2020/04/17 01:43:09")</script>'
    doc = f"<html><head><title>A post</title></head><body><h1>A post</h1>{script}{P}</body></html>"
    assert extract(doc, kind="html").published.date().isoformat() == "2020-04-17"
    many = "".join(f'<script>t("2020/04/{d:02d} 01:43:09")</script>' for d in (17, 18))
    doc2 = f"<html><head><title>A post</title></head><body><h1>A post</h1>{many}{P}</body></html>"
    assert extract(doc2, kind="html").published is None


def test_printed_date_the_markup_calls_modified_wins_when_the_published_day_is_printed_nowhere():
    # the page shows one unlabelled date under the headline, the day its markup calls dateModified;
    # the markup's (earlier) datePublished appears nowhere in the text: readers see the shown date
    head = ('<script type="application/ld+json">{"@type":"Article","headline":"Headline of the story",'
            '"datePublished":"2019-08-11T09:00:00Z","dateModified":"2025-11-21T18:51:10Z"}</script>')
    body = "<p>By Jane Doe</p><p>November 21, 2025</p>"
    art = extract(html(head, body), kind="html")
    assert art.published.date().isoformat() == "2025-11-21"
    assert art.sources["published"] == "text:header-modified"
    # the published day printed somewhere on the page (here at the foot): the markup date stays
    foot = "<p>First published August 11, 2019</p>"
    doc = html(head, body).replace("</article>", "</article>" + foot)
    assert extract(doc, kind="html").published.date().isoformat() == "2019-08-11"
    # an earlier printed day that only dateModified backs does not override either
    head2 = head.replace("2025-11-21T18:51:10Z", "2019-08-01T10:00:00Z")
    assert extract(html(head2, "<p>August 1, 2019</p>"), kind="html").published.date().isoformat() == "2019-08-11"


def test_labelled_published_date_settles_markup_that_contradicts_itself():
    # JSON-LD stamps datePublished with the last save; the og tag says another day; the page labels
    # one date "Published" for readers (far below the headline): that one decides
    head = ('<script type="application/ld+json">{"@type":"Article","headline":"Headline of the story",'
            '"datePublished":"2025-11-29T12:28:31-05:00","dateModified":"2025-11-29T12:28:31-05:00"}</script>'
            '<meta property="article:published_time" content="2025-08-08T00:00:00-04:00">')
    foot = P * 2 + "<p>Published August 13, 2025</p>"
    doc = html(head).replace("</article>", foot + "</article>")
    art = extract(doc, kind="html")
    assert art.published.date().isoformat() == "2025-08-13"
    assert art.sources["published"] == "text:published-label"
    # teasers labelling several different days settle nothing; "Last published" is no publication date
    teasers = P * 2 + "<p>Published August 13, 2025</p><p>Published July 2, 2025</p>"
    assert extract(html(head).replace("</article>", teasers + "</article>"), kind="html").published.date() \
        .isoformat() == "2025-11-29"
    last = P * 2 + "<p>Last published August 13, 2025</p>"
    assert extract(html(head).replace("</article>", last + "</article>"), kind="html").published.date() \
        .isoformat() == "2025-11-29"
    # markup that agrees with itself is not second-guessed by a labelled date
    head1 = head.replace("2025-08-08T00:00:00-04:00", "2025-11-29T12:28:31-05:00")
    assert extract(html(head1).replace("</article>", foot + "</article>"), kind="html").published.date() \
        .isoformat() == "2025-11-29"


def test_updated_label_glued_to_the_byline_goes_to_modified():
    # inline elements joined without a space: "... Senior AnalystUpdated Sep 17, 2025"
    head = ('<script type="application/ld+json">{"@type":"Article","headline":"Headline of the story",'
            '"datePublished":"2019-08-14T13:00:00Z"}</script>')
    body = "<p>Written by: Jane Doe, Senior Analyst<span>Updated Sep 17, 2025</span></p>"
    art = extract(html(head, body), kind="html")
    assert art.published.date().isoformat() == "2019-08-14"
    assert art.modified is not None and art.modified.date().isoformat() == "2025-09-17"


# --- issue 13: update labels, CJK datelines (made-up pages) ---------------------------------------------
_BODY13 = "The committee met on Monday to discuss the new budget, and members said the plan was sound. " * 3


def test_text_updated_date_is_modified_not_published():
    from newsclean import extract
    for label in ("Last updated: 5 February 2025", "Zuletzt aktualisiert am 05.02.2025", "Last edited 5 February 2025"):
        lines = ["Budget talks resume in the capital city", label, "", _BODY13, "", _BODY13, "",
                 "Published: 3 February 2025"]
        art = extract("\n".join(lines), kind="text")
        assert art.published is not None and art.published.day == 3, label
        assert art.modified is not None and art.modified.day == 5, label
        assert label not in art.text


def test_html_updated_stamp_loses_to_a_published_label():
    from newsclean import extract
    page = ("<html><body><article><h1>Budget talks resume</h1><p>Updated 5 February 2025</p>"
            f"<p>{_BODY13}</p><p>{_BODY13}</p><p>Published: 3 February 2025</p></article></body></html>")
    art = extract(page, kind="html")
    assert art.published is not None and art.published.day == 3
    assert art.modified is not None and art.modified.day == 5


def test_text_cjk_dateline_read_and_dropped():
    from datetime import datetime

    from newsclean import extract
    for line, want in (("2025年2月3日 14時05分", datetime(2025, 2, 3, 14, 5)), ("2025年2月3日", datetime(2025, 2, 3))):
        art = extract("\n".join(["Budget talks resume in the capital city", line, "", _BODY13]), kind="text")
        assert art.published == want
        assert "2025年" not in art.text


def test_text_date_far_from_the_headline_read_by_the_ranker():
    from newsclean import extract
    lines = ["Example Gazette", "", "Budget talks resume in the capital city", "", _BODY13, "", _BODY13, "",
             _BODY13, "", "Posted in Politics", "Published: 3 February 2025 by Jane Doe", "", "Related stories", "",
             "  • Minister resigns over budget row (12 January 2025)"]
    art = extract("\n".join(lines), kind="text")
    assert art.published is not None and art.published.date().isoformat() == "2025-02-03"


def test_a_day_before_its_month_is_no_list_number():
    """A capture's line "6. Dezember 2022 von Fatima" is a date, not item 6 of a numbered list: the loader keeps
    the day in the text (the body prints it; the dates and byline stages read it)."""
    from newsclean.load.text import text_blocks
    blocks = text_blocks("6. Dezember 2022 von Fatima\n\n1. Dez. 2022\n\n6. Preheat the oven").blocks
    assert [(b.text, b.kind == "list_item") for b in blocks] == [
        ("6. Dezember 2022 von Fatima", False), ("1. Dez. 2022", False),
        ("Preheat the oven", True)]     # a real list item keeps its number as its mark


def test_date_and_time_patterns_are_written_verbose():
    """Issue 15: the long date/time patterns are commented (re.VERBOSE); they read what they read before."""
    import re

    from newsclean.normalize import dates
    for pat in (dates._ISO, dates._DAY_FIRST, dates._MONTH_FIRST, dates._DMY_DOT, dates._TIME_AFTER,
                dates._TIME_BEFORE, dates._CJK, dates._CJK_TIME):
        assert pat.flags & re.VERBOSE
    got = dates.find_dates("Published 3 February 2025 at 14:05 GMT+1, updated 2025-02-04T10:00:00Z")
    assert [f.value.isoformat() for f in got] == ["2025-02-03T14:05:00+01:00", "2025-02-04T10:00:00+00:00"]


def test_the_dates_stage_judges_dates_against_its_pinned_clock():
    # a capture printing one date: an event's day, later than the pinned clock
    capture = ("Big Summit Opens\n\nBy Ann Lee\n\nHouston (12/2/2026)\n\n"
               + "The city hosts the summit this winter. " * 8)
    late = datetime(2026, 12, 5, tzinfo=timezone.utc)
    before = Pipeline(options={"dates": {"now": datetime(2026, 11, 30)}}).extract(capture, kind="text")
    after = Pipeline(options={"dates": {"now": late}}).extract(capture, kind="text")
    assert before.published is None                  # more than a day ahead of the clock: no publication date
    assert after.published is not None and after.published.date().isoformat() == "2026-12-02"
