"""Kinds of question the seventh round's development part and its judge showed failing."""

import re

import pytest
from helpers import occupation_id, only, parsed, responses, run_action

from actions.also_asked import other_questions
from actions.data_source import ActionAnswerDataSource
from actions.lists import ActionAnswerBestChances
from actions.outside import outside_reply
from actions.pay import ActionAnswerSalary
from actions.rescue import rescue
from actions.topics import ActionAnswerMyth
from actions.turn import Turn

# the actions read the server's repository; these tests hand them the test run's own
pytestmark = pytest.mark.usefixtures("the_servers_repository")


async def test_a_filler_word_inside_a_myth_still_names_it(repository):
    messages, _ = await run_action(
        ActionAnswerMyth(repository), parsed(repository, "mbo is toch niks mn vader zegt ik moet havo doen", "ask_myth")
    )
    assert only(messages, "utter_myth")["mythe"].startswith("Een kantoorbaan"), responses(messages)


def test_a_negation_is_no_filler_word(repository):
    assert repository.topic_score("myth", "mbo is toch niks") > repository.topic_score("myth", "mbo is niet niks")


async def test_the_best_paid_work_with_mbo_leaves_out_groups_of_mostly_higher_educated_and_says_so(repository):
    text = "yo wat is de best betaalde technische baan die je met mbo kan doen"
    messages, events = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    reply = only(messages, "utter_best_paid")
    assert "mbo-diploma" in reply["bereik"]
    listed = [repository.occupation(i) for e in events if e.get("name") == "suggested" for i in e["value"]]
    assert listed, events
    for info in listed:
        profile = repository.profile(info)
        assert profile.mbo_levels, repository.display_name(info)
        figure = repository.pay_in_year(info, int(reply["jaar"]))
        assert not repository.mostly_higher_educated(figure.group_code), repository.display_name(info)
    assert ("Niet in dit lijstje" in reply["let_op"]) == any(
        repository.mostly_higher_educated(f.group_code)
        for f in (repository.pay_in_year(i, int(reply["jaar"])) for i in repository.featured_occupations())
        if f
    )


async def test_the_best_paid_list_without_mbo_keeps_every_featured_occupation_in_the_running(repository):
    messages, _ = await run_action(
        ActionAnswerBestChances(repository),
        parsed(repository, "welk technisch beroep verdient het meest", "ask_best_chances"),
    )
    reply = only(messages, "utter_best_paid")
    assert reply["bereik"] == "" and reply["let_op"] == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Is dat bruto of netto?", ["utter_figures_gross", "utter_figures_more"]),
        ("is dat incl vakantiegeld en overwerk?", ["utter_figures_extras", "utter_figures_more"]),
        ("Waarom niet van dit jaar dan?", ["utter_figures_recent", "utter_figures_more"]),
        (
            "Heb je cijfers voor de regio Rijnmond of is alles landelijk?",
            ["utter_national_figures", "utter_figures_more"],
        ),
        (
            "Zijn dat bruto of netto bedragen, en per uur of per maand?",
            ["utter_figures_gross", "utter_figures_per_unit", "utter_figures_more"],
        ),
        ("Is dat bruto? En waar haalt u dat getal vandaan?", ["utter_figures_gross", "utter_data_source"]),
        ("waar komen je cijfers vandaan", ["utter_data_source"]),
    ],
)
async def test_a_narrow_question_about_the_figures_gets_its_own_short_answer(repository, text, expected):
    messages, _ = await run_action(ActionAnswerDataSource(repository), parsed(repository, text, "ask_data_source"))
    assert responses(messages) == expected


async def test_the_newest_figures_name_each_cbs_table_with_its_latest_period(repository):
    messages, _ = await run_action(
        ActionAnswerDataSource(repository), parsed(repository, "hoe recent zijn die cijfers?", "ask_data_source")
    )
    newest = only(messages, "utter_figures_recent")["nieuwste"]
    assert "85517NED" in newest and "85276NED" in newest and "ISCO" not in newest and "ESCO" not in newest


def test_a_question_whether_it_grew_after_the_figures_is_about_the_jobs(repository):
    from actions.prospects import ActionAnswerProspects

    slots = {"occupation_id": occupation_id(repository, "automonteur")}
    turn = Turn.read(parsed(repository, "en is dat meer geworden of minder", "ask_myth", slots=slots), repository)
    assert rescue(turn, repository) is ActionAnswerProspects


def test_much_work_in_it_is_a_second_question_about_prospects():
    text = "wat verdien je als zonnepanelen monteur en heb je daar veel werk in"
    assert other_questions(text, "ask_salary") == ["ask_prospects"]


def test_is_that_something_asks_what_the_work_is():
    assert "ask_job_description" in other_questions(
        "zonnepanelen instaleren is dat wat? heeft dat toekomst", "ask_prospects"
    )


def test_a_pupil_late_every_morning_is_for_the_school(repository):
    assert outside_reply("Hoe ga ik om met een leerling die elke ochtend te laat komt?") is not None


@pytest.mark.parametrize(
    "text", ["wat verdient ie dan", "Netwerkbeheerder vs ict support medewerker, hoeveel scheelt dat?"]
)
def test_a_pronoun_or_a_bare_medewerker_is_no_occupation(repository, text):
    turn = Turn.read(parsed(repository, text, "ask_salary"), repository)
    names = [repository.display_name(m.occupation) for m in turn.mentions if m.occupation]
    assert "Technicus drankenfiltering" not in names
    assert all(m.text.lower() != "ie" for m in turn.mentions)


@pytest.mark.parametrize(
    "text, name",
    [
        ("kan je ook rijk worden als prof gamer", "gamer"),
        ("een leerling vraagt of je als youtuber niet veel meer verdient", "youtuber"),
    ],
)
async def test_a_name_the_table_does_not_know_is_said_to_be_unknown(repository, text, name):
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert only(messages, "utter_unknown_occupation")["tekst"] == name


def test_a_company_word_settles_a_vague_name(repository):
    text = "Wat verdient een monteur bij een installatiebedrijf ongeveer?"
    turn = Turn.read(parsed(repository, text, "ask_salary"), repository)
    assert repository.display_name(turn.occupation) == "Installatiemonteur"


async def test_is_this_the_same_work_after_another_occupation_puts_both_side_by_side(repository):
    slots = {"occupation_id": occupation_id(repository, "zonnepanelenmonteur")}
    tracker = parsed(repository, "En warmtepomp, is dit zelfde werk?", "ask_salary", slots=slots)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    work = only(messages, "utter_compare_work")["regels"]
    assert "Zonnepanelenmonteur" in work and "Monteur warmtepompen" in work


def test_the_other_one_after_a_list_of_two_is_the_one_not_talked_about(repository):
    first, second = occupation_id(repository, "netwerkbeheerder"), occupation_id(repository, "ict-beheerder")
    slots = {"occupation_id": first, "suggested": [first, second]}
    turn = Turn.read(parsed(repository, "en die andere die u noemde?", "ask_route", slots=slots), repository)
    assert turn.occupation.id == second


def test_the_heat_pump_fitters_pay_is_that_of_installers_not_of_technicians(repository):
    info = repository.occupation(occupation_id(repository, "monteur warmtepompen"))
    figure = repository.pay_in_year(info, 2022)
    assert not repository.mostly_higher_educated(figure.group_code)
    assert "hbo" in repository.profile(info).pay_note


async def test_a_list_of_occupations_with_pay_and_source_is_the_list_not_the_sources(repository):
    from actions.data_source import ActionAnswerDataSource

    text = "Kun je me 5 technische beroepen geven waar je met mbo niveau 2 in kunt, met het bruto uurloon en de bron?"
    messages, _ = await run_action(ActionAnswerDataSource(repository), parsed(repository, text, "ask_data_source"))
    assert responses(messages) == ["utter_occupations_at_level"]


async def test_the_source_of_statement_three_is_the_third_statement_shown(repository):
    from actions.lesson import myth_statements

    shown = myth_statements(repository).replies[0].values["stellingen"]
    tracker = parsed(repository, "stelling 3 klopt volgens mij niet, waar haal je dat vandaan?", "ask_data_source")
    tracker.events.extend([{"event": "user", "text": "geef stellingen"}, {"event": "bot", "text": shown}])
    tracker.events.append({"event": "user", "text": "stelling 3 klopt volgens mij niet, waar haal je dat vandaan?"})
    messages, _ = await run_action(ActionAnswerDataSource(repository), tracker)
    third = only(messages, "utter_statement_source")
    assert third["nummer"] == "3" and third["stelling"] in shown.split("- Stelling: ")[3]


def test_each_statement_gets_its_own_fact(repository):
    from actions.lesson import myth_statements

    shown = myth_statements(repository).replies[0].values["stellingen"]
    facts = [line for line in shown.splitlines() if line.strip().startswith("Feit:")]
    assert len(facts) == len(set(facts)) >= 2


def test_the_occupation_asked_in_the_closing_question_is_the_subject(repository):
    text = (
        "Goedenavond, onze dochter twijfelt tussen ICT en iets met elektrotechniek. "
        "Wat doet een netwerkbeheerder eigenlijk?"
    )
    turn = Turn.read(parsed(repository, text, "ask_job_description"), repository)
    assert repository.display_name(turn.occupation) == "Netwerkbeheerder"


async def test_the_second_one_named_in_a_list_gets_its_pay_and_route_even_when_read_as_a_school_question(repository):
    from actions.topics import ActionAnswerEducation

    listed = [occupation_id(repository, name) for name in ("matroos binnenvaart", "stratenmaker", "lasser")]
    slots = {"suggested": listed}
    text = "die tweede die je noemde, wat verdien je daarmee? en welk mbo niveau heb je nodig"
    messages, _ = await run_action(
        ActionAnswerEducation(repository), parsed(repository, text, "ask_education", slots=slots)
    )
    names = responses(messages)
    assert names[0].startswith("utter_salary") and "utter_route" in names, names


async def test_zzp_after_an_occupation_is_about_its_pay_not_an_interest(repository):
    from actions.topics import ActionAnswerInterest

    slots = {"occupation_id": occupation_id(repository, "timmerman")}
    tracker = parsed(repository, "en als hij later eigen baas word? zzp", "ask_interest", slots=slots)
    messages, _ = await run_action(ActionAnswerInterest(repository), tracker)
    assert "utter_self_employed" in responses(messages)


def test_which_of_them_from_vmbo_basis_is_the_list_narrowed_by_level(repository):
    from actions.route import ActionAnswerRoute

    listed = [occupation_id(repository, name) for name in ("matroos binnenvaart", "scheepswerktuigkundige")]
    slots = {"suggested": listed}
    turn = Turn.read(
        parsed(repository, "en welke daarvan kunnen ze met vmbo basis beginnen", "nlu_fallback", slots=slots),
        repository,
    )
    assert rescue(turn, repository) is ActionAnswerRoute


async def test_a_liking_named_by_a_word_of_an_occupations_name_puts_that_occupation_first(repository):
    from actions.topics import ActionAnswerInterest

    messages, events = await run_action(
        ActionAnswerInterest(repository), parsed(repository, "ik wil later iets met vliegtuigen", "ask_interest")
    )
    listed = next(e["value"] for e in events if e.get("name") == "suggested")
    assert repository.display_name(repository.occupation(listed[0])) == "Vliegtuigmonteur"


async def test_is_that_technical_for_work_the_cbs_counts_elsewhere_says_so_plainly(repository):
    from actions.topics import ActionAnswerMyth

    tracker = parsed(repository, "oke en tandtechnicus? das toch wel techniek", "ask_myth")
    messages, _ = await run_action(ActionAnswerMyth(repository), tracker)
    said = only(messages, "utter_is_not_technical_by_cbs")
    assert said["groep"] != "Artsen" and "utter_myth" not in responses(messages)


def test_a_dental_technician_is_not_paid_as_a_doctor(repository):
    info = repository.occupation(occupation_id(repository, "tandtechnicus"))
    assert repository.group_title(info.brc_group) != "Artsen"
    assert "tandarts" in repository.profile(info).pay_note


async def test_is_that_technical_after_other_work_is_not_said_about_that_work(repository):
    from actions.topics import ActionAnswerSector

    slots = {"occupation_id": occupation_id(repository, "verzorgende")}
    tracker = parsed(repository, "is logistiek eigenlijk techniek", "ask_sector", slots=slots)
    messages, _ = await run_action(ActionAnswerSector(repository), tracker)
    assert "utter_is_not_technical_by_cbs" not in responses(messages)


async def test_a_name_the_table_does_not_know_beside_a_known_one_is_said_before_the_answer(repository):
    text = "de klas wil weten: wat verdient een youtuber vs een elektricien"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    names = responses(messages)
    assert names[0] == "utter_unknown_beside" and any(n.startswith("utter_salary") for n in names), names


async def test_the_word_techniek_alone_gets_what_can_be_asked(repository):
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, "techniek", "ask_myth"))
    assert responses(messages) == ["utter_capabilities"]


async def test_countering_an_image_in_class_gets_the_myths_not_a_list_of_visits(repository):
    from actions.lists import ActionAnswerNextStep

    text = "Hoe kan ik het beeld 'techniek is vies en zwaar' bij mijn leerlingen tegengaan?"
    messages, _ = await run_action(ActionAnswerNextStep(repository), parsed(repository, text, "ask_next_step"))
    myths = [m["mythe"] for m in messages if m.get("response") == "utter_myth"]
    assert len(myths) == 2 and "utter_next_step" not in responses(messages)


async def test_self_employment_asked_of_the_occupations_on_the_table_is_answered_beside_them(repository):
    from actions.compare import ActionCompareOccupations

    listed = [occupation_id(repository, name) for name in ("metselaar", "schilder")]
    slots = {"suggested": listed, "occupation_id": listed[1]}
    text = "En als hij later eigen baas wil worden, kan dat in die beroepen?"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "ask_salary", slots=slots)
    )
    assert "utter_self_employed" in responses(messages)


def test_per_se_is_no_occupation(repository):
    turn = Turn.read(parsed(repository, "Mijn zoon wil dat perse worden", "inform_occupation"), repository)
    assert not turn.found


async def test_comparing_with_a_name_the_table_lacks_answers_the_known_one(repository):
    from actions.compare import ActionCompareOccupations

    text = "de klas wil weten: wat verdient een youtuber vs een elektricien"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    names = responses(messages)
    assert names[0] == "utter_unknown_beside" and names[1].startswith("utter_salary"), names


async def test_can_that_be_done_in_the_bbl_after_an_occupation_gives_its_route_and_the_bbl(repository):
    from actions.topics import ActionAnswerEducation

    slots = {"occupation_id": occupation_id(repository, "procesoperator")}
    tracker = parsed(repository, "en kan dat ook bbl?", "ask_education", slots=slots)
    messages, _ = await run_action(ActionAnswerEducation(repository), tracker)
    assert responses(messages)[:2] == ["utter_route", "utter_education"]
    assert "procesoperator" in only(messages, "utter_route")["naam_zin"]


async def test_which_occupations_of_a_sector_at_mbo_level_lists_the_sector(repository):
    from actions.topics import ActionAnswerEducation

    tracker = parsed(repository, "Welke maritieme beroepen zijn er op mbo-niveau?", "ask_education")
    messages, _ = await run_action(ActionAnswerEducation(repository), tracker)
    assert responses(messages)[0] == "utter_sector"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hij wil niet stilzitten, hij houdt van buiten werken", ["screen"]),
        ("geen zin heeft om de hele dag achter een scherm te zitten", ["screen"]),
        ("ik wil iets dat niet gevaarlijk is", []),
        ("ik weet niet wat ik wil, ik vind buiten chill", []),
    ],
)
def test_what_a_negation_rules_out_stays_in_its_clause(text, expected):
    from actions.conditions import ruled_out

    assert [c.key for c in ruled_out(text)] == expected


async def test_a_parents_worry_about_safety_beside_another_question_quotes_the_work_text(repository):
    from actions.prospects import ActionAnswerProspects

    text = "Mijn dochter wil lasser worden. Is dat wel iets voor een meisje? Ik maak me zorgen over de veiligheid."
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    quoted = only(messages, "utter_work_condition")["zinnen"]
    assert (
        quoted
        and quoted in repository.profile(repository.occupation(occupation_id(repository, "lasser"))).working_conditions
    )


def test_a_short_request_about_a_sector_read_as_out_of_scope_gets_the_sector(repository):
    turn = Turn.read(parsed(repository, "iets over de haven voor mijn les morgen?", "out_of_scope"), repository)
    from actions.topics import ActionAnswerSector

    assert rescue(turn, repository, topics_only=True) is ActionAnswerSector


async def test_what_can_i_do_here_beside_a_request_gets_both(repository):
    from actions.quiz import ActionQuiz

    text = "Wat kan ik allemaal met deze tool in de klas doen? En kun je meteen 5 stellingen over techniek geven?"
    messages, _ = await run_action(ActionQuiz(repository), parsed(repository, text, "start_quiz"))
    assert responses(messages)[:2] == ["utter_capabilities", "utter_myth_statements"]


def test_a_place_where_the_writer_works_is_no_question_about_a_region():
    from actions.base import asks_for_a_region

    assert not asks_for_a_region("Ik ben decaan op een vmbo in Rotterdam-Zuid. Wat verdient een lasser?")
    assert asks_for_a_region("Wat verdient een lasser in Rotterdam?")


async def test_other_vmbo_profiles_named_for_a_route_get_what_a_profile_means_for_access(repository):
    from actions.route import ActionAnswerRoute

    text = "Welke vmbo-profielen sluiten aan op installatiemonteur? Mijn leerlingen twijfelen tussen PIE, BWI en M&T."
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert "beperkt de toegang" in only(messages, "utter_education")["antwoord"]


def test_not_wanting_to_sit_inside_rules_out_nothing_outdoor():
    from actions.conditions import ruled_out

    assert ruled_out("heb een groepje dat echt niet binnen wil zitten") == []


async def test_namesakes_that_are_all_other_work_get_the_not_technical_answer(repository):
    from actions.route import ActionAnswerRoute

    text = "Mijn dochter wil dierenarts worden, wat moet ze daarvoor doen?"
    messages, events = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages) == ["utter_not_technical_only"]
    assert not [e for e in events if e.get("name") == "occupation_id"]


def test_a_word_before_a_vague_name_can_settle_it(repository):
    slots = {"occupation_id": occupation_id(repository, "automonteur")}
    turn = Turn.read(parsed(repository, "en een monteur van elektrische autos?", "ask_salary", slots=slots), repository)
    assert repository.display_name(turn.occupation) == "Automonteur"


def test_going_on_to_hbo_after_an_occupation_is_a_route_question():
    assert "ask_route" in other_questions(
        "wat verdient een scheepsbouwer? en kan hij daarna door naar het hbo?", "ask_salary"
    )


@pytest.mark.parametrize(
    "text",
    ["wordt het morgen droog in rotterdam?", "kun je een brief maken om te solliciteren bij een garage?"],
)
def test_weather_and_letters_are_outside(text):
    assert outside_reply(text) is not None


def test_two_names_of_one_occupation_are_one_occupation(repository):
    turn = Turn.read(
        parsed(repository, "is er nog wel werk als zonnepaneel monteur over 5 jaar", "ask_prospects"), repository
    )
    assert len(turn.found) == 1


async def test_two_occupations_with_the_same_borrowed_pay_are_said_to_show_no_difference(repository):
    from actions.compare import ActionCompareOccupations

    text = "installatiemonteur of koeltechnicus wat verdient meer"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    assert "geen verschil" in only(messages, "utter_compare_verdict")["uitkomst"]


async def test_which_has_the_biggest_shortage_says_there_are_no_shortages_per_occupation(repository):
    from actions.compare import ActionCompareOccupations

    text = "timmerman, metselaar of dakdekker, welke van deze 3 heeft het grootste tekort?"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    assert "utter_compare_shortage" in responses(messages)


async def test_more_pay_at_a_higher_level_after_an_occupation_gives_its_pay_and_says_none_per_level(repository):
    from actions.topics import ActionAnswerEducation

    slots = {"occupation_id": occupation_id(repository, "installatiemonteur")}
    text = "En als hij doorgaat naar niveau 3 of 4, verdient hij dan meer?"
    messages, _ = await run_action(
        ActionAnswerEducation(repository), parsed(repository, text, "ask_education", slots=slots)
    )
    names = responses(messages)
    assert names[0].startswith("utter_salary") and "utter_pay_not_by_level" in names, names


async def test_a_story_asked_beside_figures_is_told_too(repository):
    from actions.topics import ActionAnswerMyth

    text = "Heb je cijfers over hoeveel vrouwen in de techniek werken? En misschien een verhaal van een vrouw?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert "utter_story" in responses(messages)


async def test_a_long_story_of_ones_own_asks_for_no_story(repository):
    from actions.topics import ActionAnswerInterest

    text = "Ik heb een lang verhaal maar ik probeer het kort te houden. Mijn zoon repareert fietsen. Wat past bij hem?"
    messages, _ = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    assert "utter_story" not in responses(messages)


def test_a_word_of_one_listed_name_points_at_that_occupation(repository):
    listed = [occupation_id(repository, name) for name in ("ict-beheerder", "netwerkbeheerder", "data-analist")]
    turn = Turn.read(
        parsed(
            repository, "Dat netwerk ding, wat doe je daar precies?", "ask_job_description", slots={"suggested": listed}
        ),
        repository,
    )
    assert repository.display_name(turn.occupation) == "Netwerkbeheerder"


async def test_a_pay_floor_keeps_only_occupations_above_it_and_names_those_without_a_figure(repository):
    from actions.pay import ActionAnswerSalary

    text = "Welke technische beroepen hebben een uurloon boven de 20 euro en zijn te bereiken met een mbo 2 diploma?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    listed = only(messages, "utter_occupations_at_level")["beroepen"]
    amounts = [float(a.replace(",", ".")) for a in re.findall(r"€ (\d+,\d\d)", listed)]
    assert amounts and all(a > 20 for a in amounts)
    assert only(messages, "utter_pay_floor")["bedrag"] == "€ 20"


def test_how_do_i_become_an_unknown_name_says_it_is_unknown(repository):
    turn = Turn.read(parsed(repository, "hoe word ik influencer", "ask_route"), repository)
    assert [m.text for m in turn.mentions] == ["influencer"] and turn.mentions[0].status == "unknown"


async def test_a_language_worry_alone_gets_who_can_tell(repository):
    from actions.conversation import ActionFallback

    messages, _ = await run_action(
        ActionFallback(), parsed(repository, "hij spreek nog niet goed nederlands. is probleem?", "nlu_fallback")
    )
    assert responses(messages) == ["utter_language_support"]


async def test_what_can_i_ask_here_with_context_gets_what_can_be_asked(repository):
    from actions.route import ActionAnswerRoute

    text = "Goedendag, ik heb dit nummer gekregen van de school van mijn dochter. Wat kan ik hier vragen?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages) == ["utter_capabilities"]


def test_pupils_of_a_year_are_no_misspelt_welder(repository):
    turn = Turn.read(parsed(repository, "hoe leg ik bol en bbl uit aan 4e klassers", "ask_education"), repository)
    assert not turn.found


async def test_which_of_the_list_can_be_done_in_the_bbl_gives_each_ones_route(repository):
    from actions.topics import ActionAnswerEducation

    listed = [occupation_id(repository, name) for name in ("procesoperator", "lasser", "elektricien")]
    tracker = parsed(repository, "en welke daarvan kun je via bbl doen?", "ask_education", slots={"suggested": listed})
    messages, _ = await run_action(ActionAnswerEducation(repository), tracker)
    routes = only(messages, "utter_compare_routes")["regels"]
    assert "Procesoperator" in routes and "Lasser" in routes and "Elektricien" in routes


async def test_bol_or_bbl_for_a_named_occupation_gives_the_topic_and_its_route(repository):
    from actions.topics import ActionAnswerEducation

    text = "wat is het verschil tussen bol en bbl en wat is beter als je vliegtuigmonteur wil worden"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages)[0] == "utter_route" and "utter_education" in responses(messages)


async def test_vmbo_basis_and_a_worry_about_being_clever_enough_gets_the_way_on(repository):
    text = "ik zit op vmbo basis kan ik wel iets in de techniek of moet je daar heel slim voor zijn"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert any("basisberoepsgerichte" in m.get("antwoord", "") for m in messages)


async def test_how_long_the_training_takes_beside_a_comparison(repository):
    from actions.compare import ActionCompareOccupations

    text = "Zet lasser, constructiewerker en metselaar naast elkaar: uurloon, groei en hoe lang de opleiding duurt."
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    assert any("duurt" in m.get("antwoord", "") for m in messages)


def test_dirty_work_is_a_condition_the_work_text_can_speak_of():
    from actions.conditions import asked_conditions, ruled_out

    assert [c.key for c in asked_conditions("is dat vies werk?")] == ["dirty"]
    assert [c.key for c in ruled_out("ik wil niet de hele dag vies worden")] == ["dirty"]
