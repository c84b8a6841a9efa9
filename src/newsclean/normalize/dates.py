"""Dates from markup values and from page text.

``parse_iso`` reads machine dates (ISO 8601 and close relatives); ``find_dates`` finds dates written
for readers ("January 13, 2025, 5:01 AM ET", "13. Oktober 2019, 17:30 Uhr", "16 de octubre de
2019", "16.10.2019") with an optional time and zone after them. A zone the page states gives a
tz-aware datetime; without one the datetime is naive. Implausible dates are rejected.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import NamedTuple

from newsclean.normalize._data import month_table
from newsclean.normalize.zones import zone_offset
from newsclean.strings import has_digit

EARLIEST = datetime(1990, 1, 1)

_ISO = re.compile(r"""
    (?<!\d) (\d{4}) - (\d{1,2}) - (\d{1,2}) (?!\d)      # 2025-02-03
    (?:[T ]+                                            # then, maybe, a time after "T" or a space
        (\d{1,2}) : (\d{2})                             #   hours:minutes
        (?: : (\d{2}) (?:[.,]\d+)? )?                   #   :seconds, maybe with a fraction
        \s* ( Z                                         #   a zone: Z,
            | [+-]\d{2}:?\d{2} (?!\d)                   #   +01:00 / +0100,
            | [+-]\d{2} (?!\d) )?                       #   or +01
    )?""", re.VERBOSE)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$")
_WORD = r"([^\W\d_]{3,12})"
_DAY_FIRST = re.compile(r"""
    (?<![\d\w]) (\d{1,2})                   # the day, not the end of a longer number or word
    (?:\.|er|st|nd|rd|th|º|°)? \s*          # "3." / "1er" / "3rd" / "3º"
    (?:de\s+|of\s+)?                        # "3 de febrero", "3rd of February"
    """ + _WORD + r"""                      # the month's name (checked against the month table later)
    \.?,?\s* (?:de\s+|del\s+)?              # "Feb.," / "febrero de" / "febrero del"
    ('?\d{4}) (?!\d)                        # the year (an apostrophe kept for "'2025")
    """, re.IGNORECASE | re.VERBOSE)
_MONTH_FIRST = re.compile(r"""
    (?<![\w]) """ + _WORD + r""" \.? \s+    # the month's name, maybe abbreviated with a dot
    (\d{1,2} (?: (?:st|nd|rd|th)?\.?,?\s+   # the day ("3", "3rd", "3.", "3,") and a space
               | (?<=\d\d) ))               #   or a two-digit day glued to the year ("Feb 032025")
    (\d{4}) (?!\d)                          # the year
    """, re.IGNORECASE | re.VERBOSE)
# a month name glued to the word before it, as inline elements joined without a space print
# ("By Jane DoeMar 5, 2025"): only a capitalised month right after a lower-case letter
_MONTH_FIRST_GLUED = re.compile(r"""
    (?<=[a-zà-ÿ]) ([A-Z][a-zà-ÿ]{2,11}) \.? \s+     # "...DoeMar", the month right after a lower-case letter
    (\d{1,2} (?: (?:st|nd|rd|th)?\.?,?\s+ | (?<=\d\d) ))   # the day, as in _MONTH_FIRST
    (\d{4}) (?!\d)                                  # the year
    """, re.VERBOSE)
# (not a version number: "PHP 8.4.13", "1.2.19.4" -- a two-digit year wants a zero-padded day or month)
_DMY_DOT = re.compile(r"""
    (?<![\d.]) (\d{1,2}) \. \s? (\d{1,2}) \. \s?    # "03.02." / "3. 2. " -- not inside a longer dotted number
    (\d{4}|\d{2})                                   # the year, four digits or two
    (?![\d]|\.\d)                                   # and no further digits or dotted parts
    """, re.VERBOSE)
_SLASH = re.compile(r"""
    (?<![\d/]) (\d{1,2}) / (\d{1,2}) / (\d{4}|\d{2})    # 3/2/2025, 03/02/25 (day or month first: decided later)
    (?![\d/])                                           # not part of a longer path of numbers
    """, re.VERBOSE)
_YMD = re.compile(r"""
    (?<![\d/.]) (\d{4}) [/.] (\d{1,2}) [/.] (\d{1,2})   # 2025/02/03, 2025.2.3
    (?![\d/])
    """, re.VERBOSE)
_TIME_AFTER = re.compile(r"""
    \s* (?: , | \bum\b | \bat\b | à | \ba\ las\b | \balle\b | \bom\b | \bàs\b   # what joins a time to its date:
          | - | – | — | \| | / | · | • )?                                      #   a word ("at", "um") or a mark
    \s* (\d{1,2}) (?:[:.h] (\d{2}))                 # hours and minutes: 14:05, 14.05, 14h05
    (?: : (\d{2}) )?                                # :seconds
    \s* (am|pm|a\.\s?m\.|p\.\s?m\.)?                # am / pm / a.m.
    \s* (?:uhr|h\b)? \s*                            # "Uhr", "h"
    (?: \(? \b (GMT|UTC) \s* ([+-]\d{1,2}) (?: :? (\d{2}) )? \)?   # a zone: "GMT+1", "(UTC -05:00)",
      | \(? \b ([A-Z]{1,5}) \b \)?                                  #   a zone's letters ("CET", "(EST)"),
      | ([+-]\d{2}:?\d{2}) )?                                       #   or an offset "+01:00"
    """, re.IGNORECASE | re.VERBOSE)
_TIME_BEFORE = re.compile(r"""
    (?<![\d:]) \d{1,2} : \d{2} (?: : \d{2})?    # a time written before its date: "14:05", "2:05:30"
    \s* (?: [ap]\.?\s?m\.? )?                   # am / pm
    \s* (?: [A-Z]{2,5}\b )?                     # a zone's letters
    \s* ,? \s* (?: on\s+ )?                     # "2:05 pm, on"
    (?: (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s* )?   # a weekday
    $                                           # right before the date
    """, re.IGNORECASE | re.VERBOSE)
# Chinese / Japanese / Korean: "2025年2月3日", "2025 年 2 月 3 日 14時05分", "2025年2月3日 14:05", "2025년 2월 3일"
_CJK = re.compile(r"""
    (?<!\d) (\d{4}) \s* [年년]       # the year, 年 (Korean 년)
    \s* (\d{1,2}) \s* [月월]         # the month, 月 (월)
    \s* (\d{1,2}) \s* [日일号號]      # the day, 日 (일, or Chinese 号/號)
    """, re.VERBOSE)
_CJK_TIME = re.compile(r"""
    \s* (?: [(（] [^)）]{1,3} [)）] )?       # a weekday in brackets: "(月)", "（周一）"
    \s* (?: 午前|午後|上午|下午|오전|오후 )?  # morning / afternoon
    \s* (\d{1,2}) \s* (?: [時时시:：] )     # hours, then 時 (时, 시) or a colon
    \s* (\d{1,2}) \s* (?: [分분] )?         # minutes, maybe with 分 (분)
    """, re.VERBOSE)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_URL_DATE_SEP = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")


class Found(NamedTuple):
    start: int
    end: int
    value: datetime
    has_time: bool


_LEADING_DIGITS = re.compile(r"\d+")


def _leading_number(text: str) -> int:
    """The number a day group starts with ("5th, " -> 5); the patterns put a digit first (else 0: no day)."""
    m = _LEADING_DIGITS.match(text)
    return int(m.group(0)) if m else 0


def plausible(dt: datetime | date | None, now: datetime | None = None) -> bool:
    if dt is None:
        return False
    if not isinstance(dt, datetime):
        dt = datetime(dt.year, dt.month, dt.day)
    naive = dt.replace(tzinfo=None) if dt.tzinfo is None else dt.astimezone(timezone.utc).replace(tzinfo=None)
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    return EARLIEST <= naive <= now + timedelta(days=1)


def _make(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return datetime(y, mo, d, h, mi, s)
    except ValueError:
        return None


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() == "Z":
        return timezone.utc
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", text)
    if not m:
        return None
    mins = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if mins > 14 * 60:
        return None
    return timezone(timedelta(minutes=-mins if m.group(1) == "-" else mins))


def parse_iso(value: object) -> datetime | None:
    """A machine-readable date (ISO 8601, '2019-10-16 12:00', '20191016'), or None."""
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 80:
        return None
    m = _ISO.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        h = int(m.group(4) or 0)
        mi = int(m.group(5) or 0)
        sec = int(m.group(6) or 0)
        dt = _make(y, mo, d, h, mi, sec) if h < 24 and mi < 60 and sec < 61 else _make(y, mo, d)
        if dt is None:
            return None
        tz = _offset(m.group(7))
        return dt.replace(tzinfo=tz) if tz is not None and m.group(4) else dt
    m = _COMPACT.match(s)
    if m:
        dt = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4) or 0), int(m.group(5) or 0))
        tz = _offset(m.group(7))
        if dt is not None and tz is not None and m.group(4):
            dt = dt.replace(tzinfo=tz)
        return dt
    found = find_dates(s, limit=1)
    return found[0].value if found else None


def _month(word: str) -> int | None:
    return month_table().get(word.lower().rstrip("."))


def _with_time(text: str, pos: int, dt: datetime) -> tuple[datetime, int, bool]:
    """Read a time (and zone) written right after a date, if any."""
    m = _TIME_AFTER.match(text, pos)
    if not m or m.end() - pos > 40:
        return dt, pos, False
    h, mi, sec = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    ampm = (m.group(4) or "").lower().replace(" ", "")
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    if h > 23 or mi > 59 or sec > 59:
        return dt, pos, False
    local = dt.replace(hour=h, minute=mi, second=sec)
    tz: timezone | None = None
    if m.group(5):
        off = int(m.group(6)) * 60 + (int(m.group(7) or 0) if m.group(6) else 0) * (1 if int(m.group(6)) >= 0 else -1)
        tz = timezone(timedelta(minutes=off)) if abs(off) <= 14 * 60 else None
    elif m.group(8) and m.group(8).isupper():
        tz = zone_offset(m.group(8), local)
    elif m.group(9):
        tz = _offset(m.group(9))
    return (local.replace(tzinfo=tz) if tz else local), m.end(), True


def _cjk_time(text: str, pos: int, dt: datetime) -> tuple[int, datetime]:
    """The time after a CJK date ("14時05分", "(月) 14:05", "午後2時5分"), if any."""
    m = _CJK_TIME.match(text, pos)
    if not m:
        return pos, dt
    h, mi = int(m.group(1)), int(m.group(2))
    if m.group(0).strip()[:2] in ("午後", "下午", "오후") and h < 12:
        h += 12
    if h > 23 or mi > 59:
        return pos, dt
    return m.end(), dt.replace(hour=h, minute=mi)




#: lines whose dates are remembered: a page's stages (byline, title, dates) read the same lines again
_FOUND_CACHE = 4096


def find_dates(text: str, *, limit: int = 20, dayfirst: bool | None = None) -> list[Found]:
    """Dates written in ``text`` in order of position (at most ``limit``)."""
    if not text or not has_digit(text):   # (``has_digit``: a digit of ``str.isdigit``, in one pass)
        return []
    if limit > _FOUND_MOST:
        return _find_dates_uncached(text, limit, dayfirst)
    return list(_find_dates(text, dayfirst)[:limit])


#: dates remembered per line: the most any caller asks for (the default ``limit``)
_FOUND_MOST = 20


@lru_cache(maxsize=_FOUND_CACHE)
def _find_dates(text: str, dayfirst: bool | None) -> tuple[Found, ...]:
    # a pure function of its arguments, and Found is immutable: the cached tuple is copied to a list. The
    # dates of a smaller ``limit`` are the first ones of these (the search only stops early), so the
    # stages asking one line for one, two or twenty dates share one entry
    return tuple(_find_dates_uncached(text, _FOUND_MOST, dayfirst))


#: what every pattern but ``_DMY_DOT`` and ``_SLASH`` needs: a four-digit year (``\d`` as they read it)
_FOUR_DIGITS = re.compile(r"\d{4}")


def _find_dates_uncached(text: str, limit: int, dayfirst: bool | None) -> list[Found]:
    hits: list[tuple[int, int, datetime]] = []
    # a pattern that needs what the text lacks (a four-digit year, a "-", "." or "/") is not run: it
    # would find nothing (the order of the patterns is kept: hits of one span keep their order)
    year = _FOUR_DIGITS.search(text) is not None
    dot, slash = "." in text, "/" in text
    for m in _ISO.finditer(text) if year and "-" in text else ():
        dt = parse_iso(m.group(0))
        if dt:
            hits.append((m.start(), m.end(), dt))
    for m in (*_MONTH_FIRST.finditer(text), *_MONTH_FIRST_GLUED.finditer(text)) if year else ():
        mo = _month(m.group(1))
        if mo:
            dt = _make(int(m.group(3)), mo, _leading_number(m.group(2)))
            if dt:
                hits.append((m.start(), m.end(), dt))
    for m in _DAY_FIRST.finditer(text) if year else ():
        mo = _month(m.group(2))
        if mo:
            dt = _make(int(m.group(3).lstrip("'")), mo, int(m.group(1)))
            if dt:
                hits.append((m.start(), m.end(), dt))
    for m in _DMY_DOT.finditer(text) if dot else ():
        if len(m.group(3)) == 2 and len(m.group(1)) == 1 and len(m.group(2)) == 1:
            continue
        dt = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if dt:
            hits.append((m.start(), m.end(), dt))
    for m in _YMD.finditer(text) if year and (dot or slash) else ():
        dt = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if dt:
            hits.append((m.start(), m.end(), dt))
    if year and not text.isascii():
        for m in _CJK.finditer(text):
            dt = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if dt:
                end, dt = _cjk_time(text, m.end(), dt)
                hits.append((m.start(), end, dt))
    for m in _SLASH.finditer(text) if slash else ():
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if len(m.group(3)) == 2 and not (a > 12 or dayfirst is not None):
            continue
        first_is_day = a > 12 or (dayfirst is True and b <= 12)
        dt = _make(y, b, a) if first_is_day else _make(y, a, b)
        if dt:
            hits.append((m.start(), m.end(), dt))
    hits.sort(key=lambda h: (h[0], -h[1]))
    out: list[Found] = []
    last_end = -1
    for start, end, dt in hits:
        if start < last_end:
            continue  # overlaps an earlier, longer reading
        has_time = dt.hour or dt.minute or dt.tzinfo is not None
        if not has_time:
            dt, end, has_time = _with_time(text, end, dt)
        if not has_time and start > 0:
            before = _TIME_BEFORE.search(text, max(0, start - 30), start)
            if before:
                dt2, _, ok = _with_time(before.group(0), 0, dt)
                if ok:
                    dt, start, has_time = dt2, before.start(), True
        out.append(Found(start, end, dt, bool(has_time)))
        last_end = end
        if len(out) >= limit:
            break
    return out


def url_date(url: str | None) -> datetime | None:
    """A date in a URL path (/2019/10/16/ or /20191016-...): a weak but often right signal."""
    if not url:
        return None
    m = _URL_DATE_SEP.search(url) or _URL_DATE.search(url)
    if not m:
        return None
    dt = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return dt if plausible(dt) else None
