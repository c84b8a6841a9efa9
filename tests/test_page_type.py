"""page_type: one made-up page per type is recognised, text captures and tiny pages get a type, and the
shipped model fits the stage."""
from __future__ import annotations

import math
import random

import pytest

from newsclean import Pipeline
from newsclean.stages.page_type import CAPTURE_WEIGHTS_FILE, PAGE_TYPES, Z_CLIP, classify, load_model
from newsclean.stages.page_type.features import HTML_ONLY, TEXT_TOO, page_features
from newsclean.stages.page_type.schema import schema_types
from newsclean.stages.page_type.urls import URL_SIGNALS
from tests.page_type_pages import ARTICLE, PAGES, PARA, PRODUCT


@pytest.mark.parametrize("expected", PAGE_TYPES)
def test_each_type_on_a_small_made_up_page(expected: str) -> None:
    html, url = PAGES[expected]
    article = Pipeline().extract(html, url=url)
    assert article.page_type == expected
    assert article.page_type_confidence is not None and 0 < article.page_type_confidence <= 1


def test_article_text_capture_is_an_article() -> None:
    text = "New ferry terminal to open in the spring\n\nBy Ann Smith\nMay 12, 2024\n\n" + "\n\n".join(
        f"{PARA} ({i})" for i in range(6)) + "\n"
    article = Pipeline().extract(text, kind="text")
    assert article.page_type == "article"


def test_empty_and_tiny_pages_get_a_type_without_error() -> None:
    for page, kind in (("<html><body></body></html>", "html"), ("x", "text"), ("<p>hello</p>", "html")):
        assert Pipeline().extract(page, kind=kind).page_type in PAGE_TYPES


def test_schema_types_are_read_from_json_ld_and_microdata() -> None:
    p = Pipeline(["metadata"]).process(PRODUCT[0] + '<div itemscope itemtype="https://schema.org/Review"></div>')
    assert schema_types(p)[:2] == ["product", "offer"] and "review" in schema_types(p)


def test_model_file_matches_the_stage() -> None:
    model = load_model()
    assert tuple(model["classes"]) == PAGE_TYPES
    assert len(model["coef"]) == len(PAGE_TYPES) and all(len(r) == len(model["features"]) for r in model["coef"])
    page = Pipeline(["metadata"]).process(ARTICLE[0], url=ARTICLE[1])
    features, _ = page_features(page)
    assert set(model["features"]) <= set(features) | {"is_text", "url_none"}
    kind, conf, probs, signals = classify(features)
    assert abs(sum(probs.values()) - 1) < 1e-9 and probs[kind] == conf and signals


def test_signals_a_page_cannot_show_are_left_out_not_zero() -> None:
    text_page = Pipeline(["metadata"]).process("Some line\n\nAnother line of text here.\n", kind="text")
    features, _ = page_features(text_page)
    assert "link_density" not in features and "hint_forum" not in features and "url_forum" not in features
    assert "prose_share" in features
    html_page = Pipeline(["metadata"]).process(PRODUCT[0])  # no URL: no URL signals
    assert not any(k.startswith("url_") for k in page_features(html_page)[0])
    # a missing signal counts as its mean: it moves no probability
    model = load_model()
    mean_of = dict(zip(model["features"], model["mean"]))
    some = dict(page_features(Pipeline(["metadata"]).process(ARTICLE[0], url=ARTICLE[1]))[0])
    name = next(n for n in model["features"] if n in some)
    without = {k: v for k, v in some.items() if k != name}
    assert classify({**without, name: mean_of[name]})[2] == classify(without)[2]


def _classify_reference(features: dict[str, float], model: dict) -> list[float]:
    """The logits as first written (builtin min/max clip, a generator of products summed)."""
    z = []
    for name, mean, scale in zip(model["features"], model["mean"], model["scale"]):
        v = (features.get(name, mean) - mean) / scale
        z.append(max(-Z_CLIP, min(Z_CLIP, v)))
    return [b + sum(w * x for w, x in zip(row, z)) for row, b in zip(model["coef"], model["intercept"])]


def test_classify_logits_as_first_written() -> None:
    """``classify`` clips and sums without builtin calls per signal (speed): the probabilities are those
    of the first formula exactly, for signals past the clip, infinite, NaN, -0.0, ints and bools."""
    model = load_model()
    rng = random.Random(7)
    values = [0, -0.0, 1, True, 1e9, -1e9, float("inf"), -float("inf"), float("nan")]
    for _ in range(300):
        feats = {n: rng.choice(values) if rng.random() < 0.3 else rng.gauss(0, 4)
                 for n in model["features"] if rng.random() < 0.8}
        logits = _classify_reference(feats, model)
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        expected = {c: e / sum(exps) for c, e in zip(model["classes"], exps)}
        assert classify(feats, model)[2] == expected


FORUM_CAPTURE = "\n".join(
    ["Forums", "Home", "Search", "Log in", "Register", "", "Terminal opening date - any news?", ""]
    + sum([[f"user{i}", "Joined: Mar 2019", f"Posts: {12 * i}", "",
            f"Does anyone know when it opens? I heard spring but my neighbour says summer. ({i})", "",
            f"{i} years ago", "Reply", "Quote", ""] for i in range(1, 7)], [])
    + ["Page 1 of 3", "Next"])
PRODUCT_CAPTURE = "\n".join(
    ["Shop", "Cart (0)", "Sign in", "", "Acme Stainless Kettle 1.7 L", "", "$49.99", "In stock", "Quantity", "1",
     "Add to cart", "Add to wishlist", "", "Description", "",
     "A quiet kettle with a stainless body and a concealed element. Boils a full jug in under four minutes.", "",
     "Specifications", "", "Capacity: 1.7 L", "Power: 2200 W", "Weight: 1.1 kg", "", "Customers also bought", "",
     "Acme Toaster $39.99", "Acme Mug $9.99", "Acme Teapot $24.99", "", "Free delivery over $50"])


def test_text_captures_are_typed_by_the_capture_model() -> None:
    page = Pipeline().process(FORUM_CAPTURE, kind="text")
    features, _ = page_features(page)
    expected = classify(features, load_model(CAPTURE_WEIGHTS_FILE))[2]
    assert page.notes["page_type"]["probabilities"] == {k: round(v, 3) for k, v in
                                                        sorted(expected.items(), key=lambda t: -t[1])}
    assert classify(features, load_model())[2] != expected  # (the HTML model would answer otherwise)


def test_a_thread_and_a_shop_page_captured_as_text_are_not_articles() -> None:
    assert Pipeline().extract(FORUM_CAPTURE, kind="text").page_type == "forum"
    # a single product with a strip of other products: a commerce page either way
    assert Pipeline().extract(PRODUCT_CAPTURE, kind="text").page_type in ("product", "collection")


def test_the_capture_model_reads_only_what_a_capture_shows() -> None:
    model = load_model(CAPTURE_WEIGHTS_FILE)
    assert tuple(model["classes"]) == PAGE_TYPES
    names = set(model["features"])
    assert not names & (HTML_ONLY - TEXT_TOO)  # no markup signal
    assert TEXT_TOO & names  # what the capture's cleaning kept, its sentences, its headline
    assert names & URL_SIGNALS  # the URL's shape, when the caller gives one (else those count as their mean)
    without = set(page_features(Pipeline().process(FORUM_CAPTURE, kind="text"))[0])
    assert names - URL_SIGNALS <= without and not without & URL_SIGNALS
    url = "https://forum.example.org/threads/terminal-opening-date.123/"
    with_url = page_features(Pipeline().process(FORUM_CAPTURE, kind="text", url=url))[0]
    assert names <= set(with_url) | URL_SIGNALS and with_url["url_forum"] == 1.0


def test_a_capture_counts_a_threads_chrome_apart_from_time_stamps() -> None:
    news = "\n\n".join([PARA] + [f"Harbour story {i}\n{i} hours ago" for i in range(1, 6)])
    f = page_features(Pipeline().process(news, kind="text"))[0]
    assert "words_forum" not in f and f["words_thread"] == 0.0 and f["words_stamp"] == pytest.approx(math.log1p(5))
    thread = page_features(Pipeline().process(FORUM_CAPTURE, kind="text"))[0]
    assert thread["words_thread"] > 0 and thread["words_stamp"] > 0
    html = page_features(Pipeline(["metadata"]).process(ARTICLE[0], url=ARTICLE[1]))[0]
    assert "words_forum" in html and "words_thread" not in html  # the HTML model's signals are unchanged
