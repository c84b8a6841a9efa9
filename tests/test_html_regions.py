"""The run-level keep/drop model of HTML pages (stage 'regions' on HTML) and its weights file."""
from __future__ import annotations

import json
from importlib import resources

from newsclean import Pipeline
from newsclean.stages.regions import HTML_WEIGHTS_FILE, load_html_region_model
from newsclean.stages.regions.html_features import HTML_FEATURES, html_region_rows

STORY = [
    "The city council voted on Tuesday to close the old bridge over the river for repairs that are expected to "
    "last until the end of next summer, officials said.",
    "Engineers found cracks in two of the bridge's supports during an inspection in the spring, and the council "
    "had been under pressure from residents to act quickly.",
    "Drivers will be sent along a detour through the industrial district, which the council said would add about "
    "ten minutes to most journeys across the town.",
    "Shop owners near the bridge said they feared losing customers during the closure and asked the council for "
    "help with their rents while the work goes on.",
    "The mayor said the town would set up a fund for the shops and promised that the work would be finished "
    "before the autumn fair, the busiest week of the year.",
]


def _page(tail: str) -> str:
    paras = "".join(f"<p>{t}</p>" for t in STORY)
    return (f"<html><head><title>Bridge to close</title></head><body><article><h1>Bridge to close for repairs</h1>"
            f"<div class='story'>{paras}</div>{tail}</article></body></html>")


#: after the story, past a row of share buttons, a run of pitches for the site's own offers
PITCH = ("<div class='box'><p>Share</p><p>Tweet</p><p>Email</p></div><div class='pitch'><h3>Get more from us</h3>"
         "<ul><li><a href='/a'>Sign up for our free daily newsletter</a> today</li>"
         "<li><a href='/b'>Try our premium plan with unlimited access</a></li>"
         "<li><a href='/c'>Download our app to read on the go</a></li></ul></div>")


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


def test_a_run_of_pitches_beside_the_story_is_dropped_with_its_reason():
    page = Pipeline().process(_page(PITCH))
    pitch = [b for b in page.blocks if "newsletter" in b.text or "premium plan" in b.text]
    assert pitch and all(b.dropped_by == "regions" for b in pitch)
    assert all((b.reason or "").startswith("learned HTML region model") for b in pitch)
    assert all(t in Pipeline().extract(_page(PITCH)).text for t in STORY)


def test_without_the_html_model_the_pitches_stay():
    art = Pipeline(options={"regions": {"html_drop_below": 0.0}}).extract(_page(PITCH))
    assert "Sign up for our free daily newsletter" in art.text
