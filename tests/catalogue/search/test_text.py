"""The Dutch text analysis, the same for documents and queries."""

import pytest

from huisvanhetkind.catalogue.search.text import Decompounder, normalise, stem, words
from huisvanhetkind.catalogue.search.vocabulary import Vocabulary, osa_distance


def test_normalise_drops_accents_and_capitals():
    assert normalise("Crèche Één Ĳsje Ça") == "creche een ijsje ca"


def test_words_split_on_punctuation_and_join_hyphenated_words():
    assert list(words("Baby's, G-sport & e-mail!")) == ["babys", "sport", "gsport", "mail", "email"]
    assert list(words("😀 'NEAR' (*) -:")) == ["near"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("slaapproblemen", "slaapprobleem"),
        ("peuters", "peuter"),
        ("kinderen", "kind"),
        ("gezinnen", "gezin"),
        ("vaccinaties", "vaccinatie"),
        ("baby's", "baby"),
        ("crèches", "crèche"),
        ("psychologen", "psycholoog"),
        ("scholen", "school"),
    ],
)
def test_inflected_forms_share_a_stem(one, other):
    assert stem(next(words(one))) == stem(next(words(other)))


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("peuterspeelpunt", ["peuter", "speel", "punt"]),
        ("opvoedingsondersteuning", ["opvoeding", "ondersteuning"]),  # linking -s-
        ("ouderenzorg", ["ouder", "zorg"]),  # linking -en-
        ("paardebloem", ["paard", "bloem"]),  # linking -e-
        ("slaapproblemen", ["slaap", "problemen"]),  # the last part inflected
        ("kinderdagverblijf", ["kinder", "dag", "verblijf"]),
        ("borstvoeding", ["borst", "voeding"]),
    ],
)
def test_a_compound_is_split_into_known_parts(word, parts):
    decompounder = Decompounder(vocabulary=["plank", "paard", "bloem"])

    assert decompounder.split(word) == tuple(parts)


def test_a_compound_is_split_with_words_of_the_vocabulary_and_their_parts():
    decompounder = Decompounder(vocabulary=["speelpunt"])

    assert decompounder.split("peuterspeelpunt") == ("peuter", "speelpunt")
    assert decompounder.parts("peuterspeelpunt") == ["peuter", "speelpunt", "speel", "punt"]


@pytest.mark.parametrize("word", ["ouders", "gemeente", "begeleiding", "kind", "peuter", "12345"])
def test_a_plain_word_is_not_split(word):
    assert Decompounder().split(word) == ()


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("zindelijkhied", "zindelijkheid", 1),  # two letters swapped
        ("opvoedingsondersteunig", "opvoedingsondersteuning", 1),
        ("kraamzrog", "kraamzorg", 1),
        ("creche", "kreche", 1),
        ("peuter", "petuer", 1),
        ("peuter", "puetre", 2),
        ("peuter", "pauter", 1),
        ("peuter", "kleuter", 2),
        ("baby", "bus", None),
    ],
)
def test_osa_distance(a, b, distance):
    assert osa_distance(a, b, 2) == distance


def test_correction_prefers_the_closest_then_the_most_frequent_word():
    vocabulary = Vocabulary()
    vocabulary.apply([("slapen", 1, 1, 1), ("slaper", 2, 1, 5), ("slapeloos", 3, 1, 50)])

    assert vocabulary.correct("slapex") == "slaper"
    assert vocabulary.correct("slapen") is None  # nothing to correct
    assert vocabulary.correct("xyzzyx") is None


def test_correction_allows_one_edit_in_a_short_word_and_two_in_a_long_one():
    vocabulary = Vocabulary()
    vocabulary.apply([("rouw", 1, 1, 1), ("zindelijkheid", 2, 1, 1)])

    assert vocabulary.correct("rauw") == "rouw"
    assert vocabulary.correct("raaw") is None
    assert vocabulary.correct("zindelikhied") == "zindelijkheid"
