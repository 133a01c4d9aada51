"""Topic actions (myths, interests, sectors, school, best chances, next steps), feedback and fallback."""

import json
import re

from helpers import only, parsed, responses, run_action, slot_value, tracker_for
from rasa_sdk.events import SlotSet

from actions.audience import ActionSessionStart, ActionSetAudience
from actions.conversation import ActionFallback, ActionRecordFeedback
from actions.lists import ActionAnswerBestChances, ActionAnswerNextStep
from actions.stories import ActionAnswerStory
from actions.topics import ActionAnswerEducation, ActionAnswerInterest, ActionAnswerMyth, ActionAnswerSector


async def test_myth_answer_cites_sourced_facts_and_says_what_is_true(repository):
    messages, events = await run_action(
        ActionAnswerMyth(repository), tracker_for("techniek is toch vies werk", "ask_myth")
    )
    assert events == [SlotSet("answers_given", 1.0)]
    message = only(messages, "utter_myth")
    assert "vies" in message["mythe"].lower()
    assert message["feiten"].count("(bron: ") >= 1
    assert re.search(r"\d", message["feiten"]), "the counter-facts carry figures"
    assert not re.search(r"\d", message["antwoord"]), "figures only come from cited facts"
    assert message["kern"].startswith("Wat wel klopt")


async def test_unknown_myth_offers_myths_as_buttons(repository):
    messages, events = await run_action(ActionAnswerMyth(repository), tracker_for("klopt dat vooroordeel", "ask_myth"))
    assert events == [], "asking which myth is not an answer"
    message = only(messages, "utter_ask_which_myth")
    assert len(message["buttons"]) >= 3


async def test_interest_suggests_occupations_with_one_figure_each(repository):
    messages, _ = await run_action(
        ActionAnswerInterest(repository), tracker_for("ik werk graag buiten", "ask_interest")
    )
    lines = only(messages, "utter_interest")["beroepen"].splitlines()
    assert len(lines) >= 3
    years = {year for line in lines for year in re.findall(r"\b20\d\d\b", line)}
    assert len(years) == 1, f"one year for every line of a list: {lines}"
    assert all(("€" in line and "CBS" in line) or "geen loon van het CBS" in line for line in lines)


async def test_sector_answer_lists_occupations(repository):
    messages, _ = await run_action(ActionAnswerSector(repository), tracker_for("werk in de haven", "ask_sector"))
    message = only(messages, "utter_sector")
    assert message["beroepen"].count("€") >= 3


async def test_bbl_question_gets_the_education_answer(repository):
    messages, _ = await run_action(
        ActionAnswerEducation(repository), tracker_for("wat is bbl eigenlijk", "ask_education")
    )
    assert "bbl" in only(messages, "utter_education")["antwoord"].lower()


async def test_best_chances_come_from_the_table(repository):
    messages, _ = await run_action(
        ActionAnswerBestChances(repository), tracker_for("waar is de meeste kans op werk", "ask_best_chances")
    )
    message = only(messages, "utter_best_chances")
    best = repository.growing_groups()[0]
    assert message["lijst"].splitlines()[0].startswith(f"- {best.group_title}:")
    assert "85276NED" in message["bron"]
    assert "UWV" in message["feit"], "what is known of shortages is cited too"


async def test_next_steps_name_rotterdam_programmes(repository):
    messages, _ = await run_action(ActionAnswerNextStep(repository), tracker_for("wat kan ik nu doen", "ask_next_step"))
    steps = only(messages, "utter_next_step")["stappen"]
    assert "JINC" in steps or "Techniek College Rotterdam" in steps


async def test_story_without_occupation_prefers_a_woman_when_asked(repository):
    messages, events = await run_action(
        ActionAnswerStory(repository), tracker_for("heb je een verhaal van een vrouw in de techniek", "ask_story")
    )
    message = only(messages, "utter_story")
    assert message["soort"] == "Voorbeeldverhaal" and "voorbeeldverhaal" in message["bron"]
    story = next(
        s for s in repository.stories() if s.person_name == message["persoon"] and s.story == message["verhaal"]
    )
    assert story.is_woman
    info = repository.occupation_by_slug(story.occupation_slug)
    assert slot_value(events, "occupation_id") == info.id
    has_figure = repository.pay(info) is not None
    assert ("€" in message["bron"]) == has_figure, "a story shows the occupation's real figure, or none if CBS has none"


async def test_session_start_takes_the_audience_from_channel_metadata():
    tracker = tracker_for("", "session_start", slots={"session_started_metadata": {"doelgroep": "ouder"}})
    _, events = await run_action(ActionSessionStart(), tracker)
    assert events[0]["event"] == "session_started"
    assert slot_value(events, "doelgroep") == "ouder"


async def test_set_audience_from_slot():
    messages, events = await run_action(
        ActionSetAudience(), tracker_for("ik ben ouder", "inform_audience", slots={"doelgroep": "ouder"})
    )
    assert responses(messages) == ["utter_audience_set"] and slot_value(events, "doelgroep") == "ouder"


# Feedback is recorded only as the answer to the assistant's own question (docs/security.md).
ASKED = [
    {"event": "action", "name": "action_answer_salary"},
    {"event": "bot", "text": "Had je hier iets aan?", "metadata": {"utter_action": "utter_ask_feedback"}},
    {"event": "user", "text": "/feedback"},
]


async def test_feedback_is_stored_without_personal_data(tmp_path, monkeypatch):
    path = tmp_path / "feedback.jsonl"
    monkeypatch.setenv("FEEDBACK_PATH", str(path))
    events = ASKED
    await run_action(ActionRecordFeedback(), tracker_for("👍", "feedback_positive", events=events))
    record = json.loads(path.read_text().strip())
    assert record["useful"] is True and record["answer"] == "action_answer_salary"
    assert "test-user" not in path.read_text()


async def test_positive_feedback_is_thanked(tmp_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_PATH", str(tmp_path / "feedback.jsonl"))
    messages, events = await run_action(ActionRecordFeedback(), tracker_for("👍", "feedback_positive"))
    assert responses(messages) == ["utter_feedback_thanks"] and events == []


async def test_negative_feedback_offers_a_way_on(tmp_path, monkeypatch):
    path = tmp_path / "feedback.jsonl"
    monkeypatch.setenv("FEEDBACK_PATH", str(path))
    messages, events = await run_action(
        ActionRecordFeedback(), tracker_for("ik snap het niet", "feedback_negative", events=ASKED)
    )
    assert responses(messages) == ["utter_feedback_sorry"] and events == []
    assert json.loads(path.read_text().strip())["useful"] is False


async def test_fallback_has_two_stages():
    first, _ = await run_action(ActionFallback(), tracker_for("blablabla", "nlu_fallback"))
    assert responses(first) == ["utter_default"]
    events = [{"event": "bot", "text": "Sorry", "metadata": {"utter_action": "utter_default"}}]
    second, _ = await run_action(ActionFallback(), tracker_for("blablabla", "nlu_fallback", events=events))
    assert responses(second) == ["utter_default_topics"]


async def test_how_long_a_route_takes_is_answered_with_its_source(repository):
    messages, _ = await run_action(
        ActionAnswerEducation(repository), tracker_for("hoe lang duurt dat allemaal bij elkaar", "ask_education")
    )
    reply = only(messages, "utter_education")
    assert "niveau" in reply["antwoord"] and "KiesMBO" in reply["feiten"]


async def test_how_many_women_gets_the_cbs_shares_of_the_groups(repository):
    groups = repository.women_shares()
    messages, _ = await run_action(
        ActionAnswerMyth(repository), tracker_for("Hoeveel vrouwen werken er eigenlijk in de techniek?", "ask_myth")
    )
    reply = only(messages, "utter_women_share")
    assert groups[0].group_title in reply["hoogst"] and groups[-1].group_title in reply["laagst"]
    assert reply["bron"] == groups[0].source.citation
    assert groups[0].women_share >= groups[-1].women_share


async def test_stories_for_a_lesson_about_women_are_all_womens_stories(repository):
    from actions.stories import ActionAnswerStory

    text = "Heb je verhalen van vrouwen in de techniek voor mijn les?"
    messages, _ = await run_action(ActionAnswerStory(repository), tracker_for(text, "ask_story"))
    reply = only(messages, "utter_stories")
    women = {s.person_name for s in repository.stories() if s.is_woman}
    names = [line[2:].split(" (")[0] for line in reply["verhalen"].splitlines()]
    assert names and set(names) <= women
    assert "geen echt persoon" in reply["verhalen"] or "bron" in reply["verhalen"]


async def test_best_paid_lists_the_highest_medians_of_one_year(repository):
    messages, _ = await run_action(
        ActionAnswerBestChances(repository),
        tracker_for("welk technisch beroep verdient het meest?", "ask_best_chances"),
    )
    reply = only(messages, "utter_best_paid")
    amounts = [float(a.replace(".", "").replace(",", ".")) for a in re.findall(r"€ ([\d.,]+) bruto", reply["lijst"])]
    assert len(amounts) >= 3 and amounts == sorted(amounts, reverse=True)
    assert set(re.findall(r"\b(20\d\d)\b", reply["lijst"])) == {reply["jaar"]}


async def test_a_shortage_question_leads_with_the_shortage_fact(repository):
    messages, _ = await run_action(
        ActionAnswerBestChances(repository), tracker_for("waar is het grootste tekort aan technici", "ask_best_chances")
    )
    assert "UWV" in only(messages, "utter_shortage_first")["feit"]


async def test_a_placement_question_puts_the_stagemarkt_first(repository):
    messages, _ = await run_action(
        ActionAnswerNextStep(repository), tracker_for("hoe vind ik een erkend leerbedrijf voor bbl", "ask_next_step")
    )
    assert only(messages, "utter_next_step")["stappen"].startswith("- Stagemarkt (SBB)")


async def test_good_at_maths_is_a_strength_not_the_maths_myth(repository):
    text = "Mijn dochter is goed in wiskunde en natuurkunde, zit op vmbo tl. Wat voor beroepen zijn er voor haar?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert responses(messages) == ["utter_interest"], responses(messages)
    worry = "moet je heel goed zijn in wiskunde voor techniek?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, worry, "ask_myth"))
    assert responses(messages)[0] == "utter_myth", responses(messages)


async def test_bol_or_bbl_at_a_level_with_pay_is_the_bbl_pay_not_the_level_list(repository):
    text = (
        "wat is het verschil tussen bol en bbl bij elektrotechniek niveau 3? lln vragen of je bij bbl al geld verdient"
    )
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages)[0] == "utter_education", responses(messages)
    assert "loon" in messages[0]["antwoord"]


async def test_the_share_of_women_asked_as_a_myth_gives_the_figures_not_a_menu(repository):
    text = "weet je ook hoeveel procent van de mensen in de techniek vrouw is? liefst met bron"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert responses(messages) == ["utter_women_share"], responses(messages)


async def test_a_list_asked_beside_a_name_in_the_context_is_the_list(repository):
    from actions.route import ActionAnswerRoute

    text = "Welke beroepen kan ik noemen bij het profiel BWI? Ze denken allemaal dat het alleen timmerman is."
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages)[0] == "utter_education", responses(messages)
    assert "BWI" in messages[0]["antwoord"]


async def test_a_girl_asking_if_an_occupation_is_strange_gets_the_myth(repository):
    text = "ik ben een meisje kan ik installateur worden of is dat raar"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    assert responses(messages)[:2] == ["utter_read_as", "utter_myth"] or responses(messages)[0] == "utter_myth"


async def test_shortages_in_a_sector_give_its_work_figures_not_a_liking(repository):
    text = "welke beroepen in de bouw hebben het grootste tekort aan personeel?"
    messages, _ = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    assert responses(messages)[0] == "utter_sector_intro", responses(messages)
