"""The Pipeline: built from names, editable, reusable, picklable; stage errors are ours."""
from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

import newsclean
from newsclean import ConfigError, Pipeline, Stage, StageError
from newsclean.stages import DEFAULT_STAGE_NAMES

HTML = """<html><head><title>A story</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>A story</h1>
<p>The first paragraph of the story is long enough to be a paragraph of the body text here.</p>
<p>The second paragraph continues the story with more words, so that it is clearly prose.</p>
</article></body></html>"""


class Shout(Stage):
    name = "shout"

    @dataclass(frozen=True)
    class Options:
        marker: str = "!"

    def run(self, page):
        for b in page.kept():
            b.text = b.text.upper() + self.options.marker


class DropAll(Stage):
    name = "drop_all"

    def run(self, page):
        for b in page.blocks:
            self.drop(page, b, "test stage drops everything")


class Broken(Stage):
    name = "broken"

    def run(self, page):
        raise ZeroDivisionError("boom")


def test_default_pipeline_names():
    assert Pipeline().names == list(DEFAULT_STAGE_NAMES)


def test_add_before_after_remove_replace():
    p = Pipeline()
    p.add(Shout(), after="navigation")
    assert p.names.index("shout") == p.names.index("navigation") + 1
    p.remove("shout")
    p.add(Shout(marker="?"), before="metadata")
    assert p.names[0] == "shout"
    p.replace("shout", DropAll())
    assert "shout" not in p.names and p.names[0] == "drop_all"
    with pytest.raises(ConfigError):
        p.add(DropAll())  # duplicate name
    with pytest.raises(ConfigError):
        p.add(Shout(), before="nope")
    with pytest.raises(ConfigError):
        p.remove("nope")


def test_unknown_stage_and_bad_options_are_config_errors():
    with pytest.raises(ConfigError, match="unknown stage"):
        Pipeline(["metadata", "no-such-stage"])
    with pytest.raises(ConfigError, match="valid options"):
        Pipeline(options={"boilerplate": {"no_such_option": 1}})
    with pytest.raises(ConfigError, match="not in the pipeline"):
        Pipeline(["metadata"], options={"boilerplate": {}})


def test_options_per_stage_and_configure():
    p = Pipeline(options={"navigation": {"text_drop_bullets": False}})
    assert p.get("navigation").options.text_drop_bullets is False
    p.configure("navigation", text_drop_bullets=True)
    assert p.get("navigation").options.text_drop_bullets is True


def test_custom_stage_runs_and_records_decisions():
    p = Pipeline(["metadata", "boilerplate"]).add(DropAll())
    page = p.process(HTML)
    assert page.blocks and all(not b.kept for b in page.blocks)
    art = p.extract(HTML)
    assert art.text == ""
    assert {r.stage for r in art.removed} <= {"drop_all", "boilerplate"}
    assert any(r.reason == "test stage drops everything" for r in art.removed)


def test_stage_options_are_used():
    art = Pipeline([]).add(Shout(marker="#")).extract("Hello there.\n\nSecond line here.", kind="text")
    assert art.paragraphs[0].text == "HELLO THERE.#"


def test_stage_crash_becomes_stage_error():
    p = Pipeline([]).add(Broken())
    with pytest.raises(StageError) as info:
        p.extract(HTML)
    assert info.value.stage == "broken"
    assert isinstance(info.value, newsclean.NewscleanError)
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_pipeline_pickles_and_is_reusable():
    p = Pipeline().add(Shout(), after="dates")
    q = pickle.loads(pickle.dumps(p))
    assert q == p and q.names == p.names
    a1 = p.extract(HTML)
    a2 = p.extract(HTML)
    a3 = q.extract(HTML)
    assert a1.to_dict() == a2.to_dict() == a3.to_dict()


def test_stages_skip_other_kind():
    class HtmlOnly(Stage):
        name = "html_only"
        kinds = frozenset({"html"})

        def run(self, page):
            for b in page.blocks:
                self.drop(page, b, "html only")

    p = Pipeline([]).add(HtmlOnly())
    assert p.extract("Some text line that stays.", kind="text").text == "Some text line that stays."
    assert p.extract(HTML).text == ""
