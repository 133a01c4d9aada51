"""An unsure message with a plain cue gets the answer it asks for, not "sorry"."""

import pytest
from helpers import occupation_id, parsed, responses, run_action, tracker_for

from actions.conversation import ActionFallback
from actions.data_source import ActionAnswerDataSource
from actions.description import ActionAnswerJobDescription
from actions.rescue import rescue
from actions.topics import ActionAnswerInterest
from actions.turn import Turn

# the actions read the server's repository; these tests hand them the test run's own
pytestmark = pytest.mark.usefixtures("the_servers_repository")


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
    messages = await fallback(repository, "en wat verdien je dan")
    assert responses(messages) == ["utter_ask_occupation"]


async def test_a_question_about_beginners_without_an_occupation_explains_what_the_figures_cover(repository):
    messages = await fallback(repository, "en als je net begint, wat verdien je dan")
    assert responses(messages) == ["utter_data_source"]


async def test_an_interest_named_in_passing_gets_suggestions(repository):
    messages = await fallback(repository, "hij houdt van autos")
    assert responses(messages)[0] == "utter_interest", responses(messages)


async def test_nothing_plain_still_gets_the_honest_fallback(repository):
    messages = await fallback(repository, "hmm tja weet ik veel")
    assert responses(messages) == ["utter_default"]


async def test_an_out_of_scope_follow_up_about_the_route_gets_the_duration(repository):
    from actions.conversation import ActionOutOfScope

    slots = {"occupation_id": occupation_id(repository, "elektricien")}
    messages, _ = await run_action(
        ActionOutOfScope(), parsed(repository, "hoe lang duurt dat", "out_of_scope", slots=slots)
    )
    assert responses(messages) == ["utter_route", "utter_education"], "the electrician's route with its duration"


async def test_a_newcomer_parent_asking_what_mbo_is_gets_the_school_system(repository):
    from actions.conversation import ActionOutOfScope

    messages, _ = await run_action(
        ActionOutOfScope(), parsed(repository, "Wat is mbo? In mijn land is anders.", "out_of_scope")
    )
    assert responses(messages) == ["utter_education"]
    assert "voortgezet onderwijs" in messages[0]["antwoord"]


async def test_out_of_scope_stays_out_of_scope(repository):
    from actions.conversation import ActionOutOfScope

    messages, _ = await run_action(
        ActionOutOfScope(), parsed(repository, "wat is de hoofdstad van frankrijk", "out_of_scope")
    )
    assert responses(messages) == ["utter_out_of_scope"]


async def test_shift_work_is_a_question_about_the_work(repository):
    slots = {"occupation_id": occupation_id(repository, "procesoperator")}
    messages = await fallback(repository, "en nachtdienst?", slots=slots)
    assert responses(messages)[0] == "utter_work_condition", responses(messages)  # what its text says about nights
    assert "'s nachts" in messages[0]["zinnen"]


async def test_where_the_pay_figures_come_from_is_the_data_source(repository):
    tracker = tracker_for("Waar komen jullie salariscijfers vandaan en hoe recent zijn ze?", "nlu_fallback")
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerDataSource


async def test_not_knowing_what_to_become_asks_what_the_pupil_likes(repository):
    tracker = tracker_for("weet echt niet wat ik wil worden help", "nlu_fallback")
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerInterest


async def test_what_kind_of_work_an_occupation_is_gets_its_description(repository):
    text = "mijn dochter wil laborant worden wat is dat precies voor werk. ik ken dit woord niet"
    tracker = parsed(repository, text, "nlu_fallback")
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerJobDescription


async def test_a_school_question_taken_for_a_request_for_a_person_gets_its_answer(repository):
    from actions.conversation import ActionHuman

    school = parsed(repository, "kan ik daarna door naar niveau 4?", "ask_human")
    messages, _ = await run_action(ActionHuman(), school)
    assert responses(messages) == ["utter_education"]
    person = parsed(repository, "kan ik met iemand praten over de bbl?", "ask_human")
    messages, _ = await run_action(ActionHuman(), person)
    assert responses(messages) == ["utter_human"]


async def test_a_greeting_that_asks_something_outside_gets_the_polite_no_and_a_plain_one_gets_hello(repository):
    from actions.audience import ActionGreet

    text = "Goedenavond, kunt u mij helpen met het aanvragen van zorgtoeslag? Ik kom er niet uit."
    messages, _ = await run_action(ActionGreet(), parsed(repository, text, "greet"))
    assert responses(messages) == ["utter_outside"] and "Belastingdienst" in messages[0]["verwijzing"]
    messages, _ = await run_action(ActionGreet(), parsed(repository, "hoi", "greet"))
    assert responses(messages) == ["utter_greet"]


async def test_a_short_region_follow_up_after_figures_gets_them_with_the_note_that_they_are_national(repository):
    slots = {"occupation_id": occupation_id(repository, "scheepsbouwer")}
    messages = await fallback(repository, "en in rotterdam alleen?", slots=slots)
    assert responses(messages)[0] == "utter_prospects" and responses(messages)[-1] == "utter_national_figures"
