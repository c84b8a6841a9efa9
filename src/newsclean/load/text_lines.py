"""A capture's lines: each line's indent, bullet (a numbered item's number is a bullet unless it is a day before its
month's name), width, fenced-heading level, and link text printed with "_" for spaces put back (``text`` reads
the lines into blocks)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsclean.load.char_width import display_width
from newsclean.normalize._data import month_table

# em/en dashes are not bullets: "— Name (@handle) date" attribution lines keep their dash
_BULLET = re.compile(r"^(?P<bullet>[•◦▪▫■□●○◆◇►▸▹‣⁃∙·☆★✓✔\-*+]|o(?=\s)|\d{1,3}[.)](?=\s)|[a-z][.)](?=\s))\s+(?=\S)")
# "****** Title ******" / "== Section ==": a heading fenced on both sides by the same run of marks
_FENCED = re.compile(r"^(\*{1,6}|={2,6})\s+(\S(?:.*\S)?)\s+\1$")
# link text some renderers print with "_" for its spaces ("Read_more_on_Fox_Business"): words glued
# by "_" (not a file name, handle or address)
_GLUED = re.compile(r"(?<![\w@#/\\=.])([^\W\d_][^\s_]*)((?:_[^\s_]+)+)")
_NOT_PROSE_PART = re.compile(r"[/\\=@]|\.(?:jpe?g|png|gif|webp|svg|html?|php|js|css)\b", re.I)
_DAY = re.compile(r"^\d{1,2}\.$")          # "28." before a month's name is a day, not list item 28


@dataclass
class Line:
    number: int
    raw: str
    text: str        # stripped, bullet removed
    indent: int
    bullet: str | None
    width: int       # display width of raw (rstripped)
    level: int | None = None  # a fenced heading line ("***** Sub *****"): its level
    linked: int = 0  # words of link text printed with "_" for spaces (now spaces again)
    wrap: int | None = None  # a column printed beside another (``text_columns``): its own wrap width


def _fence_level(mark: str) -> int:
    """"******" (six stars) is a first-level heading, "*" a sixth; "==" is the second level."""
    return 7 - len(mark) if mark[0] == "*" else len(mark)


def _unglue(text: str) -> tuple[str, int]:
    """Link text printed with "_" for its spaces, back with spaces; and how many words it held."""
    linked = [0]

    def sub(m: re.Match[str]) -> str:
        parts = m.group(0).split("_")
        if _NOT_PROSE_PART.search(m.group(0)) or sum(1 for p in parts if any(c.isalnum() for c in p)) < 2:
            return m.group(0)
        linked[0] += len(parts)
        return " ".join(parts)

    return (_GLUED.sub(sub, text), linked[0]) if "_" in text else (text, 0)


def split_lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ").replace("\u00a0", " ")
    out: list[Line] = []
    for i, raw in enumerate(text.split("\n")):
        raw = raw.rstrip()
        stripped = raw.lstrip()
        indent = len(raw) - len(stripped)
        bullet = None
        fence = _FENCED.match(stripped) if stripped[:1] in "*=" else None
        if fence and any(c.isalnum() for c in fence.group(2)):  # not a "* * *" section break
            out.append(Line(i, raw, fence.group(2), indent, None, display_width(raw), _fence_level(fence.group(1))))
            continue
        m = _BULLET.match(stripped)
        if m and not _day_of_month(m.group("bullet"), stripped[m.end():]):
            bullet = m.group("bullet")
            body = stripped[m.end():]
        else:
            body = stripped
            if stripped in ("•", "*", "·", "◦", "☆", "o", "-", "+"):
                bullet, body = stripped, ""
        width = len(raw) if raw.isascii() else display_width(raw)   # (ASCII: one column a character, no call)
        out.append(Line(i, raw, body.strip(), indent, bullet, width))
    if _glued_links(out):
        for ln in out:
            if "_" in ln.text:
                ln.text, ln.linked = _unglue(ln.text)
    return out


def _day_of_month(bullet: str, body: str) -> bool:
    """"28. Januar 2015 von Karsten", "6. Dezember 2022": a day of the month before the month's name (German,
    Nordic and other date orders), not item 28 of a numbered list."""
    if not _DAY.match(bullet):
        return False
    first = body.split(maxsplit=1)[0].rstrip(",.") if body else ""
    return first.lower() in month_table()


def _glued_links(lines: list[Line], min_entries: int = 3) -> bool:
    """Does the renderer print link text with "_" for spaces? Then it does so for every link, and
    menus show it: several different lines that are one glued phrase each ("Personal_Finance",
    "Watch_TV"). An underscore in running text alone ("Director_Oh Kyeong") is no sign."""
    seen: set[str] = set()
    for ln in lines:
        t = ln.text
        if "_" in t and " " not in t and len(t) <= 80:
            word = t.strip("[]().,:;!?*")
            if word not in seen and _GLUED.fullmatch(word) and _unglue(word)[1]:
                seen.add(word)
                if len(seen) >= min_entries:
                    return True
    return False
