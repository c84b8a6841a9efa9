"""Stage 'byline' on HTML: datelines carrying the byline, a printed line naming more authors than the
markup, and a byline that credits the site itself."""
from newsclean import extract
from newsclean.stages.byline.html_lines import dated_byline, widens

P = "<p>" + "A long paragraph of article text that goes on for a while to look like a body. " * 4 + "</p>"


def html(head="", body=""):
    return f"<html><head><title>Headline of the story</title>{head}</head><body><article>" \
           f"<h1>Headline of the story</h1>{body}{P}</article></body></html>"


def test_dated_byline_reads_the_lead_in_after_the_date():
    assert dated_byline("May 3, 2017 By Jane Doe 4 Comments") == ["Jane Doe"]
    assert dated_byline("Posted on May 3, 2017 Posted by Jane Doe 12 Comments") == ["Jane Doe"]
    assert dated_byline("March 15, 2022 · 3 min read · By Example Online") == ["Example Online"]


def test_dated_byline_needs_a_date_and_a_capital_after_the_lead_in():
    assert dated_byline("By the way, Jane Doe said so") == []
    assert dated_byline("On May 3, 2017 prices went up by ten percent") == []
    assert dated_byline("He left by May 3, 2017 by the back door") == []


def test_dated_line_under_the_headline_gives_the_author():
    art = extract(html(body="<p>Posted on May 3, 2017 Posted by Jane Doe 4 Comments</p>"), kind="html")
    assert art.authors == ("Jane Doe",)


def test_dated_byline_naming_the_site_is_kept():
    # a personal blog: its name is its author's; the page's only credit is that name
    art = extract(html('<meta property="og:site_name" content="Jane Doe">',
                       "<p>Posted on May 3, 2017 Posted by Jane Doe 12 Comments</p>"),
                  kind="html", url="https://www.janedoe.com/post/")
    assert art.authors == ("Jane Doe",)


def test_author_element_crediting_the_site_is_kept_when_nothing_else_credits():
    body = "<p>Reviews and notes</p><p><a rel='author' href='/about/'>Example Cartulary</a></p>"
    art = extract(html(body=body), kind="html", url="https://examplecartulary.com/2025/a/")
    assert art.authors == ("Example Cartulary",)


def test_site_name_in_the_header_does_not_beat_a_printed_byline():
    body = "<p class='byline'>By Ann Lee</p>"
    head = '<meta property="og:site_name" content="Example Post"><meta name="author" content="Example Post">'
    art = extract(html(head, body), kind="html", url="https://examplepost.com/a")
    assert art.authors == ("Ann Lee",)


def test_printed_line_with_more_authors_than_the_markup_wins():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","author":'
          '{"@type":"Person","name":"Jane Doe"}}</script>')
    art = extract(html(ld, "<p>Jane Doe, John Roe, Ann Lee &amp; Max Muster</p><p>Nov 25th, 2025</p>"), kind="html")
    assert art.authors == ("Jane Doe", "John Roe", "Ann Lee", "Max Muster")


def test_printed_line_naming_others_does_not_replace_the_markup():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","author":'
          '{"@type":"Person","name":"Jane Doe"}}</script>')
    art = extract(html(ld, "<p>John Roe, Ann Lee &amp; Max Muster</p>"), kind="html")
    assert art.authors == ("Jane Doe",)


def test_widens_needs_every_markup_name_and_more():
    assert widens(["Jane Doe"], ["Jane Doe", "John Roe"])
    assert not widens(["Jane Doe"], ["Jane Doe"])
    assert not widens(["Jane Doe", "Max Muster"], ["Jane Doe", "John Roe"])


def test_twitter_card_written_by_label_names_the_author():
    head = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Doe">'
    art = extract(html(head), kind="html")
    assert art.authors == ("Jane Doe",)
    assert art.sources["authors"] == "meta:twitter:written-by"


def test_twitter_card_other_labels_are_no_authors():
    head = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="Jane Doe">'
    assert extract(html(head), kind="html").authors == ()


def test_meta_author_beats_the_twitter_card_label():
    head = ('<meta name="author" content="John Roe"><meta name="twitter:label1" content="Written by">'
            '<meta name="twitter:data1" content="Jane Doe">')
    assert extract(html(head), kind="html").authors == ("John Roe",)


def test_first_name_not_completed_by_a_label_in_capitals():
    head = '<meta name="author" content="Maria &amp; Katerina">'
    body = "<p>WORDS: Maria</p><p>Katerina EDITING: Maria</p>"
    assert extract(html(head, body), kind="html").authors == ("Maria", "Katerina")


def test_first_name_completed_from_the_printed_name():
    head = '<meta name="author" content="Todd">'
    assert extract(html(head, "<p>By Todd Bates</p>"), kind="html").authors == ("Todd Bates",)


def test_meta_author_naming_an_organisation_yields_to_a_printed_byline():
    head = '<meta name="author" content="Bund der Beispielverbraucher e.V.">'
    art = extract(html(head, "<p>Neue Regeln f\u00fcr alle</p><h5>Von Leonora Beispiel</h5>"), kind="html")
    assert art.authors == ("Leonora Beispiel",)


def test_meta_author_naming_an_organisation_kept_without_a_byline():
    head = '<meta name="author" content="Example Media GmbH">'
    assert extract(html(head), kind="html").authors == ("Example Media GmbH",)


def test_layout_class_of_the_main_column_is_no_side_area():
    page = ("<html><head><title>Headline of the story</title></head><body><div class='main has-double-sidebar'>"
            "<h1>Headline of the story</h1><p>By Leonora Beispiel</p>" + P + "</div>"
            "<div class='sidebar'><p>By Someone Else</p></div></body></html>")
    assert extract(page, kind="html").authors == ("Leonora Beispiel",)


def test_label_alone_over_the_name_gives_the_author():
    body = P + "<h2>Article by</h2><div>Matias Example</div>"
    assert extract(html(body=body), kind="html").authors == ("Matias Example",)


def test_label_over_a_sentence_gives_no_author():
    body = P + "<h2>Article by</h2><div>Our team of experienced writers and editors</div>"
    assert extract(html(body=body), kind="html").authors == ()


def test_desk_credit_holding_the_site_name_is_an_author_not_the_site():
    head = '<meta name="author" content="Examplery Staff">'
    body = "<p>Recipes of the week</p>" + P + "<p>More from <a rel='author' href='/u/ben'>Ben Other</a></p>"
    art = extract(html(head, body), kind="html", url="https://blog.examplery.com/a/")
    assert art.authors == ("Examplery Staff",)


def test_bare_site_name_is_still_no_author_beside_a_printed_byline():
    head = '<meta name="author" content="Examplery">'
    art = extract(html(head, "<p class='byline'>By Ann Lee</p>"), kind="html", url="https://blog.examplery.com/a/")
    assert art.authors == ("Ann Lee",)


def _ld(author: str) -> str:
    return '<script type="application/ld+json">{"@type":"NewsArticle","author":' + author + '}</script>'


def test_jsonld_author_object_with_a_list_of_names_gives_each():
    art = extract(html(_ld('{"@type":"Person","name":["Jane Doe","John Roe"]}')), kind="html")
    assert art.authors == ("Jane Doe", "John Roe")


def test_jsonld_author_name_as_a_value_object():
    assert extract(html(_ld('{"@type":"Person","name":{"@value":"Jane Doe"}}')), kind="html").authors == ("Jane Doe",)


def test_issue_classes_on_html_pages():
    # the issue's error classes, each in its HTML form: a desk kept whole, a middle initial inside one
    # name, "From ..." lines that name no one
    assert extract(html(body="<p>By Our Foreign Staff</p>"), kind="html").authors == ("Our Foreign Staff",)
    assert extract(html(body="<p>By Sarah E. Needleman</p>"), kind="html").authors == ("Sarah E. Needleman",)
    head = '<meta name="author" content="Sarah E. Needleman">'
    assert extract(html(head), kind="html").authors == ("Sarah E. Needleman",)
    assert extract(html(body="<p>From the section US &amp; Canada</p>"), kind="html").authors == ()


def test_byline_in_the_stories_own_footer_counts():
    page = ("<html><head><title>Headline of the story</title></head><body><article><h1>Headline of the story</h1>"
            + P * 8 + "<footer class='post-footer'>Posted by <a rel='author' href='/author/gk/'>Gustav Beispiel</a>"
            " at 18:52</footer></article><footer class='site-footer'><a rel='author' href='/a'>Site Owner</a>"
            "</footer></body></html>")
    assert extract(page, kind="html").authors == ("Gustav Beispiel",)


def test_byline_in_the_pages_footer_does_not_count():
    page = ("<html><head><title>Headline of the story</title></head><body><article><h1>Headline of the story</h1>"
            + P + "</article><footer class='site-footer'><a rel='author' href='/a'>Site Owner</a>"
            "</footer></body></html>")
    assert extract(page, kind="html").authors == ()


_LEAD = "the committee met on Monday to discuss the new budget, and members said the plan was sound."


def test_wire_dateline_gives_the_agencies_when_nothing_else_credits():
    art = extract(html(body=f"<p>Hamburg (dpa/lno) – Trotz allem: {_LEAD}</p>"), kind="html")
    assert art.authors == ("dpa", "lno")
    art = extract(html(body=f"<p>WASHINGTON (AP) — In the capital, {_LEAD}</p>"), kind="html")
    assert art.authors == ("AP",)


def test_wire_dateline_loses_to_a_byline_and_needs_brackets_by_the_place():
    art = extract(html(body=f"<p>By Jane Doe</p><p>Hamburg (dpa) – {_LEAD}</p>"), kind="html")
    assert art.authors == ("Jane Doe",)
    art = extract(html(body=f"<p>The ministry (see below) said that {_LEAD}</p>"), kind="html")
    assert art.authors == ()


def test_name_beside_the_dateline_with_its_section_after_it():
    art = extract(html(body="<p>Dec 26, 2025 \u2022 Jane Doe in Project Management</p>"), kind="html")
    assert art.authors == ("Jane Doe",)
    art = extract(html(body="<p>Dec 26, 2025 \u2022 Posted in Project Management</p>"), kind="html")
    assert art.authors == ()
