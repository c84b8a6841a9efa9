"""Stage 'byline': authors from markup and from printed bylines."""
import pytest

from newsclean import Pipeline, extract

P = "<p>" + "A long paragraph of article text that goes on for a while to look like a body. " * 4 + "</p>"


def html(head="", body=""):
    return f"<html><head><title>Headline of the story</title>{head}</head><body><article>" \
           f"<h1>Headline of the story</h1>{body}{P}</article></body></html>"


def test_jsonld_person_authors():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline of the story",'
          '"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>')
    art = extract(html(ld), kind="html")
    assert art.authors == ("Jane Doe", "John Roe")
    assert art.sources["authors"] == "jsonld:author"


def test_site_organisation_is_not_a_person_when_a_byline_exists():
    ld = ('<meta property="og:site_name" content="Example Post">'
          '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization",'
          '"name":"Example Post"}}</script>')
    art = extract(html(ld, "<p class='byline'>By Ann Lee</p>"), kind="html", url="https://examplepost.com/a")
    assert art.authors == ("Ann Lee",)


def test_agency_byline_kept_as_printed():
    art = extract(html(body="<p>By Associated Press</p>"), kind="html")
    assert art.authors == ("Associated Press",)


def test_comment_authors_are_ignored():
    body = ("<div class='comments'><span class='comment-author'>Troll Person</span></div>"
            "<div class='author-box'><span class='author'>Maria Muster</span></div>")
    assert extract(html(body=body), kind="html").authors == ("Maria Muster",)


def test_meta_author_with_roles_and_split():
    art = extract(html('<meta name="author" content="By Jane Doe and John Roe, Staff Writers">'), kind="html")
    assert art.authors == ("Jane Doe", "John Roe")


def test_byline_block_dropped_from_body_html():
    ld = '<meta name="author" content="Heike Buchter">'
    art = extract(html(ld, "<p>Von Heike Buchter</p>"), kind="html")
    assert "Von Heike Buchter" not in art.text
    assert any(r.stage == "byline" for r in art.removed)


def test_text_byline_split_over_lines_and_printed_twice():
    lines = ["News", "", "Leaders meet to discuss the new trade agreement", "",
             "By", "Soo-Hyang Choi", "Soo-Hyang Choi", "and", "Bloomberg", "Bloomberg", "Down Arrow Button Icon",
             "By", "Soo-Hyang Choi", "Soo-Hyang Choi", "and", "Bloomberg", "Bloomberg", "Down Arrow Button Icon",
             "January 13, 2025, 5:01 AM ET",
             "Leaders from both countries met on Monday to discuss a new agreement on trade, officials said. " * 3,
             "", "Latest", "", "By Other Editors", "October 20, 2025"]
    page = Pipeline().process("\n".join(lines), kind="text")
    assert page.get("authors") == ["Soo-Hyang Choi", "Bloomberg"]
    dropped = [b.text for b in page.blocks if b.role == "byline"]
    assert dropped.count("By") == 2
    assert all(not b.kept for b in page.blocks if b.role == "byline")


def test_text_byline_after_dateline():
    lines = ["Big headline about the new keyboard design", "",
             "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
             "Apple plans to release a new notebook with a different keyboard in the first half of next year. " * 3]
    assert extract("\n".join(lines), kind="text").authors == ("Joe Rossignol",)


def test_no_byline_means_no_authors():
    assert extract(html(), kind="html").authors == ()


def test_text_name_in_front_of_dateline():
    lines = ["The VW concept is a weird electric sports wagon", "", "Chris Davies - Nov 19, 2019, 10:31 pm CST",
             "Volkswagen has revealed a new concept car at the show with a surprising message inside it. " * 3]
    art = extract("\n".join(lines), kind="text")
    assert art.authors == ("Chris Davies",)
    assert art.published.isoformat() == "2019-11-19T22:31:00-06:00"


def test_credit_lines_are_not_authors():
    from newsclean.normalize.authors import normalize_authors
    assert normalize_authors("Photo By John Doe") == []
    assert normalize_authors("Updated by Jon Linkov") == []
    assert normalize_authors("Eric SongBy Eric Song, IGN Staff") == ["Eric Song"]


_STORY = "The council approved the new budget on Monday after a long debate about the cost of schools. " * 3


def _capture_authors(line: str) -> tuple[str, ...]:
    return extract("\n\n".join(["Council approves the budget for next year", line, _STORY]), kind="text").authors


def test_capture_credits_of_pictures_and_sponsors_are_not_bylines():
    for line in ("Photo by Jane Doe", "Image by Alexandra Barfoot Photography via One Fab Day",
                 "Sponsored by Acme Corp", "Powered by WordPress", "Photo: Jane Doe/Reuters",
                 "Illustration by Jane Doe"):
        assert _capture_authors(line) == (), line
    # a credit beside the byline: the writer stays, the photographer is never taken for the author
    assert _capture_authors("Words by Jane Doe, photos by John Roe") == ("Jane Doe",)
    assert "John Roe" not in _capture_authors("Photos by John Roe, words by Jane Doe")


def test_capture_date_label_is_no_name():
    # "Last updated" beside a date read as the name "Last" (session 20)
    for line in ("Last updated 5 February 2024", "Last Updated: February 5, 2024 3:30 PM",
                 "Zuletzt aktualisiert am 5. Februar 2024"):
        assert _capture_authors(line) == (), line
    assert _capture_authors("Paddy · April 19, 2019 · 7 comments") == ("Paddy",)


def test_date_labels_in_other_languages_are_no_names():
    line = "Par Jean Dupont, publié le 3 mars 2024"
    assert _capture_authors(line) == ("Jean Dupont",)
    assert extract(html(body=f"<h1>Le conseil vote le budget</h1><p>{line}</p><p>{_STORY}</p>"),
                   kind="html").authors == ("Jean Dupont",)


def test_story_names_leave_out_credits_and_date_labels():
    from newsclean.stages.byline.credits import story_names
    assert story_names(["Jane Doe", "Reuters"], "Photo: Jane Doe/Reuters") == []
    assert story_names(["John Roe"], "Photos by John Roe, words by Jane Doe") == []
    assert story_names(["Jane Doe"], "Photos by John Roe, words by Jane Doe") == ["Jane Doe"]
    assert story_names(["Last"], "Last updated 5 February 2024") == []
    assert story_names(["Jean Dupont", "publié le"], "Par Jean Dupont, publié le 3 mars 2024") == ["Jean Dupont"]
    assert story_names(["Paddy"], "Paddy · April 19, 2019 · 7 comments") == ["Paddy"]
    assert story_names(["Ivan Valetny"], "Text & Fotos: Ivan Valetny [icn_commen] 0") == ["Ivan Valetny"]
    assert story_names(["Jane Doe"], "Words and pictures by Jane Doe") == ["Jane Doe"]
    assert story_names(["Amelie Loevenich"], "Amelie Loevenich, 11.12.2019") == ["Amelie Loevenich"]
    assert story_names(["Jane Doe"], "JANE DOE") == ["Jane Doe"]   # no plain match: kept


def test_name_printed_with_the_dateline_under_the_headline():
    for line in ("11.12.2019 - Amelie Loevenich", "Heiko Sauer Do 9 Apr 2020"):
        art = extract(html(body=f"<p>{line}</p>"), kind="html")
        assert art.authors == (line.split(" - ")[-1] if " - " in line else "Heiko Sauer",)


def test_sentence_mentioning_a_date_is_not_a_name():
    body = "<p>The Black Friday campaign is valid November 26 – December 3, 2025.</p>"
    assert extract(html(body=body), kind="html").authors == ()


def test_printed_byline_beats_a_different_meta_author():
    head = '<meta name="author" content="Luke Daigle">'
    art = extract(html(head, "<p class='byline'>By Paul Fenaroli</p>"), kind="html")
    assert art.authors == ("Paul Fenaroli",)


def test_meta_author_kept_when_the_printed_byline_agrees():
    head = '<meta name="author" content="Sonia Mevissen">'
    art = extract(html(head, "<p>By Sonia Mevissen Erstellt</p>"), kind="html")
    assert art.authors == ("Sonia Mevissen",)


def test_account_name_completed_from_the_printed_name():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline of the story",'
          '"author":{"@type":"Person","name":"christian.stadtfeld"}}</script>')
    body = "<p>Die Gemeindepolitik bleibt spannend. (Christian P. Stadtfeld)</p>"
    assert extract(html(ld, body), kind="html").authors == ("Christian P. Stadtfeld",)


def test_text_capture_name_line_under_the_headline():
    text = "\n\n".join([
        "Menu", "Alibaba to raise up to $12.9bn in landmark Hong Kong listing", "[photo]",
        "Anna Menin", "Share",
        "Alibaba is set to raise billions of dollars in its Hong Kong listing this month, people said. " * 3])
    url = "https://news.example.com/2019/11/alibaba-raise-hong-kong-listing"
    assert extract(text, kind="text", url=url).authors == ("Anna Menin",)


def test_text_capture_name_with_handle_and_glued_link():
    text = "\n\n".join([
        "Emirates inks $9 billion order for 30 Boeing 787 jets", "Natasha Turak@NatashaTurak",
        "Dubai's flagship carrier has finalized a deal to purchase 30 of Boeing's jets, it said on Wednesday. " * 3])
    url = "https://news.example.com/2019/11/20/emirates-boeing-787-order.html"
    assert extract(text, kind="text", url=url).authors == ("Natasha Turak",)


def test_author_bio_at_the_end_dropped():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline of the story",'
          '"author":{"@type":"Person","name":"Jane Doe"}}</script>')
    bio = ("<p>About the author</p><p>Jane Doe is a freelance writer who covers food and travel for several "
           "magazines. She lives in Lisbon.</p>")
    story = "".join(f"<p>Paragraph {i} of the story, with its own facts and quotes and numbers, {i * 7} of them "
                    f"counted by the reporter over {i + 2} weeks of work in the field.</p>" for i in range(8))
    art = extract(html(ld, story + bio), kind="html")  # (html() closes with one more paragraph)
    assert art.authors == ("Jane Doe",)
    assert "Jane Doe is a freelance writer" not in art.text
    assert "About the author" not in art.text
    assert art.text.count("Paragraph ") == 8 and art.text.count("A long paragraph") == 4


def test_author_named_early_in_the_story_is_kept():
    # an author's name opening a paragraph in the body (not at its end) is the story, not a bio
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline of the story",'
          '"author":{"@type":"Person","name":"Jane Doe"}}</script>')
    first = "<p>Jane Doe is a writer, and this is the story of how she came to write about bread.</p>"
    art = extract(html(ld, first + P * 3), kind="html")
    assert "Jane Doe is a writer, and this is the story" in art.text


def test_company_author_opening_a_closing_paragraph_is_kept():
    # 'The Social Shepherd Ltd' looks like a name but is a company: 'The ...' is no bio opener
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline of the story",'
          '"author":{"@type":"Person","name":"The Social Shepherd Ltd"}}</script>')
    end = "<p>The fact is that most businesses use social media to reach customers, and it works.</p>"
    art = extract(html(ld, P * 3 + end), kind="html")
    assert "The fact is that most businesses" in art.text


def _capture_story(author: str, end: str) -> str:
    """A made-up capture: headline, byline, eight paragraphs, then ``end``."""
    story = "\n\n".join(f"Paragraph {i} of the story, with its own facts and quotes and numbers, {i * 7} of them "
                        f"counted by the reporter over {i + 2} weeks of work in the field." for i in range(8))
    return f"Headline of the story\n\nBy {author}\n\n{story}\n\n{end}"


@pytest.mark.parametrize(("author", "end", "bio"), [
    # (text captures: the navigation stage drops a bare bio; HTML pages: author_bio, once the authors are known)
    ("Jane Doe", "Jane Doe is a freelance writer who covers food and travel for several magazines and has written "
                 "three books about the markets of southern Europe. She lives in Lisbon.\n",
     "Jane Doe is a freelance writer"),
    # a name line, then a bio opening with that name: once the regions stage has settled the story's text, the box
    # at its end goes (the regions stage applies author_bio after its models)
    ("Karen Miller", "Karen Miller\n\nKaren Miller covered city hall for a decade before joining the paper's "
                     "business desk, and she holds a degree in economics from a state university.\n",
     "covered city hall"),
])
def test_author_bio_at_the_end_of_a_text_capture_dropped(author, end, bio):
    art = extract(_capture_story(author, end), kind="text")
    assert art.authors == (author,)
    assert bio not in art.text and not art.text.rstrip().endswith(author)
    assert art.text.count("Paragraph ") == 8


# --- issue 13: "From ..." lines, desk names, middle initials (made-up pages) ---------------------------
_BODY = "The committee met on Monday to discuss the new budget, and members said the plan was sound. " * 3


def _html_with(line: str) -> str:
    return (f"<html><head><title>Budget talks resume</title></head><body><article><h1>Budget talks resume</h1>"
            f"<p>{line}</p><p>{_BODY}</p></article></body></html>")


def test_from_lines_are_not_bylines():
    for line in ("From Wikipedia, the free encyclopedia", "From the section US &amp; Canada",
                 "<code>from x import y</code>"):
        assert extract(_html_with(line), kind="html").authors == (), line


def test_from_line_with_only_names_is_a_byline():
    assert extract(_html_with("From Jane Doe and John Roe"), kind="html").authors == ("Jane Doe", "John Roe")


def test_desk_name_kept_whole():
    lines = ["Budget talks resume in the capital city", "By Our Foreign Staff", "3 February 2025", "", _BODY]
    assert extract("\n".join(lines), kind="text").authors == ("Our Foreign Staff",)


def test_middle_initial_keeps_one_author():
    lines = ["Budget talks resume in the capital city", "By Sarah E. Needleman", "3 February 2025", "", _BODY]
    assert extract("\n".join(lines), kind="text").authors == ("Sarah E. Needleman",)


def test_text_byline_in_a_dated_line_far_from_the_headline():
    far = ["Example Blog", "", "Budget talks resume in the capital city", "", _BODY, "", _BODY, "", _BODY, "",
           "Posted in News", ""]
    tail = ["", "Related", "", "  • Other story one", "  • Other story two"]
    assert extract("\n".join(far + ["12/04/2020 by Kay 24 Comments"] + tail), kind="text").authors == ("Kay",)
    # "von" inside a name is no lead-in
    assert extract("\n".join(far + ["Christoph von Ritter 24. April 2020"] + tail), kind="text").authors != ("Ritter",)


def test_text_dateline_whose_day_the_loader_read_as_a_list_number():
    """"29. Juni 2017, 23:39 · von Tobi": a line starting with "29." is not item 29 of a list."""
    lines = ["Example Blog", "", "Wireshark shows the visited addresses of a browser", "",
             "29. Juni 2017, 23:39 · von Tobi", "", _BODY, "", _BODY]
    art = extract("\n".join(lines), kind="text")
    assert art.authors == ("Tobi",)
    assert art.published is not None and art.published.date().isoformat() == "2017-06-29"
    assert art.title == "Wireshark shows the visited addresses of a browser"


def test_text_labelled_author_line_anywhere():
    lines = ["Example Kitchen", "", "Chocolate frosting without powdered sugar", "", _BODY, "", _BODY, "", _BODY,
             "", "Calories: 3017kcal", "Author: Bebs", "Prep Time: 15 minutes"]
    assert extract("\n".join(lines), kind="text").authors == ("Bebs",)
    bullets = ["Example Blog", "", "Menu", "", "  • Author: Jacopo Cascioli", "  • Published: 03 December 2019", "",
               _BODY]
    assert extract("\n".join(bullets), kind="text").authors == ("Jacopo Cascioli",)
    # a lead-in alone wants a person-shaped name: "By using the links below" names nobody
    nobody = ["Example Blog", "", "Top ten cameras of the year for beginners", "", _BODY, "", _BODY, "", _BODY,
              "", "By using the links below you support us"]
    assert extract("\n".join(nobody), kind="text").authors == ()


def test_by_and_a_gerund_is_no_byline():
    # "By using the links below ..." near the headline once gave the author "using"
    capture = ("Big Headline About Things Happening Today\n\n"
               "By using the links below you agree to our terms.\n\n"
               "The article body starts here with a long sentence that goes on and on about the topic at hand.\n"
               "Another paragraph follows with more words about the topic, and it is long enough to be body text.\n")
    assert extract(capture).authors == ()
    from newsclean.normalize.authors import split_names
    assert split_names("By clicking Subscribe you agree") == []
    assert split_names("By Jane Doe") == ["Jane Doe"]


def test_a_handle_glued_to_the_name_and_a_last_updated_tail_are_cut():
    from newsclean.normalize.authors import split_names
    assert split_names("By Cora Vinton@CoraVinton") == ["Cora Vinton"]
    assert split_names("By Cora Vinton Last updated Nov 8, 2023") == ["Cora Vinton"]
    assert split_names("cora@example.com") == []
