"""Text captures: the byline ranker's name-shape features (stages/byline/name_shape.py), on made-up names
and a tiny made-up capture."""
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- shape_features in one pass equals the five functions it stands for --------------------------------------

_SHAPE_WORDS = ("Jane", "Doe", "J.", "J.R.", "JR", "de", "la", "van", "OMA", "PDF", "HTML", "JANE", "DOE", "The", "the",
                "How", "Das", "Imperialismus-Phantom", "Munoz-Mantilla", "O'Brien", "Heikkilä", "Kazım", "TÜRKMEN",
                "Über", "ÉCOLE", "Ærø", "×", "Ā", "ž", "Straßenbahnhaltestelle", "Mega-Überlandstraßenbahn", "a-B",
                "Pacheco", "Rodrigo", "court", "x", "ab", "12", "Doe,", "i", "Ιωάννης", "ǅemal", "ß", "İstanbul")


def _shape_plain(names: list[str], title_set: set[str]) -> list[float]:
    return [name_shape.name_word_share(names), 1.0 if name_shape.has_acronym(names) else 0.0,
            1.0 if name_shape.function_first(names) else 0.0, 1.0 if name_shape.long_word(names) else 0.0,
            name_shape.title_word_share(names, title_set)]


@settings(max_examples=600)
@given(st.lists(st.lists(st.one_of(st.sampled_from(_SHAPE_WORDS), st.text(max_size=6)), max_size=5)
                .map(" ".join), max_size=4),
       st.sets(st.sampled_from(["pacheco", "rodrigo", "jane", "court", "doe", "imperialismus"])))
def test_shape_features_in_one_pass_equal_the_plain_features(names: list[str], title_set: set[str]) -> None:
    assert name_shape.shape_features(names, title_set) == _shape_plain(names, title_set)


def test_shape_features_on_many_names_equal_the_plain_features() -> None:
    title = name_shape.title_words("What Rodrigo Pacheco wants from the court")
    names = [" ".join(_SHAPE_WORDS[i:i + k]) for k in (1, 2, 3, 4) for i in range(len(_SHAPE_WORDS))]
    names += ["", " ", "\t", "Jane  Doe ", " x "]
    for i in range(len(names)):
        for group in (names[i:i + 1], names[i:i + 2], names[i:i + 4]):
            assert name_shape.shape_features(group, title) == _shape_plain(group, title), group
