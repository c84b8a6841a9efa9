"""Named time zones ("ET", "CEST", "GMT"...) to UTC offsets, daylight-saving correct for the date.

``data/meta_zones.json`` maps each name either to a fixed offset (an abbreviation that says which
half of the year it means: "EDT", "CEST") or to an IANA zone (a name used all year round: "ET" is
America/New_York); the offset such a zone had at a wall-clock time comes from the standard library's
``zoneinfo`` -- the system's zone database, else the ``tzdata`` package. A wall-clock time that
occurs twice (the hour clocks go back) is read as its first occurrence.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newsclean.normalize._data import load_json

_log = logging.getLogger(__name__)


@cache
def _zone(key: str) -> ZoneInfo | None:
    """The IANA zone ``key``; None (the name reads as unknown) where no zone database has it."""
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        _log.warning("time zone %s not found: install the 'tzdata' package", key)
        return None


def zone_offset(name: str, local: datetime) -> timezone | None:
    """The UTC offset a named zone had at ``local`` wall-clock time, or None if the name is unknown."""
    key = name.strip().upper().rstrip(".")
    tables = load_json("meta_zones.json")
    if key in tables["fixed"]:
        return timezone(timedelta(minutes=tables["fixed"][key]))
    zone_name = tables["seasonal"].get(key)
    zone = _zone(zone_name) if zone_name is not None else None
    if zone is None:
        return None
    offset = local.replace(tzinfo=zone, fold=0).utcoffset()
    return timezone(offset) if offset is not None else None
