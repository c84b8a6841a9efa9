"""Block features of text captures, shared by the boilerplate and navigation stages.

What a block looks like (words, sentence endings, prose score, promo phrases), whether it is an end
marker ("Related articles") or an entry of a menu, and the phrase lists of ``data/text_*.txt``.
Values computed from a block's text are cached on the block (``features`` keys starting with "_"),
so each stage can ask again at no cost: that keeps a capture of 100k lines linear and fast.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsclean._core import compiled
from newsclean.load.text_code import CODE
from newsclean.page import Block, frozen_record
from newsclean.strings import ends_sentence, literal_trie

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_INSIDE = re.compile(r"[a-z\u00e0-\u024f0-9%)\"”’][.!?][\"”’]?\s+[A-Z\"“‘(\u00c0-\u024f]")

_BRACKETED = re.compile(r"(\[[^\]]*\]\s*)+|([\w\-./%]+\.(jpe?g|png|gif|webp|svg)\b\S*\s*)+", re.I)

_ALNUM = re.compile(r"[^\W_]")


@cache
def phrases(name: str) -> tuple[str, ...]:
    """A phrase list from ``newsclean/data/text_<name>.txt`` (lower-cased, '#' lines are comments)."""
    try:
        raw = resources.files("newsclean.data").joinpath(f"text_{name}.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ()
    out = []
    for line in raw.splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


def _memo(block: Block, key: str, make: Any, *args: Any) -> Any:
    """A per-block cache of ``make(*args)``, a value computed from the block's text (stages ask for the same
    features several times: on a capture of 100k lines that is most of the work). Kept in
    ``block.features`` under a "_" key, with the text it was computed from. The callers pass ``make`` and
    its arguments rather than a closure: most calls are hits, and a closure would be made for each."""
    hit = block.features.get(key)
    if hit is not None and hit[0] is block.text:
        return hit[1]
    value = make(*args)
    block.features[key] = (block.text, value)
    return value


def label_of(block: Block) -> str:
    return _memo(block, "_label", normal_label, block.text)


def words_of(block: Block) -> int:
    words: int = _memo(block, "_words", word_count, block.text)
    return words


def normal_label(text: str) -> str:
    """Lower-cased, whitespace-collapsed text with trailing ':' / counts / punctuation removed."""
    t = " ".join(text.lower().split())
    t = re.sub(r"^[\d\s.,()\[\]]+(?=[^\d\s])", "", t)      # "12 comments" -> "comments"
    t = re.sub(r"[\s:|»›>.\-–—()\[\]\d]+$", "", t)         # "related:" / "comments (12)"
    return t.strip()


@cache
def phrase_set(name: str) -> frozenset[str]:
    return frozenset(phrases(name))


def _prefixes(label: str) -> list[str]:
    words = label.split()
    return [" ".join(words[:k]) for k in range(1, len(words))]


def is_end_marker(block: Block, kind: str = "end_markers") -> bool:
    """A short heading that ends an article's body ("Related articles", "12 Comments", ...)."""
    if len(block.text) > 80:
        return False
    first = first_letters(block.text)
    if first is None or first.lower() not in _first_words(kind):
        return False  # no phrase starts with this word: most blocks are settled here
    return _memo(block, "_" + kind, _is_end_marker, block, kind)


LETTERS = re.compile(r"[^\W\d_]+")


def first_letters(text: str) -> str | None:
    """The first run of letters of ``text`` (``LETTERS.search(text).group()``), or None: the compiled
    core's ``first_letters`` (``_core/_scan_spdcap.pxi``) or its twin ``first_letters_pure``."""
    return (compiled("first_letters") or first_letters_pure)(text)


def first_letters_pure(text: str) -> str | None:
    """The first run of letters of ``text``, or None (one regex search)."""
    m = LETTERS.search(text)
    return m.group() if m is not None else None


def _marker_phrases(kind: str) -> tuple[str, ...]:
    """The phrases of ``kind``: the hard end markers (``data/text_hard_end_markers.txt``: comment threads, author
    boxes, post navigation) are end markers too, without being listed twice."""
    return phrases(kind) + phrases("hard_end_markers") if kind == "end_markers" else phrases(kind)


@cache
def _marker_set(kind: str) -> frozenset[str]:
    return frozenset(_marker_phrases(kind))


@cache
def _first_words(kind: str) -> frozenset[str]:
    """The first run of letters of every phrase that can make a block an end marker of ``kind``."""
    out = set()
    for p in _marker_phrases(kind) + phrases("end_marker_prefixes"):
        m = LETTERS.search(p)
        if m:
            out.add(m.group())
    return frozenset(out)


def _is_end_marker(block: Block, kind: str) -> bool:
    if words_of(block) > 8:
        return False
    label = label_of(block)
    if not label:
        return False
    markers = _marker_set(kind)
    if label in markers:
        return True
    # "Latest in Politics", "More from Reuters", "Popular on Site", "Next up in Tech"
    if ":" in block.text.strip().rstrip(":") or len(label.split()) > 6:
        return False  # "Related: <headline>" is a link inside the body, not a section heading
    heads = _prefixes(label)
    if any(h in markers and " " in h for h in heads):
        return True
    prefixes = phrase_set("end_marker_prefixes")
    return kind == "end_markers" and len(label.split()) <= 5 and block.text[:1].isupper() \
        and any(h in prefixes for h in heads)


def _bounded(phrase: str) -> str:
    """A phrase as a regex that matches whole words only, plural allowed ("newsletters", but not
    "subscribe" in "subscribers" or "subscription" in "oversubscription")."""
    return (r"(?<!\w)" if phrase[:1].isalnum() else "") + re.escape(phrase) + \
        (r"s?(?!\w)" if phrase[-1:].isalnum() else "")


@cache
def _phrase_patterns(name: str) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    ps = phrases(name)
    one = re.compile(literal_trie(ps))   # any of them, as a trie: several times faster on a paragraph
    return one, tuple(re.compile(_bounded(p)) for p in ps)


def _tight_short(a: Block, b: Block) -> bool:
    """``b`` follows ``a`` on the next line (or both are bullets) and both are short items."""
    return (not b.features.get("blank_before", True) or a.kind == b.kind == "list_item") \
        and words_of(a) <= 4 and words_of(b) <= 4


def tight_pairs(blocks: list[Block]) -> list[bool]:
    """``_tight_short`` of every pair of neighbours (entry j: blocks j and j + 1), for ``in_menu`` over a
    whole page."""
    return [_tight_short(a, b) for a, b in zip(blocks, blocks[1:])]


def in_menu_of(tight: list[bool], i: int) -> bool:
    """``in_menu`` from ``tight_pairs``: the same answer without testing each pair four times."""
    return 1 < i < len(tight) - 1 and all(tight[i - 2:i + 2])


def in_menu(blocks: list[Block], i: int) -> bool:
    """Is ``blocks[i]`` one entry in the middle of a menu or share bar (short items line after line,
    "Facebook / Twitter / Comments / Print / Email": two such items on either side)? Such an entry is
    no section heading."""
    return 1 < i < len(blocks) - 2 and all(_tight_short(blocks[j], blocks[j + 1]) for j in range(i - 2, i + 2))


def promo_hits_of(block: Block) -> int:
    hits: int = _memo(block, "_promo", promo_hits, block.text)
    return hits


def promo_hits(text: str) -> int:
    """How many promo phrases the text holds as whole words (each counted once)."""
    low = text.lower()
    one, each = _phrase_patterns("promo_phrases")
    if not one.search(low):
        return 0  # one regex pass (substrings) settles most blocks
    # (a phrase's pattern holds the phrase as it is: it is searched only where the phrase is a substring)
    return sum(1 for phrase, p in zip(phrases("promo_phrases"), each) if phrase in low and p.search(low))


@dataclass(frozen=True)
class Prose:
    """What a block looks like, for body finding."""

    words: int
    sentence_end: bool
    sentences: int
    prose: bool
    score: float
    loose: bool = False  # running text that lost its full stop (see region_scores)
    point: bool = False  # a bullet of running text: a point of the story's own list (see region_scores)


#: Prose's fields, in order (``_make_prose`` builds the records)
_PROSE_FIELDS = ("words", "sentence_end", "sentences", "prose", "score", "loose", "point")


def _make_prose(words: int, end: bool, sentences: int, prose: bool, score: float, loose: bool = False,
                point: bool = False) -> Prose:
    """``Prose(words, end, sentences, prose, score, loose, point)`` (one per block of a capture), built as
    ``page._decision`` builds a Decision: the compiled core's ``frozen_record`` when it runs, else its
    twin ``page.frozen_record_pure``."""
    record: Prose = frozen_record(Prose, _PROSE_FIELDS, (words, end, sentences, prose, score, loose, point))
    return record


def word_count(text: str) -> int:
    """Words; CJK text has no spaces, so two CJK characters count as one word: the compiled core's
    ``word_count`` (``_core/_scan_spdprose.pxi``) or its twin :func:`word_count_pure`."""
    return (compiled("word_count") or word_count_pure)(text)


def word_count_pure(text: str) -> int:
    """Words (runs of ``\\w``); CJK text has no spaces, so two CJK characters count as one word."""
    if text.isascii():
        return len(_WORD.findall(text))
    cjk = len(_CJK.findall(text))
    if cjk:
        rest = _CJK.sub(" ", text)
        return len(_WORD.findall(rest)) + (cjk + 1) // 2
    return len(_WORD.findall(text))


_PROSE_MIN_WORDS = 8          # ``prose_of``'s default, whose cache key is made once
_PROSE_KEY = f"_prose{_PROSE_MIN_WORDS}"
# a bullet of running text ("Rapid deployment times for pre-configured servers": this many words or more, at
# least this share of them starting lower-case) is a *point* of the story's own list; a menu's bullets are one
# to four Title Case words
RUNNING_ITEM_WORDS = 5
RUNNING_ITEM_LOWER = 0.5


def short_line_cost(words: int) -> float:
    """What a short line that is not prose costs the body search (a label, a loose line, a list's point): more
    for a longer one, up to 30 words."""
    return 1.0 + 0.25 * min(words, 30)


def prose_of(block: Block, min_words: int = _PROSE_MIN_WORDS) -> Prose:
    """Score one block: positive for body-like prose, negative for chrome (computed once per block)."""
    key = _PROSE_KEY if min_words == _PROSE_MIN_WORDS else f"_prose{min_words}"
    prose: Prose = _memo(block, key, _prose, block, min_words)
    return prose


def lower_share(text: str) -> float:
    """Share of the words (of cased letters) that start lower-case: high in running text, low in
    Title Case headlines and menus; -1 for scripts without case."""
    return lower_share_of_words(text.split())


def lower_share_of_words(split: list[str]) -> float:
    """``lower_share`` of a text already split into words."""
    firsts = [w[0] for w in split]
    lower = sum(map(str.islower, firsts))
    cased = lower + sum(map(str.isupper, firsts))
    return lower / cased if cased else -1.0


def letter_count(text: str) -> int:
    r"""How many letters (``[^\W\d_]``): the compiled core's ``letter_count``
    (``_core/_scan_spdprose.pxi``) or its twin :func:`letter_count_pure`."""
    return (compiled("letter_count") or letter_count_pure)(text)


def letter_count_pure(text: str) -> int:
    r"""How many letters (``[^\W\d_]``): summed over runs of letters, one string per word, not per letter."""
    return sum(map(len, LETTERS.findall(text)))


def inside_sentences(text: str) -> int:
    """Sentence ends inside ``text`` (``_SENTENCE_INSIDE`` matches): the compiled core's
    ``inside_sentences`` (``_core/_scan_spdprose.pxi``) or its twin :func:`inside_sentences_pure`."""
    return (compiled("inside_sentences") or inside_sentences_pure)(text)


def inside_sentences_pure(text: str) -> int:
    """``len(_SENTENCE_INSIDE.findall(text))``: a word's end, "." "!" or "?", white space and a capital."""
    return len(_SENTENCE_INSIDE.findall(text))


def placeholder(text: str) -> bool:
    """Rules, lone glyphs, [image] / [ad] slots and file names: where a picture or an ad was."""
    return len(text) <= 300 and (not (compiled("has_alnum") or has_alnum_pure)(text) or
                                 _may_be_bracketed(text) and _BRACKETED.fullmatch(text) is not None)


def has_alnum_pure(text: str) -> bool:
    r"""Does ``text`` hold a word character other than "_" (``[^\W_]``)? (The compiled core's twin is
    ``_core/_scan_spdcap.pxi``'s ``has_alnum``.)"""
    return _ALNUM.search(text) is not None


#: the file name endings ``_BRACKETED`` knows, each after its dot, lower-cased
_IMAGE_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg")


def _may_be_bracketed(text: str) -> bool:
    """Can ``_BRACKETED`` fullmatch ``text``? Its first branch starts with "[", its second needs a
    dot then a file name ending (case-blind): in ASCII text, one of ``_IMAGE_ENDINGS`` in the
    lower-cased text; other text needs at least the dot."""
    if text[:1] == "[":
        return True
    if not text.isascii():
        return "." in text
    low = text.lower()
    return any(e in low for e in _IMAGE_ENDINGS) if "." in text else False


def _prose(block: Block, min_words: int) -> Prose:
    text = block.text
    words = words_of(block)
    end = ends_sentence(text)
    if block.features.get(CODE):
        # a code listing of a tutorial: it bridges the paragraphs around it, but does not start or end a body
        return _make_prose(words, end, 0, False, 0.0)
    if block.kind == "table":
        # a table of figures is body content: it counts, though for less than prose
        return _make_prose(words, end, 1 if end else 0, False,
                           0.2 * words if block.features.get("rows", 0) >= 3 else -2.0)
    long_enough = words >= min_words
    sentences = (inside_sentences(text) if long_enough else 0) + (1 if end else 0)
    alpha_ok = (long_enough or (end and words >= 3)) and \
        letter_count(text) >= 0.55 * max(1, len(text) - text.count(" "))
    prose = block.kind in ("paragraph", "quote", "list_item", "pre") and long_enough and alpha_ok \
        and (end or sentences >= 2)
    promo = promo_hits_of(block) if prose and words < 120 else 0
    if prose and (promo >= 2 or (promo and words < 40)):
        prose = False  # cookie notices, legal footers, newsletter boxes read like prose
        score = -0.5 * min(words, 60)
    elif prose:
        score = float(words)
        if block.kind == "list_item":
            score = 0.0  # bulleted prose bridges body paragraphs but does not start or end a body
    elif end and alpha_ok and words >= 3 and block.kind != "list_item":
        score = -1.0  # a short sentence: neutral-ish (short ledes, one-line quotes)
    elif block.kind == "paragraph" and 10 <= words <= 60 and lower_share(text) >= 0.5 \
            and letter_count(text) >= 0.55 * max(1, len(text) - text.count(" ")) and not promo_hits_of(block):
        # a line of running text without its full stop (lost with an inline element), or a
        # sentence-case headline: region_scores counts it for the body when it sits next to it
        return _make_prose(words, end, sentences, False, -short_line_cost(words), loose=True)
    elif block.kind == "list_item":
        point = words >= RUNNING_ITEM_WORDS and lower_share(text) >= RUNNING_ITEM_LOWER
        return _make_prose(words, end, sentences, prose, -(3.0 + 0.5 * min(words, 30)), point=point)
    else:
        score = -short_line_cost(words)
    return _make_prose(words, end, sentences, prose, score)
