"""Text captures: a capture's lines as the title ranker's features compare them, worked out once per page:
each first line's normalised text, the breadcrumb lines, the kept body prose and the content words it
repeats."""
from __future__ import annotations

import re
from bisect import bisect_right

from newsclean.normalize.titles import norm
from newsclean.page import Block
from newsclean.strings import long_word_runs

MAX_LINE = 250            # characters: a longer line is no candidate (and no line equal to one is counted)
PROSE = 80                # characters: a kept line this long ending a sentence is body prose
CONTENT_LETTERS = 4       # word characters of a content word (``\w{4,}``): shorter ones are function words
QUOTING = 300             # characters: longer lines are prose, not a title quoting the headline
MIN_QUOTED = 12           # characters: a shorter line is found inside other lines by chance


def has_crumb_mark(text: str) -> bool:
    """Does the line hold a breadcrumb's mark (one of "/", "|", ">", "»", "›")? Five substring tests: a regex
    call costs a few thousand instructions."""
    return "/" in text or "|" in text or ">" in text or "»" in text or "›" in text


def content_words(text: str) -> set[str]:
    return {w.casefold() for w in long_word_runs(text, CONTENT_LETTERS)}


_TOKEN = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")   # kana and Han: written without spaces
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_EAST = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
HANGUL_STEM = 2           # syllables: a Korean word's stem without the particle it ends with ("사안으로" -> "사안")


def content_pieces(text: str) -> set[str]:
    """The content pieces of a line, for any script: words of four letters or more, the first syllables of
    Korean words (which end with their particles), and character pairs of Chinese or Japanese text (which
    puts no spaces between words)."""
    low = text.casefold()
    if low.isascii() or not _EAST.search(low):   # (every character ``_EAST`` finds is outside ASCII)
        return set(long_word_runs(low, CONTENT_LETTERS))   # the common case, in one pass
    out: set[str] = set()
    for tok in _TOKEN.findall(low):
        if _CJK.search(tok):
            out.update(tok[k:k + 2] for k in range(len(tok) - 1))
        elif _HANGUL.search(tok):
            if len(tok) >= HANGUL_STEM:
                out.add(tok[:HANGUL_STEM])
        elif len(tok) >= 4:
            out.add(tok)
    return out


def prose_lines(blocks: list[Block]) -> list[int]:
    """The indexes of the kept lines of body prose: long enough and ending a sentence (the classify stage
    kept them)."""
    return [b.index for b in blocks if b.kept and b.kind != "list_item" and len(b.text) >= PROSE
            and b.text.rstrip("\"'”’» ").endswith((".", "!", "?"))]


def top_texts(top: list[Block]) -> tuple[dict[int, str], list[str], str]:
    """One pass over the first lines: each line's normalised text (lines up to ``QUOTING`` characters, by
    index), those of the lines up to ``MAX_LINE`` characters (whose equal lines are counted), and the
    breadcrumb lines' texts as one string, each line between line feeds (``ends_longer``)."""
    normed: dict[int, str] = {}
    short: list[str] = []
    crumbs: list[str] = []
    for b in top:
        text = b.text
        if len(text) > QUOTING:
            continue
        key = normed[b.index] = norm(text)
        if len(text) <= MAX_LINE:
            short.append(key)
        if has_crumb_mark(text):
            crumbs.append(key)
    return normed, short, "\n" + "\n".join(crumbs) + "\n"


def ends_longer(key: str, lines: str) -> bool:
    """Does one of ``lines`` (line-feed separated, one before the first and after the last) end with ``key``
    and hold more than it (``any(c != key and c.endswith(key) for c in ...)``, in C)? ``key`` holds no line
    feed: each place ``key`` and a line feed are found is the end of a line, a longer one when no line feed
    comes just before it."""
    needle = key + "\n"
    at = lines.find(needle, 1)
    while at >= 0:
        if lines[at - 1] != "\n":
            return True
        at = lines.find(needle, at + 1)
    return False


class Body:
    """The kept body prose of a capture, for asking which lines come before it and which of a line's
    words it repeats: the article's own headline shares its words with the story below it, a teaser
    headline of another story does not."""

    def __init__(self, blocks: list[Block], normed: dict[int, str] | None = None,
                 starts: list[int] | None = None) -> None:
        """``normed``: lines' normalised texts already at hand (by index), ``starts``: ``prose_lines(blocks)``
        when already at hand."""
        self.starts = prose_lines(blocks) if starts is None else starts
        known = normed or {}
        norms = [known[i] if i in known else norm(blocks[i].text) for i in self.starts]
        # every prose line's normalised text in one, apart by line feeds (which no normalised line holds), and
        # where each starts: a line is printed inside a prose line from the k-th on when it is found from there
        self.joined = "\n".join(norms)
        self.offsets = [0]
        for t in norms:
            self.offsets.append(self.offsets[-1] + len(t) + 1)
        self.last: dict[str, int] = {}     # content word -> index of the last prose line that has it
        for i in self.starts:
            self.last.update(dict.fromkeys(content_pieces(blocks[i].text), i))

    def _after(self, i: int) -> int:
        """Position in ``starts`` of the first body prose line below line ``i``."""
        return bisect_right(self.starts, i)

    def repeats(self, i: int, key: str) -> float:
        """1 when a body prose line below line ``i`` prints the line word for word (a dek or lead sentence
        the story opens with; a headline is rarely repeated inside the text)."""
        if len(key) < MIN_QUOTED:
            return 0.0
        k = self._after(i)
        return 1.0 if k < len(self.starts) and self.joined.find(key, self.offsets[k]) >= 0 else 0.0

    def below(self, i: int, words: set[str]) -> int:
        """How many of ``words`` body prose below line ``i`` repeats."""
        return sum(1 for w in words if self.last.get(w, -1) > i)

    def gap(self, i: int) -> float:
        """1 / (1 + lines between line ``i`` and the next body prose line); 0 when none follows."""
        k = self._after(i)
        return 0.0 if k == len(self.starts) else 1.0 / (self.starts[k] - i)


def quoted(key: str, others: str, exact: int) -> float:
    """How often (up to three) other lines quote the line inside a longer text ("142 replies to
    <headline>", "<headline> | Site", "Share <headline> on ..."): ``others`` is every line's normalised
    text joined by newlines, ``exact`` the number of lines equal to the line."""
    if len(key) < MIN_QUOTED:
        return 0.0
    return min(max(others.count(key) - exact, 0), 3) / 3
