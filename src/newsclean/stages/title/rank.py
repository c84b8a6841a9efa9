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
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from newsclean._core import compiled
from newsclean.normalize._data import load_json
from newsclean.normalize.authors import looks_like_person
from newsclean.normalize.dates import find_dates
from newsclean.normalize.titles import norm
from newsclean.page import Block
from newsclean.stages.classify.trees import Forest, forest_from_json
from newsclean.strings import has_digit, long_word_runs

WEIGHTS_FILE = "text_title_rank.json"
MAX_CANDIDATES = 1200     # lines looked at: a capture may print long menus (hundreds of lines) before the story
LONG = 200                # characters: a body paragraph, not a headline or a label
MAX_LINE = 250            # characters: a longer line is no candidate (and no line equal to one is counted)
PROSE = 80                # characters: a kept line this long ending a sentence is body prose
NEAR = 4                  # lines after a candidate in which its byline/dateline/lead is looked for
CONTENT_LETTERS = 4       # word characters of a content word (``\w{4,}``): shorter ones are function words


def has_crumb_mark(text: str) -> bool:
    """Does the line hold a breadcrumb's mark (one of "/", "|", ">", "»", "›")? Five substring tests: a regex
    call costs a few thousand instructions."""
    return "/" in text or "|" in text or ">" in text or "»" in text or "›" in text


_DIGIT = re.compile(r"\d")
# "... von Guido Beyss", "by Jane Doe", "Autor: c1ph4": a name behind an author word, anywhere in the line
_BY_INSIDE = re.compile(r"(?:^|[\s|·/,])(?i:von|by|par|por|door|autor(?:in)?|author|written by)\s*:?\s+[A-ZÀ-Ý]")
# an image's caption or credit line ("Foto: Adobe Stock", "Picture of Liam Austin", "Image credit: ...")
_CREDIT = re.compile(r"\b(?:foto|fotos|photo|photos|picture|image|images|bild|benutzerbild|credit|getty|istock|"
                     r"shutterstock|imago|dpa|reuters|afp)\b|©", re.I)
SHARED_ENOUGH = 6         # content words: a headline's story repeating this many of them is plenty
QUOTING = 300             # characters: longer lines are prose, not a title quoting the headline
MIN_QUOTED = 12           # characters: a shorter line is found inside other lines by chance
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


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in long_word_runs(text, CONTENT_LETTERS)}


_TOKEN = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")   # kana and Han: written without spaces
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_EAST = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
HANGUL_STEM = 2           # syllables: a Korean word's stem without the particle it ends with ("사안으로" -> "사안")


def _pieces(text: str) -> set[str]:
    """The content pieces of a line, for any script: words of four letters or more, the first syllables of
    Korean words (which end with their particles), and character pairs of Chinese or Japanese text (which
    puts no spaces between words)."""
    low = text.casefold()
    if low.isascii() or not _EAST.search(low):   # (every character ``_EAST`` finds is outside ASCII)
        return set(long_word_runs(low, CONTENT_LETTERS))   # the common case, in one pass
    out: set[str] = set()
    for tok in _TOKEN.findall(low):
        if _CJK.search(tok):
            out.update(tok[k:k + 2] for k in range(len(tok) - 1))
        elif _HANGUL.search(tok):
            if len(tok) >= HANGUL_STEM:
                out.add(tok[:HANGUL_STEM])
        elif len(tok) >= 4:
            out.add(tok)
    return out


def prose_lines(blocks: list[Block]) -> list[int]:
    """The indexes of the kept lines of body prose: long enough and ending a sentence (the classify stage
    kept them)."""
    return [b.index for b in blocks if b.kept and b.kind != "list_item" and len(b.text) >= PROSE
            and b.text.rstrip("\"'”’» ").endswith((".", "!", "?"))]


def _top_texts(top: list[Block]) -> tuple[dict[int, str], list[str], str]:
    """One pass over the first lines: each line's normalised text (lines up to ``QUOTING`` characters, by
    index), those of the lines up to ``MAX_LINE`` characters (whose equal lines are counted), and the
    breadcrumb lines' texts as one string, each line between line feeds (``_ends_longer``)."""
    normed: dict[int, str] = {}
    short: list[str] = []
    crumbs: list[str] = []
    for b in top:
        text = b.text
        if len(text) > QUOTING:
            continue
        key = normed[b.index] = norm(text)
        if len(text) <= MAX_LINE:
            short.append(key)
        if has_crumb_mark(text):
            crumbs.append(key)
    return normed, short, "\n" + "\n".join(crumbs) + "\n"


def _ends_longer(key: str, lines: str) -> bool:
    """Does one of ``lines`` (line-feed separated, one before the first and after the last) end with ``key``
    and hold more than it (``any(c != key and c.endswith(key) for c in ...)``, in C)? ``key`` holds no line
    feed: each place ``key`` and a line feed are found is the end of a line, a longer one when no line feed
    comes just before it."""
    needle = key + "\n"
    at = lines.find(needle, 1)
    while at >= 0:
        if lines[at - 1] != "\n":
            return True
        at = lines.find(needle, at + 1)
    return False


class _Body:
    """The kept body prose of a capture, for asking which lines come before it and which of a line's
    words it repeats: the article's own headline shares its words with the story below it, a teaser
    headline of another story does not."""

    def __init__(self, blocks: list[Block], normed: dict[int, str] | None = None,
                 starts: list[int] | None = None) -> None:
        """``normed``: lines' normalised texts already at hand (by index), ``starts``: ``prose_lines(blocks)``
        when already at hand."""
        self.starts = prose_lines(blocks) if starts is None else starts
        known = normed or {}
        norms = [known[i] if i in known else norm(blocks[i].text) for i in self.starts]
        # every prose line's normalised text in one, apart by line feeds (which no normalised line holds), and
        # where each starts: a line is printed inside a prose line from the k-th on when it is found from there
        self.joined = "\n".join(norms)
        self.offsets = [0]
        for t in norms:
            self.offsets.append(self.offsets[-1] + len(t) + 1)
        self.last: dict[str, int] = {}     # content word -> index of the last prose line that has it
        for i in self.starts:
            for w in _pieces(blocks[i].text):
                self.last[w] = i

    def _after(self, i: int) -> int:
        """Position in ``starts`` of the first body prose line below line ``i``."""
        return bisect_right(self.starts, i)

    def repeats(self, i: int, key: str) -> float:
        """1 when a body prose line below line ``i`` prints the line word for word (a dek or lead sentence
        the story opens with; a headline is rarely repeated inside the text)."""
        if len(key) < MIN_QUOTED:
            return 0.0
        k = self._after(i)
        return 1.0 if k < len(self.starts) and self.joined.find(key, self.offsets[k]) >= 0 else 0.0

    def below(self, i: int, words: set[str]) -> int:
        """How many of ``words`` body prose below line ``i`` repeats."""
        return sum(1 for w in words if self.last.get(w, -1) > i)

    def gap(self, i: int) -> float:
        """1 / (1 + lines between line ``i`` and the next body prose line); 0 when none follows."""
        k = self._after(i)
        return 0.0 if k == len(self.starts) else 1.0 / (self.starts[k] - i)


def _overlap(below: int, words: set[str]) -> float:
    """Share of ``words`` found in body prose below the line (``below`` of them)."""
    return below / len(words) if words else 0.0


def _shared(below: int) -> float:
    """How many words body prose below the line repeats, up to SHARED_ENOUGH (the share alone favours a
    short label, "Higher education", whose two words any story may use)."""
    return min(below, SHARED_ENOUGH) / SHARED_ENOUGH


def _quoted(key: str, others: str, exact: int) -> float:
    """How often (up to three) other lines quote the line inside a longer text ("142 replies to
    <headline>", "<headline> | Site", "Share <headline> on ..."): ``others`` is every line's normalised
    text joined by newlines, ``exact`` the number of lines equal to the line."""
    if len(key) < MIN_QUOTED:
        return 0.0
    return min(max(others.count(key) - exact, 0), 3) / 3


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


def candidates(blocks: list[Block], rule_pick: int | None, sig: Signals,
               wanted: Callable[[Block], bool] = lambda b: True,
               prose: list[int] | None = None) -> list[tuple[Block, list[float]]]:
    """(block, feature vector) for every headline candidate among the first lines of a capture (only those
    ``wanted`` gets: the features cost most of the stage); ``prose``: ``prose_lines(blocks)`` when at hand."""
    n = len(blocks)
    top = blocks[:MAX_CANDIDATES]
    longs = [b.index for b in blocks if len(b.text) >= LONG]
    first_long = longs[0] if longs else n
    normed, short, crumbs = _top_texts(top)   # each line normalised once
    counts = Counter(short)
    joined, shown_counts = "\n".join(normed.values()), Counter(normed.values())
    body = _Body(blocks, normed, prose)
    out = []
    leads: dict[int, set[str]] = {}  # the content words of each lead paragraph, once
    next_long = 0

    def headline_above(t: str) -> bool:   # a headline the line would be the dek of
        return len(t.split()) >= SHORT_NAME and not t.endswith(".") and sig.headline_like(t, strict=True)
    for b in top:
        if not wanted(b) or not is_candidate(b, sig):
            continue
        i = b.index
        while next_long < len(longs) and longs[next_long] <= i:
            next_long += 1
        nl = longs[next_long] if next_long < len(longs) else n
        after, above = blocks[i + 1:i + 1 + NEAR], blocks[max(0, i - ABOVE):i][::-1]
        key = normed[i]   # a candidate is at most 250 characters long
        words = b.text.split()
        if nl not in leads:
            leads[nl] = _content_words(blocks[nl].text[:600]) if nl < n else set()
        lead = leads[nl]
        pieces = _pieces(b.text)
        # (ASCII text: its content words are its pieces, casefolding word by word or the whole text alike)
        mine = pieces if b.text.isascii() else _content_words(b.text)
        below = body.below(i, pieces)
        feats = [
            i / max(n, 1), math.log1p(i), 1.0 if i < first_long else 0.0, 1.0 / (1 + max(0, nl - i - 1)),
            min(len(words), 40) / 10, min(len(b.text), 250) / 100, 1.0 if b.text.endswith(".") else 0.0,
            1.0 if b.text.endswith(("?", "!")) else 0.0, 1.0 if b.kind == "list_item" else 0.0,
            1.0 if b.kind == "heading" else 0.0, sig.sits_on_byline(blocks, i) / 2,
            1.0 if any(sig.is_dateline(a.text) for a in after) else 0.0,
            1.0 if any(sig.is_byline(a.text) for a in after) else 0.0,
            1.0 if any(sig.name_line(a.text) for a in after if len(a.text) <= 60) else 0.0,
            1.0 if any(len(a.text) >= 150 for a in after) else 0.0,
            min(counts[key] - 1, 3) / 3,
            1.0 if _ends_longer(key, crumbs) else 0.0,
            1.0 if sig.headline_like(b.text, strict=True) else 0.0,
            sum(w[:1].isupper() for w in words) / len(words), 1.0 if b.text.isupper() else 0.0,
            1.0 if has_decimal(b.text) else 0.0,
            len(mine & lead) / len(mine) if mine else 0.0, 1.0 if b.kept else 0.0,
            1.0 if rule_pick == i else 0.0,
            1.0 if (" | " in b.text or " - " in b.text or " – " in b.text) else 0.0,
            1.0 if ":" in b.text else 0.0,
            (1.0 if b.features.get("blank_before") else 0.0) + (1.0 if b.features.get("blank_after") else 0.0),
            1.0 if b.features.get("linked_words") else 0.0, 1.0 if i == 0 else 0.0,
            1.0 if has_date(b.text) else 0.0, 1.0 if _BY_INSIDE.search(b.text) else 0.0,
            1.0 if len(words) <= SHORT_NAME and sig.name_line(b.text) else 0.0,
            _nearest(after, has_date), _nearest(above, has_date), _nearest(above, headline_above),
            1.0 if doubled(b.text) else 0.0,
            1.0 if len(words) <= NAME_START_MAX and looks_like_person(" ".join(words[:2])) else 0.0,
            1.0 if _CREDIT.search(b.text) else 0.0,
            _overlap(below, pieces), _quoted(key, joined, shown_counts[key]), body.gap(i),
            body.repeats(i, key), _shared(below),
        ]
        out.append((b, feats))
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
