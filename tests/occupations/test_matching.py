"""find() resolves what pupils type: typos, plurals, female forms, accents; find_mentions() whole messages."""

import pytest

from occupations import matching
from occupations.normalize import normalize, words_with_offsets

ELECTRICIAN_NAMES = {"monteur elektrische installaties", "monteur elektrische installaties gebouwen"}


def best_name(text, catalog):
    result = matching.find(catalog, text)
    assert result.best is not None, f"nothing found for {text!r}"
    return result.best.name


@pytest.mark.parametrize("text", ["lasster", "Lasster", "lassers", "LASSER", "laser"])
def test_welder_in_every_spelling(text, catalog):
    assert best_name(text, catalog) == "lasser"


@pytest.mark.parametrize("text", ["elektricien", "elektriciën", "Elektriciens", "electricien", "elektricin"])
def test_electrician_with_accents_and_typos(text, catalog):
    assert best_name(text, catalog) in ELECTRICIAN_NAMES


@pytest.mark.parametrize(
    "text, expected",
    [
        ("loodgieter", "loodgieter"),
        ("loodgietr", "loodgieter"),
        ("lootgieter", "loodgieter"),
        ("timmerman", "timmerman"),
        ("timmerlieden", "timmerman"),
        ("kapster", "kapper"),
        ("kappers", "kapper"),
    ],
)
def test_typos_plurals_and_female_forms(text, expected, catalog):
    assert best_name(text, catalog) == expected


def test_exact_match_scores_above_fuzzy(catalog):
    exact = matching.find(catalog, "loodgieter").best
    fuzzy = matching.find(catalog, "loodgietr").best
    assert exact.method == "exact" and fuzzy.method == "fuzzy"
    assert exact.score > fuzzy.score


def test_ambiguous_word_returns_candidates(catalog):
    result = matching.find(catalog, "monteur")
    assert result.ambiguous
    assert len(result.matches) >= 2


@pytest.mark.parametrize("text", ["tiktokker", "qwertyuiop", "", "   ", "de"])
def test_nonsense_finds_nothing(text, catalog):
    assert matching.find(catalog, text).best is None


def test_whole_message_prefers_the_longest_name(catalog):
    message = "wat verdien je als monteur elektrische installaties in rotterdam?"
    [mention] = matching.find_mentions(catalog, message)
    assert mention.best.name == "monteur elektrische installaties"
    assert not mention.ambiguous
    assert message[mention.start : mention.end] == "monteur elektrische installaties"


def test_whole_message_with_typo(catalog):
    [mention] = matching.find_mentions(catalog, "hoeveel verdient een loodgietr eigenlijk")
    assert mention.best.name == "loodgieter"


def test_two_occupations_in_one_message_in_order(catalog):
    mentions = matching.find_mentions(catalog, "verdient een kapper meer dan een timmerman?")
    assert [m.best.name for m in mentions] == ["kapper", "timmerman"]


def test_message_without_occupation(catalog):
    assert matching.find_mentions(catalog, "hoi hoe gaat het met je") == []


@pytest.mark.parametrize(
    "message, typed",
    [
        ("hoeveel verdient een lasster?", "lasster"),
        ("Elektriciën, is dat wat?", "Elektriciën"),
        ("wat doet een monteur-elektrische installaties?!", "monteur-elektrische installaties"),
        ("is chauffeur's werk zwaar", "chauffeur's"),
    ],
)
def test_mention_span_is_the_name_as_typed(message, typed, catalog):
    [mention] = matching.find_mentions(catalog, message)
    assert (mention.start, mention.end) == (message.index(typed), message.index(typed) + len(typed))


def test_spans_of_two_mentions_do_not_overlap(catalog):
    message = "Kapper of Timmerman, wat is beter?"
    spans = [(m.start, m.end) for m in matching.find_mentions(catalog, message)]
    assert [message[s:e] for s, e in spans] == ["Kapper", "Timmerman"]


@pytest.mark.parametrize(
    "text",
    [
        "Elektriciën, of loodgieter!",
        "e\u0301lektricien",  # a composed and a separate accent
        "auto-monteur,timmerman",
        "",
        "c++ developer #1",
        "ｆｕｌｌ width",
        "x'y' 'lasser'",
        "a\tb\nc",
        "niet-technisch—werk",
    ],
)
def test_words_with_offsets_are_the_normalised_words(text):
    words = words_with_offsets(text)
    assert [w.word for w in words] == normalize(text).split()
    assert all(normalize(text[w.start : w.end]) == w.word for w in words)


@pytest.mark.parametrize(
    "message, clear",
    [
        ("hoeveel verdient een lasser", ["lasser"]),
        ("hoeveel verdient een loodgietr", ["loodgietr"]),  # a typo of one name
        ("wat verdient een monteur", ["monteur"]),  # the head of many compound names: "bedoel je ...?"
        ("spreek je later", []),  # "later" looks like several names
        ("ik vind technische dingen leuk", []),  # part of a curated name, not its head
    ],
)
def test_clear_mentions_are_names_not_lookalikes(message, clear, catalog):
    mentions = matching.find_mentions(catalog, message)
    assert [message[m.start : m.end] for m in mentions if matching.is_clear_mention(catalog, m)] == clear
