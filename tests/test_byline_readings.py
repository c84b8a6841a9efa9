"""Text captures: byline shapes the readings missed until session 22 — a name with its role or a picture's
label and no separator, a dateline printed twice or closed by a comment link, a lead-in "vom", a label and a
role in brackets beside a date, a label in a script without case, a byline run into the first paragraph, and a
particle inside a name read as a lead-in."""
from newsclean.stages.byline import readings
from tests.byline_helpers import text_candidates

_BODY = ("The council met on Tuesday evening to discuss the new budget for the coming year, and the debate "
         "ran long into the night as members argued over every line of the plan. ")


def _reads(line: str) -> list[tuple[str, list[str]]]:
    return readings.readings(line)


def test_a_name_and_its_role_without_a_separator_are_two_parts():
    assert ("segment", ["Rhea Dalton"]) in _reads("Rhea Dalton Education editor")
    assert ("segment", ["Jonas Feld"]) in _reads("Jonas Feld Autor")
    assert ("segment", ["Mia Ortega"]) in _reads("Mia Ortega Lead Writer")
    # a picture's label beside the name: the name alone, never "J.R. Stone Image"
    assert ("segment", ["K.T. Marsh"]) in _reads("K.T. Marsh Image")
    assert all("K.T. Marsh Image" not in names for _how, names in _reads("K.T. Marsh Image"))
    # three capitalised words are a name when no role or picture word ends them
    assert readings.role_cut("Anna Maria Schmidt") == ["Anna Maria Schmidt"]
    assert readings.role_cut("Rhea Dalton Education editor") == ["Rhea Dalton", "Education editor"]


def test_a_picture_of_someone_names_them():
    assert ("inner", ["Cole Brandt"]) in _reads("Picture of Cole Brandt Cole Brandt")
    assert ("inner", ["Ines Varga"]) in _reads("Headshot of Ines Varga, a family lawyer in Denver")
    assert readings.picture_reading("Picture of the week", []) == []   # no name after it


def test_a_picture_word_or_a_label_alone_is_no_name():
    assert all(names != ["Avatar"] for _how, names in _reads("Autor-Avatar"))
    assert all(names != ["information"] for _how, names in _reads("Author information"))


def test_the_name_beside_a_dateline_printed_twice_or_closed_by_a_comment_link():
    # the published and the updated day glued into one run of digits
    assert ("dated", ["surfpilot"]) in _reads("1. November 20161. November 2016 surfpilot")
    assert ("dated", ["Lea Quint"]) in _reads("December 4, 2019December 5, 2019 Lea Quint")
    assert ("dated", ["karstenr"]) in _reads("28. Januar 2015 karstenr Schreibe einen Kommentar")
    assert ("dated", ["Kim Vale"]) in _reads("May 9, 2020 | Kim Vale Leave a comment")


def test_a_label_and_a_role_in_brackets_beside_a_date_are_not_the_name():
    assert ("dated", ["Ebbe Fuhrmann"]) in _reads("05.02.2020 - Redaktion: Ebbe Fuhrmann (Pressesprecher des Vereins)")


def test_vom_is_a_lead_in_inside_the_line():
    assert ("inner", ["Support Team"]) in _reads("Eingetragen am 3. Januar 2020, aktualisiert am 4. Januar 2020 "
                                                 "vom Support Team")


def test_a_label_before_names_in_a_script_without_case():
    assert ("label", ["孔德明"]) in _reads("责任编辑：孔德明")
    assert readings.label_reading("Note: see the map below", []) == []   # lower case after the colon: still none


def test_a_byline_run_into_the_first_paragraph_is_read_from_the_line_s_head():
    long_line = ("Posted by QuillDesk on Friday December 19, 2025 @08:00PM from the budget dept. " + _BODY)
    assert len(long_line) > 160
    lines = ["Town News", "", "Council argues over the budget until midnight", "", long_line, "", _BODY]
    cands = text_candidates(lines)
    assert any(c.names == ["QuillDesk"] and "lead" in c.kinds for c in cands)
    # a long paragraph with no lead-in gives no candidate
    assert not any(c.block.text == _BODY for c in text_candidates(lines))


def test_a_particle_inside_a_name_is_no_lead_in():
    # "von Ritter" is the tail of "Christoph von Ritter", not a lead-in before "Ritter"
    assert _reads("Christoph von Ritter 24. April 2020") == [("dated", ["Christoph von Ritter"])]
    assert ("inner", ["gizzmo"]) in _reads("Veröffentlicht am 12. Juni 2017 von gizzmo")
