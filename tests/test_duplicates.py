"""Repeated blocks within a page."""
from __future__ import annotations

from newsclean.load import load_page
from newsclean.stages.duplicates import DuplicatesStage

DEK = ("“Ukraine is ready to hand over the soldiers to him if he can organize their exchange for our "
       "warriors who are being held captive in Russia,” the president said.")
CAPTION = DEK + "Jane Photographer/Getty Images"
QUOTE = DEK[:-1] + " in a post on X."
OTHER = "The ministry said the exchange could take place within weeks, officials told reporters on Monday."


def run(blocks):
    page = load_page("\n\n".join(blocks), kind="text")
    assert [b.text for b in page.blocks] == blocks
    DuplicatesStage().run(page)
    return page


def test_dek_and_caption_dropped_body_quote_kept():
    page = run([DEK, CAPTION, OTHER, QUOTE, "A different paragraph closes the story with its own words and facts."])
    kept = [b.text for b in page.kept()]
    assert QUOTE in kept and OTHER in kept
    assert DEK not in kept and CAPTION not in kept
    for b in page.blocks:
        if not b.kept:
            assert "block" in b.reason  # names what it duplicates


def test_teaser_card_repeated_three_times_dropped():
    teaser = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"
    page = run([OTHER, teaser, "By Editors", teaser, "By Editors", teaser])
    assert [b.text for b in page.kept()].count(teaser) == 0
    assert OTHER in [b.text for b in page.kept()]


def test_repeated_question_in_an_interview_is_kept():
    q = "What inspired you to start cooking for a living?"
    page = run([q, "I grew up in a kitchen and it never left me, she says with a smile.",
                q, "My grandmother taught me everything I know about bread and patience."])
    assert [b.text for b in page.kept()].count(q) == 2


def test_pull_quote_inside_a_longer_paragraph_is_kept():
    long = OTHER + " The deal, if it happens, would be the first of its kind since the war began."
    page = run([long, OTHER[:-1]])
    assert len(list(page.kept())) == 2


def test_near_identical_copy_earlier_dropped():
    page = run([OTHER, "Something else in between that is not a copy of anything here.", OTHER + " More text follows."])
    assert OTHER not in [b.text for b in page.kept()]
    assert page.blocks[0].reason.startswith("near-duplicate of block 2")


def test_adjacent_exact_copy_dropped():
    head = "Fact check: is an oxygen bar in the city selling fresh air to shoppers?"
    page = run([head, head, OTHER])
    assert [b.text for b in page.kept()].count(head) == 1


def test_odd_input_drops_only_blocks_that_have_a_copy():
    """Empty, one-letter and one huge repeated line (cut into identical pieces by the loader): the
    stage does not raise, keeps a block that has no copy, and drops only blocks printed more than once."""
    for text in ("", "a", "x " * 50_000):
        page = load_page(text, kind="text")
        DuplicatesStage().run(page)
        texts = [b.text for b in page.blocks]
        for b in page.blocks:
            assert b.kept or (b.dropped_by == "duplicates" and texts.count(b.text) > 1), b.reason
        if len(texts) == 1:
            assert page.blocks[0].kept


def test_line_repeated_across_a_structured_text_is_kept():
    head = "Eat every two to three hours"
    parts = []
    for plan in "ABC":
        parts.append(head)
        parts += [f"Plan {plan} meal {i}: one cup of rice, four ounces of chicken, {i} cups of greens."
                  for i in range(12)]
    page = run(parts)
    assert [b.text for b in page.kept()].count(head) == 3


def test_list_printed_twice_goes_where_it_was_kept():
    teasers = [f"Teaser headline number {i} about a different story: officials said on Monday" for i in range(4)]
    page = load_page("\n\n".join(teasers + [OTHER, DEK] + teasers), kind="text")
    for b in page.blocks[-4:]:
        page.drop(b, "navigation", "teaser list")
    DuplicatesStage().run(page)
    assert [b.text for b in page.kept()] == [OTHER, DEK]
    assert "copied from a list dropped elsewhere" in page.blocks[0].reason


def test_a_single_block_copied_elsewhere_is_kept():
    page = load_page("\n\n".join([OTHER, DEK, OTHER]), kind="text")
    page.drop(page.blocks[2], "navigation", "teaser")
    DuplicatesStage().run(page)
    assert [b.text for b in page.kept()] == [OTHER, DEK]


def test_three_variants_of_a_line_are_kept():
    lines = [f"Asparagus and eggs: one cup asparagus, two poached eggs, {n} cup sweet potato, one tsp oil"
             for n in ("half a", "one", "two")]
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar".split()
    filler = [" ".join(words[(i + k * 7) % 15] + str(i) for k in range(8)) + "." for i in range(30)]
    page = run([lines[0]] + filler[:10] + [lines[1]] + filler[10:20] + [lines[2]] + filler[20:])
    assert all(x in [b.text for b in page.kept()] for x in lines)


def test_caption_repeating_a_pictures_alt_text_is_dropped():
    alt = "[Home Depot co-founder Ken Langone discusses the American dream of hardworking employees.]video"
    cap = "Home Depot co-founder Ken Langone discusses the American dream of hardworking employees."
    body = "Dow component Home Depot reported third-quarter earnings that topped estimates on Tuesday."
    page = run([alt, cap, body])
    kept = [b.text for b in page.kept()]
    assert cap not in kept and body in kept
    assert "alt text" in page.blocks[1].reason
    # a paragraph that only mentions what the picture shows stays
    page = run(["[The Palace: Tale of Jang Noksu]", "Visitors came to watch The Palace: Tale of Jang Noksu and "
                "loved the show, the costumes and the music of the whole evening."])
    assert len(list(page.kept())) == 2


def test_body_printed_twice_second_copy_dropped():
    # a desktop and a mobile layout each carry the whole text: the second run of word-for-word copies goes
    paras = ["The council voted on Tuesday to close the old library after forty years of service downtown.",
             "Residents packed the hall, many holding signs that asked for one more year to raise funds.",
             "The mayor said the building needs repairs the city cannot pay for without cutting other services.",
             "A group of parents has offered to run weekend reading hours in the school gym instead.",
             "Books will move to the new branch by the river, which opens in the spring with longer hours.",
             "The vote passed five to two, and the last day for borrowing is the end of next month.",
             "Staff will be offered jobs at other branches, the library director told the meeting.",
             "Some of the rare maps in the basement will go to the county archive for safe keeping.",
             "The building itself may be sold, though no buyer has come forward so far, officials said.",
             "Until then the reading room stays open on weekday mornings for anyone who wants a quiet desk."]
    page = run(["Intro line above the text"] + paras + ["A summary box sits between the two copies of the article"]
               + paras)
    kept = [b.text for b in page.kept()]
    assert kept == ["Intro line above the text"] + paras + ["A summary box sits between the two copies of the article"]
    assert all("second copy" in b.reason for b in page.blocks if not b.kept)


def test_short_repeated_run_is_kept():
    # a few repeated list lines (a comparison table printed again as a summary) are not a second copy
    rows = ["Plan A costs ten dollars a month and includes email support for the team",
            "Plan B costs twenty dollars a month and includes phone support for the team",
            "Plan C costs forty dollars a month and includes a dedicated manager for the team"]
    page = run(rows + [OTHER] + rows)
    assert len(list(page.kept())) == 7


def test_structured_text_repeating_its_sections_is_kept():
    # a meal plan printing the same meals for each day: its lines come back many times, it is no copy
    day = ["Breakfast: two eggs, one slice of whole-grain toast and half a cup of berries with yogurt.",
           "Lunch: a large salad with grilled chicken, chickpeas, cucumber, tomato and olive oil dressing.",
           "Dinner: baked salmon with roasted sweet potato, green beans and a squeeze of fresh lemon juice.",
           "Snack: an apple with two tablespoons of peanut butter, or a handful of almonds and a pear.",
           "Drink at least eight glasses of water over the day, more on the days you train outdoors.",
           "Before training: a banana and a small coffee about forty minutes before you start moving.",
           "After training: a protein shake made with milk, oats and frozen berries within the hour.",
           "Evening: a cup of herbal tea and a square of dark chocolate if you still feel hungry.",
           "Sleep: aim for seven to nine hours, and keep the bedroom cool, dark and free of screens.",
           "Notes: swap any meal for one of the same size from another day if you prefer its taste."]
    blocks = []
    for d in range(5):
        blocks += [f"Day {d + 1} of the plan starts here"] + day
    page = run(blocks)
    assert len(list(page.kept())) == len(blocks)


def test_rows_differing_in_a_number_or_a_name_are_kept():
    # two list items / table rows that differ in one number or one name are two pieces of content
    rows = ["Order item #11111 shipped from the warehouse in Springfield on Monday morning by courier.",
            "Order item #22222 shipped from the warehouse in Springfield on Monday morning by courier."]
    page = run([rows[0], rows[1], OTHER])
    assert [b.text for b in page.kept()] == rows + [OTHER]
    pros = ["Pros of renting a car for your week in Iceland and the ring road",
            "Cons of renting a car for your week in Iceland and the ring road"]
    page = run([pros[0], OTHER, pros[1]])
    assert [b.text for b in page.kept()] == [pros[0], OTHER, pros[1]]


def test_caption_with_a_credit_glued_to_the_last_word_is_still_a_copy():
    dek = "The council voted to close the old library downtown after forty years of service"
    page = run([dek, dek + "Jane Photographer Getty Images", OTHER])
    assert dek not in [b.text for b in page.kept()]


def test_authors_restatement_further_on_is_kept():
    # a call to action the author repeats inside the body, several paragraphs later, with a word added
    cta = "If you enjoyed this guide, share it with a friend who is planning a trip to the coast."
    filler = [f"Paragraph {w} of the guide describes another stretch of the coast road and its views."
              for w in ("one", "two", "three", "four", "five")]
    page = run([cta] + filler + ["Again: " + cta])
    assert [b.text for b in page.kept()] == [cta] + filler + ["Again: " + cta]


def test_code_listings_that_build_on_each_other_are_kept():
    code = "def total(items):\n    return sum(item.price for item in items if item.price)\n"
    html = ("<html><body><article><p>First the plain version of the function we need today:</p>"
            f"<pre>{code}</pre><pre>{code.replace('sum(', 'round(sum(').rstrip()})\n</pre>"
            "<p>The second rounds the sum, which is all the change there is between them.</p></article></body></html>")
    page = load_page(html, kind="html")
    DuplicatesStage().run(page)
    assert sum(1 for b in page.kept() if b.kind == "pre") == 2


def test_a_heading_and_its_sub_heading_are_kept():
    html = ("<html><body><article><h2>Pros and cons of renting a car in Iceland</h2>"
            "<h3>Cons of renting a car in Iceland</h3>"
            "<p>Fuel is dear, the roads close in winter and the insurance adds up over a week.</p>"
            "</article></body></html>")
    page = load_page(html, kind="html")
    DuplicatesStage().run(page)
    assert [b.kind for b in page.kept()] == ["heading", "heading", "paragraph"]


def test_a_header_row_starting_each_table_is_kept():
    head = "<tr><td>Week</td><td>Monday</td><td>Tuesday</td><td>Wednesday</td><td>Thursday</td><td>Friday</td></tr>"
    tables = "".join(f"<p>Block {n} of the training plan builds on the last one.</p><table>{head}"
                     f"<tr><td>{n}</td><td>Rest</td><td>Easy {n * 10} min</td><td>Rest</td><td>Tempo</td>"
                     "<td>Long run</td></tr>"
                     "</table>" for n in range(1, 4))
    page = load_page(f"<html><body><article>{tables}</article></body></html>", kind="html")
    rows = [b for b in page.blocks if b.text.startswith("Week")]
    assert len(rows) == 3 and all(b.kind == "table" for b in rows)
    DuplicatesStage().run(page)
    assert all(b.kept for b in rows)


def test_long_paragraph_printed_twice_by_the_page_is_kept_twice():
    # a whole paragraph repeated (as a pull quote, an offer restated) with one word added: the
    # page's own text twice, not a dek reprinted as a caption
    para = ("Receive a discount on your purchase of three to five qualifying products when you order them "
            "together before the end of the month, as long as the products are shipped to one address and "
            "paid for in a single order, with the usual conditions of the shop applying to every item.")
    page = run([para, OTHER, para.replace("Receive", "Now receive"), "A closing line of its own, with facts."])
    assert sum(1 for b in page.kept() if "qualifying products" in b.text) == 2


def test_repeated_step_of_a_plan_in_an_html_list_is_kept():
    warm = "Warm up. 10-20 minutes of easy jogging and five minutes of drills"
    days = "".join(f"<li>Day {d}: a workout of its own kind, number {d}</li><li>{warm}</li>"
                   f"<li>Main set {d}. Run at tempo effort for {10 + d} minutes</li>"
                   f"<li>Cool down {d}, walk for a while and stretch the legs</li>" for d in range(4))
    page = load_page(f"<html><body><article><ul>{days}</ul></article></body></html>", kind="html")
    DuplicatesStage().run(page)
    assert sum(1 for b in page.kept() if b.text == warm) == 4


def test_teaser_repeated_close_together_in_an_html_list_still_goes():
    teaser = "Ten things to know about the new city budget this spring"
    items = "".join(f"<li>{teaser}</li><li>Another story number {i} with its own long title</li>" for i in range(3))
    page = load_page(f"<html><body><article><p>{OTHER}</p><ul>{items}</ul></article></body></html>", kind="html")
    DuplicatesStage().run(page)
    assert not any(b.text == teaser for b in page.kept())
