"""Text captures: what the byline ranker asks of a page's lines as a whole, answered only for what it asks.

How many lines print a name (``count``), whether a word is printed in lower case inside the page's
sentences (``lower_word``) and how paragraphs open (``bio_openers``). The plain way reads line by line
(a name key per line, a regex call per long line); here every line's name key is made once, at the
first count, and a name's count searches them joined, line after line that holds it; the words and
openers are read from all the long lines joined, in one regex pass. The answers are those of the plain line-by-line
reads (tests/test_speed_byline_lines.py keeps them and compares).
"""
from __future__ import annotations

from newsclean.normalize.authors import name_key
from newsclean.page import Block
from newsclean.strings import letter_runs


class PageLines:
    """The lines of a capture the ranker counts names in (``texts``: each at most a few hundred
    characters) and its long lines (``long_texts``: where a word printed in lower case is an ordinary word)."""

    def __init__(self, texts: list[str], long_texts: list[str], max_count: int) -> None:
        self.texts = texts
        self.max_count = max_count
        self.keyed: str | None = None   # every line's name key, one a line (built at the first count)
        self.counts: dict[str, int] = {}
        self.long_texts = long_texts
        self.runs: set[str] | None = None

    def count(self, key: str) -> int:
        """How many lines hold ``key`` (a name key) in their name key, counted up to ``max_count``;
        all of them for an empty key."""
        if not key:
            return len(self.texts)
        hit = self.counts.get(key)
        if hit is not None:
            return hit
        keyed = self.keyed
        if keyed is None:
            # (a name key holds no line break: a key found in the joined keys is in one line's key)
            keyed = self.keyed = "\n".join([name_key(t) for t in self.texts])
        count, at = 0, keyed.find(key)
        while at >= 0 and count < self.max_count:
            count += 1
            end = keyed.find("\n", at + len(key))   # the end of the line found: go on after it
            at = keyed.find(key, end + 1) if end >= 0 else -1
        self.counts[key] = count
        return count

    def lower_word(self, word: str) -> bool:
        """Is ``word`` lower-cased one of the runs of letters of the long lines that start in lower
        case? (The runs are read once, in one pass.)"""
        if self.runs is None:
            self._read_runs()
        assert self.runs is not None
        low = word.lower()
        return low[:1].islower() and low in self.runs

    def upper_word(self, word: str) -> bool:
        """Is ``word`` (as printed) one of the capitalised runs of letters of the long lines? A name the
        story's sentences print is often the story's subject."""
        if self.runs is None:
            self._read_runs()
        assert self.runs is not None
        return word[:1].isupper() and word in self.runs

    def _read_runs(self) -> None:
        # a newline is no letter: no run of the joined lines crosses from one line to the next (the ASCII
        # lines apart: the pure core splits them without a regex)
        runs = set(letter_runs("\n".join(t for t in self.long_texts if t.isascii())))
        runs.update(letter_runs("\n".join(t for t in self.long_texts if not t.isascii())))
        self.runs = runs   # (the runs in lower case and the capitalised ones are asked for by their first letter)

    def bio_openers(self, min_len: int, head: int, least: int, most: int) -> set[str]:
        """The first ``least`` to ``most`` words (as name keys) of the first ``head`` characters of
        every long line of ``min_len`` characters or more, each with a word after it: an author's bio
        opens with the name ("Jane Doe is a reporter ...")."""
        out: set[str] = set()
        for t in self.long_texts:
            if len(t) >= min_len:
                words = name_key(t[:head]).split()
                out.update(" ".join(words[:k]) for k in range(least, most + 1) if len(words) > k)
        return out


def page_lines(blocks: list[Block], max_blocks: int, max_line: int, long_line: int, max_count: int) -> PageLines:
    """The ``PageLines`` of a capture's first ``max_blocks`` blocks: lines of at most ``max_line``
    characters counted, lines of ``long_line`` characters or more read for words."""
    head = blocks[:max_blocks]
    return PageLines([b.text for b in head if len(b.text) <= max_line],
                     [b.text for b in head if len(b.text) >= long_line], max_count)
