"""The last cuts of a text capture's story: a heading of a list of other posts after it, and an end marker
left as its last line.

``navigation`` ends a capture's story at an end marker ("Related stories", "Comments") before the learned
models run, and those markers are inputs of the models (``data/text_end_markers.txt``). The headings of
``data/text_late_end_markers.txt`` ("More articles", "Recent posts", "Up next", ...) are read only here,
once the ``regions`` stage's models have settled the story: such a heading, with most of the story's prose
above it, ends the story, and it and every kept block after it go. A list read only after the models leaves
their training rows as they were (the models' trainers run the stages before ``regions``), so the list can
grow without a refit of the capture models.
"""
from __future__ import annotations

from newsclean.features.text import in_menu, is_end_marker, prose_of
from newsclean.page import DropKind, Page

#: the phrase list (``data/text_late_end_markers.txt``)
LATE_MARKERS = "late_end_markers"
#: prose words the story must print above the heading: a heading near the top is a menu's or a sidebar's
#: (navigation's end markers ask the same)
MIN_STORY_WORDS = 30
#: the phrase lists a trailing heading is looked up in (``drop_trailing_markers``)
TRAILING_MARKERS = ("end_markers", LATE_MARKERS)


def drop_after_late_marker(page: Page, stage: str) -> None:
    """Drop the first heading of ``LATE_MARKERS`` that has at least ``MIN_STORY_WORDS`` prose words and more
    of the kept prose above it than below it (not a heading inside a menu), and every kept block after it."""
    kept = list(page.kept())
    words = [p.words if p.prose else 0 for p in map(prose_of, kept)]
    below = sum(words)
    seen = 0
    for i, b in enumerate(kept):
        below -= words[i]
        if words[i]:
            seen += words[i]
            continue
        if seen < MIN_STORY_WORDS or below >= seen:
            continue
        if not is_end_marker(b, LATE_MARKERS) or in_menu(page.blocks, b.index):
            continue
        for x in kept[i:]:
            page.drop(x, stage, f"end matter after the heading {b.text[:40]!r} (block {b.index}) of a list of "
                                "other posts", kind=DropKind.END_MATTER)
        return


def drop_trailing_markers(page: Page, stage: str) -> None:
    """Drop the kept text's last blocks while they are end markers ("Das könnte Sie auch interessieren:",
    "Related articles", "Share this:") and not prose: a heading of what the story no longer keeps (a later
    stage restored it, or left it when the list under it went) says nothing of the story (however short the
    story: a heading with nothing under it heads nothing). Not when every kept block is one."""
    kept = list(page.kept())
    trailing = []
    for b in reversed(kept):
        if prose_of(b).prose or not any(is_end_marker(b, kind) for kind in TRAILING_MARKERS):
            break
        trailing.append(b)
    if not trailing or len(trailing) == len(kept):
        return
    for b in reversed(trailing):
        page.drop(b, stage, f"end matter: the heading {b.text[:40]!r} of what the story no longer keeps, "
                            "left last", kind=DropKind.END_MATTER)
