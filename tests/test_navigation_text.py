"""Chrome inside the body region of a text capture."""
from __future__ import annotations

import pytest

from newsclean.load import load_page
from newsclean.stages.boilerplate import BoilerplateStage
from newsclean.stages.navigation import NavigationStage

P = [
    "The ministry said on Monday that exports rose by four percent in the third quarter of the year.",
    "Analysts had expected a smaller rise, citing weaker demand from the largest trading partners abroad.",
    "The central bank is due to meet next week and is widely expected to leave interest rates unchanged.",
    "Economists said the figures made a cut less likely before the end of the year, according to a survey.",
]


def run(lines):
    page = load_page("\n\n".join(lines), kind="text")
    BoilerplateStage().run(page)
    NavigationStage().run(page)
    return page


def kept(page):
    return [b.text for b in page.kept()]


def test_icon_labels_and_inserts_are_dropped():
    page = run([P[0], "Down Arrow Button Icon", P[1], "Recommended Video", P[2], "Advertisement", P[3]])
    assert kept(page) == P
    reasons = {b.text: b.reason for b in page.blocks if not b.kept}
    assert "interface label" in reasons["Down Arrow Button Icon"]


def test_promo_and_about_the_authors_box_end_the_body():
    page = run(P + [
        "Join us at the Example Summit in May. Leaders will explore the future of work. Register now.",
        "About the Authors", "By Jane Doe", "See full bioRight Arrow Button Icon",
    ])
    assert kept(page) == P
    promo = next(b for b in page.blocks if b.text.startswith("Join us"))
    assert promo.dropped_by in ("boilerplate", "navigation") and promo.reason


def test_latest_in_header_and_teasers_are_dropped():
    page = run(P + ["Latest in Politics", "Finance",
                    "A teaser for another story that is long enough to look like a sentence of prose.",
                    "By Example Editors", "October 20, 2025"])
    assert kept(page) == P
    marker = next(b for b in page.blocks if b.text == "Latest in Politics")
    assert not marker.kept and marker.reason


MORE = [
    "Imports fell for a second quarter as households cut spending on cars, furniture and holidays abroad.",
    "The trade surplus widened to its highest level in three years, the statistics office said in a statement.",
    "Officials warned that a slowdown in the largest markets could still weigh on exports early next year.",
]


def test_inline_related_box_does_not_end_the_body():
    body = P + MORE
    page = run(body[:3] + ["Related articles", "Another headline here", "Yet another headline"] + body[3:])
    assert kept(page) == body
    box = next(b for b in page.blocks if b.text == "Related articles")
    assert box.dropped_by == "navigation" and "teaser box" in box.reason


def test_comments_end_the_body_even_when_long():
    comment = "I have read this and I strongly disagree with the analysis, which ignores the real costs for families."
    page = run(P + ["Comments", "user123", "2 days ago"] + [comment + f" Point {i}." for i in range(8)])
    assert kept(page) == P


def test_short_nav_bullets_dropped_but_prose_list_kept():
    text = "\n\n".join(P[:2]) + "\n\n• Home\n• World\n• Sport\n\n" + "\n\n".join(P[2:])
    page = load_page(text, kind="text")
    BoilerplateStage().run(page)
    NavigationStage().run(page)
    assert "Home" not in kept(page)
    assert kept(page) == P


def test_photo_caption_with_credit_dropped():
    page = run([P[0], "Protesters march in the capital on Sunday. (Image: Getty)", P[1], P[2]])
    assert kept(page) == P[:3]


def test_empty_page_does_not_raise():
    page = load_page("", kind="text")
    BoilerplateStage().run(page)
    NavigationStage().run(page)
    assert list(page.kept()) == []


def test_one_bulleted_point_between_paragraphs_is_kept():
    text = "\n\n".join(P[:2]) + "\n\n• Get it on Amazon for $39.99\n\n" + "\n\n".join(P[2:])
    page = load_page(text, kind="text")
    BoilerplateStage().run(page)
    NavigationStage().run(page)
    assert "Get it on Amazon for $39.99" in kept(page)


def test_company_description_closing_a_press_release_is_dropped():
    about = ("Acme is a global solutions provider focused on healthcare software and mobile workflow tools. "
             "The company employs around 1,300 people in 15 countries.")
    page = run(P + MORE + [about])
    assert kept(page) == P + MORE
    assert "company description" in next(b for b in page.blocks if b.text == about).reason


def test_company_sentence_early_in_an_article_is_kept():
    early = "Acme is a leading maker of garden tools, and it has struggled with falling sales since the spring."
    page = run(P[:1] + [early] + P[1:] + MORE)
    assert early in kept(page)


def test_entry_of_a_list_of_companies_past_the_middle_is_no_company_description():
    # a listicle: one entry opens like a company's boilerplate, and a third of the story still follows
    entry = ("Hertz is one of the largest car rental companies in the country, with thousands of branches "
             "and a fleet that ranges from small cars to vans.")
    rest = [P[1], P[2]]
    page = run(P + MORE + [entry] + rest)
    assert entry in kept(page) and kept(page)[-2:] == rest


def test_relative_timestamps_are_labels():
    page = run([P[0], "5 min ago", P[1], "2h ago", P[2], P[3]])
    assert kept(page) == P


def test_summary_above_the_byline_is_dropped():
    dek = "Our present financial ruin is being turned into a business model, and the banks know it."
    page = run([dek, "By Jane Doe", "November 19, 2019", *P])
    assert kept(page)[-len(P):] == P and dek not in kept(page)
    assert "summary above the byline" in next(b for b in page.blocks if b.text == dek).reason


def test_lede_followed_by_paragraphs_is_not_a_dek():
    page = run(P[:1] + ["Advertisement"] + P[1:])
    assert kept(page) == P


def test_related_link_lines_inside_the_body_are_dropped():
    page = run([P[0], "Related: The 15 Weirdest Galaxies in Our Universe", P[1],
                "Watch live: Sondland testifies about Ukraine at pivotal hearing", P[2], P[3]])
    assert kept(page) == P
    kept_note = "Read more: the ministry's figures show a steady rise in exports to Asia."
    page = run([P[0], kept_note, P[1], P[2]])
    assert kept_note in kept(page)


def test_heading_of_a_promo_box_goes_with_it():
    page = run([P[0], P[1], "Breaking News Emails",
                "Get breaking news alerts and special reports. The news that matters, delivered weekday mornings.",
                "SUBSCRIBE", P[2], P[3]])
    assert kept(page) == P
    heading = next(b for b in page.blocks if b.text == "Breaking News Emails")
    assert "promotional box" in heading.reason


def test_dek_above_a_byline_and_author_box_is_dropped():
    dek = "There are more devices and services than ever before. Here is how to choose the best one for you."
    page = run([dek, "By", "Sarah E. Needleman", "The Wall Street Journal", "@saraheneedleman",
                "Sarah.Needleman@example.com", "Nov. 19, 2019 8:03 am ET"] + P)
    assert dek not in kept(page)
    assert "@saraheneedleman" not in kept(page) and "Sarah.Needleman@example.com" not in kept(page)
    assert kept(page)[-4:] == P


def test_bulleted_teaser_list_under_an_inserted_box_heading_goes_whole():
    page = run([P[0], P[1], "Trending News", "* Video shows dramatic rescue of kidnapped girl: \"We got her!\"",
                "* Man arrested after seven trafficking victims found in car: Police", P[2], P[3]])
    assert kept(page) == P


@pytest.mark.parametrize("text", [
    "The crowd outside the court. Photo by Jane Doe/AP", "NASA/JPL-Caltech/ASU", "Protesters marched.Pier Marco Tacca",
    "Smoke over the city (Photo: Reuters)", "Smoke over the city GETTY IMAGES", "Image caption A man walks",
    "Credit...Jane Doe for The Times", "Officials met on Monday.", "A line with a/slash that ends here.",
    "Menu", "Subscribe to our newsletter", "[image-01.jpg]",
])
def test_caption_like_answers_as_its_full_patterns_do(text):
    """The cheap tests in front of the caption patterns (a "/" for the slash credit, a bracket or an agency
    for a credit, an open end for a tail) never change the answer."""
    from newsclean.stages.navigation import text as nav
    full = bool(nav._CREDIT.search(text) or nav._CAPTION_HEAD.match(text)
                or (nav._CAPTION_TAIL.search(text) and not text.rstrip().endswith((".", "!", "?", "”", '"'))))
    assert nav.caption_like(text) is full


@pytest.mark.parametrize("images,story,reason", [
    # a description of the picture ("Screenshot of ...", "A headshot of ...") printed in its place is no part of
    # the story, a sentence about a picture is
    (["Screenshot of a sales dashboard titled Quarterly Review, with a line chart of revenue by month.",
      "A headshot of Jane Doe in an office."],
     "The image of the flooded square was shared thousands of times before officials confirmed it.",
     "image description"),
    # a picture's alternative text and its echo side by side is none either, a sentence repeating a phrase is
    (["man taking selfies indoors.man taking selfies indoors.",
      "[]Screens from the Togetherr platform Screens from the Togetherr platform"],
     "It was what it was, and what it was was enough for the council to vote the plan down.",
     "printed twice"),
])
def test_image_text_is_dropped_with_its_reason(images, story, reason):
    """A text browser prints an image's alternative text in its place."""
    page = run([P[0], images[0], P[1], images[1], P[2], story, P[3]])
    assert kept(page) == [P[0], P[1], P[2], story, P[3]]
    assert all(reason in (b.reason or "") for b in page.blocks if b.text in images)


@pytest.mark.parametrize("text,words,expected", [
    ("Infographic showing the top dental trends in 2025", 8, True),
    ("An image from the launch event", 6, True),
    ("Photos of the guidebook's pages", 5, True),
    ("Photo: AP", 2, False),                              # a credit: the caption rule's
    ("A photograph is worth a thousand words.", 7, False),
    ("Imagery of the war shaped the election.", 7, False),
    ("Diagram of the engine " + "with many parts " * 40, 124, False),   # past MAX_WORDS: a story's paragraph
])
def test_alt_text_like(text, words, expected):
    from newsclean.stages.navigation.alt_text import alt_text_like
    assert alt_text_like(text, words) is expected


@pytest.mark.parametrize("text,expected", [
    ("We Are Social logoWe Are Social logo", True),                  # glued
    ("Fully assembled Pi-Hole device   Fully assembled Pi-Hole device", True),  # a wider gap
    ("[IMG] Radishes from the garden Radishes from the garden", True),  # the renderer's image mark
    ("Bora Bora", False),                                              # one word twice: a name
    ("New York, New York", False),
    ("Go team go team go", False),
    ("Radishes from the garden Radishes from the gardens", False),     # not the same text
])
def test_printed_twice(text, expected):
    from newsclean.stages.navigation.alt_text import printed_twice
    assert printed_twice(text, len(text.split())) is expected


@pytest.mark.parametrize("text,expected", [
    ("It folds up and fits in the back of any car.   Credit: Chris McNamara", True),
    ("Photo Courtesy of Noble Desktop", True),
    ("Credit: Thomas Hengge", True),
    ("The Mach-E earns the top pick for EVs. Image by John Goreham", True),
    ("Check your credit rating", False),
    ("Accept credit cards and ACH payments", False),
    ("We reviewed the photos by hand", False),
    ("The photo by Ansel Adams sold for millions.", False),
    ("Imagen: Télam", True),
    ("Der Hafen von Hamburg am Morgen.   Bild: Marcus Brandt", True),
    ("Crédito: Juan Pérez", True),
    ("Das Bild zeigt den Hafen am Morgen.", False),
])
def test_caption_like_closing_credit(text, expected):
    """A caption that closes with its picture's credit after a full stop or a wide gap."""
    from newsclean.stages.navigation.text import caption_like
    assert caption_like(text) is expected


DE = [
    "Das Ministerium teilte am Montag mit, dass die Exporte im dritten Quartal um vier Prozent gestiegen sind.",
    "Analysten hatten mit einem kleineren Anstieg gerechnet und verwiesen auf die schwache Nachfrage im Ausland.",
    "Die Zentralbank tagt in der kommenden Woche und wird die Zinsen nach Einschätzung vieler wohl nicht ändern.",
    "Ökonomen sagten, die Zahlen machten eine Senkung vor dem Jahresende weniger wahrscheinlich, so eine Umfrage.",
]


def test_german_labels_inserts_and_end_markers_are_dropped():
    page = run([DE[0], "Teilen", DE[1], "Lesen Sie auch", "Zinsen: Was Sparer jetzt wissen müssen", DE[2], DE[3],
                "Das könnte Sie auch interessieren",
                "Ein anderer Artikel über die Wirtschaft, lang genug, um wie ein Satz aus Prosa auszusehen.",
                "Ihre Meinung zu diesem Thema",
                "Schreiben Sie uns, was Sie von den neuen Zahlen halten, wir freuen uns."])
    assert kept(page) == DE
    reasons = {b.text: b.reason for b in page.blocks if not b.kept}
    assert "interface label" in reasons["Teilen"]
    assert "inserted teaser box" in reasons["Lesen Sie auch"]


STORY_ON = [
    "The survey of four thousand households found that spending on food rose faster than incomes this year, "
    "with families in rural areas hit hardest by the rise in the price of bread, milk and vegetables.",
    "Researchers said the gap between the poorest and richest households widened for a third year running, "
    "and that the share of income spent on energy was the highest since records began in the nineties.",
] * 4


def test_related_box_inside_the_story_does_not_end_it():
    """A "Related" box in the middle of a story, with several paragraphs of the story below it at the same
    density, is a box inside the story (``CONTINUED_WORDS``), not its end."""
    above = P + MORE + STORY_ON * 2   # more prose above the box than below: without the rule, the box ends the story
    below = STORY_ON + STORY_ON[:2]   # 10 paragraphs, about 350 words
    box = ["Related", "How inflation changed what families buy", "Why bread costs more this winter"]
    page = run(above + box + below)
    assert kept(page) == above + below
    short = run(above + box + STORY_ON[:2])
    assert kept(short) == above   # a paragraph or two under the box: the story's end, as before
