"""Text captures: the ways one short line can be read as a byline, each giving names.

A lead-in at the line's start ("By ...", "Publicado por ...", "Text & Fotos: ..."), a lead-in inside it
("Veröffentlicht am 3. Mai vonChris Jung"), a line that is only names, a name beside a date
("Janic Cathomen, 01.12.2021"), a short label and a colon ("WORDS & IMAGES: ..."), the first part of a
line cut by separators ("Jane Doe  |  Guest Columnists"), a name run into its role or a picture word
("Jane Doe Senior Editor", "Photo of Jane Doe"), the side of a dated line that holds the names ("3. Mai
20212021 Chris Jung Schreibe einen Kommentar"), and one name-like word right under the headline. The ranker
(``rank.py``) turns every reading into a candidate and weighs them."""
from __future__ import annotations

import re

from newsclean.normalize.author_words import month_words
from newsclean.normalize.authors import explicit_byline, is_role, looks_like_person, split_names
from newsclean.normalize.dates import find_dates
from newsclean.normalize.prefilter import ascii_prefixes, may_begin
from newsclean.stages.byline.lines import LABELLED, UI_WORDS
from newsclean.strings import has_digit, holds_any

MAX_NAME_LINE = 60    # characters: a line read as names only is short

_LEAD_WORDS = (r"by|von|vom|par|por|door|di|da|de|från|av|af|autor|autorin|author|auteur|autore|quelle|source|"
               r"text|texto|redaktion|redacción|verfasser|escrito por|scritto da|publicado por|publié par|"
               r"geschrieben von|veröffentlicht von|erstellt von|gepostet von|posted by|written by|"
               r"text & fotos|text und fotos|text/fotos|bericht|reportage|interview")
#: a lead-in at the line's start, maybe behind a bullet or an image label; a whole word, or glued to a
#: capital ("vonElisa"), never a word's head ("De|cember", "Par|is")
LEAD_START = re.compile(r"^(?:[\W_]*|\[[^\]]*\]\s*)(?:" + _LEAD_WORDS + r")"
                         r"(?:(?![^\W\d_])|(?-i:(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])))\s*[:\-–—]?\s*(?=[^\W\d_])", re.I)
#: a lead-in inside the line, glued or not ("vonChris Jung", "ByJ.R. Stone"), then the name's words; a
#: lead-in glued to what follows needs a capital there ("exported" is no "por" + "ted")
_LEAD_INNER = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[a-zß-ÿ\d]))(?:by|By|von|Von|vom|Vom|par|Par|por|Por|door|Door|"
                         r"[Aa]utor(?:in)?:?|[Aa]uthor:?|Quelle:|Source:|Text:)(?:\s+|(?<=:)|(?=[A-ZÀ-Þ]))"
                         r"((?:[A-ZÀ-Þ][\w'’.-]*|[\w][\w.-]*\d[\w.-]*|[a-zß-ÿ][\w.-]{2,})"
                         r"(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|van|von|de|der|da|di|le|la|del)){0,4})")
#: the lead-ins of ``LEAD_START`` for ``prefilter.may_begin``: a line starting with an ASCII letter or
#: digit has its lead-in right there (the optional leader, ``[\W_]*`` or a bracket, is then empty)
_LEAD_PREFIXES = ascii_prefixes(_LEAD_WORDS.split("|"))
_LEAD_LONGEST = max(len(w) for w in _LEAD_WORDS.split("|"))
#: (the look-ahead names every character a match can start with: the search skips other places at once)
_SEPARATORS = re.compile(r"(?=[\s|·•,;/])\s*(?:[|·•,;/]|\s[-–—]\s|\s{3,})\s*")
#: the marks one of ``_SEPARATORS``' cuts holds (or three white spaces in a row)
_SEPARATOR_MARKS = re.compile(r"[|·•,;/\-–—]")


def may_separate(line: str) -> bool:
    """Can ``_SEPARATORS`` cut the line? Not without one of its marks and without three white
    spaces in a row (in printable ASCII text the only white space is the space). Other text always
    can; ASCII text holds only the ASCII marks, looked for by plain substring tests (a regex search
    costs thousands of instructions). (The plain form: ``_SEPARATOR_MARKS.search(line)``, or three
    spaces in printable ASCII text, or other text.)"""
    if not line.isascii():
        return True
    if "|" in line or "," in line or ";" in line or "/" in line or "-" in line:
        return True
    return "   " in line if line.isprintable() else True


_LEADER = re.compile(r"^(?:[\s•□○●◦▪■*>\-–—]+|\[[^\]]{0,40}\]\s*)+")
#: the characters ``_LEADER`` can start with, besides white space (a line starting otherwise has no leader)
_LEADER_START = frozenset("•□○●◦▪■*>-–—[")
#: a substring every match of ``_LEAD_INNER`` holds: a line with none of them is not searched
_INNER_HINTS = ("by", "By", "von", "Von", "vom", "Vom", "par", "Par", "por", "Por", "door", "Door", "utor", "uthor",
                "Quelle:", "Source:", "Text:")


#: ``_INNER_HINTS`` lower-cased, each once
_INNER_HINTS_LOW = tuple(dict.fromkeys(h.lower() for h in _INNER_HINTS))


def may_lead_inside(line: str) -> bool:
    """Can ``_LEAD_INNER`` match in the line? Not unless its lower-cased text holds one of the hints
    lower-cased: ``str.lower`` maps each character on its own, so a line holding a hint holds it lower-cased
    in its lower-cased text (ten substring tests where ``any(map(line.__contains__, _INNER_HINTS))``
    made fifteen calls, ~10k instructions a line; "maybe" a little more often, never "no" where a hint is)."""
    return holds_any(line.lower(), _INNER_HINTS_LOW)


#: what can turn one word into two inside ``split_names``: an entity, brackets, an address or handle,
#: a URL (each cut out for a space), or a lower-case letter glued to a capital (split at the seam)
_MAY_SPLIT = re.compile(r"[&(\[@]|[a-zß-ÿ][A-ZÄÖÜ]|(?i:https?://|www\.)")


def two_words_possible(line: str) -> bool:
    """Can ``split_names(line)`` give a name of two words or more (what a person's name needs)? Not
    for one word (most lines of a menu) that nothing in ``split_names`` splits."""
    return len(line.split(maxsplit=1)) > 1 or _MAY_SPLIT.search(line) is not None


#: the words ``looks_like_person`` lets start lower-case ("der" and "del" start with "de")
_PARTICLE_START = re.compile(r"(?<!\w)(?i:van|von|de|da|di|du|la|le|bin|al)")
#: an ASCII capital where a word of a name can start: after no word character, or after a lower-case letter
#: (where ``split_names`` may cut "JaneStaff", "DoeFOX", "ByJane" apart)
#: (the capital first, the look-behind over it and the character before: the search skips to capitals)
_CAPITAL_START = re.compile(r"[A-Z](?<![^\Wa-zß-ÿ].)")
#: ASCII text to bytes whose words are ``re``'s: A-Z lower-cased, every character that is no word character a space
_WORD_BYTES = bytes((c + 32 if 65 <= c <= 90 else c) if chr(c).isalnum() or c == 95 else 32 for c in range(256))
#: the heads of the words ``_PARTICLE_START`` finds, in those bytes
_PARTICLE_HEADS = (frozenset({b"van", b"von", b"bin"}), frozenset({b"de", b"da", b"di", b"du", b"la", b"le", b"al"}))
_SEAM_LEFT = frozenset("abcdefghijklmnopqrstuvwxyz" + "".join(map(chr, range(0xDF, 0x100))))


def may_be_people(text: str, need: int) -> bool:
    """Can ``split_names(text)`` give ``need`` words or more that each start with a capital or are a
    particle (what ``looks_like_person`` asks of every word)? Each word of a name is a piece of the
    text at a place of its own, never a letter made: it starts at the text's start, after a character
    that is no word character, or (a capital) where ``split_names`` cuts a lower-case letter from a
    capital. Such places are counted; too few prove that no reading of people's names can come of the
    text. Text with a digit (a date cut off may leave a word glued to it) or an entity (unescaped
    into letters) is not counted: True. (A pre-test sparing ``split_names``, ~160k instructions.)"""
    if ("&" in text and ";" in text) or has_digit(text):
        return True
    found = capital_starts(text)
    return found >= need or found + particle_starts(text) >= need


def particle_starts(text: str) -> int:
    """``len(_PARTICLE_START.findall(text))``; for ASCII text the words of the text are counted whose head
    is a particle (a regex look-behind at every character costs ~16k instructions a line)."""
    if not text.isascii():
        return len(_PARTICLE_START.findall(text))
    three, two = _PARTICLE_HEADS
    return sum(1 for w in text.encode().translate(_WORD_BYTES).split() if w[:2] in two or w[:3] in three)


def capital_starts(text: str) -> int:
    """How many capitals stand where a word of a name can start: at the start, after a character that is
    no word character (``re``'s ``\\w``: a letter, a digit or "_"), or after a lower-case letter of
    ``_SEAM_LEFT``. (ASCII text: one ``findall`` of ``_CAPITAL_START``; other text: a loop.)"""
    if text.isascii():
        return len(_CAPITAL_START.findall(text))
    return sum(1 for i, ch in enumerate(text) if ch.isupper() and
               (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_") or text[i - 1] in _SEAM_LEFT))


#: the labels ``LABELLED`` starts with
_LABELS = ("autor", "autorin", "author", "text", "verfasser", "verfasst von", "written by")
_LABEL_PREFIXES = ascii_prefixes(_LABELS)
_LABEL_LONGEST = max(map(len, _LABELS))
#: the marks a line's names are split at besides white space, made spaces: ``str.split()`` then cuts where
#: ``re.split(r"[\s,;&/|]+", line)`` would (its white space is ``\s``'s, ``str.isspace``), with no empty piece
_NAME_MARKS = ",;&/|"
_JOINERS = ("and", "und", "et", "y")


def name_split_words(line: str) -> list[str]:
    r"""``[w for w in re.split(r"[\s,;&/|]+", line) if w and w.lower() not in _JOINERS]``: the line's words, marks and
    joiners ("and", "und", "et", "y") left out (each mark present replaced by a space, then a split, no regex;
    ``str.translate`` with a table looks every character up: ~10k instructions a line)."""
    for mark in _NAME_MARKS:
        if mark in line:
            line = line.replace(mark, " ")
    return [w for w in line.split() if w.lower() not in _JOINERS]


def lead_start(line: str) -> bool:
    """``LEAD_START.match(line)``, the regex spared where no lead-in can start."""
    if not line[:1].isalnum() and line[:1] != "[":
        # the leader ``[\W_]*`` runs up to the first letter or digit, where the lead-in must start
        # (a rule of "━━━━" would cost the regex one try of every lead-in per character)
        k = next((i for i, ch in enumerate(line) if ch.isalnum()), len(line))
        return k < len(line) and (not line[k].isascii() or _may_lead_word(line[k:])) and \
            LEAD_START.match(line) is not None
    if line[:1].isascii() and line[:1].isalnum() and not _may_lead_word(line):
        return False
    return LEAD_START.match(line) is not None


def _may_lead_word(line: str) -> bool:
    """For a line starting with an ASCII letter or digit (no leader then): does one of ``LEAD_START``'s
    lead-ins start it, as a whole word or glued to a capital? (A lead-in that is a word's head,
    "De|sign", "Par|is", cannot match.) True when the line's head is not ASCII (the regex decides)."""
    if _LEAD_PREFIXES is None:
        return True
    if not may_begin(line, _LEAD_PREFIXES, _LEAD_LONGEST):
        return False
    head = line[:_LEAD_LONGEST + 1]
    if not head.isascii():
        return True
    low = head.lower()
    for word in _LEAD_PREFIXES.get(low[:1], ()):
        if low.startswith(word):
            nxt = head[len(word):len(word) + 1]
            if not nxt.isalpha() or (nxt.isupper() and head[len(word) - 1].islower()):
                return True
    return False


def labelled(line: str) -> bool:
    """``LABELLED.match(line)``, the regex spared where no label can start."""
    return may_begin(line, _LABEL_PREFIXES, _LABEL_LONGEST) and LABELLED.match(line) is not None


def strip_leader(text: str) -> str:
    """The line without its bullet or image label ("• ", "□ ", "[avatar] ")."""
    if text[:1] not in _LEADER_START and not text[:1].isspace():
        return text.strip()
    return _LEADER.sub("", text).strip()


def readings(text: str) -> list[tuple[str, list[str]]]:
    """(how, names) for every way this line can be read as a byline."""
    out: list[tuple[str, list[str]]] = []
    line = strip_leader(text)
    if not line:
        return out
    lead = lead_start(line)
    if lead or explicit_byline(line) or labelled(line):
        rest = LEAD_START.sub("", line, count=1) if lead else line
        for names in (split_names(rest) if rest != line else [], split_names(line)):
            if names and all(names != n for _h, n in out):
                out.append(("lead", names))
    for m in _LEAD_INNER.finditer(line) if may_lead_inside(line) else ():
        if m.start() == 0 and out:
            continue   # the line's lead-in, read already
        names = split_names(m.group(1))
        if names:
            out.append(("inner", names))
            break
    digits = has_digit(line)
    if len(line) <= MAX_NAME_LINE and not digits and two_words_possible(line):
        words = name_split_words(line)
        # (the names' words, two or more, must be all but one of the line's words)
        names = split_names(line) if may_be_people(line, max(len(words) - 1, 2)) else []
        # (a name printed with its role or a picture's label, "J.R. Stone Image", is the segment reading's)
        if names and all(looks_like_person(n) for n in names) and len(role_cut(line)) < 2:
            if sum(len(n.split()) for n in names) >= len(words) - 1:
                out.append(("name_only", names))
    if digits:
        dated = dated_reading(line)
        if dated:
            out.append(("dated", dated))
    out += label_reading(line, out) + segment_reading(line, out) + picture_reading(line, out)
    return _without_particle_tails(out)


#: the particles a lead-in word can also be inside a name ("Christoph von Ritter", "Ana de Souza")
_NAME_PARTICLES = ("von", "vom", "van", "de", "da", "di", "du", "par")


def _without_particle_tails(out: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The readings less an inner lead-in that is a particle inside a name another reading gives whole: "von
    Ritter" read as the lead-in "von" before "Ritter" where the line's name is "Christoph von Ritter"."""
    inner = [names[0] for how, names in out if how == "inner" and len(names) == 1]
    if not inner:
        return out
    whole = [n for how, names in out if how != "inner" for n in names]
    tails = {t for t in inner if any(w.endswith(f" {p} {t}") for w in whole for p in _NAME_PARTICLES)}
    return [(how, names) for how, names in out if not (how == "inner" and len(names) == 1 and names[0] in tails)]


#: a year glued to what follows it: a second date ("1. November 20161. November 2016", the published and
#: the updated day printed as one run) or a name ("December 4, 2019Jane Doe")
_GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}\.\s|[^\W\d_])")
#: a comment link or prompt closing a dateline ("... karstenruppert Schreibe einen Kommentar", "Jane Doe
#: Leave a comment", "Jane Doe 2 Kommentare"): no part of the name
_COMMENT_TAIL = re.compile(r"\s+(?:\d+\s+)?(?:schreibe einen kommentar|hinterlasse einen kommentar|"
                           r"kommentar schreiben|leave a (?:comment|reply)|add (?:a )?comments?|kommentare?|"
                           r"comments?|responses?|antworten)\s*$", re.I)
MAX_DATED_SIDE = 5   # words: the name beside a dateline ("Jane Doe", "Dr. Anna Maria Schmidt"), not a sentence


def dated_reading(line: str) -> list[str]:
    """The names printed beside a line's date(s) ("Janic Cathomen, 01.12.2021", "Dec 3, 2019 · Paddy ·
    7 comments"): the part just before the first date, else the part just after the last one (a line
    may print the published and the updated day, glued or not)."""
    if _GLUED_YEAR.search(line):
        line = _GLUED_YEAR.sub(r"\1 ", line)
    found = find_dates(line, limit=3)
    if not found:
        return []
    # (the separator next to the date goes first: "Paddy · April 19, 2019 · 7 comments")
    before = _SEPARATORS.split(line[:found[0].start].strip(_SIDE_MARKS))
    after = _SEPARATORS.split(line[found[-1].end:].strip(_SIDE_MARKS))
    for side in (before[-1] if before else "", after[0] if after else ""):
        if side and ("(" in side or lead_start(side)):
            # "05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)": the label and the role go
            side = LEAD_START.sub("", _PARENS.sub(" ", side), count=1)
        side = _COMMENT_TAIL.sub("", side.strip(" -–—|•·,:")) if side else side
        if not side or len(side.split()) > MAX_DATED_SIDE or has_digit(side):
            continue
        names = split_names(side)
        if names and sum(len(n.split()) for n in names) >= len(side.split()) - 1:
            return names
    return []


_SIDE_MARKS = " -–—|•·,:;/"
#: a part in brackets beside a dateline's name: a role ("(Pressesprecher des EJW)") or a handle
_PARENS = re.compile(r"\([^()]{0,60}\)|\[[^\[\]]{0,60}\]")
#: "WORDS & IMAGES: Katerina", "Artikel von: Jessie", "EDITING: Maria": a short label of up to
#: ``MAX_LABEL_WORDS`` words, a colon, then the names (any label, in any language)
_COLON_LABEL = re.compile(r"^([^\W\d_][^:：\d]{0,28}?)\s*[:：]\s*(\S.{0,48})$")
MAX_LABEL_WORDS = 3   # a role or a credit ("Text und Bild"), not a sentence that holds a colon


def label_reading(line: str, out: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A line "<label>: <names>" whose names part is only names; not when another reading of the
    line gave the same names already."""
    m = _COLON_LABEL.match(line) if ":" in line or "：" in line else None   # (the pattern needs one)
    if not m or len(m.group(1).split()) > MAX_LABEL_WORDS:
        return []
    names = split_names(m.group(2))
    if not names or not all(_capital(n) or has_digit(n) for n in names) or any(names == n for _h, n in out):
        return []
    return [("label", names)]


def _capital(name: str) -> bool:
    """Does the name start with a capital, or with a letter of a script without case ("责任编辑：孔德明")?"""
    first = name[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def segment_reading(line: str, out: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The first part of a line cut by separators ("|", "·", wide gaps), when it is only the names of
    people and something follows ("Patrick Danowski   06 PM | 18 Mai", "Jane Doe and John Roe  |
    Guest Columnists"); not when another reading gave the same names."""
    if not may_separate(line) and not may_role_cut(line):
        return []   # one part
    parts = [x for x in _SEPARATORS.split(line) if x]
    if len(parts) < 2:
        parts = role_cut(line)   # "Richard Adams Education editor", "Harald Bauer Autor"
    if len(parts) < 2 or has_digit(parts[0]) or len(parts[0]) > MAX_NAME_LINE:
        return []
    words = [w for w in parts[0].split() if w.lower() not in ("and", "und", "et", "y", "&")]
    names = split_names(parts[0]) if may_be_people(parts[0], max(len(words), 2)) else []
    if not names or not all(looks_like_person(n) for n in names) or \
            sum(len(n.split()) for n in names) < len(words) or any(names == n for _h, n in out):
        return []
    return [("segment", names)]


MAX_ROLE_LINE = 7   # words: a name (two to four words) and its role (one to three), printed as one line
MAX_NAME_WORDS = 4  # words of a name in ``role_cut``


def may_role_cut(line: str) -> bool:
    """Can ``role_cut`` cut the line? It needs three to ``MAX_ROLE_LINE`` words and no digit."""
    return 3 <= len(line.split()) <= MAX_ROLE_LINE and not has_digit(line)


def role_cut(line: str) -> list[str]:
    """A name and the role printed after it without a separator ("Richard Adams Education editor", "Harald
    Bauer Autor", "J.R. Stone Image"), as the two parts [name, role]; [line] when the line is not one."""
    if not may_role_cut(line):
        return [line]
    words = line.split()
    for k in range(2, min(MAX_NAME_WORDS, len(words) - 1) + 1):
        tail = " ".join(words[k:])
        if is_role(tail) or _PICTURE_WORD.match(tail):
            return [" ".join(words[:k]), tail]
    return [line]


#: a picture's label printed after or before a name: "J.R. Stone Image", "Jane Doe Headshot", "Jane Doe
#: KGO logo" (an image's text beside the byline), "Picture of Adam Hamilton", "Photo of Swoogo"
_PICTURE_WORDS = "image|photo|picture|headshot|avatar|portrait|foto|bild|profilbild"
_PICTURE_WORD = re.compile(rf"^(?:(?:{_PICTURE_WORDS})|\S+\s+logo)$", re.I)
_PICTURE_OF = re.compile(rf"^(?:{_PICTURE_WORDS})\s+(?:of|von|de)\s+(?=[^\W\d_])", re.I)


def picture_reading(line: str, out: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The names a picture's label names ("Picture of Adam Hamilton Adam Hamilton": the author's photo and
    the name printed after it), read as a lead-in inside the line; not when another reading gave them."""
    m = _PICTURE_OF.match(line) if len(line) <= MAX_NAME_LINE * 2 else None
    if not m:
        return []
    rest = line[m.end():]
    names = split_names(rest.split(",")[0])
    if not names or not all(looks_like_person(n) or len(n.split()) == 1 and n[:1].isupper() for n in names) or \
            any(names == n for _h, n in out):
        return []
    return [("inner", names)]


#: one word that can be a user name or a first name printed alone as the byline ("Benni", "karstenruppert")
_ONE_WORD = re.compile(r"^[^\W\d_][\w.-]{2,24}$")


def one_word_name(text: str) -> list[str]:
    """A line right under the headline that is one name-like word, not a menu or month word."""
    line = strip_leader(text)
    if not _ONE_WORD.match(line) or line.lower() in UI_WORDS or line.lower() in month_words():
        return []
    return split_names(line)
