"""Kinds of question the ninth round's development parts (ag, ah, ai, aj) and their judges showed failing."""

import pytest
from helpers import after_reply, occupation_id, only, parsed, responses, run_action

from actions.also_asked import other_questions
from actions.outside import outside_reply
from actions.turn import Turn

# the actions read the server's repository; these tests hand them the test run's own
pytestmark = pytest.mark.usefixtures("the_servers_repository")


def test_the_wind_turbine_fitter_has_a_figure_from_the_electricians_group(repository):
    info = repository.occupation(occupation_id(repository, "servicemonteur windturbines"))
    pay = repository.pay(info)
    assert pay is not None and repository.profile(info).pay_note, "no figure, or no note on the borrowed group"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("laborant wat doe je daar precies en kan dat ook met mbo 2 of moet het 4 zijn", "ask_route"),
        ("is cybersecurity ook techniek? en kan dat via mbo of alleen uni", "ask_route"),
        ("Hoe lang is hij dan van huis? En verdient het wel goed", "ask_salary"),
        ("hoeveel verdient een zonnepanelen monteur? en is dat over een paar jaar weer voorbij", "ask_prospects"),
    ],
)
def test_the_second_part_of_a_message_is_heard(text, kind):
    assert kind in other_questions(text, "ask_something_else"), other_questions(text, "ask_something_else")


async def test_two_school_questions_in_one_message_get_both_topics(repository):
    from actions.topics import ActionAnswerEducation

    text = "Wat is het verschil tussen bol en bbl? En kan mijn dochter na mbo 4 nog naar het hbo als ze dat wil?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    texts = [m["antwoord"] for m in messages if m.get("response") == "utter_education"]
    assert len(texts) == 2 and any("hbo" in t for t in texts) and any("bbl" in t for t in texts), texts


async def test_pay_with_hbo_against_mbo_says_there_is_no_pay_per_level_and_gives_the_study(repository):
    from actions.pay import ActionAnswerSalary

    text = "Wat verdient ze met hbo elektrotechniek vergeleken met mbo?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    names = responses(messages)
    assert "utter_pay_not_by_level" in names and "utter_start_pay_by_route" in names, names
    assert "€" in only(messages, "utter_start_pay_by_route")["feiten"]


async def test_pay_per_route_read_as_a_myth_gets_the_school_answer_about_pay(repository):
    from actions.topics import ActionAnswerMyth

    text = "en qua salaris, wat verdient iemand met alleen mbo 4 vergeleken met een hbo'er in de techniek?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert "utter_pay_not_by_level" in responses(messages) and "utter_myth" not in responses(messages)


async def test_an_occupation_added_to_a_comparison_joins_the_ones_shown(repository):
    from actions.compare import ActionCompareOccupations

    shown = [occupation_id(repository, name) for name in ("elektricien", "loodgieter", "timmerman")]
    tracker = parsed(
        repository, "kun je er dakdekker ook nog bij zetten", "compare_occupations", slots={"suggested": shown}
    )
    messages, _ = await run_action(ActionCompareOccupations(repository), tracker)
    lines = " ".join(
        str(m.get("regels", "")) + str(m.get("vergelijking", "")) + str(m.get("text", "")) for m in messages
    )
    for name in ("Elektricien", "Loodgieter", "Timmerman", "Dakdekker"):
        assert name in lines, (name, responses(messages))


@pytest.mark.parametrize(
    "text",
    [
        "en wat is de beste laptop voor die opleiding",
        "kun je me helpen een toets natuurkunde te maken over stroom en spanning voor klas 2?",
        "Kunt u ook het rooster van zijn school opzoeken?",
        "Kun je een brief voor me opstellen naar ouders van een leerling die niet op stage komt?",
    ],
)
def test_requests_outside_career_guidance_get_a_referral(text):
    reply = outside_reply(text)
    assert reply is not None and reply.response == "utter_outside" and reply.values["verwijzing"], text


@pytest.mark.parametrize(
    "text", ["moet hij voor dat werk een rijbewijs hebben?", "en kan dat ook als je snel zeeziek wordt lol"]
)
def test_a_career_question_without_data_says_who_can_tell_without_a_polite_no(text):
    reply = outside_reply(text)
    assert reply is not None and reply.response == "utter_outside_beside" and reply.values["verwijzing"], text


def test_a_career_question_is_no_outside_request():
    assert outside_reply("maak een quiz van 5 vragen over technische beroepen") is None
    assert outside_reply("wat verdient een lasser") is None


async def test_a_level_list_keeps_to_the_field_named(repository):
    from actions.topics import ActionAnswerEducation

    text = "mijn zoon gaat volgend jaar naar mbo niveau 4 installatietechniek. Wat voor werk kan hij daarmee doen?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    listed = only(messages, "utter_occupations_at_level")["beroepen"]
    assert "Maritiem officier" not in listed and "Matroos" not in listed, listed


async def test_a_named_level_and_profile_for_a_lesson_list_occupations_instead_of_asking(repository):
    from actions.lesson import ActionLessonSheet

    text = "LOB-les aan 3 vmbo-bb, profiel PIE. Kun je me 5 beroepen geven met het uurloon? Voor een werkblad."
    messages, _ = await run_action(ActionLessonSheet(repository), parsed(repository, text, "ask_lesson_sheet"))
    assert "utter_ask_lesson_occupations" not in responses(messages)
    assert "€" in only(messages, "utter_these_occupations")["beroepen"]


async def test_a_school_type_that_says_who_the_pupils_are_does_not_replace_the_field(repository):
    from actions.topics import ActionAnswerMyth

    text = "iets over duurzame techniek voor havo 4?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert "utter_sector" in responses(messages), responses(messages)


async def test_work_with_something_the_table_does_not_know_is_said_plainly(repository):
    from actions.conversation import ActionFallback

    messages, _ = await run_action(
        ActionFallback(), parsed(repository, "kun je ook iets met drones als beroep", "nlu_fallback")
    )
    assert only(messages, "utter_no_occupation_with")["tekst"] == "drones"


def test_a_word_of_the_message_points_at_the_listed_occupation_it_shares_its_start_with(repository):
    listed = [occupation_id(repository, name) for name in ("schilder", "bouwkundig tekenaar", "metselaar")]
    text = "Dat tekenen op de computer lijkt hem wel wat. Verdien je daarmee meer dan een metselaar?"
    turn = Turn.read(parsed(repository, text, "compare_occupations", slots={"suggested": listed}), repository)
    assert turn.listed_by_word is not None and turn.listed_by_word.id == listed[1]


def test_the_writers_own_work_is_context_when_another_occupation_is_named(repository):
    text = "Ik werk zelf in de haven als sjorder en mijn zoon wil procesoperator worden. Welk niveau moet hij doen?"
    turn = Turn.read(parsed(repository, text, "ask_route"), repository)
    assert [info.id for info in turn.found] == [occupation_id(repository, "procesoperator")]


async def test_a_field_with_a_condition_ruled_out_lists_the_lighter_work(repository):
    from actions.topics import ActionAnswerMyth

    text = "wat is dan iets in de bouw wat minder zwaar is"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    listed = only(messages, "utter_sector")["beroepen"]
    assert "Metselaar" not in listed and "utter_left_out_for_condition" in responses(messages)


async def test_which_is_better_after_bol_and_bbl_answers_for_the_wish(repository):
    from actions.lists import ActionAnswerBestChances

    bol_vs_bbl = repository.topic("education", "bol-vs-bbl").answer
    tracker = parsed(
        repository,
        "welke is beter als je meteen geld wil verdienen",
        "ask_best_chances",
        events=after_reply(bol_vs_bbl, "welke is beter als je meteen geld wil verdienen"),
    )
    messages, _ = await run_action(ActionAnswerBestChances(repository), tracker)
    assert "bbl" in only(messages, "utter_education")["antwoord"].lower()


async def test_a_quiz_with_the_answers_is_a_sheet_not_a_game(repository):
    from actions.quiz import ActionQuiz

    text = "Maak een korte quiz van 5 vragen over technische beroepen, met de antwoorden erbij"
    messages, events = await run_action(ActionQuiz(repository), parsed(repository, text, "start_quiz"))
    sheet = only(messages, "utter_quiz_sheet")["vragen"]
    assert sheet.count("Antwoord:") == 5 and not any(e.get("name") == "quiz" and e.get("value") for e in events)


async def test_a_story_of_a_girl_who_became_a_monteur_tells_one(repository):
    from actions.stories import ActionAnswerStory

    text = "Heeft u een verhaal van een meisje dat monteur is geworden?"
    messages, _ = await run_action(ActionAnswerStory(repository), parsed(repository, text, "ask_story"))
    names = responses(messages)
    assert any(n.startswith("utter_story") for n in names) and "utter_which_occupation" not in names, names


async def test_a_region_follow_up_read_as_a_sector_question_says_the_figures_are_national(repository):
    from actions.topics import ActionAnswerSector

    text = "en in de regio rotterdam specifiek? daar zit de petrochemie toch"
    tracker = parsed(
        repository, text, "ask_sector", slots={"occupation_id": occupation_id(repository, "procesoperator")}
    )
    messages, _ = await run_action(ActionAnswerSector(repository), tracker)
    assert "utter_ask_sector" not in responses(messages), responses(messages)


def test_a_name_before_wil_worden_is_read_as_an_occupation_place():
    from bot.nlu.occupation_cues import cued_spans

    text = "mijn zoon zegt dat hij youtuber wil worden"
    assert [text[a:b] for a, b in cued_spans(text)] == ["youtuber"]


def test_a_sector_ruled_out_is_not_named_but_a_doubt_about_it_is(repository):
    assert [row.sector for row in repository.sectors_ruled_out("hij houdt niet zo van computers")] == ["ict-media"]
    assert repository.sectors_ruled_out("ik weet niet of ICT echt werk is") == []
    assert repository.best_topic("sector", "graag buiten en niet zo van computers") is None


async def test_a_field_ruled_out_is_left_out_of_the_suggestions(repository):
    from actions.topics import ActionAnswerInterest

    text = "Meisje, houdt van tekenen en precies werken, wil ook niet de bouw in. Welke beroepen?"
    messages, _ = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    assert "utter_left_out_for_field" in responses(messages), responses(messages)
    assert "Timmerman" not in only(messages, "utter_interest")["beroepen"]


def test_as_many_occupations_as_asked():
    from actions.topics import asked_count

    assert asked_count("geef me 5 technische beroepen") == 5
    assert asked_count("noem zes beroepen") == 6 and asked_count("welke beroepen") == 0
    assert asked_count("geef me 50 beroepen") == 0  # one digit only: fifty is no list for a phone screen


async def test_another_story_asked_right_after_stories_is_a_story(repository):
    from actions.compare import ActionCompareOccupations

    told = "Een paar verhalen:\n- Bartek (24), Scheepsbouwer (voorbeeldverhaal, geen echt persoon)"
    tracker = parsed(
        repository, "ook van een vrouw?", "compare_occupations", events=after_reply(told, "ook van een vrouw?")
    )
    messages, _ = await run_action(ActionCompareOccupations(repository), tracker)
    assert responses(messages)[0].startswith("utter_story"), responses(messages)


async def test_already_paid_right_after_a_route_with_the_bbl_is_the_pay_while_learning(repository):
    from actions.pay import ActionAnswerSalary

    route = (
        "Zo word je scheepsbouwer:\n- BOL (vooral school, met stage) en BBL (werken en leren, met loon) kunnen allebei"
    )
    slots = {"occupation_id": occupation_id(repository, "scheepsbouwer")}
    tracker = parsed(
        repository, "krijg je dan al geld", "ask_salary", slots=slots, events=after_reply(route, "krijg je dan al geld")
    )
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert not any(name.startswith("utter_salary") for name in responses(messages)), responses(messages)


async def test_the_share_of_girls_asked_after_a_route_gives_the_share_of_women(repository):
    from actions.route import ActionAnswerRoute

    slots = {"occupation_id": occupation_id(repository, "automonteur")}
    text = "en hoeveel meiden doen die opleiding eigenlijk, weet u dat?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route", slots=slots))
    assert "utter_route" not in responses(messages) and "%" in str(messages[0]), responses(messages)


async def test_a_short_version_for_the_board_gives_the_figures_in_short(repository):
    from actions.pay import ActionAnswerSalary

    shown = [occupation_id(repository, name) for name in ("automonteur", "kapper")]
    text = "ok dankje, kun je het heel kort samenvatten zodat ik het op het bord kan schrijven"
    before = "- Automonteur: € 18,10 bruto per uur\n- Kapper: € 14,40 bruto per uur"
    tracker = parsed(repository, text, "ask_salary", slots={"suggested": shown}, events=after_reply(before, text))
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    short = only(messages, "utter_short_version")
    assert "Automonteur" in short["regels"] and "€" in short["regels"] and "CBS" in short["bron"]


async def test_whether_an_occupation_is_a_good_choice_gets_its_pay_and_chances(repository):
    from actions.route import ActionAnswerRoute

    text = "hij gaat de opleiding elektricien doen, is dat een goede keuze?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    names = responses(messages)
    assert any(n.startswith("utter_salary") for n in names) and any(n.startswith("utter_prospects") for n in names), (
        names
    )


@pytest.mark.parametrize(
    "text, remembered, action",
    [
        ("nee serieus vliegtuigmonteur is dat wat", None, "ActionAnswerJobDescription"),
        ("Laat maar eens zien wat je weet over timmerman", None, "ActionAnswerJobDescription"),
        ("oke en wat moet je daarvoor kunnen?", "elektricien", "ActionAnswerRoute"),
        ("wat is nu echt kansrijk?", None, "ActionAnswerBestChances"),
        ("Zij moet dan universiteit of niet?", "laboratoriumanalist", "ActionAnswerRoute"),
    ],
)
def test_unsure_messages_are_rescued_by_their_plain_words(repository, text, remembered, action):
    from actions.rescue import rescue

    slots = {"occupation_id": occupation_id(repository, remembered)} if remembered else {}
    turn = Turn.read(parsed(repository, text, "nlu_fallback", slots=slots), repository)
    assert getattr(rescue(turn, repository), "__name__", None) == action


async def test_the_profiles_occupations_with_their_level_when_a_number_of_them_is_asked(repository):
    from actions.topics import ActionAnswerEducation

    text = "LOB-les, profiel BWI (bouwen wonen interieur). Kun je me 5 technische beroepen geven met het mbo-niveau?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    listed = only(messages, "utter_these_occupations")["beroepen"]
    assert listed.count("\n- ") + 1 == 5 and "mbo-niveau" in listed, listed


async def test_on_mbo_level_after_the_best_paid_list_gives_that_list_for_mbo(repository):
    from actions.lists import best_paid
    from actions.topics import ActionAnswerEducation

    shown = str(best_paid(repository).replies[0].values)
    before = f"Van de technische beroepen verdienden deze in 2022 het meest (middelste bruto uurloon): {shown}"
    tracker = parsed(repository, "en op mbo niveau?", "ask_education", events=after_reply(before, "en op mbo niveau?"))
    messages, _ = await run_action(ActionAnswerEducation(repository), tracker)
    assert "mbo-diploma" in only(messages, "utter_best_paid")["bereik"]


def test_more_than_at_a_side_job_after_a_list_is_a_pay_question(repository):
    from actions.rescue import rescue

    listed = [occupation_id(repository, name) for name in ("automonteur", "fietstechnicus")]
    turn = Turn.read(
        parsed(repository, "is dat meer dan bij de mac lol", "nlu_fallback", slots={"suggested": listed}), repository
    )
    assert getattr(rescue(turn, repository), "__name__", None) == "ActionAnswerSalary"


def test_switching_to_the_bbl_is_the_bbl_not_another_programme(repository):
    assert (
        repository.best_topic("education", "kan ik switchen naar bbl of moet ik dan opnieuw beginnen").topic_id == "bbl"
    )
    assert repository.best_topic("education", "ik wil switchen naar een andere opleiding").topic_id == "overstappen"
