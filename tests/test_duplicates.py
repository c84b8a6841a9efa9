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


def test_odd_input():
    for text in ("", "a", "x " * 50_000):
        page = load_page(text, kind="text")
        DuplicatesStage().run(page)


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
