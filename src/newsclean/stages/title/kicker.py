"""The kicker printed with a headline: a label of a few words ("Brexit", "Kind krank") set above or in
front of it. HTML: a kicker span inside the <h1>; text captures: a kicker joined to the headline line by
the renderer. Both give the headline without it."""
from __future__ import annotations

import re

from newsclean.page import Block

#: a kicker span is the smaller part of the <h1>'s text: a longer one is the headline itself
KICKER_SHARE = 0.6
#: lines searched for the headline printed alone or with a separator (a capture's head, past its menus)
MAX_LINES = 3000
#: characters: a line that long is a paragraph, never a headline printed again
MAX_LINE = 400
_KICKER_CLASS = re.compile(r"kicker|dachzeile|topline|overline|eyebrow|roofline|supertitle|overtitle|"
                           r"spitzmarke|headline-intro|label|rubric|category", re.I)


def without_kicker(block: Block) -> str:
    """An <h1>'s text without a kicker span inside it ("<span class=kicker>Brexit</span>: Headline")."""
    el = block.element
    text = block.text
    if el is None or not hasattr(el, "iterdescendants"):
        return text
    try:
        for sub in el.iterdescendants():
            cls = (sub.get("class") or "") if isinstance(sub.tag, str) else ""
            if cls and _KICKER_CLASS.search(cls):
                kick = " ".join(" ".join(sub.itertext()).split())
                if kick and text.startswith(kick) and len(kick) < len(text) * KICKER_SHARE:
                    rest = text[len(kick):].lstrip(" :|-–—")
                    return rest or text
    except (ValueError, TypeError):
        return text
    return text


MAX_KICKER_WORDS = 6    # a kicker ("Kind krank", "Auftragshoch bei FACC") is a label of a few words
MIN_REST_WORDS = 5      # ... before a headline of a sentence's length (a short rest may be title-cased words)
MIN_PAIRED_REST = 3     # ... or a short one, when a line prints the two with a separator between (``_paired``)
_KICKER_SEP = (": ", " - ", " – ", " | ")


MIN_ECHO_WORDS = 3      # words of the headline's start another line must print: two words begin many lines
#: share of capitalised words above which a headline is title-cased ("Best Clothing Subscription Boxes in 2025"):
#: a capital letter then marks no start of a headline, and a line beginning like its tail is a subheading
TITLE_CASE = 0.6


def _title_cased(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) > TITLE_CASE * len(words)


def _echoed(kicker: str, rest: str, shown: set[str], joined: str) -> bool:
    """Does the capture print the headline ``rest`` without the ``kicker`` glued in front: alone, or with the
    kicker behind a separator ("Lübeck: So lief ...", or after it: "So lief ... - Lübeck", a teaser list's
    order); or, in a headline not title-cased, a line (a teaser, a
    short title, a breadcrumb) that is its beginning ("Weihnachten nicht zunehmen: 10 Tipps" above
    "Abnehm-Tricks für Weihnachten Weihnachten nicht zunehmen: 10 Tipps für ...") or the kicker and a
    separator before its first words ("Kind krank: Was Arbeitgeber wissen müssen")?"""
    if rest in shown or _paired(kicker, rest, joined):
        return True
    head = rest.split()[:MIN_ECHO_WORDS]
    if len(head) < MIN_ECHO_WORDS or _title_cased(rest):
        return False
    start = " ".join(head)
    # a line that is the headline's beginning, three words or more of it
    if any(line.startswith(start) and rest.startswith(line) for line in shown):
        return True
    first = " ".join(head[:MIN_ECHO_WORDS - 1])
    return any(("\n" + kicker + s + first) in "\n" + joined for s in _KICKER_SEP)


def split_kicker(blocks: list[Block], text: str) -> tuple[str | None, str]:
    """A headline line printed with its kicker in front, from two elements: "Auftragshoch bei FACC :
    Luftfahrtbranche hebt ..." (a space before the colon: a renderer joining two elements; a lower-case rest
    is French typography's colon, "Deux ans en Macronie : une condamnation ...", and stays whole), or
    "Lübeck So lief die Auktion ..." when the capture also prints the rest without the kicker or the two
    with a separator (``_echoed``). "Kicker: Headline" written as one string stays whole (sites and
    annotators treat it as the title)."""
    head, sep, tail = text.partition(" : ")
    if sep and len(head.split()) <= MAX_KICKER_WORDS and len(tail.split()) >= MIN_REST_WORDS - 2 \
            and not tail[:1].islower():
        return head, tail
    words = text.split()
    if len(words) < MIN_PAIRED_REST + 1:
        return None, text
    others = [b.text for b in blocks[:MAX_LINES] if len(b.text) <= MAX_LINE and b.text != text]
    # one text of them all, apart by line feeds: a needle without one is in a line when it is in that text
    shown, joined = set(others), "\n".join(others)
    for k in range(1, min(MAX_KICKER_WORDS, len(words) - MIN_PAIRED_REST) + 1):
        kicker, rest = " ".join(words[:k]), " ".join(words[k:])
        if not kicker[:1].isupper() or not rest[:1].isupper() or kicker.endswith((":", ",", "-")):
            continue
        if _echoed(kicker, rest, shown, joined) if len(words) - k >= MIN_REST_WORDS else \
                _paired(kicker, rest, joined):
            return kicker, rest
    return None, text


def _paired(kicker: str, rest: str, joined: str) -> bool:
    """Does a line print the two with a separator between, either way round ("Kicker: Headline",
    "Headline - Kicker")?"""
    return any(kicker + s + rest in joined or rest + s + kicker in joined for s in _KICKER_SEP)
