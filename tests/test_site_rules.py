"""Per-site rules: host matching, selectors for HTML, line patterns for text captures, per-site stage
options, and explain showing the rule that fired."""
from __future__ import annotations

import json

from newsclean import Pipeline
from newsclean.cli import main
from newsclean.config import load_settings
from newsclean.rules.site import match_rule, parse_site_rules
from tests import sites


def pipeline(**sites_table) -> Pipeline:
    return Pipeline.from_settings(load_settings(search_from=None, sites=sites_table))


def test_host_matching_subdomains_and_longest_wins():
    rules = parse_site_rules({"example.org": {}, "news.example.org": {}, "other.net": {}})
    assert match_rule(rules, "https://www.example.org/a").host == "example.org"
    assert match_rule(rules, "https://news.example.org/a").host == "news.example.org"
    assert match_rule(rules, "http://a.b.news.example.org").host == "news.example.org"
    assert match_rule(rules, "https://notexample.org/") is None
    assert match_rule(rules, None) is None and match_rule(rules, "::bad::") is None


def test_html_selectors():
    p = pipeline(**{sites.HOST: {"drop": ["div.member-promo", ".newsroom-box", "p.note"],
                                 "title": "h1.headline"}})
    art = p.extract(sites.page_html(0), url=sites.url(0))
    for prose in sites.TEMPLATE_PROSE:
        assert prose not in art.text
    assert art.title == "Story number 0" and art.sources["title"] == f"site rule {sites.HOST}"
    assert "Story number 0" not in art.text
    assert sites.BODIES[0]["paragraphs"][0] in art.text
    reasons = [r.reason for r in art.removed if r.stage == "site_rules"]
    assert any("matches drop selector" in r for r in reasons)
    # another host: the rule does not fire
    other = p.extract(sites.page_html(0), url="https://elsewhere.test/x")
    assert not [r for r in other.removed if r.stage == "site_rules"]


def test_body_selector_restores_and_drops():
    p = pipeline(**{sites.HOST: {"body": "div.story-body"}})
    page = p.process(sites.page_html(1), url=sites.url(1))
    for b in page.blocks:
        inside = any(a.get("class") == "story-body" for a in b.element.iterancestors())
        if not inside:
            assert not b.kept
    assert sites.BODIES[1]["paragraphs"][-1] in "\n".join(b.text for b in page.kept())


def test_text_capture_line_patterns_and_texts():
    p = pipeline(**{sites.HOST: {"drop_lines": [r"Editor's note:.*"], "drop_texts": [sites.PROMO]}})
    art = p.extract(sites.page_text(2), url=sites.url(2), kind="text")
    assert sites.EDITOR_NOTE not in art.text and sites.PROMO not in art.text
    assert sites.BODIES[2]["paragraphs"][0] in art.text


def test_per_site_stage_options():
    p = pipeline(**{"example.org": {"stages": {"navigation": {"html_max_link_density": 0.11}}}})
    assert p.get("navigation").options.html_max_link_density != 0.11
    assert p._for_site(p.load("<p>x</p>", url="https://example.org/"))[p.names.index("navigation")] \
        .options.html_max_link_density == 0.11


def test_explain_shows_the_rule(tmp_path, capsys):
    cfg = tmp_path / "site.toml"
    cfg.write_text(f'[sites."{sites.HOST}"]\ndrop = [".newsroom-box"]\n', encoding="utf-8")
    page = tmp_path / "p.html"
    page.write_text(sites.page_html(0), encoding="utf-8")
    assert main(["explain", str(page), "--url", sites.url(0), "--config", str(cfg), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any(n["note"] == f"site rule {sites.HOST} applies" for n in data["notes"])
    assert any(b["stage"] == "site_rules" and sites.HOST in b["reason"] for b in data["blocks"])
