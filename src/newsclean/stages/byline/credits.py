"""Text captures: names a byline-shaped line gives that are no author of the story.

A picture's, a sponsor's or a platform's credit reads like a byline ("Photo by Jane Doe", "Image by Alexandra
Barfoot Photography via One Fab Day", "Sponsored by Acme Corp", "Powered by WordPress", "Photo: Jane
Doe/Reuters"), and a date's label beside the date reads like a name ("Last updated 5 February 2024" gave the
author "Last", "Par Jean Dupont, publié le 3 mars 2024" the author "publié le"). The ranker still weighs every
reading (its training data is what it was, so the shipped ranker retrains byte for byte); the byline stage takes
the best candidate whose names survive ``story_names``.
"""
from __future__ import annotations

import re

from newsclean.normalize.dates import find_dates
from newsclean.stages.title import date_label
from newsclean.strings import has_digit

#: (``rank._PHOTO`` is the ranker's photo-word feature and stays as it was fitted; this list reads a credit's opening
#: word only, and a sponsor's and a platform's too)
_CREDITS = (r"photos?|photographs?|photography|photographed|images?|pictures?|illustrations?|illustrated|graphics?|"
            r"artwork|cover|maps?|charts?|videos?|fotos?|bilder?|grafik|illustrationen?|titelbild|sponsored|presented|"
            r"powered|supported|funded|brought to you|courtesy")
#: a credit word and its "by" or colon before the name, with no other "by" or colon between (the names after
#: "Photo:" are all credited: "Photo: Jane Doe/Reuters"; "Photos by John Roe, words by Jane Doe" credits John Roe only)
_CREDITED = re.compile(r"(?<![^\W\d_])(?:" + _CREDITS + r")\s*(?:by\b|von\b|:)(?:(?!\bby\b|\bvon\b|:).)*$", re.I)
#: a credit joined to the writing ("Text & Fotos: Ivan Valetny", "Words and pictures by ..."): the writer's byline
_JOINED = re.compile(r"(?:&|\+|/|\band|\bund|\bet|\by)\s*$", re.I)
#: what may stand between a name and the date after it without being part of the name
_SIDE = " ,.:;-–—|•·/"


def story_names(names: list[str], line: str) -> list[str]:
    """The names of ``names`` (a candidate's, read off ``line``) that are not a credit's or a date's label."""
    low = line.lower()
    out = []
    for name in names:
        at = low.find(name.lower())
        if at < 0:
            out.append(name)   # cleaned beyond a plain match ("JANE DOE" read as "Jane Doe"): kept
            continue
        credit = _CREDITED.search(line, 0, at)
        if credit and not _JOINED.search(line, 0, credit.start()):
            continue
        rest = line[at:]
        found = find_dates(rest, limit=1) if has_digit(rest) else []
        if found and date_label(line[at:at + found[0].start].strip(_SIDE)):
            continue   # "Last updated 5 May", "Last Updated: February 5": the label of the date after it
        out.append(name)
    return out
