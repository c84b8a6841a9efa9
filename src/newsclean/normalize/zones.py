"""Named time zones ("ET", "CEST", "GMT"...) to UTC offsets, daylight-saving correct for the date.

The few zones that change with the season (ET, CT, MT, PT, UK time) use the US and EU rules
computed here, so no tz database is needed."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from newsclean.normalize._data import load_json


def _nth_sunday(year: int, month: int, n: int) -> date:
    """The n-th Sunday of a month (n = -1: the last one)."""
    if n > 0:
        d = date(year, month, 1)
        d += timedelta(days=(6 - d.weekday()) % 7)
        return d + timedelta(weeks=n - 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - timedelta(days=1)
    return d - timedelta(days=(d.weekday() - 6) % 7)


def us_dst(local: datetime) -> bool:
    """Is daylight saving in force in the US at this local (wall-clock) time?"""
    y = local.year
    if y >= 2007:
        start, end = _nth_sunday(y, 3, 2), _nth_sunday(y, 11, 1)
    else:
        start, end = _nth_sunday(y, 4, 1), _nth_sunday(y, 10, -1)
    s = datetime(start.year, start.month, start.day, 2)
    e = datetime(end.year, end.month, end.day, 2)
    naive = local.replace(tzinfo=None)
    return s <= naive < e


def eu_dst(local: datetime, std_minutes: int) -> bool:
    """Is EU summer time in force? (last Sunday of March to last Sunday of October, 01:00 UTC)."""
    y = local.year
    start, end = _nth_sunday(y, 3, -1), _nth_sunday(y, 10, -1)
    utc = local.replace(tzinfo=None) - timedelta(minutes=std_minutes)
    return datetime(start.year, start.month, start.day, 1) <= utc < datetime(end.year, end.month, end.day, 1)


def zone_offset(name: str, local: datetime) -> timezone | None:
    """The UTC offset a named zone had at ``local`` wall-clock time, or None if the name is unknown."""
    key = name.strip().upper().rstrip(".")
    tables = load_json("meta_zones.json")
    if key in tables["fixed"]:
        return timezone(timedelta(minutes=tables["fixed"][key]))
    rule = tables["rule"].get(key)
    if rule is None:
        return None
    std, kind = rule
    dst = us_dst(local) if kind == "us" else eu_dst(local, std)
    return timezone(timedelta(minutes=std + (60 if dst else 0)))
