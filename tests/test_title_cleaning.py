"""Issue 13: the chosen capture headline line made the headline (made-up captures)."""
from newsclean import extract

_LEAD = ("The city council voted on Tuesday to close the old bridge for repairs, a decision that "
         "residents had awaited for years after several inspections found serious damage. " * 2)


def _title(lines: list[str]) -> str | None:
    return extract("\n".join(lines), kind="text").title


def test_kicker_echoed_behind_the_headline_is_split_off():
    # a teaser list prints "Headline - Kicker"; the article glues "Kicker Headline"
    lines = ["Example Gazette", "", "  • Stadtrat schließt die alte Brücke - Marode Pfeiler im Fluss", "",
             "Marode Pfeiler im Fluss Stadtrat schließt die alte Brücke", "", "Von Anna Beispiel",
             "12.03.2024, 10:15 Uhr", "", _LEAD]
    art = extract("\n".join(lines), kind="text")
    assert art.title == "Stadtrat schließt die alte Brücke"
    assert art.section == "Marode Pfeiler im Fluss"
    # a short headline, three words: split only on such a pair, never on the headline printed alone
    lines = ["Example Gazette", "", "  • Brücke wird gesperrt - Marode Pfeiler im Fluss", "",
             "Marode Pfeiler im Fluss Brücke wird gesperrt", "", "Von Anna Beispiel", "12.03.2024, 10:15 Uhr", "",
             _LEAD]
    assert _title(lines) == "Brücke wird gesperrt"
    lines[2] = "  • Brücke wird gesperrt"
    assert _title(lines) == "Marode Pfeiler im Fluss Brücke wird gesperrt"


def test_french_colon_with_a_lower_case_rest_stays_whole():
    title = "Deux ans et demi au conseil : une fermeture, deux enquêtes et trois rapports en cours"
    assert _title(["Example Gazette", "", title, "", _LEAD]) == title
    # a renderer joining a kicker and a headline: the rest is capitalised
    assert _title(["Example Gazette", "", "Brückensanierung : Stadtrat schließt die alte Brücke für zwei Jahre",
                   "", _LEAD]) == "Stadtrat schließt die alte Brücke für zwei Jahre"


def test_lone_emphasis_marks_of_the_page_stay_and_lynx_button_mark_goes():
    title = "*Ab Montag* 500 Tester für die neue Brücke gesucht *Stadtrat*"
    assert _title(["Example Gazette", "", title, "", _LEAD]) == title
    assert _title(["Example Gazette", "", "****** Council closes the old bridge ******", "", _LEAD]) == \
        "Council closes the old bridge"
    assert _title(["Example Gazette", "", "Search the council's old bridge archive: ________", "", _LEAD]) == \
        "Search the council's old bridge archive:"
    assert _title(["Example Gazette", "", "   (BUTTON) Council closes the old bridge for two years", "",
                   _LEAD]) == "Council closes the old bridge for two years"


def test_short_extra_glued_behind_the_headline_goes_when_the_headline_is_printed_alone():
    head = "Council closes the old bridge for two years"
    menu = ["Example Gazette", "", "  • Home", "  • Politics", ""]
    assert _title(menu + [head + " (example.com) 87", "", _LEAD, "", "Comments on", "", head, ""]) == head
    # plain words may be the headline's own ("... review" beside the name printed alone); and without the
    # short line printed alone, nothing goes
    assert _title(menu + [head + " review", "", _LEAD, "", head, ""]) == head + " review"
    assert _title(menu + [head + " of 2026", "", _LEAD, "", head, ""]) == head + " of 2026"
    assert _title(menu + [head + " (example.com) 87", "", _LEAD]) == head + " (example.com) 87"
