"""Author names from byline strings: lead-ins ("By", "Von"), roles, credentials, e-mail addresses,
@handles, URLs and dates stripped; "A, B and C" split; duplicates removed, order kept."""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

from newsclean._core import compiled
from newsclean.normalize.author_words import (
    _lead_match,
    _may_hold,
    _role_word,
    _tables,
    _weekdays,
    _word_lists,
    _word_res,
    month_words,
    strip_lead_in,
)
from newsclean.normalize.dates import find_dates
from newsclean.normalize.prefilter import ascii_prefixes, may_begin
from newsclean.strings import has_digit, holds_any, piece_runs

_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
#: a social handle glued to the name it follows ("Eric Levitz@EricLevitz"); an e-mail address is cut first
_GLUED_HANDLE = re.compile(r"(?<=[a-zß-ÿ])@[A-Za-z_]\w*(?![\w.@])")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_DATEISH = re.compile(r"\d")
# the short joiners ("e", "y", "et", "en", "u.") only in lower case: "Sarah E. Needleman" is one name
# (the look-ahead names every character a match can start with: the search skips other places at
# once; the word boundary is tested once for all the words; tests/test_speed_byline.py checks
# that it splits as "\s*(?:;|\||/|&|\+|,|\band\b|\bund\b|(?-i:\bet\b|\by\b|\be\b|\ben\b|\bu\.)|
# \bsowie\b|\bwith\b|\bmit\b)\s*" did)
_SPLIT = re.compile(r"(?=[\s;|/&+,aemsuwy])\s*(?:[;|/&+,]|\b(?:(?:and|und|sowie|with|mit)\b|(?-i:(?:et|y|e|en)\b|u\.)))"
                    r"\s*", re.IGNORECASE)
_CUT = re.compile(r"\s+(?:[-–—|•·⋅:]\s+|\blast\s+updated\b|\bzuletzt\s+aktualisiert\b|\bupdated\b|\bpublished\b|"
                  r"\baktualisiert\b|\bveröffentlicht\b|"
                  r"\bposted\b|\bon\s+(?=[A-Z][a-z]+\s+\d)|\bam\s+\d|\bvom\s+\d|\bin\s+[A-Z]\w+\s*$).*$",
                  re.IGNORECASE)
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "bin",
                        "al", "y", "e", "zu", "ten", "ter", "dos", "das", "do", "af", "av", "el", "ibn"})
_DIGIT_WORD = re.compile(r"\s+\d.*$")
_ROLE_ADJ = frozenset({"former", "deputy", "senior", "chief", "associate", "assistant", "executive", "managing",
                       "contributing", "licensed", "certified", "registered", "tech", "freelance", "guest",
                       "ehemaliger", "ehemalige", "stellvertretender", "stellvertretende", "leitender", "leitende"})
_ORG_PART = re.compile(r"\b(?:association|network|clinic|institute|foundation|university|universität|council|"
                       r"society|solutions|services|gmbh|inc|ltd|llc|verband|stiftung)\b", re.I)
#: an organisation's legal form ("e.V.", "GmbH", "Inc."), or a word only organisations' names hold
_ORG_FORM = re.compile(r"\be\.\s?V\.|\b(?:gmbh|inc|ltd|llc|verband|association|foundation|stiftung|gesellschaft|"
                       r"institute|institut|universit(?:y|ät)|council)\b", re.I)
_DESKS = frozenset({"redaktion", "staff", "team", "editors", "the editors", "newsroom", "editorial staff"})
# a desk's name ("Our Foreign Staff", "Unsere Redaktion", "The Telegraph Reporters"): kept whole, never cut
# down to a person-like stub ("Our Foreign")
_DESK_OPENERS = frozenset({"our", "unsere", "unser", "unserer", "notre", "nos", "nuestro", "nuestra", "la", "the"})
_DESK_WORDS = frozenset({"staff", "team", "desk", "redaktion", "reporters", "correspondents", "editors", "newsroom",
                         "writers", "correspondent", "reporter", "editor"})
_GLUED_ROLE = re.compile(r"(?<=[a-zäöüß])(?=(?:Staff|Senior|Contributing|Writer|Editor|Reporter|Correspondent|"
                         r"Columnist|By|Updated|Published|Photo|Autor|Redakteur)\b)")
_STOP_CUT = frozenset({"on", "vom", "am", "at", "um", "in", "op", "às", "the", "said", "says", "schreibt", "wrote",
                       "hace", "for", "für", "pour", "para", "per"})
_POSTED_BY = re.compile(r"^.{0,60}?\b(?:posted|written|filed|published|submitted)\b[^.]{0,50}?\bby\s+(?=\S)", re.I)
_GLUED_BY = re.compile(r"^\s*(By|Von|Par|Por)(?=[A-ZÄÖÜ](?:[a-zäöüß]|\.))")
_GLUED_MONTH = re.compile(r"(?<=[a-zß-ÿ])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")
_GLUED_DAY = re.compile(r"(?<=[a-zß-ÿ])(?=\d{1,2}(?:\.\s?\d{1,2}\.|\.?\s+[^\W\d_]{3,}\.?\s+\d{2,4}))")
_GLUED_CAPS = re.compile(r"(?<=[a-zß-ÿ])(?=[A-Z]{2,}[a-z]|[A-Z]{3,}\b)")
_ODD_CAPS = re.compile(r"^.[^A-Z]*[A-Z][^A-Z]*[A-Z]")   # two capitals after the first letter: "FOXBusiness"
_DOMAIN = re.compile(r"\w\.(?:com|net|org|de|co|uk|io|info|ch|at|fr|es|it|nl|au|ca|in)\b", re.I)
_TITLE_WORD = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ]+$")
_NAMEISH = re.compile(r"^[^\W\d_][\w'’.\-]*(?:\s+[\w'’.\-]+){0,4}$")
_USER_NAME = re.compile(r"^[^\W\d_]{2,}[\w.-]*$")
_INNER_BY = re.compile(r"(?<!Photo)(?<!Photos)(?<!Foto)(?<!Fotos)(?<!Image)(?<!Illustration)(?<=\S)\s+By\s+"
                       r"(?=[A-ZÄÖÜ])")
#: a name printed twice in one line ("Jane Doe Jane Doe", "Jane DoeJane Doe": link text and label run together)
_DOUBLED = re.compile(r"^([^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,3})\s*\1$")
#: where _GLUED_ROLE, _GLUED_MONTH or _GLUED_CAPS can split: a lower-case letter before an ASCII capital
_SEAM = re.compile(r"[a-zß-ÿ][A-Z]")
#: where _GLUED_DAY can split: a lower-case letter before a digit
_DAY_SEAM = re.compile(r"[a-zß-ÿ]\d")
_FROM = re.compile(r"^\s*from\b\s*:?\s*", re.I)
#: ``_FROM``'s word for ``prefilter.may_begin`` (a line not starting with it needs no regex call)
_FROM_PREFIX = ascii_prefixes(("from",))
#: what ``_GLUED_BY`` needs after the white space it skips
_GLUED_BY_WORDS = ("By", "Von", "Par", "Por")
#: words ``_POSTED_BY`` needs (one of them, then "by")
_POSTED_WORDS = ("posted", "written", "filed", "published", "submitted")
#: what ``_CUT`` needs in ASCII text whose only white space is the space: a space, then a mark or a word
_CUT_MARKS = (" -", " |", " :")
_CUT_WORDS = (" updated", " published", " aktualisiert", " posted", " on ", " am ", " vom ", " in ")
_CUT_ANY = _CUT_MARKS + _CUT_WORDS   # (``_may_cut`` looks for any of them at once)


#: ", <role> at <employer>" after a name: the employer's name may hold "&" or "and" ("Morgan & Morgan")
_ROLE_AT = re.compile(r",\s*([^,;|]{2,50}?)\s+(?:at|bei|for|für|with|chez)\s+[^,;|]*")
_EMPLOYER_WORDS = (" at ", " bei ", " for ", " für ", " with ", " chez ")


def _drop_role_at(m: re.Match[str]) -> str:
    """``_ROLE_AT``'s match gone when its first part is a role ("Trial Attorney"), else kept."""
    return "" if is_role(m.group(1)) else m.group(0)


def _may_post(text: str) -> bool:
    """Can ``_POSTED_BY`` (case-blind) match? In ASCII text it needs "by" and one of its words."""
    if not text.isascii():
        return True
    low = text.lower()
    return "by" in low and holds_any(low, _POSTED_WORDS)


def _may_cut(text: str) -> bool:
    """Can ``_CUT`` (case-blind) match? In printable ASCII text (its only white space is the space)
    it needs a space before one of its marks or words."""
    if not (text.isascii() and text.isprintable()):
        return True
    # (lower-casing ASCII text leaves the marks as they are: one test for a mark or a word)
    return holds_any(text.lower(), _CUT_ANY)


def is_role(part: str) -> bool:
    """Is this part of a byline a role or a title ("Staff Writer", "Education editor", "Autor"), not a name?"""
    roles, creds = _tables()[1], _tables()[2]
    low = part.lower().strip(" .")
    split = low.split()
    if split and split[0] in _ROLE_ADJ:
        return True
    if low in roles or low in creds or (_may_hold(part, _word_lists()[1]) and _word_res()[1].search(part)):
        return True
    words = [w[:-1] if w.endswith("s") and w[:-1] in roles else w for w in split]
    return bool(words) and (words[-1] in roles or " ".join(words[-2:]) in roles) and len(words) <= 4


def explicit_byline(text: str) -> bool:
    """Does the text name its author with a lead-in ("By ...", "Posted in X by ...", "von ...")?"""
    t = text.strip()
    return bool(_may_post(t) and _POSTED_BY.match(t) or t.startswith(_GLUED_BY_WORDS) and _GLUED_BY.match(t)
                or _lead_match(t))


def _is_credential(word: str, creds: frozenset[str]) -> bool:
    """"MD", "PhD", "M.S." yes; "Ma" or "Do" (names) no."""
    w = word.strip(",")
    if w.lower().strip(".") not in creds and w.lower() not in creds:
        return False
    return w.isupper() or "." in w or not w[1:].islower()


_SHORT_ING = 4  # 'king', 'ming', 'sing': too short to be a gerund ('using' is the shortest that matters)


def _desk_name(words: list[str]) -> bool:
    """"Our Foreign Staff", "The Currency editors": capitalised words from an opener ("Our", "The",
    "Unsere") to a desk word (capitalised or not) -- one author as printed."""
    # (the set look-ups first: most words lists fail them)
    return 2 <= len(words) <= 5 and words[0].lower() in _DESK_OPENERS and \
        words[-1].lower().strip(".,") in _DESK_WORDS and all(w[:1].isupper() for w in words[:-1])


def trim_name_words_pure(words: list[str], role_word: Callable[[str], bool], creds: frozenset[str],
                         weekdays: frozenset[str], role_adj: frozenset[str], stop_cut: frozenset[str],
                         particles: frozenset[str]) -> list[str]:
    """The words of a name with a trailing role, title, credential or weekday cut, and cut before a
    lower-case word that is no particle (``_clean_name``'s word loops; the list may be changed). The
    compiled core's twin is ``_core/_scan_spdnames.pxi``'s ``trim_name_words``."""
    for i in range(2, len(words)):  # "Will Judd Former Deputy Tech Editor"
        if words[i].lower().strip(".,") in role_adj or role_word(words[i].strip(".,")):
            words = words[:i]
            break
    while len(words) > 1 and (_is_credential(words[-1], creds) or words[-1].lower().strip(".,") in weekdays or
                              (not words[-1].isupper() and bool(_ODD_CAPS.match(words[-1]))) or
                              (len(words) > 2 and role_word(words[-1].strip(".,")))):
        words.pop()
    for i in range(1, len(words)):
        w = words[i]
        if w.lower() in stop_cut or (words[0][:1].isupper() and w[:1].islower() and w.lower() not in particles):
            words = words[:i]   # "Daniel Lemire A computer science professor"
            while len(words) > 1 and len(words[-1]) == 1:
                words.pop()
            break
    return words


def _clean_name(part: str, digits: bool = True) -> str | None:
    """The name in one part of a byline, or None; ``digits``: False when the part holds no digit."""
    roles, creds, not_names = _tables()[1], _tables()[2], _tables()[3]
    p = part.strip(" \t\n.,;:-–—|•·*\"'“”‘’")
    words = p.split()
    if words and words[0].islower() and words[0].endswith("ing") and len(words[0]) > _SHORT_ING:
        return None  # "By using this site ...", "By clicking ...": a gerund after "By", not a name
    if _desk_name(words):
        return p if len(p) <= 60 else None
    words = (compiled("trim_name_words") or trim_name_words_pure)(words, _role_word, creds, _weekdays(), _ROLE_ADJ,
                                                                   _STOP_CUT, _PARTICLES)
    p = " ".join(words)
    if not p or len(p) < 2 or len(p) > 60:
        return None
    low = p.lower()
    if " " not in p and _DOMAIN.search(p):
        return None   # "Cleveland.com": the site, not a person
    if low in not_names or low in roles or (len(words) == 1 and (low in _STOP_CUT or low in month_words()
                                                                 or low in _weekdays()
                                                                 or _lead_match(low + " "))):
        return None
    if digits and _DATEISH.search(p) and (len(words) > 1 or not _USER_NAME.match(p)):
        return None  # digits only in a user name ("marianne1"), never in a date or a count
    if not _NAMEISH.match(p):
        return None
    if len(words) > 5:
        return None
    return p


def split_names(text: str) -> list[str]:
    """Names in one byline string ("By Jane Doe and John Roe, Staff Writers" -> [Jane Doe, John Roe])."""
    if not text or not isinstance(text, str):
        return []
    return list(_split_names(text))


#: strings whose names are remembered: a capture's byline ranker reads every short line of a page (up to
#: 3,000), then the rules, the title's name-line test and the stages after it ask some of them again
SPLIT_MEMO = 8192


@lru_cache(maxsize=SPLIT_MEMO)
def _split_names(text: str) -> tuple[str, ...]:
    # stages read the same lines more than once per page: the names of a string are computed once
    return tuple(_split_names_uncached(text))


def _split_names_uncached(text: str) -> list[str]:
    names = _split_all(text)
    if names and may_begin(text, _FROM_PREFIX, len("from")) and _FROM.match(text):
        # "From" is a weak lead-in: "From Wikipedia, the free encyclopedia", "From the section US & Canada",
        # "from x import y" are no bylines. A "From ..." line counts only when every part of it is a name.
        rest = _FROM.sub("", text, count=1)
        parts = [x for x in _SPLIT.split(rest) if x and x.strip(" .,;:")]
        if len(parts) != len(names) or not all(n[:1].isupper() for n in names):
            return []
    return names


def _split_all(text: str) -> list[str]:
    if "&" in text and ";" in text:
        text = html.unescape(text)
    s = " ".join(text.split())
    digits = has_digit(s)   # (what follows adds no digit: without one now, there is none later)
    if _SEAM.search(s):   # (else none of the three can match)
        s = _GLUED_ROLE.sub(" ", s)   # "Meg JamesStaff Writer", "Eric SongBy Eric Song"
        s = _GLUED_MONTH.sub(" ", s)  # "Jane DoeMar 5, 2025": the dateline glued to the name
        s = _GLUED_CAPS.sub(" ", s)   # "Jane DoeFOXBusiness": the outlet's name glued to the name
    if digits and _DAY_SEAM.search(s):
        s = _GLUED_DAY.sub(" ", s)    # "Jane Doe20 March 2024", "Jane Doe19.10.2019": a day glued to the name
    if "By" in s:
        s = _INNER_BY.sub(", ", s)
    if "://" in s or "." in s and (not s.isascii() or "www." in s.lower()):   # (what _URL needs)
        s = _URL.sub(" ", s)
    if "@" in s:
        s = _EMAIL.sub(" ", s)
        s = _HANDLE.sub(" ", s)
        s = _GLUED_HANDLE.sub(" ", s)
    if "(" in s or "[" in s:
        s = _PARENS.sub(" ", s)
    if digits and has_digit(s):
        found = find_dates(s, limit=1)
        if found and found[0].start > 0:
            s = s[:found[0].start]
        elif found:
            s = s[found[0].end:].lstrip(" ,|•·⋅-–—")  # "Dec 17, 2025 Julian K. Arni"
        s = _DIGIT_WORD.sub("", s)
    if s.lstrip().startswith(_GLUED_BY_WORDS):
        s = _GLUED_BY.sub(r"\1 ", s)
    if _may_post(s):
        s = _POSTED_BY.sub("", s, count=1)
    s = strip_lead_in(s)
    if _may_cut(s):
        s = _CUT.sub("", s)
    if _may_hold(s, _word_lists()[0]):
        s = _word_res()[0].sub("", s)
    if not s.strip():
        return []   # the whole line is a credit or a label ("Photo by ...", "Updated by ...")
    s = strip_lead_in(s)
    out: list[str] = []
    if "," in s and any(w in s for w in _EMPLOYER_WORDS):
        s = _ROLE_AT.sub(_drop_role_at, s)   # "Jane Doe, Reporter at Smith & Jones": no author "Jones"
    parts = [x for x in _SPLIT.split(s) if x and x.strip()]
    for part in parts:
        part = strip_lead_in(part.strip())
        if part.find(part[:1], 1) > 0:   # a name printed twice: its first letter comes again
            part = _DOUBLED.sub(r"\1", part)
        if not part:
            continue
        if (out or len(parts) > 1) and is_role(part):
            continue  # "Jane Doe, Staff Writer" / "Licensed Q Grader, Jane Doe"
        name = _clean_name(part, digits)
        if name:
            out.append(name)
    return out


def swap_last_first(value: str) -> str:
    """"Roy, Aniruddha" -> "Aniruddha Roy" (citation and library metadata write names this way)."""
    m = re.fullmatch(r"\s*([^\W\d][\w'’-]*(?:\s[\w'’-]+)?),\s*([^\W\d][\w'’.-]*(?:\s+[\w'’.-]+){0,2})\s*", value)
    return f"{m.group(2)} {m.group(1)}" if m else value


#: ``bytes.translate``'s table for ASCII text: A-Z lower-cased (casefold, for ASCII), every other character
#: that is no word character (``\W``) made a space; a run of them is then a run of spaces, which splitting squeezes
#: (a few instructions a character, where the regex takes about a hundred)
_ASCII_KEY = bytes((c + 32 if 65 <= c <= 90 else c) if chr(c).isalnum() or c == 95 else 32 for c in range(256))


#: a run of word characters (what is left between the runs of non-word characters)
_WORD_RUN = re.compile(r"\w+")


def name_key(name: str) -> str:
    """The name casefolded, each run of non-word characters one space, ends stripped."""
    if name.isascii():
        return b" ".join(name.encode().translate(_ASCII_KEY).split()).decode()
    return " ".join(_word_runs(name.casefold()))


def _word_runs(text: str) -> list[str]:
    r"""The runs of word characters of ``text`` (``\w+``), in order. Joined by spaces they are
    ``re.sub(r"[^\w]+", " ", text).strip()`` (no word character is white space, so stripping takes none). White
    space being no word character, no run crosses it: the pieces ``str.split`` cuts are read one by one, a
    piece of word characters only (``str.isalnum``, most words) being one run without a regex call (the
    substitution's search fails at every letter: ~30% dearer on the captures' lines)."""
    return piece_runs(text, str.isalnum, _WORD_RUN)


def dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for n in names:
        k = name_key(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def normalize_authors(values: list[str] | str | None) -> list[str]:
    """Names from one or more byline strings, split, cleaned and deduplicated."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    names: list[str] = []
    for v in values:
        names.extend(split_names(v))
    names = dedupe(names)
    if len(names) > 1:  # "Jane Doe, Redaktion": the desk (or the employer) is not a second author
        names = [n for n in names if n.lower() not in _DESKS and not _ORG_PART.search(n)] or names
    if len(names) > 2:
        # "Jane Doe, London, John Roe": a lone capitalised word between full names is the first author's
        # place; an agency after the names ("Jane Doe, Reuters") and codes ("AP", "NDR") stay
        names = [n for i, n in enumerate(names) if " " in n or not _TITLE_WORD.match(n) or
                 not any(looks_like_person(m) for m in names[:i])
                 or not any(looks_like_person(m) for m in names[i + 1:])]
    return names


#: the last words of a desk's credit ("Resy Staff", "Example Team"): a plural desk word, never one person's role
_DESK_CREDIT_WORDS = frozenset({"staff", "team", "desk", "redaktion", "reporters", "correspondents", "editors",
                                "newsroom", "writers"})


def desk_credit(name: str) -> bool:
    """Is the name a desk's credit: the outlet's name, then a desk word ("Resy Staff", "Example Team",
    "Example Redaktion")? The page credits its newsroom, not merely names the site."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower().strip(".,") in _DESK_CREDIT_WORDS


def looks_like_org(value: str) -> bool:
    """Does an author value name an organisation by its legal form or a word only organisations use
    ("Bund der Energieverbraucher e.V.", "Example Media GmbH", "Obesity Medicine Association")?"""
    return _ORG_FORM.search(value) is not None


def looks_like_person(name: str) -> bool:
    """Two to four capitalised words: how most people's names look in a byline."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("van", "von", "de", "der", "la", "le",
                                                                          "da", "di", "del", "du", "bin", "al")
                                        for w in words)
