"""Settings precedence (kwargs > --config > pyproject [tool.newsclean] > defaults) and validation."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import ConfigError, Pipeline
from newsclean.cli import main
from newsclean.config import load_settings


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults(tmp_path):
    s = load_settings(search_from=tmp_path)
    assert s.stages is None and s.sites == () and s.origins == ()


def test_precedence(tmp_path):
    write(tmp_path / "pyproject.toml", """
[tool.newsclean]
max_bytes = 1000
[tool.newsclean.options.navigation]
html_max_link_density = 0.2
text_drop_bullets = false
""")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    s = load_settings(search_from=sub)  # the nearest pyproject.toml, found upwards
    assert s.max_bytes == 1000 and s.options["navigation"]["html_max_link_density"] == 0.2
    cfg = write(tmp_path / "nc.toml", "max_bytes = 2000\n[options.navigation]\nhtml_max_link_density = 0.3\n")
    s = load_settings(cfg, search_from=sub)
    assert s.max_bytes == 2000
    assert s.options["navigation"] == {"html_max_link_density": 0.3, "text_drop_bullets": False}
    s = load_settings(cfg, search_from=sub, max_bytes=3000)
    assert s.max_bytes == 3000
    p = Pipeline.from_settings(s)
    assert p.max_bytes == 3000 and p.get("navigation").options.html_max_link_density == 0.3


def test_unknown_keys_name_the_key_and_file(tmp_path):
    cfg = write(tmp_path / "nc.toml", "max_bytes = 10\nmax_byte = 5\n")
    with pytest.raises(ConfigError, match=r"nc.toml:2: unknown setting 'max_byte'"):
        load_settings(cfg, search_from=None)
    cfg = write(tmp_path / "nc2.toml", '[sites."example.org"]\ndrop = [".x"]\nbdy = ".y"\n')
    with pytest.raises(ConfigError, match=r"nc2.toml:3: unknown key 'bdy'"):
        load_settings(cfg, search_from=None)


def test_bad_selector_and_regex_name_file_and_line(tmp_path):
    cfg = write(tmp_path / "nc.toml", '[sites."example.org"]\ndrop = [".ok", "div[[broken"]\n')
    with pytest.raises(ConfigError, match=r"nc.toml:2: bad CSS selector 'div\[\[broken'"):
        load_settings(cfg, search_from=None)
    cfg = write(tmp_path / "nc2.toml", '[sites."example.org"]\n\ndrop_lines = ["(unclosed"]\n')
    with pytest.raises(ConfigError, match=r"nc2.toml:3: bad regular expression"):
        load_settings(cfg, search_from=None)


def test_bad_toml_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path / "bad.toml", "max_bytes = = 1"), search_from=None)
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(tmp_path / "nope.toml", search_from=None)


def test_unknown_stage_option_in_config_is_an_error(tmp_path):
    cfg = write(tmp_path / "nc.toml", "[options.navigation]\nno_such = 1\n")
    with pytest.raises(ConfigError, match="valid options"):
        Pipeline.from_settings(load_settings(cfg, search_from=None))


def test_cli_config_errors_exit_2(tmp_path, capsys, fixtures_dir):
    cfg = write(tmp_path / "nc.toml", "bogus = 1\n")
    page = str(fixtures_dir / "coins2day-zelensky.txt")
    assert main(["extract", page, "--config", str(cfg)]) == 2
    assert "unknown setting 'bogus'" in capsys.readouterr().err
    assert main(["extract", page, "--max-bytes", "100"]) == 2
    assert "over the limit" in capsys.readouterr().err


def test_max_blocks_setting_reaches_the_loader(tmp_path):
    cfg = write(tmp_path / "nc.toml", "max_blocks = 3\n")
    p = Pipeline.from_settings(load_settings(cfg, search_from=None))
    assert p.max_blocks == 3
    doc = p.load("<html><body>" + "".join(f"<p>para {i} here</p>" for i in range(10)) + "</body></html>")
    assert [b.text for b in doc.blocks][:3] == ["para 0 here", "para 1 here", "para 2 here"]
    assert len(doc.blocks) == 4 and doc.blocks[3].text.split()[::3] == ["para"] * 7
    assert any(d.stage == "load" and "over 3 blocks" in d.reason for d in doc.decisions)
    bad = write(tmp_path / "bad.toml", "max_blocks = 0\n")
    with pytest.raises(ConfigError, match="'max_blocks' must be a positive integer"):
        load_settings(bad, search_from=None)


def test_text_columns_setting_reaches_the_loader(tmp_path):
    assert Pipeline.from_settings(load_settings(search_from=tmp_path)).text_columns is True
    cfg = write(tmp_path / "nc.toml", "text_columns = false\n")
    p = Pipeline.from_settings(load_settings(cfg, search_from=None))
    assert p.text_columns is False
    story = [f"Line {i} of a story that is set in a table column here" for i in range(10)]
    capture = "\n".join(f"{s:<60}  □ Archive entry {i}" for i, s in enumerate(story))
    assert not any(d.stage == "load" and "columns" in d.reason for d in p.load(capture, kind="text").decisions)
    bad = write(tmp_path / "bad.toml", "text_columns = 1\n")
    with pytest.raises(ConfigError, match="'text_columns' must be true or false"):
        load_settings(bad, search_from=None)


def test_the_readme_settings_example_loads(tmp_path):
    readme = Path(__file__).resolve().parents[1] / "README.md"
    if not readme.is_file():
        pytest.skip("no README.md next to the tests")
    text = readme.read_text(encoding="utf-8")
    start = text.index("# newsclean.toml")
    example = write(tmp_path / "nc.toml", text[start:text.index("```", start)])
    p = Pipeline.from_settings(load_settings(example, search_from=None))
    assert p.page_types == ("article",) and p.text_columns is True and "site_rules" in p.names
