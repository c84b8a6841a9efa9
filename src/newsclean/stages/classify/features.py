"""Feature vectors of a text capture's blocks, for the learned block classifier (``classify``).

One row per block, in page order, of plain floats: what the block looks like (words, sentence ends,
prose score, kind, phrase-list hits, interface-label and caption shapes), where it sits (position,
share of the page's prose before it), what its neighbours look like, and what the rule stages before
it decided (dropped before or after the body region, as end matter, as a menu bullet, as promo, as a
repeat). The names in ``FEATURES`` are the columns, in order; the weights file names them too, so a
model trained on other columns is refused instead of silently misread.
"""
from __future__ import annotations

import math
import re

from newsclean._core import compiled
from newsclean.features.text import (
    in_menu_of,
    is_end_marker,
    lower_share_of_words,
    placeholder,
    promo_hits_of,
    prose_of,
    tight_pairs,
    words_of,
)
from newsclean.page import Block, DropKind
from newsclean.stages.navigation.text import caption_like, contact_like, is_ui_label, link_line
from newsclean.strings import holds_any

KINDS = ("paragraph", "heading", "list_item", "quote", "table", "pre", "caption")

# what kind of decision an earlier stage dropped a block by (Block.drop_kind), and its column
DECISIONS = (
    (DropKind.BEFORE_BODY, "drop_before"),
    (DropKind.AFTER_BODY, "drop_after"),
    (DropKind.END_MATTER, "drop_end_matter"),
    (DropKind.NAV_BULLET, "drop_bullets"),
    (DropKind.PROMO, "drop_promo"),
    (DropKind.REPEAT, "drop_repeat"),
)
_COLUMN_OF = dict(DECISIONS)
_OTHER_DROP = "drop_other"

OWN = ("log_words", "sentence_end", "sentences", "prose", "loose", "prose_score", "promo", "end_marker",
       "insert_marker", "in_menu", "ui_label", "placeholder", "lower_share", "no_case", "link_line", "caption",
       "contact", "digits", "upper_start", "ends_colon", "long_line", "question", "we_share", "you_share",
       "link_or_email", "comment_head")
CONTEXT = ("position", "prose_before", "prev_prose", "next_prose", "prev_words", "next_words", "prose_near",
           "kept_near", "same_kind_run", "run_length", "repeat", "after_marker", "since_marker", "comments_near")
BASE: tuple[str, ...] = ("bias",) + OWN + tuple(f"kind_{k}" for k in KINDS) + CONTEXT + \
    tuple(d[1] for d in DECISIONS) + (_OTHER_DROP,)
# products of two columns: a linear model cannot tell "prose after an end marker" from prose elsewhere
CROSSES = (("prose", "after_marker"), ("prose", "drop_after"), ("prose", "drop_before"),
           ("prose", "drop_end_matter"), ("prose", "kind_list_item"), ("prose", "kept_near"),
           ("long_line", "position"), ("prose", "comments_near"), ("prose", "we_share"))
FEATURES: tuple[str, ...] = BASE + tuple(f"{a}*{b}" for a, b in CROSSES)
_CROSS_AT = tuple((BASE.index(a), BASE.index(b)) for a, b in CROSSES)

NEAR = 3            # blocks on either side that make up a block's neighbourhood
_DIGITS = "0123456789"
_ANY_DIGIT = re.compile("[0-9]")
_REPEAT_WORDS = 8  # blocks that start with the same eight words are one text printed twice
_TAIL = 200  # a caption's credit is at its end: the caption test reads this many characters of a block
_PRONOUN_WORDS = 8  # shares of "we"/"you" words mean something in a sentence, not in a label
_LONG_WORDS = 40    # a block of this many words or more is a long line of text whatever else it is
_WE = frozenset("we our us ours wir unser unsere uns nous notre nos".split())
_YOU = frozenset("you your yours ihr ihre sie vous votre vos".split())
_LINK = re.compile(r"https?://|www\.|\S+@\S+\.\w{2,}")
# the header line of a reader comment: "Jane says:", "Reply", "March 5, 2024 at 3:12 pm", "3 years ago"
_COMMENT_HEAD = re.compile(
    r"(\b(says|said|wrote|schrieb|dit|escribió)\s*:?\s*$|^(reply|antworten|répondre|responder|report|"
    r"like|likes?\s*\d*|\d+\s+(likes?|replies|points))$|\bat \d{1,2}:\d\d\s*(am|pm)?\s*$|"
    r"\b\d+\s+(minutes?|hours?|days?|weeks?|months?|years?) ago$)", re.I)
# words one of ``_COMMENT_HEAD``'s patterns needs (case-folded; ":" for a time of day): a cheap test first
_COMMENT_WORDS = ("says", "said", "wrote", "schrieb", "dit", "escribió", "reply", "antworten", "répondre",
                  "responder", "report", "like", "replies", "points", ":", "ago")
# an end marker counts once this share of the page's prose, or this many prose words, lies above it (the
# comments under a story can hold more prose than the story)
_MARKER_PROSE = 0.3
_MARKER_WORDS = 150


def decision_of(block: Block) -> str | None:
    """The column of the rule decision that dropped ``block`` (None if kept)."""
    if block.dropped_by is None:
        return None
    kind = block.drop_kind
    return _COLUMN_OF.get(kind, _OTHER_DROP) if kind is not None else _OTHER_DROP


def _own(block: Block) -> list[float]:
    text = block.text
    p = prose_of(block)
    words = words_of(block)
    ls, digits, upper_start, ends_colon, question, we, you = \
        (compiled("text_shape") or text_shape_pure)(text, words, _PRONOUN_WORDS, _WE, _YOU)
    # the pattern tests are asked only of blocks they can fit (they cost most of a row)
    linkish = ("http" in text or "www." in text or "@" in text) and bool(_LINK.search(text))
    return [
        math.log1p(words), float(p.sentence_end), min(p.sentences, 5) / 5, float(p.prose), float(p.loose),
        math.copysign(math.log1p(abs(p.score)), p.score), min(promo_hits_of(block), 3) / 3,
        float(is_end_marker(block)), float(is_end_marker(block, "insert_markers")), 0.0,  # in_menu: set by rows()
        float(words <= 6 and is_ui_label(block)), float(placeholder(text)), max(ls, 0.0), float(ls < 0),
        float(words <= 25 and link_line(text)), float(words <= 60 and caption_like(text[-_TAIL:])),
        float(words <= 80 and contact_like(text)), digits, float(upper_start), float(ends_colon),
        float(words >= _LONG_WORDS), float(question), we, you, float(linkish),
        float(words <= 12 and _comment_head(text.strip())),
    ]


def text_shape_pure(text: str, words: int, pronoun_words: int, we: frozenset[str],
                    you: frozenset[str]) -> tuple[float, float, bool, bool, bool, float, float]:
    """What ``_own`` reads of a text's characters: the lower share of its words (-1: none cased), the digit
    share, whether it starts capitalised, ends with ":" or "?", and (for ``words >= pronoun_words``) the
    shares of ``we`` and ``you`` words (the compiled core's twin is ``_core/_scan_cls.pxi``'s
    ``text_shape``, one pass over the characters)."""
    split = text.split()
    stripped = text.strip()
    we_share, you_share = _pronoun_shares(split, we, you) if words >= pronoun_words else (0.0, 0.0)
    return (lower_share_of_words(split), _digit_share(text), stripped[:1].isupper(), stripped.endswith(":"),
            stripped.endswith("?"), we_share, you_share)


def _digit_share(text: str) -> float:
    """Five times the share of ASCII digits among the characters, at most 1 (most blocks have none)."""
    if _ANY_DIGIT.search(text) is None:
        return 0.0
    return min(sum(map(text.count, _DIGITS)) / max(1, len(text)) * 5, 1.0)


def _comment_head(text: str) -> bool:
    low = text.casefold()
    return holds_any(low, _COMMENT_WORDS) and bool(_COMMENT_HEAD.search(text))


def _pronoun_shares(split: list[str], we: frozenset[str], you: frozenset[str]) -> tuple[float, float]:
    """Shares of "we/our" and "you/your" words: high in a company's promotion of itself."""
    words = [w.lower() for w in split]
    if not words:
        return 0.0, 0.0
    n = len(words)
    return (min(1.0, 5 * sum(map(we.__contains__, words)) / n), min(1.0, 5 * sum(map(you.__contains__, words)) / n))


def _repeat_key(text: str) -> str:
    """What makes two blocks the same teaser: their first words (a card's headline is printed again with
    another summary, or glued to it)."""
    # (the first words split off before lower-casing, each then lower-cased: the same words, since lower-casing
    # makes no white space and keeps white space as it is, and a long paragraph is not lower-cased whole)
    return " ".join([w.lower() for w in text.split(None, _REPEAT_WORDS)[:_REPEAT_WORDS]])


def _runs(kinds: list[str]) -> list[int]:
    """The length of the run of same-kind blocks each block belongs to."""
    out = [0] * len(kinds)
    i = 0
    while i < len(kinds):
        j = i
        while j + 1 < len(kinds) and kinds[j + 1] == kinds[i]:
            j += 1
        for k in range(i, j + 1):
            out[k] = j - i + 1
        i = j + 1
    return out


def _prefix(values: list[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


_MENU_COL, _COMMENT_COL, _MARKER_COL = OWN.index("in_menu"), OWN.index("comment_head"), OWN.index("end_marker")
_DECISION_COLS = {d[1]: k for k, d in enumerate(DECISIONS)} | {_OTHER_DROP: len(DECISIONS)}
#: what ``feature_rows_pure`` and its compiled twin read besides the blocks' values: the kinds, the crosses,
#: the neighbourhood, the columns of own values they read, the end marker's prose share and words, the
#: number of decision columns
LAYOUT = (KINDS, _CROSS_AT, NEAR, _MENU_COL, _COMMENT_COL, _MARKER_COL, _MARKER_PROSE, _MARKER_WORDS,
          len(DECISIONS) + 1)


def rows(blocks: list[Block]) -> list[list[float]]:
    """The feature rows of ``blocks`` (all of a page's blocks, dropped ones included, in order)."""
    n = len(blocks)
    own = [_own(b) for b in blocks]
    tight = tight_pairs(blocks)
    for i in range(n):
        own[i][_MENU_COL] = float(in_menu_of(tight, i))
    prose = [prose_of(b) for b in blocks]
    decisions = [-1 if (d := decision_of(b)) is None else _DECISION_COLS[d] for b in blocks]
    fast = compiled("feature_rows")
    return (fast or feature_rows_pure)(own, [p.words for p in prose], [p.prose for p in prose],
                                       [b.dropped_by is None for b in blocks], [b.kind for b in blocks], decisions,
                                       [_repeat_key(b.text) for b in blocks], LAYOUT)


def feature_rows_pure(own: list[list[float]], words: list[int], is_prose: list[bool], kept: list[bool],
                      kinds: list[str], decisions: list[int], keys: list[str], layout: tuple) -> list[list[float]]:
    """The rows of ``rows`` from every block's own values (``_own``, its in_menu set), words, prose flag, keep
    flag, kind, decision column (-1: kept) and repeat key (the compiled core's twin is
    ``_core/_scan_cls.pxi``'s ``feature_rows``)."""
    kind_names, cross_at, near, menu_col, comment_col, marker_col, marker_prose, marker_words, n_decisions = layout
    n = len(own)
    total = sum(w for w, p in zip(words, is_prose) if p) or 1
    # window sums over the neighbours (the block itself left out) from prefix sums
    prose_sum = _prefix([float(p) for p in is_prose])
    kept_sum = _prefix([float(k) for k in kept])
    comment_sum = _prefix([r[comment_col] for r in own])
    runs = _runs(kinds)
    seen_texts: set[str] = set()
    seen = 0
    last_marker = -1
    out = []
    for i in range(n):
        lo, hi = max(0, i - near), min(n, i + near + 1)
        others = max(1, hi - lo - 1)
        me_prose, me_kept = float(is_prose[i]), float(kept[i])
        run = 1
        while i - run >= 0 and kinds[i - run] == kinds[i] and run < 10:
            run += 1
        context = [
            i / max(1, n - 1), seen / total,
            float(i > 0 and is_prose[i - 1]), float(i + 1 < n and is_prose[i + 1]),
            math.log1p(words[i - 1]) if i else 0.0, math.log1p(words[i + 1]) if i + 1 < n else 0.0,
            (prose_sum[hi] - prose_sum[lo] - me_prose) / others,
            (kept_sum[hi] - kept_sum[lo] - me_kept) / others, run / 10, math.log1p(runs[i]) / 3,
            float(keys[i] in seen_texts), float(last_marker >= 0),
            math.log1p(i - last_marker) / 5 if last_marker >= 0 else 0.0,
            (comment_sum[hi] - comment_sum[lo] - own[i][comment_col]) / 3,
        ]
        if is_prose[i]:
            seen += words[i]
        if own[i][marker_col] and not own[i][menu_col] and seen >= min(marker_prose * total, marker_words):
            last_marker = i
        seen_texts.add(keys[i])
        decision = [0.0] * n_decisions
        if decisions[i] >= 0:
            decision[decisions[i]] = 1.0
        row = [1.0] + own[i] + [float(kinds[i] == k) for k in kind_names] + context + decision
        row += [row[x] * row[y] for x, y in cross_at]
        out.append(row)
    return out
