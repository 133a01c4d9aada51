"""Kinds of question the eighth round's development parts (y, z) and their judges showed failing."""

import pytest
from helpers import after_reply, occupation_id, only, parsed, responses, run_action

from actions.also_asked import other_questions
from actions.outside import outside_reply
from actions.pay import ActionAnswerSalary
from actions.rescue import rescue
from actions.turn import AMBIGUOUS, REMEMBERED, Turn

# the actions read the server's repository; these tests hand them the test run's own
pytestmark = pytest.mark.usefixtures("the_servers_repository")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("wat een warmtepompmonteur doet en of je er 'rijk' van wordt", "ask_salary"),
        ("wat verdient een timmerman en zijn er veel timmermannen nodig of niet", "ask_prospects"),
        ("netwerk beheerder. Is goed betaald? Zij heeft vmbo basis, kan zij dit?", "ask_route"),
        ("opleiding koudetechniek. Ik ken dat helemaal niet. Wat is dat?", "ask_job_description"),
        ("Is laborant iets voor haar en welke opleiding moet ze dan doen?", "ask_job_description"),
    ],
)
def test_the_second_part_of_a_message_is_heard(text, kind):
    assert kind in other_questions(text, "ask_something_else"), other_questions(text, "ask_something_else")


async def test_a_vmbo_track_beside_a_route_question_gets_which_mbo_level_it_opens(repository):
    from actions.route import ActionAnswerRoute

    text = "netwerkbeheerder lijkt me wel wat. hoelang duurt die opleiding en kan ik dat na vmbo kader"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    answers = [m.get("antwoord", "") for m in messages if m.get("response") == "utter_education"]
    assert any("kaderberoepsgerichte" in answer for answer in answers), responses(messages)


async def test_a_sector_named_as_the_place_of_work_replaces_the_occupation_talked_about(repository):
    slots = {"occupation_id": occupation_id(repository, "profvoetballer")}
    tracker = parsed(repository, "ok saai. wat verdien je als je in de haven werkt dan", "ask_salary", slots=slots)
    messages, events = await run_action(ActionAnswerSalary(repository), tracker)
    port = {info.id for info in repository.occupations_in_sector(repository.best_topic("sector", "haven").sector)}
    shown = {i for e in events if e.get("name") == "suggested" for i in e["value"]}
    assert shown and shown <= port, responses(messages)


async def test_the_first_three_of_a_list_are_compared(repository):
    listed = [occupation_id(repository, n) for n in ("procesoperator", "scheepsbouwer", "matroos", "lasser")]
    tracker = parsed(
        repository,
        "Top. Kun je van de eerste drie die je noemde het bruto uurloon geven?",
        "ask_salary",
        slots={"suggested": listed, "occupation_id": listed[0]},
    )
    assert [info.id for info in Turn.read(tracker, repository).first_few] == listed[:3]
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    compared = " ".join(str(m.get("regels", "")) + str(m.get("vergelijking", "")) for m in messages)
    for name in ("Procesoperator", "Scheepsbouwer", "Matroos"):
        assert name in compared or name in str(messages), name


def test_a_vague_word_of_the_name_talked_about_points_back_to_it(repository):
    slots = {"occupation_id": occupation_id(repository, "zonnepanelenmonteur")}
    text = "ja die monteur. welk mbo niveau heb je nodig en is er wel werk genoeg?"
    assert Turn.read(parsed(repository, text, "ask_route", slots=slots), repository).resolution == REMEMBERED
    alone = Turn.read(parsed(repository, "wat verdient een monteur", "ask_salary"), repository)
    assert alone.resolution == AMBIGUOUS


def test_the_writers_own_work_is_no_interest_of_the_child(repository):
    text = "Ze is handig en graag buiten. Ik werk in de zorg en hij in een winkel. Welke beroepen passen bij haar?"
    topic_text = Turn.read(parsed(repository, text, "ask_interest"), repository).topic_text
    tags = [t.tag for t in repository.topics_named("interest", topic_text)]
    assert "gezondheid" not in tags and tags, tags


def test_a_worry_about_health_is_no_interest_in_care(repository):
    text = "Is lassen niet heel slecht voor de gezondheid? ik maak me zorgen om de longen van mijn zoon"
    assert "gezondheid" not in [t.tag for t in repository.topics_named("interest", text)]


async def test_a_health_worry_about_welding_quotes_its_work_text(repository):
    from actions.conditions import condition_reply

    lasser = repository.occupation(occupation_id(repository, "lasser"))
    reply = condition_reply(repository, lasser, "is lassen niet slecht voor je longen?")
    assert reply is not None and "Lasrook" in reply.values["zinnen"]


@pytest.mark.parametrize(
    "text",
    [
        "Weet u ook hoeveel huur je betaalt voor een studio in Rotterdam?",
        "hoe kom ik aan een bijbaantje bij de appie",
        "welk schip is eigenlijk het grootste ter wereld",
    ],
)
def test_matters_outside_career_guidance_get_a_polite_no(text):
    assert outside_reply(text) is not None


def test_a_rent_allowance_is_not_read_as_housing_costs():
    assert "Nibud" not in outside_reply("hoe vraag ik huurtoeslag aan").values["verwijzing"]


async def test_an_outside_matter_with_what_can_i_do_is_not_answered_with_the_capabilities(repository):
    from actions.conversation import ActionFallback

    text = "Mijn zoon wordt al een paar weken gepest op school. Wat kan ik hier het beste aan doen?"
    messages, _ = await run_action(ActionFallback(), parsed(repository, text, "nlu_fallback"))
    assert responses(messages) == ["utter_outside"]
    assert "vertrouwenspersoon" in messages[0]["verwijzing"]


async def test_a_story_asked_for_a_route_where_none_of_that_work_exists_tells_one_with_that_route(repository):
    from actions.stories import ActionAnswerStory

    text = "ken je iemand die met mbo 2 begon en nu ingenieur ofzo is"
    messages, _ = await run_action(ActionAnswerStory(repository), parsed(repository, text, "ask_story"))
    assert responses(messages)[0] == "utter_no_story"
    told = only(messages, "utter_story")
    story = next(s for s in repository.stories() if s.person_name == told["persoon"])
    assert "niveau 2" in story.route and ("niveau 4" in story.route or "hbo" in story.route)


async def test_a_list_of_stories_puts_their_occupations_on_the_table(repository):
    from actions.stories import ActionAnswerStory

    text = "heb je verhalen van mensen met een migratieachtergrond in de techniek?"
    _, events = await run_action(ActionAnswerStory(repository), parsed(repository, text, "ask_story"))
    assert [e for e in events if e.get("name") == "suggested" and e["value"]]


async def test_five_occupations_of_a_profile_with_pay_are_listed_profile_first(repository):
    from actions.topics import ActionAnswerEducation

    text = "Kun je 5 beroepen noemen die goed aansluiten bij het profiel PIE, met per beroep wat je verdient?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    lines = only(messages, "utter_these_occupations")["beroepen"].splitlines()
    first = repository.occupation_by_slug("procesoperator")
    assert lines and repository.profile(first) is not None
    for line in lines[:3]:
        name = line[2:].split(":")[0]
        info = next(i for i in repository.featured_occupations() if repository.display_name(i) == name)
        assert repository.profile(info).vmbo_profiles[0] == "PIE", line


async def test_the_difference_between_bol_and_bbl_is_answered_even_when_money_is_mentioned(repository):
    from actions.topics import ActionAnswerEducation

    text = "Wat is het verschil tussen bol en bbl? Hij wil liever meteen geld verdienen dan de hele week op school"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    bol_bbl = repository.topic("education", "bol-vs-bbl").answer
    assert any(m.get("antwoord") == bol_bbl for m in messages), responses(messages)


async def test_an_age_question_after_the_bbl_says_honestly_that_there_is_no_figure(repository):
    from actions.topics import ActionAnswerEducation

    turn_text = "kan ik dat al als ik 16 ben of moet je 18 zijn"
    turn = Turn.read(parsed(repository, turn_text, "nlu_fallback"), repository)
    assert rescue(turn, repository) is ActionAnswerEducation
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, turn_text, "nlu_fallback"))
    assert any(m.get("antwoord") == repository.topic("education", "leeftijd").answer for m in messages)


async def test_going_on_to_hbo_after_mbo_4_is_answered_not_a_comparison(repository):
    from actions.base import OccupationAction
    from actions.prospects import ActionAnswerProspects

    text = "Ze doet mbo 4 mechatronica en wil daarna werktuigbouwkunde op het hbo doen. Kan dat zomaar?"
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    hbo = repository.topic("education", "hbo-na-mbo").answer
    assert any(m.get("antwoord") == hbo for m in messages), responses(messages)
    assert issubclass(ActionAnswerProspects, OccupationAction)


async def test_pay_by_level_against_working_now_says_there_is_no_pay_per_level_and_explains_the_bbl(repository):
    from actions.topics import ActionAnswerEducation

    text = "Hij heeft mbo 2. Moet hij nog niveau 3 doen of nu gaan werken? Wat is beter voor salaris"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages)[0] == "utter_pay_not_by_level"
    assert any(m.get("antwoord") == repository.topic("education", "bbl").answer for m in messages)


def test_a_condition_in_a_short_follow_up_is_about_the_occupation_talked_about(repository):
    from actions.description import ActionAnswerJobDescription

    slots = {"occupation_id": occupation_id(repository, "dakdekker")}
    tracker = parsed(repository, "moet je dan geen hoogtevrees hebben lol", "nlu_fallback", slots=slots)
    turn = Turn.read(tracker, repository)
    assert rescue(turn, repository) is ActionAnswerJobDescription


async def test_one_occupation_and_a_field_are_compared_with_a_few_of_the_fields_occupations(repository):
    from actions.compare import ActionCompareOccupations

    text = "ik twijfel tussen autotechniek en ict. wat verdien je bij allebei en waar is meer werk"
    messages, events = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    assert responses(messages)[:2] == ["utter_read_as", "utter_field_beside"], responses(messages)
    shown = [repository.occupation(i) for e in events if e.get("name") == "suggested" for i in e["value"]]
    assert repository.display_name(shown[0]) == "Automonteur"
    ict = repository.best_topic("sector", "ict").sector
    assert all(repository.profile(info).sector == ict for info in shown[1:]) and len(shown) > 2


def test_a_company_word_settles_a_vague_name(repository):
    turn = Turn.read(
        parsed(repository, "ok. wat doet een monteur bij een liftbedrijf", "ask_job_description"), repository
    )
    assert turn.occupation is not None and turn.occupation.name == "liftmonteur"


async def test_the_growth_list_puts_an_occupation_of_each_group_on_the_table(repository):
    from actions.lists import ActionAnswerBestChances

    text = "wat is nou echt een goed beroep met toekomst voor een jongen die niet van school houdt?"
    _, events = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_best_chances"))
    shown = [repository.occupation(i) for e in events if e.get("name") == "suggested" for i in e["value"]]
    groups = [g.group_code for g in repository.growing_groups()]
    assert [info.brc_group for info in shown] == groups[: len(shown)] and shown


async def test_why_technical_work_is_promising_gets_the_growth_figures_not_a_menu(repository):
    from actions.topics import ActionAnswerMyth

    text = "Ik moet op de ouderavond vertellen waarom techniek kansrijk is. Geef me drie harde cijfers met bron."
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert responses(messages) == ["utter_best_chances"]


def test_a_level_ruled_out_is_not_the_level_asked():
    from actions.levels import asked_level, entry_level

    text = "vmbo basis, welke beroepen zijn realistisch zonder dat hij helemaal tot niveau 4 moet doorstuderen?"
    assert asked_level(text) is None and entry_level(text) == 2
    assert asked_level("welke beroepen kan je met niveau 4?") == "4"


async def test_a_condition_ruled_out_after_a_list_narrows_the_list(repository):
    from actions.topics import ActionAnswerMyth

    listed = [occupation_id(repository, n) for n in ("stratenmaker", "werkvoorbereider", "lasser", "elektricien")]
    tracker = parsed(
        repository, "hij zegt nu ook dat hij niet tegen stof en vuil kan", "ask_myth", slots={"suggested": listed}
    )
    messages, events = await run_action(ActionAnswerMyth(repository), tracker)
    assert responses(messages)[:2] == ["utter_these_occupations", "utter_left_out_for_condition"], responses(messages)
    kept = {i for e in events if e.get("name") == "suggested" for i in e["value"]}
    assert kept and kept < set(listed)
    asked = parsed(repository, "is dat niet heel vies werk?", "ask_myth", slots={"suggested": listed})
    messages, _ = await run_action(ActionAnswerMyth(repository), asked)
    assert "utter_left_out_for_condition" not in responses(messages)


async def test_a_school_asked_for_beside_a_question_says_there_is_no_list_of_schools(repository):
    from actions.description import ActionAnswerJobDescription

    text = "goedemorgen ik wil vrage wat is een proces operator en welke school in rotterdam"
    messages, _ = await run_action(
        ActionAnswerJobDescription(repository), parsed(repository, text, "ask_job_description")
    )
    assert responses(messages)[-1] == "utter_no_school_list" and "utter_job_description" in responses(messages)


def test_a_last_question_without_a_question_mark_still_asks(repository):
    from actions.pay import ActionAnswerSalary as Salary
    from actions.topics import final_occupation_question

    text = "mijn dochter wil de zee op, stuurman of zoiets. hoe lang is ze dan van huis? en wat verdient ze"
    assert final_occupation_question(Turn.read(parsed(repository, text, "ask_interest"), repository)) is Salary


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Hoeveel jaar duurt?", "ask_route"),
        ("kun je zeggen hoeveel mensen er als elektricien werken?", "ask_prospects"),
    ],
)
def test_short_questions_are_read_by_their_words(text, kind):
    from actions.also_asked import CUES

    assert CUES[kind].search(text)


def test_pay_in_ten_years_is_a_question_about_experience():
    from actions.comparison import ASKS_EXPERIENCE

    assert ASKS_EXPERIENCE.search("en over 10 jaar verdien ik dan hoeveel")


async def test_a_list_asked_for_without_heavy_work_leaves_out_the_heavy_ones(repository):
    from actions.topics import ActionAnswerMyth

    text = "Zijn er technische beroepen die lichamelijk minder zwaar zijn waar hij naartoe kan overstappen?"
    messages, events = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert responses(messages)[:2] == ["utter_these_occupations", "utter_left_out_for_condition"], responses(messages)
    assert "zwaar" in messages[1]["onderwerp"]


async def test_occupations_at_a_level_keep_a_pay_floor_written_before_the_amount_and_a_condition(repository):
    from actions.levels import level_answer
    from actions.topics import occupation_lines

    text = "beroepen op mbo-2 niveau, meer dan €15 bruto per uur en fysiek niet zo zwaar"
    answer = level_answer(repository, "2", occupation_lines, text)
    names = [reply.response for reply in answer.replies]
    assert names == ["utter_occupations_at_level", "utter_pay_floor", "utter_left_out_for_condition"], names


@pytest.mark.parametrize("text", ["en als je al 10 jaar ofzo werkt?? meer?", "en na 5 jaar werkervaring?"])
def test_years_of_work_ask_about_experience(text):
    from actions.comparison import ASKS_EXPERIENCE

    assert ASKS_EXPERIENCE.search(text)


def test_where_to_learn_it_after_an_occupation_is_its_route(repository):
    from actions.route import ActionAnswerRoute

    slots = {"occupation_id": occupation_id(repository, "maritiem officier")}
    tracker = parsed(repository, "en waar leer je dat hier in rotterdam", "nlu_fallback", slots=slots)
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerRoute


def test_something_for_the_mentor_hour_asks_what_the_assistant_can_do():
    from actions.audience import capabilities_response

    # the eleventh round answers a class's request with what can be made for a class
    assert capabilities_response("iets leuks voor het mentoruur over techniek? heb 50 min") == "utter_class_materials"


@pytest.mark.parametrize(
    "text, said",
    [
        ("Kun je voor mij uitzoeken welke bedrijven in Schiedam nog een bbl-plek hebben voor metaal?", "stagemarkt"),
        ("kun je ook de cijfers voor België geven?", "VDAB"),
        ("onze cv-ketel is kapot, kent u een goede installateur?", "installatiebedrijf"),
    ],
)
def test_more_matters_outside_career_guidance(text, said):
    assert said in outside_reply(text).values["verwijzing"]


def test_putting_an_answer_in_bullets_is_a_rewrite():
    assert outside_reply("Kun je dat in 3 bullets zetten voor een dia? kort graag").response == "utter_no_rewrite"


def test_looking_things_up_for_someone_is_no_interest_in_research(repository):
    text = "Kun je voor mij uitzoeken welke bedrijven in Schiedam nog een bbl-plek hebben voor metaal?"
    assert "onderzoek" not in [t.tag for t in repository.topics_named("interest", text)]


def test_the_year_of_the_figures_just_shown_is_read_from_their_citations():
    from actions.data_source import years_shown

    previous = (
        "Bron: CBS, Werknemers; uurloon en beroep (tabel 85517NED), 2022. Werk: (tabel 85276NED), 4e kwartaal 2025"
    )
    assert years_shown(previous) == "2022 en het 4e kwartaal van 2025"
    assert years_shown("Dat hoor je vaak.") == ""


async def test_occupations_dropped_by_name_leave_the_rest_of_the_list(repository):
    from actions.description import ActionAnswerJobDescription

    listed = [occupation_id(repository, n) for n in ("timmerman", "dakdekker", "steigerbouwer", "stratenmaker")]
    text = "Hij heeft wel hoogtevrees, dus dakdekker en steigerbouwer vallen af. nog andere opties?"
    tracker = parsed(repository, text, "ask_job_description", slots={"suggested": listed})
    messages, events = await run_action(ActionAnswerJobDescription(repository), tracker)
    assert responses(messages)[0] == "utter_these_occupations", responses(messages)
    kept = {i for e in events if e.get("name") == "suggested" for i in e["value"]}
    assert kept and not kept & {listed[1], listed[2]}


def test_a_word_of_a_listed_name_means_that_one(repository):
    bim = repository.occupation_by_slug("bim-modelleur")
    tracker = parsed(
        repository, "tekenaar? wat doet zo iemand precies", "ask_job_description", slots={"suggested": [bim.id]}
    )
    assert Turn.read(tracker, repository).occupation == bim


async def test_someone_who_really_does_it_after_the_answer_about_girls_is_a_womans_story(repository):
    from actions.stories import ActionAnswerStory

    text = "ken je iemand die dat echt doet dan"
    events = after_reply("'Techniek is niks voor meisjes.' Dat hoor je vaak.", text)
    tracker = parsed(repository, text, "ask_story", events=events)
    messages, _ = await run_action(ActionAnswerStory(repository), tracker)
    told = only(messages, "utter_story")
    assert next(s for s in repository.stories() if s.person_name == told["persoon"]).is_woman


async def test_other_options_after_a_list_narrowed_by_name_add_work_of_the_same_kind(repository):
    from actions.description import ActionAnswerJobDescription

    listed = [occupation_id(repository, n) for n in ("timmerman", "metselaar", "schilder", "stratenmaker")]
    text = "Hij heeft wel hoogtevrees, dus dakdekker en steigerbouwer vallen af. nog andere opties?"
    tracker = parsed(repository, text, "ask_job_description", slots={"suggested": listed})
    messages, events = await run_action(ActionAnswerJobDescription(repository), tracker)
    kept = [i for e in events if e.get("name") == "suggested" for i in e["value"]]
    assert len(kept) > 1 and not set(kept) & {occupation_id(repository, n) for n in ("dakdekker", "steigerbouwer")}
    for info in map(repository.occupation, kept):
        assert "hoogte" not in repository.profile(info).working_conditions, info.name


def test_making_it_short_is_a_rewrite():
    assert (
        outside_reply("Mooi. Kunt u dat kort maken zodat ik het naar haar kan sturen?").response == "utter_no_rewrite"
    )


def test_a_health_matter_said_beside_a_myth_keeps_the_answer():
    from actions.outside import asks_something_else

    assert asks_something_else("Ik heb gehoord dat je in de techniek alleen buiten werkt. Mijn zoon heeft astma.")
    assert not asks_something_else("Kun je een sollicitatiebrief voor mij schrijven?")


@pytest.mark.parametrize(
    "text, asks",
    [
        ("wat kan ik hier allemaal vragen?", True),
        ("Wat kan ik allemaal met deze tool in de klas doen?", True),
        ("ik wil op een schip werken wat kan ik allemaal doen", False),
    ],
)
def test_what_can_i_do_asks_about_the_tool_only_when_it_says_so(text, asks):
    from actions.audience import ASKS_CAPABILITIES

    assert bool(ASKS_CAPABILITIES.search(text)) == asks


async def test_how_to_get_into_a_field_gives_the_routes_of_its_occupations(repository):
    from actions.route import ActionAnswerRoute

    text = "ik wil op een schip werken later hoe word je dat"
    messages, events = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages) == ["utter_compare_routes"], responses(messages)
    assert "Matroos" in messages[0]["regels"]


def test_which_of_them_with_mbo_2_asks_for_their_routes():
    from actions.comparison import ASKS_ROUTE

    for text in ("welke daarvan kan je al met mbo 2", "welke daarvan kun je met vmbo basis al in?"):
        assert ASKS_ROUTE.search(text), text
    assert not ASKS_ROUTE.search("welke van de twee verdient meer?")


def test_above_or_below_after_a_figure_compares_the_two(repository):
    from actions.compare import ActionCompareOccupations

    slots = {"occupation_id": occupation_id(repository, "procesoperator")}
    tracker = parsed(repository, "en een lasser, zit die daar boven of onder?", "nlu_fallback", slots=slots)
    assert rescue(Turn.read(tracker, repository), repository) is ActionCompareOccupations


def test_good_pay_asked_names_the_myth_about_pay(repository):
    text = "Is techniek nou echt zo goed betaald? Mijn vader was metselaar en had op zijn 55e een kapotte rug."
    assert repository.best_topic("myth", text).myth_id == "m02"


async def test_a_statement_pointed_at_by_its_place_gets_its_myth(repository):
    from actions.lesson import myth_statements
    from actions.topics import ActionAnswerMyth

    shown = myth_statements(repository).replies[0].values["stellingen"]
    text = "Geef bij de tweede mythe eens een paar harde cijfers"
    events = after_reply("Stellingen voor een gesprek in de klas:\n" + shown, text)
    tracker = parsed(repository, text, "nlu_fallback", events=events)
    turn = Turn.read(tracker, repository)
    assert rescue(turn, repository) is ActionAnswerMyth
    second = ActionAnswerMyth(repository).statement_pointed_at(turn)
    assert second is not None and f"'{second.myth}'" in shown.split("Stelling: ")[2]


async def test_the_school_topic_of_the_closing_question_decides(repository):
    from actions.topics import ActionAnswerEducation

    text = (
        "Mijn zoon van 17 wil snel geld verdienen. Hij wil iets met auto's of vrachtwagens repareren. "
        "Wat is beter voor hem bbl of bol?"
    )
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert messages[0].get("antwoord") == repository.topic("education", "bol-vs-bbl").answer, responses(messages)


def test_living_on_it_is_a_question_about_pay_and_no_interest(repository):
    from actions.also_asked import CUES

    text = "en kan ze daar later zelfstandig van wonen? huur is hier in rotterdam niet normaal"
    assert CUES["ask_salary"].search(text)
    assert "zelfstandig" not in [t.tag for t in repository.topics_named("interest", text)]


def test_an_age_after_the_pay_is_a_question_the_figure_cannot_split():
    from actions.pay import ASKS_AGE

    assert ASKS_AGE.search("en als ik 16 ben?")


def test_heights_disliked_after_the_word_rule_out_heights(repository):
    from actions.conditions import ruled_out

    text = "ik ben graag buiten en werk graag met mn handen maar hoogtes vind ik eng dus geen dakdekker enzo"
    assert [c.key for c in ruled_out(text)] == ["height"]
    assert "hoogte" not in [t.tag for t in repository.topics_named("interest", text)]


def test_a_conjunction_after_the_pay_verb_is_no_unknown_occupation():
    from bot.nlu.occupation_cues import cued_spans

    text = "kun je vertellen wat een elektricien gemiddeld verdient en of er genoeg werk is?"
    assert set(text[s:e] for s, e in cued_spans(text)) <= {"elektricien"}  # the name's place, never "en"


def test_pay_as_an_apprentice_is_pay_while_learning():
    from actions.pay import WHILE_LEARNING

    assert WHILE_LEARNING.search("en hoeveel krijgt hij dan ongeveer per maand als leerling")


async def test_a_condition_asked_after_an_occupation_quotes_its_work_text_not_the_myth(repository):
    from actions.topics import ActionAnswerMyth

    slots = {"occupation_id": occupation_id(repository, "procesoperator")}
    text = "Is dat werk met ploegendienst? en is het niet gevaarlijk met al die chemie"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth", slots=slots))
    assert responses(messages) == ["utter_work_condition"], responses(messages)
    general = parsed(repository, "is techniek niet gevaarlijk?", "ask_myth", slots=slots)
    messages, _ = await run_action(ActionAnswerMyth(repository), general)
    assert responses(messages)[0] == "utter_myth"


def test_can_someone_become_it_is_a_route_question(repository):
    from actions.route import ActionAnswerRoute

    tracker = parsed(repository, "Kan iemand met dyslexie wel elektricien worden?", "nlu_fallback")
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerRoute


def test_exam_time_and_ministers_are_outside():
    assert "examens" in outside_reply("weet u of hij recht heeft op extra tijd bij het examen?").values["verwijzing"]
    assert outside_reply("Wat vind jij van de plannen van de minister om de vmbo-examens te veranderen?")


def test_mavo_opens_mbo_level_four():
    from actions.levels import entry_level

    assert entry_level("en welke kan ik met mavo") == 4 and entry_level("ze zit in 3 kader") == 4


async def test_which_programmes_after_vmbo_basis_says_where_the_track_leads(repository):
    from actions.lists import ActionAnswerNextStep

    text = "ik zit in vmbo bb welke techniek opleidingen kan ik doen op mbo"
    messages, _ = await run_action(ActionAnswerNextStep(repository), parsed(repository, text, "ask_next_step"))
    assert responses(messages)[:2] == ["utter_education", "utter_mbo_directions"], responses(messages)


def test_schiphol_is_no_ship(repository):
    text = "is er werk genoeg? wij wonen in rotterdam, moet zij dan naar schiphol?"
    assert "water-en-schepen" not in [t.tag for t in repository.topics_named("interest", text)]


async def test_stories_of_women_with_their_share_when_both_are_asked(repository):
    from actions.stories import ActionAnswerStory

    text = "Heb je cijfers over hoeveel vrouwen in technische beroepen werken, en een paar verhalen van vrouwen?"
    messages, _ = await run_action(ActionAnswerStory(repository), parsed(repository, text, "ask_story"))
    assert responses(messages)[0] == "utter_stories" and len(responses(messages)) == 2, responses(messages)


def test_the_middle_one_of_a_list_is_its_middle(repository):
    listed = [occupation_id(repository, n) for n in ("elektricien", "installatiemonteur", "zonnepanelenmonteur")]
    tracker = parsed(repository, "en die middelste, hoe word je dat?", "ask_route", slots={"suggested": listed})
    assert Turn.read(tracker, repository).occupation.id == listed[1]


@pytest.mark.parametrize("text", ["is warmtepompmonteur een hype?", "gaat dat werk niet allemaal naar China?"])
def test_a_hype_or_work_moving_abroad_asks_about_the_future(text):
    from actions.comparison import ASKS_FUTURE

    assert ASKS_FUTURE.search(text)


def test_a_year_of_jobs_abbreviated_is_experience():
    from actions.comparison import ASKS_EXPERIENCE

    assert ASKS_EXPERIENCE.search("en na 10 jr ervaring")


def test_powerpoint_and_football_are_outside():
    assert outside_reply("kun je er een powerpoint van maken?")
    assert outside_reply("haha ok en feyenoord wordt toch kampioen dit jaar")
    assert outside_reply("hoeveel verdient een voetballer bij feyenoord") is None


async def test_which_of_a_list_with_a_level_narrows_it_and_shows_their_routes(repository):
    from actions.lists import ActionAnswerBestChances

    listed = [occupation_id(repository, n) for n in ("procesoperator", "maritiem officier", "matroos", "lasser")]
    tracker = parsed(repository, "en welke kan je met mbo 2", "ask_best_chances", slots={"suggested": listed})
    messages, events = await run_action(ActionAnswerBestChances(repository), tracker)
    assert "utter_compare_routes" in responses(messages) and "utter_left_out_for_level" in responses(messages)
    kept = {i for e in events if e.get("name") == "suggested" for i in e["value"]}
    assert occupation_id(repository, "maritiem officier") not in kept


def test_a_gt_pupil_is_a_vmbo_track():
    from actions.route import LEERWEG

    assert LEERWEG.search("welk mbo niveau heb je daarvoor nodig? en kan een gt leerling dat?")


def test_enough_work_after_an_occupation_is_its_prospects(repository):
    from actions.prospects import ActionAnswerProspects

    slots = {"occupation_id": occupation_id(repository, "vliegtuigmonteur")}
    text = "is er werk genoeg? wij wonen in rotterdam, moet zij dan naar schiphol?"
    tracker = parsed(repository, text, "nlu_fallback", slots=slots)
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerProspects


def test_bad_at_chemistry_names_the_myth_about_maths(repository):
    text = "moet je daar goed in scheikunde voor zijn want daar ben ik slecht in"
    assert repository.best_topic("myth", text).myth_id == "m13"


def test_what_would_you_choose_yourself_gets_no_taste_but_a_way_to_find_out():
    assert "snuffelstage" in outside_reply("wat vind jij zelf leuker").values["verwijzing"]


def test_a_share_with_a_percent_sign_asks_for_the_share_of_women():
    from actions.women import ASKS_WOMEN_SHARE

    assert ASKS_WOMEN_SHARE.search("klopt het dat maar zo'n 15% van de mensen in de techniek vrouw is?")


def test_a_possessive_is_no_unknown_occupation():
    from bot.nlu.occupation_cues import cued_spans

    text = "Als mijn zoon loodgieter wordt verdient hij dan meer dan in een magazijn?"
    assert "mijn" not in [text[s:e] for s, e in cued_spans(text)]


def test_a_care_plan_is_the_schools():
    assert (
        "zorgcoördinator"
        in outside_reply("kun je een handelingsplan schrijven voor een leerling?").values["verwijzing"]
    )


async def test_can_that_be_done_for_an_occupation_after_the_bbl_gives_its_route(repository):
    from actions.pay import ActionAnswerSalary

    text = "kan dat ook bij loodgieter"
    events = after_reply("In de bbl (beroepsbegeleidende leerweg) werkt de student bij een leerbedrijf.", text)
    tracker = parsed(repository, text, "ask_salary", events=events)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages)[0] == "utter_route", responses(messages)


async def test_the_difference_between_bol_and_bbl_and_how_much_he_gets_are_both_answered(repository):
    from actions.topics import ActionAnswerEducation

    text = (
        "Wat is nou het verschil tussen bol en bbl? School zegt dat mijn zoon bbl kan doen, dan verdient hij al geld."
        " Hoeveel krijgt hij dan ongeveer?"
    )
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    answers = [m.get("antwoord") for m in messages]
    assert repository.topic("education", "bol-vs-bbl").answer in answers
    assert repository.topic("education", "loon-in-de-bbl").answer in answers


def test_homework_is_outside():
    assert outside_reply("Kunnen mijn leerlingen je ook gebruiken voor hun wiskundehuiswerk?")


@pytest.mark.parametrize(
    "text", ["die tweede, wat is dat precies?", "Wat is een koeltechnicus eigenlijk? Zijn oom zegt dat"]
)
def test_what_is_that_is_a_question_about_the_work(repository, text):
    from actions.description import ActionAnswerJobDescription

    listed = [occupation_id(repository, n) for n in ("stratenmaker", "timmerman", "metselaar")]
    tracker = parsed(repository, text, "nlu_fallback", slots={"suggested": listed})
    turn = Turn.read(tracker, repository)
    assert rescue(turn, repository) is ActionAnswerJobDescription
    if "tweede" in text:
        assert turn.occupation.id == listed[1]


def test_logging_in_and_medicines_are_outside():
    assert (
        "DigiD" in outside_reply("Weet u ook hoe ik bij DUO kan inloggen? foutmelding bij digid").values["verwijzing"]
    )
    assert "huisarts" in outside_reply("Welke medicijnen helpen het best voor concentratie?").values["verwijzing"]


async def test_a_language_worry_without_an_occupation_says_who_can_tell(repository):
    from actions.route import ActionAnswerRoute

    text = (
        "dzien dobry, mijn zoon 17 jaar, spreek nog niet goed nederlands. kan hij toch mbo techniek doen? welke niveau?"
    )
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert "utter_language_support" in responses(messages) and "utter_ask_occupation" not in responses(messages)
