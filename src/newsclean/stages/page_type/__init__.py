"""Stage 'page_type': what kind of page this is -- article, listing, collection, product, forum,
documentation or service -- with a confidence.

The page's signals (``features``: schema.org types, og:type, URL shape, repeated teaser
blocks, prices and cart words, post chrome, code blocks, prose and link density) go through a
multinomial logistic regression whose weights were learned on the tune split of the WCXB dev pages
(``benchmarks/train/page_type.py``) and ship as ``data/page_type_weights.json``; applying them is
plain Python. Text captures have their own weights (``data/capture_page_type_weights.json``, fitted on
rendered captures of the same pages by ``page_type.py --captures``): a capture shows none of the markup
and, often, no URL that the HTML model leans on. The stage sets the fields ``page_type`` and
``page_type_confidence`` and keeps, in ``page.notes["page_type"]``, the probabilities and the signals that
pushed the decision most (what ``newsclean explain`` shows). It drops nothing.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from operator import mul
from typing import Any

from newsclean import handoffs
from newsclean.errors import ConfigError
from newsclean.page import Page
from newsclean.stages.base import Stage
from newsclean.stages.page_type.features import page_features

PAGE_TYPES = ("article", "listing", "collection", "product", "forum", "documentation", "service")
WEIGHTS_FILE = "page_type_weights.json"
#: the model for text captures: fitted on what a capture shows (no markup; the URL's shape when one is given), as
#: the HTML model's markup signals are missing from a capture and it types nearly every capture an article
CAPTURE_WEIGHTS_FILE = "capture_page_type_weights.json"
#: signals shown by explain: the few that pushed the chosen type up the most
TOP_SIGNALS = 5
#: a standardised signal is clipped here, so one extreme page cannot swing the decision alone
Z_CLIP = 6.0


@lru_cache(maxsize=2)
def load_model(filename: str = WEIGHTS_FILE) -> dict[str, Any]:
    """The shipped weights (read once per process): the HTML pages' model, or ``CAPTURE_WEIGHTS_FILE``."""
    try:
        raw = resources.files("newsclean.data").joinpath(filename).read_text(encoding="utf-8")
        model = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"page type weights {filename} cannot be read: {exc}") from exc
    if tuple(model.get("classes", ())) != PAGE_TYPES:
        raise ConfigError(f"page type weights {filename}: classes {model.get('classes')} are not {PAGE_TYPES}")
    return model


def classify(features: dict[str, float], model: dict[str, Any] | None = None
             ) -> tuple[str, float, dict[str, float], list[tuple[str, float]]]:
    """(type, confidence, probability per type, [(signal, contribution to the chosen type)...]).
    A signal missing from ``features`` counts as its training mean (it pushes no type)."""
    m = model if model is not None else load_model()
    names: list[str] = m["features"]
    z = []
    get = features.get
    for name, mean, scale in zip(names, m["mean"], m["scale"]):
        v = (get(name, mean) - mean) / scale
        v = v if v < Z_CLIP else Z_CLIP  # (as max(-Z_CLIP, min(Z_CLIP, v)), NaN included, without two calls)
        z.append(v if v > -Z_CLIP else -Z_CLIP)
    # (sum over map(mul): the same products added in the same order as a generator of w * x, in C)
    logits = [b + sum(map(mul, row, z)) for row, b in zip(m["coef"], m["intercept"])]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    probs = {c: e / total for c, e in zip(m["classes"], exps)}
    best = max(range(len(logits)), key=lambda i: logits[i])
    row = m["coef"][best]
    contrib = sorted(((names[i], row[i] * z[i]) for i in range(len(names))), key=lambda t: -t[1])
    return m["classes"][best], probs[m["classes"][best]], probs, contrib[:TOP_SIGNALS]


class PageTypeStage(Stage):
    name = "page_type"
    #: without them the head and JSON-LD signals read as absent
    optional = frozenset({handoffs.HEAD, handoffs.JSONLD})
    provides = frozenset({handoffs.PAGE_TYPE})

    def run(self, page: Page) -> None:
        features, markup = page_features(page)
        model = load_model(CAPTURE_WEIGHTS_FILE if page.kind == "text" else WEIGHTS_FILE)
        kind, confidence, probs, contrib = classify(features, model)
        page.set_field("page_type", kind, "page_type:model", self.name)
        page.set_field("page_type_confidence", round(confidence, 3), "page_type:model", self.name)
        signals = [f"{name} = {features[name]:.2f} (+{c:.2f})" for name, c in contrib if c > 0 and name in features]
        page.notes["page_type"] = {
            "type": kind, "confidence": confidence,
            "probabilities": {k: round(v, 3) for k, v in sorted(probs.items(), key=lambda t: -t[1])},
            "signals": signals, "markup": markup,
        }
