"""A self-contained HTML report of one extraction: the page's blocks side by side with the clean
article, dropped blocks colour-coded by stage with their reason (hover, or click to open), and the
metadata fields with their provenance.

Everything taken from the captured page is escaped, and the report carries a Content-Security-Policy
that forbids every script and every external load: even a page full of ``<script>``, ``onerror=``
and ``javascript:`` links yields a report that runs none of it. The report itself has no script.
"""
from __future__ import annotations

from html import escape
from typing import Any

from newsclean.assemble import build_article
from newsclean.page import Page

_PALETTE = ("#f4c7c3", "#fce8b2", "#c6dafc", "#d9c6f0", "#f8cbe0", "#c8e6c9", "#ffe0b2", "#d7ccc8", "#b2ebf2",
            "#e6ee9c")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _value(v: Any) -> str:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return str(v)


def render_report(page: Page) -> str:
    """Return the report for a processed Page as one HTML string."""
    article = build_article(page)
    stages = sorted({b.dropped_by for b in page.blocks if b.dropped_by})
    colour = {s: _PALETTE[i % len(_PALETTE)] for i, s in enumerate(stages)}
    kept = sum(1 for b in page.blocks if b.kept)
    dropped = len(page.blocks) - kept
    css_stages = "\n".join(
        f".stage-{i} {{ background: {colour[s]}; }}" for i, s in enumerate(stages))
    stage_index = {s: i for i, s in enumerate(stages)}

    blocks_html = []
    for b in page.blocks:
        if b.kept:
            blocks_html.append(
                f'<div class="blk kept" data-kept="1" data-index="{b.index}">'
                f'<span class="tag">{_e(b.kind)}</span>{_e(b.text)}</div>')
        else:
            why = f"{b.dropped_by}: {b.reason}"
            blocks_html.append(
                f'<details class="blk dropped stage-{stage_index[b.dropped_by]}" data-kept="0" '
                f'data-stage="{_e(b.dropped_by)}" data-index="{b.index}" title="{_e(why)}">'
                f'<summary><span class="tag">{_e(b.dropped_by)}</span>{_e(b.text)}</summary>'
                f'<div class="why">dropped by <b>{_e(b.dropped_by)}</b>: {_e(b.reason)}</div></details>')

    legend = "".join(
        f'<span class="legend stage-{stage_index[s]}">{_e(s)} '
        f'({sum(1 for b in page.blocks if b.dropped_by == s)})</span>' for s in stages)
    fields_rows = "".join(
        f"<tr><th>{_e(name)}</th><td>{_e(_value(fv.value))}</td><td>{_e(fv.source)}</td><td>{_e(fv.stage)}</td></tr>"
        for name, fv in page.fields.items())
    article_html = []
    for p in article.paragraphs:
        tag = {"heading": "h3", "list_item": "li", "quote": "blockquote", "pre": "pre"}.get(p.kind, "p")
        article_html.append(f'<{tag} class="para">{_e(p.text)}</{tag}>')

    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="referrer" content="no-referrer">
<title>newsclean report: {_e(article.title or "(no title)")}</title>
<style>
body {{ font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #222; }}
header {{ padding: 12px 20px; background: #263238; color: #fff; }}
header h1 {{ font-size: 18px; margin: 0 0 4px; }}
.counts span {{ margin-right: 16px; }}
.legend {{ display: inline-block; padding: 1px 8px; margin: 4px 6px 0 0; border-radius: 9px; color: #222; }}
main {{ display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 16px 20px; }}
section h2 {{ font-size: 15px; border-bottom: 1px solid #ccc; }}
.blk {{ padding: 3px 6px; margin: 2px 0; border-left: 4px solid transparent; white-space: pre-wrap; word-break: break-word; }}
.kept {{ border-left-color: #2e7d32; }}
.dropped {{ opacity: .8; }}
.dropped summary {{ cursor: pointer; list-style: none; }}
.why {{ font-size: 12px; padding: 2px 0 2px 8px; }}
.tag {{ font: 11px monospace; background: rgba(0,0,0,.08); padding: 0 4px; margin-right: 6px; border-radius: 3px; }}
table {{ border-collapse: collapse; margin: 0 20px 20px; }}
th, td {{ border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }}
{css_stages}
</style></head>
<body>
<header><h1>{_e(article.title or "(no title)")}</h1>
<div class="counts"><span>kind: <b id="kind">{_e(page.kind)}</b></span>
<span>blocks: <b id="blocks-count">{len(page.blocks)}</b></span>
<span>kept: <b id="kept-count">{kept}</b></span>
<span>dropped: <b id="dropped-count">{dropped}</b></span></div>
<div>{legend}</div></header>
<main>
<section id="page-blocks"><h2>The page, block by block (hover or click a dropped block for its reason)</h2>
{"".join(blocks_html)}
</section>
<section id="article"><h2>The clean article</h2>
{"".join(article_html)}
</section>
</main>
<h2 style="margin: 0 20px; font-size: 15px">Metadata and where it came from</h2>
<table id="fields"><tr><th>field</th><th>value</th><th>source</th><th>stage</th></tr>{fields_rows}</table>
</body></html>
"""
