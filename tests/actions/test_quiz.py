"""The quiz: every right answer is the table's own figure, the score counts, typed answers work."""

import re

import pytest

from actions.conversation import ActionFallback
from actions.formatting import euro_hourly, share
from actions.quiz import ROUNDS, ActionQuiz, typed_choice
from actions.quiz_questions import fact_or_myth_question, question_for_round, salary_question, women_question
from occupations.repository import PAY_YEARS
from tests.actions.helpers import only, responses, run_action, slot_value, tracker_for

SEEDS = range(12)


def test_salary_rounds_offer_the_real_median_as_the_right_answer(repository):
    import random

    year = PAY_YEARS[0]
    names = {repository.display_name(info).lower(): info for info in repository.catalog.occupations.values()}
    for seed in SEEDS:
        question = salary_question(repository, random.Random(seed))
        assert question is not None
        name = re.search(r"verdiende een (.+?) in \d{4}", question.text).group(1)
        info = next(i for n, i in names.items() if n == name.lower() and repository.pay_in_year(i, year))
        figure = repository.pay_in_year(info, year)
        assert question.correct_label == euro_hourly(figure.median)
        assert repository.is_featured(info), "the question is about technical work; other work is an option only"
        assert figure.source.citation in question.explanation
        labels = [label for _, label in question.options]
        assert len(set(labels)) == 3, labels


def test_women_rounds_offer_the_real_share_of_the_group(repository):
    import random

    shares = {}
    for info in repository.catalog.occupations.values():
        prospects = repository.prospects(info)
        if prospects and prospects.women_share is not None:
            shares[prospects.group_title] = prospects
    for seed in SEEDS:
        question = women_question(repository, random.Random(seed))
        assert question is not None
        group = re.search(r"de CBS-groep '(.+?)'\)", question.text).group(1)
        assert question.correct_label == share(shares[group].women_share)
        assert shares[group].source.citation in question.explanation


def test_fact_or_myth_rounds_are_fact_for_a_sourced_fact_and_fabel_for_a_myth(repository):
    import random

    facts = {fact.text for fact in repository.all_facts()}
    myths = {myth.myth for myth in repository.myths()}
    kinds = set()
    for seed in range(40):
        question = fact_or_myth_question(repository, random.Random(seed))
        statement = re.search(r'"(.+)"$', question.text).group(1)
        expected = "feit" if statement in facts else "fabel" if statement in myths else None
        assert question.correct == expected, statement
        kinds.add(question.correct)
    assert kinds == {"feit", "fabel"}  # both come up, so always guessing one does not win


def test_the_same_seed_and_round_give_the_same_question(repository):
    assert question_for_round(repository, 2, 7) == question_for_round(repository, 2, 7)


async def test_a_whole_game_keeps_score_and_ends(repository):
    action = ActionQuiz(repository)
    messages, events = await run_action(action, tracker_for("quiz", "start_quiz"))
    assert responses(messages) == ["utter_quiz_start", "utter_quiz_question"]
    state = slot_value(events, "quiz")
    assert state["round"] == 0 and state["score"] == 0
    assert len(only(messages, "utter_quiz_question")["buttons"]) in (2, 3)
    expected_score = 0
    for round_index in range(ROUNDS):
        question = question_for_round(repository, round_index, state["seed"])
        # Right on even rounds, wrong on odd ones.
        wrong = next(key for key, _ in question.options if key != question.correct)
        choice = question.correct if round_index % 2 == 0 else wrong
        expected_score += round_index % 2 == 0
        entities = [{"entity": "quiz_keuze", "value": choice}]
        messages, events = await run_action(
            action, tracker_for("", "quiz_answer", entities=entities, slots={"quiz": state})
        )
        verdict = "utter_quiz_right" if round_index % 2 == 0 else "utter_quiz_wrong"
        assert only(messages, verdict)["uitleg"] == question.explanation
        state = slot_value(events, "quiz")
        if round_index < ROUNDS - 1:
            assert state == {"seed": state["seed"], "round": round_index + 1, "score": expected_score}
    assert state is None
    assert only(messages, "utter_quiz_end")["score"] == str(expected_score)


async def test_an_unclear_answer_repeats_the_question_without_counting(repository):
    state = {"seed": 3, "round": 1, "score": 1}
    messages, events = await run_action(
        ActionQuiz(repository), tracker_for("weet ik niet", "quiz_answer", slots={"quiz": state})
    )
    assert responses(messages) == ["utter_quiz_unclear", "utter_quiz_question"]
    assert not [e for e in events if e.get("name") == "quiz"]  # the game stays where it was


async def test_an_answer_without_a_game_says_how_to_start(repository):
    messages, _ = await run_action(ActionQuiz(repository), tracker_for("b", "quiz_answer"))
    assert responses(messages) == ["utter_quiz_none"]


@pytest.mark.parametrize(
    "text, choice",
    [("b", "b"), ("B)", "b"), ("antwoord c", "c"), ("2", "b"), ("fabel!", "fabel"), ("het is een feit", "feit")],
)
def test_typed_answers_are_read(text, choice):
    assert typed_choice(text) == choice


@pytest.mark.parametrize("text", ["wat verdient een lasser", "abc", "feiten over techniek", ""])
def test_other_messages_are_not_answers(text):
    assert typed_choice(text) == ""


async def test_a_typed_answer_the_nlu_was_unsure_of_still_counts(repository, monkeypatch):
    monkeypatch.setattr("actions.base.process_repository", lambda: repository)
    state = {"seed": 5, "round": 0, "score": 0}
    question = question_for_round(repository, 0, 5)
    text = question.correct if len(question.correct) > 1 else question.correct.upper()
    messages, _ = await run_action(ActionFallback(), tracker_for(text, "nlu_fallback", slots={"quiz": state}))
    assert "utter_quiz_right" in responses(messages)
