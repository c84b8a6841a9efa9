"""Dates the 'dates' stage reads from a page's scripts when nothing else gives one: JSON embedded for
scripts, and the date-and-time stamps inline scripts write out."""
from __future__ import annotations

from datetime import datetime

from newsclean.meta import jsonld
from newsclean.normalize.dates import parse_iso, plausible
from newsclean.page import Page


def plausible_parse(value: object, now: datetime) -> datetime | None:
    dt = parse_iso(value) if isinstance(value, str) else None
    return dt if dt is not None and plausible(dt, now) else None


def from_scripts(page: Page, now: datetime) -> tuple[datetime, str] | None:
    """A last resort: a publication date in JSON the page embeds for its scripts (all agreeing)."""
    found = [dt for dt in (plausible_parse(v, now) for v in jsonld.script_dates(page.tree)) if dt is not None]
    if found and all(dt.date() == found[0].date() for dt in found):
        return found[0], "script:json"
    return None


def from_script_stamps(page: Page, now: datetime) -> tuple[datetime, str] | None:
    """The weakest source: the date-and-time stamps inline scripts write out, when there are
    only a few and all fall on the same day."""
    stamps = jsonld.script_timestamps(page.tree, limit=4)
    if not stamps or len(stamps) > 4 or any(s[:3] != stamps[0][:3] for s in stamps):
        return None
    try:
        dt = datetime(*stamps[0])
    except ValueError:
        return None
    return (dt, "script:timestamp") if plausible(dt, now) else None
