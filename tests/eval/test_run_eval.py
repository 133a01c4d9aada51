"""The mechanical checks of `make eval` (scripts/eval/run_eval.py) on fixed replies."""

from scripts.eval.run_eval import check, fallback_texts, stem

FALLBACKS = fallback_texts()
SALARY_TURN = {"user": "wat verdient een lasser", "must_mention": ["lassers"], "needs_figure": True, "topic": "salary"}


def test_a_sourced_answer_with_the_stem_passes():
    reply = "Een lasser verdient € 20,40 bruto per uur. Bron: CBS, 2022."
    assert check(SALARY_TURN, reply, "leerling", FALLBACKS).passed


def test_a_missing_source_or_name_fails():
    assert check(SALARY_TURN, "Een lasser verdient € 20,40 per uur.", "leerling", FALLBACKS).problems == [
        "no figure with source"
    ]
    assert "missing" in check(SALARY_TURN, "Dat is € 20 (CBS).", "leerling", FALLBACKS).problems[0]


def test_the_fallback_is_recognised_and_fails_an_in_scope_turn():
    result = check(SALARY_TURN, FALLBACKS[0], "leerling", FALLBACKS)
    assert result.fallback and "fallback" in result.problems


def test_an_out_of_scope_turn_must_not_get_a_figure():
    turn = {"user": "wat is 2+2", "in_scope": False, "topic": "other"}
    assert check(turn, "Daar kan ik je niet mee helpen.", "leerling", FALLBACKS).passed
    assert not check(turn, "Een lasser verdient € 20,40.", "leerling", FALLBACKS).passed


def test_stems_forgive_plurals_and_accents():
    assert stem("Elektriciëns") in "een elektricien"
    assert stem("bbl") == "bbl"
