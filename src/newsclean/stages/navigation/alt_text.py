"""Image descriptions printed in a text capture: an image's alternative text, where the renderer put it.

A text browser prints an ``<img>``'s ``alt`` attribute in the image's place, and sites written for screen
readers describe every picture in a sentence or a paragraph: "Screenshot of a ClickHouse dashboard
titled ...", "A headshot of Jane Doe in an office.", "Infographic showing the top trends ...", "Image from
Mary's April 2024 review.". These read as prose, so the body search keeps them, but they are no part of
the article's text. A description opens with what the picture is (a screenshot, diagram, photo, chart ...)
and "of", "showing", "titled", "depicting", "illustrating" or "from"; a story's sentence almost never does
(on the tune captures of WCXB articles, w3m: 121 such blocks, 1 in the gold text).
"""
from __future__ import annotations

import re

from newsclean.normalize.prefilter import ascii_prefixes, may_begin

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


def alt_text_like(text: str, words: int) -> bool:
    """Does this block (of ``words`` words) read as an image's description?"""
    return words <= MAX_WORDS and may_begin(text, _PREFIXES, _LONGEST) and _ALT_TEXT.match(text) is not None
