"""Occupation actions run with a real Tracker and CollectingDispatcher.

Each test asserts the whole list of events and the responses with the values they carry,
as rasa-sdk's own tests do. The latest message is parsed by the NLU's occupation matcher
first, as in the running server.
"""

import re

import pytest
from helpers import parsed, responses, run_action, slot_value, tracker_for
from rasa_sdk.events import SlotSet

from actions.compare import ActionCompareOccupations
from actions.description import ActionAnswerJobDescription
from actions.formatting import euro_hourly, euro_rounded
from actions.overview import ActionAnswerOccupation
from actions.pay import ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.route import ActionAnswerRoute
from bot.nlu import occupation_matcher
from occupations import matching

FOLLOW_UPS_AFTER_SALARY = ["/ask_prospects", "/ask_route", "/ask_job_description"]


def occupation(repository, name):
    return repository.occupation(repository.find(name).best.occupation_id)


def remembered(repository, info, answers=1.0):
    return [
        SlotSet("occupation_id", info.id),
        SlotSet("beroep", repository.display_name(info)),
        SlotSet("answers_given", answers),
    ]


def payloads(message):
    return [button["payload"] for button in message["buttons"]]


async def test_salary_of_lasster_falls_back_to_broader_group_and_says_so(repository):
    messages, events = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "hoeveel verdient een lasster?", "ask_salary")
    )
    lasser = occupation(repository, "lasser")
    figure = repository.pay(lasser)
    assert events == remembered(repository, lasser)
    assert responses(messages) == ["utter_salary_broader", "utter_pay_comparison"]
    message, compared = messages
    assert lasser.name == "lasser" and message["naam"] == "Lasser" and message["naam_zin"] == "lasser"
    assert message["mediaan_uur"] == euro_hourly(figure.median)
    assert message["mediaan_maand"] == euro_rounded(figure.median * 38 * 52 / 12)
    assert message["eigen_groep"] == "Lassers en plaatwerkers"
    assert "2022" in message["bron"] and "CBS" in message["bron"]
    assert set(re.findall(r"\b20\d\d\b", compared["vergelijking"])) == {"2022"}, "one year per comparison"
    assert "alle werknemers samen: € 22,20" in compared["vergelijking"]
    assert "minder dan het landelijke midden" in compared["vergelijking"], "a trade below the median says so"
    assert message["buttons"] == [] and payloads(compared) == FOLLOW_UPS_AFTER_SALARY


async def test_salary_of_own_group_from_2024(repository):
    messages, events = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "wat verdient een software ontwikkelaar", "ask_salary")
    )
    assert responses(messages) == ["utter_salary", "utter_pay_level_note", "utter_pay_comparison"]
    message = messages[0]
    assert message["mediaan_uur"] == "€ 34,80" and message["p25"] == "€ 27,00" and message["p75"] == "€ 43,40"
    assert messages[1]["aandeel"] == "76,5%", "most of this group studied at hbo or university: the answer says so"
    assert "meer dan het landelijke midden" in messages[2]["vergelijking"]
    assert "2024" in message["bron"]
    assert events == remembered(repository, occupation(repository, "software ontwikkelaar"))


async def test_salary_follow_up_uses_the_remembered_occupation(repository):
    kapper = occupation(repository, "kapper")
    messages, events = await run_action(
        ActionAnswerRoute(repository),
        tracker_for("hoe word ik dat?", "ask_route", slots={"occupation_id": kapper.id, "answers_given": 1.0}),
    )
    # A comparison profile has no vmbo route: the group's education figures answer instead.
    assert responses(messages) == ["utter_route_general"]
    assert messages[0]["naam_zin"] == "kapper" and "CBS" in messages[0]["bron"]
    assert events == remembered(repository, kapper, answers=2.0)
    assert payloads(messages[0]) == ["/ask_salary", "/ask_prospects", "/ask_job_description"]


async def test_unknown_occupation_gets_an_honest_answer_without_figures(repository):
    messages, events = await run_action(
        ActionAnswerSalary(repository),
        parsed(repository, "wat verdient een tiktokker", "ask_salary"),
    )
    assert responses(messages) == ["utter_unknown_occupation"]
    assert messages[0]["tekst"] == "tiktokker" and messages[0]["buttons"] == []
    assert not any(re.search(r"\d", str(value)) for value in messages[0].values())
    assert events == [], "a question back remembers nothing and is not counted as an answer"


async def test_an_ambiguous_name_in_a_pay_question_shows_each_fit_side_by_side_then_offers_the_choice(repository):
    messages, events = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "wat verdient een monteur", "ask_salary")
    )
    names = responses(messages)
    assert names[:2] == ["utter_several_fit", "utter_compare_several"], names
    assert messages[0]["tekst"] == "monteur"
    with_buttons = [m for m in messages if m.get("buttons")]
    assert len(with_buttons) == 1 and len(with_buttons[0]["buttons"]) >= 2
    assert all(p.startswith('/ask_salary{"occupation_id": ') for p in payloads(with_buttons[0]))
    assert slot_value(events, "occupation_id") is None, "none of them is remembered as the one meant"
    assert len(slot_value(events, "suggested")) >= 2


async def test_an_ambiguous_name_in_a_route_question_asks_which_one_with_buttons(repository):
    messages, events = await run_action(
        ActionAnswerRoute(repository), parsed(repository, "hoe word ik monteur", "ask_route")
    )
    assert responses(messages) == ["utter_which_occupation"]
    assert messages[0]["tekst"] == "monteur"
    assert len(messages[0]["buttons"]) >= 2
    # The candidates are on the table: "en wat verdient zo iemand?" compares them.
    assert len(slot_value(events, "suggested")) == len(messages[0]["buttons"])


async def test_button_choice_resolves_by_occupation_id(repository):
    timmerman = occupation(repository, "timmerman")
    messages, events = await run_action(
        ActionAnswerSalary(repository),
        tracker_for(
            f'/ask_salary{{"occupation_id": "{timmerman.id}"}}',
            "ask_salary",
            [{"entity": "occupation_id", "value": timmerman.id}],
        ),
    )
    assert responses(messages) == ["utter_salary", "utter_pay_comparison"]
    assert events == remembered(repository, timmerman)


async def test_no_occupation_at_all_asks_for_one(repository):
    messages, events = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "hoeveel verdien je", "ask_salary")
    )
    assert responses(messages) == ["utter_ask_occupation"] and events == []


async def test_parent_phrase_switches_to_parent_mode(repository):
    messages, events = await run_action(
        ActionAnswerSalary(repository),
        parsed(repository, "Mijn zoon wil lasser worden. Wat verdient hij dan?", "ask_salary"),
    )
    assert events == [SlotSet("doelgroep", "ouder")] + remembered(repository, occupation(repository, "lasser"))
    assert payloads(messages[-1]) == ["/ask_prospects", "/ask_route", "/ask_job_description"]
    assert messages[-1]["buttons"][0]["title"] == "Is er werk?", "parents get the parent button titles"


async def test_prospects_give_employment_growth_and_source(repository):
    messages, events = await run_action(
        ActionAnswerProspects(repository), parsed(repository, "heb ik kans op werk als lasser", "ask_prospects")
    )
    assert responses(messages) == ["utter_prospects", "utter_prospects_small_group", "utter_shortage"]
    prospects, small_group, shortage = messages
    assert prospects["banen"] == "26.000" and prospects["ontwikkeling"] == "evenveel"
    assert "85276NED" in prospects["bron"] and "2025" in prospects["bron"]
    assert "UWV" in shortage["bron"] and "2025" in shortage["bron"] and "krap" in shortage["feit"]
    assert prospects["buttons"] == [] and small_group["buttons"] == []
    assert payloads(shortage) == ["/ask_salary", "/ask_route", "/ask_job_description"]
    assert events == remembered(repository, occupation(repository, "lasser"))


async def test_no_shortage_claim_outside_short_classes(repository):
    messages, _ = await run_action(
        ActionAnswerProspects(repository),
        parsed(repository, "is er meer werk als kapper dan in de techniek", "ask_prospects"),
    )
    assert "utter_prospects" in responses(messages) and "utter_shortage" not in responses(messages)


def compared(repository, first, second, answers=1.0):
    return [
        SlotSet("occupation_id", second.id),
        SlotSet("beroep", repository.display_name(second)),
        SlotSet("compare_with", None),
        SlotSet("suggested", [first.id, second.id]),  # "welke van de twee ..." next refers to them
        SlotSet("answers_given", answers),
    ]


async def test_compare_two_named_occupations(repository):
    messages, events = await run_action(
        ActionCompareOccupations(repository),
        parsed(repository, "verdient een kapper meer dan een timmerman?", "compare_occupations"),
    )
    assert responses(messages) == ["utter_compare", "utter_compare_verdict"]
    message = messages[0]
    assert (message["a_naam"], message["b_naam"]) == ("Kapper", "Timmerman")
    for key in ("a_loon", "b_loon"):
        assert "€" in message[key] and "CBS" in message[key]
        assert set(re.findall(r"\b20\d\d\b", message[key])) == {message["jaar"]}, "both figures of one year"
    assert events == compared(repository, occupation(repository, "kapper"), occupation(repository, "timmerman"))


@pytest.mark.parametrize(
    "action, text, intent",
    [
        (ActionAnswerSalary, "hoeveel verdient een kapper vs een lasser", "ask_salary"),
        (ActionAnswerProspects, "meer kans op werk als kapper of als timmerman?", "ask_prospects"),
    ],
)
async def test_pay_or_prospects_question_about_two_occupations_compares_them(repository, action, text, intent):
    messages, events = await run_action(action(repository), parsed(repository, text, intent))
    # "meer kans op werk" also gets UWV's shortage outlook after the verdict
    assert responses(messages)[:2] == ["utter_compare", "utter_compare_verdict"]
    message = messages[0]
    second = "Lasser" if "lasser" in text else "Timmerman"
    assert (message["a_naam"], message["b_naam"]) == ("Kapper", second)
    assert "€" in message["a_loon"] and "CBS" in message["b_loon"]
    assert events == compared(repository, occupation(repository, "kapper"), occupation(repository, second))
    last_text = [m for m in messages if m.get("response")][-1]
    assert last_text["buttons"], "a comparison offers the next step like every answer"


async def test_compare_with_only_one_name_asks_for_the_second_then_a_bare_name_completes_it(repository):
    timmerman, kapper = occupation(repository, "timmerman"), occupation(repository, "kapper")
    messages, events = await run_action(
        ActionCompareOccupations(repository), parsed(repository, "vergelijk timmerman", "compare_occupations")
    )
    assert responses(messages) == ["utter_ask_compare_second"] and messages[0]["naam_zin"] == "timmerman"
    assert events == [
        SlotSet("occupation_id", timmerman.id),
        SlotSet("beroep", "Timmerman"),
        SlotSet("compare_with", timmerman.id),
    ]
    messages, events = await run_action(
        ActionAnswerOccupation(repository),
        parsed(
            repository,
            "kapper",
            "inform_occupation",
            slots={"compare_with": timmerman.id, "occupation_id": timmerman.id},
        ),
    )
    assert responses(messages) == ["utter_compare"]
    assert (messages[0]["a_naam"], messages[0]["b_naam"]) == ("Timmerman", "Kapper")
    assert events == compared(repository, timmerman, kapper)


async def test_job_description_without_profile_quotes_esco(repository):
    info = occupation(repository, "liftmonteur")
    assert repository.profile(info) is None
    messages, events = await run_action(
        ActionAnswerJobDescription(repository), parsed(repository, "wat doet een liftmonteur", "ask_job_description")
    )
    assert responses(messages) == ["utter_esco_job_description"]  # ESCO's words, marked so (test_esco_description)
    assert messages[0]["groep"] == repository.group_title(info.brc_group)
    assert events == remembered(repository, info)


async def test_every_fourth_answer_asks_for_feedback(repository):
    messages, events = await run_action(
        ActionAnswerSalary(repository),
        parsed(repository, "wat verdient een software ontwikkelaar", "ask_salary", slots={"answers_given": 3.0}),
    )
    assert responses(messages)[0] == "utter_salary" and responses(messages)[-1] == "utter_ask_feedback"
    assert events[-1] == SlotSet("answers_given", 4.0)


async def test_the_message_is_matched_once_per_turn(repository, monkeypatch):
    """The NLU matches the message; the action reads its entities and does not match again."""
    calls = []
    original = matching.find_mentions
    counted = lambda *args: calls.append(args) or original(*args)  # noqa: E731
    for module in (matching, occupation_matcher):  # wherever the name is looked up
        monkeypatch.setattr(module, "find_mentions", counted)
    for action, text, intent in [
        (ActionAnswerSalary, "wat verdient een kapper vs een lasser", "ask_salary"),
        (ActionAnswerProspects, "is er werk als lasser", "ask_prospects"),
        (ActionAnswerRoute, "hoe word je lasser", "ask_route"),
    ]:
        calls.clear()
        messages, _ = await run_action(action(repository), parsed(repository, text, intent))
        assert responses(messages) and len(calls) == 1, f"{text!r} matched {len(calls)} times"
