"""Code listings in text captures: a text browser prints a ``<pre>`` listing line by line, each line a block
of its own (no line of code reaches the wrap column, so none is joined to the next). Read one by one, forty
lines of ``options.Level = LogLevel.Debug;`` look like forty short lines of chrome, and the body region
stops at the first listing of a tutorial. A run of such lines becomes one "pre" block (its lines kept
apart, their indents relative to the least indented), marked ``code`` for the stages that score blocks.

A line is *code-shaped* when it does not end a sentence and either opens like code (a closing bracket, a
comment mark, a tag, a shell prompt, a keyword of the common languages), ends like code (an opening or
closing bracket, ";", "=>", ",") or holds code's operators (" = ", "==", "()", "=>", "::", "->", a method
call). A run is at least ``MIN_LINES`` one-line blocks, at most one blank line apart (only between code-shaped
lines), that starts and ends with code-shaped lines, of which at least ``MIN_CODE_SHARE`` are code-shaped (the
rest short lines such as ``"Cookie"`` or ``builder.Services``), with at least ``MIN_SYMBOLS_PER_LINE`` of
code's symbols per line on average.
"""
from __future__ import annotations

import re

from newsclean.page import Block

MIN_LINES = 3               # two lines are as often a signature or an address as a listing
MIN_CODE_SHARE = 0.6        # most lines of a listing have code's shape; the rest are short fragments
MIN_SYMBOLS_PER_LINE = 1.0  # a listing has brackets, "=" and ";" all over; a list of names has none
MAX_WEAK_WORDS = 4          # a line of a listing without code's shape is short ('"Cookie"', 'builder.Services')
MAX_LINE_GAP = 2            # line numbers of neighbours in a run differ by at most this (one blank line)
CODE = "code"               # the feature that marks a block as a code listing

_START = re.compile(
    r"^(?:[}\])]|//|/\*|\*/|#include\b|#!|</?[A-Za-z][\w-]*[\s>/]|\$ |>>> |"
    r"(?:def|class|import|from|return|var|let|const|function|public|private|protected|static|package|using|"
    r"namespace|async|await|fn|func|impl|struct|enum|elif|else|try|catch|except|finally|SELECT|INSERT|UPDATE|"
    r"CREATE|npm|pip|git|sudo|docker|curl|cd|export)\s)")
_END = ("{", "}", ";", "(", "[", "=>", "->", "\\", ",")
_INSIDE = re.compile(r" = |==|!=|\(\)|=>|::|->|\w\.\w+\(|\w\(\S|\w\[\S")
#: a line ending with one of these stops (closing quotes or a bracket after it allowed) is a sentence, not code;
#: narrower than ``strings.ends_sentence``, which also strips "]" and "*" (here "from x import *." is no code, while
#: "['a', 'b.']" and "import x.*" are not sentences)
_SENTENCE_STOPS = (".", "!", "?", "…")
_CLOSING_QUOTES = "\"'”’)"
_SYMBOLS = frozenset("{}()[];=<>")
#: one of these is in every text ``_INSIDE`` matches (a text without any is not searched)
_INSIDE_MARKS = ("=", "(", "[", "::", "->")


def code_shaped(text: str) -> bool:
    """Does this line read as a line of code (see the module's doc)?"""
    if text.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_STOPS):
        return False
    return text.endswith(_END) or _START.match(text) is not None \
        or any(m in text for m in _INSIDE_MARKS) and _INSIDE.search(text) is not None


def _shape(b: Block) -> bool | None:
    """Is the block a code-shaped line (True), a line that may sit in a listing without code's shape (False),
    or no part of one (None: a bullet item, a table, a paragraph)? A long line of code can reach the wrap
    column and take the next line with it: a block of several lines is a listing's only when code-shaped."""
    if b.kind not in ("paragraph", "heading") or b.features.get("bullet"):
        return None
    shaped = code_shaped(b.text)
    if b.features.get("n_lines") != 1 and not shaped:
        return None
    return shaped


def _opens(blocks: list[Block], shaped: list[bool | None], i: int) -> bool:
    """A short line without code's shape right above a code-shaped one (``builder.Services`` over
    ``.AddHttpClient(...)``) opens the listing."""
    return shaped[i] is False and i + 1 < len(blocks) and bool(shaped[i + 1]) \
        and blocks[i + 1].features["line_start"] == blocks[i].features["line_end"] + 1 \
        and len(blocks[i].text.split()) <= MAX_WEAK_WORDS


def _run_end(blocks: list[Block], i: int, shaped: list[bool | None]) -> int:
    """The index past the longest run that may start at ``blocks[i]`` (a code-shaped line or ``_opens``)."""
    j = i + 1
    while j < len(blocks) and shaped[j] is not None:
        gap = blocks[j].features["line_start"] - blocks[j - 1].features["line_end"]
        if gap > MAX_LINE_GAP or gap > 1 and not (shaped[j] and shaped[j - 1]):
            break
        if not shaped[j] and len(blocks[j].text.split()) > MAX_WEAK_WORDS:
            break
        j += 1
    while j > i + 1 and not shaped[j - 1]:
        j -= 1  # a run ends with a code-shaped line
    return j


def _listing(run: list[Block], shaped: list[bool | None]) -> bool:
    code = sum(1 for s in shaped if s)
    symbols = sum(1 for b in run for ch in b.text if ch in _SYMBOLS)
    return len(run) >= MIN_LINES and code >= MIN_CODE_SHARE * len(run) \
        and symbols >= MIN_SYMBOLS_PER_LINE * len(run)


def _merged(run: list[Block]) -> Block:
    base = min(b.features.get("indent", 0) for b in run)
    text = "\n".join(" " * (b.features.get("indent", 0) - base) + b.text for b in run)
    feats = dict(run[0].features)
    feats.update(line_end=run[-1].features["line_end"], n_lines=len(run), **{CODE: True})
    feats.pop("level", None)
    return Block(index=0, text=text, kind="pre", features=feats)


def merge_code(blocks: list[Block]) -> list[Block]:
    """Runs of one-line blocks that read as a code listing become one "pre" block each (indexes renumbered)."""
    shaped = [_shape(b) for b in blocks]
    if sum(1 for s in shaped if s) < MIN_LINES:
        return blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if shaped[i] or _opens(blocks, shaped, i):
            j = _run_end(blocks, i, shaped)
            if _listing(blocks[i:j], shaped[i:j]):
                out.append(_merged(blocks[i:j]))
                i = j
                continue
        out.append(blocks[i])
        i += 1
    if len(out) == len(blocks):
        return blocks
    for n, b in enumerate(out):
        b.index = n
    return out
