"""Normalisers: dates, named zones (DST), author names, titles, language guess."""
from datetime import datetime, timedelta, timezone

import pytest

from newsclean.normalize.authors import normalize_authors, split_names, swap_last_first
from newsclean.normalize.dates import find_dates, parse_iso, plausible, url_date
from newsclean.normalize.language import guess_language
from newsclean.normalize.titles import same_title, strip_site, word_overlap
from newsclean.normalize.zones import zone_offset


def _off(dt):
    return dt.utcoffset()


# --- zones --------------------------------------------------------------------------------
@pytest.mark.parametrize("name,local,hours", [
    ("ET", datetime(2025, 1, 13, 5, 1), -5),       # winter
    ("ET", datetime(2025, 7, 4, 10, 0), -4),       # summer
    ("ET", datetime(2025, 3, 9, 1, 59), -5),       # just before the 2025 switch (2nd Sunday of March)
    ("ET", datetime(2025, 3, 9, 3, 0), -4),
    ("ET", datetime(2025, 11, 2, 1, 0), -4),       # before the fall-back hour (1st Sunday of November)
    ("ET", datetime(2025, 11, 2, 2, 0), -5),
    ("PT", datetime(2006, 4, 1, 12, 0), -8),       # pre-2007 rule: first Sunday of April (Apr 2, 2006)
    ("PT", datetime(2006, 4, 3, 12, 0), -7),
    ("CEST", datetime(2020, 1, 1), 2),             # a fixed abbreviation stays what it says
    ("UK", datetime(2024, 3, 31, 0, 30), 0),       # EU switch at 01:00 UTC, last Sunday of March
    ("UK", datetime(2024, 3, 31, 2, 0), 1),
    ("GMT", datetime(2024, 7, 1), 0),
])
def test_zone_offsets_are_dst_correct(name, local, hours):
    assert zone_offset(name, local) == timezone(timedelta(hours=hours))


@pytest.mark.parametrize("name,local,hours", [
    ("MEZ/MESZ", datetime(1995, 10, 15, 12, 0), 1),  # German summer time ended in September until 1996
    ("UK", datetime(1995, 10, 25, 12, 0), 0),        # British Summer Time ended on the 4th Sunday of October
    ("AT", datetime(2024, 7, 1, 12, 0), -3),
])
def test_zone_offsets_follow_the_zone_database_history(name, local, hours):
    assert zone_offset(name, local) == timezone(timedelta(hours=hours))


def test_every_seasonal_zone_name_is_in_the_zone_database():
    from zoneinfo import ZoneInfo

    from newsclean.normalize._data import load_json

    for name, key in load_json("meta_zones.json")["seasonal"].items():
        assert ZoneInfo(key) is not None, name


def test_zone_missing_from_the_database_reads_as_unknown(monkeypatch):
    from newsclean.normalize import zones

    monkeypatch.setitem(zones.load_json("meta_zones.json")["seasonal"], "XT", "Nowhere/Atlantis")
    assert zone_offset("XT", datetime(2024, 1, 1)) is None


def test_unknown_zone_is_none():
    assert zone_offset("XYZ", datetime(2024, 1, 1)) is None


# --- dates --------------------------------------------------------------------------------
def test_english_date_with_time_and_et_zone():
    (f,) = find_dates("January 13, 2025, 5:01 AM ET")
    assert f.value == datetime(2025, 1, 13, 5, 1, tzinfo=timezone(timedelta(hours=-5)))
    assert f.value.isoformat() == "2025-01-13T05:01:00-05:00"


def test_summer_et_is_minus_four():
    (f,) = find_dates("Published July 4, 2024 10:00 PM ET")
    assert f.value.isoformat() == "2024-07-04T22:00:00-04:00"


@pytest.mark.parametrize("text,expected", [
    ("13. Oktober 2019, 17:30 Uhr", datetime(2019, 10, 13, 17, 30)),
    ("16 de octubre de 2019", datetime(2019, 10, 16)),
    ("1er janvier 2020 à 10h30", datetime(2020, 1, 1, 10, 30)),
    ("12 maggio 2021", datetime(2021, 5, 12)),
    ("3 de março de 2022", datetime(2022, 3, 3)),
    ("5 maart 2020", datetime(2020, 3, 5)),
    ("16.10.2019", datetime(2019, 10, 16)),
    ("Oct. 16, 2019", datetime(2019, 10, 16)),
    ("2019/10/16", datetime(2019, 10, 16)),
])
def test_reader_dates_in_several_languages(text, expected):
    found = find_dates(text)
    assert found and found[0].value == expected


def test_mesz_gives_plus_two():
    (f,) = find_dates("Montag, 14. Oktober 2019 um 10:21 Uhr MESZ")
    assert f.value.utcoffset() == timedelta(hours=2)


def test_lowercase_word_after_time_is_not_a_zone():
    (f,) = find_dates("14. Oktober 2019 um 10:21 Uhr ist es passiert")
    assert f.value.tzinfo is None


def test_month_name_glued_to_the_word_before():
    # inline elements printed without a space between them: "By Jane DoeMar 5, 2025"
    found = find_dates("ByKathryn GiuffridaMar 5, 2025 | 6 comments")
    assert [f.value for f in found] == [datetime(2025, 3, 5)]
    assert found[0].start == len("ByKathryn Giuffrida")
    assert find_dates("Updated onFebruary 9, 2026")[0].value == datetime(2026, 2, 9)
    # only a capitalised month after a lower-case letter: no month hidden inside a word
    assert find_dates("the summar 5, 2025 plan") == []
    assert find_dates("ABCMar 5, 2025") == []


def test_slash_dates_follow_dayfirst():
    assert find_dates("03/05/2022", dayfirst=True)[0].value == datetime(2022, 5, 3)
    assert find_dates("03/05/2022", dayfirst=False)[0].value == datetime(2022, 3, 5)
    assert find_dates("25/12/2022")[0].value == datetime(2022, 12, 25)  # unambiguous


def test_parse_iso_variants():
    assert parse_iso("2019-10-16T12:34:56.123Z") == datetime(2019, 10, 16, 12, 34, 56, tzinfo=timezone.utc)
    assert parse_iso("2019-10-16T12:34:56+0200").utcoffset() == timedelta(hours=2)
    assert parse_iso("2019-10-16") == datetime(2019, 10, 16)
    assert parse_iso("20191016") == datetime(2019, 10, 16)
    assert parse_iso("Wed, 04 May 2022 02:41:00 GMT").utcoffset() == timedelta(0)


@pytest.mark.parametrize("junk", ["", "soon", "2019-13-45", "99/99/9999", None, 12, "x" * 500])
def test_bad_dates_never_raise(junk):
    assert parse_iso(junk) is None or isinstance(parse_iso(junk), datetime)
    if isinstance(junk, str):
        find_dates(junk)


def test_plausibility_window():
    now = datetime(2025, 6, 1)
    assert plausible(datetime(2025, 5, 31), now)
    assert not plausible(datetime(1989, 12, 31), now)
    assert not plausible(datetime(2025, 6, 5), now)


def test_url_dates():
    assert url_date("https://example.org/2019/10/16/some-story") == datetime(2019, 10, 16)
    assert url_date("https://example.org/news/20191016-some-story.html") == datetime(2019, 10, 16)
    assert url_date("https://example.org/article/825076-story") is None
    assert url_date(None) is None


# --- authors ------------------------------------------------------------------------------
@pytest.mark.parametrize("raw,expected", [
    ("By Jane Doe and John Roe, Staff Writers", ["Jane Doe", "John Roe"]),
    ("Von Heike Buchter", ["Heike Buchter"]),
    ("ByAlex Bozarjian", ["Alex Bozarjian"]),
    ("Jane Doe, MD", ["Jane Doe"]),
    ("Dylan Bailey, FAND", ["Dylan Bailey"]),
    ("Rui Ma", ["Rui Ma"]),                                  # "Ma" is a name here, not a degree
    ("Perry Bacon Jr.", ["Perry Bacon Jr"]),
    ("Jane Doe (@jdoe), jane@example.org", ["Jane Doe"]),
    ("By JANE DOE | Updated Jan 3, 2020", ["JANE DOE"]),
    ("Max Muster und Erika Musterfrau", ["Max Muster", "Erika Musterfrau"]),
    ("By Associated Press", ["Associated Press"]),
    ("Text von Christian Seiler Illustration von Markus Roost", ["Christian Seiler"]),
    ("Dec 17, 2025 Julian K. Arni", ["Julian K. Arni"]),
    ("View all posts by Daniel Lemire", ["Daniel Lemire"]),
    ("Benjamin Johnson, Sr Director of Operations", ["Benjamin Johnson"]),
    ("Katerina &amp; Maria", ["Katerina", "Maria"]),
    ("admin", []),
])
def test_author_normalisation(raw, expected):
    assert normalize_authors(raw) == expected


def test_authors_deduplicated_in_order():
    assert normalize_authors(["Soo-Hyang Choi", "Bloomberg", "soo-hyang choi"]) == ["Soo-Hyang Choi", "Bloomberg"]


def test_last_first_swap():
    assert swap_last_first("Roy, Aniruddha") == "Aniruddha Roy"
    assert swap_last_first("Jane Doe") == "Jane Doe"


def test_split_names_odd_input():
    assert split_names(None) == []  # type: ignore[arg-type]
    assert split_names("") == []


# --- titles / language --------------------------------------------------------------------
def test_strip_site_name_parts():
    assert strip_site("Bohren, bis es heiß wird | ZEIT ONLINE", "ZEIT ONLINE", None) == "Bohren, bis es heiß wird"
    assert strip_site("Example News - Big story today", None, "https://www.examplenews.com/x") == "Big story today"
    # a dash inside the headline is kept when no part names the site
    assert strip_site("Sazerac - alles über den Cocktail", "watson", None) == "Sazerac - alles über den Cocktail"


def test_title_comparisons():
    assert same_title("“Quoted” headline", '"Quoted" Headline')
    assert word_overlap("Best Travel Insurance for Seniors", "Best Travel Insurance for Seniors in 2025") == 1.0


def test_language_guess():
    assert guess_language("Der Hund und die Katze sind nicht mit dem Auto auf der Straße, das ist für " * 3) == "de"
    assert guess_language("The dog and the cat were on the road, and it is for the best " * 3) == "en"
    assert guess_language("12345") is None


def test_place_between_names_dropped_agency_after_names_kept():
    assert normalize_authors("Markus M. Haefliger, London, Beat Bumbacher") == ["Markus M. Haefliger", "Beat Bumbacher"]
    assert normalize_authors("Jane Doe, Bloomberg") == ["Jane Doe", "Bloomberg"]


def test_dateline_glued_to_the_name_and_trailing_labels():
    assert split_names("ByKathryn GiuffridaMar 5, 2025 | 6 comments") == ["Kathryn Giuffrida"]
    assert split_names("Jule Radeck Vom") == ["Jule Radeck"]
    assert split_names("Sonia Mevißen Erstellt 12.3.2021") == ["Sonia Mevißen"]


def test_outlet_glued_to_the_name_domain_and_weekday_dropped():
    assert split_names("By Jonathan GarberFOXBusiness") == ["Jonathan Garber"]
    assert split_names("By Troy L. Smith, Cleveland.com") == ["Troy L. Smith"]
    assert split_names("Sherif Saed, Wednesday") == ["Sherif Saed"]
    assert split_names("BeauHD") == ["BeauHD"]
    assert split_names("Ronald McDonald") == ["Ronald McDonald"]


def test_version_numbers_are_not_dotted_dates():
    assert find_dates("PHP 8.4.13 is out") == []
    assert find_dates("build 1.2.19.4 fixes it") == []
    assert [f.value.date().isoformat() for f in find_dates("am 08.04.13 um 10 Uhr")] == ["2013-04-08"]
    assert [f.value.date().isoformat() for f in find_dates("am 8.4.2013")] == ["2013-04-08"]


def test_split_names_from_lines_and_initials():
    from newsclean.normalize.authors import split_names
    assert split_names("From Wikipedia, the free encyclopedia") == []
    assert split_names("From the section US & Canada") == []
    assert split_names("from x import y") == []
    assert split_names("By Sarah E. Needleman") == ["Sarah E. Needleman"]
    assert split_names("Ana Y. Pérez y Luis Gómez") == ["Ana Y. Pérez", "Luis Gómez"]
    assert split_names("By Our Foreign Staff") == ["Our Foreign Staff"]
    assert split_names("The Currency Editors") == ["The Currency Editors"]


def test_find_dates_cjk():
    from datetime import datetime

    from newsclean.normalize.dates import find_dates
    assert [f.value for f in find_dates("2025年2月3日")] == [datetime(2025, 2, 3)]
    assert [f.value for f in find_dates("2025年2月3日 14時05分")] == [datetime(2025, 2, 3, 14, 5)]
    assert [f.value for f in find_dates("公開 2025 年 2 月 3 日 14:05")] == [datetime(2025, 2, 3, 14, 5)]
    assert [f.value for f in find_dates("2025년 2월 3일")] == [datetime(2025, 2, 3)]


def test_desk_name_with_a_lower_case_desk_word_kept_whole():
    assert split_names("By The Currency editors") == ["The Currency editors"]
    assert split_names("By Our Foreign Staff") == ["Our Foreign Staff"]
    assert split_names("By Jane Doe, staff writer") == ["Jane Doe"]


def test_role_at_an_employer_holding_a_joiner_gives_no_second_author():
    assert split_names("Reviewed by Jane Doe, Trial Attorney at Smith & Jones, on May 9, 2024.") == ["Jane Doe"]
    assert split_names("Jane Doe and John Roe, Staff Writers at Example & Co") == ["Jane Doe", "John Roe"]
    assert split_names("Jane Doe, John Roe with Ann Lee") == ["Jane Doe", "John Roe", "Ann Lee"]


def test_authored_by_is_a_lead_in_not_a_name():
    assert split_names("Authored by: Dr. Jane Doe") == ["Dr. Jane Doe"]
    assert split_names("Contributed by Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
