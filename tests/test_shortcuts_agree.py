"""The cheaper forms of the consent walk and the regions features give the answers of the plain ones they replace."""
from __future__ import annotations

import itertools

from lxml import html as lxml_html

from newsclean import Pipeline
from newsclean.stages import consent_boxes
from newsclean.stages.regions import features, html_features


def _page(body: str):
    return Pipeline(["metadata"]).process(f"<html><head><title>T</title></head><body>{body}</body></html>")


def test_comment_reads_only_the_tail_and_agrees_with_the_whole_search() -> None:
    parts = ["reply", "Reply", "expand full comment", "says:", "wrote:", "répondre", "3 likes", "12 replies",
             "ago", "x", "word", "_", "é", "!", ".", " ", "\n", ":", "5", "—", "Ago!!", "years"]
    for combo in itertools.product(parts, repeat=3):
        text = " ".join(combo)
        low = text.lower()
        whole = features._cued(low, features._COMMENT_CUES) and features._COMMENT.search(text) is not None
        assert features._comment(text, low) == whole, text
    long_text = "A paragraph that likes to talk. " * 50
    assert features._comment(long_text + "Reply", (long_text + "Reply").lower())
    assert not features._comment(long_text + "Reply here.", (long_text + "Reply here.").lower())


def test_the_cookie_pretest_lets_every_case_blind_spelling_through() -> None:
    for text, named in [("We use COOKIES.", True), ("cookİe settings", True), ("cookıe", True),
                        ("Coo\u212aie jar", True), ("No biscuits here.", False)]:
        page = _page(f"<p>{text}</p>")
        assert consent_boxes._may_name_cookies(page) == named, text
        assert (consent_boxes.NOTICE[0].search(text) is not None) == named, text   # (each spelling is a match)


def test_the_memoised_ancestor_lists_equal_the_plain_walk() -> None:
    deep = "".join("<div>" for _ in range(50)) + "<p>deep</p>" + "".join("</div>" for _ in range(50))
    tree = lxml_html.fromstring(f"<html><body><div><section><p>a</p><p>b</p></section></div>{deep}</body></html>")
    memo: dict = {}
    for el in tree.iter():
        assert html_features._ancestors(el, memo) == html_features._ancestors(el), el.tag
    for el in reversed(list(tree.iter())):   # (a walk that meets the memo from below)
        assert html_features._ancestors(el, {}) == html_features._ancestors(el)


def _branch_plain(el, container):
    prev = None
    for _ in range(html_features._MAX_CHAIN):
        if el is None or el is container:
            break
        prev, el = el, el.getparent()
    if el is not container or prev is None:
        return None
    tag = prev.tag.lower() if isinstance(prev.tag, str) else ""
    return html_features._LOOSE if tag in html_features._TEXT_TAGS else (tag, prev.get("class") or "")


def test_the_memoised_branches_equal_the_plain_walk() -> None:
    deep = "".join("<div class='w'>" for _ in range(45)) + "<p>deep</p>" + "</div>" * 45
    tree = lxml_html.fromstring(f"<html><body><main><div class='box'><p>a</p></div><p>b</p>{deep}</main>"
                                "<aside><p>c</p></aside></body></html>")
    container = tree.find(".//main")
    memo = {container: (0, None)}
    for el in tree.iter():
        assert html_features._branch(el, container, memo) == _branch_plain(el, container), el.tag
    assert html_features._branch(tree.find(".//aside/p"), container) is None


def test_words_between_with_a_seen_set_gathers_the_same_words() -> None:
    tree = lxml_html.fromstring("<html><body><div class='story'><div class='comments-list'><p>a</p>"
                                "<div class='share-bar'><p>b</p></div></div></div></body></html>")
    top = tree.find(".//div[@class='story']")
    blocks = [tree.find(".//p"), tree.find(".//div[@class='share-bar']/p")]
    plain: set[str] = set()
    for el in blocks:
        html_features._words_between(el, top, plain)
    fast: set[str] = set()
    seen: set = set()
    for el in blocks:
        html_features._words_between(el, top, fast, seen)
    assert fast == plain and "comments" in plain and "share" in plain
    assert "story" not in plain   # (the top's own words are not between)


def test_only_blocks_whose_walk_hints_name_consent_are_walked_and_table_rows_always() -> None:
    page = _page("<div class='cookie-box'><p>We use cookies.</p></div><p>Plain story text.</p>"
                 "<table class='cookie-table'><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr>"
                 "<tr><td>c</td><td>3</td></tr></table>")
    by_text = {b.text: b for b in page.blocks}
    assert consent_boxes._may_be_inside(by_text["We use cookies."])
    assert not consent_boxes._may_be_inside(by_text["Plain story text."])
    rows = [b for b in page.blocks if b.features.get("tag") == "tr"]
    assert rows and all(consent_boxes._may_be_inside(b) for b in rows)
    made = type(rows[0])(index=99, text="x", kind="paragraph", element=rows[0].element, features={})
    assert consent_boxes._may_be_inside(made)   # (no walk-time hints: walked)
