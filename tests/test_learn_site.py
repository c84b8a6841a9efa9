"""Learned site templates: blocks recurring across a site's pages become editable rules that remove
the template and keep the article text — for HTML and for text captures."""
from __future__ import annotations

from newsclean import Pipeline
from newsclean.cli import main
from newsclean.config import load_settings, tomllib
from newsclean.rules.learn import learn_rule
from newsclean.testing import shingle_f1
from tests import sites

N = len(sites.BODIES)


def _scores(pipeline: Pipeline, kind: str) -> tuple[float, int]:
    f1s, template_left = [], 0
    for i in range(N):
        page = sites.page_html(i) if kind == "html" else sites.page_text(i)
        art = pipeline.extract(page, url=sites.url(i), kind=kind)
        f1s.append(shingle_f1(art.text, sites.truth(i)))
        template_left += sum(t in art.text for t in sites.TEMPLATE_PROSE)
    return sum(f1s) / len(f1s), template_left


def _learn(kind: str, tmp_path) -> Pipeline:
    paths = []
    for i in range(N):
        p = tmp_path / f"p{i}.{'html' if kind == 'html' else 'txt'}"
        p.write_text(sites.page_html(i) if kind == "html" else sites.page_text(i), encoding="utf-8")
        (tmp_path / f"p{i}.url").write_text(sites.url(i), encoding="utf-8")
        paths.append(str(p))
    out = tmp_path / f"{kind}.toml"
    assert main(["learn-site", *paths, "-o", str(out), "--kind", kind]) == 0
    data = tomllib.loads(out.read_text(encoding="utf-8"))  # readable, editable TOML
    assert sites.HOST in data["sites"]
    return Pipeline.from_settings(load_settings(out, search_from=None))


def test_learned_rules_remove_template_and_keep_article_html(tmp_path):
    before_f1, before_left = _scores(Pipeline(), "html")
    after_f1, after_left = _scores(_learn("html", tmp_path), "html")
    assert after_left == 0 and after_f1 >= before_f1 and after_f1 > 0.97, (before_f1, after_f1, before_left)


def test_learned_rules_remove_template_and_keep_article_text(tmp_path):
    before_f1, before_left = _scores(Pipeline(), "text")
    after_f1, after_left = _scores(_learn("text", tmp_path), "text")
    assert after_left == 0 and after_f1 >= before_f1 and after_f1 > 0.97, (before_f1, after_f1, before_left)


def test_learning_is_deterministic_and_order_free():
    pipeline = Pipeline(["metadata"])
    pages = [pipeline.process(sites.page_html(i), url=sites.url(i)) for i in range(N)]
    a = learn_rule(pages, sites.HOST)
    b = learn_rule(list(reversed(pages)), sites.HOST)
    assert a == b and a.drop


def test_learn_site_needs_two_pages(tmp_path, capsys):
    p = tmp_path / "one.html"
    p.write_text(sites.page_html(0), encoding="utf-8")
    assert main(["learn-site", str(p), "-o", str(tmp_path / "x.toml")]) == 2
