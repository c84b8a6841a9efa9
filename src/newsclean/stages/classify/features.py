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

from newsclean.features.text import (
    any_of,
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
_COMMENT_WORDS = any_of("says", "said", "wrote", "schrieb", "dit", "escribió", "reply", "antworten", "répondre",
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
    split = text.split()
    ls = lower_share_of_words(split)
    stripped = text.strip()
    # the pattern tests are asked only of blocks they can fit (they cost most of a row)
    linkish = ("http" in text or "www." in text or "@" in text) and bool(_LINK.search(text))
    return [
        math.log1p(words), float(p.sentence_end), min(p.sentences, 5) / 5, float(p.prose), float(p.loose),
        math.copysign(math.log1p(abs(p.score)), p.score), min(promo_hits_of(block), 3) / 3,
        float(is_end_marker(block)), float(is_end_marker(block, "insert_markers")), 0.0,  # in_menu: set by rows()
        float(words <= 6 and is_ui_label(block)), float(placeholder(text)), max(ls, 0.0), float(ls < 0),
        float(words <= 25 and link_line(text)), float(words <= 60 and caption_like(text[-_TAIL:])),
        float(words <= 80 and contact_like(text)), _digit_share(text),
        float(stripped[:1].isupper()), float(stripped.endswith(":")), float(words >= _LONG_WORDS),
        float(stripped.endswith("?")), *(_pronoun_shares(split) if words >= _PRONOUN_WORDS else (0.0, 0.0)),
        float(linkish), float(words <= 12 and _comment_head(stripped)),
    ]


def _digit_share(text: str) -> float:
    """Five times the share of ASCII digits among the characters, at most 1 (most blocks have none)."""
    if _ANY_DIGIT.search(text) is None:
        return 0.0
    return min(sum(map(text.count, _DIGITS)) / max(1, len(text)) * 5, 1.0)


def _comment_head(text: str) -> bool:
    low = text.casefold()
    return _COMMENT_WORDS.search(low) is not None and bool(_COMMENT_HEAD.search(text))


def _pronoun_shares(split: list[str]) -> tuple[float, float]:
    """Shares of "we/our" and "you/your" words: high in a company's promotion of itself."""
    words = [w.lower() for w in split]
    if not words:
        return 0.0, 0.0
    n = len(words)
    return (min(1.0, 5 * sum(map(_WE.__contains__, words)) / n), min(1.0, 5 * sum(map(_YOU.__contains__, words)) / n))


def _repeat_key(text: str) -> str:
    """What makes two blocks the same teaser: their first words (a card's headline is printed again with
    another summary, or glued to it)."""
    return " ".join(text.lower().split()[:_REPEAT_WORDS])


def _runs(blocks: list[Block]) -> list[int]:
    """The length of the run of same-kind blocks each block belongs to."""
    out = [0] * len(blocks)
    i = 0
    while i < len(blocks):
        j = i
        while j + 1 < len(blocks) and blocks[j + 1].kind == blocks[i].kind:
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


def rows(blocks: list[Block]) -> list[list[float]]:
    """The feature rows of ``blocks`` (all of a page's blocks, dropped ones included, in order)."""
    n = len(blocks)
    own = [_own(b) for b in blocks]
    menu_col, comment_col, marker_col = OWN.index("in_menu"), OWN.index("comment_head"), OWN.index("end_marker")
    tight = tight_pairs(blocks)
    for i in range(n):
        own[i][menu_col] = float(in_menu_of(tight, i))
    prose = [prose_of(b) for b in blocks]
    total = sum(p.words for p in prose if p.prose) or 1
    # window sums over the neighbours (the block itself left out) from prefix sums
    prose_sum = _prefix([float(p.prose) for p in prose])
    kept_sum = _prefix([float(b.dropped_by is None) for b in blocks])
    comment_sum = _prefix([r[comment_col] for r in own])
    runs = _runs(blocks)
    keys = [_repeat_key(b.text) for b in blocks]
    decision_cols = {d[1]: k for k, d in enumerate(DECISIONS)} | {_OTHER_DROP: len(DECISIONS)}
    seen_texts: set[str] = set()
    seen = 0
    last_marker = -1
    out = []
    for i, b in enumerate(blocks):
        lo, hi = max(0, i - NEAR), min(n, i + NEAR + 1)
        others = max(1, hi - lo - 1)
        me_prose, me_kept = float(prose[i].prose), float(b.dropped_by is None)
        run = 1
        while i - run >= 0 and blocks[i - run].kind == b.kind and run < 10:
            run += 1
        prev, nxt = (prose[i - 1] if i else None), (prose[i + 1] if i + 1 < n else None)
        context = [
            i / max(1, n - 1), seen / total,
            float(prev is not None and prev.prose), float(nxt is not None and nxt.prose),
            math.log1p(prev.words) if prev else 0.0, math.log1p(nxt.words) if nxt else 0.0,
            (prose_sum[hi] - prose_sum[lo] - me_prose) / others,
            (kept_sum[hi] - kept_sum[lo] - me_kept) / others, run / 10, math.log1p(runs[i]) / 3,
            float(keys[i] in seen_texts), float(last_marker >= 0),
            math.log1p(i - last_marker) / 5 if last_marker >= 0 else 0.0,
            (comment_sum[hi] - comment_sum[lo] - own[i][comment_col]) / 3,
        ]
        if prose[i].prose:
            seen += prose[i].words
        if own[i][marker_col] and not own[i][menu_col] and seen >= min(_MARKER_PROSE * total, _MARKER_WORDS):
            last_marker = i
        seen_texts.add(keys[i])
        decisions = [0.0] * (len(DECISIONS) + 1)
        decision = decision_of(b)
        if decision is not None:
            decisions[decision_cols[decision]] = 1.0
        kinds = [float(b.kind == k) for k in KINDS]
        row = [1.0] + own[i] + kinds + context + decisions
        row += [row[x] * row[y] for x, y in _CROSS_AT]
        out.append(row)
    return out
