"""Main-content selection for text captures.

A capture has no markup, so the article body is found from what its blocks look like: a body is
a run of long prose blocks (many words, sentence endings), while menus, teaser lists, bylines and
footers are short lines without sentence endings. Each block gets a score (positive for prose,
negative for the rest; cookie / legal / newsletter prose counts as chrome; an end marker such as
"Related articles" or "Comments" is a strong barrier) and the body region is the run of blocks with
the largest total score (maximum-sum segment). What a bullet of running text, an end marker and a loose line
count against the rest (``BODY_SEARCH``) is hand-set; ``benchmarks/train/fit_body_search.py`` searches it on tune.
The run is then refined: a tail (or head) of
teaser cards (headline + one lone summary, four or more times) is cut off, a subheading right
above the first paragraph is taken in, and so is a closing list of bulleted sentences, or a list
announced by a lead-in sentence ending with ":" (product picks, steps). A line of running text that
lost its full stop counts as prose when it sits next to the body, and so does a sentence announcing
what follows with a colon ("... logs. The output looks like this:", a tutorial's text before its code
samples). An end marker that is one entry of a share bar ("Facebook / Twitter / Comments / Print") is
no barrier.
Everything outside the region is dropped with a reason; what lies inside it is left to the
navigation and duplicates stages. Block features (prose scores, phrase lists, end markers) are in
newsclean.features.text, shared with navigation.text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsclean.features.text import (
    Prose,
    in_menu,
    is_end_marker,
    label_of,
    lower_share,
    phrase_set,
    placeholder,
    promo_hits,
    prose_of,
    short_line_cost,
)
from newsclean.page import Block, DropKind, Page
from newsclean.stages.boilerplate.comment_thread import thread_start


@dataclass(frozen=True)
class BodySearch:
    """What three kinds of block count in the body search, one against another (``region_scores``)."""
    point: float    # a bullet of running text (a listicle's features, pros, cons): times a short line's cost
    marker: float   # an end marker ("Related articles", "Comments"): the barrier only a long run of prose bridges
    loose: float    # a line of running text that lost its full stop, beside the body: per word (20 words or more)


#: hand-set (sessions 5-18: a point costs what a short line costs). ``benchmarks/train/fit_body_search.py`` searches
#: them on the tune captures; its choice in session 24 (point 1.5, the rest as here) lifted tune +0.0015 to +0.0053
#: on WCXB and did not follow on check (-0.0017 to +0.0022, metadata from captures -0.002 to -0.008 after the
#: chain's refit; README, session 24), so these stay until a search's choice also holds on check
BODY_SEARCH = BodySearch(point=-1.0, marker=-40.0, loose=0.5)


def _next_to_prose(blocks: list[Block], prose: list[Prose], i: int, reach: int = 3) -> bool:
    """Is there a body paragraph a few blocks away, with only loose lines and image or ad slots
    in between?"""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(prose) and abs(j - i) <= reach:
            if prose[j].prose and prose[j].score > 0:
                return True
            if not (prose[j].loose or placeholder(blocks[j].text)):
                break
            j += step
    return False


LOOSE_MIN_WORDS = 20   # a shorter loose line is a label or a teaser's summary as often as running text


def region_scores(prose: list[Prose], markers: list[bool], blocks: list[Block] | None = None) -> list[float]:
    """Block scores for the region search: an end marker ("Related articles", "Comments") is a
    strong barrier that only a long run of prose after it can bridge. A long line of running text
    without its full stop counts as prose when it sits next to the body (a teaser's summary far
    from it does not); a bullet of running text (``Prose.point``) counts ``BODY_SEARCH.point`` times a short
    line's cost (-1: it costs what a short line costs); a sentence announcing what follows with a colon counts
    as prose."""
    out = []
    w = BODY_SEARCH
    for i, p in enumerate(prose):
        if markers[i]:
            out.append(w.marker)
        elif p.loose and blocks is not None and _next_to_prose(blocks, prose, i):
            out.append(w.loose * p.words if p.words >= LOOSE_MIN_WORDS else 0.0)
        elif blocks is not None and _lead_in_sentence(blocks[i], p):
            # counts as the prose it is (it lost only its full stop to the colon): a tutorial's text between its
            # code samples no longer costs what a menu line costs and cuts the body at the first sample (session
            # 21; a lead-in of one clause, "More from Cornell on gardening:", is a link list's and keeps its price)
            out.append(float(p.words))
        elif p.point:
            # the story's own list (a listicle's features, pros and cons) costs what any short line costs: a
            # menu's bullets cost more (session 18: WCXB captures, check +0.0002 to +0.0021 on all seven
            # renderers with the models of the time; such lists no longer cut the body in two)
            out.append(w.point * short_line_cost(p.words))
        else:
            out.append(p.score)
    return out


def _isolated(prose: list[Prose], i: int) -> bool:
    """A short prose block with no prose on either side: the summary line of a teaser card."""
    p = prose[i]
    return p.prose and p.words < 50 and not (i > 0 and prose[i - 1].prose) \
        and not (i + 1 < len(prose) and prose[i + 1].prose)


def _card(blocks: list[Block], prose: list[Prose], i: int) -> bool:
    """A lone short summary with a headline (4+ words, no sentence end) just above it."""
    if not _isolated(prose, i):
        return False
    for j in (i - 1, i - 2):
        if j >= 0 and not prose[j].prose and 4 <= prose[j].words <= 25 and not prose[j].sentence_end \
                and blocks[j].text[:1].isalnum():
            return True
    return False


def _trim_cards(blocks: list[Block], prose: list[Prose], start: int, end: int,
                min_cards: int = 4) -> tuple[int, int]:
    """Cut a run of teaser cards (kicker, headline, one-line summary, source...) off either end of
    the region: four or more lone short summaries under headlines past the last (or before the first) paragraph
    that has prose next to it."""
    anchors = [i for i in range(start, end + 1) if prose[i].prose and not _isolated(prose, i)]
    if not anchors:
        return start, end
    if sum(1 for i in range(anchors[-1] + 1, end + 1) if _card(blocks, prose, i)) >= min_cards:
        end = anchors[-1]
    if sum(1 for i in range(start, anchors[0]) if _card(blocks, prose, i)) >= min_cards:
        start = anchors[0]
    return start, end


def _subheading(block: Block, p: Prose) -> bool:
    t = block.text
    return block.kind == "heading" and not p.prose and 4 <= p.words <= 20 \
        and not p.sentence_end and t[:1].isalnum() and not t.rstrip().endswith(":") \
        and not re.search(r"\d{4}|\d:\d\d|^by\b", t, re.I) and promo_hits(t) == 0


#: a sentence that announces what follows has this many words at least ("Share this:" is none)
LEAD_IN_WORDS = 6


def _announcing_sentence(block: Block, p: Prose) -> bool:
    """Running text ending with ":" that is no paragraph or list item ("Here are the best deals of the week:")."""
    return block.kind != "list_item" and not p.prose and p.words >= LEAD_IN_WORDS \
        and block.text.rstrip().endswith(":") and lower_share(block.text) >= 0.5


def _lead_in_sentence(block: Block, p: Prose) -> bool:
    """An announcing sentence that ends a sentence inside it ("The library captures HTTP messages as they are
    sent. This produces output like:"), not a promo: the story's own text, counted as prose by the body search."""
    return _announcing_sentence(block, p) and p.sentences >= 1 and promo_hits(block.text) == 0


def lead_in(block: Block, p: Prose) -> bool:
    """A line that announces a list: a sentence ending with ":" ("Here are the best deals of the
    week:") or a list heading of ``data/text_list_headings.txt`` ("Ingredients", "Directions")."""
    if block.kind == "list_item" or p.prose:
        return False
    return _announcing_sentence(block, p) or p.words <= 4 and label_of(block) in phrase_set("list_headings")


ANNOUNCED = "announced"  # feature set on the items (and lines between them) of an announced list


def _list_under(blocks: list[Block], prose: list[Prose], at: int, max_gap: int = 3) -> int | None:
    """The last block of the list right under the lead-in ``blocks[at]`` (None if no list follows):
    its items and the short lines between them (links, prices); the last item keeps as many lines
    under it as the others had."""
    items: list[int] = []
    gap, j = 0, at + 1
    filler = lambda k: not (prose[k].prose or is_end_marker(blocks[k]) or prose[k].words > 15  # noqa: E731
                            or lead_in(blocks[k], prose[k]))
    while j < len(blocks) and gap <= max_gap:
        if blocks[j].kind == "list_item" and not is_end_marker(blocks[j]):
            items.append(j)
            gap = 0
        elif not filler(j):
            break
        else:
            gap += 1
        j += 1
    if not items:
        return None
    last = items[-1]
    under = min((b - a - 1 for a, b in zip(items, items[1:])), default=0)
    while under > 0 and last + 1 < len(blocks) and blocks[last + 1].kind != "list_item" and filler(last + 1):
        last, under = last + 1, under - 1
    return last


def _announced_list(blocks: list[Block], prose: list[Prose], end: int, reach: int = 8) -> int:
    """When the body ends with (or a few short lines before) a lead-in and a list follows, the list
    is the rest of the article (product picks, a recipe's ingredients and steps): take it in, and
    the next announced list right after it."""
    at = None
    for k in range(end, min(end + reach + 1, len(blocks))):
        if lead_in(blocks[k], prose[k]):
            at = k
            break
        if k > end and prose[k].prose:
            return end
    start = at
    while at is not None:
        last = _list_under(blocks, prose, at)
        if last is None:
            break
        for b in blocks[start:last + 1]:
            b.features[ANNOUNCED] = True
        end = last
        nxt = last + 1
        at = nxt if nxt < len(blocks) and lead_in(blocks[nxt], prose[nxt]) else None
    return end


EMBED = "embedded_post"  # feature set on an embedded post (a tweet) and its attribution line
_ATTRIBUTION = re.compile(r"^[—–-] .{1,80}\(@\w{1,30}\),? \w{3,9}\.? \d{1,2},? \d{4}$")
#: the dashes ``_ATTRIBUTION`` starts with: a line starting otherwise is not matched (no regex call)
_ATTRIBUTION_DASHES = frozenset("—–-")


def mark_embedded_posts(blocks: list[Block]) -> None:
    """An embedded post reads "text of the tweet" then "— Name (@handle) November 18, 2019": both
    are quoted in the article (they are part of its text), however short they are."""
    for i, b in enumerate(blocks):
        if b.text[:1] in _ATTRIBUTION_DASHES and _ATTRIBUTION.match(b.text) and b.features.get(EMBED) is None:
            b.features[EMBED] = True
            if i > 0 and not _ATTRIBUTION.match(blocks[i - 1].text):
                blocks[i - 1].features[EMBED] = True


def _embedded_posts(blocks: list[Block], end: int) -> int:
    """Posts embedded right after the last paragraph belong to the body."""
    while end + 1 < len(blocks) and blocks[end + 1].features.get(EMBED):
        end += 1
    return end


def best_run(scores: list[float]) -> tuple[int, int, float]:
    """The [start, end] (inclusive) segment with the largest sum; (-1, -1, 0) if none is positive."""
    best = (-1, -1, 0.0)
    run_start, run_sum = 0, 0.0
    for i, s in enumerate(scores):
        if run_sum <= 0:
            run_start, run_sum = i, s
        else:
            run_sum += s
        if run_sum > best[2]:
            best = (run_start, i, run_sum)
    return best


#: what the body search must find before a comment thread to take it for the story instead of the thread:
#: this much score (about as many words of prose), a paragraph or two
MIN_STORY_SCORE = 30.0


def _story_before_thread(page: Page, blocks: list[Block], scores: list[float], start: int, end: int,
                         stage: str) -> tuple[int, int]:
    """When the best run opens with a thread of reader comments (``comment_thread.thread_start``), the best run
    before the thread, if it scores ``MIN_STORY_SCORE`` or more: the story, which the comments outscored."""
    if start < 0:
        return start, end
    first = thread_start(blocks, start, end)
    if first is None or sum(scores[start:first]) >= MIN_STORY_SCORE:
        return start, end   # (no thread, or the run holds a story above it)
    before, last, total = best_run(scores[:min(start, first)])
    if total < MIN_STORY_SCORE:
        return start, end
    page.note(stage, f"the best run of prose (blocks {blocks[start].index}-{blocks[end].index}) opens with a thread "
                     f"of comments (from block {blocks[first].index}): the story is taken from before it")
    return before, last


def select_main(page: Page, options: Any, stage: str) -> None:
    blocks = [b for b in page.blocks if b.kept]
    if not blocks:
        return
    min_words = max(1, int(getattr(options, "text_min_body_words", 8)))
    prose = [prose_of(b, min_words) for b in blocks]
    if not any(p.score > 0 for p in prose):
        start = -1  # nothing scores for a body: no need to look for markers
    else:
        mark_embedded_posts(blocks)
        markers = [not p.prose and is_end_marker(b) and not in_menu(page.blocks, b.index)
                   for b, p in zip(blocks, prose)]
        scores = region_scores(prose, markers, blocks)
        start, end, total = best_run(scores)
        if getattr(options, "text_comment_threads", True):
            start, end = _story_before_thread(page, blocks, scores, start, end, stage)
    if start < 0:
        page.note(stage, "no run of prose found: nothing dropped as outside the body")
        return
    start, end = _trim_cards(blocks, prose, start, end)
    # a subheading (dek) right above the first paragraph opens the body
    if start > 0 and _subheading(blocks[start - 1], prose[start - 1]):
        start -= 1
    # bulleted sentences right after the last paragraph (a closing list of points) belong to it
    # (a stray word or two, a table cell's overflow, may sit between them)
    while True:
        k = end + 1
        while k < min(end + 3, len(blocks)) and blocks[k].kind != "list_item" and prose[k].words <= 3 \
                and not is_end_marker(blocks[k]):
            k += 1
        if k >= len(blocks) or blocks[k].kind != "list_item" or not prose[k].prose:
            break
        end = k
    end = _announced_list(blocks, prose, end)
    end = _embedded_posts(blocks, end)
    first, last = blocks[start], blocks[end]
    page.handoffs.text_region = (first.index, last.index)
    page.note(stage, f"body region: blocks {first.index}-{last.index} "
                     f"({sum(p.words for p in prose[start:end + 1])} words)")
    for i, b in enumerate(blocks):
        if i < start:
            page.drop(b, stage, f"before the article body (body starts at block {first.index})",
                      outside_main=True, kind=DropKind.BEFORE_BODY)
        elif i > end:
            page.drop(b, stage, f"after the article body (body ends at block {last.index})", outside_main=True,
                      kind=DropKind.AFTER_BODY)
