"""A third-party stage registered under the ``newsclean.stages`` entry-point group is found by name."""
from __future__ import annotations

import sys
import textwrap

import pytest

from newsclean import ConfigError, Pipeline
from newsclean.registry import available_stages


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    """Install a tiny distribution (a module plus a .dist-info with entry_points.txt) on sys.path."""
    (tmp_path / "nc_demo_plugin.py").write_text(textwrap.dedent('''
        from dataclasses import dataclass
        from newsclean import Stage

        class DropShort(Stage):
            name = "drop_short"

            @dataclass(frozen=True)
            class Options:
                min_words: int = 3

            def run(self, page):
                for b in page.kept():
                    if len(b.text.split()) < self.options.min_words:
                        self.drop(page, b, f"fewer than {self.options.min_words} words")
    '''))
    info = tmp_path / "nc_demo_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nc-demo-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newsclean.stages]\ndrop_short = nc_demo_plugin:DropShort\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    sys.modules.pop("nc_demo_plugin", None)


def test_plugin_stage_found_by_name(installed_plugin):
    assert "drop_short" in available_stages()
    p = Pipeline([]).add("drop_short", options={"min_words": 4})
    art = p.extract("Too short.\n\nThis line has enough words in it.", kind="text")
    assert art.text == "This line has enough words in it."
    assert art.removed[0].stage == "drop_short" and "fewer than 4 words" in art.removed[0].reason


def test_plugin_stage_in_constructor(installed_plugin):
    p = Pipeline(["drop_short"], options={"drop_short": {"min_words": 2}})
    assert p.names == ["drop_short"]


def test_missing_plugin_is_config_error():
    with pytest.raises(ConfigError, match="unknown stage 'drop_short'"):
        Pipeline(["drop_short"])
