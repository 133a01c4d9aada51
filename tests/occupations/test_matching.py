"""find() resolves what pupils type: typos, plurals, female forms, accents, whole messages."""
import pytest

from occupations import query

ELECTRICIAN_NAMES = {"monteur elektrische installaties", "monteur elektrische installaties gebouwen"}


def best_name(text, catalog):
    result = query.find(text, catalog)
    assert result.best is not None, f"nothing found for {text!r}"
    return result.best.name


@pytest.mark.parametrize("text", ["lasster", "Lasster", "lassers", "LASSER", "laser"])
def test_welder_in_every_spelling(text, catalog):
    assert best_name(text, catalog) == "lasser"


@pytest.mark.parametrize("text", ["elektricien", "elektriciën", "Elektriciens", "electricien", "elektricin"])
def test_electrician_with_accents_and_typos(text, catalog):
    assert best_name(text, catalog) in ELECTRICIAN_NAMES


@pytest.mark.parametrize("text, expected", [
    ("loodgieter", "loodgieter"), ("loodgietr", "loodgieter"), ("lootgieter", "loodgieter"),
    ("timmerman", "timmerman"), ("timmerlieden", "timmerman"), ("kapster", "kapper"), ("kappers", "kapper"),
])
def test_typos_plurals_and_female_forms(text, expected, catalog):
    assert best_name(text, catalog) == expected


def test_exact_match_scores_above_fuzzy(catalog):
    exact = query.find("loodgieter", catalog).best
    fuzzy = query.find("loodgietr", catalog).best
    assert exact.method == "exact" and fuzzy.method == "fuzzy"
    assert exact.score > fuzzy.score


def test_ambiguous_word_returns_candidates(catalog):
    result = query.find("monteur", catalog)
    assert result.ambiguous
    assert len(result.matches) >= 2


@pytest.mark.parametrize("text", ["tiktokker", "qwertyuiop", "", "   ", "de"])
def test_nonsense_finds_nothing(text, catalog):
    assert query.find(text, catalog).best is None


def test_whole_message_prefers_the_longest_name(catalog):
    result = query.find_in_message("wat verdien je als monteur elektrische installaties in rotterdam?", catalog)
    assert result.best.name == "monteur elektrische installaties"
    assert not result.ambiguous


def test_whole_message_with_typo(catalog):
    assert query.find_in_message("hoeveel verdient een loodgietr eigenlijk", catalog).best.name == "loodgieter"


def test_two_occupations_in_one_message_in_order(catalog):
    mentions = query.find_mentions("verdient een kapper meer dan een timmerman?", catalog)
    assert [m.best.name for m in mentions] == ["kapper", "timmerman"]


def test_message_without_occupation(catalog):
    assert query.find_in_message("hoi hoe gaat het met je", catalog).best is None
