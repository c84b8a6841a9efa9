"""The runs of a text capture's kept text and what each run looks like, for the ``regions`` stage.

A *run* is a stretch of kept blocks with no dropped block inside it and no heading after its first block:
a heading opens a new run, and so does any dropped block between two kept ones. The *main* run is the
one with the most words. Every other run gets one row of plain floats (``FEATURES``, in order; the
weights file names them too): its size against the main run, where it sits (before or after the main run,
before the headline, how many runs and dropped blocks and words lie between), the heading that opens it
(short, title-cased, a question, a colon), what its blocks look like (prose paragraphs, list items, short
lines without a full stop, dates, links, names) and whether an end-of-story line (an end marker: tags,
share, "Related") lies between it and the main run; and how much of the run's vocabulary (words of
``VOCAB_LETTERS`` letters or more) the main run uses too, the sizes of the runs on either side and of the
main run (a box's words are not the story's words; a second section of the story shares them).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newsclean.features.text import is_end_marker, prose_of, words_of
from newsclean.page import Block
from newsclean.strings import has_digit, holds_any, long_word_runs

SHORT_WORDS = 8      # a block under this many words is a short line (a teaser title, a label, a name)
PROSE_WORDS = 8      # prose_of's own minimum: a block this long with sentences is a paragraph
HEADING_WORDS = 12   # a heading of at most this many words is box-like ("Related", "About the author")
_DATE = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|"
                   r"oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
                   re.I)
_LINKISH = re.compile(r"https?://|www\.|@\w|\b(read more|weiterlesen|lire la suite|leer más|more from)\b|[›»→]|…$",
                      re.I)
_NAME = re.compile(r"^(by |von |par |por )?[A-Z][\w'’.-]+( [A-Z][\w'’.-]+){1,3}$")
# an author's bio: "Jane Doe is a …", "She has written …", "About the author", "Latest posts by …"
_BIO = re.compile(r"^([A-Z][\w'’.-]+ ){1,4}(is|was|has|holds|serves|joined|writes|covers|founded)\b|"
                  r"^(he|she|they) (is|has|was|writes|covers)\b|\b(about the author|latest posts by|"
                  r"posts by|view all posts|über den autor|à propos de l'auteur)\b", re.I)
# a reader comment's furniture: "Reply", "Expand full comment", "Jane says:", "3 likes", "2 days ago"
_COMMENT = re.compile(r"(\b(reply|expand full comment|says:|wrote:|antworten|répondre)|\d+ (likes?|replies)|"
                      r"\bago)\W*$", re.I)
# cheap pre-tests (substrings of the lower-cased text) without which the patterns above cannot match: most
# lines are skipped before a regex scans them (the answers are the patterns' own)
_LINK_CUES = ("http", "www.", "@", "›", "»", "→", "…", "read more", "weiterlesen", "lire la suite", "leer más",
              "more from")
_BIO_CUES = ("about the author", "posts by", "über den autor", "à propos de l'auteur")
_COMMENT_SPAN = 20  # the longest reading of _COMMENT ("expand full comment", 19), and one character more
_COMMENT_CUES = ("reply", "expand full comment", "says:", "wrote:", "antworten", "répondre", "like", "replies", "ago")
_WE_YOU = frozenset("we our us you your yours wir unser uns ihr nous notre vous votre".split())
_ECHO = 24  # a teaser's headline printed twice in one block ("Title hereTitle here"): this many characters
VOCAB_LETTERS = 4   # a vocabulary word has at least this many letters (shorter ones are function words)
LONG_RUN = 30       # a run of at least this many words: its vocabulary overlap is worth weighing alone

FEATURES: tuple[str, ...] = (
    "bias", "log_words", "log_blocks", "size_vs_main", "share_of_kept", "before_main", "after_main",
    "before_title", "runs_between", "dropped_between", "dropped_words_between", "kept_between_share",
    "heading_first", "heading_words", "heading_title_case", "heading_question", "heading_colon",
    "prose_share", "list_share", "short_share", "no_end_share", "date_share", "link_share", "name_share",
    "mean_block_words", "marker_between", "marker_inside", "is_last", "is_first", "adjacent",
    "bio_share", "comment_share", "we_you", "echo_share", "question_share", "blocks_between",
    "after_main*prose_share", "before_main*prose_share", "adjacent*prose_share", "marker_between*prose_share",
    "heading_first*prose_share", "size_vs_main*prose_share",
    "vocab_overlap", "log_vocab", "vocab_overlap*long", "log_left_words", "log_right_words", "next_to_main",
    "log_main_words",
)


@dataclass(frozen=True)
class Run:
    """One run: the indexes of its blocks (``blocks[first..last]``, all kept) and its words."""

    first: int
    last: int
    words: int


def runs_of(blocks: list[Block]) -> list[Run]:
    """The kept blocks cut into runs at every dropped block and before every heading."""
    out: list[Run] = []
    start = -1
    words = 0
    prev = -2
    for i, b in enumerate(blocks):
        if b.dropped_by is not None:
            continue
        if start >= 0 and (i != prev + 1 or b.kind == "heading"):
            out.append(Run(start, prev, words))
            start, words = -1, 0
        if start < 0:
            start = i
        words += words_of(b)
        prev = i
    if start >= 0:
        out.append(Run(start, prev, words))
    return out


def main_run(runs: list[Run]) -> int:
    """The index of the run with the most words (the first of equals)."""
    best = 0
    for k, r in enumerate(runs):
        if r.words > runs[best].words:
            best = k
    return best


def _title_case(text: str) -> float:
    ws = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in ws) / len(ws) if ws else 0.0


def _share(flags: list[bool], weights: list[int]) -> float:
    total = sum(weights)
    return sum(w for f, w in zip(flags, weights) if f) / total if total else 0.0


def _cued(low: str, cues: tuple[str, ...]) -> bool:
    return holds_any(low, cues)   # (``any(c in low for c in cues)``, without a generator)


def _dated(text: str) -> bool:
    return has_digit(text) and _DATE.search(text) is not None  # (every form of _DATE holds a \d)


def _linkish(text: str, low: str) -> bool:
    return _cued(low, _LINK_CUES) and _LINKISH.search(text) is not None


def _bio(text: str, low: str) -> bool:
    """``_BIO.search``: its first two readings hold at the start only, its third needs one of the cues."""
    return _BIO.match(text) is not None or (_cued(low, _BIO_CUES) and _BIO.search(text) is not None)


def _comment(text: str, low: str) -> bool:
    r"""``_COMMENT.search(text)``, scanning only the text's tail: a match ends in ``\W*$``, so its words end
    at the text's last word character (or one ':' after it), and none of its readings is longer than
    ``_COMMENT_SPAN`` characters (a count's digits: one is enough); ``search``'s ``pos`` keeps the real
    character before it for ``\b``."""
    if not _cued(low, _COMMENT_CUES):
        return False
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):   # (``\w``: alphanumeric or "_")
        end -= 1
    return _COMMENT.search(text, max(0, end - _COMMENT_SPAN)) is not None


def _we_you(lows: list[str]) -> float:
    """The share of the words (lower-cased lines) that are "we"/"you" words."""
    hits = total = 0
    for low in lows:
        words = low.split()
        total += len(words)
        hits += sum(map(_WE_YOU.__contains__, words))
    return hits / total if total else 0.0


def _echo(text: str) -> bool:
    """The block's first ``_ECHO`` characters printed again later in it (a teaser's doubled headline)."""
    return len(text) >= 3 * _ECHO and text.find(text[:_ECHO], _ECHO) >= 0


@dataclass(frozen=True)
class Tallies:
    """Running sums over the page's blocks (``at[i]``: over ``blocks[:i]``), so that what lies between a run
    and the main run costs one subtraction: dropped blocks, their words, kept words, end-marker lines."""

    lo: int
    dropped: list[int]
    dropped_words: list[int]
    kept_words: list[int]
    markers: list[int]


def _is_marker(b: Block) -> bool:
    return words_of(b) <= SHORT_WORDS and is_end_marker(b)


def tallies(blocks: list[Block], lo: int, hi: int) -> Tallies:
    """The sums over ``blocks[lo:hi]`` (the span of the runs: nothing outside it lies between two runs); the
    lists are indexed from 0, so ``at[i - lo]`` is the sum over ``blocks[lo:i]``."""
    dropped, dropped_words, kept_words, markers = [0], [0], [0], [0]
    for b in blocks[lo:hi]:
        n = words_of(b)
        gone = b.dropped_by is not None
        dropped.append(dropped[-1] + gone)
        dropped_words.append(dropped_words[-1] + (n if gone else 0))
        kept_words.append(kept_words[-1] + (0 if gone else n))
        markers.append(markers[-1] + _is_marker(b))
    return Tallies(lo, dropped, dropped_words, kept_words, markers)


def _between(t: Tallies, lo: int, hi: int) -> tuple[int, int, int, bool]:
    """Over ``blocks[lo:hi]``: dropped blocks, their words, kept words, and whether an end marker is there."""
    if hi <= lo:
        return 0, 0, 0, False
    lo, hi = lo - t.lo, hi - t.lo
    return (t.dropped[hi] - t.dropped[lo], t.dropped_words[hi] - t.dropped_words[lo],
            t.kept_words[hi] - t.kept_words[lo], t.markers[hi] > t.markers[lo])


def vocabulary(blocks: list[Block], run: Run) -> set[str]:
    """The run's distinct lower-cased words of ``VOCAB_LETTERS`` letters or more."""
    out: set[str] = set()
    for b in blocks[run.first:run.last + 1]:
        out.update(long_word_runs(b.text.lower(), VOCAB_LETTERS))   # (``\w{4,}``)
    return out


def run_row(blocks: list[Block], runs: list[Run], k: int, main: int, title_block: int | None,
            tally: Tallies, main_vocab: set[str]) -> list[float]:
    """One run's row (``FEATURES``); ``main_vocab``: the main run's ``vocabulary``."""
    r, m = runs[k], runs[main]
    own = blocks[r.first:r.last + 1]
    words = [max(1, words_of(b)) for b in own]
    total_kept = sum(x.words for x in runs) or 1
    before = k < main
    lo, hi = (r.last + 1, m.first) if before else (m.last + 1, r.first)
    dropped, dropped_words, kept_between, marker = _between(tally, lo, hi)
    head = own[0] if own[0].kind == "heading" else None
    head_text = head.text.strip() if head is not None else ""
    body = own[1:] if head is not None else own
    bw = words[1:] if head is not None else words
    texts = [b.text.strip() for b in body]
    lows = [t.lower() for t in texts]
    prose = _share([prose_of(b).prose and words_of(b) >= PROSE_WORDS for b in body], bw)
    row = [
        1.0, math.log1p(r.words), math.log1p(len(own)), r.words / max(1, m.words), r.words / total_kept,
        float(before), float(not before), float(title_block is not None and r.last < title_block),
        math.log1p(abs(k - main) - 1), math.log1p(dropped), math.log1p(dropped_words), kept_between / total_kept,
        float(head is not None), math.log1p(words_of(head)) if head is not None else 0.0,
        _title_case(head_text) if head is not None and words_of(head) <= HEADING_WORDS else 0.0,
        float(head_text.endswith("?")), float(head_text.endswith(":")),
        prose, _share([b.kind == "list_item" for b in body], bw), _share([w < SHORT_WORDS for w in bw], bw),
        _share([not t.endswith((".", "!", "?", '"', "”", "’", ")")) for t in texts], bw),
        _share([_dated(t) for t in texts], bw), _share([_linkish(t, lo_) for t, lo_ in zip(texts, lows)], bw),
        _share([w <= 6 and bool(_NAME.match(t)) for t, w in zip(texts, bw)], bw),
        math.log1p(sum(bw) / max(1, len(bw))), float(marker),
        float(tally.markers[r.last + 1 - tally.lo] > tally.markers[r.first - tally.lo]),
        float(k == len(runs) - 1), float(k == 0), float(abs(k - main) == 1 and dropped == 0),
        _share([_bio(t, lo_) for t, lo_ in zip(texts, lows)], bw) if texts else
        float(_bio(head_text, head_text.lower())),
        _share([_comment(t, lo_) for t, lo_ in zip(texts, lows)], bw), _we_you(lows),
        _share([_echo(t) for t in texts], bw), _share([t.endswith("?") for t in texts], bw),
        math.log1p(hi - lo),
    ]
    after, adjacent, head_first = row[6], row[29], row[12]
    row += [after * prose, row[5] * prose, adjacent * prose, float(marker) * prose, head_first * prose,
            row[3] * prose]
    vocab = vocabulary(blocks, r)
    overlap = len(vocab & main_vocab) / len(vocab) if vocab else 0.0
    row += [overlap, math.log1p(len(vocab)), overlap * (r.words >= LONG_RUN),
            math.log1p(runs[k - 1].words if k > 0 else 0), math.log1p(runs[k + 1].words if k + 1 < len(runs) else 0),
            float(abs(k - main) == 1), math.log1p(m.words)]
    return row


def region_rows(blocks: list[Block], title_block: int | None,
                runs: list[Run] | None = None) -> tuple[list[Run], int, list[list[float]]]:
    """The page's runs (``runs_of``, unless given), the main run's index, and one row per run (the main run's
    row is all zeros: it is never judged)."""
    if runs is None:
        runs = runs_of(blocks)
    if not runs:
        return runs, -1, []
    main = main_run(runs)
    tally = tallies(blocks, runs[0].first, runs[-1].last + 1)
    main_vocab = vocabulary(blocks, runs[main]) if len(runs) > 1 else set()
    return runs, main, [run_row(blocks, runs, k, main, title_block, tally, main_vocab) if k != main
                        else [0.0] * len(FEATURES) for k in range(len(runs))]
