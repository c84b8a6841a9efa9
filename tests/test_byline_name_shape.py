"""Text captures: the byline ranker's name-shape features (stages/byline/name_shape.py), on made-up names
and a tiny made-up capture."""
from newsclean.stages.byline import name_shape
from tests.byline_helpers import feature, text_candidates

_BODY = ("The council met on Tuesday evening to discuss the new budget for the coming year, and Mayor Elmsworth "
         "argued over every line of the plan until the members voted late in the night at the town hall. ")


def test_name_words_are_capitalised_words_initials_and_inner_particles():
    assert name_shape.name_word_share(["Jane Doe"]) == 1.0
    assert name_shape.name_word_share(["J. R. Stone", "Ana de la Cruz", "Doris Munoz-Mantilla"]) == 1.0
    assert name_shape.name_word_share(["View PDF HTML"]) == 1 / 3
    assert name_shape.name_word_share(["de Jane"]) == 0.5   # a particle opens no name


def test_an_acronym_beside_words_is_no_name_but_a_surname_in_capitals_is():
    assert name_shape.has_acronym(["OMA Summit"])
    assert name_shape.has_acronym(["Jane Doe", "UX Analytics"])
    assert not name_shape.has_acronym(["JANE DOE"])
    assert not name_shape.has_acronym(["Kazım TÜRKMEN"])
    assert not name_shape.has_acronym(["Jane Doe"])


def test_an_article_or_a_question_word_first_is_a_heading():
    assert name_shape.function_first(["Das Imperialismus-Phantom"])
    assert name_shape.function_first(["How It Works"])
    assert not name_shape.function_first(["Jane Doe", "Van Morrison"])


def test_a_long_compound_word_is_no_name_word():
    assert name_shape.long_word(["Das Imperialismus-Phantom"])
    assert not name_shape.long_word(["Doris Munoz-Mantilla"])


def test_names_the_headline_holds_are_counted():
    title = name_shape.title_words("What Rodrigo Pacheco wants from the court")
    assert name_shape.title_word_share(["Rodrigo Pacheco"], title) == 1.0
    assert name_shape.title_word_share(["Rodolfo Costa"], title) == 0.0
    assert name_shape.title_word_share(["Ana Pacheco"], title) == 0.5


def test_the_ranker_reads_the_shapes_and_a_name_the_story_prints():
    lines = ["Town News", "", "Council argues with Mayor Elmsworth over the budget", "", "OMA Summit", "",
             "Hugo Elmsworth", "", "Laura Penwick", "", _BODY, "", _BODY]
    cands = text_candidates(lines)
    assert feature(cands, "acronym", "OMA Summit") == 1.0
    assert feature(cands, "acronym", "Laura Penwick") == 0.0
    assert feature(cands, "name_words", "Laura Penwick") == 1.0
    assert feature(cands, "title_words", "Hugo Elmsworth") == 0.5
    assert feature(cands, "title_words", "Laura Penwick") == 0.0
    assert feature(cands, "story_name", "Hugo Elmsworth") == 1.0
    assert feature(cands, "story_name", "Laura Penwick") == 0.0
