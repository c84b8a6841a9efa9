"""Stage 'dates': published and modified dates, kept apart, for both kinds.

HTML: JSON-LD datePublished, then <meta> dates (article:published_time, Dublin Core, ...), then
microdata and <time> elements, then dates printed next to the headline, then a date in the URL
path, then (nothing else found) a date in JSON embedded for scripts, a "last edited" line and, weakest,
a lone date-and-time stamp an inline script writes out. A printed date that two markup sources back
beats a first markup source standing alone; a forum profile's "Registriert: ..." is no story date. <time>
elements in comments and menus and "Updated ..." stamps are not the story's date; a printed date that
is the markup's date with day and month read the other way round does not override it. When the
only date printed under the headline is the later day the markup calls dateModified and the markup's
published day is printed nowhere, the printed date wins (the page presents it as the story's date);
when the markup's published dates contradict each other, the one date the text labels "Published"
settles it. Text
captures: the date printed with the byline, just under the headline, share buttons between them
not counted ("Updated" lines go to ``modified``; such a date is published only when the page labels no
other date "Published"). A stated zone gives a tz-aware datetime (named zones DST-correct). Implausible
dates (before 1990, in the future) are rejected. Dateline blocks near the headline leave the body
with role "dateline"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from newsclean import handoffs
from newsclean.normalize.dates import find_dates, plausible, url_date
from newsclean.normalize.language import guess_language
from newsclean.page import Block, Page
from newsclean.stages.base import Stage
from newsclean.stages.dates import rank as date_rank
from newsclean.stages.dates.labels import labelled_published
from newsclean.stages.dates.scripts import from_script_stamps, from_scripts, plausible_parse
from newsclean.stages.title import is_byline_text, is_dateline_text
from newsclean.strings import has_digit

# (also glued to the word before, inline elements printed without a space: "Senior AnalystUpdated Sep 17")
_UPDATED = re.compile(r"(?:\b|(?-i:(?<=[a-zà-ÿ])(?=U)))(?:updated?|aktualisiert|modifi|mis à jour|actualizad|"
                      r"aggiornat|atualizad|bijgewerkt|last edited|zuletzt)", re.I)
_ASIDE_HINT = re.compile(r"comment|kommentar|reply|antwort|\bnav|navbar|menu|masthead|topbar", re.I)
_TIME_HINT = re.compile(r"publish|date|time|datum|posted|meta|byline|created", re.I)
# a member profile next to a forum post or comment: the date someone joined is no story's date
_PROFILE = re.compile(r"\b(?:registriert|registered|joined|member since|mitglied seit|dabei seit|inscrit|"
                      r"registrado|iscritto)\b\s*(?:on|am|le|el|il)?\s*:?\s*$", re.I)


def _ui_line(text: str) -> bool:
    """A share button, counter or image label a capture prints between headline and dateline
    ("Facebook", "[fb_c]", "3.409"): short, no date; it does not use up the search budget."""
    t = text.strip()
    return len(t) <= 30 and (not has_digit(t) or not any(c.isalpha() for c in t)
                             or t.startswith("["))


def _swapped(a: datetime, b: datetime) -> bool:
    """Are the two dates the same day with day and month read the other way round?"""
    return a.year == b.year and a.day != a.month and (a.day, a.month) == (b.month, b.day)


def _backed(day: object, stated: list[tuple[datetime, str]]) -> list[tuple[datetime, str]]:
    """The stated candidates (distinct sources) that fall on ``day``."""
    seen: set[str] = set()
    out = []
    for dt, src in stated:
        if dt.date() == day and src not in seen:
            seen.add(src)
            out.append((dt, src))
    return out


def _printed(page: Page, days: set[date], dayfirst: bool | None) -> bool:
    """Does the page's text print any of these days (in any block, menus and comments included)?"""
    years = {f"{d.year % 100:02d}" for d in days}   # every written form of the day has these digits
    for b in page.blocks[:3000]:
        if any(y in b.text for y in years) and \
                any(f.value.date() in days for f in find_dates(b.text, limit=20, dayfirst=dayfirst)):
            return True
    return False


def _dayfirst(page: Page) -> bool | None:
    """Numeric dates: day first everywhere but in English-language pages (month first)."""
    lang = page.get("language")
    if not lang:
        lang = guess_language(" ".join(b.text for b in page.blocks[:150]))
        if lang and page.kind == "text":
            page.set_field("language", lang, "text", "dates")
    if not lang:
        return None
    return not lang.lower().startswith("en")


class DatesStage(Stage):
    name = "dates"
    #: without them: no <time> elements from the head; the header is found from the first heading
    optional = frozenset({handoffs.HEAD, handoffs.TITLE_BLOCK})
    kinds = frozenset({"html", "text"})

    @dataclass(frozen=True)
    class Options:
        #: the time a date is judged against: one more than a day after it is no publication date (an
        #: event's date, a typo). None: the clock, as a reader expects. Benchmarks and the trainers pin it
        #: (benchmarks/bench_sets.py BENCH_NOW), or their figures and fitted files would move with the
        #: calendar as the dev pages' future dates ("Houston (12/2/2026)") become past ones.
        now: datetime | None = None

    def _now(self) -> datetime:
        """The reference time of one page's run (naive UTC, as ``plausible`` compares)."""
        now = self.options.now
        if now is None:
            return datetime.now(timezone.utc).replace(tzinfo=None)
        return now if now.tzinfo is None else now.astimezone(timezone.utc).replace(tzinfo=None)

    # --- HTML ---------------------------------------------------------------------------
    def run_html(self, page: Page) -> None:
        dayfirst = _dayfirst(page)
        now = self._now()
        stated = [(dt, fv.source) for fv in page.candidates.get("published", [])
                  for dt in (plausible_parse(fv.value, now),) if dt is not None]
        structured = stated[0] if stated else None
        header_pub, header_mod, used = self._from_header(page, dayfirst, now, free_ui=not stated)
        from_url = url_date(page.url) or url_date(page.get("url"))
        modified = None
        for fv in page.candidates.get("modified", []):
            dt = plausible_parse(fv.value, now)
            if dt is not None:
                modified = (dt, fv.source)
                break
        published = structured or self._from_times(page, dayfirst, now)
        if published is not None:
            sday = published[0].date()
            url_agrees = from_url is not None and from_url.date() == sday
            is_modified = modified is not None and header_pub is not None and \
                header_pub.date() == modified[0].date() and modified[0].date() != sday
            placeholder = sday.month == 1 and sday.day == 1 and published[0].hour == 0 and published[0].minute == 0
            if placeholder and (header_pub is not None or from_url is not None) and not url_agrees:
                if header_pub is not None:
                    published = (header_pub, "text:header")
                elif from_url is not None:
                    published = (from_url, "url")
            elif header_pub is not None and structured is not None and not url_agrees and \
                    len(_backed(header_pub.date(), stated)) >= 2 and len(_backed(sday, stated)) == 1:
                # the first markup source stands alone; two others agree with the printed date
                published = _backed(header_pub.date(), stated)[0]
            elif is_modified and header_pub is not None and structured is not None and not url_agrees and \
                    header_pub.date() > sday and not _printed(page, {dt.date() for dt, _ in stated}, dayfirst):
                # the page shows readers, as the story's date, the later day its markup calls
                # dateModified, and prints the markup's published day nowhere: the shown date wins
                published = (header_pub, "text:header-modified")
            elif header_pub is not None and header_pub.date() != sday and not url_agrees and not is_modified:
                diff = (header_pub.date() - sday).days
                if _swapped(header_pub, published[0]):
                    pass   # "11/01/2021" read day first: the markup settles which number is the month
                elif abs(diff) <= 1 or (diff < 0 and structured is not None):
                    # the date printed under the headline is what readers see: it wins when it is
                    # the same story's date seen from another zone (a day apart) or the earlier one
                    published = (header_pub, "text:header")
            elif header_pub is None and from_url is not None and abs((from_url.date() - sday).days) == 1:
                published = (from_url, "url")
            elif header_pub is None and structured is not None and len({dt.date() for dt, _ in stated}) > 1:
                # the markup contradicts itself: the one date the page labels "Published" for readers decides
                labelled = labelled_published(page, dayfirst, now)
                if labelled is not None and labelled.date() != sday:
                    published = (labelled, "text:published-label")
        else:
            if from_url is not None:
                published = (from_url, "url")
            elif header_pub is not None:
                published = (header_pub, "text:header")
            else:
                published = self._from_hinted_blocks(page, dayfirst, now)
            if published is None:
                published = from_scripts(page, now)
            if published is None and header_mod is not None:
                # an "Updated ..." stamp loses to a date the page labels "Published" anywhere
                labelled = labelled_published(page, dayfirst, now)
                published = (labelled, "text:published-label") if labelled is not None and \
                    labelled.date() != header_mod.date() else (header_mod, "text:header-updated")
            if published is None:
                published = self._last_edited(page, dayfirst, now)
            if published is None:
                published = from_script_stamps(page, now)
        if modified is None and header_mod is not None:
            modified = (header_mod, "text:header")
        if published is not None:
            page.set_field("published", published[0], published[1], self.name)
        if modified is not None:
            page.set_field("modified", modified[0], modified[1], self.name)
        for b in used:
            self._mark(page, b)

    @staticmethod
    def _from_hinted_blocks(page: Page, dayfirst: bool | None, now: datetime) -> tuple[datetime, str] | None:
        """Last resort: a short block whose class says date/time, else the first short dated block."""
        first: datetime | None = None
        for b in page.blocks[:600]:
            if len(b.text) > 120 or b.kind == "list_item":
                continue
            found = [f for f in find_dates(b.text, limit=2, dayfirst=dayfirst) if plausible(f.value, now)]
            if not found:
                continue
            hints = " ".join(b.features.get("own_hints", ()))
            if _TIME_HINT.search(hints) and not _UPDATED.search(b.text):
                return found[0].value, "html:date-element"
            if first is None and b.kept and len(b.text) <= 60:
                first = found[0].value
        return (first, "text:first-date") if first is not None else None

    @staticmethod
    def _last_edited(page: Page, dayfirst: bool | None, now: datetime) -> tuple[datetime, str] | None:
        """A page that prints no date but "last edited/updated ..." (wikis, reference pages): that one."""
        for b in page.blocks[:1500]:
            if len(b.text) > 200 or not _UPDATED.search(b.text):
                continue
            found = [f for f in find_dates(b.text, limit=2, dayfirst=dayfirst) if plausible(f.value, now)]
            if found:
                return found[0].value, "text:last-edited"
        return None

    @staticmethod
    def _from_times(page: Page, dayfirst: bool | None, now: datetime) -> tuple[datetime, str] | None:
        head = page.handoffs.head
        times = getattr(head, "times", []) or []
        ranked = sorted(times, key=lambda t: (
            0 if "datepublished" in t.itemprop or t.pubdate else
            1 if "publish" in t.hints else 2 if t.itemprop == "" and _TIME_HINT.search(t.hints) else 3,
            t.order))
        for t in ranked:
            if "datemodified" in t.itemprop or "update" in t.hints or "modif" in t.hints or \
                    _ASIDE_HINT.search(t.hints) or _UPDATED.match(t.text):
                continue   # a comment's or the site menu's date (today's), or an "Updated ..." stamp
            dt = plausible_parse(t.datetime, now) if t.datetime else None
            if dt is None and t.text:
                found = find_dates(t.text, limit=1, dayfirst=dayfirst)
                dt = found[0].value if found and plausible(found[0].value, now) else None
            if dt is not None:
                return dt, "html:time"
        return None

    # --- both kinds: dates printed by the headline ---------------------------------------
    @staticmethod
    def _from_header(page: Page, dayfirst: bool | None, now: datetime, free_ui: bool = False
                     ) -> tuple[datetime | None, datetime | None, list[Block]]:
        """Published / modified dates printed in the few blocks after the headline."""
        free_ui = free_ui or page.kind == "text"
        blocks = page.blocks
        start = page.handoffs.title_block
        if start is None:
            starts = [next((b.index for b in blocks[:400] if b.kind == "heading" and b.features.get("level") == 1),
                           None),
                      next((i for i, b in enumerate(blocks[:60]) if is_byline_text(b.text)), None),
                      next((i for i, b in enumerate(blocks[:300]) if i >= 60 and b.kind == "heading" and
                            is_byline_text(b.text)), None)]
            best: tuple[datetime | None, datetime | None, list[Block]] = (None, None, [])
            for st in starts:
                if st is not None:
                    best = DatesStage._header_from(blocks, st, dayfirst, now, free_ui)
                    if best[0] is not None:
                        break
            return best
        return DatesStage._header_from(blocks, start, dayfirst, now, free_ui)

    @staticmethod
    def _header_from(blocks: list[Block], start: int, dayfirst: bool | None, now: datetime, free_ui: bool = False
                     ) -> tuple[datetime | None, datetime | None, list[Block]]:
        """``free_ui``: short UI lines (buttons, counters, menu items) do not use up the budget
        (text captures, and HTML pages whose markup states no date)."""
        pub = mod = None
        used: list[Block] = []
        long_seen = 0
        budget = 12   # blocks looked at after the headline; byline lines do not count
        for b in blocks[max(0, start - 2):start + 40]:
            if b.index == start or b.role in ("title",):
                continue
            if b.role != "byline" and b.index > start and not (free_ui and _ui_line(b.text)):
                budget -= 1
                if budget < 0:
                    break
            text = b.text
            if len(text) > 200:
                lead = find_dates(text[:40], limit=1, dayfirst=dayfirst)
                after = text[lead[0].end:lead[0].end + 3].lstrip()[:1] if lead else ""
                if pub is None and lead and lead[0].start <= 3 and plausible(lead[0].value, now) and \
                        (after in (".", "-", "–", "—", ":", "|", "") or (after == ")" and text[:1] == "(")):
                    pub = lead[0].value   # a dateline opening the first paragraph ("31. Oktober 2023. ...")
                    break
                long_seen += 1
                if long_seen >= 2:
                    break  # deep in the body now
                continue
            found = [f for f in find_dates(text, limit=3, dayfirst=dayfirst) if plausible(f.value, now)
                     and not _PROFILE.search(text[max(0, f.start - 30):f.start])]
            if not found:
                continue
            for f in found:
                before = text[max(0, f.start - 30):f.start]
                if _UPDATED.search(before):
                    mod = mod or f.value
                elif pub is None:
                    pub = f.value
            if is_dateline_text(text) or (is_byline_text(text) and len(text) <= 120):
                used.append(b)
            if pub is not None:
                break
        return pub, mod, used

    # --- text captures ------------------------------------------------------------------
    def run_text(self, page: Page) -> None:
        dayfirst = _dayfirst(page)
        now = self._now()
        pub, mod, used = self._from_header(page, dayfirst, now)
        from_url = url_date(page.url)
        ranked = None
        if pub is None and mod is None and from_url is None:
            # no date printed with the headline: the ranker weighs every date the capture prints
            ranked = date_rank.best(date_rank.candidates(page.blocks, page.handoffs.title_block, dayfirst,
                                                         is_dateline_text, is_byline_text, now))
        if pub is not None:
            page.set_field("published", pub, "text:dateline", self.name)
        elif from_url is not None:
            page.set_field("published", from_url, "url", self.name)
        elif ranked is not None:
            page.set_field("published", ranked[0], "text:ranked", self.name)
            if is_dateline_text(ranked[1].text):
                used.append(ranked[1])
        elif mod is not None:
            # a date labelled as an update ("Last updated", "Zuletzt aktualisiert") loses to a date the
            # page labels "Published" anywhere; only a page that prints no other date gets it as published
            labelled = labelled_published(page, dayfirst, now)
            if labelled is not None and labelled.date() != mod.date():
                page.set_field("published", labelled, "text:published-label", self.name)
            else:
                page.set_field("published", mod, "text:dateline-updated", self.name)
        if mod is not None:
            page.set_field("modified", mod, "text:dateline", self.name)
        for b in used:
            self._mark(page, b)
        if page.get("description") is None and used:
            self._dek(page, used[-1].index)

    @staticmethod
    def _dek(page: Page, after: int) -> None:
        """Text captures: the summary printed under the dateline, repeated as the lead image caption."""
        blocks = page.blocks
        for i in range(after + 1, min(len(blocks) - 1, after + 3)):
            b, nxt = blocks[i], blocks[i + 1]
            if 40 <= len(b.text) <= 400 and nxt.text.startswith(b.text) and nxt.text != b.text:
                page.set_field("description", b.text, "text:dek", "dates")
                if b.role is None:
                    b.role = "dek"
                return

    def _mark(self, page: Page, block: Block) -> None:
        if block.role is None:
            block.role = "dateline"
        page.drop(block, self.name, "dateline (in the published/modified fields)")
        if block.role == "dateline":
            for other in page.blocks:  # the same dateline printed again further down
                if other.kept and other.text == block.text and other is not block:
                    other.role = "dateline"
                    page.drop(other, self.name, "dateline repeated (in the published/modified fields)")

