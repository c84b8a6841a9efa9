"""The HTML report of `newsclean explain --html`: self-contained, escaped, counts match the JSON, and
(in a real headless Chromium, when installed) no script from the captured page runs."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from newsclean import Pipeline
from newsclean.cli import main
from newsclean.page import Page
from newsclean.report import (
    COLLAPSE_RUN,
    FALLBACK_COLOURS,
    STAGE_COLOURS,
    render_report,
    stage_colour,
)

HOSTILE = """<html><head><title>Hostile</title>
<script>document.documentElement.setAttribute('data-pwned', 'script');</script></head><body>
<nav><a href="javascript:document.documentElement.setAttribute('data-pwned','link')">Home</a></nav>
<article><h1>A page that tries to run code &lt;script&gt;</h1>
<p>This paragraph is long enough to be the body of the article and it carries <b>bold</b> text and
an image <img src="x" onerror="document.documentElement.setAttribute('data-pwned','img')"> inline.</p>
<p>Second paragraph: &lt;script&gt;document.documentElement.setAttribute('data-pwned','text')&lt;/script&gt;
written as text, which the report must show as text and never run in any way at all.</p>
<p>&lt;img src=x onerror="document.documentElement.setAttribute('data-pwned','text-img')"&gt; more words here.</p>
</article><footer>© Example 2026</footer></body></html>"""

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def report(tmp_path: Path, capsys) -> tuple[Path, dict]:
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["explain", str(page), "--format", "json", "--html", str(out)]) == 0
    data = json.loads(capsys.readouterr().out)
    return out, data


def test_report_is_self_contained_and_escaped(report):
    out, data = report
    html = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script" not in html.lower()          # neither the page's scripts nor our own
    assert not re.search(r"<[^>]*\bon\w+\s*=", html)   # no event-handler attribute on any tag
    assert "<img" not in html and "<a " not in html  # page markup only ever appears as escaped text
    assert 'href="javascript:' not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # no external assets
    assert f'id="kept-count">{data["counts"]["kept"]}<' in html
    assert f'id="dropped-count">{data["counts"]["dropped"]}<' in html
    assert html.count('data-kept="1"') == data["counts"]["kept"]
    assert html.count('data-kept="0"') == data["counts"]["dropped"]


def test_unwritable_report_path(tmp_path, capsys):
    page = tmp_path / "p.html"
    page.write_text(HOSTILE, encoding="utf-8")
    assert main(["explain", str(page), "--html", str(tmp_path / "no" / "such" / "dir.html")]) == 2


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_report_in_headless_chromium(report, tmp_path):
    out, data = report
    proc = subprocess.run(
        [CHROMIUM, *CHROME_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000",
         "--dump-dom", out.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    dom = proc.stdout
    assert "kept-count" in dom, proc.stderr[-2000:]
    kept = int(re.search(r'id="kept-count">(\d+)<', dom).group(1))
    dropped = int(re.search(r'id="dropped-count">(\d+)<', dom).group(1))
    assert (kept, dropped) == (data["counts"]["kept"], data["counts"]["dropped"])
    assert len(re.findall(r'data-kept="1"', dom)) == kept
    assert not re.search(r'data-pwned="', dom), "a script from the captured page ran"
    assert "setAttribute" in dom  # the page's code is there, as visible text


# --- what a reader needs first, folded runs, fixed colours (issue 14, item 15)

FIXTURE = Path(__file__).parent / "fixtures" / "coins2day-zelensky.txt"


def _fixture_report() -> tuple[str, Page]:
    page = Pipeline().process(FIXTURE)
    return render_report(page), page


def test_title_authors_dates_and_sources_at_the_top_and_in_the_article_column():
    html, page = _fixture_report()
    header = html[html.index("<header>"): html.index("</header>")]
    for name in ("title", "authors", "published"):
        fv = page.fields[name]
        assert f'id="fact-{name}"' in header and f"from {fv.source} (stage {fv.stage})" in header
    assert "Soo-Hyang Choi, Bloomberg" in header and "2025-01-13T05:01:00-05:00" in header
    assert 'id="fact-modified"' in header and "not found" in header
    column = html[html.index('<section id="article">'):]
    assert "Zelensky seeks to exchange North Korean soldiers for Ukrainians" in column
    assert 'id="article-authors">By Soo-Hyang Choi, Bloomberg<' in column
    assert 'id="article-published">published 2025-01-13T05:01:00-05:00<' in column


def _runs(page) -> list[int]:
    runs, n = [], 0
    for b in page.blocks:
        if b.kept:
            if n:
                runs.append(n)
            n = 0
        else:
            n += 1
    return runs + ([n] if n else [])


def test_long_runs_of_dropped_blocks_fold_and_short_ones_do_not():
    html, page = _fixture_report()
    runs = _runs(page)
    long_runs = [n for n in runs if n >= COLLAPSE_RUN]
    assert long_runs and any(n < COLLAPSE_RUN for n in runs)  # the fixture has both kinds
    assert re.findall(r'<details class="run" data-run="(\d+)">', html) == [str(n) for n in long_runs]
    assert html.count('data-kept="0"') == sum(runs)  # every dropped block is still there, inside its run
    assert "<details" in html and "<script" not in html.lower()


def test_each_stage_has_a_fixed_colour_whatever_else_is_on_the_page():
    def colour_in(html: str, stage: str) -> str:
        cls = re.search(rf'class="blk dropped (stage-\d+)" data-kept="0" data-stage="{stage}"', html).group(1)
        return re.search(rf"\.{cls} {{ background: (#[0-9a-f]{{6}}); }}", html).group(1)

    full, _ = _fixture_report()  # boilerplate, duplicates and navigation drop blocks here
    nav_only = render_report(Pipeline(["navigation"]).process(FIXTURE))
    assert colour_in(full, "navigation") == colour_in(nav_only, "navigation") == STAGE_COLOURS["navigation"]
    assert colour_in(full, "boilerplate") == STAGE_COLOURS["boilerplate"]
    assert len(set(STAGE_COLOURS.values())) == len(STAGE_COLOURS)
    unknown = stage_colour("my_plugin_stage")
    assert unknown in FALLBACK_COLOURS and unknown == stage_colour("my_plugin_stage")
    assert stage_colour("my_plugin_stage") == FALLBACK_COLOURS[zlib.crc32(b"my_plugin_stage") % len(FALLBACK_COLOURS)]
