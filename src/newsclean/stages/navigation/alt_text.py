"""Image descriptions printed in a text capture: an image's alternative text, where the renderer put it.

A text browser prints an ``<img>``'s ``alt`` attribute in the image's place, and sites written for screen
readers describe every picture in a sentence or a paragraph: "Screenshot of a ClickHouse dashboard
titled ...", "A headshot of Jane Doe in an office.", "Infographic showing the top trends ...", "Image from
Mary's April 2024 review.". These read as prose, so the body search keeps them, but they are no part of
the article's text. A description opens with what the picture is (a screenshot, diagram, photo, chart ...)
and "of", "showing", "titled", "depicting", "illustrating" or "from"; a story's sentence almost never does
(on the tune captures of WCXB articles, w3m: 121 such blocks, 1 in the gold text).

A picture's text also comes printed twice on one line ("man taking selfies indoors.man taking selfies
indoors.", "[]Screens from Togetherr Screens from Togetherr"): its alternative text and its title, or the
image and its lazy-loading copy, side by side. A story's sentence is never its own echo: on the tune
captures of WCXB articles such lines were kept in the body 144 times by w3m and 163 by lynx, and 3 and 5 of
them were in the gold text (a caption the annotator kept once). And a caption is known by the credit it
closes with (``closing_credit``, one of ``navigation.text.caption_like``'s tests).
"""
from __future__ import annotations

import re

from newsclean.normalize.prefilter import ascii_prefixes, may_begin
from newsclean.strings import holds_any

#: a description runs to a paragraph at most (an infographic's, 110 words on the tune pages); a longer
#: block that opens this way is a story's paragraph about a picture
MAX_WORDS = 120
_NOUNS = ("screenshot", "diagram", "infographic", "image", "photo", "photograph", "picture", "illustration",
          "chart", "graph", "map", "graphic", "rendering", "headshot", "portrait", "still")
_ALT_TEXT = re.compile(r"^\s*(?:an? )?(?:" + "|".join(_NOUNS) + r")s? (?:of|showing|titled|depicting|illustrating|"
                       r"from)\b", re.I)
#: the words a description starts with (``prefilter.may_begin``): most lines are answered without the regex
_FIRST_WORDS = ("a ", "an ") + _NOUNS
_PREFIXES = ascii_prefixes(_FIRST_WORDS)
_LONGEST = max(map(len, _FIRST_WORDS))


#: an image marker a renderer may print in front of the text ("[]", "[IMG]", "[logo]")
_MARKER = re.compile(r"^\[[^\]]{0,40}\]\s*")
#: the echo's half: two words at least ("Bora Bora" is a place, not a picture's text printed twice)
_MIN_HALF_WORDS = 2
#: how far from the middle the echo may start (the gap between the halves: nothing, a space or a few)
_SLACK = 3


def printed_twice(text: str, words: int) -> bool:
    """Is this block one text printed twice, side by side (an image's alternative text and its echo)?"""
    if words < 2 * _MIN_HALF_WORDS - 1 or words > 2 * MAX_WORDS:  # (- 1: the halves may be glued)
        return False
    t = text.strip()
    if t[:1] == "[":
        t = _MARKER.sub("", t)
    n = len(t)
    mid = n // 2
    for k in range(max(1, mid - _SLACK), min(n, mid + _SLACK + 1)):
        # the echo starts at k: it opens as the text does and the two halves are equal
        if t[k] == t[0] and t[:k].rstrip() == t[k:] and len(t[k:].split()) >= _MIN_HALF_WORDS:
            return True
    return False


def alt_text_like(text: str, words: int) -> bool:
    """Does this block (of ``words`` words) read as an image's description?"""
    return words <= MAX_WORDS and may_begin(text, _PREFIXES, _LONGEST) and _ALT_TEXT.match(text) is not None


#: a caption's closing credit after a full stop or a wide gap: "... on the trail.   Credit: Sam Schild",
#: "Photo courtesy of NYIM Training", "... for EVs. Image by John Goreham" (on the tune captures of WCXB
#: articles, kept lines ending so: w3m 108, 1 of them in the gold text; lynx 94 and 2). Linear in the text: a
#: wide gap is taken from its first white-space character only, ``(?<!\s)``, and no two ``\s*`` touch (tried at
#: every space, or with "photo\s*(?:credit)?\s*:", a line of 8,000 spaces took 4.7 s)
_CREDIT_TAIL = re.compile(r"(?:^|[.!?”\"’)]\s*|(?<!\s)\s{2,})(?:(?:photo(?:graph)?|image|picture|foto|illustration|"
                          r"imagen|imagem|bild|abbildung|fotograf[íi]a)(?:s|es)?"
                          r"(?:\s*(?:credit|courtesy))?\s*:|(?:credits?|cr[ée]dits?|cr[ée]ditos?)\s*:|"
                          r"(?:photo|image|picture)s? (?:courtesy(?: of)?|by)\b:?)"
                          r"\s*(?:[@©]\s*)?[A-Z][^.!?:]{1,60}$", re.I)
#: words ``_CREDIT_TAIL`` needs one of (case-folded)
_CREDIT_TAIL_WORDS = ("photo", "image", "picture", "foto", "illustration", "credit", "imagen", "imagem", "bild",
                      "abbildung", "fotograf", "crédit")


def closing_credit(text: str, low: str) -> bool:
    """Does this text (``low``: case-folded) close with a picture's credit ("...   Credit: Sam Schild")?"""
    return holds_any(low, _CREDIT_TAIL_WORDS) and _CREDIT_TAIL.search(text) is not None
