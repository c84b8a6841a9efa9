"""Text captures to blocks: bullets, dashes, wrapping, CJK, headings, odd input."""
from __future__ import annotations

from collections import Counter

from newsclean.load.text import split_lines, text_blocks, wrap_width


def kinds(text):
    blocks, _, _, _ = text_blocks(text)
    return [(b.kind, b.text) for b in blocks]


def test_em_and_en_dash_lines_keep_their_dash():
    blocks, _, _, _ = text_blocks("— Jane Doe (@jane) January 12, 2025\n\n– a quoted line\n")
    assert blocks[0].text == "— Jane Doe (@jane) January 12, 2025"
    assert blocks[0].kind == "paragraph" and blocks[0].features["bullet"] is None
    assert blocks[1].text.startswith("– ")


def test_bullets_are_list_items_of_their_own():
    got = kinds("• Home\n  • Latest\n* News\n- Sport\n")
    assert got == [("list_item", "Home"), ("list_item", "Latest"), ("list_item", "News"), ("list_item", "Sport")]


def _wrap(words: list[str], width: int) -> list[str]:
    """The words wrapped greedily at ``width`` columns, as a text browser prints a paragraph."""
    lines, cur = [], ""
    for w in words:
        if len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    return lines + [cur]


def test_wrapped_paragraph_is_rejoined():
    words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 30).split()
    lines = _wrap(words, 60)
    text = "\n".join(lines) + "\n\nShort line\n"
    blocks, _, width, _ = text_blocks(text)
    assert width is not None and 55 <= width <= 60
    assert blocks[0].text == " ".join(words)
    assert blocks[1].text == "Short line"


def test_a_line_broken_before_a_number_and_dot_goes_on():
    """German prints ordinals and days as "7." ("am 7. Februar", "des 19. Jahrhunderts"): a wrapped line that
    breaks before one goes on; the number is text, not a numbered list item's mark."""
    full = "lorem ipsum dolor sit amet consectetur adipiscing elit sed"      # 58 columns: a full line
    lines = [full] * 7 + ["lorem ipsum dolor sit amet wie die Fachleute damals sagten am"]
    text = "\n".join(lines + ["7. Februar berichteten, stimmt das Genom.", "", "Next paragraph here."])
    got = kinds(text)
    assert got[0] == ("paragraph", " ".join(lines + ["7. Februar berichteten, stimmt das Genom."]))
    # a numbered list after a sentence's end, or inside a list, stays a list
    listed = "\n".join([full] * 7 + [full + ".", "3. Consider the veggies.", "4. Water them."])
    assert [k for k, _ in kinds(listed)][-2:] == ["list_item", "list_item"]


def test_unwrapped_lines_stay_separate():
    text = "A first line that is a paragraph of its own.\nA second one, also on its own line.\n"
    blocks, _, width, _ = text_blocks(text)
    assert width is None
    assert [b.text for b in blocks] == ["A first line that is a paragraph of its own.",
                                       "A second one, also on its own line."]


def test_cjk_lines_join_without_space():
    row = "日本語の文章はスペースなしで書かれるので行の折り返しで単語が分かれることがある"  # 38 chars, width 76
    text = "\n".join([row] * 8) + "\n"
    blocks, _, width, _ = text_blocks(text)
    assert width is not None
    assert len(blocks) == 1 and " " not in blocks[0].text and blocks[0].text == row * 8


def test_markdown_and_setext_headings_have_a_level():
    blocks, _, _, _ = text_blocks("## Second level\n\nTitle here\n==========\n\nBody text follows here.\n")
    assert (blocks[0].kind, blocks[0].text, blocks[0].features["level"]) == ("heading", "Second level", 2)
    assert (blocks[1].kind, blocks[1].text, blocks[1].features["level"]) == ("heading", "Title here", 1)
    assert blocks[2].kind == "paragraph"


def test_lone_short_line_between_blank_lines_is_a_heading():
    blocks, _, _, _ = text_blocks("Intro paragraph that ends.\n\nNISSAN SENTRA\n\nNissan is hoping for more.\n")
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph"]


def test_odd_input_never_raises():
    for text in ("", "\n\n\n", "x" * 200_000, "\x00\x01\ufffd" * 1000, "\t•\n-\n*\n", "=====\n-----\n"):
        blocks, lines, _, _ = text_blocks(text)
        assert isinstance(blocks, list) and isinstance(lines, list)


def test_many_lines_each_a_block_below_the_budget():
    text = "\n".join(f"line number {i} of a long capture" for i in range(100_000))
    blocks, _, _, _ = text_blocks(text, max_blocks=200_000)
    assert len(blocks) == 100_000


def test_past_the_block_budget_the_rest_is_one_running_block():
    text = "\n".join(f"  • item {i}" for i in range(5_000))
    blocks, _, _, _ = text_blocks(text, max_blocks=100)
    assert len(blocks) == 101
    assert [b.text for b in blocks[:100]] == [f"item {i}" for i in range(100)]
    assert blocks[100].text.split() == [w for i in range(100, 5_000) for w in ("item", str(i))]


def test_wrap_width_none_for_few_lines():
    assert wrap_width(split_lines("a\nb\nc")) is None


def test_column_rows_become_one_table_block():
    rows = ["Pos.  Driver            Points  Wins", "1     Kyle Busch        5040    5",
            "2     Martin Truex Jr.  5035    7", "3     Kevin Harvick     5033    4"]
    blocks, _, _, _ = text_blocks("Standings after the final race:\n\n" + "\n\n".join(rows) + "\n")
    assert [b.kind for b in blocks] == ["paragraph", "table"]
    assert blocks[1].text.splitlines()[1] == "1 Kyle Busch 5040 5"


def test_space_before_full_stop_is_removed():
    blocks, _, _, _ = text_blocks("The army said in a statement on Wednesday .\n")
    assert blocks[0].text == "The army said in a statement on Wednesday."


def test_one_long_wrapped_paragraph_is_joined():
    # (joining by repeated concatenation once took minutes here; time per MB is measured by
    # benchmarks/hostile.py, never asserted in tests)
    line = "The quick brown fox number {i} jumps over the lazy dog and runs away."
    text = "\n".join(line.format(i=i % 10) for i in range(30_000))
    blocks, _, width, _ = text_blocks(text)
    assert width is not None and len(blocks) == 1
    assert blocks[0].text.count("lazy dog") == 30_000


def test_display_width_counts_wide_characters_twice():
    from newsclean.load.text import display_width

    assert display_width("abc") == 3 and display_width("é•x") == 3
    assert display_width("日本a") == 5 and display_width("한국") == 4


def test_dateline_under_a_wrapped_paragraph_is_a_line_of_its_own():
    words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 6).split()
    lines, cur = [], ""
    for w in words:
        if len(cur) + 1 + len(w) > 60:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    lines[-1] = lines[-1][:52].rstrip() + " end."
    text = "\n".join(lines + ["Published 11:34 PM EST Nov 19, 2019"]) + "\n"
    blocks, _, width, _ = text_blocks(text)
    assert width is not None
    assert blocks[-1].text == "Published 11:34 PM EST Nov 19, 2019"


def test_hangul_line_broken_at_a_space_is_rejoined_with_one():
    from newsclean.load.text import Line, _hangul_break_at_space

    def line(text):
        from newsclean.load.text import display_width
        return Line(0, text, text, 0, None, display_width(text))

    prev = line("가" * 48)                      # width 96: the next syllable (2) would have fitted in 99
    assert _hangul_break_at_space(prev, line("나다"), 99)
    assert not _hangul_break_at_space(line("가" * 49), line("나다"), 99)   # width 98: full line
    assert _hangul_break_at_space(line("a" + "가" * 48), line("나다"), 99)        # width 97 + 2 fits
    assert not _hangul_break_at_space(line("a" + "가" * 48), line("다."), 99)    # "다." (3) would not


def test_pipeline_on_many_bullet_lines():
    # (quadratic steps once took minutes here: benchmarks/hostile.py measures the time)
    from newsclean import Pipeline

    text = "\n".join(f"  • item {i}" for i in range(20_000))
    art = Pipeline().extract(text, kind="text")
    assert isinstance(art.text, str)


def _wrap(words, width):
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    return lines + [cur]


def test_fenced_headings_have_a_level_and_lose_their_fence():
    got = [(b.kind, b.text, b.features.get("level")) for b in text_blocks(
        "****** Main title here ******\n***** A subheading *****\n* Sixth level *\n== Wiki section ==\n")[0]]
    assert got == [("heading", "Main title here", 1), ("heading", "A subheading", 2),
                   ("heading", "Sixth level", 6), ("heading", "Wiki section", 2)]


def test_glued_link_text_gets_its_spaces_back_when_menus_show_the_style():
    text = ("    * Personal_Finance\n    * Watch_TV\n    * Real_Estate\n\n"
            "Home Depot shares rose today, said Read_more_on_this_story in the release.\n")
    blocks, _, _, _ = text_blocks(text)
    assert [b.text for b in blocks[:3]] == ["Personal Finance", "Watch TV", "Real Estate"]
    assert blocks[3].text == "Home Depot shares rose today, said Read more on this story in the release."
    assert blocks[3].features["linked_words"] == 5
    # an underscore in running text alone, a file name or a handle is no such style
    kept = "STAFF\n\nChoreographer_Jeong Hye Jin, Director_Oh Kyeong, see logo_file.png or @some_user.\n"
    assert [b.text for b in text_blocks(kept)[0]][1] == kept.split("\n")[2]


def test_centred_headline_wrapped_over_two_lines_is_one_block():
    body = _wrap(("word " * 200).split(), 94)
    text = "\n".join(["   " + ln for ln in body[:8]]) + "\n\n" + \
        "    A long headline about three demonstrators killed in clashes with police and soldiers near\n" + \
        "                                    the barricaded fuel plant\n\n" + \
        "\n".join("   " + ln for ln in body[8:]) + "\n"
    blocks, _, width, _ = text_blocks(text)
    assert width is not None
    assert blocks[1].text == ("A long headline about three demonstrators killed in clashes with police and soldiers "
                              "near the barricaded fuel plant")


def test_paragraphs_without_blank_lines_end_where_a_sentence_ends_with_room_left():
    para = _wrap(("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 3).split(), 60)
    lines = []
    for _ in range(6):
        lines += para[:-1] + ["Quisque at sem ut massa."]   # paragraphs run on, no blank line between
    lines += para[:-1] + ["Quisque at sem ut massa tristique faucibus lacus."] + para
    blocks, _, width, _ = text_blocks("\n".join(lines) + "\n")
    assert width is not None
    # "lacus." ends 5 columns short of the wrap column, yet the next word ("Lorem") would have fitted
    assert len(blocks) == 8 and blocks[6].text.endswith("faucibus lacus.")


def test_bullet_item_does_not_swallow_a_less_indented_paragraph():
    words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 30).split()
    lines = _wrap(words, 60)
    text = "\n".join(lines[:6]) + "\n\n    * A teaser headline that runs long enough to reach the column\n" + \
        "\n".join(lines[6:]) + "\n"
    blocks, _, _, _ = text_blocks(text)
    item = next(b for b in blocks if b.kind == "list_item")
    assert item.text == "A teaser headline that runs long enough to reach the column"


def test_full_hangul_line_rejoined_with_a_space_when_the_capture_uses_the_word_alone():
    from newsclean.load.text import Line, _hangul_break_at_space, display_width

    def line(text):
        return Line(0, text, text, 0, None, display_width(text))

    prev, nxt = line("가" * 47 + " 다라"), line("작용할 수도 있다.")      # width 99: a full line
    assert not _hangul_break_at_space(prev, nxt, 99)
    words = Counter({"작용할": 1})
    assert _hangul_break_at_space(prev, nxt, 99, words)
    assert not _hangul_break_at_space(prev, nxt, 99, Counter({"작용할": 1, "다라작용할": 1}))
    assert not _hangul_break_at_space(prev, line("는 사람"), 99, Counter({"는": 3}))  # one syllable: a particle


def test_capture_flattened_to_one_line_keeps_its_article_text(seed_text, fixtures_dir):
    import json
    import re

    from newsclean import extract

    expected = json.loads((fixtures_dir / "coins2day-zelensky.expected.json").read_text(encoding="utf-8"))
    sentences = [s for p in expected["body_paragraphs_in_order"] for s in re.split(r"(?<=[.!?”])\s+", p)]
    text = " ".join(extract(" ".join(seed_text.split())).text.split())
    kept = [s for s in sentences if s in text]
    assert len(kept) >= 0.9 * len(sentences), set(sentences) - set(kept)


def test_over_long_line_is_cut_at_sentence_ends_and_bullets_only():
    from newsclean.load.longlines import OVER_LONG_LINE, split_over_long_lines

    sentence = ("Dr. Jane Smith of the U.S. Geological Survey said on Tuesday that the river, e.g. its lower "
                "reach, had risen by 3.5 metres. Was it the rain? “Yes,” she said. ")
    line = "• Home • News " + sentence * (OVER_LONG_LINE // len(sentence) + 1)
    short = "A short line of its own. It stays as it is."
    out = split_over_long_lines(short + "\n" + line + "\n" + short, max_blocks=20_000).split("\n")
    assert out[0] == out[-1] == short
    pieces = out[1:-1]
    assert " ".join(pieces) == line.strip()  # no word lost, split or joined
    # (the last menu item runs on into the first sentence: nothing tells them apart)
    first = ("• News Dr. Jane Smith of the U.S. Geological Survey said on Tuesday that the river, e.g. its "
             "lower reach, had risen by 3.5 metres.")
    assert pieces[:2] == ["• Home", first]
    assert pieces[2:5] == ["Was it the rain?", "“Yes,” she said.", sentence.split(" Was")[0]]


def test_huge_one_line_capture_is_cut_into_pieces_within_the_block_budget():
    from newsclean.load.longlines import MAX_PIECE, split_over_long_lines

    line = "One sentence of the story here. " * 20_000 + "word " * 10_000  # 640 KB, then no sentence end
    pieces = split_over_long_lines(line, max_blocks=1000).split("\n")
    assert len(pieces) <= 500 + len("word " * 10_000) // MAX_PIECE + 1
    assert max(len(p) for p in pieces) <= max(2 * len(line) // 1000, MAX_PIECE) + 40
    assert " ".join(pieces) == line.strip()


def test_long_links_and_table_rows_past_the_wrap_column_do_not_hide_it():
    """A renderer cannot break a long link or a table's row: lines past the wrap column of that kind say
    nothing against it, while one line of running text past it would."""
    words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 12).split()
    lines = _wrap(words, 60)
    url = "https://example.org/" + "a-very-long-path-segment/" * 4
    row = "Model X200      $1,299      4.5 stars      in stock at most stores"
    extra = [url, row, url + "x", row + " today", url + "y", row + " again"]
    _, _, width, _ = text_blocks("\n".join(lines) + "\n\n" + "\n\n".join(extra) + "\n")
    assert width is not None and 55 <= width <= 60
    # as many lines of running text as wide: the renderer did not wrap at 60 after all
    prose = [" ".join(["word"] * 40)[:len(x)].rstrip() for x in extra]
    _, _, width, _ = text_blocks("\n".join(lines) + "\n\n" + "\n\n".join(prose) + "\n")
    assert width is None or not 55 <= width <= 60


def test_lines_without_text_are_no_trouble_for_the_wrap_column():
    # (a bullet glyph alone far right: a line of width 47 whose text is empty)
    text = "\n".join(["word " * 11, " " * 46 + "-", " " * 60, "\u3000" * 30, "\t" * 12] * 4)
    blocks, _, _, _ = text_blocks(text)
    assert blocks and all(b.text.strip() for b in blocks)
