"""Topic answers instead of menus: a message that names a myth, a school topic or a sector gets it.

A menu ("Over welk vooroordeel wil je het hebben?") only when the message names no topic at all.
Button titles stay whole: only the WhatsApp channel shortens them (bot/channels/whatsapp_output.py).
"""

import re

import pytest
from helpers import responses, run_action, tracker_for

from actions.lists import ActionAnswerBestChances
from actions.stories import ActionAnswerStory
from actions.topics import ActionAnswerEducation, ActionAnswerInterest, ActionAnswerMyth

MYTHS_IN_OTHER_WORDS = [
    ("met mbo kom je nergens toch", "Een kantoorbaan"),
    ("in de techniek word je nooit rijk", "slecht betaald"),
    ("lassen is toch niks voor meisjes?", "niks voor meisjes"),
    ("mijn kind wordt toch vervangen door robots", "Robots"),
    ("is dat werk niet heel zwaar voor je lichaam, die zware dingen tillen", "zwaar"),
]


@pytest.mark.parametrize("text, myth", MYTHS_IN_OTHER_WORDS)
async def test_a_myth_named_in_other_words_is_answered(repository, text, myth):
    messages, _ = await run_action(ActionAnswerMyth(repository), tracker_for(text, "ask_myth"))
    assert responses(messages)[0] == "utter_myth", responses(messages)
    assert myth.lower() in messages[0]["mythe"].lower()
    # the girls' myth always shows the CBS shares of women; no other myth does
    assert ("utter_women_share" in responses(messages)) == (myth == "niks voor meisjes")


async def test_a_school_topic_under_the_myth_intent_gets_the_school_answer(repository):
    messages, _ = await run_action(
        ActionAnswerMyth(repository), tracker_for("hoe zit het met de entreeopleiding", "ask_myth")
    )
    assert responses(messages) == ["utter_education"]


async def test_a_myth_under_the_school_intent_gets_the_myth_answer(repository):
    messages, _ = await run_action(
        ActionAnswerEducation(repository),
        tracker_for("is techniek echt alleen voor wie niet kan leren", "ask_education"),
    )
    assert responses(messages) == ["utter_myth"]


async def test_no_topic_named_gets_the_menu_with_whole_titles(repository):
    messages, _ = await run_action(ActionAnswerMyth(repository), tracker_for("vertel eens iets", "ask_myth"))
    assert responses(messages) == ["utter_ask_which_myth"]
    titles = [button["title"] for button in messages[0]["buttons"]]
    myths = [m.myth for m in repository.myths()]
    assert all(title in myths for title in titles), titles
    assert any(len(title) > 20 for title in titles), "titles are not cut for the web"


def suggested(messages):
    return [line[2:].split(":")[0] for line in messages[0]["beroepen"].splitlines()]


async def test_good_with_computers_suggests_ict_occupations_first(repository):
    messages, _ = await run_action(
        ActionAnswerInterest(repository), tracker_for("ik ben goed met computers", "ask_interest")
    )
    names = suggested(messages)
    ict = {repository.display_name(info) for info in repository.occupations_in_sector("ict-media")}
    assert names[0] in ict and names[1] in ict, names


async def test_drawing_suggests_creative_occupations_first(repository):
    messages, _ = await run_action(
        ActionAnswerInterest(repository), tracker_for("ik teken graag en ben creatief", "ask_interest")
    )
    names = suggested(messages)
    assert "Mediavormgever" in names[:2] or "mediavormgever" in " ".join(names[:2]).lower(), names


async def test_occupations_at_an_mbo_level_are_listed_with_pay_of_one_year(repository):
    text = "welke beroepen kunnen mijn leerlingen halen met niveau 4"
    messages, _ = await run_action(ActionAnswerEducation(repository), tracker_for(text, "ask_education"))
    assert responses(messages) == ["utter_occupations_at_level"]
    lines = messages[0]["beroepen"].splitlines()
    assert 3 <= len(lines) <= 8
    years = {y for line in lines for y in re.findall(r"\b(20\d\d)\b", line)}
    assert len(years) <= 1, years


async def test_a_level_question_without_work_gets_the_school_answer(repository):
    messages, _ = await run_action(
        ActionAnswerEducation(repository), tracker_for("wat is mbo niveau 2", "ask_education")
    )
    assert responses(messages) == ["utter_education"]


@pytest.mark.parametrize(
    "text, woman",
    [
        ("een verhaal van een vrouw in de techniek", True),
        ("een verhaal van een man", False),
        ("heb je een verhaal van een meisje die dat doet", True),
        ("heb je een voorbeeld van een jongen die lasser is", False),
    ],
)
async def test_stories_are_filtered_by_gender_only_on_request(repository, text, woman):
    messages, _ = await run_action(ActionAnswerStory(repository), tracker_for(text, "ask_story"))
    assert responses(messages) == ["utter_story"]
    story = next(s for s in repository.stories() if s.person_name == messages[0]["persoon"])
    assert story.is_woman == woman


async def test_a_best_chances_question_at_a_level_lists_that_level(repository):
    text = "welke beroepen kunnen mijn leerlingen met niveau 4"
    messages, _ = await run_action(ActionAnswerBestChances(repository), tracker_for(text, "ask_best_chances"))
    assert responses(messages) == ["utter_occupations_at_level"]


def _told(repository, story):
    info = repository.occupation_by_slug(story.occupation_slug)
    return [{"event": "bot", "text": f"Voorbeeldverhaal: {story.person_name} ({story.age}), {info.name}."}]


async def test_asked_whether_the_story_just_told_is_real_the_answer_says_it_is_an_illustration(repository):
    story = next(s for s in repository.stories() if s.is_illustration)
    tracker = tracker_for("echt?? waar werkt ze dan", "ask_capabilities", events=_told(repository, story))
    messages, _ = await run_action(ActionAnswerStory(repository), tracker)
    assert responses(messages) == ["utter_story_invented"] and messages[0]["persoon"] == story.person_name


async def test_another_story_is_not_the_one_just_told(repository):
    first = sorted(repository.stories(), key=lambda s: s.story_id)[0]
    tracker = tracker_for("heb je nog een verhaal", "ask_story", events=_told(repository, first))
    messages, _ = await run_action(ActionAnswerStory(repository), tracker)
    assert responses(messages) == ["utter_story"] and messages[0]["persoon"] != first.person_name


async def test_a_story_asked_with_a_worry_named_plainly_gets_the_worrys_counter_facts(repository):
    text = "Heeft u een verhaal van een vrouw in de techniek? Mijn dochter is het enige meisje in de klas."
    messages, _ = await run_action(ActionAnswerStory(repository), tracker_for(text, "ask_story"))
    assert responses(messages) == ["utter_story", "utter_myth"]
    assert "meisjes" in messages[1]["mythe"].lower()
