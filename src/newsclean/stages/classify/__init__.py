"""Stage 'classify': a learned keep/drop decision for every block of a text capture.

The rule stages before it (boilerplate, navigation) each see one shape of chrome; on pages nobody tuned
them on, their hand-set thresholds misjudge some blocks. This stage weighs all their signals at once with
weights fitted on the tune split of the capture benchmarks (``benchmarks/train/train_capture_classifier.py``;
shipped as ``data/capture_classifier.json``; the model is ``model``'s two passes):

1. every block gets a logistic score from its own features, its neighbours' and the rule stages'
   decisions (``features``);
2. a second logistic model reads each block's score together with its neighbours' scores;
3. a block the rule stages kept is dropped when its probability is below one fitted threshold, and one
   they dropped is restored when it reaches another (a rule's decision is evidence as well), both with the
   probability in the reason.

Only the rule stages' decisions about *where the body is* (``RESTORABLE``: before or after the body region, end
matter, a run of menu bullets) can be undone, and only for a block that passes the pinpoint rules (no interface
label, caption, promo line, link line, or repeat of an earlier block) and sits next to the body (``decide``),
or opens a chunk of prose paragraphs a little further out (``FarRestore``, its reach and share fitted); the
drops of any other stage (duplicates, a user's own stages, per-site rules) stay.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from newsclean.features.text import prose_of
from newsclean.page import Page
from newsclean.stages.base import Stage
from newsclean.stages.classify.features import FEATURES, decision_of, rows
from newsclean.stages.classify.model import load_model, probabilities

WEIGHTS_FILE = "capture_classifier.json"
RESTORABLE = frozenset({"drop_before", "drop_after", "drop_end_matter", "drop_bullets"})


# what the navigation stage drops inside the body wherever it stands: a block brought back into the body must
# not be one of these (nor a repeat of an earlier block: a teaser printed again)
PINPOINT = tuple(FEATURES.index(c) for c in ("repeat", "promo", "ui_label", "caption", "link_line", "placeholder"))


def passes_pinpoint_rules(row: list[float]) -> bool:
    return not any(row[i] for i in PINPOINT)

MAX_GAP = 2  # a restored block joins the body across at most this many blocks that stay dropped
_WORDS_COL, _PROSE_COL, _LIST_COL = (FEATURES.index(c) for c in ("log_words", "prose", "kind_list_item"))


@dataclass(frozen=True)
class FarRestore:
    """Restoring past ``MAX_GAP`` (both numbers fitted with the weights): a *chunk* of restorable blocks that
    starts within ``reach`` blocks of the body (blocks that want back, linked across at most ``MAX_GAP``
    others) comes back whole when at least ``share`` of its words are prose paragraphs. The rule stages'
    region search cuts a long review in two at a wide table or a block of widgets, and what lies beyond is
    running prose; a run of related-story teasers beyond the comments is headlines and list items."""

    reach: int = 0       # 0: no block comes back past MAX_GAP
    share: float = 1.0


NO_FAR = FarRestore()  # nothing comes back past MAX_GAP


def chunk_facts(table: list[list[float]]) -> tuple[list[int], list[bool]]:
    """Every block's words and whether it is a prose paragraph (not a list item), read off its feature row
    (the training script reads the same columns, so the stage and the fit see the same chunks)."""
    return ([round(math.expm1(r[_WORDS_COL])) for r in table],
            [bool(r[_PROSE_COL]) and not r[_LIST_COL] for r in table])


def _chunk(keep: list[bool], want: list[bool], start: int, step: int) -> list[int]:
    """The blocks that want back from ``start`` outwards, each within ``MAX_GAP`` blocks of the one before,
    up to the next block that stays."""
    out = [start]
    j = start + step
    while 0 <= j < len(keep) and abs(j - out[-1]) <= MAX_GAP + 1 and not keep[j]:
        if want[j]:
            out.append(j)
        j += step
    return out


def decide(kept: list[bool], probs: list[float], restorable: list[bool], drop_below: float,
           restore_at: float, far: FarRestore = NO_FAR,
           facts: tuple[list[int], list[bool]] | None = None) -> list[bool]:
    """Which blocks the article keeps. A kept block stays at ``drop_below`` or above. A restorable block
    comes back at ``restore_at`` or above, but only next to the body — within ``MAX_GAP`` blocks of a block
    that stays (read outwards from the body, both ways): the rule stages cut the body short there. A
    lone block far from the body (a teaser after the comments) stays dropped whatever its score, unless
    it opens a chunk of prose within ``far``'s reach (``FarRestore``; ``facts``: ``chunk_facts``)."""
    keep = [k and p >= drop_below for k, p in zip(kept, probs)]
    want = [r and p >= restore_at for r, p in zip(restorable, probs)]
    words, paragraph = facts if facts is not None else ([], [])
    for step in (1, -1):
        order = range(len(keep)) if step == 1 else range(len(keep) - 1, -1, -1)
        last = None
        judged = -1 if step == 1 else len(keep)   # blocks up to here belong to a chunk already judged
        for i in order:
            if keep[i]:
                last = i
            elif not want[i] or last is None or (i - judged) * step <= 0:
                continue
            elif abs(i - last) <= MAX_GAP + 1:
                keep[i] = True
                last = i
            elif facts is not None and abs(i - last) <= far.reach + 1:
                chunk = _chunk(keep, want, i, step)
                judged = chunk[-1]
                total = sum(words[k] for k in chunk)
                if total and sum(words[k] for k in chunk if paragraph[k]) >= far.share * total:
                    for k in chunk:
                        keep[k] = True
                    last = chunk[-1]
    return keep


# the largest real capture in the benchmarks has 1,500 blocks; past this many (a degenerate page: 100,000
# bullet lines) the per-block feature rows would cost more than the time bound allows (2 s per MB), and the
# rule stages' decisions stand
MAX_BLOCKS = 5000


@dataclass(frozen=True)
class ClassifyOptions:
    drop_below: float | None = None   # drop a kept block below this probability (None: the fitted one)
    restore_at: float | None = None   # restore a dropped block at this probability (None: the fitted one)
    far_reach: int | None = None      # FarRestore's reach (None: the fitted one; 0: none past MAX_GAP)
    far_share: float | None = None    # FarRestore's prose share (None: the fitted one)


class CaptureClassifierStage(Stage):
    name = "classify"
    kinds = frozenset({"text"})
    Options = ClassifyOptions

    def run(self, page: Page) -> None:
        blocks = page.blocks
        if not blocks:
            return
        if len(blocks) > MAX_BLOCKS:
            page.note(self.name, f"{len(blocks)} blocks, over {MAX_BLOCKS}: the rule stages' decisions stand")
            return
        # a capture under ``page.TINY_PAGE_WORDS`` that holds a paragraph is not judged; one without a paragraph (a
        # page's leftover link label, "#BGG Game Search") still is: on no capture of the benchmarks does this matter
        words = page.tiny_words()
        if words is not None and any(prose_of(b).prose for b in blocks):
            page.note(self.name, f"a capture of {words} words with a paragraph: too little text for the model "
                                 "(fitted on whole pages); the rule stages' decisions stand")
            return
        model = load_model(WEIGHTS_FILE, FEATURES)
        drop_below = model.drop_below if self.options.drop_below is None else self.options.drop_below
        restore_at = model.restore_at if self.options.restore_at is None else self.options.restore_at
        kept = [b.dropped_by is None for b in blocks]
        table = rows(blocks)
        probs = probabilities(model, table, kept)
        restorable = [b.dropped_by is not None and decision_of(b) in RESTORABLE and passes_pinpoint_rules(row)
                      for b, row in zip(blocks, table)]
        o = self.options
        far = FarRestore(model.far_reach if o.far_reach is None else o.far_reach,
                         model.far_share if o.far_share is None else o.far_share)
        keep = decide(kept, probs, restorable, drop_below, restore_at, far, chunk_facts(table) if far.reach else None)
        for b, p, k in zip(blocks, probs, keep):
            if k and b.dropped_by is not None:
                page.restore(b, self.name, f"learned classifier: body text (p={p:.2f}) against "
                                           f"{b.dropped_by}: {b.reason}")
            elif not k and b.dropped_by is None:
                self.drop(page, b, f"learned classifier: not body text (p={p:.2f})")
