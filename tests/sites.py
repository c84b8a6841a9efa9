"""Synthetic multi-page sites for the site-rule tests: several real article bodies (tests/fixtures/
sites/bodies.json) rendered into one site template — header, nav, sidebar, promo boxes, an author box
and a footer — as HTML and as a text capture. Some template blocks look like prose on purpose, so
that generic heuristics miss them and only cross-page learning removes them."""
from __future__ import annotations

import html
import json
from pathlib import Path

BODIES = json.loads((Path(__file__).parent / "fixtures" / "sites" / "bodies.json").read_text(encoding="utf-8"))["bodies"]
HOST = "www.daily-example.test"

NAV = ["Home", "Local", "Politics", "Business", "Sports", "Opinion", "Weather", "Obituaries"]
TRENDING = ["Council approves new bike lanes downtown", "High school team wins the state title",
            "Storm knocks out power to thousands overnight", "New bakery opens on Main Street"]
PROMO = ("The Daily Example is reader-funded. Become a member today and support independent local "
         "journalism in our town for less than the price of a coffee each week.")
AUTHOR_BOX = ("Our newsroom covers the city, the county and the statehouse. Reach the editors at the "
              "address below with tips, corrections and questions about our reporting.")
EDITOR_NOTE = "Editor's note: This story has been updated with additional reporting."
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of service", "© 2026 Daily Example Media"]


def page_html(i: int) -> str:
    body = BODIES[i]["paragraphs"]
    e = html.escape
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Story {i} | Daily Example</title><link rel="canonical" href="https://{HOST}/news/story-{i}"></head><body>
<header class="site-header"><div class="logo">Daily Example</div>
<nav class="main-nav"><ul>{''.join(f'<li><a href="/{n.lower()}">{e(n)}</a></li>' for n in NAV)}</ul></nav></header>
<div class="layout"><main><article class="story">
<h1 class="headline">Story number {i}</h1>
<div class="story-body">
<p class="note">{e(EDITOR_NOTE)}</p>
{''.join(f'<p>{e(p)}</p>' for p in body[:3])}
<div class="member-promo"><p>{e(PROMO)}</p></div>
{''.join(f'<p>{e(p)}</p>' for p in body[3:])}
<div class="newsroom-box"><p>{e(AUTHOR_BOX)}</p></div>
</div></article></main>
<aside class="sidebar"><h3>Trending</h3><ul>{''.join(f'<li><a href="/t/{k}">{e(t)}</a></li>' for k, t in enumerate(TRENDING))}</ul></aside>
</div>
<footer class="site-footer"><ul>{''.join(f'<li><a href="/f/{k}">{e(t)}</a></li>' for k, t in enumerate(FOOTER))}</ul></footer>
</body></html>"""


def page_text(i: int) -> str:
    body = BODIES[i]["paragraphs"]
    lines = ["Daily Example", ""] + [f"  • {n}" for n in NAV] + ["", f"Story number {i}", "", EDITOR_NOTE, ""]
    for p in body[:3]:
        lines += [p, ""]
    lines += [PROMO, ""]
    for p in body[3:]:
        lines += [p, ""]
    lines += [AUTHOR_BOX, "", "Trending", ""] + [f"  • {t}" for t in TRENDING] + [""] + [f"  • {t}" for t in FOOTER]
    return "\n".join(lines) + "\n"


def truth(i: int) -> str:
    return "\n\n".join(BODIES[i]["paragraphs"])


def url(i: int) -> str:
    return f"https://{HOST}/news/story-{i}"


TEMPLATE_PROSE = (PROMO, AUTHOR_BOX, EDITOR_NOTE)
