"""Plain-text captures to blocks.

A capture is what a text browser dump, a "select all, copy" or a scraper's innerText gives. This
module finds the wrap column if the renderer wrapped lines at a fixed width, re-joins wrapped lines
into paragraphs (Chinese/Japanese lines join without a space; Korean ones with a space when the
line stopped short of the wrap column or the capture's own words say so; a centred headline's two
centred lines join too), and keeps bullet items and short lines as blocks of their own. When
paragraphs follow each other without blank lines, a line that ends a sentence with room left ends
its paragraph. Lone short lines between blank lines, markdown "#" lines, underlined lines and
fenced lines ("***** Title *****") are headings; runs of column-laid rows become one "table"
block. Columns a text browser printed side by side (a story in a table cell beside a sidebar) are read
first one after the other, each with its own wrap column (``text_columns``). Link text printed with "_"
for spaces gets its spaces back when the capture does that throughout. Nothing here depends on one
renderer: bullets are any of the common glyphs (em/en dashes are text, not bullets), the wrap column is
measured, not assumed, and unwrapped captures (one line per paragraph) need none of it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from newsclean.load.char_width import char_width, display_width, is_cjk
from newsclean.load.limits import DEFAULT_MAX_BLOCKS
from newsclean.load.longlines import split_over_long_lines
from newsclean.load.text_boxes import unbox_tables
from newsclean.load.text_code import merge_code
from newsclean.load.text_columns import unfold_columns
from newsclean.load.text_lines import Line, split_lines
from newsclean.load.text_tables import merge_tables
from newsclean.page import Block

_SPACE_BEFORE_STOP = re.compile(r"(?<=\w) +(?=[.,](?:\s|$))")  # "on Wednesday ." (inline-element gaps)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*$")
_UNDERLINE = re.compile(r"^(=+|-+)$")
_END_PUNCT = tuple(".!?:;…\"”’)»。！？")
_NUMBERED = re.compile(r"^\d{1,3}[.)]$")   # a numbered list item's mark
def _as_text(ln: Line) -> Line:
    """A numbered line read as text: its number back in front ("7. Februar berichteten ...")."""
    return replace(ln, text=f"{ln.bullet} {ln.text}", bullet=None)


def _continues_with_number(cur: list[Line], ln: Line, width: int | None, run_on: bool) -> bool:
    """A wrapped paragraph line ("... auf einer Pressekonferenz am") whose next line begins with a number and a
    dot ("7. Februar berichteten ...", "19. Jahrhunderts"): the renderer broke the sentence before the number,
    so the line goes on; it is no numbered list item. Not so in a list (its first line had a mark) or after a
    line that ends a sentence ("... kitchen.)" above "3. Consider ...")."""
    return (ln.bullet is not None and _NUMBERED.match(ln.bullet) is not None and cur[0].bullet is None
            and not cur[-1].text.endswith(_SENTENCE_END) and _joins(cur[-1], _as_text(ln), width, run_on))


#: the widest wrap column looked for: wider lines are unwrapped paragraphs, not a renderer's page width
MAX_WRAP_COLUMN = 400


def wrap_width(lines: list[Line]) -> int | None:
    """The column the renderer wrapped at, or None when lines were not wrapped.

    Greedy wrapping piles line widths up just below the wrap column with almost none above it."""
    wide = [ln for ln in lines if ln.width >= 40]
    if len(wide) < 6:
        return None
    widths = [ln.width for ln in wide]
    last = min(max(widths), MAX_WRAP_COLUMN)
    # upto[k]: lines narrower than k columns (prefix sums of the widths' histogram): the lines within twelve
    # columns below a column and those above it are two differences, not a sum over the histogram per column.
    # Lines wider than any column tried share the histogram's last slot (a capture's one 50,000-character line
    # must not cost a histogram that long). A line that no renderer could have wrapped (``_unbreakable``) counts
    # near a column, never above it: ``upto_breakable`` counts the others only.
    upto = _prefix_counts(widths, last)
    breakable = [ln.width for ln in wide if not _unbreakable(ln.text)]
    upto_breakable = _prefix_counts(breakable, last)
    best_w, best_score = None, 0.0
    for w in range(50, last + 1):
        near = upto[w + 1] - upto[w - 12]
        above = len(breakable) - upto_breakable[w + 1]
        score = near - 4 * above
        if score > best_score:
            best_w, best_score = w, score
    if best_w is None or best_score < max(4, 0.15 * len(widths)):
        return None
    return best_w


#: a row of a table laid out in columns: cells apart by three spaces or more (twice at least)
_TABLE_GAP = re.compile(r"\S {3,}(?=\S)")


def _unbreakable(text: str) -> bool:
    """A line wider than the wrap column that the renderer could not break: one unbroken word (a long link, a
    path; not CJK text, which breaks anywhere) or a table's row (a renderer lays rows out whole)."""
    if not text:
        return True   # a line without text (a bullet glyph alone far right): it says nothing of wrapping
    if " " not in text:
        return not is_cjk(text[0])
    return "   " in text and len(_TABLE_GAP.findall(text)) >= 2


def _prefix_counts(widths: list[int], last: int) -> list[int]:
    """``out[k]``: how many of ``widths`` are below ``k`` (widths over ``last`` share one slot)."""
    hist = [0] * (last + 2)
    for x in widths:
        hist[min(x, last + 1)] += 1
    out = [0]
    for c in hist:
        out.append(out[-1] + c)
    return out


def _first_word_width(s: str) -> int:
    if not s:
        return 0
    if is_cjk(s[0]):
        return char_width(s[0])
    word = s.split(" ", 1)[0]
    return display_width(word)


_DATELINE = re.compile(r"^(published|updated|posted|last updated|first published)\b:?\s.{0,40}\d", re.I)


_SENTENCE_END = tuple(".!?:\"”’»)。！？")


def run_on_paragraphs(lines: list[Line], width: int | None, min_seen: int = 5) -> bool:
    """Does the renderer start a paragraph on the next line, without a blank line between (as
    html2text or a "copy all" do)? Seen at the short last lines of wrapped paragraphs that end a
    sentence: most of them are followed by a blank line in other captures."""
    ends = [not c.text for a, b, c in zip(lines, lines[1:], lines[2:]) if width is not None and a.text and b.text
            and a.width >= width - 20 > b.width and abs(a.indent - b.indent) <= 2 and b.text.endswith(_SENTENCE_END)]
    return len(ends) >= min_seen and sum(ends) < 0.25 * len(ends)


def _new_sentence(prev: Line, nxt: Line) -> bool:
    c = nxt.text[0]
    return prev.text.endswith(_SENTENCE_END) and (c.isupper() or c.isdigit() or c in "\"“‘'(")


def _joins(prev: Line, nxt: Line, width: int | None, run_on: bool = False) -> bool:
    """Was ``prev`` wrapped, with ``nxt`` its continuation? (``run_on``: paragraphs are not set
    apart by blank lines, so a line that ends a sentence with room left is a paragraph's last.) A line of a
    column printed beside another (``text_columns``) has its column's wrap width and joins its column only."""
    if prev.wrap != nxt.wrap:
        return False
    if prev.wrap is not None:
        width = prev.wrap
    if width is None or not prev.text or not nxt.text or nxt.bullet is not None and nxt.indent <= prev.indent \
            or prev.level is not None or nxt.level is not None:
        return False
    if _DATELINE.match(nxt.text) and prev.text.rstrip("\"'”’»)").endswith((".", "!", "?")):
        return False  # "Published 11:34 PM EST Nov 19, 2019" under a paragraph's last sentence
    # the next word would not have fitted on the previous line: the renderer broke the line there
    cjk = is_cjk(prev.text[-1]) or is_cjk(nxt.text[0])
    need = prev.width + (0 if cjk else 1) + _first_word_width(nxt.text)
    # renderers keep a right margin that varies a little (and the measured column can be an
    # outlier's), so a line that ends within a few columns of the wrap column counts as wrapped
    slack = max(6, width // 12)
    if need <= width - slack - (1 if cjk else 0) or run_on and need <= width and _new_sentence(prev, nxt):
        return False
    # continuation lines keep the paragraph's indent, or a bullet item's hanging indent
    if prev.bullet is not None:
        stripped = prev.raw.lstrip()
        text_col = prev.indent + len(stripped) - len(stripped[len(prev.bullet):].lstrip())  # after the bullet
        return abs(nxt.indent - text_col) <= 2 or prev.indent - 2 <= nxt.indent <= prev.indent + 4
    # ... or, for a centred headline wrapped onto a shorter centred line, its middle column
    return abs(nxt.indent - prev.indent) <= 2 or nxt.indent < prev.indent \
        or prev.indent >= 1 and nxt.indent > prev.indent + 2 \
        and abs(prev.indent + prev.width - nxt.indent - nxt.width) <= 2


def _is_hangul(ch: str) -> bool:
    o = ord(ch)
    return 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def _hangul_break_at_space(prev: Line, nxt: Line, width: int | None, words: Counter[str] | None = None) -> bool:
    """Korean puts spaces between words: a wrapped Hangul line that stops short of the wrap column
    was broken at a space (rejoin with one); a full line was cut inside a word (rejoin without).
    "Short" means the next line's first syllable (with the punctuation that may not start a line,
    as in "다.") would still have fitted. A full line is ambiguous (the renderer may have broken at
    a space that fell on the last column): ``words`` (the capture's own words, see
    ``hangul_words``) settles it when the next line starts with a word of two syllables or more
    seen on its own elsewhere, and the two halves glued together are no word seen."""
    if not prev.text or not nxt.text or not (_is_hangul(prev.text[-1]) and _is_hangul(nxt.text[0])):
        return False
    unit = _NO_LINE_START.match(nxt.text, 1)
    if width is not None and prev.width + display_width(nxt.text[:unit.end() if unit else 1]) <= width:
        return True
    if not words:
        return False
    last = _EDGE_PUNCT.sub("", prev.text.rsplit(" ", 1)[-1])
    first = _EDGE_PUNCT.sub("", nxt.text.split(" ", 1)[0])
    return len(first) >= 2 and words[first] > 0 and words[last + first] == 0


_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_HANGUL = re.compile("[\uac00-\ud7af]")


def hangul_words(lines: list[Line]) -> Counter[str] | None:
    """The words of a Korean capture, as printed inside its lines (a line's first and last words may
    be halves of a word cut at the wrap column, so they are not counted); None for other text."""
    if not any(not ln.text.isascii() and _HANGUL.search(ln.text) for ln in lines):   # (ASCII holds no Hangul)
        return None
    words: Counter[str] = Counter(_EDGE_PUNCT.sub("", w) for ln in lines for w in ln.text.split()[1:-1])
    words.pop("", None)
    return words


_NO_LINE_START = re.compile(r"[.,!?;:…」』）)\]”’\"'。、]+")


def _join_sep(a: str, b: str, spaced: bool = False) -> str:
    """What goes between the text so far (``a``, only its last two characters matter) and the
    continuation line ``b``: a space, or nothing."""
    if spaced:
        return " "
    if a and b and (is_cjk(a[-1]) or is_cjk(b[0])) and not (a[-1].isascii() and b[0].isascii()):
        return ""
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and b[:1].islower():
        return ""  # a word hyphenated at the wrap column? keep the hyphen: compounds are commoner
    return " "


#: the width a wrapped line's end may stay short of the wrap column and still count as full width
FULL_WIDTH_SLACK = 15
#: a setext heading's underline is at least this long, and this share of its text's width
UNDERLINE_MIN_CHARS = 3
UNDERLINE_MIN_SHARE = 0.6
#: a line longer than this is a paragraph, never a setext heading
UNDERLINED_MAX_CHARS = 200


class TextBlocks(NamedTuple):
    """A capture cut into blocks: the blocks, the lines they were read from, the wrap column (None when the
    lines were not wrapped) and the runs of columns printed side by side that were read one after the other
    (first and last line as printed)."""
    blocks: list[Block]
    lines: list[Line]
    width: int | None
    columns: list[tuple[int, int]]


def text_blocks(text: str, max_blocks: int = DEFAULT_MAX_BLOCKS, columns: bool = True) -> TextBlocks:
    """Cut a capture into blocks (``TextBlocks``); ``columns``: read columns printed side by side one after
    the other (``text_columns``).

    After ``max_blocks`` blocks the rest of the capture is read as one running block (no word is
    lost; memory stays bounded on captures of 100,000s of lines)."""
    printed = split_lines(split_over_long_lines(unbox_tables(text), max_blocks))
    lines, unfolded = unfold_columns(printed) if columns else (printed, [])
    # (columns printed side by side are unfolded with their own wrap widths: the page's is the other lines')
    width = wrap_width(lines if lines is printed else [ln for ln in lines if ln.wrap is None])
    run_on = run_on_paragraphs(lines, width)
    korean = hangul_words(lines) if width is not None else None
    blocks: list[Block] = []
    cur: list[Line] = []

    def flush(underlined: int = 0) -> None:
        nonlocal cur
        if cur:
            block = _paragraph_block(cur, len(blocks), width, korean, underlined)
            if block is not None:
                blocks.append(block)
        cur = []

    rest: list[Line] = []  # past the budget: the remaining lines with text, read as one block
    for ln in lines:
        if len(blocks) >= max_blocks:
            if not rest:
                rest.extend(cur)
                cur = []
            if ln.text:
                rest.append(ln)
        elif not ln.text:
            flush()
        elif _underlines(cur, ln):
            flush(1 if ln.text[0] == "=" else 2)  # setext heading: a line underlined with === or ---
        elif cur and _joins(cur[-1], ln, width, run_on):
            cur.append(ln)
        elif cur and _continues_with_number(cur, ln, width, run_on):
            cur.append(_as_text(ln))
        else:
            flush()
            cur = [ln]
    flush()
    if rest:
        blocks.append(_rest_block(rest, len(blocks), lines[-1].number))
    blocks = merge_code(merge_tables(blocks))
    _mark_blank_lines_and_headings(blocks)
    return TextBlocks(blocks, lines, width, unfolded)


def _underlines(cur: list[Line], ln: Line) -> bool:
    """``ln`` is a row of === or --- under the one line read so far: a setext heading."""
    return (len(cur) == 1 and ln.bullet is None and _UNDERLINE.match(ln.text) is not None
            and len(ln.text) >= UNDERLINE_MIN_CHARS
            and display_width(ln.text) >= UNDERLINE_MIN_SHARE * display_width(cur[0].text)
            and len(cur[0].text) <= UNDERLINED_MAX_CHARS)


def _joined_text(cur: list[Line], width: int | None, korean: Counter[str] | None) -> str:
    """The lines of one paragraph as one text (joined piece by piece and concatenated once: a paragraph
    of many thousand wrapped lines stays linear)."""
    first = cur[0]
    if len(cur) == 1:
        body = first.text
    else:
        parts, tail = [first.text], first.text[-2:]
        for prev, ln in zip(cur, cur[1:]):
            sep = _join_sep(tail, ln.text, spaced=_hangul_break_at_space(prev, ln, width, korean))
            parts += (sep, ln.text)
            tail = (tail + sep + ln.text)[-2:]
        body = "".join(parts).strip()
    if " ." in body or " ," in body:
        body = _SPACE_BEFORE_STOP.sub("", body)
    return body


def _paragraph_block(cur: list[Line], index: int, width: int | None, korean: Counter[str] | None,
                     underlined: int) -> Block | None:
    """The block of the lines ``cur`` (a paragraph, list item or heading; ``underlined``: the level of
    the setext underline under them, 0 for none), or None when they hold no text."""
    first = cur[0]
    body = _joined_text(cur, width, korean)
    if first.wrap is not None:
        width = first.wrap
    kind = "list_item" if first.bullet is not None else "paragraph"
    level = None
    m = _MD_HEADING.match(body) if first.bullet is None and len(cur) == 1 and body[:1] == "#" else None
    if m:
        kind, level, body = "heading", len(m.group(1)), m.group(2)
    elif underlined and first.bullet is None and len(cur) == 1:
        kind, level = "heading", underlined
    elif first.level is not None:
        kind, level = "heading", first.level
    if not body:
        return None
    feats = {
        "line_start": first.number, "line_end": cur[-1].number + (1 if underlined else 0),
        "n_lines": len(cur), "indent": first.indent, "bullet": first.bullet, "wrapped": width is not None,
        "full_width": width is not None and cur[-1].width >= width - FULL_WIDTH_SLACK,
        "linked_words": sum(ln.linked for ln in cur),
    }
    if level is not None:
        feats["level"] = level
    return Block(index=index, text=body, kind=kind, features=feats)


def _rest_block(rest: list[Line], index: int, last_line: int) -> Block:
    """The lines past the block budget as one running block (no joining rules: whether these lines were
    wrapped is not known)."""
    return Block(index, " ".join(ln.text for ln in rest), "paragraph",
                 {"line_start": rest[0].number, "line_end": last_line, "n_lines": len(rest),
                  "indent": 0, "bullet": None, "wrapped": False, "full_width": False, "linked_words": 0})


def _mark_blank_lines_and_headings(blocks: list[Block]) -> None:
    """``blank_before`` / ``blank_after`` from the blocks' line numbers (simple and exact), and headings
    by their shape."""
    prev_end = -2
    for b in blocks:
        b.features["blank_before"] = b.features["line_start"] != prev_end + 1
        prev_end = b.features["line_end"]
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        b.features["blank_after"] = nxt is None or nxt.features["line_start"] != b.features["line_end"] + 1
        if _looks_like_heading(b):
            b.kind = "heading"


def _looks_like_heading(b: Block) -> bool:
    """A lone short line with blank lines around it and no sentence ending: a (sub)heading."""
    if b.kind != "paragraph" or b.features.get("n_lines") != 1:
        return False
    if not (b.features.get("blank_before") and b.features.get("blank_after")):
        return False
    t = b.text
    if len(t) > 90 or t.endswith(_END_PUNCT) or t.endswith(",") or sum(map(str.isalpha, t)) < 2 \
            or t[0] in "—–-\"“‘'(@[" or "@" in t:
        return False
    return len(t.split()) <= 10
