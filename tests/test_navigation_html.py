"""Chrome removal inside the main content."""
from __future__ import annotations

from newsclean.load.page import load_page
from newsclean.stages.boilerplate import BoilerplateOptions
from newsclean.stages.boilerplate.html import select_main
from newsclean.stages.navigation import NavigationOptions
from newsclean.stages.navigation.html import drop_navigation

P = "Body paragraph number {} tells the story in plain words, with commas, clauses and an end."


def body(n: int, start: int = 0) -> str:
    return "".join(f"<p>{P.format(i)} {P.format(i)}</p>" for i in range(start, start + n))


def run(inner: str):
    page = load_page(f"<html><body><article>{inner}</article></body></html>", kind="html")
    select_main(page, BoilerplateOptions(html_use_readability=False), "boilerplate")
    drop_navigation(page, NavigationOptions(), "navigation")
    return page


def reason_of(page, text: str) -> str | None:
    for b in page.blocks:
        if b.text == text:
            return b.reason
    raise AssertionError(f"no block {text!r}")


def test_share_bar_caption_and_counter_dropped():
    page = run(body(2) + "<div class='share-tools'><p>Share on Facebook now</p></div>"
               "<figure><img src='x.jpg'><figcaption>A photo of things</figcaption></figure>"
               "<p>12 Comments</p>" + body(2, start=2))
    assert "share" in reason_of(page, "Share on Facebook now")
    assert reason_of(page, "A photo of things") is not None
    assert "counter" in reason_of(page, "12 Comments")
    assert sum(1 for b in page.kept()) == 4


def test_related_box_heading_and_links_dropped():
    related = "<h3>Related articles</h3><ul>" + "".join(
        f"<li><a href='/r{i}'>Some other story {i}</a></li>" for i in range(4)) + "</ul>"
    page = run(body(3) + related)
    assert [b.text for b in page.kept()] == [f"{P.format(i)} {P.format(i)}" for i in range(3)]
    assert reason_of(page, "Related articles") is not None


def test_link_heavy_paragraph_dropped_but_linked_heading_kept_with_text():
    page = run(body(2) + "<p><a href='/a'>Read this</a> | <a href='/b'>and that</a></p>"
               "<h2><a href='https://other.example/x'>A linked section title</a></h2>" + body(2, start=5))
    assert "link-heavy" in reason_of(page, "Read this | and that")
    assert reason_of(page, "A linked section title") is None


def test_layout_wrapper_with_chrome_word_keeps_the_body():
    # 'sidebar-layout' names the wrapper of the whole article: not chrome
    page = run(f"<div class='with-sidebar-layout'>{body(5)}</div>")
    assert sum(1 for b in page.kept()) == 5


def test_orphan_heading_of_dropped_list_goes_too():
    page = run(body(2) + "<h2>Elsewhere</h2><ul>" + "".join(
        f"<li><a href='/x{i}'>Link {i}</a></li>" for i in range(5)) + "</ul>")
    assert reason_of(page, "Elsewhere") is not None


def test_byline_and_date_markup_dropped():
    page = run("<div class='top'><span itemprop='author'>Jane Roe</span></div>"
               "<p><time itemprop='datePublished'>May 1, 2024</time></p>" + body(3))
    assert "itemprop=author" in reason_of(page, "Jane Roe")
    assert "itemprop=datepublished" in reason_of(page, "May 1, 2024")
    assert sum(1 for b in page.kept()) == 3


def test_short_promo_for_the_site_dropped_wherever_the_phrase_stands():
    promo = "Want more from us? Sign up for our newsletter and shop smarter."
    long_text = ("The mayor said residents could sign up for our newsletter style alerts, but the city "
                 "council wants a wider plan with hearings, budgets and public votes before any change. ") * 3
    page = run(body(2) + f"<p>{promo}</p><p>{long_text.strip()}</p>" + body(2, start=2))
    assert "promo" in reason_of(page, promo)
    assert reason_of(page, long_text.strip()) is None  # a long paragraph is story text


def test_short_question_pitch_ending_in_a_call_to_action_dropped():
    pitch = "Want to see how it works? Learn more here."
    page = run(body(2) + f"<p>{pitch}</p>" + body(2, start=2))
    assert "call to action" in reason_of(page, pitch)


def test_reference_list_under_its_own_title_wrapper_dropped():
    # the title sits alone in a wrapper div; the entries are long citations in a list after it
    refs = "<div class='title-wrap'><h3>References</h3></div><ol>" + "".join(
        f"<li>Author A, Author B, et al. ({2000 + i}). A long study title about the subject number {i} "
        f"that runs past one hundred and twenty characters. Journal of Things. https://doi.org/10.1/{i}</li>"
        for i in range(3)) + "</ol>"
    page = run(body(4) + refs)
    assert [b.text for b in page.kept()] == [f"{P.format(i)} {P.format(i)}" for i in range(4)]
    assert "References" in reason_of(page, "References")


def test_section_only_starting_with_a_reference_word_is_kept():
    # 'Sources' is a box title only as the whole heading: 'Sources of fiber' is a section of the story
    page = run(body(2) + "<h2>Sources of fiber</h2>" + body(2, start=2))
    assert reason_of(page, "Sources of fiber") is None
    assert sum(1 for b in page.kept()) == 5


def test_call_to_action_box_dropped_even_with_a_content_word():
    # 'cta' is a strong chrome word: it wins over 'content' in the same class name
    cta = ("<div class='blog-cta-content'><p>Book a free demo of our product and see how much "
           "time your team can save every single week.</p></div>")
    page = run(body(3) + cta + body(1, start=3))
    assert "cta" in reason_of(page, "Book a free demo of our product and see how much time your team can "
                                    "save every single week.")
    assert sum(1 for b in page.kept()) == 4


def test_strong_chrome_word_counts_wherever_it_stands_in_the_class():
    # a weak word ('thumb') before a strong one ('related') and a content word ('text'): the
    # strong word decides, as it would alone
    box = ("<ul class='products'><li class='sale-thumb related text-center'><h3>Becket Bench</h3>"
           "<p>Bench for the hallway, price on request</p></li></ul>")
    page = run(body(3) + box + body(2, start=3))
    assert reason_of(page, "Becket Bench") is not None
    assert reason_of(page, "Bench for the hallway, price on request") is not None


def test_tag_line_and_paywall_lines_dropped():
    tags = "Tags: Employment, Health & Fitness, Mid-sized Businesses, Small Business Law"
    wall = "To read the rest of this story subscribe to our premium plan today."
    page = run(body(4) + f"<p>{wall}</p><p>{tags}</p>")
    assert reason_of(page, tags) == "tag/category list"
    assert "promo" in reason_of(page, wall)
    assert sum(1 for b in page.kept()) == 4


def test_table_of_contents_goes_the_headings_stay():
    titles = ["What an online course is", "Types of online courses", "How to create one", "Pricing it"]
    toc = "<ul>" + "".join(f'<li><a href="#s{i}">{i + 1}. {t}</a></li>' for i, t in enumerate(titles)) + "</ul>"
    sections = "".join(f'<h2 id="s{i}">{t}</h2>' + body(2, 2 * i) for i, t in enumerate(titles))
    page = run(body(1, 90) + toc + sections)
    assert reason_of(page, "1. What an online course is").startswith("table of contents")
    assert reason_of(page, "Pricing it") is None  # the heading itself is the body's
    # a recap list after the sections it names, and a list that names no heading, stay
    recap = "<ul>" + "".join(f"<li>{t}</li>" for t in titles) + "</ul>"
    page = run(sections + recap + "<ul><li>Flour</li><li>Water</li><li>Salt</li></ul>")
    kept = {b.text for b in page.blocks if b.kept}
    assert {"What an online course is", "Flour", "Water", "Salt"} <= kept
    assert sum(b.text == "Types of online courses" for b in page.blocks if b.kept) == 2


def test_share_box_under_a_stock_phrase_title_goes_with_its_title():
    # "Share this:" is dropped as a stock phrase; the unlabelled list of networks under it goes too
    page = run(body(3) + "<div class='sd-block'><h3>Share this:</h3><ul><li><a href='#'>Twitter</a></li>"
               "<li><a href='#'>Facebook</a></li><li>Email</li></ul></div>")
    assert [b.text for b in page.kept()] == [b.text for b in page.blocks[:3]]


def test_comment_section_in_german_inside_the_post_container_dropped():
    page = run(body(3) + "<div class='kommentare-bereich'><p>Toller Beitrag, vielen Dank für die vielen "
               "Tipps zum Garten, das probiere ich im Frühjahr gleich aus.</p></div>"
               "<h3>Schreibe einen Kommentar</h3><p>Deine E-Mail-Adresse wird nicht veröffentlicht.</p>")
    assert [b.text for b in page.kept()] == [b.text for b in page.blocks[:3]]


def test_european_stock_lines_dropped_sentences_with_the_same_words_kept():
    lines = ["Schon gelesen?", "Explore further", "Le puede interesar: otra noticia del día", "Rezept drucken",
             "Impressum", "Du musst eingeloggt sein um Kommentare zu schreiben!",
             "Anzeige, enthält Affiliate Links"]
    kept = "Der Datenschutz bei Apps ist ein Thema, über das wir schon oft berichtet haben."
    page = run(body(2) + f"<p>{kept}</p>" + "".join(f"<p>{x}</p>" for x in lines) + body(2, start=2))
    texts = [b.text for b in page.kept()]
    assert not set(lines) & set(texts)
    assert kept in texts and len(texts) == 5


def test_header_never_closed_keeps_the_body_it_runs_over():
    # broken markup: the post's <header> (byline, date) runs over the post's own paragraphs; the
    # rest of the thread holds more text, so the header is under half of the main content
    post = "".join(f"<li>Change number {i} of this release is described here in one line.</li>" for i in range(5))
    page = run("<header><p>Moderator</p><div class='post-text'><ul>" + post + "</ul></div></header>"
               + body(4, start=10))
    assert reason_of(page, "Change number 2 of this release is described here in one line.") is None
    assert sum(1 for b in page.kept()) == 5 + 4 + 1


def test_header_with_byline_only_is_still_chrome():
    page = run("<header><p>By Jane Doe, staff writer at the paper</p></header>" + body(4))
    assert reason_of(page, "By Jane Doe, staff writer at the paper") == "inside <header>"


def test_related_list_dropped_even_when_it_is_much_of_a_short_post():
    related = "<ul class='related_post'>" + "".join(
        f"<li>Another story {i} on this site, with a summary of what it says in a sentence or two.</li>"
        for i in range(6)) + "</ul>"
    page = run(f"<p>{P.format(1)}</p><p>{P.format(2)}</p>" + related)
    assert [b.text for b in page.kept()] == [P.format(1), P.format(2)]


def test_read_also_line_dropped_in_several_languages():
    lines = ["Lesen Sie auch: Wie der Stadtrat über das neue Bad entschied",
             "Le puede interesar: Tres nuevos casos abiertos por el tribunal",
             "See also: A brief history of the town hall"]
    page = run(body(2) + "".join(f"<p>{t}</p>" for t in lines) + body(2, start=2))
    for t in lines:
        assert "pointer to another article" in (reason_of(page, t) or "")
    assert sum(1 for b in page.kept()) == 4


def test_read_also_words_inside_a_sentence_are_kept():
    t = "Read more about how the council decided, and why the vote was close."
    page = run(body(2) + f"<p>{t}</p>" + body(2, start=2))
    assert reason_of(page, t) is None


def test_german_reference_section_dropped():
    refs = ("<h2>Literatur</h2><ul><li>Mustermann, Max: Ein Buch. 2004. S. 12.</li>"
            "<li>Muster, Eva: Noch eins. 2010.</li></ul>")
    page = run(body(3) + refs)
    assert reason_of(page, "Literatur") is not None
    assert reason_of(page, "Muster, Eva: Noch eins. 2010.") is not None
    assert sum(1 for b in page.kept()) == 3


def test_counted_comments_heading_drops_the_thread_below_it():
    thread = "<div class='thread'><h2>3 commentaires</h2><ul class='fil'>" + "".join(
        f"<li><div>Reader {i}</div><p>Un avis de lecteur numéro {i}, assez long pour ressembler à un texte, "
        f"avec une phrase entière.</p></li>" for i in range(3)) + "</ul></div>"
    page = run(body(4) + thread)
    assert reason_of(page, "3 commentaires") is not None
    assert reason_of(page, "Reader 1") is not None
    assert sum(1 for b in page.kept()) == 4


def test_article_element_with_paragraphs_is_the_story_whatever_its_class():
    # a paywalled story ('node-paywall') with its text present, among teasers in the container
    teasers = "".join(f"<div class='item'><h3>Other story {i}</h3>{body(2, start=50 + 2 * i)}</div>" for i in range(6))
    html = (f"<html><body><main><article class='node node-paywall'>{body(4)}</article>{teasers}</main>"
            f"</body></html>")
    page = load_page(html, kind="html")
    select_main(page, BoilerplateOptions(html_use_readability=False), "boilerplate")
    drop_navigation(page, NavigationOptions(), "navigation")
    assert reason_of(page, f"{P.format(1)} {P.format(1)}") is None


def test_small_article_card_with_a_chrome_word_still_goes():
    page = run(body(4) + f"<article class='promo'><p>{P.format(60)}</p></article>")
    assert "promo" in (reason_of(page, P.format(60)) or "")


def test_european_chrome_words_and_ad_labels():
    page = run(body(2) + "<div class='artikel-werbung'><p>Ein Angebot unseres Partners für Sie heute</p></div>"
               "<p>Anzeige</p><div class='partage-social'><p>Partager sur Facebook</p></div>"
               "<h2>Werbung neuer Mitglieder</h2>" + body(2, start=2))
    assert "werbung" in (reason_of(page, "Ein Angebot unseres Partners für Sie heute") or "")
    assert reason_of(page, "Anzeige") == "ad label"
    assert "partage" in (reason_of(page, "Partager sur Facebook") or "")
    assert reason_of(page, "Werbung neuer Mitglieder") is None  # a heading of the text, not an ad label


def test_opinion_disclaimer_dropped():
    t = "Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion."
    page = run(body(3) + f"<p>{t}</p>")
    assert "promo" in (reason_of(page, t) or "")


def test_caption_with_credit_next_to_its_picture_dropped():
    cap = "Der Sieger beim Zieleinlauf am Sonntag. | © Hans Muster/Agentur"
    page = run(body(2) + f"<div class='pic'><img src='a.jpg'><div>{cap}</div></div>" + body(2, start=2))
    assert "credit" in (reason_of(page, cap) or "")


def test_credit_line_without_a_picture_is_left_alone():
    line = "Text and research by the newsroom team. © Example News"
    page = run(body(2) + f"<p>{line}</p>" + body(2, start=2))
    assert reason_of(page, line) is None


def test_heading_left_at_the_end_of_the_text_goes():
    # the box it titled (a list of links) sits outside the article: nothing of the main content is under it
    links = "".join(f"<li><a href='/x{i}'>Another story number {i}</a></li>" for i in range(5))
    page = load_page(f"<html><body><article>{body(3)}<h3>Our picks for the weekend</h3></article>"
                     f"<div class='x'><ul>{links}</ul></div></body></html>", kind="html")
    select_main(page, BoilerplateOptions(html_use_readability=False), "boilerplate")
    drop_navigation(page, NavigationOptions(), "navigation")
    assert reason_of(page, "Our picks for the weekend") == "heading with nothing under it at the end of the text"
    assert [b.kind for b in page.kept()] == ["paragraph"] * 3


def test_headings_only_are_kept():
    page = run("<h2>Opening hours</h2><h2>Contact</h2>")
    assert [b.text for b in page.kept()] == ["Opening hours", "Contact"]


def test_linked_headlines_after_the_last_paragraph_go():
    cards = "".join(f"<h3><a href='https://other.example/story{i}'>Another story about the city budget {i}</a></h3>"
                    for i in range(3))
    page = run(body(3) + "<div class='x'>" + cards + "</div><blockquote>Filed in City Hall</blockquote>")
    assert [b.kind for b in page.kept()] == ["paragraph"] * 3 + ["quote"]
    assert reason_of(page, "Another story about the city budget 0") == \
        "linked headline after the article's last paragraph (another story)"
    # a linked heading above text keeps its place: the article's own section title
    page = run(body(2) + "<h2><a href='/topic'>The budget vote</a></h2>" + body(2, start=2))
    assert reason_of(page, "The budget vote") is None


def test_wordpress_comment_thread_title_with_the_headline_drops_the_long_comments():
    """Issue 13 (reader comments kept inside the post's container): '5 Gedanken zu „<headline>“' titles
    a thread whose comments are long and have no class words; everything below it to the next title of
    its level goes (before: the long title was no box title, and the box stopped at the first long comment)."""
    comments = "".join(f"<div><p><b>Leserin {i}</b> sagt:</p><p>Ein sehr schöner Beitrag, danke dafür, ich habe "
                       f"viel gelernt und werde das gleich im Garten ausprobieren, mit Kompost und Geduld, Nr. {i}."
                       f"</p></div>" for i in range(3))
    for title in ("5 Gedanken zu „Warum wir im Herbst den Garten umgraben sollten“",
                  "3 thoughts on “Why the garden wants digging in autumn”", "Kommentare (3)"):
        page = run(body(4) + f"<h3>{title}</h3>" + comments)
        assert [b.text for b in page.kept()] == [b.text for b in page.blocks[:4]], title


def test_a_heading_that_merely_starts_with_a_number_is_no_comment_thread():
    page = run(body(2) + "<h3>5 thoughts about the budget</h3>" + body(2, start=2))
    assert sum(1 for _ in page.kept()) == 5


def test_site_notices_by_their_text_dropped_sentences_about_them_kept():
    """Issue 13 (boilerplate on European sites): a cookie-consent text, a share line and a rights line
    with no telling class words go; an article sentence about cookies or sharing stays."""
    notices = ["Diese Website verwendet Cookies. Wenn Sie weitersurfen, stimmen Sie der Cookie-Richtlinie zu.",
               "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
               "Teilen: Facebook Twitter WhatsApp E-Mail", "Facebook | X | LinkedIn | E-Mail",
               "© 2021 Verlag GmbH. Alle Rechte vorbehalten."]
    prose = ["The court ruled that cookies may only be set after the reader agrees, the regulator said.",
             "Share prices fell on Facebook and Twitter after the hearing."]
    page = run(body(2) + "".join(f"<p>{x}</p>" for x in prose + notices) + body(2, start=2))
    texts = [b.text for b in page.kept()]
    assert not set(notices) & set(texts)
    assert all(p in texts for p in prose) and len(texts) == 6


def test_european_related_box_titles_drop_their_lists():
    """Issue 13 (related-article lists on European sites): a box titled in German, Italian, Portuguese,
    Dutch or French ('Passend zum Thema', 'Articoli correlati', 'Leia também') with no telling class words
    goes with its list."""
    for title in ("Passend zum Thema", "Articoli correlati", "Leia também", "Lees ook", "Dans la même rubrique"):
        box = f"<div><h3>{title}</h3><ul>" + "".join(
            f"<li>Eine andere Geschichte {i} auf dieser Seite, mit einem Satz darüber.</li>" for i in range(4)) + \
            "</ul></div>"
        page = run(body(4) + box)
        assert [b.text for b in page.kept()] == [b.text for b in page.blocks[:4]], title


def test_a_privacy_page_keeps_its_cookie_paragraphs():
    """A page with many paragraphs on the cookies the site uses is about them (a privacy policy): no notice."""
    policy = "".join(f"<p>We use cookies of kind {i} to remember your settings, and you may refuse them in your "
                     f"browser at any time.</p>" for i in range(4))
    page = run("<h2>Do we use cookies?</h2>" + policy + body(1))
    assert sum(1 for _ in page.kept()) == 6


def test_share_labels_and_agency_credits_dropped_text_naming_them_kept():
    """Issue 13 (share bars, picture credits on European sites): a share label ending in a colon and a
    photo agency's credit standing alone go; a how-to line with 'share' and a sentence naming an agency stay."""
    notices = ["Den Artikel mit anderen teilen/diskutieren:", "Partager cet article :", "AFP / MARCO BERTORELLO",
               "Foto: dpa/Michael Kappeler"]
    prose = ["How to share your screen:", "AP reported on Monday that the talks had failed after a long night."]
    page = run(body(2) + "".join(f"<p>{x}</p>" for x in prose + notices) + body(2, start=2))
    texts = [b.text for b in page.kept()]
    assert not set(notices) & set(texts)
    assert all(p in texts for p in prose)


def test_captions_named_in_german_french_italian_class_words_dropped():
    """Issue 13 (boilerplate on European sites): a caption under 'bildunterschrift', 'imagedescription',
    'legende' or 'didascalia' is a caption like one under 'caption'."""
    for cls in ("bildunterschrift", "imageDescription", "photo-legende", "didascalia"):
        page = run(body(2) + f"<div class='{cls}'><p>Der Bürgermeister am Montag vor dem Rathaus.</p></div>"
                   + body(2, start=2))
        assert reason_of(page, "Der Bürgermeister am Montag vor dem Rathaus.") is not None, cls


def test_notice_reason_names_each_notice_and_leaves_prose():
    from newsclean.stages.boilerplate.notices import notice_reason
    assert notice_reason("Teilen: Facebook Twitter WhatsApp") == "share line"
    assert notice_reason("Foto: dpa/Michael Kappeler") == "picture credit ('Foto: dpa/...')"
    assert notice_reason("© 2024 Beispiel Verlag. Alle Rechte vorbehalten.") == "rights line ('all rights reserved')"
    assert notice_reason("The council will share its plan with residents on Facebook next week.") is None


def test_table_row_starting_with_a_stock_word_is_data_not_a_label():
    # 'Home', 'Download', 'Credit' open stock labels ('Home', 'Download the app'); as the first cell of
    # a table row with more cells they name a row of data ('Home Size | Crew Size', 'Download speed | 95')
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in
                   [("Home Size", "Estimated Cost"), ("Download speed (Mbps)", "95.08"), ("Credit Hour", "$337")])
    page = run(body(2) + f"<table>{rows}</table>" + "<p>Home</p>" + body(2, start=2))
    kept = [b.text for b in page.kept()]
    assert "Home Size\tEstimated Cost" in kept
    assert "Download speed (Mbps)\t95.08" in kept
    assert "Credit Hour\t$337" in kept
    assert "stock phrase" in (reason_of(page, "Home") or "")  # a lone label still goes


def _cut_off_page(gap: int, tail: str) -> str:
    links = "".join(f"<li><a href='/story-{i}'>Another story headline number {i}</a></li>" for i in range(gap))
    return body(4) + f"<aside><ul>{links}</ul></aside><div>{tail}</div>"


def test_short_lines_cut_off_far_below_the_story_dropped():
    page = run(_cut_off_page(13, "<p>Spring fair schedule</p><p>Tickets at the door</p>"))
    assert (reason_of(page, "Spring fair schedule") or "").startswith("cut off below the story")
    assert (reason_of(page, "Tickets at the door") or "").startswith("cut off below the story")
    assert sum(1 for b in page.kept()) == 4


def test_cut_off_tail_with_prose_or_close_to_the_story_kept():
    prose = "<p>" + P.format(9) + "</p>"
    page = run(_cut_off_page(13, "<p>Spring fair schedule</p>" + prose))
    assert reason_of(page, "Spring fair schedule") is None
    page = run(_cut_off_page(5, "<p>Spring fair schedule</p><p>Tickets at the door</p>"))
    assert reason_of(page, "Spring fair schedule") is None


def test_short_reply_in_the_same_box_as_the_story_kept():
    from newsclean.stages.navigation.sections import drop_detached_tail

    links = "".join(f"<li><a href='/user-{i}'>Member profile link {i}</a></li>" for i in range(13))
    html = ("<html><body><div class='post-body'>" + body(4) + "</div>" + f"<ul>{links}</ul>"
            "<div class='{}'><p>Thanks, that fixed it for me</p></div></body></html>")
    for box, kept in (("post-body", True), ("site-footer", False)):
        page = load_page(html.replace("{}", box), kind="html")
        for b in page.blocks:
            if b.text.startswith("Member profile"):
                page.drop(b, "boilerplate", "outside main content")
        drop_detached_tail(page, "navigation")
        assert (reason_of(page, "Thanks, that fixed it for me") is None) is kept
