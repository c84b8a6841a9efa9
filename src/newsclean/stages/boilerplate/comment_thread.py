"""Text captures: the thread of reader comments under a story, found by its marks.

Readers' comments are prose too, often more of it than the story, so the body search can take a long
thread for the story ("Armanox June 28, 2015 at 10:25 pm / Really, no Shagrath?", "Tollertext schreibt: /
29. Mai 2019 um 10:55 / ... / Antworten"). A thread shows itself by its marks, one per comment: a short
header line with a date and a time of day, "<name> says:" / "<name> schreibt:", or a bare "Reply" /
"Antworten" button. ``MIN_MARKS`` marks or more, each within ``MAX_GAP`` blocks of the one before, are a
thread; when the body search's best run opens with one (``thread_start``), it looks for the story before it
(``text.select_main``).

The capture classifier has a comment-header test of its own (``classify.features._comment_head``: "says:",
"Reply", "3 years ago", a trailing "at 3:12 pm"). It is a feature of the fitted model and stays as the weights were
fitted with it; the marks here are read by a rule, and read a date with a time anywhere in a short line and the
reply buttons of more languages.
"""
from __future__ import annotations

import re

from newsclean.normalize.dates import find_dates
from newsclean.page import Block

#: marks a thread needs (two are a byline and a dateline as often)
MIN_MARKS = 3
#: blocks between one comment's mark and the next one's at most (a comment of a dozen paragraphs)
MAX_GAP = 20
#: a header line is short: a name, a date and a time (and maybe "Reply" or a permalink)
MAX_HEADER_CHARS = 80

#: a comment's reply button, printed alone ("Reply", "Reply ↓", "Antworten")
REPLY_LABELS = frozenset({"reply", "antworten", "antwort", "responder", "responde", "répondre", "rispondi",
                          "beantwoorden", "reageren", "svara", "odpowiedz", "odpowiedź"})
#: a time of day: "10:25 pm", "17:39", "4:55pm", "10.25 Uhr"
_TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)(?:\s*(?:[ap]\.?\s?m\.?|uhr|h)\b)?", re.IGNORECASE)
#: "<name> says:" and its translations, a comment's header in WordPress themes
_SAYS = re.compile(r"^\S.{0,60}\s(?:says|said|schreibt|sagt|dice|dit|écrit|scrive|zegt|escreveu|skriver):$",
                   re.IGNORECASE)


def is_reply_label(text: str) -> bool:
    """A bare reply button: "Reply", "Reply ↓", "Antworten"."""
    return len(text) <= 20 and text.strip(" ↓→↩⤶»›|()[]").casefold() in REPLY_LABELS


def is_comment_header(text: str) -> bool:
    """A comment's header: "<name> says:", or a short line with a date and a time of day ("Armanox June 28,
    2015 at 10:25 pm", "29. Mai 2019 um 17:39" under "Tollertext schreibt:"). A live blog's entries print
    such lines too: ``text.select_main`` asks more than the marks before it looks above them."""
    if len(text) > MAX_HEADER_CHARS:
        return False
    if text.endswith(":") and _SAYS.match(text):
        return True
    return _TIME.search(text) is not None and bool(find_dates(text, limit=1))


#: blocks a thread's first mark may lie below the start of the run it opens (the thread's own heading,
#: "142 Antworten zu ...", "← Older comments", the post's filing line)
LEAD = 5


def thread_start(blocks: list[Block], start: int, end: int) -> int | None:
    """Does the run ``blocks[start:end + 1]`` open with a comment thread — ``MIN_MARKS`` marks within
    ``MAX_GAP`` blocks of each other, the first within ``LEAD`` blocks of ``start`` (above it too: the run
    may start inside the first comment)? The index of its first mark, or None."""
    run: list[int] = []
    for i in range(max(0, start - LEAD), end + 1):
        text = blocks[i].text
        if not (is_reply_label(text) or is_comment_header(text)):
            continue
        if not run and i - start > LEAD:
            return None
        if run and i - run[-1] > MAX_GAP:
            return None
        run.append(i)
        if len(run) >= MIN_MARKS:
            return run[0]
    return None
