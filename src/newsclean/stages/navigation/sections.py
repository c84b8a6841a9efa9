"""Section-level rules of the HTML navigation stage: a table of contents that repeats the headings
further on, and headings whose whole section was dropped."""
from __future__ import annotations

import re

from newsclean.load.element_hints import classed_boxes
from newsclean.page import Block, Page
from newsclean.strings import ends_like_prose, word_tokens

_NUMBERING = re.compile(r"^\W*(?:\d+(?:\.\d+)*|[ivx]+)\W+")
PROSE_CHARS = 80        # a sentence-like paragraph this long ...
PROSE_MAX_LD = 0.3      # ... with at most this link density is the article's text (its last one ends the text)
ALL_LINK = 0.99         # a heading with this link density is one link: another page's headline
DETACHED_GAP = 12       # kept text this many dropped blocks past the rest is cut off from it (tune: 12-15 alike)


def _heading_key(text: str) -> str:
    """'2.1 Cherry blossom time' and 'Cherry Blossom Time:' alike: lower-case words without numbering."""
    low = text.lower().strip()
    return " ".join(word_tokens(_NUMBERING.sub("", low)))


def drop_contents_lists(page: Page, stage: str, min_items: int = 3, share: float = 0.8) -> None:
    """A table of contents: a run of list items that are, most of them, the titles of headings that
    come later on the page. It repeats the section titles (as links, for navigation); the body
    keeps the headings themselves."""
    blocks = page.blocks
    later: dict[str, int] = {}  # heading key -> index of its last kept occurrence
    for b in blocks:
        if b.dropped_by is None and b.kind == "heading":
            later[_heading_key(b.text)] = b.index
    if len(later) < min_items:
        return
    i, n = 0, len(blocks)
    while i < n:
        if not (blocks[i].dropped_by is None and blocks[i].kind == "list_item"):
            i += 1
            continue
        run = []
        j = i
        while j < n and (blocks[j].dropped_by is not None or blocks[j].kind == "list_item"):
            if blocks[j].dropped_by is None:
                run.append(blocks[j])
            j += 1
        hits = sum(1 for b in run if later.get(_heading_key(b.text), -1) > b.index)
        if len(run) >= min_items and hits >= share * len(run):
            for b in run:
                page.drop(b, stage, f"table of contents ({hits} of its {len(run)} items are headings further on)")
        i = j


def drop_orphan_headings(page: Page, stage: str) -> None:
    """A heading whose section (up to the next heading of the same or a higher level) lost all its
    text was the title of a dropped box ("Related stories", "Comments")."""
    blocks = page.blocks
    n = len(blocks)
    for i, b in enumerate(blocks):
        if b.dropped_by is not None or b.kind != "heading":
            continue
        level = b.features.get("level") or 6
        had_any = False
        kept_any = False
        for j in range(i + 1, n):
            nb = blocks[j]
            if nb.kind == "heading" and (nb.features.get("level") or 6) <= level:
                break
            if nb.outside_main:
                continue  # outside the main content: says nothing about this section
            had_any = True
            if nb.dropped_by is None:
                kept_any = True
                break
        if had_any and not kept_any:
            page.drop(b, stage, "heading of a dropped section")


def _is_prose(b: Block) -> bool:
    """A sentence-like paragraph with few links: the article's own text."""
    return b.kind != "heading" and len(b.text) >= PROSE_CHARS and ends_like_prose(b.text) \
        and b.features.get("link_density", 0.0) <= PROSE_MAX_LD


def _kept_runs(page: Page, gap: int) -> list[list[Block]]:
    """The kept blocks in page order, cut wherever at least ``gap`` dropped blocks lie between two."""
    runs: list[list[Block]] = []
    since = 0  # dropped blocks since the last kept one
    for b in page.blocks:
        if b.dropped_by is not None:
            since += 1
            continue
        if not runs or since >= gap:
            runs.append([])
        runs[-1].append(b)
        since = 0
    return runs


def _boxes(b: Block) -> list[tuple[str, str]]:
    """(tag, class) of the block's parent and grandparent, those with a class."""
    return classed_boxes(b.element)


def drop_detached_tail(page: Page, stage: str, gap: int = DETACHED_GAP) -> None:
    """Kept lines far below the story, cut off from it by a long stretch of dropped blocks and holding
    no prose paragraph, are what is left of the page's footer ("Follow us", "Not what you were looking
    for?", a site map's headings and links, a disclaimer's title). The story's run is the one with the
    most text; only runs after its start are judged. Measured on the tune pages' final output (runs cut
    at 12 dropped blocks): WCXB 1,491 characters off the gold body against 7 in it, trafilatura's set 3
    unwanted snippets against 0 wanted, ScrapingHub none. Without the box test below it also took a
    forum thread's short replies (posts apart by 12+ dropped blocks of user furniture): tune forum body
    F1 0.813 -> 0.812; a run sharing a classed parent or grandparent with the story's blocks stays."""
    runs = _kept_runs(page, gap)
    if len(runs) < 2:
        return
    main = max(runs, key=lambda r: sum(len(b.text) for b in r))
    start = main[0].index
    boxes: set[tuple[str, str]] | None = None  # the story's classed parents and grandparents, once needed
    for run in runs:
        if run is main or run[0].index < start or any(_is_prose(b) for b in run):
            continue
        if boxes is None:
            boxes = {box for b in main for box in _boxes(b)}
        if any(box in boxes for b in run for box in _boxes(b)):
            continue  # in the same kind of box as the story: a thread's next short reply, not a footer
        for b in run:
            page.drop(b, stage, f"cut off below the story ({gap}+ dropped blocks above it, no prose)")


def drop_linked_tail_headings(page: Page, stage: str) -> None:
    """Headings that are one link, after the article's last prose paragraph, are the headlines of
    other stories (a "more from us" strip the container took in). Measured on the tune pages: 21 such
    headings were not in the gold body, 2 were."""
    kept = [b for b in page.blocks if b.dropped_by is None]
    last = -1
    for k, b in enumerate(kept):
        if _is_prose(b):
            last = k
    if last < 0:
        return  # no prose: nothing says where the text ends
    for b in kept[last + 1:]:
        if b.kind == "heading" and b.features.get("link_density", 0.0) >= ALL_LINK:
            page.drop(b, stage, "linked headline after the article's last paragraph (another story)")


def drop_trailing_headings(page: Page, stage: str) -> None:
    """Headings left at the very end of the text, with nothing of the main content under them, were the
    titles of boxes that sat outside it ("Mehr zum Thema", "Keep reading", "Weitere Informationen:").
    Measured on the tune pages: 39 such headings were not in the gold body, 8 were."""
    kept = [b for b in page.blocks if b.dropped_by is None]
    if not any(b.kind != "heading" for b in kept):
        return  # headings only: nothing to say they end a text
    for b in reversed(kept):
        if b.kind != "heading":
            break
        page.drop(b, stage, "heading with nothing under it at the end of the text")

