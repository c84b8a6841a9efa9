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


# --- pages of several hosts; short texts and article vocabulary are never learned (issue 14, item 11)

OTHER_HOST = "news.other-example.test"


def _other_text(i: int) -> str:
    """A page of a second site: the same layout, its own name (so its own promo and footer texts)."""
    return sites.page_text(i).replace("Daily Example", "Evening Sample")


def _write(tmp_path, name: str, text: str, url: str) -> str:
    p = tmp_path / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.url").write_text(url, encoding="utf-8")
    return str(p)


def test_pages_of_two_hosts_get_one_section_each(tmp_path, capsys):
    paths = [_write(tmp_path, f"a{i}", sites.page_text(i), sites.url(i)) for i in range(N)]
    paths += [_write(tmp_path, f"b{i}", _other_text(i), f"https://{OTHER_HOST}/s/{i}") for i in range(N)]
    out = tmp_path / "two.toml"
    assert main(["learn-site", *paths, "-o", str(out), "--kind", "text"]) == 0
    data = tomllib.loads(out.read_text(encoding="utf-8"))["sites"]
    assert sorted(data) == sorted([sites.HOST, OTHER_HOST])
    a, b = data[sites.HOST]["drop_texts"], data[OTHER_HOST]["drop_texts"]
    assert sites.PROMO in a and sites.PROMO not in b
    assert sites.PROMO.replace("Daily Example", "Evening Sample") in b
    assert "2 sites" in capsys.readouterr().err


def test_a_host_with_one_page_is_a_clear_error(tmp_path, capsys):
    paths = [_write(tmp_path, f"a{i}", sites.page_text(i), sites.url(i)) for i in range(3)]
    paths.append(_write(tmp_path, "b0", _other_text(0), f"https://{OTHER_HOST}/s/0"))
    out = tmp_path / "x.toml"
    assert main(["learn-site", *paths, "-o", str(out), "--kind", "text"]) == 2
    err = capsys.readouterr().err
    assert OTHER_HOST in err and "b0.txt" in err and not out.exists()


def test_short_texts_and_body_vocabulary_are_not_learned():
    """'New York' and 'U.S.' recur as whole lines (a dateline, a label) on every page; 'the state
    attorney general' recurs as a line and is also said inside one article's paragraph."""
    recurring = ["New York", "U.S.", "the state attorney general", "Sign up for our morning newsletter today"]
    pipeline = Pipeline(["metadata"])
    pages = []
    for i in range(N):
        text = sites.page_text(i).replace(sites.EDITOR_NOTE, "\n\n".join(recurring))
        if i == 0:
            text = text.replace(sites.BODIES[0]["paragraphs"][0],
                                sites.BODIES[0]["paragraphs"][0] + " So said the state attorney general.")
        pages.append(pipeline.process(text, url=sites.url(i), kind="text"))
    rule = learn_rule(pages, sites.HOST)
    assert "Sign up for our morning newsletter today" in rule.drop_texts
    for text in ("New York", "U.S.", "the state attorney general", "Home", "Privacy policy"):
        assert text not in rule.drop_texts, text
