"""Signals for choosing an HTML page's main content: class/id words (from data/html_hints.json),
JSON-LD ``articleBody`` and readability-lxml text as copies of the body, and teaser cards (lists of
other stories). Pure functions; the word lists are loaded once (cached)."""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from newsclean._core import compiled
from newsclean.page import Block, Page
from newsclean.strings import word_tokens
from newsclean.urls import site_of

_log = logging.getLogger(__name__)  # "newsclean.<module>": fallbacks are logged at DEBUG

_CLASS_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")  # imageEmbedCaption -> image Embed Caption (a space between)
_NUMBERED = re.compile(r"^\s*(#\s*)?\d{1,3}\s*[.):]\s")


@dataclass(frozen=True)
class Hints:
    """The lists of data/html_hints.json (its ``_about`` says what each is for): class/id words as
    sets, stock phrases as tuples."""
    content_positive: frozenset[str] = frozenset()
    container_negative: frozenset[str] = frozenset()
    container_negative_strong: frozenset[str] = frozenset()
    block_negative: frozenset[str] = frozenset()
    block_negative_strong: frozenset[str] = frozenset()
    section_titles_exact: frozenset[str] = frozenset()
    boilerplate_phrases: tuple[str, ...] = ()
    section_phrases: tuple[str, ...] = ()
    cta_starts: tuple[str, ...] = ()
    promo_phrases: tuple[str, ...] = ()
    read_also_labels: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_hints() -> Hints:
    """The class/id word lists and phrases of data/html_hints.json (pure, cached)."""
    raw = json.loads(resources.files("newsclean.data").joinpath("html_hints.json").read_text("utf-8"))
    values: dict[str, Any] = {}
    for f in fields(Hints):
        if f.name in raw:
            values[f.name] = tuple(raw[f.name]) if isinstance(f.default, tuple) else frozenset(raw[f.name])
    unknown = sorted(k for k in raw if not k.startswith("_") and k not in values)
    if unknown:
        raise ValueError(f"html_hints.json: unknown lists {unknown}")
    return Hints(**values)


def element_words(el: Any) -> tuple[str, ...]:
    """Lower-cased class/id words of an element ('article-body' -> 'article', 'body', plus the
    joined 'articlebody')."""
    try:
        cls = el.get("class")
        ident = el.get("id")
    except (AttributeError, TypeError, ValueError):
        return ()
    if not cls and not ident:
        return ()
    if ident and ident.count("-") + ident.count("_") > 3:
        ident = None  # a slug made from a heading ('more-on-car-repair-...'), not a role name
    return class_words(f"{cls or ''} {ident or ''}")


@lru_cache(maxsize=8192)
def class_words(raw: str) -> tuple[str, ...]:
    """The lower-cased words of a class/id string, cut at camel case too, then each pair of neighbours
    joined (cached: pages repeat class strings; the compiled core's ``class_words`` is the twin)."""
    fast = compiled("class_words")
    words: tuple[str, ...] = fast(raw) if fast is not None else class_words_pure(raw)
    return words


def class_words_pure(raw: str) -> tuple[str, ...]:
    """``class_words`` in Python: 'imageEmbed-caption' -> image, embed, caption, imageembed, embedcaption."""
    low = raw.lower()
    if low != raw:  # (no ASCII capital: no camel case to cut)
        low = _CAMEL.sub(" ", raw).lower()
    words = _CLASS_WORD.findall(low)
    words += [a + b for a, b in zip(words, words[1:])]
    return tuple(words)


def tag_of(el: Any) -> str:
    t = el.tag
    return t.lower() if isinstance(t, str) else ""


def is_body_marked(el: Any) -> bool:
    prop = (el.get("itemprop") or "").lower()
    return "articlebody" in prop or prop == "text"


def _jsonld_bodies(tree: Any) -> list[str]:
    out: list[str] = []
    try:
        # (as //script[@type="application/ld+json"]: the whole document, in order; a walk is cheaper than XPath)
        scripts = [s for s in tree.getroottree().iter("script") if s.get("type") == "application/ld+json"]
    except Exception:  # noqa: BLE001 - lxml oddities must not escape
        _log.debug("JSON-LD scripts not read", exc_info=True)
        return out
    for s in scripts[:20]:
        txt = s.text or ""
        if "articleBody" not in txt and "articlebody" not in txt:
            continue
        try:
            data = json.loads(txt, strict=False)
        except (ValueError, RecursionError):
            m = re.search(r'"articleBody"\s*:\s*"((?:[^"\\]|\\.)*)"', txt)
            if m:
                try:
                    out.append(json.loads(f'"{m.group(1)}"', strict=False))
                except ValueError:
                    pass
            continue
        stack, seen = [data], 0
        while stack and seen < 500:
            seen += 1
            d = stack.pop()
            if isinstance(d, dict):
                body = d.get("articleBody")
                if isinstance(body, str):
                    out.append(body)
                stack.extend(v for v in d.values() if isinstance(v, (dict, list)))
            elif isinstance(d, list):
                stack.extend(v for v in d if isinstance(v, (dict, list)))
    return out


def jsonld_vocab(page: Page) -> tuple[set[str] | None, bool]:
    """Word 3-grams of the JSON-LD articleBody, if the page has a usable one, and whether it
    looks like the whole body (not cut off with an ellipsis, a good share of the page's text)."""
    bodies = [b for b in _jsonld_bodies(page.tree) if len(b) >= 400]
    if not bodies:
        return None, False
    body = max(bodies, key=len).strip()
    if "<p" in body or "</" in body:
        body = re.sub(r"<[^>]+>", " ", body)
    toks = word_tokens(body.lower())
    page_len = sum(len(b.text) for b in page.blocks) or 1
    whole = not body.endswith(("…", "...", "&hellip;")) and len(body) >= 0.3 * page_len
    return set(_word_trigrams(toks)), whole


def match_share(vocab: set[str], text: str) -> float:
    toks = word_tokens(text.lower())
    if len(toks) < 3:
        return -1.0
    grams = _word_trigrams(toks)
    return sum(map(vocab.__contains__, grams)) / len(grams)


def _word_trigrams(toks: list[str]) -> list[str]:
    """'a b c', 'b c d', ... for the words ``toks`` (in order, repeats kept)."""
    return [f"{a} {b} {c}" for a, b, c in zip(toks, toks[1:], toks[2:])]


NO_CHROME, WEAK_CHROME, STRONG_CHROME = 0, 1, 2  # chrome levels of a class/id (and of <nav>/<aside>/<footer>)


class ClassInfo(NamedTuple):
    """What a class/id string says about its element."""
    level: int       # chrome level after a content word cancels one step
    positive: bool   # a content word is there ('article', 'post', 'body' ...)
    clean: bool      # purely a content name, with no chrome word


@lru_cache(maxsize=8192)
def class_info(raw: str) -> ClassInfo:
    """For a class/id string: its chrome level (a content word cancels one step), whether a
    content word is there, whether it is purely a content name with no chrome word."""
    words = class_words(raw)
    hints = load_hints()
    positive = not hints.content_positive.isdisjoint(words)
    if not hints.container_negative_strong.isdisjoint(words):
        level = STRONG_CHROME
    elif not hints.container_negative.isdisjoint(words):
        level = WEAK_CHROME
    else:
        level = NO_CHROME
    clean = positive and level == NO_CHROME
    if level and positive:
        level -= 1
    return ClassInfo(level, positive, clean)


def unmemoised_chain(el: Any, stop: Any, memo: dict[Any, Any], default: Any) -> tuple[list[Any], Any]:
    """Walk up from ``el`` towards ``stop`` (not included) until an element already in ``memo``: the
    elements passed on the way, bottom-up, and the memo's value where the walk stopped (``default``
    when it reached ``stop`` or the root). Callers fill ``memo`` for the chain, top-down, so that every
    element is climbed past once per page."""
    chain: list[Any] = []
    e = el
    while e is not None and e is not stop:
        if e in memo:
            return chain, memo[e]
        chain.append(e)
        e = e.getparent()
    return chain, default


def within(el: Any, anc: Any, levels: int) -> bool:
    """Is ``anc`` ``el`` or one of its ancestors at most ``levels`` levels up? (The compiled core's
    ``within`` when it runs: see :func:`within_fn`.)"""
    fast = compiled("within")
    return bool(fast(el, anc, levels)) if fast is not None else within_pure(el, anc, levels)


def within_fn() -> Callable[[Any, Any, int], bool]:
    """``within`` for a loop of calls: the compiled core's when it runs, else :func:`within_pure`."""
    fast: Callable[[Any, Any, int], bool] | None = compiled("within")
    return fast if fast is not None else within_pure


def within_pure(el: Any, anc: Any, levels: int) -> bool:
    """``within`` in Python (the compiled core's twin)."""
    for _ in range(levels):
        if el is None:
            return False
        if el is anc:
            return True
        el = el.getparent()
    return el is anc


def inside(el: Any, holder: Any, memo: dict[Any, bool]) -> bool:
    """Is ``el`` ``holder`` or below it? ``memo`` (one per holder) keeps the answer for every element
    passed on the way up, so asking it of every block of a page climbs each branch once."""
    chain = []
    found = False
    while el is not None:
        if el is holder:
            found = True
            break
        if el in memo:
            found = memo[el]
            break
        chain.append(el)
        el = el.getparent()
    for e in chain:
        memo[e] = found
    return found


def inside_flags(elements: list[Any], holder: Any) -> list[bool]:
    """For each of ``elements``, whether it is ``holder`` or below it (None: False); the compiled
    core's ``inside_flags`` when it runs."""
    fast = compiled("inside_flags")
    flags: list[bool] = fast(elements, holder) if fast is not None else inside_flags_pure(elements, holder)
    return flags


def inside_flags_pure(elements: list[Any], holder: Any) -> list[bool]:
    """``inside_flags`` in Python (the compiled core's twin)."""
    memo: dict[Any, bool] = {}
    return [el is not None and inside(el, holder, memo) for el in elements]


def links_home(el: Any, host: str) -> bool:
    """Whether the first link in ``el`` points to another page of the same site."""
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        if href.startswith("/") and not href.startswith("//"):
            return True
        h = site_of(href)
        return bool(h) and bool(host) and (h == host or h.endswith("." + host) or host.endswith("." + h))
    return False


def _is_h1(b: Block) -> bool:
    return b.kind == "heading" and b.features.get("level") == 1


_LABEL, _STOP, _HEADLINE = 0, 1, 2  # what a block before a short paragraph is to a teaser card


def _card_role(b: Block) -> int:
    """A linked headline (15+ characters, 80%+ in links), a short label (under 40 characters) that
    may sit between a headline and its summary, or anything else (which ends the look back)."""
    if b.element is None:
        return _STOP
    n = len(b.text)
    if n < 15 or b.features.get("link_density", 0.0) < 0.8:
        return _LABEL if n < 40 else _STOP
    return _HEADLINE


def teaser_blocks(blocks: list[Block], url: str | None = None) -> set[int]:
    """Indexes of short paragraphs that sit in a small card right after a linked headline
    (lists of other stories: 'headline link + one-line summary', repeated). The card must be an
    <article>/<li> of its own or its headline must link within the site (listicles link out)."""
    out: set[int] = set()
    host = site_of(url)
    roles = [_card_role(b) for b in blocks]  # (once per block, not once per summary looking back)
    within = within_fn()
    for i, b in enumerate(blocks):
        if b.kind not in ("paragraph", "list_item") or len(b.text) >= 600 or b.element is None:
            continue
        if b.features.get("link_density", 0.0) > 0.3:
            continue
        for j in range(i - 1, max(-1, i - 7), -1):
            role = roles[j]
            if role == _LABEL:
                continue  # a label, source or date between headline and summary
            if role == _STOP:
                break
            h = blocks[j]
            if _NUMBERED.match(h.text):
                break  # '5. Velvet calathea': an item of a listicle, not another story
            anc = b.element.getparent()
            for _ in range(5):
                if anc is None:
                    break
                if within(h.element, anc, 8):
                    # a card: few blocks around share this ancestor
                    k, count = j - 1, 0
                    titled = False  # the page's own <h1> in the box: the article's header, not a card
                    while k >= 0 and count < 9 and blocks[k].element is not None and within(blocks[k].element, anc, 8):
                        titled = titled or _is_h1(blocks[k])
                        count += 1
                        k -= 1
                    k = i + 1
                    long_after = False  # body text going on after the 'summary': not a card
                    while (k < len(blocks) and count < 9 and blocks[k].element is not None
                           and within(blocks[k].element, anc, 8)):
                        long_after = long_after or (len(blocks[k].text) > 120 and blocks[k].kind == "paragraph")
                        count += 1
                        k += 1
                    if count + (i - j + 1) <= 8 and not long_after and not titled and not _is_h1(h) and (
                            tag_of(anc) == "article" or links_home(h.element, host)):
                        out.update(range(j, i + 1))  # the headline, its labels and the summary
                    break
                anc = anc.getparent()
            break
    return out


_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NUMERIC_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _xml_char(cp: int) -> bool:
    return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF


def _xml_safe(source: str) -> str:
    """The page without the characters lxml refuses in a tree it edits (control characters, lone
    surrogates, U+FFFE/U+FFFF), written raw or as numeric references."""
    def ref(m: re.Match[str]) -> str:
        cp = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        return m.group(0) if _xml_char(cp) else ""
    source = _CONTROL_CHARS.sub("", source)
    return _NUMERIC_REF.sub(ref, source) if "&#" in source else source


def readability_vocab(page: Page) -> set[str] | None:
    """readability-lxml's idea of the body, as word 3-grams (slow: only when unsure)."""
    try:
        from readability import Document

        # characters lxml refuses make it raise inside readability, which then logs a traceback
        summary = Document(_xml_safe(page.source)).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - a second opinion must never break the page
        _log.debug("readability second opinion failed on %s", page.url or "page", exc_info=True)
        return None
    text = re.sub(r"<[^>]+>", " ", summary or "")
    toks = word_tokens(text.lower())
    if len(toks) < 30:
        return None
    return set(_word_trigrams(toks))


def describe(el: Any) -> str:
    tag = tag_of(el) or "?"
    cls = (el.get("class") or "").split()
    ident = el.get("id")
    s = tag
    if ident:
        s += f"#{ident}"
    if cls:
        s += "." + ".".join(cls[:2])
    return s
