"""How wide a capture's characters are: columns in a text browser's output (for the wrap width of
``load/text.py``) and which characters are CJK (written without spaces between words)."""
from __future__ import annotations

import re
import unicodedata

_CJK_RANGES = (
    (0x1100, 0x11FF), (0x2E80, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x20000, 0x3FFFD),
)


def char_width(ch: str) -> int:
    """Columns a terminal gives the character: 2 for East Asian wide and full-width ones, else 1."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(s: str) -> int:
    """Columns the string takes in a text browser's output (wide characters count twice)."""
    if s.isascii():
        return len(s)
    # only characters from U+1100 on can be wide: the rest count one column without a table look-up; the
    # others' widths are looked up and counted in C (``char_width`` per character, without a Python call each)
    widths = list(map(unicodedata.east_asian_width, _MAYBE_WIDE.findall(s)))
    return len(s) + widths.count("W") + widths.count("F")


_MAYBE_WIDE = re.compile("[\u1100-\U0010ffff]")


_CJK_FROM = _CJK_RANGES[0][0]   # below the first range (most characters of most captures) no look-up


def is_cjk(ch: str) -> bool:
    """A Chinese, Japanese or Korean character (or a full-width form): no spaces between words."""
    o = ord(ch)
    return o >= _CJK_FROM and any(lo <= o <= hi for lo, hi in _CJK_RANGES)
