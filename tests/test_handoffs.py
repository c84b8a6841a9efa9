"""Stages declare what they need and provide (newsclean.handoffs): the pipeline checks the order when it
is built or edited, products travel as typed fields on ``page.handoffs``, and a stage whose product is
optional keeps working without it."""
from __future__ import annotations

import pytest

from newsclean import ConfigError, Pipeline, Stage, handoffs
from newsclean.page import Block, Page
from newsclean.stages import BUILTIN_STAGES

P = "Body paragraph number {} tells the story in plain words, with commas, clauses and an end."
BODY = "".join(f"<p>{P.format(i)} {P.format(i)}</p>" for i in range(6))
MENU = "<ul class='menu'>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8)) + "</ul>"
HTML = f"<html><head><title>A story</title></head><body>{MENU}<article><h1>A story</h1>{BODY}</article></body></html>"


class NeedsTitle(Stage):
    """A made-up stage that cannot work without the headline block."""

    name = "needs_title"
    requires = frozenset({handoffs.TITLE_BLOCK})

    def run(self, page):
        assert page.handoffs.title_block is not None


class Noop(Stage):
    """A made-up stage that provides nothing."""

    name = "noop"

    def run(self, page):
        pass


def test_removing_a_stage_another_requires_is_a_config_error_naming_both():
    p = Pipeline()
    with pytest.raises(ConfigError) as exc:
        p.remove("page_type")
    assert "'type_fit'" in str(exc.value) and "'page_type'" in str(exc.value)
    assert "page_type" in p.names  # the failed edit left the pipeline as it was
    p.remove("type_fit").remove("page_type")  # both out: fine


def test_order_and_every_edit_are_checked():
    with pytest.raises(ConfigError, match="'type_fit'.*'page_type'"):
        Pipeline(["type_fit", "page_type"])
    assert Pipeline(["page_type", "type_fit"]).names == ["page_type", "type_fit"]
    with pytest.raises(ConfigError, match="'needs_title'.*'title'"):
        Pipeline().add(NeedsTitle(), after="metadata")
    p = Pipeline().add(NeedsTitle(), after="title")
    with pytest.raises(ConfigError, match="'needs_title'.*'title'"):
        p.remove("title")
    with pytest.raises(ConfigError, match="'needs_title'.*'title'"):
        p.replace("title", Noop())
    p.configure("title")  # an edit that keeps the order is fine
    assert p.extract(HTML, kind="html").title == "A story"


def test_builtin_declarations_name_real_products():
    known = {v for k, v in vars(handoffs).items() if k.isupper() and isinstance(v, str)}
    for cls in BUILTIN_STAGES.values():
        assert (cls.requires | cls.optional | cls.provides) <= known, cls.name
    # each requirement of the default pipeline is met by an earlier stage
    Pipeline()


def test_products_are_typed_fields_on_the_page():
    page = Pipeline(["metadata", "boilerplate", "title"]).process(HTML, kind="html")
    hand = page.handoffs
    assert hand.head is not None and hand.head.title == "A story"
    assert isinstance(hand.jsonld, dict)
    assert hand.html_container is not None and hand.html_container.tag == "article"
    assert hand.title_block is not None and page.blocks[hand.title_block].text == "A story"
    menu = [b for b in page.blocks if b.text.startswith("Section")]
    assert menu and all(b.outside_main and b.dropped_by == "boilerplate" for b in menu)
    text = Pipeline(["boilerplate"]).process("Menu\n\n" + "\n\n".join(P.format(i) for i in range(6)) + "\n\nFooter",
                                             kind="text")
    first, last = text.handoffs.text_region
    assert text.blocks[first].text.startswith("Body paragraph") and last < len(text.blocks) - 1


def test_restoring_a_block_clears_outside_main():
    page = Page(kind="text", source="", blocks=[Block(0, "x")])
    page.drop(page.blocks[0], "boilerplate", "outside", outside_main=True)
    assert page.blocks[0].outside_main
    page.restore(page.blocks[0], "site_rules", "inside body selector")
    assert not page.blocks[0].outside_main
    page.drop(page.blocks[0], "navigation", "menu")  # a drop that says nothing about the main content
    assert not page.blocks[0].outside_main


def test_optional_products_missing_navigation_byline_dates_fall_back():
    # navigation without boilerplate: the rules run over the whole page and still find the menu
    alone = Pipeline(["navigation"]).process(HTML, kind="html")
    assert all(not b.kept for b in alone.blocks if b.text.startswith("Section"))
    assert sum(1 for b in alone.kept() if b.text.startswith("Body paragraph")) == 6
    # dates without metadata or title: the printed date under the first heading is still read
    dated = HTML.replace("<h1>A story</h1>", "<h1>A story</h1><p>May 3, 2024</p>")
    page = Pipeline(["dates"]).process(dated, kind="html")
    assert page.handoffs.head is None and page.handoffs.title_block is None
    assert page.get("published").date().isoformat() == "2024-05-03"
    # byline without title: the markup's author is still read
    authored = HTML.replace("<title>", "<meta name='author' content='Jane Roe'><title>")
    assert Pipeline(["metadata", "byline"]).process(authored, kind="html").get("authors") == ["Jane Roe"]


def test_orphan_heading_check_reads_outside_main_not_a_stage_name():
    """A heading whose section lies outside the main content is not 'a heading of a dropped section':
    that judgement follows Block.outside_main, whichever stage set it."""
    from newsclean.stages.navigation.sections import drop_orphan_headings as _drop_orphan_headings

    page = Page(kind="html", source="", blocks=[Block(0, "Related", "heading", {"level": 2}), Block(1, "x"),
                                                 Block(2, "Kept", "heading", {"level": 2}), Block(3, "y")])
    page.drop(page.blocks[1], "my_container_finder", "outside", outside_main=True)
    page.drop(page.blocks[3], "navigation", "menu")
    _drop_orphan_headings(page, "navigation")
    assert page.blocks[0].kept and not page.blocks[2].kept


def test_describe_lists_requires_optional_provides():
    infos = {i.name: i for i in Pipeline().describe()}
    assert infos["type_fit"].requires == ("page_type",)
    assert infos["dates"].optional == ("head", "title_block")
    assert infos["metadata"].provides == ("head", "jsonld")
    assert infos["navigation"].to_dict()["optional"] == ["html_container", "html_cookies", "html_teasers",
                                                         "outside_main"]


def test_architecture_doc_lists_the_declarations():
    """docs/architecture.md's stage table matches what the stages declare (and the default order)."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| `")]

    def cell(values):
        return ", ".join(f"`{v}`" for v in values) or "—"

    infos = Pipeline().add("site_rules").describe()
    expected = [f"| `{i.name}` | {', '.join(i.kinds)} | {cell(i.requires)} | {cell(i.optional)} | {cell(i.provides)} |"
                for i in infos]
    assert [r for r in rows if r.count("|") == 6] == expected
