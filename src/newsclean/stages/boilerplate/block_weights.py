"""HTML pages: each block's signed weight for the container choice, from a fitted logistic model.

A block's weight is its length in characters times ``2p - 1``, where ``p`` is the model's probability
that the block is article text: long, sentence-like, link-free text counts for its container, short or
link-heavy text against it. ``p`` weighs the signals the hand-set weight used to combine with fixed
factors (kind of block, link density, a leading link, a teaser card, a script without spaces, label-
sized text, a sentence ending). The model is fitted on the tune pages of the HTML dev sets and of WCXB's
other page types, each block labelled by whether its text is in the gold body
(``benchmarks/train/train_html_block_weights.py``, seeded; retraining rewrites ``data/html_block_weights.json``
byte for byte). Plain Python at run time.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from newsclean._core import compiled
from newsclean.page import Block
from newsclean.strings import ends_like_prose

WEIGHTS_FILE = "html_block_weights.json"
CJK_MIN_CHARS = 10         # a block this long ...
CJK_CHARS_PER_WORD = 12    # ... with more characters per space-separated word is in a script without spaces
CJK_CHARS = 2.5            # a CJK character carries about as much as 2.5 Latin ones (in its length)
TEASER_MIN_LD = 0.1        # a block with at least this link density ...
TEASER_LEAD_LINK = 25      # ... that opens with a link this long is shaped like a teaser (headline + summary)
FEATURES = ("caption", "list_item", "table", "quote", "pre", "link_density", "linky", "teaser_shape",
            "teaser_card", "cjk", "log_chars", "log_good", "few_words", "short", "prose", "log_words",
            "prose*log_good", "list_item*link_density", "table*log_good", "caption*log_good")
LINKY_LD = 0.5             # link density above which a block reads as navigation
SHORT_GOOD = 25.0          # link-free characters below which a block is a label, not text
FEW_WORDS = 5              # a label of fewer words (menus are made of these)


def features(b: Block, teaser_card: bool) -> list[float]:
    text = b.text
    n = len(text)
    ld = float(b.features.get("link_density", 0.0))
    words = text.count(" ") + 1
    cjk = n > CJK_MIN_CHARS and words < n / CJK_CHARS_PER_WORD
    good = n * (1.0 - ld) * (CJK_CHARS if cjk else 1.0)
    kind = b.kind
    prose = 1.0 if ends_like_prose(text) else 0.0
    lg = math.log1p(good)
    teaser = 1.0 if ld >= TEASER_MIN_LD and b.features.get("lead_link", 0) >= TEASER_LEAD_LINK else 0.0
    return [
        1.0 if kind == "caption" else 0.0,
        1.0 if kind == "list_item" else 0.0,
        1.0 if kind == "table" else 0.0,
        1.0 if kind == "quote" else 0.0,
        1.0 if kind == "pre" else 0.0,
        ld,
        1.0 if ld > LINKY_LD else 0.0,
        teaser,
        1.0 if teaser_card else 0.0,
        1.0 if cjk else 0.0,
        math.log1p(n),
        lg,
        1.0 if good < SHORT_GOOD and words < FEW_WORDS and not cjk else 0.0,
        1.0 if good < SHORT_GOOD and not cjk else 0.0,
        prose,
        math.log1p(words),
        prose * lg,  # (products: how much a long sentence-like text counts differs from a short one's)
        ld if kind == "list_item" else 0.0,
        lg if kind == "table" else 0.0,
        lg if kind == "caption" else 0.0,
    ]


class BlockModel(NamedTuple):
    """The fitted model folded for run time: ``z = const + coef · features`` (the standardisation of the
    file's ``mean``/``scale`` folded into ``coef`` and ``const``), ``2p - 1 = tanh(z / 2)``."""
    coef: tuple[float, ...]
    const: float
    gain_for: float
    gain_against: float


def read_weights() -> dict[str, Any]:
    """The shipped file as written by the training script."""
    raw: dict[str, Any] = json.loads(resources.files("newsclean.data").joinpath(WEIGHTS_FILE).read_text("utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE}: features differ from the code's")
    return raw


@lru_cache(maxsize=1)
def load_model() -> BlockModel:
    """The shipped weights, folded (pure, cached)."""
    raw = read_weights()
    coef = tuple(w / s for w, s in zip(raw["weights"], raw["scale"]))
    const = raw["bias"] - sum(c * m for c, m in zip(coef, raw["mean"]))
    return BlockModel(coef, const, raw["gain_for"], raw["gain_against"])


def weight(b: Block, teaser_card: bool, model: BlockModel) -> float:
    """The block's signed weight: characters (CJK ones count ``CJK_CHARS``) times ``2p - 1``, times the
    model's ``gain_for`` or ``gain_against`` (the balance and scale the aggregation's thresholds were set
    in). Headings weigh nothing: the headline and subheads sit on both sides of a container's edge."""
    if b.kind == "heading":
        return 0.0
    f = features(b, teaser_card)
    acc = 0.0  # (summed in order, as the compiled twin does: ``sum`` of floats rounds otherwise on 3.12+)
    for c, x in zip(model.coef, f):
        acc += c * x
    z = model.const + acc
    v = len(b.text) * (CJK_CHARS if f[_CJK_AT] else 1.0) * math.tanh(z / 2.0)
    return v * (model.gain_for if v > 0 else model.gain_against)


_CJK_AT = FEATURES.index("cjk")


def weights(blocks: list[Block], teasers: set[int], model: BlockModel) -> list[float]:
    """Every block's :func:`weight` (``teasers``: indexes of the blocks in teaser cards); the compiled
    core's ``block_weights`` when it runs."""
    fast = compiled("block_weights")
    if fast is None:
        return weights_pure(blocks, teasers, model)
    out: list[float] = fast(blocks, teasers, model.coef, model.const, model.gain_for, model.gain_against)
    return out


def weights_pure(blocks: list[Block], teasers: set[int], model: BlockModel) -> list[float]:
    """``weights`` in Python (the compiled core's twin)."""
    return [weight(b, i in teasers, model) for i, b in enumerate(blocks)]
