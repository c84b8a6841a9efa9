"""Pipeline.describe() and ``newsclean stages``: the stages in order, with kinds, options and defaults."""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from newsclean import Pipeline, Stage
from newsclean.cli import main
from newsclean.describe import describe_text
from newsclean.stages import DEFAULT_STAGE_NAMES


class Shout(Stage):
    """Upper-case every kept block.

    (A second paragraph that is not the summary.)"""

    name = "shout"
    kinds = frozenset({"text"})

    @dataclass(frozen=True)
    class Options:
        marker: str = "!"
        words: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    def run(self, page):
        pass


def test_describe_lists_the_stages_in_order_with_kinds_options_and_summary():
    p = Pipeline().add(Shout(marker="?"), after="navigation").configure("navigation", html_max_link_density=0.4)
    infos = p.describe()
    assert [i.name for i in infos] == p.names
    shout = infos[p.names.index("shout")]
    assert shout.kinds == ("text",) and shout.cls.endswith("test_describe.Shout")
    assert shout.description == "Upper-case every kept block."
    assert [(o.name, o.value, o.default, o.changed) for o in shout.options] == [
        ("marker", "?", "!", True), ("words", (), (), False)]
    nav = infos[p.names.index("navigation")]
    assert {o.name: (o.value, o.default) for o in nav.options}["html_max_link_density"] == (0.4, 0.5)
    meta = infos[0]
    assert meta.name == "metadata" and meta.kinds == ("html",) and meta.options == ()
    assert all(i.description for i in infos)  # built-in stages without a class docstring: the module's
    assert meta.description.startswith("Read what the page states")


def test_describe_text_shows_changed_options_with_their_default():
    text = describe_text(Pipeline().configure("navigation", html_max_link_density=0.4).describe())
    lines = text.splitlines()
    assert lines[0].startswith("1. metadata") and "[html]" in lines[0]
    assert "     html_max_link_density = 0.4  (default 0.5)" in lines
    assert "     text_drop_bullets = True" in lines


def test_stages_command_text_and_json(capsys):
    assert main(["stages"]) == 0
    out = capsys.readouterr().out
    numbered = [ln.split()[1] for ln in out.splitlines() if ln[:1].isdigit()]
    assert numbered == list(DEFAULT_STAGE_NAMES)
    assert "also available (not in this pipeline): site_rules" in out
    assert main(["stages", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in data["stages"]] == list(DEFAULT_STAGE_NAMES)
    dup = next(s for s in data["stages"] if s["name"] == "duplicates")
    assert dup["options"]["repeats"] == {"value": 3, "default": 3}
    assert dup["kinds"] == ["html", "text"] and dup["description"]


def test_stages_command_reads_the_settings(tmp_path, capsys):
    cfg = tmp_path / "newsclean.toml"
    cfg.write_text('stages = ["boilerplate", "title"]\n[options.boilerplate]\ntext_min_body_words = 12\n',
                   encoding="utf-8")
    assert main(["stages", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert [ln.split()[1] for ln in out.splitlines() if ln[:1].isdigit()] == ["boilerplate", "title"]
    assert "text_min_body_words = 12  (default 8)" in out
