"""Stage 'duplicates': blocks that repeat other blocks of the same page.

Pages repeat text: the dek comes back as the photo caption (often with a photo credit glued on),
a pull quote repeats a sentence of the body, a teaser card is printed several times, a renderer
prints a headline twice. Among the kept blocks, two blocks are near-duplicates when most of the
word trigrams of one are found in the other:

* two near-identical blocks (each mostly inside the other) a few kept blocks apart at most: the
  earlier one goes: summaries and captions come before the body paragraph they repeat (three or
  more variants of one line, each far from the next, are a structured text and stay); an exact
  copy is dropped only when it is next to its twin (a line printed twice), since Q&A pages repeat
  the same question on purpose. Not copies: blocks that put a different word in the same place
  (list items or table rows that differ in a number or a name), a near copy further on (the
  author restating a line), two code listings, a heading and its sub-heading;
* a block that is only part of a longer one (a pull quote) is kept: it is part of the text;
* (text captures) a caption right under a picture printed as "[alt text]" that repeats that text;
* (text captures) three or more blocks in a row that repeat blocks already dropped elsewhere (a
  teaser list or ticker printed twice, one copy inside the body region): all go;
* a non-sentence block (not a table row) printed three times or more (a teaser card): every copy goes, unless many
  other blocks sit between its copies (the same line in each part of a structured text, as a
  recipe's "Eat every 2-3 hours").
Every drop names the block it duplicates. Works on both page kinds.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsclean.page import Block, DropKind, Page
from newsclean.stages.base import Stage
from newsclean.strings import ends_sentence, word_tokens

_ALT = re.compile(r"\[([^\[\]]{8,300})\]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; CJK runs are cut into single characters (no spaces to split on)."""
    low = text.lower()
    if low.isascii() or not _CJK.search(low):  # (isascii: one flag read; most blocks need no search)
        return word_tokens(low)
    out: list[str] = []
    for tok in word_tokens(low):
        if _CJK.search(tok):
            out.extend(tok)
        else:
            out.append(tok)
    return out


def trigrams(toks: list[str]) -> set[tuple[str, ...]]:
    if len(toks) < 3:
        return {tuple(toks)} if toks else set()
    return set(zip(toks, toks[1:], toks[2:]))


# a dek reprinted as a caption is a sentence or two; two copies both this long are paragraphs the
# page itself prints twice (a pull quote of a whole paragraph, an offer restated), both read as text
_LONG_COPY_CHARS = 250
_BODY_KINDS = frozenset({"paragraph", "quote", "list_item"})
# an HTML list item repeated with this many other kept blocks per copy between its copies is a step of a
# structured text ('Warm up. 10-20 minutes ...' in each workout of a plan): the HTML path has already
# dropped link lists and teaser boxes, so what repeats among the article's own items is content
_LIST_STRUCTURE_GAP = 3

# a word swap at the very end of two blocks counts only when this short on both sides: longer
# different tails are text appended to one copy (a photo credit, "said in a post on X")
_SHORT_TAIL = 2


def different_words(a: list[str], b: list[str]) -> bool:
    """Do two similar blocks put different words in the same place?

    Two rows of a table or two items of a list differ in a number or a name ("item #11111" /
    "item #22222", "Pros of X" / "Cons of X"): two pieces of content, not one printed twice. A copy
    with words only added (a caption with its photo credit, a breadcrumb ending in the title), or
    with a different tail (a credit glued to the last word, a quote's "said in a post"), is not."""
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] == "replace"]
    for _tag, i1, i2, j1, j2 in ops:
        if i2 < len(a) or j2 < len(b):
            return True  # a swap inside the text
        if i2 - i1 <= _SHORT_TAIL and j2 - j1 <= _SHORT_TAIL:
            return True  # the last number or name swapped
    return False



def _shared_trigrams(grams: dict[int, set[tuple[str, ...]]]
                     ) -> tuple[set[tuple[str, ...]], dict[tuple[str, ...], list[int]]]:
    """The trigrams found in two blocks or more, and an inverted index trigram -> blocks holding it
    (only those trigrams are indexed: the others share nothing)."""
    seen: set[tuple[str, ...]] = set()
    common: set[tuple[str, ...]] = set()
    for gs in grams.values():
        common |= gs & seen
        seen |= gs
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    if common:
        for idx, gs in grams.items():
            if not gs.isdisjoint(common):
                for g in gs & common:
                    where[g].append(idx)
    return common, where


@dataclass(frozen=True)
class DuplicatesOptions:
    min_tokens: int = 6          # shorter blocks (labels, names) are left to other stages
    contained: float = 0.7       # share of a block's trigrams found in the other block
    max_block_tokens: int = 2000  # longer blocks are not compared (cost)
    repeats: int = 3             # a block seen this many times is a repeated teaser: all copies go,
    structure_gap: int = 10      # unless other blocks between its copies are this many per copy
    near_gap: int = 3            # a dek and its caption, a byline printed twice: at most this many kept
    #                              blocks apart (a copy further on is the author's own restatement)


class DuplicatesStage(Stage):
    """Drop blocks that repeat other blocks of the page (a dek reprinted as a caption, teaser cards)."""

    name = "duplicates"
    kinds = frozenset({"html", "text"})
    Options = DuplicatesOptions

    def run(self, page: Page) -> None:
        opts = self.options
        memo: dict[int, list[str]] = {}   # a block's tokens, read once (its text does not change here)

        def toks_once(b: Block) -> list[str]:
            t = memo.get(b.index)
            if t is None:
                t = memo[b.index] = tokens(b.text)
            return t

        if page.kind == "text":
            self._copied_list(page, toks=toks_once)
            self._alt_captions(page)
        # (a block of over 40 characters per allowed token has more tokens than max_block_tokens and is
        # never compared: not tokenizing it spares a list of millions of strings on a one-paragraph page)
        longest = 40 * opts.max_block_tokens
        toks_of: dict[int, list[str]] = {b.index: toks_once(b) if len(b.text) <= longest else []
                                         for b in page.kept()}
        # each kept block's tokens joined, once: both the word-for-word copies and the repeated teasers key on it
        keys_of = {i: " ".join(t) for i, t in toks_of.items()}
        self._second_copy(page, keys_of)
        blocks = [b for b in page.kept()]
        grams: dict[int, set[tuple[str, ...]]] = {}
        lo, hi = opts.min_tokens, opts.max_block_tokens
        for b in blocks:
            toks = toks_of[b.index]
            if lo <= len(toks) <= hi:
                grams[b.index] = trigrams(toks)
        if len(grams) < 2:
            return
        by_index = {b.index: b for b in blocks}
        self._repeated(page, blocks, grams, by_index, keys_of)
        self._near_copies(page, grams, by_index, toks_of)

    def _near_copies(self, page: Page, grams: dict[int, set[tuple[str, ...]]], by_index: dict[int, Block],
                     toks_of: dict[int, list[str]]) -> None:
        """Near-identical blocks close together: the earlier copy goes (see the module's docstring)."""
        opts = self.options
        common, where = _shared_trigrams(grams)
        if not common:
            return
        for idx in sorted(grams):
            b = by_index[idx]
            if not b.kept:
                continue
            mine_common = grams[idx] & common  # (only these can be shared: a set operation, not a loop)
            mine = len(grams[idx])
            if not mine_common or len(mine_common) / mine < opts.contained:
                continue  # no other block can hold enough of this one's trigrams (most blocks: no count needed)
            # every holder list of one of this block's trigrams holds the block itself
            flat: list[int] = []
            for g in mine_common:
                holders = where[g]
                if len(holders) <= 50:
                    flat.extend(holders)
            if not flat:
                continue
            shared: Counter[int] = Counter(flat)
            del shared[idx]
            twins = [o for o, n in shared.items() if n / mine >= opts.contained
                     and n / len(grams[o]) >= opts.contained]
            if len(twins) >= 2 and self._apart(page, idx, twins):
                continue  # variants of one line far apart: a structured text (menus of a meal plan)
            # most shared first, ties in page order (never in the order of a set of strings, which
            # changes with the process's hash seed)
            for other, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
                ob = by_index[other]
                if not ob.kept or other < idx:
                    continue
                if n / mine < opts.contained:
                    break
                if n / len(grams[other]) < opts.contained:
                    continue  # b is only a part of a longer block (a pull quote): left alone
                if not self._is_copy(page, b, ob, toks_of):
                    continue
                # near-identical: the earlier copy goes (deks and captions precede the body)
                self.drop(page, b, f"near-duplicate of block {other}: an earlier copy "
                                   f"(summary, caption or repeated line) of text kept there", DropKind.REPEAT)
                break

    def _is_copy(self, page: Page, b: Block, ob: Block, toks_of: dict[int, list[str]]) -> bool:
        """Is ``b`` an earlier copy of the later block ``ob`` (each mostly inside the other), rather
        than a second piece of content of the same shape or the author's own restatement?"""
        idx, other = b.index, ob.index
        if b.kind == "pre" and ob.kind == "pre":
            return False  # code listings build on each other: a changed line is new content
        if b.kind == ob.kind == "heading" and b.features.get("tag") != ob.features.get("tag"):
            return False  # "Pros and Cons of X" over "Cons of X": a section and its sub-section
        if different_words(toks_of[idx], toks_of[other]):
            return False  # "item #11111" / "item #22222", "Pros of X" / "Cons of X": two things
        if min(len(b.text), len(ob.text)) >= _LONG_COPY_CHARS and b.kind in _BODY_KINDS and ob.kind in _BODY_KINDS:
            return False  # a long paragraph the page prints twice (a pull quote of a whole paragraph): the author's
        same = toks_of[idx] == toks_of[other]
        if same and not self._adjacent(page, idx, other):
            return False  # the same line asked again further on (interview questions): kept
        # far apart: the author's own restatement, not a dek reprinted as its caption
        return self._near(page, idx, other, self.options.near_gap)

    def _second_copy(self, page: Page, keys_of: dict[int, str], min_long: int = 3, min_words: int = 150,
                     max_copies: int = 3) -> None:
        """The body printed twice (a desktop and a mobile layout, a print version): a run of kept
        blocks that each repeat, word for word, a block kept earlier on the page, with at least
        ``min_long`` full-size blocks and ``min_words`` words in it. The later copy goes, unless its
        lines come back more than ``max_copies`` times on the page (the same day in each week of a
        meal plan: a structured text, not a copy). ``keys_of``: each kept block's tokens joined by spaces."""
        kept = list(page.kept())
        keys = [keys_of[b.index] for b in kept]
        count = Counter(keys)
        first: dict[str, int] = {}
        run: list[int] = []
        long_blocks = words = 0
        for i in range(len(kept) + 1):
            key = keys[i] if i < len(kept) else ""
            if key and key in first:
                run.append(i)
                n = key.count(" ") + 1
                words += n
                long_blocks += n >= self.options.min_tokens
                continue
            if long_blocks >= min_long and words >= min_words:
                copies = sorted(count[keys[k]] for k in run)
                if copies[len(copies) // 2] <= max_copies:
                    a, z = kept[run[0]].index, kept[run[-1]].index
                    for k in run:
                        self.drop(page, kept[k], f"second copy of the text (blocks {a}-{z} repeat earlier "
                                                 f"blocks word for word, from block {first[keys[run[0]]]})",
                                  DropKind.REPEAT)
            run, long_blocks, words = [], 0, 0
            if key:
                first[key] = kept[i].index

    def _copied_list(self, page: Page, min_run: int = 3, toks: Callable[[Block], list[str]] | None = None) -> None:
        """A run of kept blocks that each repeat, word for word, a block dropped elsewhere on the page
        (a teaser list or news ticker printed twice, once inside the body region): the run goes.
        ``toks`` gives a block's tokens (``tokens`` of its text, maybe remembered)."""
        toks = toks or (lambda b: tokens(b.text))
        kept = list(page.kept())
        if len(kept) < min_run:
            return
        elsewhere = {" ".join(t) for b in page.blocks if not b.kept and b.drop_kind is not DropKind.REPEAT
                     and len(t := toks(b)) >= self.options.min_tokens}
        if not elsewhere:
            return
        run: list[Block] = []
        for b in kept + [None]:
            if b is not None and " ".join(toks(b)) in elsewhere:
                run.append(b)
                continue
            if len(run) >= min_run:
                for x in run:
                    self.drop(page, x, f"one of {len(run)} blocks in a row copied from a list dropped "
                                       f"elsewhere on the page (blocks {run[0].index}-{run[-1].index})",
                              DropKind.REPEAT)
            run = []

    def _alt_captions(self, page: Page, reach: int = 3) -> None:
        """A picture printed as "[its alt text]" and, a line or two under it, a caption that repeats
        that text: the caption goes with the picture (the body never repeats an alt text)."""
        blocks = page.blocks
        for i, b in enumerate(blocks):
            if "[" not in b.text:
                continue
            for m in _ALT.finditer(b.text):
                alt = " ".join(tokens(m.group(1)))
                n = alt.count(" ") + 1
                if n < 3:
                    continue
                for c in blocks[i + 1:i + 1 + reach]:
                    if not c.kept or c.kind == "heading" or "[" in c.text or len(c.text) > 2 * len(m.group(1)) + 80:
                        continue  # (a caption is about as long as the alt text: long blocks cost nothing)
                    cap = " ".join(tokens(c.text))
                    k = cap.count(" ") + 1
                    if (cap in alt and k >= 0.6 * n) or (alt in cap and k <= n + 8):
                        self.drop(page, c, f"caption repeating the alt text of the picture in block {b.index}",
                                  DropKind.REPEAT)

    @staticmethod
    def _apart(page: Page, idx: int, twins: list[int], gap: int = 5) -> bool:
        """Are there ``gap`` kept blocks or more between ``idx`` and the nearest of its twins? (A
        caption sits next to the dek it repeats.)"""
        for t in twins:
            lo, hi = min(idx, t), max(idx, t)
            if hi - lo <= gap:
                return False
            n = 0
            for x in page.blocks[lo + 1:hi]:
                if x.kept:
                    n += 1
                    if n >= gap:
                        break
            if n < gap:
                return False
        return True

    @staticmethod
    def _near(page: Page, a: int, b: int, gap: int) -> bool:
        """At most ``gap`` kept blocks between blocks ``a`` < ``b``?"""
        n = 0
        for x in page.blocks[a + 1:b]:
            n += x.kept
            if n > gap:
                return False
        return True

    @staticmethod
    def _adjacent(page: Page, a: int, b: int) -> bool:
        return b - a < 50 and not any(x.kept for x in page.blocks[a + 1:b])

    def _repeated(self, page: Page, blocks: list[Block], grams: dict, by_index: dict,
                  keys_of: dict[int, str]) -> None:
        """``keys_of``: each kept block's tokens joined by spaces (a teaser card's lines key on them)."""
        seen: dict[str, list[int]] = defaultdict(list)
        for b in blocks:
            if b.index in grams:
                seen[keys_of[b.index]].append(b.index)
        # (a table row is no teaser card: the same header row starts each table of a plan)
        groups = [c for c in seen.values()
                  if len(c) >= self.options.repeats and not ends_sentence(by_index[c[0]].text)
                  and by_index[c[0]].kind != "table"]
        repeated = {i for c in groups for i in c}
        order = sorted(b.index for b in blocks if b.index not in repeated)
        for copies in groups:
            # a menu of a recipe, a table's row label... repeated between many other blocks of
            # their own is part of a structured text: a teaser comes back after a few blocks
            between = bisect_left(order, copies[-1]) - bisect_right(order, copies[0])
            gap = self.options.structure_gap
            if page.kind == "html" and by_index[copies[0]].kind == "list_item":
                gap = _LIST_STRUCTURE_GAP  # (a page's lists survived the chrome stages: the step of a plan)
            if between >= gap * (len(copies) - 1):
                continue
            for idx in copies:
                    self.drop(page, by_index[idx], f"printed {len(copies)} times (a repeated teaser); "
                                                   f"first copy is block {copies[0]}", DropKind.REPEAT)
