"""Over-long lines of a text capture, cut into sentences before anything decides about them.

A capture that lost its line breaks (a page flattened to one line, text joined with spaces) would
otherwise be one block: one promotional phrase or menu word in it and the stages drop the whole
page. Cut into its sentences (and its inline bullet items: "• Home • News"), each piece is judged
on its own, like the lines of any other capture.
"""
from __future__ import annotations

import re

#: a line longer than this is a capture that lost its line breaks, not a paragraph: the longest
#: one-line paragraphs of real unwrapped captures run to ~4,700 characters (bench, inscriptis)
OVER_LONG_LINE = 8000
#: a run without a sentence end is cut at a space near this length (a long list of words, a
#: transcript without punctuation): over the widest wrap column measured, so never taken for one
MAX_PIECE = 2000

# a sentence end (and the closing quotes or brackets after it) with the space after it; a Chinese or
# Japanese full stop needs no space; or the space before an inline bullet item, taken from the first white-space
# character of its run only (tried at every one, a run of spaces cost time quadratic in its length: 16,000 spaces
# 2.6 s, 200,000 about seven minutes; the matches are the same)
_BREAK = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+|[。！？]+[」』”’)]*\s*|(?<!\s)\s+(?=[•▪►◦■●·]\s)")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "jr", "sr",
    "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
    "nov", "dec", "e.g", "i.e", "etc", "approx", "ave", "mt", "ft",
})


def split_over_long_lines(text: str, max_blocks: int) -> str:
    """``text`` with every line over ``OVER_LONG_LINE`` characters cut into lines of one sentence
    each -- or, on a capture so big that its sentences would pass the block budget, of as many
    sentences as keep the pieces within half of ``max_blocks``. Other lines are unchanged."""
    if len(text) <= OVER_LONG_LINE:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    long_chars = sum(len(ln) for ln in lines if len(ln) > OVER_LONG_LINE)
    if not long_chars:
        return text
    group = 2 * long_chars // max(1, max_blocks)  # (0: sentence by sentence)
    return "\n".join(ln if len(ln) <= OVER_LONG_LINE else "\n".join(_pieces(ln.strip(), group))
                     for ln in lines)


def _is_sentence_end(line: str, m: re.Match[str]) -> bool:
    """Does the match end a sentence? Not before a lower-case word ("e.g. the"), not after an
    initial ("J. Smith", "U.S.") or a common abbreviation ("Dr. Smith")."""
    nxt = line[m.end():m.end() + 1]
    if not nxt or nxt.islower():
        return False
    if m.group(0)[0] != ".":
        return True  # "?", "!", a full-width stop or the space before a bullet
    word = line[max(0, m.start() - 12):m.start()].rsplit(None, 1)[-1:] or [""]
    bare = word[0].lstrip("(\"'“‘").lower()
    return not (len(bare) == 1 and bare.isalpha() or "." in bare and len(bare) <= 6
                or bare in _ABBREVIATIONS)


def _pieces(line: str, group: int) -> list[str]:
    """The sentences of ``line``, joined into pieces of at least ``group`` characters; a piece
    without a sentence end is cut at a space near ``MAX_PIECE`` characters."""
    out: list[str] = []
    cur: list[str] = []  # sentences of the piece being grouped
    size = 0
    start = 0
    for m in _BREAK.finditer(line):
        if not _is_sentence_end(line, m):
            continue
        sentence = line[start:m.start() + len(m.group(0).rstrip())]
        start = m.end()
        cur.append(sentence)
        size += len(sentence)
        if size >= group:
            out.extend(_cut(" ".join(cur)))
            cur, size = [], 0
    cur.append(line[start:])
    out.extend(_cut(" ".join(cur)))
    return [p for p in out if p.strip()]


def _cut(piece: str) -> list[str]:
    """Pieces of at most ~``MAX_PIECE`` characters, cut at spaces (a longer word stays whole)."""
    if len(piece) <= MAX_PIECE:
        return [piece]
    out, i, n = [], 0, len(piece)
    while n - i > MAX_PIECE:
        j = piece.rfind(" ", i + 1, i + MAX_PIECE)
        if j < 0:
            j = piece.find(" ", i + MAX_PIECE)
            if j < 0:
                break
        out.append(piece[i:j])
        i = j + 1
    out.append(piece[i:])
    return out
