"""An unsure message with a plain cue gets the answer it asks for, not "sorry"."""

import pytest
from helpers import parsed, responses, run_action

from actions.conversation import ActionFallback


def occupation_id(repository, name):
    return repository.find(name).best.occupation_id


@pytest.fixture(autouse=True)
def the_servers_repository(repository, monkeypatch):
    monkeypatch.setattr("actions.base.process_repository", lambda: repository)
    monkeypatch.setattr("actions.conversation.process_repository", lambda: repository)


async def fallback(repository, text, **kwargs):
    messages, _ = await run_action(ActionFallback(), parsed(repository, text, "nlu_fallback", **kwargs))
    return messages


async def test_a_follow_up_about_women_answers_for_the_occupation_talked_about(repository):
    slots = {"occupation_id": occupation_id(repository, "elektricien")}
    messages = await fallback(repository, "En hoeveel vrouwen werken daar?", slots=slots)
    assert responses(messages)[0].startswith("utter_prospects"), responses(messages)


async def test_a_question_about_the_figures_gets_the_sources(repository):
    messages = await fallback(repository, "Welke CBS-tabel gebruiken jullie voor de lonen?")
    assert responses(messages) == ["utter_data_source"]


async def test_a_pay_cue_without_an_occupation_asks_which_one(repository):
    messages = await fallback(repository, "en als je net begint, wat verdien je dan")
    assert responses(messages) == ["utter_ask_occupation"]


async def test_an_interest_named_in_passing_gets_suggestions(repository):
    messages = await fallback(repository, "hij houdt van autos")
    assert responses(messages)[0] == "utter_interest", responses(messages)


async def test_nothing_plain_still_gets_the_honest_fallback(repository):
    messages = await fallback(repository, "hmm tja weet ik veel")
    assert responses(messages) == ["utter_default"]
