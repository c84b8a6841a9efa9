"""Main-content selection for text captures.

A capture has no markup, so the article body is found from what its blocks look like: a body is
a run of long prose blocks (many words, sentence endings), while menus, teaser lists, bylines and
footers are short lines without sentence endings. Each block gets a score (positive for prose,
negative for the rest; cookie / legal / newsletter prose counts as chrome; an end marker such as
"Related articles" or "Comments" is a strong barrier) and the body region is the run of blocks with
the largest total score (maximum-sum segment). The run is then refined: a tail (or head) of
teaser cards (headline + one lone summary, four or more times) is cut off, a subheading right
above the first paragraph is taken in, and so is a closing list of bulleted sentences.
Everything outside the region is dropped with a reason; what lies inside it is left to the
navigation and duplicates stages. The helpers here (prose features, phrase lists) are shared with
navigation_text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsclean.page import Block, Page

_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CLOSERS = "\"'”’»)]*"
_SENTENCE_END = tuple(".!?…。！？")
_SENTENCE_INSIDE = re.compile(r"[a-z\u00e0-\u024f0-9%)\"”’][.!?][\"”’]?\s+[A-Z\"“‘(\u00c0-\u024f]")

REGION_NOTE = "text_region"


@lru_cache(maxsize=None)
def phrases(name: str) -> tuple[str, ...]:
    """A phrase list from ``newsclean/data/text_<name>.txt`` (lower-cased, '#' lines are comments)."""
    try:
        raw = resources.files("newsclean.data").joinpath(f"text_{name}.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ()
    out = []
    for line in raw.splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


def normal_label(text: str) -> str:
    """Lower-cased, whitespace-collapsed text with trailing ':' / counts / punctuation removed."""
    t = " ".join(text.lower().split())
    t = re.sub(r"^[\d\s.,()\[\]]+(?=[^\d\s])", "", t)      # "12 comments" -> "comments"
    t = re.sub(r"[\s:|»›>.\-–—()\[\]\d]+$", "", t)         # "related:" / "comments (12)"
    return t.strip()


@lru_cache(maxsize=None)
def phrase_set(name: str) -> frozenset[str]:
    return frozenset(phrases(name))


def _prefixes(label: str) -> list[str]:
    words = label.split()
    return [" ".join(words[:k]) for k in range(1, len(words))]


def is_end_marker(block: Block, kind: str = "end_markers") -> bool:
    """A short heading that ends an article's body ("Related articles", "12 Comments", ...)."""
    if len(block.text) > 80 or word_count(block.text) > 8:
        return False
    label = normal_label(block.text)
    if not label:
        return False
    markers = phrase_set(kind)
    if label in markers:
        return True
    # "Latest in Politics", "More from Reuters", "Popular on Site", "Next up in Tech"
    if ":" in block.text.strip().rstrip(":") or len(label.split()) > 6:
        return False  # "Related: <headline>" is a link inside the body, not a section heading
    heads = _prefixes(label)
    if any(h in markers and " " in h for h in heads):
        return True
    prefixes = phrase_set("end_marker_prefixes")
    return kind == "end_markers" and len(label.split()) <= 5 and block.text[:1].isupper() \
        and any(h in prefixes for h in heads)


def promo_hits(text: str) -> int:
    low = text.lower()
    return sum(1 for p in phrases("promo_phrases") if p in low)


@dataclass(frozen=True)
class Prose:
    """What a block looks like, for body finding."""

    words: int
    sentence_end: bool
    sentences: int
    prose: bool
    score: float


def word_count(text: str) -> int:
    """Words; CJK text has no spaces, so two CJK characters count as one word."""
    cjk = len(_CJK.findall(text))
    if cjk:
        rest = _CJK.sub(" ", text)
        return len(_WORD.findall(rest)) + (cjk + 1) // 2
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip(_CLOSERS).rstrip()
    return t.endswith(_SENTENCE_END)


def prose_of(block: Block, min_words: int = 8) -> Prose:
    """Score one block: positive for body-like prose, negative for chrome."""
    text = block.text
    words = word_count(text)
    end = ends_sentence(text)
    sentences = len(_SENTENCE_INSIDE.findall(text)) + (1 if end else 0)
    letters = len(_LETTER.findall(text))
    alpha_ok = letters >= 0.55 * max(1, len(text.replace(" ", "")))
    long_enough = words >= min_words
    prose = (
        block.kind in ("paragraph", "quote", "list_item", "pre")
        and long_enough and alpha_ok
        and (end or sentences >= 2)
    )
    promo = promo_hits(text) if words < 120 else 0
    if block.kind == "table":
        # a table of figures is body content: it counts, though for less than prose
        return Prose(words, end, sentences, False, 0.2 * words if block.features.get("rows", 0) >= 3 else -2.0)
    if prose and (promo >= 2 or (promo and words < 40)):
        prose = False  # cookie notices, legal footers, newsletter boxes read like prose
        score = -0.5 * min(words, 60)
    elif prose:
        score = float(words)
        if block.kind == "list_item":
            score = 0.0  # bulleted prose bridges body paragraphs but does not start or end a body
    elif end and alpha_ok and words >= 3 and block.kind != "list_item":
        score = -1.0  # a short sentence: neutral-ish (short ledes, one-line quotes)
    elif block.kind == "list_item":
        score = -(3.0 + 0.5 * min(words, 30))
    else:
        score = -(1.0 + 0.25 * min(words, 30))
    return Prose(words, end, sentences, prose, score)


def region_scores(prose: list[Prose], markers: list[bool]) -> list[float]:
    """Block scores for the region search: an end marker ("Related articles", "Comments") is a
    strong barrier that only a long run of prose after it can bridge."""
    out = []
    for i, p in enumerate(prose):
        out.append(-40.0 if markers[i] else p.score)
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


def select_main(page: Page, options: Any, stage: str) -> None:
    blocks = [b for b in page.blocks if b.kept]
    if not blocks:
        return
    min_words = max(1, int(getattr(options, "text_min_body_words", 8)))
    prose = [prose_of(b, min_words) for b in blocks]
    markers = [not p.prose and is_end_marker(b) for b, p in zip(blocks, prose)]
    start, end, total = best_run(region_scores(prose, markers))
    if start < 0:
        page.note(stage, "no run of prose found: nothing dropped as outside the body")
        return
    start, end = _trim_cards(blocks, prose, start, end)
    # a subheading (dek) right above the first paragraph opens the body
    if start > 0 and _subheading(blocks[start - 1], prose[start - 1]):
        start -= 1
    # bulleted sentences right after the last paragraph (a closing list of points) belong to it
    while end + 1 < len(blocks) and blocks[end + 1].kind == "list_item" and prose[end + 1].prose:
        end += 1
    first, last = blocks[start], blocks[end]
    page.notes[REGION_NOTE] = (first.index, last.index)
    page.note(stage, f"body region: blocks {first.index}-{last.index} "
                     f"({sum(p.words for p in prose[start:end + 1])} words)")
    for i, b in enumerate(blocks):
        if i < start:
            page.drop(b, stage, f"before the article body (body starts at block {first.index})")
        elif i > end:
            page.drop(b, stage, f"after the article body (body ends at block {last.index})")
