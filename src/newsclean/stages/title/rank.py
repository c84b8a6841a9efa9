"""Text captures: the headline line chosen by a small learned ranker.

Every line near the top of a capture that could be a headline is described by a few numbers
(where it sits, how long it is, what follows it: a byline, a dateline, the first long paragraph;
whether the page prints it twice or ends a breadcrumb with it; how many of its words the lead
paragraph and the kept body below it repeat (the article's own headline shares its words with its story,
a teaser of another story does not); whether other lines quote it; whether the hand rules of
``title.py`` pick it). A linear model fitted on the tune pages of the metadata set's w3m and lynx
captures (``benchmarks/train_rankers.py``, seeded; retraining rewrites ``data/text_title_rank.json``
byte for byte) weighs them; its best few lines (``FINALISTS``) are re-ranked by the linear score plus
small boosted trees fitted on the tune pages' finalists, blind to the line-shape features (shipped in the
same file), and the best of them is the headline.
Plain Python at run time: a dot product per candidate line, a walk down each tree per finalist."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from newsclean._core import compiled
from newsclean.normalize._data import load_json
from newsclean.normalize.authors import looks_like_person
from newsclean.normalize.dates import find_dates
from newsclean.page import Block
from newsclean.stages.classify.trees import Forest, forest_from_json
from newsclean.stages.title.lines import (
    MAX_LINE,
    Body,
    content_pieces,
    content_words,
    ends_longer,
    prose_lines,
    quoted,
    top_texts,
)
from newsclean.strings import has_digit, holds_any

WEIGHTS_FILE = "text_title_rank.json"
MAX_CANDIDATES = 1200     # lines looked at: a capture may print long menus (hundreds of lines) before the story
LONG = 200                # characters: a body paragraph, not a headline or a label
NEAR = 4                  # lines after a candidate in which its byline/dateline/lead is looked for


_DIGIT = re.compile(r"\d")
# "... von Guido Beyss", "by Jane Doe", "Autor: c1ph4": a name behind an author word, anywhere in the line
_BY_INSIDE = re.compile(r"(?:^|[\s|·/,])(?i:von|by|par|por|door|autor(?:in)?|author|written by)\s*:?\s+[A-ZÀ-Ý]")
# an image's caption or credit line ("Foto: Adobe Stock", "Picture of Liam Austin", "Image credit: ...")
_CREDIT = re.compile(r"\b(?:foto|fotos|photo|photos|picture|image|images|bild|benutzerbild|credit|getty|istock|"
                     r"shutterstock|imago|dpa|reuters|afp)\b|©", re.I)
#: pieces every match of ``_BY_INSIDE`` / ``_CREDIT`` holds (lower-cased): a lower-cased ASCII line holding none
#: of them has no match, found without a regex call (``_may_search``)
_BY_PIECES = ("von", "by", "par", "por", "door", "autor", "author")
_CREDIT_PIECES = ("foto", "photo", "picture", "image", "bild", "credit", "getty", "istock", "shutterstock", "imago",
                  "dpa", "reuters", "afp")


def _may_search(pattern: re.Pattern[str], text: str, low: str | None, pieces: tuple[str, ...]) -> bool:
    """``pattern.search(text)`` found something; ``low``: the text lower-cased when it is ASCII (whose case-blind
    matching is that of lower-casing), else None (the regex is asked)."""
    if low is not None and not holds_any(low, pieces):
        return False
    return pattern.search(text) is not None
SHARED_ENOUGH = 6         # content words: a headline's story repeating this many of them is plenty
NAME_START_MAX = 6        # words: "Richard Adams Education editor" (a name and a role), not a headline
ABOVE = 2                 # lines above a candidate in which a headline it would be the dek of is looked for
SHORT_NAME = 4            # words: a line of a name alone ("Sara Zinnecker") is no headline
FEATURES = ("rel_pos", "log_pos", "before_long", "lines_to_long", "n_words", "n_chars", "ends_stop",
            "ends_q", "list_item", "heading", "on_byline", "date_near", "byline_near", "name_near", "long_near",
            "repeats", "crumb_tail", "strict_ok", "cap_ratio", "all_upper", "has_digit", "lead_overlap", "kept",
            "rule_pick", "has_sep", "has_colon", "blank_around", "linked", "first_line", "has_date", "by_inside",
            "name_only", "date_below", "date_above", "headline_above", "doubled", "name_start", "credit",
            "body_overlap", "quoted", "body_gap", "in_prose", "body_shared")


@lru_cache(maxsize=8192)
def has_date(text: str) -> bool:
    """Does the line print a date anywhere (a dateline with a label, author and place around it too)?"""
    return has_decimal(text) and bool(find_dates(text, limit=1))


def has_decimal(text: str) -> bool:
    """``_DIGIT.search(text)``: for ASCII text (most lines) ``has_digit`` (its digits are those of ``\\d``),
    which the compiled core answers without a regex call."""
    return has_digit(text) if text.isascii() else _DIGIT.search(text) is not None


def doubled(text: str) -> bool:
    """"Headline textHeadline text": a capture printing a link's text and its title glued together."""
    half = len(text) // 2
    return len(text) >= 20 and text[:half].strip() == text[half:].strip()


def _nearest(lines: list[Block], test: Callable[[str], bool]) -> float:
    """1 / distance of the first of ``lines`` (nearest first) that passes ``test``; 0 when none does."""
    return next((1.0 / (k + 1) for k, a in enumerate(lines) if test(a.text)), 0.0)


def _overlap(below: int, words: set[str]) -> float:
    """Share of ``words`` found in body prose below the line (``below`` of them)."""
    return below / len(words) if words else 0.0


def _shared(below: int) -> float:
    """How many words body prose below the line repeats, up to SHARED_ENOUGH (the share alone favours a
    short label, "Higher education", whose two words any story may use)."""
    return min(below, SHARED_ENOUGH) / SHARED_ENOUGH


class Signals:
    """The per-line tests of ``title.py`` that the features use (passed in: no import cycle)."""

    def __init__(self, headline_like: Callable[..., bool], is_byline: Callable[[str], bool],
                 is_dateline: Callable[[str], bool], name_line: Callable[[str], bool],
                 sits_on_byline: Callable[[list[Block], int], int]) -> None:
        self.headline_like, self.is_byline, self.is_dateline = headline_like, is_byline, is_dateline
        self.name_line, self.sits_on_byline = name_line, sits_on_byline


def is_candidate(b: Block, sig: Signals) -> bool:
    words = len(b.text.split())
    return 2 <= words <= 40 and 10 <= len(b.text) <= MAX_LINE and not sig.is_byline(b.text) \
        and not sig.is_dateline(b.text)


class _Capture:
    """What a candidate line's features compare it with, worked out once per capture: the long lines, each
    first line's normalised text and how often it is printed, the breadcrumb lines, the body prose."""

    def __init__(self, blocks: list[Block], rule_pick: int | None, sig: Signals, prose: list[int] | None) -> None:
        self.blocks, self.rule_pick, self.sig, self.n = blocks, rule_pick, sig, len(blocks)
        self.longs = [b.index for b in blocks if len(b.text) >= LONG]
        self.first_long = self.longs[0] if self.longs else self.n
        self.normed, short, self.crumbs = top_texts(blocks[:MAX_CANDIDATES])   # each line normalised once
        self.counts = Counter(short)
        self.joined, self.shown_counts = "\n".join(self.normed.values()), Counter(self.normed.values())
        self.body = Body(blocks, self.normed, prose)
        self._leads: dict[int, set[str]] = {}  # the content words of each lead paragraph, once

    def lead(self, nl: int) -> set[str]:
        """The content words of the start of lead paragraph ``nl`` (none past the last line)."""
        if nl not in self._leads:
            self._leads[nl] = content_words(self.blocks[nl].text[:600]) if nl < self.n else set()
        return self._leads[nl]

    def headline_above(self, t: str) -> bool:
        """A headline the line below would be the dek of."""
        return len(t.split()) >= SHORT_NAME and not t.endswith(".") and self.sig.headline_like(t, strict=True)

    def features(self, b: Block, nl: int) -> list[float]:
        """The feature vector (``FEATURES``) of candidate line ``b``, ``nl`` the first long line below it."""
        blocks, sig, body, n, i, text = self.blocks, self.sig, self.body, self.n, b.index, b.text
        after, above = blocks[i + 1:i + 1 + NEAR], blocks[max(0, i - ABOVE):i][::-1]
        key = self.normed[i]   # a candidate is at most 250 characters long
        words = text.split()
        lead = self.lead(nl)
        pieces = content_pieces(text)
        # (ASCII text: its content words are its pieces, casefolding word by word or the whole text alike)
        ascii_text = text.isascii()
        mine = pieces if ascii_text else content_words(text)
        low = text.lower() if ascii_text else None
        below = body.below(i, pieces)
        return [
            i / max(n, 1), math.log1p(i), 1.0 if i < self.first_long else 0.0, 1.0 / (1 + max(0, nl - i - 1)),
            min(len(words), 40) / 10, min(len(text), 250) / 100, 1.0 if text.endswith(".") else 0.0,
            1.0 if text.endswith(("?", "!")) else 0.0, 1.0 if b.kind == "list_item" else 0.0,
            1.0 if b.kind == "heading" else 0.0, sig.sits_on_byline(blocks, i) / 2,
            1.0 if any(sig.is_dateline(a.text) for a in after) else 0.0,
            1.0 if any(sig.is_byline(a.text) for a in after) else 0.0,
            1.0 if any(sig.name_line(a.text) for a in after if len(a.text) <= 60) else 0.0,
            1.0 if any(len(a.text) >= 150 for a in after) else 0.0,
            min(self.counts[key] - 1, 3) / 3,
            1.0 if ends_longer(key, self.crumbs) else 0.0,
            1.0 if sig.headline_like(text, strict=True) else 0.0,
            sum(w[:1].isupper() for w in words) / len(words), 1.0 if text.isupper() else 0.0,
            1.0 if has_decimal(text) else 0.0,
            len(mine & lead) / len(mine) if mine else 0.0, 1.0 if b.kept else 0.0,
            1.0 if self.rule_pick == i else 0.0,
            1.0 if (" | " in text or " - " in text or " – " in text) else 0.0,
            1.0 if ":" in text else 0.0,
            (1.0 if b.features.get("blank_before") else 0.0) + (1.0 if b.features.get("blank_after") else 0.0),
            1.0 if b.features.get("linked_words") else 0.0, 1.0 if i == 0 else 0.0,
            1.0 if has_date(text) else 0.0, 1.0 if _may_search(_BY_INSIDE, text, low, _BY_PIECES) else 0.0,
            1.0 if len(words) <= SHORT_NAME and sig.name_line(text) else 0.0,
            _nearest(after, has_date), _nearest(above, has_date), _nearest(above, self.headline_above),
            1.0 if doubled(text) else 0.0,
            1.0 if len(words) <= NAME_START_MAX and looks_like_person(" ".join(words[:2])) else 0.0,
            1.0 if _may_search(_CREDIT, text, low, _CREDIT_PIECES) else 0.0,
            _overlap(below, pieces), quoted(key, self.joined, self.shown_counts[key]), body.gap(i),
            body.repeats(i, key), _shared(below),
        ]


def candidates(blocks: list[Block], rule_pick: int | None, sig: Signals,
               wanted: Callable[[Block], bool] = lambda b: True,
               prose: list[int] | None = None) -> list[tuple[Block, list[float]]]:
    """(block, feature vector) for every headline candidate among the first lines of a capture (only those
    ``wanted`` gets: the features cost most of the stage); ``prose``: ``prose_lines(blocks)`` when at hand."""
    capture = _Capture(blocks, rule_pick, sig, prose)
    longs, n = capture.longs, capture.n
    out = []
    next_long = 0
    for b in blocks[:MAX_CANDIDATES]:
        if not wanted(b) or not is_candidate(b, sig):
            continue
        while next_long < len(longs) and longs[next_long] <= b.index:
            next_long += 1
        out.append((b, capture.features(b, longs[next_long] if next_long < len(longs) else n)))
    return out


#: one tree as the trainer writes it: per node its feature (-1 at a leaf), threshold, left and right child
#: and leaf value
Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]


def trees_to_forest(trees: Iterable[Tree]) -> Forest:
    """The trees as the capture classifier's ``Forest`` (checked, with its compiled twin): a split reads
    one of ``FEATURES``, a leaf holds its value."""
    flat = [[[f, t, lo, hi] if f >= 0 else [v] for f, t, lo, hi, v in zip(*tree)] for tree in trees]
    return forest_from_json(flat, 0.0, len(FEATURES), WEIGHTS_FILE)


@cache
def _model() -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], float, float, Forest]:
    data = load_json(WEIGHTS_FILE)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE} was fitted on other features; retrain it")
    trees = ((t["feature"], t["threshold"], t["left"], t["right"], t["value"]) for t in data.get("trees", ()))
    return (tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]), float(data["bias"]),
            float(data.get("linear_share", 1.0)), trees_to_forest(trees))


def standard_score_pure(mean: tuple[float, ...], scale: tuple[float, ...], weights: tuple[float, ...], bias: float,
                        feats: list[float]) -> float:
    """A standardised linear score, ``bias + sum(w * (x - m) / s)`` (the compiled core's twin is
    ``_core/_scan_cls.pxi``'s ``standard_score``)."""
    return bias + sum(w * (x - m) / s for x, m, s, w in zip(feats, mean, scale, weights))


def score(feats: list[float]) -> float:
    """The linear ranker's score of a candidate line."""
    mean, scale, weights, bias = _model()[:4]
    return (compiled("standard_score") or standard_score_pure)(mean, scale, weights, bias, feats)


def tree_score(feats: list[float]) -> float:
    """The boosted trees' score of a finalist (0 without trees): they see what a weighted sum cannot, e.g. a
    line sharing the story's words counts for less when a dek below shares more."""
    return _model()[5].scores([feats])[0]


def _wanted(blocks: list[Block], rule_pick: int | None, prose: list[int]) -> Callable[[Block], bool]:
    """A headline sits above its story and is no sentence: a line after the kept body has started (a long
    paragraph, or two prose ones: ``prose`` is ``prose_lines(blocks)``) (a list item, a subheading, an
    embedded post), or a line ending with a full stop is never the headline, whatever its score (the hand
    rules' own pick excepted)."""
    body_start = min(prose[1] if len(prose) > 1 else len(blocks),
                     next((b.index for b in blocks if b.kept and len(b.text) >= LONG), len(blocks)))

    def wanted(b: Block) -> bool:
        return b.index == rule_pick or (b.index < body_start and not b.text.endswith("."))
    return wanted


def ranked_candidates(blocks: list[Block], rule_pick: int | None, sig: Signals) -> list[tuple[Block, list[float]]]:
    """The candidates the ranker weighs at run time (and is trained on): those ``_wanted`` lets through."""
    prose = prose_lines(blocks)
    return candidates(blocks, rule_pick, sig, _wanted(blocks, rule_pick, prose), prose)


FINALISTS = 8   # lines the trees re-rank: the linear score's best few (the gold line is in them on 99% of pages)


def best(blocks: list[Block], rule_pick: int | None, sig: Signals) -> Block | None:
    """The highest-scoring headline candidate, or None when the capture has none: the linear score picks the
    finalists, the linear score plus the boosted trees' ranks them."""
    return pick_finalist([(b, f) for b, f in ranked_candidates(blocks, rule_pick, sig)])


def finalists(cands: list[tuple[Block, list[float]]]) -> list[tuple[Block, list[float], float]]:
    """(line, features, linear score) of the linear score's best ``FINALISTS`` lines, best first (ties: the
    higher line)."""
    scored = sorted(((score(f), -b.index, b, f) for b, f in cands), key=lambda t: (t[0], t[1]),
                    reverse=True)[:FINALISTS]
    return [(b, f, s) for s, _i, b, f in scored]


def pick_finalist(cands: list[tuple[Block, list[float]]]) -> Block | None:
    """The finalist with the best linear score (times its share) plus trees' score."""
    fin = finalists(cands)
    if not fin:
        return None
    share, forest = _model()[4:]
    trees = forest.scores([f for _b, f, _s in fin])
    return max(((share * s + t, -b.index, b) for (b, _f, s), t in zip(fin, trees)), key=lambda t: (t[0], t[1]))[2]
