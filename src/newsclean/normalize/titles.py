"""Title helpers: normalised comparison and removal of a site-name part ("Headline | Site")."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

SEP = re.compile(r"\s+(?:\||-|–|—|·|::|»|•|/|:)\s+|\s*\|\s*")
_QUOTE_MAP = {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
              "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "}
_QUOTES = str.maketrans(_QUOTE_MAP)
_NON_WORD = re.compile(r"[^\w]+")


def _unquote(text: str) -> str:
    """``text.translate(_QUOTES)``, one ``str.replace`` per character: each a scan in C, where ``translate``
    looks every character of a non-ASCII text up in a dict (the same answer: every character maps to ASCII,
    which no other replacement reads)."""
    for a, b in _QUOTE_MAP.items():
        text = text.replace(a, b)
    return text


def norm(text: str | None) -> str:
    if not text:
        return ""
    # ASCII text is its own NFKC form, holds none of _QUOTES, and case-folds as it lower-cases
    t = text.lower() if text.isascii() else _unquote(unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(t.split()).strip(" \"'.")


def _squash(text: str) -> str:
    return _NON_WORD.sub("", norm(text))


def _latin(text: str) -> bool | None:
    """Is the text mostly Latin letters (True), mostly other letters (False), or has no letters (None)?"""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    latin = sum(1 for c in letters if c < "\u0250")
    return latin * 2 > len(letters)


def site_words(site_name: str | None, url: str | None) -> set[str]:
    """Squashed forms a site's name takes: its stated name and its domain's main label."""
    out = set()
    if site_name:
        out.add(_squash(site_name))
    if url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            host = ""
        labels = [x for x in host.split(".") if x not in ("www", "m", "amp", "mobile", "edition")]
        if len(labels) >= 2:
            out.add(_squash(labels[-2]))
            out.add(_squash("".join(labels[:-1])))
    return {w for w in out if len(w) >= 2}


def is_site_part(part: str, sites: set[str]) -> bool:
    sq = _squash(part)
    if not sq:
        return True
    for s in sites:
        if sq == s or (len(s) >= 4 and (sq.startswith(s) or sq.endswith(s)) and len(part.split()) <= 4):
            return True
    return False


def strip_site(title: str, site_name: str | None, url: str | None) -> str:
    """Drop leading/trailing parts of a <title>-like string that name the site."""
    if not title:
        return title
    sites = site_words(site_name, url)
    parts = [m for m in SEP.finditer(title)]
    if not parts:
        return title.strip()
    last = parts[-1]
    tail, head = title[last.end():], title[:last.start()]
    if len(tail.split()) <= 4 and _latin(tail) != _latin(head) and _latin(tail) is not None \
            and _latin(head) is not None:
        title = head  # "본문 제목 - Sitename": a site name in another script than the headline
    if not sites:
        return title.strip()
    t = title
    # trailing parts
    while True:
        ms = list(SEP.finditer(t))
        if not ms:
            break
        last = ms[-1]
        if is_site_part(t[last.end():], sites) and last.start() > 0:
            t = t[:last.start()]
            continue
        first = ms[0]
        if is_site_part(t[:first.start()], sites) and first.end() < len(t):
            t = t[first.end():]
            continue
        break
    return t.strip()


def same_title(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return _squash(a) == _squash(b)


def contains_title(longer: str | None, shorter: str | None) -> bool:
    if not longer or not shorter:
        return False
    s, lo = _squash(shorter), _squash(longer)
    return bool(s) and s in lo and len(s) >= 0.4 * len(lo)


_WORDS = re.compile(r"\w+")


def word_overlap(a: str, b: str) -> float:
    """Shared words over the shorter title's word count (0..1)."""
    wa, wb = set(_WORDS.findall(norm(a))), set(_WORDS.findall(norm(b)))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))
