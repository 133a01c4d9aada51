"""Actions run with a real Tracker and CollectingDispatcher: response names and the values they carry."""
import re

import pytest
from helpers import beroep, responses, run_action, slot_value, tracker_for

from actions.compare import ActionCompareOccupations
from actions.description import ActionAnswerJobDescription
from actions.formatting import euro_hourly, euro_monthly
from actions.pay import ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.route import ActionAnswerRoute
from occupations import query


@pytest.fixture(autouse=True)
def _database(database_url):
    """Every action here reads the test run's database."""


def answer(messages, name):
    found = [m for m in messages if m.get("response") == name]
    assert found, f"{name} not in {responses(messages)}"
    return found[0]


async def test_salary_of_lasster_falls_back_to_broader_group_and_says_so():
    messages, events = await run_action(ActionAnswerSalary(), tracker_for("hoeveel verdient een lasster?",
                                                                          "ask_salary", [beroep("lasster")]))
    message = answer(messages, "utter_salary_broader")
    info = query.occupation(slot_value(events, "occupation_id"))
    figure = query.pay(info.id)
    assert info.name == "lasser"
    assert message["mediaan_uur"] == euro_hourly(figure.median)
    assert message["mediaan_maand"] == euro_monthly(figure.median * 38 * 52 / 12)
    assert message["eigen_groep"] == "Lassers en plaatwerkers"
    assert "2022" in message["bron"] and "CBS" in message["bron"]
    assert message["landelijk_uur"] == "€ 22,20" and message["techniek_uur"] == "€ 22,30"


async def test_salary_of_own_group_from_2024():
    messages, _ = await run_action(ActionAnswerSalary(), tracker_for("wat verdient een software ontwikkelaar",
                                                                     "ask_salary"))
    message = answer(messages, "utter_salary")
    assert message["mediaan_uur"] == "€ 34,80" and message["p25"] == "€ 27,00" and message["p75"] == "€ 43,40"
    assert "2024" in message["bron"]


async def test_salary_follow_up_uses_the_remembered_occupation():
    first_messages, first_events = await run_action(
        ActionAnswerSalary(), tracker_for("wat verdient een kapper", "ask_salary", [beroep("kapper")]))
    remembered = slot_value(first_events, "occupation_id")
    messages, events = await run_action(ActionAnswerRoute(), tracker_for(
        "hoe word ik dat?", "ask_route", slots={"occupation_id": remembered}))
    assert set(responses(messages)) & {"utter_route", "utter_route_general"}
    assert slot_value(events, "occupation_id") == remembered
    assert [m for m in messages if m.get("buttons")], "a next step is offered as buttons"


async def test_unknown_occupation_gets_an_honest_answer_without_figures():
    messages, events = await run_action(ActionAnswerSalary(), tracker_for("wat verdient een tiktokker",
                                                                          "ask_salary", [beroep("tiktokker")]))
    assert responses(messages) == ["utter_unknown_occupation"]
    assert messages[0]["tekst"] == "tiktokker"
    assert not any(re.search(r"\d", str(value)) for value in messages[0].values())
    assert slot_value(events, "occupation_id") is None


async def test_ambiguous_occupation_asks_which_one_with_buttons():
    messages, _ = await run_action(ActionAnswerSalary(), tracker_for("wat verdient een monteur", "ask_salary",
                                                                     [beroep("monteur")]))
    message = answer(messages, "utter_which_occupation")
    assert len(message["buttons"]) >= 2
    assert all(b["payload"].startswith('/ask_salary{"occupation_id": ') for b in message["buttons"])


async def test_button_choice_resolves_by_occupation_id():
    chosen = query.find("timmerman").best.occupation_id
    messages, events = await run_action(ActionAnswerSalary(), tracker_for(
        f'/ask_salary{{"occupation_id": "{chosen}"}}', "ask_salary",
        [{"entity": "occupation_id", "value": chosen}]))
    assert "utter_salary" in responses(messages)
    assert slot_value(events, "occupation_id") == chosen


async def test_no_occupation_at_all_asks_for_one():
    messages, _ = await run_action(ActionAnswerSalary(), tracker_for("hoeveel verdien je", "ask_salary"))
    assert responses(messages) == ["utter_ask_occupation"]


async def test_parent_phrase_switches_to_parent_mode():
    _, events = await run_action(ActionAnswerSalary(), tracker_for(
        "Mijn zoon wil lasser worden. Wat verdient hij dan?", "ask_salary", [beroep("lasser")]))
    assert slot_value(events, "doelgroep") == "ouder"


async def test_prospects_give_employment_growth_and_source():
    messages, _ = await run_action(ActionAnswerProspects(), tracker_for("heb ik kans op werk als lasser",
                                                                        "ask_prospects", [beroep("lasser")]))
    message = answer(messages, "utter_prospects")
    assert message["banen"] == "26.000" and message["ontwikkeling"] == "evenveel"
    assert "85276NED" in message["bron"] and "2025" in message["bron"]
    assert "utter_prospects_small_group" in responses(messages)
    shortage = answer(messages, "utter_shortage")
    assert "UWV" in shortage["bron"] and "2025" in shortage["bron"] and "krap" in shortage["feit"]


async def test_no_shortage_claim_outside_short_classes():
    messages, _ = await run_action(ActionAnswerProspects(), tracker_for("is er werk als kapper", "ask_prospects",
                                                                        [beroep("kapper")]))
    assert "utter_prospects" in responses(messages) and "utter_shortage" not in responses(messages)


async def test_compare_two_named_occupations():
    messages, _ = await run_action(ActionCompareOccupations(), tracker_for(
        "verdient een kapper meer dan een timmerman?", "compare_occupations",
        [beroep("kapper"), beroep("timmerman")]))
    message = answer(messages, "utter_compare")
    assert (message["a_naam"], message["b_naam"]) == ("Kapper", "Timmerman")
    for key in ("a_loon", "b_loon"):
        assert "€" in message[key] and "CBS" in message[key] and re.search(r"20\d\d", message[key])


@pytest.mark.parametrize("action, text, intent", [
    (ActionAnswerSalary(), "hoeveel verdient een kapper vs een lasser", "ask_salary"),
    (ActionAnswerProspects(), "meer kans op werk als kapper of als timmerman?", "ask_prospects"),
])
async def test_pay_or_prospects_question_about_two_occupations_compares_them(action, text, intent):
    messages, events = await run_action(action, tracker_for(text, intent))
    message = answer(messages, "utter_compare")
    assert {message["a_naam"], message["b_naam"]} == {"Kapper", "Lasser" if "lasser" in text else "Timmerman"}
    assert "€" in message["a_loon"] and "CBS" in message["b_loon"]
    assert slot_value(events, "occupation_id") is not None


async def test_compare_with_only_one_name_asks_for_the_second():
    messages, events = await run_action(ActionCompareOccupations(), tracker_for(
        "vergelijk timmerman", "compare_occupations", [beroep("timmerman")]))
    assert responses(messages) == ["utter_ask_compare_second"]
    assert slot_value(events, "compare_with") is not None


async def test_job_description_without_profile_is_honest():
    messages, _ = await run_action(ActionAnswerJobDescription(), tracker_for(
        "wat doet een inspiciënt", "ask_job_description", [beroep("inspiciënt")]))
    assert set(responses(messages)) & {"utter_job_description", "utter_no_job_description"}
