"""The compiled core and its pure-Python twin give identical blocks (text, kind, features, element).

Skipped when the extension is not built (``pip install .`` builds it when it can; in a checkout,
``python setup.py build_ext --inplace``). benchmarks/cores.py checks every bench page the same way.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from newsclean import _core
from newsclean._core import compiled_walker
from newsclean.load.html import html_blocks, html_blocks_pure
from newsclean.load.parse import parse_html
from tests.core_helpers import unless_compiled

FIXTURES = Path(__file__).parent / "fixtures" / "bench"
walk = compiled_walker()
needs_compiled = unless_compiled(walk)
LONG = "Words of a sentence that goes on for a while, as body text does. " * 3

MADE_UP = {
    "kinds": f"<body><h2>Sub</h2><p>{LONG}</p><ul><li>one</li><li>two</li></ul>"
             "<blockquote><p>quoted</p></blockquote><pre>a  b\n\n c</pre>"
             "<figure><figcaption>cap</figcaption></figure></body>",
    "links": '<body><p><a href="/x">A linked headline</a> and a summary</p><p>text <a>one</a> <a>two</a></p>'
             '<div><a href="/y">only a link</a></div></body>',
    "hints": '<body><div class="InlineImage-imageEmbedCaption" id="mainBody"><section class="a_b--C9x">'
             '<p class="x">x y</p><span class="ünï-côde">z</span></section></div></body>',
    "hidden": f'<body><div hidden><p>secret</p></div><p style="display: none">gone</p>'
              f'<div style="visibility:hidden" id="S:0">{f"<p>{LONG}</p>" * 8}</div><p>visible</p></body>',
    "skips": f"<body><script>var x = 1;</script><p>a<style>p{{}}</style>b</p><button><div>Menu</button>"
             f"<div>{f'<p>{LONG}</p>' * 4}</div><noscript>no</noscript></body>",
    "unseen": '<body><p>Rated 4.8<span class="tw-sr-only"> out of 5</span> by readers'
              '<span class="hoverCard">Jane</span>.<span class="screen-reader text">x</span></p>'
              '<div><span class="sr-only">Menu label</span> kept</div><p>\u200d</p></body>',
    "breaks": "<body><p>one<br><br>two<br> <br>three<br>four</p><p>\u200b \u00a0 spaced \u3000 out \u200b</p></body>",
    "tables": "<body><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td><a>2</a></td></tr></table>"
              f"<table><tr><td><p>{LONG}</p></td></tr></table></body>",
    "tails": "<body><div>lead <b>bold</b> tail<p>inner</p> after inner <i>it</i></div> body tail</body>",
    "nesting": "<body>" + "<div><span>" * 200 + "deep" + "</span></div>" * 200 + "</body>",
    "wide": "<body><p>" + "<b>x</b> " * 3000 + "</p>" + "<p>p</p>" * 300 + "</body>",
    "entities": "<body><p class='a&amp;b' title='&quot;'>&lt;tag&gt; &amp; caf&eacute; &#x1F600; &unknown;</p></body>",
    "non-ascii": "<body><div class='Ärger straße'><p>Привет, мир. 你好，世界。</p></div></body>",
    "empty": "<body></body>",
}


def _key(blocks: list) -> list:
    return [(b.index, b.text, b.kind, b.features, b.element, b.dropped_by, b.reason, b.role, b.outside_main,
             b.drop_kind) for b in blocks]


def _same(root: object, max_blocks: int = 20_000) -> None:
    pure = html_blocks_pure(root, max_blocks)
    compiled = walk(root, max_blocks)  # type: ignore[misc]
    assert compiled is not None, "the compiled walker left this tree to the pure one"
    assert _key(compiled) == _key(pure)


@needs_compiled
@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.html")), ids=lambda p: p.name)
def test_bench_fixture_pages_identical(path: Path) -> None:
    _same(parse_html(path.read_text(encoding="utf-8")))


@needs_compiled
@pytest.mark.parametrize("name", sorted(MADE_UP))
def test_made_up_pages_identical(name: str) -> None:
    _same(parse_html(MADE_UP[name]))


@needs_compiled
def test_block_budget_identical() -> None:
    html = "<body><div>" + "".join(f"<p>para {i} <b>b</b></p><table><tr><td>c{i}</td></tr></table>"
                                   for i in range(60)) + "</div></body>"
    for budget in (1, 5, 30, 200):
        _same(parse_html(html), max_blocks=budget)


@needs_compiled
def test_trees_built_by_hand_identical() -> None:
    root = etree.Element("html")
    body = etree.SubElement(root, "body")
    for i in range(3):
        p = etree.SubElement(body, "p", {"class": f"Para-{i}"})
        p.text = f"text {i} "
        etree.SubElement(p, "a").text = "link"
    root[0][0].tail = "tail"
    _same(root)
    _same(root[0][1])  # a walk from an inner element
    assert walk(None, 10) == []  # type: ignore[misc]


@needs_compiled
def test_trees_it_does_not_read_go_to_the_pure_walker() -> None:
    # a namespaced element and an entity reference node: read by the pure walker, same result
    xml = etree.fromstring('<!DOCTYPE r [<!ENTITY e "ent">]>'
                           '<html xmlns:x="urn:x"><body><p>a<x:b>b</x:b>&e;</p></body></html>',
                           etree.XMLParser(resolve_entities=False))
    assert walk(xml, 100) is None  # type: ignore[misc]
    assert _key(html_blocks(xml)) == _key(html_blocks_pure(xml))
    # a DTD that declares a default attribute value: lxml's get() would read it from there
    dtd = etree.fromstring('<!DOCTYPE html [<!ATTLIST p class CDATA "dflt">]><html><body><p>x</p></body></html>')
    assert walk(dtd, 100) is None  # type: ignore[misc]
    assert _key(html_blocks(dtd)) == _key(html_blocks_pure(dtd))
    # comments and processing instructions (parse_html removes them)
    with_comments = etree.fromstring(f"<html><body><p>a<!-- c -->b</p><?pi x?><p>{LONG}</p></body></html>",
                                     etree.HTMLParser(remove_comments=False, remove_pis=False))
    assert walk(with_comments, 100) is None  # type: ignore[misc]
    assert _key(html_blocks(with_comments)) == _key(html_blocks_pure(with_comments))
    assert walk("not an element", 100) is None  # type: ignore[misc]


def test_pure_core_can_be_forced_and_version_says_which(monkeypatch: pytest.MonkeyPatch) -> None:
    def version(pure: str) -> str:
        env = {**os.environ, "NEWSCLEAN_PURE": pure}
        return subprocess.run([sys.executable, "-m", "newsclean.cli", "--version"], capture_output=True,
                              text=True, env=env, check=True).stdout.strip()

    assert version("1").endswith("(pure-Python core)")
    monkeypatch.setenv("NEWSCLEAN_PURE", "0")
    _core.force_pure(False)  # decide again, with the variable unset
    try:
        expected = "(compiled core)" if _core.compiled_walker() is not None else "(pure-Python core)"
    finally:
        monkeypatch.undo()
        _core.force_pure(False)
    assert version("0").endswith(expected)
