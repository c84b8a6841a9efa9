"""Navigation and chrome removal inside a text capture's body region.

The boilerplate stage keeps the run of blocks that holds the article; menus, teaser lists, share
bars, promos and end matter that sit inside or at the edges of that run are dropped here:

* an end marker ("Related articles", "Most Popular", "Comments", "About the Author", ...) seen
  after most of the body's prose ends the body: it and what follows are dropped (not an entry of a
  share bar); so does a press release's closing company description ("Acme is a leading ...");
* a short summary (dek) printed above the byline, when the body starts under the byline (past the
  author box's lines: its handle and e-mail lines go too);
* short interface labels ("Advertisement", "Share", "... Button Icon", "5 min ago") and
  "Related: <headline>" link lines;
* runs of short bullet items (menus, tag lists, share bars), but not one or two bulleted points
  between paragraphs ("Get it on Amazon for $39.99") nor a list announced by a lead-in;
* promotional / call-to-action / legal paragraphs ("Register now", "Subscribe", "© ... All rights
  reserved") when they are short or sit at the end of the body, with the short heading right above
  such a box ("Breaking News Emails").
Phrase lists are data files (``data/text_*.txt``), matched whole-line or as whole words.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from newsclean.features.text import (
    LETTERS,
    Prose,
    first_letters,
    in_menu,
    is_end_marker,
    label_of,
    phrase_set,
    phrases,
    placeholder,
    promo_hits_of,
    prose_of,
    words_of,
)
from newsclean.load.text_code import CODE
from newsclean.normalize.prefilter import ascii_prefixes, may_begin
from newsclean.page import Block, DropKind, Page
from newsclean.stages.boilerplate.text import ANNOUNCED, EMBED
from newsclean.stages.navigation.alt_text import alt_text_like, closing_credit, printed_twice
from newsclean.strings import holds_any

_ICON = re.compile(r"\b(icon|button|arrow|chevron|caret)\b", re.I)
_BIO = re.compile(
    r"^[A-Z][\w.'’\- ]{1,60}\b(is|was|has been|writes|covers)\b[^.]{0,80}\b("
    r"reporter|writer|editor|correspondent|contributor|columnist|journalist|author|producer|"
    r"freelancer|blogger|critic|analyst|intern)\b")
_COMPANY = re.compile(
    r"^(?:[A-Z][\w&.'’\-]*,? ){0,4}(?:\([^)]{2,40}\) )?(?:is|are) (?:a|an|the|one of the) "
    r"(?:[\w\-’']+ ){0,6}?(?:leading|global|world'?s|international|largest|premier|provider|company|"
    r"manufacturer|developer|maker|supplier|firm|group|operator|platform)\b")
#: a closing company description ("Acme is a leading ...") has at least this many times its own prose (and
#: the prose after it) before it: in a list of companies, places or products, where every entry opens like one
#: ("Hertz is one of the largest car rental companies ..."), a third to half of the story still follows
#: (on the tune captures the press releases' boxes had under 0.15 of the prose before them after, the
#: listicles' entries 0.4-0.9)
COMPANY_TAIL = 4.0
#: the heading of a box of links to other stories ("Related", "You may also like", "Read next"); set in an
#: article's middle, the story goes on under its teaser list ("See also", "Also read" are insert markers, which
#: never end the story: ``_drop_end_matter`` does not ask)
_TEASER_BOX = re.compile(r"^(related\b|you (may|might) also like|read next|recommended|more (from|in|by)\b|"
                         r"further reading|most popular|read more)")
#: prose words below such a box, at the density of the prose above it at least (``CONTINUED_DENSITY`` of
#: it), that make it a box inside the story rather than its end: a few paragraphs. Session 23, tune captures
#: (WCXB and ScrapingHub, w3m and lynx): 4 stories were cut at an inline "Related" box (450-800 words of
#: their prose below it, as dense as above); the true ends under such a heading had under 300 words of prose
#: below, or sparser prose (teaser blurbs)
CONTINUED_WORDS = 300
CONTINUED_DENSITY = 0.8
_CONTACT_PHRASES = (r"\b(may be reached at|can be reached at|reach (him|her|them) at|follow (him|her|them) on|"
                    r"email (him|her|them) at)\b")
_CONTACT = re.compile(_CONTACT_PHRASES + r"|\S+@\S+\.\w{2,}", re.I)
_CAPTION_HEAD = re.compile(r"^((image|photo|picture|media) (caption|copyright|credit|source)|"
                           r"(twitter|instagram|facebook|tiktok|youtube) (post|video) by|"
                           r"(above|below|pictured|top|bottom|left|right|main image|photo|image)\s*:)", re.I)
_FOLLOW = re.compile(r"^(follow|like|join)\b.{0,80}\b(twitter|facebook|instagram|youtube|linkedin|tiktok)\b", re.I)
#: ``_FOLLOW``'s first words for ``prefilter.may_begin`` (set below, after its import)
_FOLLOW_WORDS = ("follow", "like", "join")


def _follow_line(text: str) -> bool:
    """``_FOLLOW.match(text)``, the regex spared where none of its first words starts the text."""
    return may_begin(text, _FOLLOW_PREFIXES, len("follow")) and _FOLLOW.match(text) is not None
_CREDIT = re.compile(r"(\((image|photo|picture|foto|credit|source|video)s?\s*:[^)]*\)|"
                     r"\b(getty images|ap photo|afp|reuters|shutterstock|istock|epa)\b[^.!?]{0,30})\s*$", re.I)
_TAIL_PARTS = (
    r"\[[^\]\s]*\.(jpe?g|png|gif|webp)[^\]\s]*\]",                         # [file-name.jpg]
    r"credit\.\.\.?.{0,80}",                                              # Credit...Name/Agency
    r"[.!?”\"’][A-Z][^.!?]{2,60}",                                          # said.Pier Marco Tacca/Getty Images
    r"[A-Z][\w.\-]*( [A-Z][\w.\-]*)* ?/ ?[A-Z][\w.\-/ ]{1,40}\)?",           # Name / AP file, NASA/JPL-Caltech/ASU
)
_CAPTION_TAIL = re.compile("(" + "|".join(_TAIL_PARTS) + r")\s*$")
# the last part needs a "/" and costs most (it backtracks at every capital): a text without one is searched
# with the others only (the same answer)
_CAPTION_TAIL_NO_SLASH = re.compile("(" + "|".join(_TAIL_PARTS[:-1]) + r")\s*$")
_TIMESTAMP = re.compile(r"^(\d+\s*(s|m|h|d|min|mins|hr|hrs|hours?|days?|minutes?)\s*(ago)?|\d+[hmd] ago)$", re.I)


_ICON_WORDS = ("icon", "button", "arrow", "chevron", "caret")


def _has_icon_word(text: str) -> bool:
    """A cheap test before ``_ICON``: the pattern needs one of its words (case-folded)."""
    low = text.casefold()
    return holds_any(low, _ICON_WORDS)


_UI_STARTS = ("see full bio", "share on ", "follow us", "sign up for", "subscribe to")


@cache
def _ui_first_words() -> frozenset[str]:
    return frozenset(m.group() for p in phrases("ui_labels") + _UI_STARTS if (m := LETTERS.search(p)))


@cache
def _link_prefix() -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(phrases("link_prefixes"), key=len, reverse=True))
    return re.compile(rf"^(?:{alts})(?: [^\W\d_]+){{0,2}}: +\S", re.I) if alts else re.compile(r"(?!)")


def link_line(text: str) -> bool:
    """ "Related: The 15 Weirdest Galaxies", "Watch live: Sondland testifies" (no sentence after it)."""
    # (the pattern ends with a colon and a space: a text without both together has no prefix)
    return ": " in text and bool(_link_prefix().match(text)) and not text.rstrip().endswith((".", "!", "?"))


# words one of ``_CREDIT``'s patterns needs (case-folded): a text without any cannot match it
_CREDIT_WORDS = ("(", "getty images", "ap photo", "afp", "reuters", "shutterstock", "istock", "epa")


def caption_like(text: str) -> bool:
    """A photo caption or credit: "Image caption ...", "... (Photo: AP)", "...said.Name/Getty Images".
    (The patterns are tried only where they can match: a text ending a sentence has no open tail, and
    a credit needs a bracket or an agency's name.)"""
    if not text.rstrip().endswith((".", "!", "?", "”", '"')) and _may_end_caption(text) and \
            (_CAPTION_TAIL if "/" in text else _CAPTION_TAIL_NO_SLASH).search(text):
        return True
    low = text.casefold()
    return bool(holds_any(low, _CREDIT_WORDS) and _CREDIT.search(text) or _may_head_caption(text) and
                _CAPTION_HEAD.match(text) or closing_credit(text, low))


#: the first letters of ``_CAPTION_HEAD``'s words
_CAPTION_HEAD_FIRSTS = frozenset("imptfyablr")
#: ``_TAIL_PARTS``' third part: a stop or a quote, a capital, then at most this many characters to the end
_STOP_TAIL = 62
_STOP_CAPITAL = re.compile(r"[.!?”\"’][A-Z]")


def _may_end_caption(text: str) -> bool:
    """Can ``_CAPTION_TAIL`` find a tail? Its first part needs a "[", its second "credit..", its fourth
    a "/", and its third a stop or a quote with a capital after it among the last ``_STOP_TAIL``
    characters before the trailing white space (what follows the capital up to the end is 2 to 60
    characters, none a stop, then white space)."""
    if "[" in text or "/" in text or "credit.." in text:
        return True
    end = len(text.rstrip())
    return _STOP_CAPITAL.search(text, max(0, end - _STOP_TAIL)) is not None


def _may_head_caption(text: str) -> bool:
    """Can ``_CAPTION_HEAD`` (case-blind) match? Its words start with one of ``_CAPTION_HEAD_FIRSTS``:
    an ASCII first character must be one of them (other text goes to the pattern)."""
    first = text[:1]
    return not first.isascii() or first.lower() in _CAPTION_HEAD_FIRSTS and \
        may_begin(text, _CAPTION_HEAD_PREFIXES, _CAPTION_HEAD_LONGEST)


#: the words ``_CAPTION_HEAD``'s readings start with (``prefilter.may_begin``: the pattern's first word, whole)
_CAPTION_HEAD_WORDS = ("image", "photo", "picture", "media", "twitter", "instagram", "facebook", "tiktok", "youtube",
                       "above", "below", "pictured", "top", "bottom", "left", "right", "main image")
_CAPTION_HEAD_PREFIXES = ascii_prefixes(_CAPTION_HEAD_WORDS)
_FOLLOW_PREFIXES = ascii_prefixes(_FOLLOW_WORDS)
_CAPTION_HEAD_LONGEST = max(map(len, _CAPTION_HEAD_WORDS))


_BIO_VERBS = (" is ", " was ", " has been ", " writes ", " covers ")
#: ``_CONTACT``'s two halves apart, each behind its own substring test: its phrases (which need one of
#: ``_PHRASE_WORDS`` in the lower-cased text) and an e-mail address (which needs an "@"), found where the
#: whole pattern tried its ``\S+`` at every character of every word first; ``(?<=\S)@\S+\.\w{2}`` finds
#: an address exactly where ``\S+@\S+\.\w{2,}`` does
_CONTACT_PHRASE = re.compile(_CONTACT_PHRASES, re.I)
_EMAIL = re.compile(r"(?<=\S)@\S+\.\w{2}")
_PHRASE_WORDS = ("reach", "follow", "email")


def contact_like(text: str) -> bool:
    """An author bio ("Jane Doe is a reporter ...") or a contact line ("reach her at ...", an e-mail).
    (Substring tests first: the patterns cannot match a text without one of these words.)"""
    if "A" <= text[:1] <= "Z" and holds_any(text, _BIO_VERBS) and _BIO.match(text):   # (``_BIO`` starts so)
        return True
    if "@" in text and _EMAIL.search(text) is not None:
        return True
    return holds_any(text.lower(), _PHRASE_WORDS) and _CONTACT_PHRASE.search(text) is not None


def is_ui_label(block: Block) -> bool:
    text = block.text
    if placeholder(text):
        return True  # rules, separators, lone glyphs, [image] / [ad] placeholders, file names
    if len(text) > 60 or words_of(block) > 6:
        return False
    if not text.rstrip().endswith((".", "!", "?")) and _has_icon_word(text) and _ICON.search(text):
        return True  # "Down Arrow Button Icon", "See full bioRight Arrow Button Icon"
    stripped = text.strip()
    if stripped[:1].isdecimal() and _TIMESTAMP.match(stripped):   # (``_TIMESTAMP`` starts with a digit)
        return True  # "5 min ago", "2h ago"
    first = first_letters(text)
    if first is not None and first.lower() not in _ui_first_words():
        return False  # no label starts with this word (the label keeps the text's first word)
    label = label_of(block)
    if not label:
        return len(text) <= 2
    return label in phrase_set("ui_labels") or label.startswith(_UI_STARTS)


def _bullet_runs(blocks: list[Block]) -> list[list[Block]]:
    runs: list[list[Block]] = []
    cur: list[Block] = []
    for b in blocks:
        if b.kind == "list_item":
            cur.append(b)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _inline_points(kept: list[Block], at: int, run: list[Block], prose: dict) -> bool:
    """One or two bulleted lines of several words between a body paragraph and more text ("Get it on Amazon
    for $39.99", "Sign up for the bundle using the same email") are points of the text, not a menu.
    ``at`` is the position of the run's first item in ``kept``."""
    if len(run) > 2 or any(prose[b.index].words < 4 for b in run):
        return False
    before = kept[at - 1] if at > 0 else None
    after = kept[at + len(run)] if at + len(run) < len(kept) else None
    return before is not None and after is not None and prose[before.index].prose and prose[after.index].words >= 4


def _box_heading(b: Block, p: Any) -> bool:
    """A short heading right above a promo paragraph ("Breaking News Emails" over "Get breaking
    news alerts ... SUBSCRIBE") is the title of that box."""
    return b.kept and b.kind == "heading" and not p.prose and p.words <= 6 and not p.sentence_end \
        and not b.features.get(ANNOUNCED) and not b.features.get(EMBED)


_BYLINE = re.compile(r"^(by|von|par|por|di|door|av|przez)\b|\b(updated|published)\b|\b\d{4}\b|\d:\d\d", re.I)


def _drop_dek(page: Page, kept: list[Block], prose: dict, stage: str) -> None:
    """The first paragraph, short, then a byline or dateline, then the body: the first paragraph is
    the article's summary (dek), printed above the byline; the text starts under it."""
    if len(kept) < 4 or not prose[kept[0].index].prose or prose[kept[0].index].words > 50:
        return
    for j in range(1, min(len(kept), 6)):
        p = prose[kept[j].index]
        if p.prose:
            return  # a paragraph before any byline: the first one was the lede
        if p.words <= 12 and _BYLINE.search(kept[j].text):
            # the body starts under the byline, past the short lines of an author box (name,
            # outlet, handle, e-mail)
            k = j + 1
            while k < min(len(kept), j + 9) and not prose[kept[k].index].prose \
                    and (prose[kept[k].index].words <= 8 or _BYLINE.search(kept[k].text)):
                k += 1
            box = k < len(kept) and prose[kept[k].index].prose
            if box or any(prose[b.index].prose for b in kept[j + 1:j + 4]):
                page.drop(kept[0], stage, f"summary above the byline {kept[j].text[:40]!r}")
            if box:
                for b in kept[j + 1:k]:
                    if _CONTACT.search(b.text) or b.text.startswith("@"):
                        page.drop(b, stage, "contact line of the author box under the byline")
            return


def drop_navigation(page: Page, options: Any, stage: str) -> None:
    blocks = [b for b in page.blocks if b.kept]
    if not blocks:
        return
    prose = {b.index: prose_of(b) for b in blocks}
    total = sum(p.words for b in blocks if (p := prose[b.index]).prose)
    blocks = _drop_end_matter(page, blocks, prose, total, stage)                 # 1
    _drop_dek(page, [b for b in blocks if b.kept], prose, stage)               # 1b
    # (a code listing's lines are the article's, whatever they look like: rules 2 and 4 leave it alone)
    _drop_labels_links_captions(page, [b for b in blocks if not b.features.get(CODE)], prose, stage)  # 2, 2b
    if getattr(options, "text_drop_bullets", True):
        _drop_bullet_runs(page, [b for b in blocks if b.kept], prose, stage)   # 3
    _drop_promos(page, [b for b in blocks if b.kept], prose, total, stage)     # 4
    _drop_tail(page, [b for b in blocks if b.kept], prose, stage)              # 5


def _drop_end_matter(page: Page, blocks: list[Block], prose: dict[int, Prose], total: int,
                     stage: str) -> list[Block]:
    """1. An end marker ("Related stories", "About the author", a company boilerplate) after most of the
    body ends it: it and everything after go. A marker with more body below is an inserted teaser box:
    it and the teaser list under it go. Returns the blocks before the end matter."""
    n = len(blocks)
    suffix_words = [0] * (n + 1)   # prose words from block i on
    next_prose = [n] * (n + 1)     # first prose block at or after i
    for i in range(n - 1, -1, -1):
        p = prose[blocks[i].index]
        suffix_words[i] = suffix_words[i + 1] + (p.words if p.prose else 0)
        next_prose[i] = i if p.prose else next_prose[i + 1]
    seen = 0
    for i, b in enumerate(blocks):
        p = prose[b.index]
        if p.prose and b.kept and seen >= max(100, 0.5 * total, COMPANY_TAIL * suffix_words[i]) \
                and _COMPANY.match(b.text):
            # a press release's closing "Acme is a leading provider of ..." box
            for x in blocks[i:]:
                page.drop(x, stage, f"end matter from the company description {b.text[:40]!r} (block {b.index})",
                          kind=DropKind.END_MATTER)
            return blocks[:i]
        if p.prose:
            seen += p.words
            continue
        if not b.kept:
            continue  # already dropped under an earlier marker
        insert = is_end_marker(b, "insert_markers")
        end = is_end_marker(b)
        bio = seen >= 0.5 * total and p.words <= 40 and bool(_BIO.match(b.text))
        if not (insert or end or bio) or in_menu(page.blocks, b.index):
            continue  # not a marker, or "Comments" in a share bar
        if seen >= 30 and not insert and (bio or end):
            k = next_prose[i + 1] if i + 1 < len(blocks) else len(blocks)  # skip the list under it
            rest = suffix_words[k]
            dense_before = seen / max(1, i)
            dense_after = rest / max(1, len(blocks) - k)
            label = label_of(b)
            hard = label in phrase_set("hard_end_markers")
            goes_on = rest >= CONTINUED_WORDS and dense_after >= CONTINUED_DENSITY * dense_before and \
                not bio and _TEASER_BOX.match(label) is not None
            if hard or (rest < seen and not goes_on) or (dense_after < 0.6 * dense_before and seen >= 0.3 * total):
                for x in blocks[i:]:
                    what = "author bio" if bio else "end marker"
                    page.drop(x, stage, f"end matter after the {what} {b.text[:40]!r} (block {b.index})",
                              kind=DropKind.END_MATTER)
                return blocks[:i]
        if not bio and (insert or end):
            # the body goes on: drop the marker and the teaser list right under it
            page.drop(b, stage, f"heading of an inserted teaser box {b.text[:40]!r}")
            bulleted = i + 1 < len(blocks) and blocks[i + 1].kind == "list_item"
            for x in blocks[i + 1:]:
                if prose[x.index].prose and not (bulleted and x.kind == "list_item"):
                    break  # (a bulleted teaser list right under the heading goes whole: headlines can end with "!")
                page.drop(x, stage, f"teaser list under {b.text[:40]!r} (block {b.index})")
    return blocks


def _drop_labels_links_captions(page: Page, blocks: list[Block], prose: dict[int, Prose], stage: str) -> None:
    """2. Interface labels and "Related: <headline>" links; 2b. photo captions ("Image caption ...",
    "... (Photo: AP)", "...said.Name/Getty Images") and image descriptions ("Screenshot of ...")."""
    for b in blocks:
        if not prose[b.index].prose and is_ui_label(b):
            page.drop(b, stage, f"interface label {b.text[:40]!r}")
        elif words_of(b) <= 25 and link_line(b.text):
            page.drop(b, stage, "link to another article")
    for b in blocks:
        if not b.kept or b.features.get(EMBED):
            continue
        words = words_of(b)
        if words <= 60 and caption_like(b.text):
            page.drop(b, stage, "photo caption or credit")
        elif alt_text_like(b.text, words):
            page.drop(b, stage, "image description (the picture's alternative text)")
        elif printed_twice(b.text, words):
            page.drop(b, stage, "image text printed twice (the picture's alternative text and its echo)")


def _drop_bullet_runs(page: Page, kept: list[Block], prose: dict[int, Prose], stage: str) -> None:
    """3. Runs of short bullet items: menus, tag lists, share bars (not a list the body announces)."""
    position = {b.index: i for i, b in enumerate(kept)}
    for run in _bullet_runs(kept):
        words = sorted(prose[b.index].words for b in run)
        median = words[len(words) // 2]
        if _inline_points(kept, position[run[0].index], run, prose) or \
                all(b.features.get(ANNOUNCED) for b in run):
            continue
        if median <= 5 or not any(prose[b.index].prose for b in run):
            for b in run:
                page.drop(b, stage, "navigation bullet (a run of short list items)", kind=DropKind.NAV_BULLET)


def _drop_promos(page: Page, kept: list[Block], prose: dict[int, Prose], total: int, stage: str) -> None:
    """4. Promo, call-to-action and legal paragraphs; author bios and contact lines at the end."""
    seen = 0
    for i, b in enumerate(kept):
        p = prose[b.index]
        seen += p.words if p.prose else 0
        if b.features.get(CODE):
            continue
        hits = promo_hits_of(b)
        late = total and seen >= 0.8 * total
        if (hits and (p.words <= 25 or hits >= 2 or late)) or (p.words <= 30 and _follow_line(b.text)):
            page.drop(b, stage, "promotional, call-to-action or legal text", kind=DropKind.PROMO)
            if i > 0 and _box_heading(kept[i - 1], prose[kept[i - 1].index]):
                page.drop(kept[i - 1], stage, f"heading of the promotional box {b.text[:40]!r}")
        elif late and (_BIO.match(b.text) or _CONTACT.search(b.text)) and p.words <= 80:
            page.drop(b, stage, "author bio or contact line at the end of the body")


def _drop_tail(page: Page, kept: list[Block], prose: dict[int, Prose], stage: str) -> None:
    """5. What is left after the last body paragraph that is not prose (nothing when there is no body
    paragraph at all: no tail to measure)."""
    if not any(prose[b.index].prose for b in kept):
        return
    for b in reversed(kept):
        if prose[b.index].prose or b.features.get(ANNOUNCED) or b.features.get(EMBED):
            break
        page.drop(b, stage, "short line after the last body paragraph")
