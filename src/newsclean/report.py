"""A self-contained HTML report of one extraction: the title, authors and dates with where each came
from at the top; the page's blocks side by side with the clean article (which opens with the same
title, authors and dates); dropped blocks coloured by stage (a fixed colour per stage name) with their
reason (hover, or click to open); long runs of dropped blocks folded into one line that opens on a
click; and every metadata field with its provenance.

Everything taken from the captured page is escaped, and the report carries a Content-Security-Policy
that forbids every script and every external load: even a page full of ``<script>``, ``onerror=``
and ``javascript:`` links yields a report that runs none of it. The report itself has no script
(folding uses ``<details>``).
"""
from __future__ import annotations

import zlib
from html import escape
from typing import Any

from newsclean.article import Article
from newsclean.assemble import build_article
from newsclean.page import Block, Page

#: one colour per built-in stage, the same in every report (so "pink is boilerplate" can be learnt)
STAGE_COLOURS = {
    "boilerplate": "#f4c7c3",
    "navigation": "#c6dafc",
    "duplicates": "#fce8b2",
    "site_rules": "#d9c6f0",
    "title": "#c8e6c9",
    "byline": "#ffe0b2",
    "dates": "#b2ebf2",
    "metadata": "#d7ccc8",
}
#: colours for other stages (plug-ins), picked by a checksum of the stage name: stable across runs
FALLBACK_COLOURS = ("#f8cbe0", "#e6ee9c", "#cfd8dc", "#ffccbc", "#dcedc8", "#e1bee7", "#b3e5fc", "#fff59d")
#: this many consecutive dropped blocks or more are folded into one line (a menu, a footer, a teaser
#: list); shorter runs stay open because they usually sit between body paragraphs (a caption, a promo)
COLLAPSE_RUN = 6
#: how many of a folded run's texts its one line previews, and how many characters of each
PREVIEW_BLOCKS = 4
PREVIEW_CHARS = 40
#: the fields shown at the top of the report and of the clean-article column
TOP_FIELDS = ("title", "authors", "published", "modified")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"


def stage_colour(stage: str) -> str:
    """The stage's fixed colour; an unknown stage gets one from FALLBACK_COLOURS by CRC-32 of its name
    (not ``hash()``, which changes from one run to the next)."""
    if stage in STAGE_COLOURS:
        return STAGE_COLOURS[stage]
    return FALLBACK_COLOURS[zlib.crc32(stage.encode("utf-8")) % len(FALLBACK_COLOURS)]


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _value(v: Any) -> str:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return str(v)


def _facts_html(page: Page) -> str:
    """Title, authors, published and modified, each with its source and stage (or 'not found')."""
    rows = []
    for name in TOP_FIELDS:
        fv = page.fields.get(name)
        if fv is None:
            rows.append(f'<div class="fact missing" id="fact-{name}"><span class="fname">{name}</span>'
                        f'<span class="fvalue">not found</span></div>')
            continue
        rows.append(f'<div class="fact" id="fact-{name}"><span class="fname">{name}</span>'
                    f'<span class="fvalue">{_e(_value(fv.value))}</span>'
                    f'<span class="fsource">from {_e(fv.source)} (stage {_e(fv.stage)})</span></div>')
    return f'<div class="facts">{"".join(rows)}</div>'


def _page_type_html(page: Page) -> str:
    """One line: the page type, its confidence and the signals that decided it (empty without the stage)."""
    info = page.notes.get("page_type")
    if not info:
        return ""
    why = "; ".join(list(info.get("markup", [])) + list(info.get("signals", [])))
    return (f'<div class="ptype">page type: <b id="page-type">{_e(info["type"])}</b> '
            f'({info["confidence"]:.2f}) <span class="fsource">{_e(why)}</span></div>')


def _block_html(b: Block, css: dict[str, str]) -> str:
    if b.kept:
        return (f'<div class="blk kept" data-kept="1" data-index="{b.index}">'
                f'<span class="tag">{_e(b.kind)}</span>{_e(b.text)}</div>')
    stage = b.dropped_by or ""
    why = f"{stage}: {b.reason}"
    return (f'<details class="blk dropped {css[stage]}" data-kept="0" data-stage="{_e(stage)}" '
            f'data-index="{b.index}" title="{_e(why)}">'
            f'<summary><span class="tag">{_e(stage)}</span>{_e(b.text)}</summary>'
            f'<div class="why">dropped by <b>{_e(stage)}</b>: {_e(b.reason)}</div></details>')


def _run_html(run: list[Block], css: dict[str, str]) -> str:
    """A run of dropped blocks: as they are when short, else folded into one line that opens."""
    inner = "".join(_block_html(b, css) for b in run)
    if len(run) < COLLAPSE_RUN:
        return inner
    counts: dict[str, int] = {}
    for b in run:
        counts[b.dropped_by or ""] = counts.get(b.dropped_by or "", 0) + 1
    chips = "".join(f'<span class="legend {css[s]}">{_e(s)} {n}</span>' for s, n in sorted(counts.items()))
    preview = " · ".join(_e(_clip(b.text)) for b in run[:PREVIEW_BLOCKS]) + (" …" if len(run) > PREVIEW_BLOCKS else "")
    return (f'<details class="run" data-run="{len(run)}">'
            f'<summary><b>{len(run)} dropped blocks</b> ({run[0].index}–{run[-1].index}) {chips}'
            f'<span class="preview">{preview}</span></summary>{inner}</details>')


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _blocks_html(page: Page, css: dict[str, str]) -> str:
    out: list[str] = []
    run: list[Block] = []
    for b in page.blocks:
        if not b.kept:
            run.append(b)
            continue
        if run:
            out.append(_run_html(run, css))
            run = []
        out.append(_block_html(b, css))
    if run:
        out.append(_run_html(run, css))
    return "".join(out)


def _article_html(article: Article) -> str:
    """The clean article as a reader gets it: title, byline, dates, then the paragraphs."""
    head = [f'<h2 class="a-title">{_e(article.title or "(no title)")}</h2>']
    if article.authors:
        head.append(f'<div class="a-meta" id="article-authors">By {_e(", ".join(article.authors))}</div>')
    for name in ("published", "modified"):
        value = getattr(article, name)
        if value is not None:
            head.append(f'<div class="a-meta" id="article-{name}">{name} {_e(value.isoformat())}</div>')
    paras = []
    for p in article.paragraphs:
        tag = {"heading": "h3", "list_item": "li", "quote": "blockquote", "pre": "pre"}.get(p.kind, "p")
        paras.append(f'<{tag} class="para">{_e(p.text)}</{tag}>')
    return "".join(head) + "".join(paras)


_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #222; }
header { padding: 12px 20px; background: #263238; color: #fff; }
header h1 { font-size: 13px; font-weight: normal; color: #b0bec5; margin: 0 0 4px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
.fact { display: contents; }
.fname { color: #b0bec5; }
.fvalue { font-weight: 600; }
#fact-title .fvalue { font-size: 18px; }
.fsource { grid-column: 2; color: #b0bec5; font-size: 12px; margin-top: -2px; }
.missing .fvalue { font-weight: normal; font-style: italic; color: #b0bec5; }
.counts span { margin-right: 16px; }
.legend { display: inline-block; padding: 1px 8px; margin: 4px 6px 0 0; border-radius: 9px; color: #222; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 16px 20px; }
section > h2 { font-size: 15px; border-bottom: 1px solid #ccc; }
.blk { padding: 3px 6px; margin: 2px 0; border-left: 4px solid transparent;
       white-space: pre-wrap; word-break: break-word; }
.kept { border-left-color: #2e7d32; }
.dropped { opacity: .85; }
.dropped summary { cursor: pointer; list-style: none; }
.run { margin: 2px 0; padding: 3px 6px; border-left: 4px solid #90a4ae; background: #eceff1; }
.run > summary { cursor: pointer; }
.run[open] { background: transparent; padding-bottom: 6px; }
.preview { color: #555; margin-left: 6px; }
.why { font-size: 12px; padding: 2px 0 2px 8px; }
.tag { font: 11px monospace; background: rgba(0,0,0,.08); padding: 0 4px; margin-right: 6px; border-radius: 3px; }
.a-title { font-size: 18px; margin: 8px 0 4px; }
.a-meta { color: #555; font-size: 13px; }
table { border-collapse: collapse; margin: 0 20px 20px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
"""


def render_report(page: Page) -> str:
    """Return the report for a processed Page as one HTML string."""
    article = build_article(page)
    stages = sorted({b.dropped_by for b in page.blocks if b.dropped_by})
    css = {s: f"stage-{i}" for i, s in enumerate(stages)}
    css_stages = "\n".join(f".{css[s]} {{ background: {stage_colour(s)}; }}" for s in stages)
    kept = sum(1 for b in page.blocks if b.kept)
    dropped = len(page.blocks) - kept
    legend = "".join(
        f'<span class="legend {css[s]}" data-stage="{_e(s)}">{_e(s)} '
        f'({sum(1 for b in page.blocks if b.dropped_by == s)})</span>' for s in stages)
    fields_rows = "".join(
        f"<tr><th>{_e(name)}</th><td>{_e(_value(fv.value))}</td><td>{_e(fv.source)}</td><td>{_e(fv.stage)}</td></tr>"
        for name, fv in page.fields.items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="referrer" content="no-referrer">
<title>newsclean report: {_e(article.title or "(no title)")}</title>
<style>{_STYLE}{css_stages}
</style></head>
<body>
<header><h1>newsclean explain: what was kept, what was dropped and why</h1>
{_facts_html(page)}
{_page_type_html(page)}
<div class="counts"><span>kind: <b id="kind">{_e(page.kind)}</b></span>
<span>blocks: <b id="blocks-count">{len(page.blocks)}</b></span>
<span>kept: <b id="kept-count">{kept}</b></span>
<span>dropped: <b id="dropped-count">{dropped}</b></span></div>
<div>{legend}</div></header>
<main>
<section id="page-blocks"><h2>The page, block by block (hover or click a dropped block for its reason;
runs of {COLLAPSE_RUN} or more dropped blocks are folded: click to open)</h2>
{_blocks_html(page, css)}
</section>
<section id="article"><h2>The clean article</h2>
{_article_html(article)}
</section>
</main>
<h2 style="margin: 0 20px; font-size: 15px">Metadata and where it came from</h2>
<table id="fields"><tr><th>field</th><th>value</th><th>source</th><th>stage</th></tr>{fields_rows}</table>
</body></html>
"""
