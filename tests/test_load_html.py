"""The HTML loader: tree -> ordered blocks with features."""
from __future__ import annotations

from newsclean.load.html import html_blocks, text_of
from newsclean.load.page import load_page
from newsclean.load.parse import parse_html

LONG = "This is a sentence of body text that goes on for a while. " * 4


def blocks_of(html: str):
    return html_blocks(parse_html(html))


def test_kinds_and_order():
    bl = blocks_of(f"<html><body><h2>Sub</h2><p>{LONG}</p><ul><li>one</li><li>two</li></ul>"
                   "<blockquote><p>quoted words</p></blockquote><pre>a  b</pre></body></html>")
    assert [b.kind for b in bl] == ["heading", "paragraph", "list_item", "list_item", "quote", "pre"]
    assert bl[0].features["level"] == 2
    assert bl[5].text == "a  b"  # whitespace kept in <pre>


def test_link_density_and_lead_link():
    bl = blocks_of('<body><p><a href="/x">A linked headline of some length</a> and a summary</p>'
                   '<p>plain text with <a href="/y">one link</a> inside it</p></body>')
    assert bl[0].features["lead_link"] == len("A linked headline of some length")
    assert 0.5 < bl[0].features["link_density"] < 1.0
    assert bl[1].features["lead_link"] == 0
    assert bl[1].features["link_density"] < 0.5


def test_hints_split_camel_case_and_dashes():
    bl = blocks_of('<body><div class="InlineImage-imageEmbedCaption"><p>x y</p></div></body>')
    hints = bl[0].features["hints"]
    assert "caption" in hints and "embed" in hints and "inline" in hints


def test_hidden_skipped_but_streamed_content_kept():
    small = blocks_of('<body><div hidden><p>secret</p></div><p>visible</p></body>')
    assert [b.text for b in small] == ["visible"]
    big = blocks_of(f'<body><div hidden id="S:0">{f"<p>{LONG}</p>" * 8}</div></body>')
    assert len(big) == 8  # a page that ships all its paragraphs hidden (revealed by script)


def test_content_after_early_closing_html_is_kept():
    html = f"<html><body><p>menu</p></body></html>\n<div><p>{LONG}</p><p>{LONG}</p></div>"
    texts = [b.text for b in blocks_of(html)]
    assert texts[0] == "menu" and len(texts) == 3


def test_button_swallowing_the_page_is_walked():
    html = f"<body><button><div>Menu</button><div>{f'<p>{LONG}</p>' * 4}</div></body>"
    assert sum(1 for b in blocks_of(html) if b.text.startswith("This is")) == 4


def test_odd_inputs_do_not_raise():
    assert parse_html("") is None
    assert html_blocks(None) == []
    for html in ("<frameset><frame src='a'></frameset>", "<html></html>", "<p>", "<!-- only -->",
                 "<body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body>"):
        page = load_page(html, kind="html")
        assert isinstance(page.blocks, list)


def test_data_table_rows_are_blocks():
    bl = blocks_of("<body><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table></body>")
    assert [b.kind for b in bl] == ["table", "table"]
    assert bl[1].text == "1\t2"


def test_unseen_inline_inserts_and_zero_width_text_left_out():
    bl = blocks_of('<body><p>Rated 4.8<span class="tw-sr-only"> out of 5 stars</span> by readers'
                   '<span class="hovercard">Jane Roe, 12 posts</span>.</p>'
                   '<div><span class="sr-only">Menu label</span> kept in a layout box</div>'
                   '<p>\u200d</p></body>')
    assert [b.text for b in bl] == ["Rated 4.8 by readers.", "Menu label kept in a layout box"]


def test_many_bare_inline_tags_on_a_big_page_keep_their_text():
    html = "<html><body><p>" + "<b>x</b> " * 150_000 + "</p></body></html>"
    bl = blocks_of(html)
    assert len(bl) == 1 and bl[0].text == " ".join(["x"] * 150_000)


def test_text_of_matches_all_text_below_an_element():
    root = parse_html("<body><div id='d'>a <b>b</b> c<p>d</p></div>tail</body>")
    assert text_of(root.find(".//div")) == "a b cd"


def test_past_the_block_budget_text_joins_the_enclosing_block():
    html = ("<html><body><div><p>first</p>" + "".join(f"<p>tiny{i}</p>" for i in range(1000))
            + "<table><tr><td>a</td><td>b</td></tr></table><div>after<span>x</span></div></div></body></html>")
    bl = html_blocks(parse_html(html), max_blocks=5)
    assert [b.text for b in bl[:5]] == ["first", "tiny0", "tiny1", "tiny2", "tiny3"]
    assert len(bl) == 6  # every later paragraph, the table and the div read as the outer div's text
    assert bl[5].text.split() == [f"tiny{i}" for i in range(4, 1000)] + ["a", "b", "afterx"]
    assert len(html_blocks(parse_html(html))) == 1003  # the default budget is far above this


def test_long_text_is_squashed_like_split_and_join():
    from newsclean.load.html import _squash

    ws = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    text = "".join(f"w{i}{ws[i % len(ws)] * (1 + i % 3)}" for i in range(400_000))  # > 1 MB: done in slices
    assert len(text) > 1_000_000
    assert _squash(text) == " ".join(text.split())


def test_big_page_past_the_budget_is_thinned_before_parsing_with_the_same_words():
    from newsclean.load.parse import _thin_past_budget

    page = "<html><body>" + "<p>pad " * 300 + "<script>var a = '<p>';</script>" + "<li class=x>end</body></html>"
    thin = _thin_past_budget(page, 100)
    assert thin.startswith("<html><body>" + "<p>pad " * 100)  # (the 101st block tag is the cut)
    assert thin.count("<p>") == 100 and "<li" not in thin and "<script>var a = " in thin  # (scripts stay)
    def words(root):
        return [b.text for b in html_blocks(root, max_blocks=100)]

    assert " ".join(words(parse_html(thin))).split() == " ".join(words(parse_html(page))).split()


def test_big_page_of_inline_tags_is_thinned_without_joining_or_splitting_words():
    from newsclean.load.parse import _thin_past_budget

    page = "<html><body><p>" + "<a>x</a><b>y</b> " * 300 + "</p><p>end</p></body></html>"
    thin = _thin_past_budget(page, 10)  # the tag budget is ten times the block budget: 100 tags
    assert thin.count("<a>") < 60 and thin.count("<p>") == 1

    def words(html):
        return " ".join(b.text for b in html_blocks(parse_html(html))).split()

    assert words(thin) == words(page) == ["xy"] * 300 + ["end"]


def test_only_text_runs_over_the_libxml2_limit_are_cut_and_the_text_is_unchanged():
    from newsclean.load import parse as html

    short = "s" * (html._HUGE_TEXT - 3)  # with the "p>" before it: one character under the limit
    long = ("word " * (html._HUGE_TEXT // 5 + 10)).strip()
    page = "<p>" + short + "<p>" + long + "</p><b>" + "x" * (html._HUGE_TEXT + 5) + "</b>"
    out = html._split_long_text(page)
    assert out.replace("<wbr>", "") == page
    runs = [len(r) for r in out.replace("<wbr>", "<").split("<")]
    assert max(runs) <= html._HUGE_TEXT
    assert out.count("<wbr>") == 2 and short in out  # one cut per long run (at a space when there is one)
    assert html._split_long_text(short + "<p>") == short + "<p>"


def test_page_with_its_text_only_inside_noscript_is_read() -> None:
    """A forum that renders with script ships the thread for script-less readers inside <noscript>."""
    from newsclean.load.page import load_page

    posts = "".join(f"<div class='post'><p>Reply number {i}: the ferry timetable changed again and the "
                    f"morning boat now leaves ten minutes earlier than it did last week.</p></div>" for i in range(4))
    html = (f"<html><head><title>Ferry times</title></head><body><div id='app'></div>"
            f"<noscript><header><a href='/'>Island forum</a></header><div id='main-outlet'>{posts}</div></noscript>"
            f"</body></html>")
    page = load_page(html)
    assert any("Reply number 3" in b.text for b in page.blocks)
    # a page with text of its own still skips its <noscript> ("enable JavaScript")
    other = load_page("<html><body>" + "<p>The ferry timetable changed again this week, said the harbour office "
                      "in a short note on its website.</p>" * 6 + "<noscript><p>Please enable JavaScript to use "
                      "this site, it needs it for many things to work.</p></noscript></body></html>")
    assert not any("enable JavaScript" in b.text for b in other.blocks)


def test_soft_hyphens_inside_words_are_removed() -> None:
    html = ("<html><body><p>Schon im Mit&shy;tel&shy;al&shy;ter war der St. Mag&#173;da&#xAD;le&shy;ner "
            "ein ge&shy;schätz&shy;ter Wein aus Bozen.</p></body></html>")
    texts = [b.text for b in load_page(html, kind="html").blocks]
    assert texts == ["Schon im Mittelalter war der St. Magdalener ein geschätzter Wein aus Bozen."]
