"""Text captures: the authors chosen by a small learned ranker among every byline-like line.

A capture prints its author in many shapes: a "By ..." line by the headline, a lead-in in another
language far below it ("Publicado por ...", "Quelle: ...", "Text & Fotos: ...", "Veröffentlicht am ...
von gizzmo"), a name beside a date ("Janic Cathomen, 01.12.2021"), or a line that is only a name. Each
short line is read in those four ways; every reading that gives names is a candidate, described by a
few numbers (how it was read, where it sits relative to the headline, how the names look, how often
the page prints them, whether the line looks like a comment, a photo credit or a copyright line, and
whether the hand-written rules of the byline stage chose it, the shapes of the name words from
``name_shape.py``; the readings are in ``readings.py``). Boosted trees fitted on the tune pages of the
metadata set's w3m and lynx captures (``benchmarks/train/byline_rank.py``, seeded; retraining rewrites
``data/text_byline_rank.json`` byte for byte) give each candidate the log-odds that it names the page's
authors; the best one is taken when they are high enough. The trees are walked in plain Python at run
time (``classify/trees.py``, or its compiled twin); a file holding a linear model (``--model linear``)
is read too."""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from newsclean._core import compiled
from newsclean.errors import ConfigError
from newsclean.features.text import phrases
from newsclean.normalize._data import load_json
from newsclean.normalize.authors import (
    explicit_byline,
    looks_like_person,
    month_words,
    name_key,
)
from newsclean.normalize.dates import find_dates
from newsclean.normalize.prefilter import may_hold
from newsclean.page import Block
from newsclean.stages.byline.lines import UI_WORDS
from newsclean.stages.byline.name_shape import shape_features, title_words
from newsclean.stages.byline.page_lines import PageLines, page_lines
from newsclean.stages.byline.readings import MAX_NAME_LINE, one_word_name, readings
from newsclean.stages.classify.trees import Forest, forest_from_json
from newsclean.stages.title.rank import standard_score_pure
from newsclean.strings import has_digit

WEIGHTS_FILE = "text_byline_rank.json"
MAX_LINE = 160        # characters: a byline (with its date and share links), not a paragraph of the story
MAX_BLOCKS = 3000     # lines looked at
NEAR_TITLE = 50       # lines: distances to the headline are clipped here
MAX_NAMES = 4         # a byline names a few people; more is a list of people (a team page, a menu)
SHORT_LINE = 30       # characters: a menu entry or a tag, not a sentence
BODY_LINE = 200       # characters: a paragraph of the story
NEAR = 3              # lines: "right under the headline"
BIO_LINE = 80         # characters: a sentence about the author, not a name line
BIO_WORDS = 4         # words of a name a bio opens with, at most
MAX_COUNT = 8         # how often a name is printed: clipped here (a commenter's name repeats too)

_COMMENT = re.compile(r"\b(?:reply|antworten|says|sagt|said|schreibt|kommentar\w*|comments?|responder|répondre|"
                      r"dice|ha detto|zegt|svarar|replies)\b", re.I)
_PHOTO = re.compile(r"\b(?:photo|photos|foto|fotos|bild|bilder|image|images|picture|getty|imago|"
                    r"illustration|grafik|kamera|video)\b", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved|alle rechte", re.I)
#: a substring (lower case) every match of ``_COMMENT``, ``_PHOTO`` or ``_COPYRIGHT`` holds: ASCII text holding
#: none of them matches none of the three (``prefilter.may_hold``: one search where three case-blind ones ran)
_FACT_WORDS = ("reply", "replies", "antworten", "says", "sagt", "said", "schreibt", "kommentar", "comment",
               "responder", "répondre", "dice", "ha detto", "zegt", "svarar",
               "photo", "foto", "bild", "image", "picture", "getty", "imago", "illustration", "grafik", "kamera",
               "video", "©", "(c)", "copyright", "all rights reserved", "alle rechte")
_ORG = re.compile(r"\b(?:press|news|agency|agentur|redaktion|staff|team|media|online|newsroom|editorial|desk|"
                  r"magazine|zeitung|times|post|daily|group|inc|ltd|gmbh|ag|verlag|services?)\b", re.I)
_BARE_LABEL = re.compile(r"^\W*(?:by|von|par|por|door|di|written by|text|autor|autorin|author|authors|autoren|"
                         r"about the author|über den autor|über die autorin|über mich|quelle|redaktion)\W*$", re.I)

FEATURES = ("lead", "inner", "name_only", "dated", "rule", "rule_byline", "after_title", "before_title",
            "title_dist", "no_title", "rel_pos", "line_len", "n_names", "person", "one_word", "lower", "caps",
            "has_date", "count", "in_title", "comment", "photo", "copyright", "org", "kept", "list_item",
            "label_above", "order", "ui_word", "common_words", "near3", "near10", "date_near",
            "short_neighbours", "body_below", "n_people", "first_name", "bio", "label", "segment",
            "name_words", "acronym", "function_first", "long_word", "title_words", "story_name",
            "first_explicit")


@dataclass
class Candidate:
    """One reading of one line: the names it gives, the line, and how it was read."""
    names: list[str]
    block: Block
    kinds: set[str] = field(default_factory=set)
    feats: list[float] = field(default_factory=list)


def _dated(text: str) -> bool:
    """Does the text hold a date?"""
    return has_digit(text) and bool(find_dates(text, limit=1))


def _short_dated(blocks: list[Block], j: int, memo: dict[int, bool]) -> bool:
    """Is line ``j`` short and dated (a dateline)? Neighbouring candidates ask it of the same lines: each
    line is read once per page (``memo``, by line index)."""
    got = memo.get(j)
    if got is None:
        text = blocks[j].text
        got = memo[j] = len(text) <= MAX_NAME_LINE and _dated(text)
    return got


def _date_near(blocks: list[Block], i: int, memo: dict[int, bool]) -> bool:
    """A short dated line right before or after line ``i`` (a byline sits by the dateline)."""
    n = len(blocks)
    return any(0 <= j < n and _short_dated(blocks, j, memo) for j in (i - 2, i - 1, i + 1, i + 2))


def _short_neighbours(blocks: list[Block], i: int) -> float:
    """Share of the two lines above and below that are short and undated: a menu, a tag list or a
    teaser grid around the line rather than a byline between a headline and a story."""
    near = [blocks[j].text for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(blocks)]
    return sum(1 for t in near if len(t) <= SHORT_LINE and not has_digit(t)) / max(len(near), 1)


def _body_below(blocks: list[Block], i: int) -> bool:
    """A paragraph of the story within the next few lines."""
    return any(len(b.text) >= BODY_LINE for b in blocks[i + 1:i + 1 + 2 * NEAR])


@cache
def _first_names() -> frozenset[str]:
    """Common first names (data/text_first_names.txt, from public-domain census tables)."""
    return frozenset(phrases("first_names"))


def first_name_share(names: list[str]) -> float:
    """Share of the names whose first word is a common first name ("Jane Doe", "Jean-Luc Picard"
    yes; "Key Takeaways", "Get Started" no): a person rather than a menu entry or a heading."""
    known = _first_names()
    hits = 0
    for name in names:
        words = name.split()
        first = words[0].strip(".").casefold() if words else ""
        if first in known or first.split("-")[0] in known:
            hits += 1
    return hits / max(len(names), 1)


def candidates(blocks: list[Block], title: int | None, rules: tuple[list[str], list[Block], str],
               is_site: Callable[[str], bool]) -> list[Candidate]:
    """Every byline reading of every short line, with its features; ``rules`` is what the byline
    stage's rules read (names, their first line, the rule's name), one candidate too."""
    rule, rule_lines, rule_source = rules
    merged = _read_lines(blocks, title, is_site)
    rule_keys = {name_key(n) for n in rule}
    # (a candidate's names give the name keys of its key)
    if rule and rule_lines and not any(set(keys) == rule_keys for _i, keys in merged):
        merged[(-1, ())] = Candidate(list(rule), rule_lines[0])   # a byline split over lines
    if not merged:
        return []
    lines = page_lines(blocks, MAX_BLOCKS, MAX_LINE * 3, MAX_NAME_LINE + 1, MAX_COUNT)
    names_of = _NameReader(lines, blocks[title].text if title is not None else None, rule_keys,
                           rule_source == "text:byline")
    n = len(blocks)
    out = list(merged.values())
    people = math.log1p(sum(1 for c in out if "name_only" in c.kinds))
    after = 0
    facts: dict[int, _LineFacts] = {}   # what depends on the line only, once per line
    dated: dict[int, bool] = {}          # which lines are short and dated, each asked once
    for c in sorted(out, key=lambda c: c.block.index):
        b = c.block
        dist = (b.index - title) if title is not None else 0
        if dist > 0:
            after += 1
        line = facts.get(b.index)
        if line is None:
            line = facts[b.index] = _line_facts(blocks, b, dated)
        f = names_of.facts(c.names)
        kinds = c.kinds
        c.feats = [
            1.0 if "lead" in kinds else 0.0, 1.0 if "inner" in kinds else 0.0,
            1.0 if "name_only" in kinds else 0.0, 1.0 if "dated" in kinds else 0.0,
            f.rule, f.rule_byline, 1.0 if dist > 0 else 0.0, 1.0 if dist < 0 else 0.0,
            min(abs(dist), NEAR_TITLE) / NEAR_TITLE, 1.0 if title is None else 0.0,
            b.index / max(n, 1), len(b.text) / 100, f.n_names, f.person, f.one_word, f.lower, f.caps,
            line.dated, f.printed, f.in_title, line.comment, line.photo, line.copyright, f.org,
            line.kept, line.bullet, line.label_above, min(after, NEAR_TITLE) / NEAR_TITLE if dist > 0 else 1.0,
            f.ui_word, f.common_words, 1.0 if 0 < dist <= NEAR else 0.0, 1.0 if 0 < dist <= 2 * NEAR + 4 else 0.0,
            line.date_near, line.short_neighbours, line.body_below, people,
            f.first_name, f.bio, 1.0 if "label" in kinds else 0.0, 1.0 if "segment" in kinds else 0.0,
            *f.shape, f.story_name,
        ]
    _add_page_relative(out, title)
    return out


def _read_lines(blocks: list[Block], title: int | None,
                is_site: Callable[[str], bool]) -> dict[tuple[int, tuple[str, ...]], Candidate]:
    """The candidates of every reading of every short line, by (line index, the names' keys)."""
    merged: dict[tuple[int, tuple[str, ...]], Candidate] = {}
    # a line printed again (menus, share bars) is read once: its readings with the site's names
    # dropped, cut to ``MAX_NAMES``, and their keys
    read: dict[str, list[tuple[str, list[str], tuple[str, ...]]]] = {}
    site: dict[str, bool] = {}   # (a name comes again on other lines: asked once)
    for b in blocks[:MAX_BLOCKS]:
        text = b.text
        if len(text) > MAX_LINE:
            # a byline the capture ran into the story's first paragraph ("Posted by BeauHD on Friday ...
            # from the skewed-job-market dept. Elite computer science degrees ..."): its head is read
            text = text[:MAX_LINE]
            if not explicit_byline(text):
                continue
        got = read.get(text)
        if got is None:
            got = read[text] = []
            for how, names in readings(text):
                kept = []
                for x in names:
                    hit = site.get(x)
                    if hit is None:
                        hit = site[x] = is_site(x)
                    if not hit:
                        kept.append(x)
                names = (kept or names)[:MAX_NAMES]
                got.append((how, names, tuple(name_key(x) for x in names)))
        for how, names, keys in got:
            key = (b.index, keys)
            c = merged.get(key)
            if c is None:
                c = merged[key] = Candidate(list(names), b)
            c.kinds.add(how)
        if title is not None and 0 < b.index - title <= NEAR and (one := one_word_name(text)):
            key = (b.index, tuple(name_key(x) for x in one))
            merged.setdefault(key, Candidate(one, b)).kinds.add("name_only")
    return merged


class _NameFacts(NamedTuple):
    """The features of a candidate that depend on its names only (candidates naming the same people share them)."""
    rule: float           # the rules' names
    rule_byline: float    # ... read from a "By" line
    n_names: float        # how many names, clipped
    person: float         # every name looks like a person's
    one_word: float       # a name of one word
    lower: float          # a name starting in lower case
    caps: float           # every name in capitals
    printed: float        # how often the page prints a name (log, clipped)
    in_title: float       # the headline holds a name
    org: float            # an organisation's word
    ui_word: float        # a menu or month word
    common_words: float   # share of the words the story prints in lower case
    first_name: float     # share of the names opening with a common first name
    bio: float            # a paragraph opens with a name
    shape: list[float]    # ``shape_features``
    story_name: float     # a last name the story prints capitalised


class _NameReader:
    """The ``_NameFacts`` of a page's candidates, once per distinct list of names."""

    def __init__(self, lines: PageLines, title: str | None, rule_keys: set[str], rule_byline: bool) -> None:
        self.lines = lines
        self.bios = lines.bio_openers(BIO_LINE, MAX_NAME_LINE, 2, BIO_WORDS)
        self.title_text = name_key(title) if title is not None else ""
        self.title_set = title_words(title) if title is not None else set()
        self.rule_keys = rule_keys
        self.rule_byline = rule_byline
        self.months = month_words()
        self.memo: dict[tuple[str, ...], _NameFacts] = {}

    def facts(self, names: list[str]) -> _NameFacts:
        got = self.memo.get(tuple(names))
        if got is None:
            got = self.memo[tuple(names)] = self._facts(names)
        return got

    def _facts(self, names: list[str]) -> _NameFacts:
        lines, keys, months = self.lines, [name_key(x) for x in names], self.months
        words = [w for x in names for w in x.split()]
        rule = bool(self.rule_keys) and set(keys) == self.rule_keys
        return _NameFacts(
            1.0 if rule else 0.0, 1.0 if rule and self.rule_byline else 0.0,
            min(len(names), MAX_NAMES) / MAX_NAMES,
            1.0 if all(looks_like_person(x) for x in names) else 0.0,
            1.0 if any(" " not in x for x in names) else 0.0,
            1.0 if any(x[:1].islower() for x in names) else 0.0,
            1.0 if all(x.isupper() for x in names) else 0.0,
            math.log1p(min(max(lines.count(k) for k in keys), MAX_COUNT)) if keys else 0.0,
            1.0 if any(k and k in self.title_text for k in keys) else 0.0,
            # (no match of ``_ORG`` crosses a line break: one search over the names)
            1.0 if _ORG.search("\n".join(names)) else 0.0,
            1.0 if any(w.lower() in UI_WORDS or w.lower() in months for w in words) else 0.0,
            sum(1 for w in words if lines.lower_word(w)) / max(len(words), 1),
            first_name_share(names), 1.0 if any(k in self.bios for k in keys) else 0.0,
            shape_features(names, self.title_set),
            1.0 if any(lines.upper_word(x.split()[-1]) for x in names if x.split()) else 0.0)


class _LineFacts(NamedTuple):
    """The features of a candidate that depend on its line only (candidates of one line share them)."""
    dated: float             # a date in the line
    comment: float           # a comment word ("replied", "says:")
    photo: float             # a photo-credit word
    copyright: float         # a copyright line
    kept: float              # the rule stages kept the line
    bullet: float            # a list item
    label_above: float       # a bare label ("Author", "By") on the line above
    date_near: float         # a dated line near
    short_neighbours: float  # the share of short, undated lines of the two above and below
    body_below: float        # a paragraph below


def _line_facts(blocks: list[Block], b: Block, dated: dict[int, bool]) -> _LineFacts:
    """``dated``: the memo of ``_short_dated`` (a short line's own date is its answer too)."""
    text, i = b.text, b.index
    prev = blocks[i - 1].text if i > 0 else ""
    marks = may_hold(text, _FACT_WORDS)   # (else none of the three patterns can match)
    own = _short_dated(blocks, i, dated) if len(text) <= MAX_NAME_LINE else _dated(text)
    return _LineFacts(1.0 if own else 0.0,
                      1.0 if marks and _COMMENT.search(text) else 0.0, 1.0 if marks and _PHOTO.search(text) else 0.0,
                      1.0 if marks and _COPYRIGHT.search(text) else 0.0, 1.0 if b.kept else 0.0,
                      1.0 if b.kind == "list_item" else 0.0, 1.0 if _BARE_LABEL.match(prev) else 0.0,
                      1.0 if _date_near(blocks, i, dated) else 0.0, _short_neighbours(blocks, i),
                      1.0 if _body_below(blocks, i) else 0.0)


_EXPLICIT = frozenset({"lead", "inner", "label"})


def _add_page_relative(cands: list[Candidate], title: int | None) -> None:
    """A feature that compares a candidate with the page's others: is it the first explicit byline
    ("By ...", "Author: ...", "... von Jane Doe") after the headline (the whole page without one)?"""
    after = sorted((c for c in cands if title is None or c.block.index > title), key=lambda c: c.block.index)
    first = next((c for c in after if c.kinds & _EXPLICIT), None)
    for c in cands:
        c.feats.append(1.0 if c is first else 0.0)


@dataclass(frozen=True)
class Ranker:
    """The fitted ranker as the weights file holds it: boosted trees (``trees``: their raw score is the
    log-odds that the candidate names the page's authors) or a standardised linear score (``weights``),
    and the score a candidate needs to be taken."""

    threshold: float
    forest: Forest | None = None
    linear: tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], float] | None = None

    def scores(self, table: list[list[float]]) -> list[float]:
        """Every row's score (the trees' walk or the linear score's compiled twin, when built)."""
        if self.forest is not None:
            return self.forest.scores(table)
        assert self.linear is not None
        mean, scale, weights, bias = self.linear
        fast = compiled("standard_score") or standard_score_pure
        return [fast(mean, scale, weights, bias, feats) for feats in table]


def ranker_from_json(data: dict[str, Any], where: str = WEIGHTS_FILE) -> Ranker:
    """The ranker a weights file describes (``ConfigError`` when it was fitted on other features or
    its trees are malformed)."""
    if tuple(data.get("features", ())) != FEATURES:
        raise ConfigError(f"{where} was fitted on other features; retrain it")
    if "trees" in data:
        return Ranker(float(data["threshold"]), forest=forest_from_json(data["trees"], data["base"],
                                                                        len(FEATURES), where))
    return Ranker(float(data["threshold"]), linear=(tuple(data["mean"]), tuple(data["scale"]),
                                                    tuple(data["weights"]), float(data["bias"])))


@cache
def _model() -> Ranker:
    return ranker_from_json(load_json(WEIGHTS_FILE))


def score(feats: list[float]) -> float:
    """The candidate's score by the shipped ranker."""
    return _model().scores([feats])[0]


def best(cands: list[Candidate], names_of: Callable[[Candidate], list[str]] = lambda c: c.names) -> Candidate | None:
    """The highest-scoring candidate (the earlier line on a tie) that the model trusts enough and that still
    names someone once ``names_of`` has taken out the names that are no author's (a picture credit, a date's
    label), with only those names; the score is the ranker's all the same."""
    if not cands:
        return None
    model = _model()
    scores = model.scores([c.feats for c in cands])
    for j in sorted(range(len(cands)), key=lambda j: (-scores[j], cands[j].block.index)):
        if scores[j] < model.threshold:
            return None
        c = cands[j]
        names = names_of(c)
        if names:
            return c if names == c.names else Candidate(names, c.block, c.kinds, c.feats)
    return None
