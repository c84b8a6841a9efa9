"""The run-level keep/drop model of HTML pages (stage 'regions' on HTML) and its weights file."""
from __future__ import annotations

import json
from importlib import resources

from newsclean import Pipeline
from newsclean.stages.regions import HTML_WEIGHTS_FILE, RegionStage, load_html_region_model
from newsclean.stages.regions.features import runs_of
from newsclean.stages.regions.html_features import HTML_FEATURES, html_region_rows, html_runs
from tests.test_capture_regions import STORY


def _page(tail: str) -> str:
    """A news story (typed an article: og:type, JSON-LD) with ``tail`` inside its text's box, after the text."""
    paras = "".join(f"<p>{t}</p>" for t in STORY)
    return ("<html><head><title>Bridge to close</title><meta property='og:type' content='article'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Bridge to close for "
            "repairs\", \"datePublished\": \"2024-03-05\"}</script></head><body><article>"
            "<h1>Bridge to close for repairs</h1><p class='byline'>By Ann Smith, March 5, 2024</p>"
            f"<div class='story'>{paras}{tail}</div></article></body></html>")


#: after the story, past a dropped 'Follow us' line, the site asking for tips
PITCH = ("<div class='w2'><p>Follow us on Facebook, Twitter and Instagram for more local news</p>"
         "<p>Send us your tips: we want to hear from you</p></div>")
#: right under the story, in a box of its own (no dropped block between), a reader comment's buttons
BUTTONS = "<div class='w2'><p>Reply</p><p>Report</p></div>"


def test_every_run_gets_one_value_per_html_feature_and_the_main_run_is_not_judged():
    page = Pipeline(options={"regions": {"html_drop_below": 0.0}}).process(_page(PITCH))
    runs, main, table = html_region_rows(page.blocks, page.handoffs.title_block, set())
    assert len(runs) >= 2
    assert all(len(r) == len(HTML_FEATURES) for r in table)
    assert not any(table[main])


def test_weights_file_names_the_features_the_code_computes():
    d = json.loads(resources.files("newsclean.data").joinpath(HTML_WEIGHTS_FILE).read_text("utf-8"))
    assert d["features"] == list(HTML_FEATURES)
    assert 0.0 < d["drop_below"] < 1.0
    assert load_html_region_model().drop_below == d["drop_below"]


def test_the_main_run_stays_whatever_the_threshold():
    art = Pipeline(options={"regions": {"html_drop_below": 1.0}}).extract(_page(""))
    assert all(t in art.text for t in STORY)


def test_a_run_beside_the_story_is_dropped_with_its_reason():
    page = Pipeline().process(_page(PITCH))
    assert page.get("page_type") == "article"
    tip = next(b for b in page.blocks if b.text.startswith("Send us your tips"))
    assert tip.dropped_by == "regions" and (tip.reason or "").startswith("learned HTML region model")
    assert all(t in Pipeline().extract(_page(PITCH)).text for t in STORY)


def test_without_the_html_model_the_run_stays():
    art = Pipeline(options={"regions": {"html_drop_below": 0.0}}).extract(_page(PITCH))
    assert "Send us your tips" in art.text


def test_a_box_right_under_the_story_is_judged_as_a_run_of_its_own():
    assert "Reply" in Pipeline(options={"regions": {"html_drop_below": 0.0}}).extract(_page(BUTTONS)).text
    page = Pipeline().process(_page(BUTTONS))
    assert all(b.dropped_by == "regions" for b in page.blocks if b.text in ("Reply", "Report"))


def test_a_box_right_under_the_story_is_a_run_of_its_own():
    page = Pipeline(options={"regions": {"html_drop_below": 0.0}}).process(_page(BUTTONS))
    runs = html_runs(page.blocks, page.handoffs.html_container)
    assert "Reply" in {page.blocks[r.first].text for r in runs}
    assert len(runs_of(page.blocks)) < len(runs)  # (no dropped block between: runs_of keeps it with the story)


def test_paragraphs_right_under_the_container_stay_one_run():
    paras = "".join(f"<p>{t}</p>" for t in STORY)
    page = Pipeline(options={"regions": {"html_drop_below": 0.0}}).process(
        f"<html><body><article><h1>Bridge to close</h1>{paras}<ul><li>One more point of the story.</li></ul>"
        f"</article></body></html>")
    assert len(html_runs(page.blocks, page.handoffs.html_container)) == len(runs_of(page.blocks))


def test_only_articles_runs_are_judged():
    page = Pipeline(options={"regions": {"html_drop_below": 0.0}}).process(_page(BUTTONS))
    page.set_field("page_type", "listing", "test", "test")
    RegionStage().run(page)
    assert not any(b.dropped_by == "regions" for b in page.blocks)
    page.set_field("page_type", "article", "test", "test")
    RegionStage().run(page)
    assert any(b.dropped_by == "regions" for b in page.blocks)
