"""The compiled core's subtree sums of the navigation stage (newsclean/_core/_scan_spd11h.pxi) and their
pure-Python twin give equal results, dict order included, on made-up pages: blocks at several depths, a
block given twice, an element holding its own text as a block, ``stop`` inside the page or None (the root),
an element above ``stop``, a block without an element.

The twin comparisons are skipped when the extension is not built (or NEWSCLEAN_PURE is set)."""
from __future__ import annotations

import pytest

from newsclean import _core
from newsclean.load.parse import parse_html
from newsclean.stages.navigation import tree
from tests.core_helpers import unless_compiled

subtree_sums = _core.compiled("subtree_sums")
compiled_only = unless_compiled(subtree_sums)

PAGES = [
    "<html><body><div id=out><p>a</p></div><main><section><p>b</p><div><p>c</p><p>d</p></div></section>"
    "<p>e</p></main></body></html>",
    "<html><body><article><h1>T</h1><div class=x><div><div><p>deep</p></div></div></div><ul><li>1</li>"
    "<li>2<p>in</p></li></ul></article><footer><p>f</p></footer></body></html>",
    "<p>only one</p>",
]


def _items(root: object, stop_tag: str | None) -> tuple[list[tuple[object, int, int]], object]:
    els = [el for el in root.iter() if el.tag in ("p", "li", "h1", "main", "div")]  # type: ignore[attr-defined]
    items = [(el, 7 * (k + 1), k % 3) for k, el in enumerate(els)]
    items += [(els[0], 5, 1), (None, 9, 1)]  # a block given twice; one without an element
    stop = root.find(f".//{stop_tag}") if stop_tag else None  # type: ignore[attr-defined]
    if stop is not None:
        items.append((stop, 4, 1))  # the stop element itself: skipped by both
        up = stop.getparent()
        if up is not None:
            items.append((up, 3, 1))  # above stop: climbs to the root, as in the twin
    return items, stop


@compiled_only
@pytest.mark.parametrize("html", PAGES)
@pytest.mark.parametrize("stop_tag", [None, "main", "article", "div", "body"])
def test_subtree_sums_twins(html: str, stop_tag: str | None) -> None:
    root = parse_html(html, 1000)
    items, stop = _items(root, stop_tag)
    got = subtree_sums(items, stop)
    want = tree.subtree_sums_pure(items, stop)
    assert list(got[0].items()) == list(want[0].items())
    assert list(got[1].items()) == list(want[1].items())


def test_subtree_sums_is_the_pure_twin_without_the_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tree, "compiled", lambda name: None)
    root = parse_html(PAGES[0], 1000)
    items, stop = _items(root, "main")
    assert tree.subtree_sums(items, stop) == tree.subtree_sums_pure(items, stop)


def test_hint_word_bits_or_the_sets_holding_each_word() -> None:
    from newsclean.stages.boilerplate.html import hint_word_bits
    got = hint_word_bits(frozenset({"post", "body"}), frozenset({"nav", "body"}), frozenset({"meta", "nav"}))
    assert got == {"post": 1, "body": 3, "nav": 6, "meta": 4}
