"""Text captures: the publication date chosen by a small learned ranker, when no date is printed
with the headline.

Every date printed on a short line of the capture is described by a few numbers (where it sits
relative to the headline, whether its line is a dateline or a byline, a "Published"/"Updated"/
comment label before it, a time after it, how often the page prints that day, whether it is the
page's earliest or latest date, a copyright sign on its line). A linear model fitted on the tune
pages of the metadata set's w3m and lynx captures (``benchmarks/train_rankers.py --target date``, seeded;
retraining rewrites ``data/text_date_rank.json`` byte for byte) weighs them. Plain Python at run
time."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from functools import cache

from newsclean.normalize._data import load_json
from newsclean.normalize.dates import find_dates, plausible
from newsclean.page import Block

WEIGHTS_FILE = "text_date_rank.json"
MAX_LINE = 300        # characters: dates inside long paragraphs are what the story talks about
MAX_BLOCKS = 3000     # lines looked at
NEAR_TITLE = 50       # lines: distances to the headline are clipped here
_PUBLISHED = re.compile(r"(?:published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|"
                        r"datum|date|am|on|le|el|il|op)\W{0,3}$", re.IGNORECASE)
_UPDATED = re.compile(r"updated?|aktualisiert|modifi|mis à jour|actualizad|aggiornat|bijgewerkt|edited|zuletzt|"
                      r"geändert|stand", re.IGNORECASE)
_COMMENT = re.compile(r"\b(?:reply|antworten|says|sagt|schreibt|kommentar|comment|responder|répondre)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)

FEATURES = ("rel_pos", "after_title", "before_title", "title_dist", "no_title", "line_len", "dateline", "byline",
            "published_label", "updated_label", "has_time", "list_item", "same_day", "first_date", "n_days",
            "earliest", "latest", "copyright", "comment", "line_start")


def candidates(blocks: list[Block], title: int | None, dayfirst: bool | None,
               is_dateline: Callable[[str], bool], is_byline: Callable[[str], bool],
               now: datetime | None = None) -> list[tuple[datetime, Block, list[float]]]:
    """(date, its line, features) for every plausible date printed on a short line (judged against
    ``now``, the clock when None: see ``normalize.dates.plausible``)."""
    found: list[tuple[datetime, Block, int, bool]] = []
    for b in blocks[:MAX_BLOCKS]:
        if len(b.text) > MAX_LINE:
            continue
        for f in find_dates(b.text, limit=3, dayfirst=dayfirst):
            if plausible(f.value, now):
                found.append((f.value, b, f.start, f.has_time))
    if not found:
        return []
    days = Counter(dt.date() for dt, *_ in found)
    first, lo, hi = found[0][0].date(), min(days), max(days)
    n = len(blocks)
    out = []
    for dt, b, start, has_time in found:
        text = b.text
        before = text[max(0, start - 40):start]
        dist = (b.index - title) if title is not None else 0
        feats = [
            b.index / max(n, 1), 1.0 if dist > 0 else 0.0, 1.0 if dist < 0 else 0.0,
            min(abs(dist), NEAR_TITLE) / NEAR_TITLE, 1.0 if title is None else 0.0, len(text) / 100,
            1.0 if is_dateline(text) else 0.0, 1.0 if is_byline(text) else 0.0,
            1.0 if _PUBLISHED.search(before) else 0.0, 1.0 if _UPDATED.search(before) else 0.0,
            1.0 if has_time else 0.0, 1.0 if b.kind == "list_item" else 0.0,
            min(days[dt.date()] - 1, 3) / 3, 1.0 if dt.date() == first else 0.0, math.log(len(days)),
            1.0 if dt.date() == lo and len(days) > 1 else 0.0, 1.0 if dt.date() == hi and len(days) > 1 else 0.0,
            1.0 if _COPYRIGHT.search(text) else 0.0, 1.0 if _COMMENT.search(text) else 0.0,
            1.0 if start <= 2 else 0.0,
        ]
        out.append((dt, b, feats))
    return out


@cache
def _model() -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]:
    data = load_json(WEIGHTS_FILE)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE} was fitted on other features; retrain it")
    return tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"])


def score(feats: list[float]) -> float:
    mean, scale, weights = _model()
    return sum(w * (x - m) / s for x, m, s, w in zip(feats, mean, scale, weights))


def best(cands: list[tuple[datetime, Block, list[float]]]) -> tuple[datetime, Block] | None:
    """The highest-scoring date (the earlier line on a tie), or None."""
    if not cands:
        return None
    dt, b, _ = max(cands, key=lambda c: (score(c[2]), -c[1].index))
    return dt, b
