"""The container candidates of boilerplate.html as benchmarks/train/container_candidates.py lists them
(issue 13's oracle measurement), on small made-up pages."""
from __future__ import annotations

import pytest

from newsclean.load.page import load_page
from newsclean.stages.boilerplate import html as boilerplate_html
from tests.scripts import load_script

container_rank = load_script("benchmarks/train/container_candidates.py", "container_candidates")

P = "Body paragraph number {} tells the story in plain words, with commas, clauses and an end."


def body(n: int, start: int = 0) -> str:
    return "".join(f"<p>{P.format(i)} {P.format(i)}</p>" for i in range(start, start + n))


def _recorded(html: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[container_rank.Candidate], object]:
    seen: dict[str, object] = {}

    def record(blocks, weights, sc, pool, hand):  # type: ignore[no-untyped-def]
        seen["cands"] = container_rank.candidates(blocks, weights, sc, pool, hand)
        seen["hand"] = hand
        return hand

    monkeypatch.setattr(boilerplate_html, "measure", record)
    page = load_page(html, kind="html")
    boilerplate_html.choose_container(page)
    return seen["cands"], seen["hand"]  # type: ignore[return-value]


def test_block_ranges_cover_each_element_s_blocks() -> None:
    page = load_page("<body><div id='a'><p>one two three</p><div id='b'><p>four five</p><p>six seven</p></div></div>"
                     "<p>eight nine</p></body>", kind="html")
    sc = boilerplate_html._aggregate(page.blocks, [1.0] * len(page.blocks))
    rng = container_rank.block_ranges(page.blocks, sc.parent, sc.order)
    by_id = {el.get("id"): r for el, r in rng.items() if el.get("id")}
    assert by_id == {"a": (0, 2), "b": (1, 2)}
    assert rng[page.tree.find(".//body")] == (0, 3)


def test_candidates_describe_the_hand_choice_and_the_boxes_above_it(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (f"<html><body><div id='page'><h1>A headline of the story</h1><div id='post'><div id='part'>{body(2)}</div>"
            f"{body(3, 2)}</div><div id='comments'>{body(2, 10)}</div></div></body></html>")
    cands, hand = _recorded(html, monkeypatch)
    feats = {c.element.get("id") or c.element.tag: dict(zip(container_rank.FEATURES, c.features)) for c in cands}
    assert hand.get("id") == "post"
    assert feats["post"]["is_hand"] == 1.0 and feats["post"]["hand_ratio"] == 1.0
    assert feats["page"]["above_hand"] == 1.0 and feats["page"]["rel_depth"] < 0
    assert feats["part"]["below_hand"] == 1.0 and feats["part"]["char_share"] < feats["post"]["char_share"]
    assert feats["page"]["h1_inside"] == 1.0 and feats["post"]["h1_above"] == 1.0
    assert feats["page"]["chrome_inside"] > 0.0 and feats["post"]["chrome_inside"] == 0.0
    assert all(len(c.features) == len(container_rank.FEATURES) for c in cands)


def test_without_a_measuring_hook_the_choice_is_the_hand_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    html = f"<body><div id='menu'><a href='/a'>Home</a></div><div id='post'>{body(3)}</div></body>"
    assert boilerplate_html.measure is None
    el, _why, _neg = boilerplate_html.choose_container(load_page(html, kind="html"))
    assert el.get("id") == "post"
    monkeypatch.setattr(boilerplate_html, "measure", lambda blocks, weights, sc, pool, hand: hand.getparent())
    el, _why, _neg = boilerplate_html.choose_container(load_page(html, kind="html"))
    assert el.tag == "body"  # a measuring script may force another candidate
