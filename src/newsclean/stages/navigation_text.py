"""Navigation and chrome removal inside a text capture's body region.

The boilerplate stage keeps the run of blocks that holds the article; menus, teaser lists, share
bars, promos and end matter that sit inside or at the edges of that run are dropped here:

* an end marker ("Related articles", "Most Popular", "Comments", "About the Author", ...) seen
  after most of the body's prose ends the body: it and what follows are dropped;
* short interface labels ("Advertisement", "Share", "... Button Icon", "See full bio");
* runs of short bullet items (menus, tag lists, share bars);
* promotional / call-to-action / legal paragraphs ("Register now", "Subscribe", "© ... All rights
  reserved") when they are short or sit at the end of the body.
Phrase lists are data files (``data/text_*.txt``), matched whole-line or as substrings.
"""
from __future__ import annotations

import re
from typing import Any

from newsclean.page import Block, Page
from newsclean.stages.boilerplate_text import is_end_marker, normal_label, phrases, promo_hits, prose_of, word_count

_ICON = re.compile(r"\b(icon|button|arrow|chevron|caret)\b", re.I)
_BIO = re.compile(
    r"^[A-Z][\w.'’\- ]{1,60}\b(is|was|has been|writes|covers)\b[^.]{0,80}\b("
    r"reporter|writer|editor|correspondent|contributor|columnist|journalist|author|producer|"
    r"freelancer|blogger|critic|analyst|intern)\b")
_CONTACT = re.compile(r"\b(may be reached at|can be reached at|reach (him|her|them) at|follow (him|her|them) on|"
                      r"email (him|her|them) at)\b|\S+@\S+\.\w{2,}", re.I)
_CAPTION_HEAD = re.compile(r"^((image|photo|picture|media) (caption|copyright|credit|source)|"
                           r"(twitter|instagram|facebook|tiktok|youtube) (post|video) by|"
                           r"(above|below|pictured|top|bottom|left|right|main image|photo|image)\s*:)", re.I)
_FOLLOW = re.compile(r"^(follow|like|join)\b.{0,80}\b(twitter|facebook|instagram|youtube|linkedin|tiktok)\b", re.I)
_CREDIT = re.compile(r"(\((image|photo|picture|foto|credit|source|video)s?\s*:[^)]*\)|"
                     r"\b(getty images|ap photo|afp|reuters|shutterstock|istock|epa)\b[^.!?]{0,30})\s*$", re.I)
_CAPTION_TAIL = re.compile(
    r"(\[[^\]\s]*\.(jpe?g|png|gif|webp)[^\]\s]*\]"                       # [file-name.jpg]
    r"|credit\.\.\.?.{0,80}"                                            # Credit...Name/Agency
    r"|[.!?”\"’][A-Z][^.!?]{2,60}"                                        # said.Pier Marco Tacca/Getty Images
    r"|[A-Z][\w.\-]*( [A-Z][\w.\-]*)* ?/ ?[A-Z][\w.\-/ ]{1,40}\)?"         # Name / AP file, NASA/JPL-Caltech/ASU
    r")\s*$")
_BRACKETED = re.compile(r"(\[[^\]]*\]\s*)+|([\w\-./%]+\.(jpe?g|png|gif|webp|svg)\b\S*\s*)+", re.I)
_TIMESTAMP = re.compile(r"^(\d+\s*(s|m|h|d|min|mins|hr|hrs|hours?|days?|minutes?)\s*(ago)?|\d+[hmd] ago)$", re.I)


def is_ui_label(block: Block) -> bool:
    text = block.text
    if len(text) <= 300 and (not any(c.isalnum() for c in text) or _BRACKETED.fullmatch(text)):
        return True  # rules, separators, lone glyphs, [image] / [ad] placeholders, file names
    if word_count(text) > 6 or len(text) > 60:
        return False
    label = normal_label(text)
    if not label:
        return len(text) <= 2
    if label in phrases("ui_labels"):
        return True
    if _ICON.search(text) and not text.rstrip().endswith((".", "!", "?")):
        return True  # "Down Arrow Button Icon", "See full bioRight Arrow Button Icon"
    low = label.lower()
    if low.startswith(("see full bio", "share on ", "follow us", "sign up for", "subscribe to")):
        return True
    return bool(_TIMESTAMP.match(label))


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


def drop_navigation(page: Page, options: Any, stage: str) -> None:
    blocks = [b for b in page.blocks if b.kept]
    if not blocks:
        return
    prose = {b.index: prose_of(b) for b in blocks}
    total = sum(p.words for b in blocks if (p := prose[b.index]).prose)

    # 1. an end marker after most of the body ends it
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
        if p.prose:
            seen += p.words
            continue
        if not b.kept:
            continue  # already dropped under an earlier marker
        insert = is_end_marker(b, "insert_markers")
        bio = seen >= 0.5 * total and p.words <= 40 and bool(_BIO.match(b.text))
        if seen >= 30 and not insert and (bio or is_end_marker(b)):
            k = next_prose[i + 1] if i + 1 < len(blocks) else len(blocks)  # skip the list under it
            rest = suffix_words[k]
            dense_before = seen / max(1, i)
            dense_after = rest / max(1, len(blocks) - k)
            hard = normal_label(b.text) in phrases("hard_end_markers")
            if hard or rest < seen or (dense_after < 0.6 * dense_before and seen >= 0.3 * total):
                for x in blocks[i:]:
                    what = "author bio" if bio else "end marker"
                    page.drop(x, stage, f"end matter after the {what} {b.text[:40]!r} (block {b.index})")
                blocks = blocks[:i]
                break
        if not bio and (insert or is_end_marker(b)):
            # the body goes on: drop the marker and the teaser list right under it
            page.drop(b, stage, f"heading of an inserted teaser box {b.text[:40]!r}")
            for x in blocks[i + 1:]:
                if prose[x.index].prose:
                    break
                page.drop(x, stage, f"teaser list under {b.text[:40]!r} (block {b.index})")

    # 2. interface labels
    for b in blocks:
        if not prose[b.index].prose and is_ui_label(b):
            page.drop(b, stage, f"interface label {b.text[:40]!r}")

    # 2b. photo captions: "Image caption ...", "... (Photo: AP)", "...said.Name/Getty Images"
    for b in blocks:
        if not b.kept or word_count(b.text) > 60:
            continue
        tail = _CAPTION_TAIL.search(b.text)
        open_tail = tail is not None and not b.text.rstrip().endswith((".", "!", "?", "”", '"'))
        if _CREDIT.search(b.text) or _CAPTION_HEAD.match(b.text) or open_tail:
            page.drop(b, stage, "photo caption or credit")

    # 3. runs of short bullet items: menus, tag lists, share bars
    if getattr(options, "text_drop_bullets", True):
        for run in _bullet_runs([b for b in blocks if b.kept]):
            words = sorted(prose[b.index].words for b in run)
            median = words[len(words) // 2]
            if median <= 5 or not any(prose[b.index].prose for b in run):
                for b in run:
                    page.drop(b, stage, "navigation bullet (a run of short list items)")

    # 4. promo / call-to-action / legal paragraphs, author bios at the end
    kept = [b for b in blocks if b.kept]
    seen = 0
    for b in kept:
        p = prose[b.index]
        seen += p.words if p.prose else 0
        hits = promo_hits(b.text)
        late = total and seen >= 0.8 * total
        if (hits and (p.words <= 25 or hits >= 2 or late)) or (_FOLLOW.match(b.text) and p.words <= 30):
            page.drop(b, stage, "promotional, call-to-action or legal text")
        elif late and (_BIO.match(b.text) or _CONTACT.search(b.text)) and p.words <= 80:
            page.drop(b, stage, "author bio or contact line at the end of the body")

    # 5. what is left after the last body paragraph that is not prose
    kept = [b for b in blocks if b.kept]
    if not any(prose[b.index].prose for b in kept):
        return  # no body paragraph at all: nothing to measure the tail against
    for b in reversed(kept):
        if prose[b.index].prose:
            break
        page.drop(b, stage, "short line after the last body paragraph")
