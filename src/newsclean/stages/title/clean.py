"""Text captures: the chosen headline line made the headline. A renderer draws marks around it ("******
Headline ******", "# Headline", lynx's "(BUTTON)" before a button's label) and a page may glue a short
extra to it (a source and a comment count "(example.com) 87"); the capture
then usually prints the headline once more on its own, which says where it ends."""
from __future__ import annotations

import re

from newsclean.page import Block
from newsclean.stages.title.kicker import MAX_LINES  # (lines searched for the headline printed alone)

_DECOR = re.compile(r"^[\s*#=_~]+(?=\S)|(?<=\S)[\s*#=_~]+$")
#: a lone emphasis mark glued to the word after (at the start) or before it (at the end): "*Ab Montag* ..."
_LONE_MARK = ("*", "_")
_MARKS = " *#=_~"   # what ``_DECOR`` takes off either end
#: lynx prints a form button's label behind this mark; a headline drawn as a button is the label alone
_BUTTON = "(BUTTON)"

#: words: a longer extra is a dek or a second sentence, not a glued alt text, source or count
MAX_TAIL_WORDS = 3
#: words the shorter line (the headline printed alone) has at least: two words begin many lines
MIN_ALONE_WORDS = 4
#: a glued extra is no plain words: a source in brackets, a count ("(example.com) 87"); words and numbers
#: ("... review", "... of 2026" beside the name printed alone further down) may be the headline's own
_NOT_WORDS = re.compile(r"[^\w\s]")


def _mark_kept(text: str, clean: str) -> str:
    """Put back a lone emphasis mark ``_DECOR`` took off an end when the text prints its pair inside."""
    body = text.strip()
    if body[:1] in _LONE_MARK and len(body) - len(body.lstrip(_MARKS)) == 1 and body[0] in body[1:]:
        clean = body[0] + clean
    if body[-1:] in _LONE_MARK and len(body) - len(body.rstrip(_MARKS)) == 1 and body[-1] in body[:-1]:
        clean = clean + body[-1]
    return clean


def undecorate(text: str) -> str:
    """"****** Headline ******" (html2text), "# Headline" (Markdown), "(BUTTON) Headline" (lynx): the
    headline without its marks; a single "*" glued to a word with its pair inside the line is the page's own
    emphasis ("*Ab Montag* 10000 Produkttester ... *REWE Produkttest*") and stays."""
    if text.lstrip().startswith(_BUTTON) and text.lstrip()[len(_BUTTON):].strip():
        text = text.lstrip()[len(_BUTTON):].lstrip()
    clean = _DECOR.sub("", text)
    if not clean.strip():
        return text
    return _mark_kept(text, clean)


def without_extra(blocks: list[Block], text: str) -> str:
    """The headline without a short extra glued behind it ("... Guarantee Jobs (example.com) 87") when the
    capture also prints the headline alone as a line of its own and the extra is no plain words ("... Times
    review", "... Shoes of 2026" beside "... Times", "... Shoes" stay whole)."""
    words = text.split()
    if len(words) <= MIN_ALONE_WORDS:
        return text
    shown = {b.text.strip() for b in blocks[:MAX_LINES]}
    for k in range(1, min(MAX_TAIL_WORDS, len(words) - MIN_ALONE_WORDS) + 1):
        head, tail = " ".join(words[:-k]), " ".join(words[-k:])
        if head in shown and _NOT_WORDS.search(tail):
            return head
    return text
