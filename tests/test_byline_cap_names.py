"""Issue 13: names read from text-capture bylines -- a label before a lead-in, an employer after a
role, a date's article, a trailing role word, "von" inside a name, a date right after an inner
lead-in's name, a credit that is no name-only block."""
from newsclean import extract
from newsclean.normalize.authors import split_names
from newsclean.stages.byline.readings import particle_von, readings


def test_label_before_lead_in_with_colon():
    assert split_names("Artikel von: Jessie") == ["Jessie"]
    assert split_names("Recipe by: Jane Doe") == ["Jane Doe"]
    assert ("inner", ["Jessie"]) in readings("Artikel von: Jessie")


def test_employer_after_a_role_is_no_second_author():
    assert split_names("By: Jane Doe, Director of Operations, Acme Van Lines") == ["Jane Doe"]
    assert split_names("Reviewed by Jane Doe, Trial Attorney at Roe & Roe, on May 9, 2024.") == ["Jane Doe"]
    # a joiner word brings the next author back
    assert split_names("By Jane Doe, Editor at Large, and John Roe") == ["Jane Doe", "John Roe"]
    assert split_names("By Jane Doe, Staff Writer, John Roe") == ["Jane Doe", "John Roe"]


def test_article_before_a_date_is_no_name():
    assert split_names("par Florence Dupont, le 15 septembre 2009") == ["Florence Dupont"]
    assert split_names("por Ana Ruiz, el 4 de mayo de 2021") == ["Ana Ruiz"]


def test_trailing_autor_is_a_role():
    assert split_names("Harald Muster Autor") == ["Harald Muster"]


def test_von_after_a_first_name_is_a_particle():
    assert particle_von("Michael von Ritter 24. April 2020", len("Michael "))
    assert not particle_von("Ein Artikel von Jane Doe", len("Ein Artikel "))
    assert not particle_von("Veröffentlicht am 3. Mai vonChris Jung", len("Veröffentlicht am 3. Mai "))
    assert not particle_von("Veröffentlicht am 3. Mai von Chris Jung", len("Veröffentlicht am 3. Mai "))
    assert ("inner", ["Ritter"]) not in readings("Michael von Ritter 24. April 2020")
    assert ("inner", ["Jane Doe"]) in readings("Ein Artikel von Jane Doe")


def test_inner_lead_in_name_cut_at_a_date():
    got = readings("Avatar photo by Jill Roe August 25, 2025")
    assert ("inner", ["Jill Roe"]) in got
    assert not any("August" in n for _how, names in got for n in names)


def test_credit_line_is_no_name_only_block():
    body = "<p>" + "A long paragraph of article text that goes on for a while to look like a body. " * 4 + "</p>"
    page = ("<html><head><title>Headline of the story</title></head><body><article><h1>Headline of the story</h1>"
            "<p>Photo: Jane Doe</p><p>May 5, 2021</p>" + body + "</article></body></html>")
    assert extract(page, kind="html").authors == ()
