"""Kinds of question the twelfth round's development parts (bc, bd) and their judges showed failing."""

import pytest
from helpers import after_reply, only, parsed, responses, run_action

from actions.base import SCHOOL_SUBJECT
from actions.compare import ActionCompareOccupations
from actions.conditions import CONDITIONS
from actions.conversation import ActionFallback
from actions.outside import outside_reply
from actions.pay import ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.rescue import rescue
from actions.topics import ActionAnswerMyth, ActionAnswerSector
from actions.turn import Turn
from bot.nlu.occupation_cues import cued_spans
from occupations.normalize import base_word

# the actions read the server's repository; these tests hand them the test run's own
pytestmark = pytest.mark.usefixtures("the_servers_repository")

SOME_PAY_ANSWER = "Procesoperator: dit hoort bij de groep 'Procesoperators'. De helft verdient meer dan € 26,10."


def occupation_of(repository, display_name: str) -> str:
    return next(info.id for info in repository.featured_occupations() if repository.display_name(info) == display_name)


@pytest.mark.parametrize("plural, single", [("laboranten", "laborant"), ("assistenten", "assistent")])
def test_plurals_in_en_reach_their_name(plural, single):
    assert base_word(plural) == base_word(single)


def test_laboranten_is_an_occupation_in_a_sentence(repository):
    tracker = parsed(repository, "is er werk voor laboranten in de buurt van rotterdam?", "ask_prospects")
    assert [e["value"] for e in tracker.latest_message["entities"] if e["entity"] == "beroep"] == ["laboranten"]


async def test_more_pay_for_the_nights_after_one_occupation_is_its_pay_with_the_shift_note(repository):
    text = "En verdient hij dan meer door die nachten?"
    operator = occupation_of(repository, "Procesoperator")
    tracker = parsed(
        repository, text, "compare_occupations", slots={"occupation_id": operator}, events=after_reply("...", text)
    )
    messages, _ = await run_action(ActionCompareOccupations(repository), tracker)
    said = responses(messages)
    assert "utter_ask_occupation" not in said and "utter_shift_allowance" in said, said


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wat is procesoperator precies? Mijn zoon heeft het over niks anders sinds een excursie naar Botlek", "desc"),
        ("moet je daar ook snachts werken? lijkt me niks", "desc"),
        ("zonnepanelen installeren is dat moeilijk", "desc"),
        ("En hoe lang is de school dan? Hij moet ook een beetje werken voor geld thuis.", "route"),
    ],
)
def test_the_rescue_reads_the_question_about_the_occupation(repository, text, expected):
    from actions.description import ActionAnswerJobDescription
    from actions.route import ActionAnswerRoute

    operator = occupation_of(repository, "Procesoperator")
    turn = Turn.read(parsed(repository, text, "nlu_fallback", slots={"occupation_id": operator}), repository)
    wanted = {"desc": ActionAnswerJobDescription, "route": ActionAnswerRoute}[expected]
    assert rescue(turn, repository) is wanted


async def test_a_parent_asking_if_he_must_find_a_company_himself_gets_the_placement_topic(repository):
    tracker = parsed(repository, "Moet hij dan zelf een bedrijf zoeken?", "nlu_fallback")
    messages, _ = await run_action(ActionFallback(), tracker)
    answer = " ".join(m.get("text") or str(m.get("response")) for m in messages)
    topics = [m for m in messages if m.get("response") == "utter_education"]
    assert topics and "stagemarkt.nl" in topics[0]["antwoord"], answer


def test_no_pension_as_a_zzp_worry_is_not_the_retirement_question():
    assert outside_reply("Ik hoor dat ze allemaal zzp'er moeten worden en dan geen pensioen hebben.") is None
    assert outside_reply("gaan er veel met pensioen in de bouw?") is not None


async def test_a_field_asked_about_for_later_work_gets_the_fields_work_figures(repository):
    text = "Hij gaat installatietechniek doen op mbo niveau 3 in september. Is dat een goede keuze qua werk later?"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    said = responses(messages)
    assert said[0] == "utter_sector_intro", said


@pytest.mark.parametrize(
    "text, asks",
    [
        ("moet je daarvoor goed zijn in scheikunde? want ik ben er echt slecht in", True),
        ("heb je natuurkunde nodig voor die opleiding?", True),
        ("mijn dochter is heel goed in biologie en scheikunde", False),  # a strength: an interest
    ],
)
def test_a_school_subject_is_asked_about_only_as_a_need_or_a_weakness(text, asks):
    assert bool(SCHOOL_SUBJECT.search(text)) is asks


async def test_a_school_subject_after_an_occupation_says_who_knows_and_gives_the_route(repository):
    text = "moet je daarvoor goed zijn in scheikunde? want ik ben er echt slecht in haha"
    analyst = occupation_of(repository, "Laboratoriumanalist")
    tracker = parsed(repository, text, "ask_myth", slots={"occupation_id": analyst})
    messages, _ = await run_action(ActionAnswerMyth(repository), tracker)
    said = responses(messages)
    assert said[0] == "utter_school_subject" and only(messages, "utter_school_subject")["vak"] == "scheikunde"
    assert "utter_route" in said, said


async def test_a_reaction_before_a_bare_name_keeps_the_question_asked_before(repository):
    text = "ok saai. en een vliegtuigmonteur dan"
    tracker = parsed(
        repository,
        text,
        "ask_job_description",
        events=[{"event": "action", "name": "action_answer_salary"}]
        + after_reply("Beroepssporter is geen technisch beroep.", text),
    )
    from actions.description import ActionAnswerJobDescription

    messages, _ = await run_action(ActionAnswerJobDescription(repository), tracker)
    assert "utter_job_description" not in responses(messages), responses(messages)
    assert any("€" in str(m.get("mediaan_uur", "")) or "salary" in (m.get("response") or "") for m in messages)


def test_places_at_a_refinery_list_the_operator_filed_under_the_port(repository):
    working_there = [repository.display_name(i) for i in repository.occupations_working_at(["raffinaderij"])]
    assert "Procesoperator" in working_there


async def test_which_occupations_at_a_refinery_names_the_operator_first(repository):
    text = "Welke beroepen zijn er eigenlijk allemaal bij zo'n raffinaderij?"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    listed = only(messages, "utter_sector")["beroepen"]
    assert listed.splitlines()[0].startswith("- Procesoperator"), listed


def test_the_sector_the_question_names_wins_over_the_context(repository):
    text = (
        "Wij wonen in Spijkenisse en de halve straat werkt in de haven. Wat voor technische banen zijn er in de "
        "haven voor een jongen met vmbo? En hebben die nog toekomst, ik lees dat de fabrieken moeten verduurzamen."
    )
    assert repository.best_topic("sector", text).sector == "haven-maritiem-logistiek"


@pytest.mark.parametrize(
    "text",
    [
        "Kun je een stageplek voor een leerling van mij regelen bij Shell Pernis?",
        "kunt u een leerbedrijf voor hem zoeken?",
    ],
)
def test_arranging_a_placement_is_declined_with_where_to_look(text):
    reply = outside_reply(text)
    assert reply is not None and "stagemarkt.nl" in reply.values.get("verwijzing", "")


def test_how_to_find_a_placement_is_no_request_to_arrange_one():
    assert outside_reply("hoe vind ik een stageplek?") is None


def test_an_unknown_name_before_the_pay_verb_is_in_an_occupations_place():
    text = "Mijn klas vraagt steeds hoeveel een YouTuber verdient"
    assert [text[s:e] for s, e in cued_spans(text)] == ["YouTuber"]


async def test_two_side_by_side_mark_a_mostly_higher_educated_group(repository):
    text = "Verdient een ICT'er meer dan een elektricien? Mijn zoon zit in 4 vmbo TL"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    assert "Databank" in only(messages, "utter_pay_level_note")["groep"]


async def test_occupations_asked_for_beside_the_dirty_and_heavy_myths_are_listed_with_pay(repository):
    text = "Leerlingen denken dat techniek vies en zwaar werk is. Welke technische beroepen kan ik laten zien?"
    messages, events = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    listed = only(messages, "utter_these_occupations")["beroepen"]
    assert "€" in listed and any(e.get("name") == "suggested" for e in events)


async def test_a_monthly_amount_asked_after_one_pay_answer_is_that_pay(repository):
    text = "Kun je het omrekenen naar een maandbedrag bij een werkweek van 38 uur?"
    operator = occupation_of(repository, "Procesoperator")
    tracker = parsed(
        repository, text, "nlu_fallback", slots={"occupation_id": operator}, events=after_reply(SOME_PAY_ANSWER, text)
    )
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerSalary


def test_electrocution_is_the_safety_condition():
    safety = next(c for c in CONDITIONS if c.key == "safety")
    assert safety.asked.search("kan je als elektricien makkelijk dood gaan door stroom")


async def test_a_zzp_worry_beside_prospects_gets_the_self_employed_note(repository):
    text = "Is er werk als timmerman? Ik hoor dat ze allemaal zzp'er moeten worden."
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    assert "utter_self_employed" in responses(messages)


# Parts be, bf and their judges.


async def test_a_future_worry_gets_what_the_energy_transition_asks_of_the_work(repository):
    text = "heeft procesoperator nog toekomst nu de fabrieken moeten verduurzamen?"
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    assert "waterstof" in only(messages, "utter_energy_transition")["tekst"]


async def test_prospects_without_a_future_worry_leave_the_energy_transition_out(repository):
    text = "is er werk als procesoperator?"
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    assert "utter_energy_transition" not in responses(messages)


@pytest.mark.parametrize(
    "text",
    [
        "Kunt u een goede psycholoog of coach aanraden bij ons in de buurt?",
        "Kan ik via jullie ook een warmtepomp laten installeren en weet u wat dat kost?",
    ],
)
def test_care_providers_and_services_are_declined(text):
    reply = outside_reply(text)
    assert reply is not None and reply.response == "utter_outside"


def test_stopping_school_is_said_plainly_without_a_refusal():
    reply = outside_reply("Hij is 16. Mag hij eigenlijk al stoppen met school?")
    assert reply is not None and reply.response == "utter_outside_beside"
    assert "leerplicht" in reply.values["verwijzing"]


def test_a_general_word_beside_its_specific_name_is_no_second_occupation(repository):
    text = "ze komen monteurs te kort. Is monteur warmtepompen een echte opleiding?"
    turn = Turn.read(parsed(repository, text, "ask_route"), repository)
    assert [repository.display_name(info) for info in turn.found] == ["Monteur warmtepompen"]


@pytest.mark.parametrize(
    "text, unknown",
    [
        ("kan je ook pro gamer worden lol", "pro gamer"),  # not a misspelt programmer
        ("wat iemand met mbo-4 verdient vergeleken met het gemiddelde", None),  # no "vergelek" + "en"
        ("en wat kan je daarmee worden", None),
    ],
)
def test_words_in_an_occupations_place(repository, text, unknown):
    turn = Turn.read(parsed(repository, text, "ask_route"), repository)
    unknowns = [m.text for m in turn.mentions if m.occupation is None and not m.candidates]
    assert unknowns == ([unknown] if unknown else [])


@pytest.mark.parametrize("text", ["mijn zoon wil netwerk en servers doen", "verdien je meer met een diploma?"])
def test_common_words_are_no_misspelt_names(repository, text):
    assert Turn.read(parsed(repository, text, "ask_salary"), repository).found == []


async def test_a_condition_after_two_compared_is_answered_for_each(repository):
    text = "haha ze vragen ook of je daar ploegendiensten moet draaien"
    operator, welder = occupation_of(repository, "Procesoperator"), occupation_of(repository, "Lasser")
    slots = {"occupation_id": welder, "suggested": [operator, welder]}
    from actions.description import ActionAnswerJobDescription

    tracker = parsed(repository, text, "ask_job_description", slots=slots)
    messages, _ = await run_action(ActionAnswerJobDescription(repository), tracker)
    lines = only(messages, "utter_compare_work")["regels"]
    assert "Procesoperator" in lines and "Lasser" in lines


def test_a_figure_asked_for_with_its_source_is_no_question_about_the_sources(repository):
    text = "Kun je bij 'slecht betaald' een concreet voorbeeld geven met uurloon en bron?"
    from actions.data_source import ActionAnswerDataSource

    turn = Turn.read(parsed(repository, text, "nlu_fallback"), repository)
    assert rescue(turn, repository) is not ActionAnswerDataSource


def test_the_years_of_a_comparisons_work_figures_are_named():
    from actions.data_source import years_shown

    reply = (
        "€ 21,00 bruto per uur (tabel 85517NED), 2022). Werk: 98.000 werkenden in het 4e kwartaal van 2025, 1% minder"
    )
    assert years_shown(reply) == "2022 en het 4e kwartaal van 2025"


async def test_what_the_person_in_a_story_thinks_is_their_quote_marked_as_invented(repository):
    story = next(s for s in repository.stories() if s.is_illustration)
    text = "en wat vond diegene het leukste aan dat werk"
    told = f"Voorbeeldverhaal: {story.person_name} ({story.age}), ..."
    from actions.stories import ActionAnswerStory

    tracker = parsed(repository, text, "ask_story", events=after_reply(told, text))
    messages, _ = await run_action(ActionAnswerStory(repository), tracker)
    assert only(messages, "utter_story_quote_invented")["citaat"] == story.quote


def test_a_condition_named_before_a_question_pointing_back_is_asked():
    from actions.conditions import asked_conditions

    asked = {
        c.key for c in asked_conditions("Hij zei iets over ploegendienst. Is dat niet zwaar voor zo'n jong iemand?")
    }
    assert "hours" in asked


async def test_another_figure_seen_in_the_cao_is_explained(repository):
    text = "En waarom wijkt jullie bedrag voor elektricien af van wat ik in de cao zie staan?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages)[0] == "utter_figures_differ"


async def test_occupations_besides_those_named_leave_them_out(repository):
    text = "Ik geef een les aan vmbo 3 PIE. Welke technische beroepen kan ik laten zien naast elektricien en lasser?"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    listed = only(messages, "utter_these_occupations")["beroepen"]
    assert "Elektricien" not in listed and "Lasser" not in listed and "€" in listed


async def test_a_story_asked_from_a_field_after_a_list_comes_from_that_field(repository):
    from actions.stories import ActionAnswerStory

    text = "kun je er eentje uitkiezen die ik kan voorlezen, liefst iemand die in de haven werkt?"
    port = {info.profile_slug for info in repository.occupations_in_sector("haven-maritiem-logistiek")}
    outside = [s for s in repository.stories() if s.occupation_slug not in port]
    listed = [
        occupation_of(repository, repository.display_name(repository.occupation_by_slug(outside[0].occupation_slug)))
    ]
    tracker = parsed(repository, text, "ask_story", slots={"suggested": listed})
    messages, _ = await run_action(ActionAnswerStory(repository), tracker)
    assert "Haven" in only(messages, "utter_story_from_field")["richting"]


# The blind part bb (after its one measurement) and part bg.


async def test_a_field_whose_every_occupation_is_ruled_out_is_answered_without_an_error(repository):
    text = "houdt van gamen en computers maar wil niet de hele dag op kantoor zitten. Hoe zijn de baankansen in ICT?"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    assert "utter_error" not in responses(messages)


def test_a_liking_said_to_be_less_is_no_liking(repository):
    text = "Ze tekent veel en is heel precies. Met haar handen werken vindt ze minder."
    assert "met-je-handen" not in [i.tag for i in repository.topics_named("interest", text)]


@pytest.mark.parametrize(
    "text, declined",
    [
        ("Kun je bij de stelling een concreet cijfer geven dat ik op het bord kan zetten?", False),
        ("Kun je een cijfer geven voor het werkstuk van mijn leerling?", True),
        ("Welke mbo heeft de beste slagingspercentages voor techniek, Albeda of Zadkine?", True),
        ("Weet jij in welke LB-schaal een vmbo-docent zit?", True),
        ("En mag hij met 17 al op daken en steigers werken van de wet?", True),
    ],
)
def test_requests_outside_career_information(text, declined):
    reply = outside_reply(text)
    assert (reply is not None and reply.response == "utter_outside") is declined


def test_not_wanting_school_any_more_gets_the_rules_said_plainly():
    reply = outside_reply("Mijn zoon is 17 en wil niet meer naar school, hij wil werken.")
    assert reply is not None and "kwalificatieplicht" in reply.values["verwijzing"]


async def test_only_other_work_compared_gets_technical_work_beside_it(repository):
    text = "in de techniek verdien je weinig, vergeleken met kassamedewerker of verkoper?"
    messages, events = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    compared = [repository.occupation(i) for e in events if e.get("name") == "suggested" for i in e["value"]]
    assert any(repository.is_technical(info) for info in compared)


@pytest.mark.parametrize(
    "text, asked",
    [
        ("zonnepanelen monteur verdiend dat goed? en moet je op daken staan", "ask_salary"),
        (
            "Wat doet een laborant eigenlijk, welke opleiding hoort erbij en wat verdien je ermee?",
            "ask_job_description",
        ),
        ("Hoe word je dat eigenlijk en is er echt zoveel werk in?", "ask_prospects"),
    ],
)
def test_further_questions_in_other_words(text, asked):
    from actions.also_asked import other_questions

    assert asked in other_questions(text, "ask_route")


async def test_a_girls_worry_beside_her_question_gets_the_women_myth(repository):
    text = "ik ben een meisje kan ik wel elektricien worden of is dat raar"
    from actions.route import ActionAnswerRoute

    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    said = responses(messages)
    assert "utter_route" in said and only(messages, "utter_myth")["mythe"] == "Techniek is niks voor meisjes."


async def test_the_same_question_from_a_boy_does_not_get_the_women_myth(repository):
    text = "ik ben een jongen, kan ik elektricien worden?"
    from actions.route import ActionAnswerRoute

    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert "utter_myth" not in responses(messages)


async def test_which_school_subjects_beside_an_occupation(repository):
    text = "welke vakken moet je dan goed in zijn"
    analyst = occupation_of(repository, "Laboratoriumanalist")
    tracker = parsed(repository, text, "ask_interest", slots={"occupation_id": analyst})
    from actions.topics import ActionAnswerInterest

    messages, _ = await run_action(ActionAnswerInterest(repository), tracker)
    assert responses(messages)[:2] == ["utter_which_subjects", "utter_route"]


def test_certificates_are_said_plainly():
    reply = outside_reply("Moet je daar extra certificaten voor halen?")
    assert reply is not None and reply.response == "utter_outside_beside"


async def test_a_short_prospects_follow_up_taken_for_a_myth_is_about_the_occupation(repository):
    text = "en word dat meer of minder"
    welder = occupation_of(repository, "Lasser")
    tracker = parsed(repository, text, "ask_myth", slots={"occupation_id": welder})
    messages, _ = await run_action(ActionAnswerMyth(repository), tracker)
    assert responses(messages)[0] == "utter_prospects"


async def test_trivia_for_a_quiz_gets_the_statements_with_sourced_facts(repository):
    text = "Kun je me 5 verrassende weetjes geven met cijfers erbij (en bron)?"
    turn = Turn.read(parsed(repository, text, "nlu_fallback"), repository)
    assert rescue(turn, repository) is ActionAnswerMyth
