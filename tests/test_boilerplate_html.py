"""Main-content selection on small HTML pages."""
from __future__ import annotations

import json

from newsclean.load.page import load_page
from newsclean.stages.boilerplate import BoilerplateOptions
from newsclean.stages.boilerplate.html import select_main

P = "Body paragraph number {} tells the story in plain words, with commas, clauses and an end."


def body(n: int, start: int = 0) -> str:
    return "".join(f"<p>{P.format(i)} {P.format(i)}</p>" for i in range(start, start + n))


def run(html: str, url: str | None = None, **opts):
    page = load_page(html, kind="html", url=url)
    select_main(page, BoilerplateOptions(**{"html_use_readability": False, **opts}), "boilerplate")
    return page


def kept(page):
    return [b.text for b in page.kept()]


def nav(n: int) -> str:
    return "<ul>" + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(n)) + "</ul>"


def test_article_body_chosen_over_menus_and_footer():
    html = (f"<html><body><div class='top'>{nav(12)}</div><div class='main'><article>{body(6)}</article></div>"
            f"<div class='bottom'><p>Copyright 2024</p>{nav(8)}</div></body></html>")
    page = run(html)
    texts = kept(page)
    assert len(texts) == 6 and all(t.startswith("Body paragraph") for t in texts)
    dropped = [b for b in page.blocks if not b.kept]
    assert dropped and all(b.reason.startswith("outside main content (container ") for b in dropped)
    assert page.handoffs.html_container.tag in ("article", "div")


def test_comments_are_not_the_main_content_even_when_long():
    comments = "".join(f"<div class='comment-body'><p>{P.format(100 + i)} {P.format(i)}</p></div>"
                       for i in range(10))
    html = (f"<body><div class='wrap'><div class='story'>{body(4)}</div>"
            f"<section id='comments'>{comments}</section></div></body>")
    texts = kept(run(html))
    assert texts == [f"{P.format(i)} {P.format(i)}" for i in range(4)]


def test_jsonld_article_body_points_at_the_right_container():
    real = body(3)
    decoy = "".join(f"<p>Unrelated filler {i} about gardening, weather, recipes and long walks by the sea "
                    f"that the structured data never mentions at all, not once.</p>" for i in range(5))
    ld = {"@type": "NewsArticle", "articleBody": " ".join(f"{P.format(i)} {P.format(i)}" for i in range(3))}
    html = (f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head>"
            f"<body><div id='a'>{real}</div><div id='b'>{decoy}</div></body></html>")
    page = run(html)
    assert kept(page) == [f"{P.format(i)} {P.format(i)}" for i in range(3)]
    assert page.notes.get("html_jsonld_matches") == 3


def test_teaser_cards_do_not_win():
    cards = "".join(f"<article class='card'><h3><a href='/story-{i}'>Another headline number {i} here</a></h3>"
                    f"<p>{P.format(200 + i)}</p></article>" for i in range(8))
    html = f"<body><div class='post'>{body(3)}</div><div class='more'>{cards}</div></body>"
    page = run(html, url="https://example.org/a")
    assert all("number 20" not in t for t in kept(page))
    assert set(page.handoffs.html_teasers)  # the summaries were recognised


def test_single_main_element_scopes_the_search():
    footer_text = "".join(f"<p>{P.format(300 + i)} {P.format(i)} {P.format(i)}</p>" for i in range(4))
    html = f"<body><main>{body(3)}</main><div class='legal'>{footer_text}</div></body>"
    texts = kept(run(html))
    assert len(texts) == 3 and all("number 30" not in t for t in texts)


def test_odd_pages_never_raise():
    for html in ("<html><body></body></html>", "<frameset><frame src='x'></frameset>", "<p>one line</p>",
                 "<html><head><script type='application/ld+json'>{broken</script></head><body><p>x</p></body></html>",
                 "<body>" + "<p>short</p>" * 5000 + "</body>"):
        page = run(html)
        assert isinstance(page.blocks, list)


def test_readability_second_opinion_only_when_unsure_and_counted():
    short = ("<html><body><div class='x'><p>A short note with a few words in it, and a second clause "
             "to make it a sentence of modest length.</p><p>Another short line of text follows here, "
             "also modest, with some more words to read and a last clause to close it.</p></div>"
             "<ul><li><a href='/a'>Home</a></li></ul>"
             "</body></html>")
    page = run(short, html_use_readability=True)
    assert page.notes["html_readability_fallback"] is True  # weak choice: asked for a second opinion
    assert len(kept(page)) == 2
    off = run(short, html_use_readability=False)
    assert off.notes["html_readability_fallback"] is False
    confident = run(f"<html><body><article>{body(8)}</article></body></html>", html_use_readability=True)
    assert confident.notes["html_readability_fallback"] is False


def test_readability_second_opinion_gets_no_characters_lxml_refuses(caplog):
    import logging

    from newsclean.load.page import load_page
    from newsclean.stages.boilerplate.signals import readability_vocab

    body = "".join(f"<p>Sentence {i} of the story&#11; goes on here with enough words to count.</p>" for i in range(12))
    page = load_page(f"<html><body><div>{body}<script>x</script>&#xFFFE;\ufffetail</div></body></html>", kind="html")
    with caplog.at_level(logging.DEBUG):
        vocab = readability_vocab(page)
    assert vocab and "of the story" in vocab
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_article_header_is_no_teaser_card():
    # the page's own <h1>, a linked tag line and the lead, in one small box: the article's header,
    # shaped like a card ('linked headline + summary') but holding the page's title
    lead = "The lead says in two sentences what the story is about. It is part of the article."
    header = ("<div class='intro'><h1>The page title of this story</h1>"
              "<p><a href='/tag/one'>Tag one</a>-<a href='/tag/two'>Tag two</a>-<a href='/tag/three'>Tag three</a></p>"
              f"<div class='lead'><p>{lead}</p></div></div>")
    page = run(f"<body><article>{header}{body(4)}</article></body>", url="https://example.org/a")
    assert not page.handoffs.html_teasers
    assert lead in kept(page)


def test_a_link_list_inside_the_article_does_not_shrink_it_to_one_section():
    sections = "".join(f"<div class='part'>{body(3 if i == 0 else 2, start=10 * i)}</div>" for i in range(4))
    cities = "<ul class='cities'>" + "".join(
        f"<li><a href='/movers/city-{i}'>Movers in city {i}</a></li>" for i in range(150)) + "</ul>"
    html = f"<body><div class='wrap'><article>{sections}{cities}</article></div><footer>{nav(5)}</footer></body>"
    page = run(html)
    assert page.handoffs.html_container.tag == "article"
    texts = kept(page)
    assert all(f"{P.format(10 * i)} {P.format(10 * i)}" in texts for i in range(4))


def test_a_box_of_short_unlinked_phrases_does_not_widen_a_short_post():
    """Issue 13 (fitted block weights): a short two-paragraph post next to a box of six-word phrases with no
    sentence ending (tags, specs, a keyword list): the phrases weigh little (a sixth of their length), so the
    container is the post and not the element holding both (the hand weight counted each phrase character as
    body text)."""
    post = "".join(f"<p>{P.format(i)} {P.format(i)} {P.format(i)}</p>" for i in range(2))
    phrases = "".join(f"<p>topic number {i} and its label</p>" for i in range(20))
    html = f"<body><div id='wrap'><div id='post'>{post}</div><div id='keys'>{phrases}</div></div></body>"
    page = run(html)
    assert page.handoffs.html_container.get("id") == "post"
    assert all(not t.startswith("topic number") for t in kept(page))


def test_one_boosted_line_does_not_win_over_the_short_post_around_it():
    """Issue 13 (short posts where the wrong block wins): a post of short label-like lines ('Walter: camera
    3.') with a link row inside it sums to less than the one long line below it (a rights notice); the
    post's element holds twice that line's positive mass for nearly its score, so it is the container,
    not the line alone (before: the output was that one line)."""
    lines = "".join(f"<h3>Teil {i}</h3><p>Walter: Kamera Nummer {i} mit Film.</p><p>Shuji: Widelux Nummer {i}.</p>"
                    for i in range(12))
    note = "<p class='note'>" + "This blog keeps the rights to every picture shown here, and nobody may copy them. " * 3
    html = (f"<body><nav>{nav(10)}</nav><div id='content'><article><div class='entry-content'>{lines}"
            f"<div>{nav(40)}</div>{note}</p></div></article></div><footer>{nav(6)}</footer></body>")
    page = run(html)
    assert page.handoffs.html_container.get("class") == "entry-content"
    assert "Walter: Kamera Nummer 3 mit Film." in kept(page)


def test_a_short_post_does_not_lose_to_the_cookie_box():
    """Issue 13 (a short post whose container is the cookie box): the consent text is longer than the
    post; by its text (cookies, the site speaking of itself) it counts against its box, not for it."""
    post = "".join(f"<p>{P.format(i)}</p>" for i in range(2))
    cookie = ("<div class='cc-window'><p>" + "Diese Website verwendet Cookies, um Ihnen das bestmögliche "
              "Nutzererlebnis zu bieten, und Sie stimmen der Verwendung zu, wenn Sie weitersurfen. " * 3 + "</p></div>")
    html = f"<body><nav>{nav(8)}</nav><div id='post'>{post}</div>{cookie}</body>"
    page = run(html)
    assert page.handoffs.html_container.get("id") == "post"


def test_a_short_listing_does_not_lose_to_a_consent_managers_preference_centre():
    """A consent manager's dialog (purposes and vendors, paragraphs of prose about cookies in the box's own
    words, more of them than one cookie notice) is longer than the page's few items; named as consent by its
    class/id and reading as a notice, it counts against its box."""
    items = "".join(f"<div class='card'><h3>Tomato sauce recipe {i}</h3><p>{P.format(i)}</p></div>" for i in range(3))
    purposes = "".join(
        f"<h4>Purpose {i}</h4><p>These cookies and similar identifiers let partners measure content performance "
        f"and build profiles for personalised advertising; you can change your preferences and withdraw consent "
        f"at any time from the settings, purpose {i} of eight.</p>" for i in range(8))
    box = f"<div id='onetrust-pc-sdk' class='otPcCenter'><h2>Your Privacy</h2>{purposes}</div>"
    html = f"<body><nav>{nav(8)}</nav><h1>Tomato sauce recipes</h1><div id='recipes'>{items}</div>{box}</body>"
    page = run(html)
    assert page.handoffs.html_container.get("id") == "recipes"
    kept = " ".join(b.text for b in page.blocks if b.kept)
    assert "Tomato sauce recipe 2" in kept and "personalised advertising" not in kept


def test_a_page_too_small_to_judge_keeps_every_block():
    """A note of three short paragraphs straight under <body> (28 words in all): the block weights count such
    short lines against their element, so the first paragraph alone was the container and the other two went.
    Under ``page.TINY_PAGE_WORDS`` no container is chosen: everything stays, and the choice is noted."""
    html = "<body><p>The meeting is at noon.</p><p>Bring a coat.</p><p>Doors open at eleven.</p></body>"
    page = run(html)
    assert kept(page) == ["The meeting is at noon.", "Bring a coat.", "Doors open at eleven."]
    assert page.handoffs.html_container is None
    assert any("too little text" in d.reason for d in page.decisions if d.action == "note")


def test_a_tiny_page_still_loses_its_menu_and_footer():
    """End to end: on a page too small to judge, the navigation stage still drops the chrome by its markup."""
    from newsclean import extract

    html = ("<html><body><nav><a href='/'>Home</a> <a href='/about'>About us</a></nav><p>The meeting is at noon."
            "</p><p>Bring a coat.</p><footer>© 2024 The Garden Club. All rights reserved.</footer></body></html>")
    assert extract(html).text == "The meeting is at noon.\n\nBring a coat."
