"""Lists, profiles and menus that put occupations on the table, and the follow-ups that lean on them:
"wat is MaT?" … "en wat kan je daarmee worden?", "meet- en regeltechnicus" … "wat verdient zo iemand?"."""

from helpers import only, parsed, responses, run_action, slot_value, tracker_for

from actions.also_asked import other_questions
from actions.audience import ActionSetAudience
from actions.compare import ActionCompareOccupations
from actions.conversation import ActionCapabilities, ActionFallback
from actions.description import ActionAnswerJobDescription
from actions.lesson import ActionLessonSheet
from actions.lists import ActionAnswerBestChances
from actions.outside import outside_reply
from actions.pay import ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.quiz import ActionQuiz
from actions.rescue import rescue
from actions.route import ActionAnswerRoute
from actions.stories import ActionAnswerStory
from actions.topics import ActionAnswerEducation, ActionAnswerInterest, ActionAnswerMyth, ActionAnswerSector
from actions.turn import Turn


def occupation(repository, name):
    return repository.occupation(repository.find(name).best.occupation_id)


async def test_a_vmbo_profile_answer_puts_the_profiles_occupations_on_the_table(repository):
    _, events = await run_action(ActionAnswerEducation(repository), parsed(repository, "wat is MaT", "ask_education"))
    suggested = [repository.occupation(i) for i in slot_value(events, "suggested")]
    assert len(suggested) >= 3
    assert all("MaT" in repository.profile(info).vmbo_profiles for info in suggested)


async def test_what_you_can_become_after_a_profile_lists_its_occupations_with_pay(repository):
    slots = {"suggested": [occupation(repository, n).id for n in ("scheepsbouwer", "matroos binnenvaart")]}
    tracker = parsed(repository, "en wat kan je daarmee worden", "ask_route", slots=slots)
    messages, events = await run_action(ActionAnswerRoute(repository), tracker)
    assert responses(messages) == ["utter_these_occupations"]
    lines = messages[0]["beroepen"]
    assert "Scheepsbouwer" in lines and "Matroos binnenvaart" in lines and "€" in lines and "CBS" in lines
    assert slot_value(events, "suggested") == slots["suggested"]


async def test_a_route_question_after_a_list_answers_the_first_as_an_example_and_offers_the_others(repository):
    names = ("automonteur", "fietstechnicus", "monteur bedrijfswagens")
    slots = {"suggested": [occupation(repository, n).id for n in names]}
    tracker = parsed(repository, "wat moet ik daarvoor doen? zit in 2e klas vmbo", "ask_route", slots=slots)
    messages, events = await run_action(ActionAnswerRoute(repository), tracker)
    assert responses(messages)[:2] == ["utter_for_example", "utter_route"]
    assert messages[0]["naam_zin"] == "automonteur"
    offered = " ".join(b["payload"] for b in messages[-1]["buttons"])
    assert occupation(repository, "fietstechnicus").id in offered
    assert slot_value(events, "suggested") == slots["suggested"], "the list stays for the next follow-up"


async def test_the_candidates_of_an_unclear_name_are_compared_when_asked_about_such_a_person(repository):
    _, events = await run_action(ActionAnswerRoute(repository), parsed(repository, "hoe word ik monteur", "ask_route"))
    candidates = slot_value(events, "suggested")
    tracker = parsed(repository, "En wat verdient zo iemand ongeveer?", "ask_salary", slots={"suggested": candidates})
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert "utter_compare_several" in responses(messages)


async def test_a_region_question_is_told_the_figures_are_national_and_gets_the_sourced_regional_facts(repository):
    text = "Welke technische beroepen groeien het hardst in de regio Rotterdam?"
    messages, _ = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_prospects"))
    note = only(messages, "utter_national_figures")
    assert note["regio"] == "de regio Rotterdam"
    assert "SEOR" in note["regionaal"] and "70%" in note["regionaal"]


async def test_a_region_without_a_place_gets_no_regional_facts(repository):
    text = "Welke technische beroepen groeien het hardst in mijn regio?"
    messages, _ = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_prospects"))
    note = only(messages, "utter_national_figures")
    assert note["regionaal"] == "" and note["regio"] == "één stad of regio"


async def test_stories_asked_for_women_say_so_in_the_heading(repository):
    text = "heb je verhalen van vrouwen in de techniek voor mijn les"
    messages, _ = await run_action(ActionAnswerStory(repository), parsed(repository, text, "ask_story"))
    assert only(messages, "utter_stories")["wie"] == "vrouwen"


async def test_are_there_women_who_do_that_gets_a_story_and_the_groups_share_of_women(repository):
    slots = {"occupation_id": occupation(repository, "elektricien").id}
    tracker = parsed(repository, "zijn er vrouwen die dat doen", "ask_story", slots=slots)
    messages, _ = await run_action(ActionAnswerStory(repository), tracker)
    assert responses(messages)[0] == "utter_story"
    assert "utter_prospects" in responses(messages)


async def test_a_school_question_set_in_a_sector_answers_the_school_part(repository):
    text = "Wat is bbl precies? De mentor zei dat mijn dochter bbl kan doen bij installatietechniek"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    assert responses(messages) == ["utter_education"]
    assert messages[0]["antwoord"] == repository.topic("education", "bbl").answer


async def test_which_occupations_in_a_sector_stays_a_sector_answer_even_with_a_school_word(repository):
    text = "welke beroepen zijn er in de installatietechniek met bbl"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    assert responses(messages) == ["utter_sector"]


async def test_a_vmbo_profile_named_as_where_the_pupil_is_does_not_take_over_a_sector_question(repository):
    text = "mijn zoon zit in profiel PIE en wil in de haven werken, wat is daar voor werk"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    assert responses(messages) == ["utter_sector"]


async def test_a_myth_said_about_a_sector_gets_the_counter_facts_and_the_sectors_occupations_with_pay(repository):
    text = "kzou iets met auto's willen maar mn moeder zegt da je daar niks verdient"
    messages, events = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    assert responses(messages) == ["utter_myth", "utter_these_occupations"]
    assert messages[0]["mythe"] == repository.topic("myth", "m02").myth
    assert "Automonteur" in messages[1]["beroepen"] and "€" in messages[1]["beroepen"]
    assert len(slot_value(events, "suggested")) >= 2


async def test_what_you_get_in_the_bbl_asked_as_a_school_question_is_the_pay_while_learning(repository):
    messages, _ = await run_action(
        ActionAnswerEducation(repository), parsed(repository, "hoeveel krijg je dan bij bbl", "ask_education")
    )
    assert messages[0]["antwoord"] == repository.topic("education", "loon-in-de-bbl").answer


async def test_which_programmes_without_an_occupation_names_the_directions_and_where_to_look(repository):
    text = "Welke technische opleidingen zijn er eigenlijk op het mbo in Rotterdam?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages)[0] == "utter_mbo_directions"
    assert [b["title"] for b in messages[0]["buttons"]] == [s.name for s in repository.sectors()]


async def test_adding_the_share_of_women_to_a_best_paid_list_compares_the_listed_occupations(repository):
    _, events = await run_action(
        ActionAnswerSalary(repository),
        parsed(repository, "welke technische beroepen verdienen het meest", "ask_salary"),
    )
    listed = slot_value(events, "suggested")
    assert len(listed) >= 3
    tracker = parsed(
        repository, "Kun je er ook het aandeel vrouwen bij zetten?", "ask_myth", slots={"suggested": listed}
    )
    messages, _ = await run_action(ActionAnswerMyth(repository), tracker)
    assert "utter_compare_several" in responses(messages) and "utter_myth" not in responses(messages)


async def test_who_writes_and_a_question_in_one_message_gets_the_answer_not_only_a_greeting(repository):
    text = "hallo ik ben vader van Ahmed, hij is 15 en zit op het vmbo. kan hij later nog naar het hbo?"
    messages, _ = await run_action(ActionSetAudience(), parsed(repository, text, "inform_audience"))
    assert "utter_audience_set" not in responses(messages)
    assert responses(messages)[0] == "utter_education"


async def test_who_writes_alone_is_greeted_in_the_fitting_register(repository):
    text = "ik ben de moeder van een leerling uit de derde klas"
    tracker = parsed(repository, text, "inform_audience", slots={"doelgroep": "ouder"})
    messages, events = await run_action(ActionSetAudience(), tracker)
    assert responses(messages) == ["utter_audience_set"]
    assert slot_value(events, "doelgroep") == "ouder"


def test_can_you_feed_a_family_on_it_is_a_pay_question_about_the_occupation_talked_about(repository):
    slots = {"occupation_id": occupation(repository, "automonteur").id}
    text = "En kan je met monteur wel een gezin onderhouden later?"
    turn = Turn.read(parsed(repository, text, "nlu_fallback", slots=slots), repository)
    assert rescue(turn, repository) is ActionAnswerSalary


def test_per_year_alone_after_a_pay_answer_is_a_pay_question(repository):
    slots = {"occupation_id": occupation(repository, "elektricien").id}
    turn = Turn.read(parsed(repository, "en per jaar?", "nlu_fallback", slots=slots), repository)
    assert rescue(turn, repository) is ActionAnswerSalary


async def test_what_they_do_after_a_list_shows_the_work_of_each(repository):
    names = ("matroos binnenvaart", "scheepsbouwer")
    slots = {"suggested": [occupation(repository, n).id for n in names]}
    tracker = parsed(repository, "Hoe lang is hij dan van huis?", "ask_job_description", slots=slots)
    messages, _ = await run_action(ActionAnswerJobDescription(repository), tracker)
    assert responses(messages) == ["utter_compare_work"]
    assert "Matroos binnenvaart" in messages[0]["regels"] and "Scheepsbouwer" in messages[0]["regels"]


async def test_a_column_with_the_education_level_added_to_a_comparison_shows_each_route(repository):
    names = ("elektricien", "lasser", "automonteur")
    slots = {"suggested": [occupation(repository, n).id for n in names]}
    text = "Voeg er ook een kolom aan toe met welk opleidingsniveau je nodig hebt"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route", slots=slots))
    routes = only(messages, "utter_compare_routes")["regels"]
    assert all(name.capitalize() in routes for name in names) and "mbo-niveau" in routes


def test_a_request_to_rewrite_an_answer_more_simply_is_declined_politely():
    assert outside_reply("Kun je het korter maken en in makkelijke taal?") is not None
    assert outside_reply("is lassen makkelijker dan timmeren?") is None


async def test_what_you_can_become_taken_for_a_capabilities_question_still_lists_the_profiles_occupations(repository):
    slots = {"suggested": [occupation(repository, n).id for n in ("scheepsbouwer", "matroos binnenvaart")]}
    tracker = parsed(repository, "en wat kan je daarmee worden", "ask_capabilities", slots=slots)
    messages, _ = await run_action(ActionCapabilities(), tracker)
    assert responses(messages) == ["utter_these_occupations"]


async def test_a_capabilities_question_is_answered_as_one(repository):
    messages, _ = await run_action(ActionCapabilities(), parsed(repository, "wat kan je allemaal?", "ask_capabilities"))
    assert responses(messages) == ["utter_capabilities"]


async def test_one_other_kind_of_work_is_added_to_a_comparison_on_request(repository):
    names = ("elektricien", "lasser", "automonteur")
    slots = {"suggested": [occupation(repository, n).id for n in names]}
    text = "Kun je er één niet-technisch beroep naast zetten ter vergelijking?"
    messages, events = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth", slots=slots))
    compared = [repository.occupation(i) for i in slot_value(events, "suggested")]
    assert len(compared) == 4 and compared[-1] in repository.same_pupil_occupations()
    assert "utter_myth" not in responses(messages)


async def test_statements_about_myths_for_a_class_discussion_each_carry_a_sourced_fact(repository):
    text = "Kun je me 5 stellingen geven over vooroordelen over techniek, voor een discussie in de klas?"
    messages, _ = await run_action(ActionLessonSheet(repository), parsed(repository, text, "ask_lesson_sheet"))
    statements = only(messages, "utter_myth_statements")["stellingen"]
    assert statements.count("Stelling:") >= 5 and statements.count("(bron:") == statements.count("Stelling:")


async def test_which_myths_are_heard_most_gets_the_statements_not_a_menu(repository):
    text = "Welke vooroordelen over techniek hoor je het meest bij vmbo-leerlingen?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert responses(messages) == ["utter_myth_statements"]


async def test_the_best_chances_for_a_class_in_one_vmbo_profile_compare_that_profiles_occupations(repository):
    text = "Ik geef les aan 3 vmbo basis, profiel PIE. Welke beroepen kan ik ze laten zien waar echt vraag naar is?"
    messages, events = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_prospects"))
    compared = [repository.occupation(i) for i in slot_value(events, "suggested")]
    assert len(compared) >= 2 and all("PIE" in repository.profile(info).vmbo_profiles for info in compared)
    assert "utter_compare_verdict" in responses(messages)


def test_university_admissions_are_outside_this_assistant():
    assert outside_reply("wat zijn de toelatingseisen voor geneeskunde aan de universiteit?") is not None


def test_lab_technician_spelled_the_flemish_way_is_the_lab_analyst(repository):
    assert repository.display_name(occupation(repository, "labo technicus")) == "Laboratoriumanalist"


def test_which_myths_and_how_to_counter_them_is_rescued_as_a_myth_question(repository):
    text = "Welke mythes over techniek hoor je het meest bij vmbo-leerlingen en hoe weerleg ik die met cijfers?"
    turn = Turn.read(parsed(repository, text, "nlu_fallback"), repository)
    assert rescue(turn, repository) is ActionAnswerMyth


async def test_other_work_compared_with_nothing_else_named_is_set_beside_common_technical_work(repository):
    tracker = parsed(repository, "en vergeleken met kapper?", "compare_occupations")
    messages, events = await run_action(ActionCompareOccupations(repository), tracker)
    compared = [repository.occupation(i) for i in slot_value(events, "suggested")]
    assert compared[0] == occupation(repository, "kapper")
    assert compared[1:] == repository.technical_references()


async def test_a_worry_named_plainly_beside_an_interest_gets_the_myths_counter_facts_too(repository):
    text = "Hij kan heel goed met zijn handen, iedereen zegt de bouw, maar is dat niet te zwaar voor zijn rug"
    messages, events = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    assert only(messages, "utter_myth")["mythe"] == repository.topic("myth", "m03").myth
    assert "utter_interest" in responses(messages) and slot_value(events, "suggested")


async def test_three_myths_named_in_one_message_are_each_answered(repository):
    text = "Mijn man zegt dat techniek vies en zwaar werk is, alleen voor jongens die niet kunnen leren. Klopt dat?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert len([m for m in messages if m.get("response") == "utter_myth"]) == 3


async def test_an_extra_for_shift_work_is_said_to_be_in_the_cao_not_in_the_figures(repository):
    slots = {"occupation_id": occupation(repository, "procesoperator").id}
    text = "en die ploegendiensten, hoe zit dat dan? en krijg je daar extra voor?"
    messages, _ = await run_action(
        ActionAnswerJobDescription(repository), parsed(repository, text, "ask_job_description", slots=slots)
    )
    assert responses(messages) == ["utter_work_condition", "utter_shift_allowance"]
    assert "ploegendienst" in messages[0]["zinnen"]


async def test_a_comparison_about_the_future_says_there_is_no_forecast_and_cites_uwv(repository):
    slots = {"suggested": [occupation(repository, n).id for n in ("automonteur", "mechatronicus")]}
    text = "welke van de twee heeft meer toekomst?"
    messages, _ = await run_action(
        ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects", slots=slots)
    )
    assert "UWV" in only(messages, "utter_compare_future")["feit"]


async def test_an_outside_request_in_a_message_that_says_who_writes_gets_the_polite_no(repository):
    text = "Goedenavond, ik ben moeder van twee kinderen. Kunt u mij helpen met het aanvragen van zorgtoeslag?"
    messages, _ = await run_action(ActionSetAudience(), parsed(repository, text, "inform_audience"))
    assert responses(messages) == ["utter_outside"] and "Belastingdienst" in messages[0]["verwijzing"]


def test_cao_and_schepen_name_no_occupation(repository):
    assert not repository.find("de cao").best
    assert (
        not repository.find("hij wil schepen bouwen").best
        or "gemeenteraad" not in repository.find("hij wil schepen bouwen").best.name
    )


def test_is_that_boring_after_a_pay_question_is_a_second_question_about_the_work():
    assert other_questions("labo technicus wat verdien je en is dat saai", "ask_salary") == ["ask_job_description"]


async def test_a_story_asked_for_in_a_message_taken_for_a_myth_is_told(repository):
    text = (
        "Heeft u misschien een verhaal van een meisje dat in de techniek is gaan werken? Ze denkt dat ze de enige is."
    )
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert responses(messages)[0] == "utter_story"


async def test_is_technical_work_something_for_my_child_asks_what_the_child_likes(repository):
    messages, _ = await run_action(
        ActionAnswerMyth(repository), parsed(repository, "Is techniek iets voor mijn kind?", "ask_myth")
    )
    assert responses(messages) == ["utter_ask_interest"]


async def test_a_teacher_asking_for_wages_to_make_a_quiz_gets_the_wages_not_a_game(repository):
    text = "Ik wil in de les een quiz doen. Kun je me van 4 technische beroepen het bruto uurloon geven met bron?"
    messages, events = await run_action(ActionQuiz(repository), parsed(repository, text, "start_quiz"))
    assert responses(messages) == ["utter_best_paid"] and slot_value(events, "quiz") is None


async def test_a_level_question_about_the_occupation_just_described_gets_its_route(repository):
    slots = {"occupation_id": occupation(repository, "procesoperator").id}
    text = "en moet je daarvoor naar mbo 4 of kan het ook met niveau 2"
    messages, _ = await run_action(
        ActionAnswerEducation(repository), parsed(repository, text, "ask_education", slots=slots)
    )
    assert responses(messages)[0] == "utter_route"


async def test_computers_but_not_at_a_desk_all_day_gives_computer_work_away_from_a_desk(repository):
    text = "hij is gek van computers, maar wil echt niet de hele dag achter een bureau zitten"
    messages, _ = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    assert "computers" in only(messages, "utter_interest")["interesse"]
    assert "ICT-beheerder" in only(messages, "utter_left_out_for_condition")["beroepen"]
    assert "ICT-beheerder" not in only(messages, "utter_interest")["beroepen"]


async def test_which_profile_to_choose_after_a_list_gives_the_profile_of_each_listed_occupation(repository):
    slots = {"suggested": [occupation(repository, n).id for n in ("stratenmaker", "elektricien", "timmerman")]}
    tracker = parsed(repository, "wat moet ik daarvoor kiezen in de 3e", "ask_education", slots=slots)
    messages, _ = await run_action(ActionAnswerEducation(repository), tracker)
    routes = only(messages, "utter_compare_routes")["regels"]
    assert "Elektricien: vmbo PIE" in routes and "Timmerman: vmbo BWI" in routes


async def test_which_profile_for_a_child_described_by_what_he_likes_gives_the_profile_of_each_fit(repository):
    text = "Mijn zoon weet niet wat hij wil. Hij sleutelt aan zijn scooter. School vraagt welk profiel hij kiest."
    messages, events = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    routes = only(messages, "utter_compare_routes")["regels"]
    assert "M&T" in routes and slot_value(events, "suggested")


async def test_is_there_something_for_him_with_what_he_likes_lists_the_fitting_occupations(repository):
    text = "Hij is super handig en klust elk weekend. Is er in de techniek wel iets voor hem met zijn niveau?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages) == ["utter_interest"], "the fitting occupations with pay and mbo level"


def test_what_kind_of_work_and_which_school_are_two_questions():
    text = "mijn dochter wil werken met warmtepomp. wat is dit voor werk? en welk school moet zij gaan?"
    assert other_questions(text, "ask_route") == ["ask_job_description"]
    assert other_questions(text, "ask_job_description") == ["ask_route"]


async def test_a_question_about_work_in_ten_years_says_there_is_no_forecast(repository):
    slots = {"occupation_id": occupation(repository, "zonnepanelenmonteur").id}
    text = "En is dat over 10 jaar nog steeds werk of zijn dan alle daken vol?"
    messages, _ = await run_action(
        ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects", slots=slots)
    )
    assert responses(messages)[0] == "utter_prospects" and responses(messages)[-1] == "utter_no_forecast"


async def test_which_is_least_heavy_shows_the_work_and_says_the_figures_do_not_measure_it(repository):
    slots = {"suggested": [occupation(repository, n).id for n in ("timmerman", "loodgieter", "elektricien")]}
    tracker = parsed(repository, "en welke is t minst zwaar", "compare_occupations", slots=slots)
    messages, _ = await run_action(ActionCompareOccupations(repository), tracker)
    assert responses(messages)[0] == "utter_compare_work" and "utter_compare_not_measured" in responses(messages)


async def test_which_jobs_in_a_sector_and_a_worry_get_the_sector_list_and_the_worry_answered_once(repository):
    text = "Welke beroepen zijn er in de bouw behalve metselaar? En is timmerman zwaar voor je rug als je ouder wordt?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    said = responses(messages)
    assert said[0] == "utter_sector"
    # the timmerman's own work text, or the myth's counter-facts; never both, never twice
    assert said.count("utter_work_condition") + said.count("utter_myth") == 1


async def test_three_contrasting_occupations_for_an_assignment_are_one_from_each_sector(repository):
    text = "Welke drie beroepen zou je kiezen die echt van elkaar verschillen, op salaris en baankansen?"
    messages, events = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    compared = [repository.occupation(i) for i in slot_value(events, "suggested")]
    sectors = {repository.profile(info).sector for info in compared}
    assert len(compared) >= 3 and len(sectors) == len(compared)


def test_the_amounts_per_month_after_a_comparison_compare_again(repository):
    slots = {"suggested": [occupation(repository, n).id for n in ("elektricien", "lasser", "automonteur")]}
    text = "kun je de bedragen per maand geven ipv per uur? dat snappen ze beter"
    turn = Turn.read(parsed(repository, text, "ask_data_source", slots=slots), repository)
    assert rescue(turn, repository) is ActionCompareOccupations


async def test_a_mother_asking_what_she_can_ask_is_told(repository):
    tracker = parsed(repository, "Hallo ik ben de moeder van Daan. Wat kan ik hier vragen?", "nlu_fallback")
    messages, _ = await run_action(ActionFallback(), tracker)
    assert responses(messages) == ["utter_capabilities"]


def test_rather_indoors_than_outdoors_rules_out_outdoor_work(repository):
    named = [i.tag for i in repository.topics_named("interest", "ik werk liever binnen dan buiten")]
    assert "buiten" not in named


async def test_a_comparison_verdict_says_who_has_no_figure_and_which_share_a_group(repository):
    names = ("maritiem officier", "scheepsbouwer", "lasser")
    slots = {"suggested": [occupation(repository, n).id for n in names]}
    tracker = parsed(repository, "welke van die drie verdient het meest?", "ask_salary", slots=slots)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    verdict = only(messages, "utter_compare_verdict")["uitkomst"]
    assert "Maritiem officier" in verdict and "geen loon" in verdict


async def test_is_that_a_lot_after_the_pay_gets_the_comparison_with_all_employees_only(repository):
    slots = {"occupation_id": occupation(repository, "lasser").id}
    tracker = parsed(repository, "is dat veel?", "ask_salary", slots=slots)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages) == ["utter_pay_comparison"]


async def test_girls_asked_about_in_an_occupation_without_a_womans_story_get_another_womans_story(repository):
    info = occupation(repository, "loodgieter")
    assert not any(story.is_woman for story in repository.stories(info))
    tracker = parsed(repository, "zijn er ook meiden die loodgieter worden?", "ask_story")
    messages, _ = await run_action(ActionAnswerStory(repository), tracker)
    assert responses(messages)[:2] == ["utter_no_womens_story", "utter_story"]
    assert "utter_prospects" in responses(messages)


async def test_myth_statements_asked_for_as_a_quiz_are_the_statements(repository):
    text = "maak een quiz met 5 stellingen over vooroordelen over techniek, met de antwoorden"
    messages, _ = await run_action(ActionQuiz(repository), parsed(repository, text, "start_quiz"))
    assert responses(messages) == ["utter_myth_statements"]


def test_a_photo_or_lesson_plan_request_is_declined_and_shift_allowances_are_no_benefit_request():
    assert outside_reply("kun je een foto maken van een lasser aan het werk?") is not None
    assert outside_reply("maak een lesplan voor 8 weken") is not None
    assert outside_reply("krijg je toeslagen voor ploegendienst?") is None
    assert outside_reply("kunt u helpen met toeslagen aanvragen?") is not None


async def test_not_knowing_what_to_do_taken_for_a_capabilities_question_asks_what_you_like(repository):
    messages, _ = await run_action(
        ActionCapabilities(), parsed(repository, "ik weet echt nie wat ik wil doen help", "ask_capabilities")
    )
    assert responses(messages) == ["utter_ask_interest"]


async def test_the_difference_between_bol_and_bbl_is_the_school_topic_not_the_bbl_myth(repository):
    text = "bbl of bol wat is het verschil en wat is beter ik wil gwn geld verdienen"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert responses(messages)[0] == "utter_education"


async def test_robotics_at_mbo_is_not_the_robots_myth(repository):
    assert repository.topic_score("myth", "is robotica iets voor mbo of alleen voor uni") == 0
    assert repository.best_topic("myth", "nemen robots het werk van cnc-verspaners over?").myth_id == "m05"


def test_a_known_name_with_a_comma_is_still_found(repository):
    from occupations.matching import find_mentions

    found = find_mentions(repository.catalog, "wat doet een monteur gas, water en warmte?")
    named = [repository.display_name(repository.occupation(mention.best.occupation_id)) for mention in found]
    assert named == ["Monteur gas, water en warmte"]


def test_a_name_never_runs_across_a_comma(repository):
    from occupations.matching import find_mentions

    text = "Kun je voor mijn les lasser, monteur werktuigbouw en procesoperator naast elkaar zetten?"
    typed = [mention.text for mention in find_mentions(repository.catalog, text)]
    assert typed == ["lasser", "monteur werktuigbouw", "procesoperator"]


async def test_a_short_pay_follow_up_after_a_comparison_compares_both_again(repository):
    laborant, assistant = occupation(repository, "laborant"), occupation(repository, "doktersassistent")
    slots = {"suggested": [laborant.id, assistant.id], "occupation_id": assistant.id}
    messages, events = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "En qua salaris?", "ask_salary", slots=slots)
    )
    assert slot_value(events, "suggested") == [laborant.id, assistant.id]


async def test_time_away_from_home_in_a_comparison_shows_the_work_first(repository):
    text = "stuurman of matroos, hoe lang ben je dan weg van huis"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    shown = [name for name in responses(messages) if name != "utter_read_as"]  # "stuurman" read as maritiem officier
    assert shown[0] == "utter_compare_work"


def test_foreign_work_experience_and_plain_dutch_requests_get_a_polite_referral():
    assert (
        "mbo-school"
        in outside_reply("Hij heeft in Turkije al gewerkt als lasser. Kan hij dat gebruiken?").values["verwijzing"]
    )
    assert outside_reply("Kun je dat ook in heel eenvoudig Nederlands zetten?") is not None


def test_the_growth_list_only_names_groups_a_pupil_can_be_pointed_to(repository):
    featured = {info.brc_group for info in repository.featured_occupations()}
    groups = repository.growing_groups()
    assert groups and all(group.group_code in featured for group in groups)


async def test_which_jobs_in_a_sector_grow_fastest_compares_them_with_their_growth(repository):
    text = "welke banen in de energietransitie groeien het hardst?"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    assert responses(messages)[0] == "utter_sector_intro" and "utter_compare_verdict" in responses(messages)


def test_wellbeing_and_politics_are_outside_with_a_pointer_where_it_helps():
    assert "vertrouwenspersoon" in outside_reply("mijn dochter wordt gepest op school").values["verwijzing"]
    assert outside_reply("wat vind jij van de verkiezingen?") is not None


def test_mbo_is_for_dummies_is_a_myth(repository):
    assert repository.topic_score("myth", "mbo is voor dommies zegt iedereen") > 0


async def test_an_outside_request_alone_gets_only_the_polite_no(repository):
    """ "Hoeveel studiefinanciering ...? Een ouder vroeg het me.": no figures beside the no."""
    text = "Hoeveel studiefinanciering krijgt een hbo-student nu precies per maand? Een ouder vroeg het me."
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages) == ["utter_outside"] and "DUO" in messages[0]["verwijzing"]
    text = "Weet u of er bij het Havenbedrijf of bij Shell vacatures zijn voor mijn zoon?"
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    assert responses(messages) == ["utter_outside"] and "werk.nl" in messages[0]["verwijzing"]


async def test_an_outside_request_beside_a_question_of_its_own_gets_both(repository):
    text = "Hoeveel kinderbijslag krijg ik? En wat verdient een lasser?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages)[0] == "utter_outside_beside" and "SVB" in messages[0]["verwijzing"]
    assert "€" in str(messages[1:])


async def test_a_question_asked_in_simple_language_is_answered_without_a_disclaimer(repository):
    # the descriptions are written plainly: the answer itself, not first "my texts are fixed"
    text = "Ik werk op een ISK. Kun je in heel eenvoudige taal uitleggen wat een lasser doet?"
    action = ActionAnswerJobDescription(repository)
    messages, _ = await run_action(action, parsed(repository, text, "ask_job_description"))
    assert responses(messages)[:1] == ["utter_job_description"]
    messages, _ = await run_action(action, parsed(repository, "Maak hem iets eenvoudiger", "ask_job_description"))
    assert responses(messages) == ["utter_no_rewrite"]


async def test_self_employed_rates_are_not_in_the_table_and_the_answer_says_so(repository):
    slots = {"occupation_id": occupation(repository, "loodgieter").id}
    tracker = parsed(repository, "en als zzp'er? daar hoor je hele hoge uurtarieven van", "ask_salary", slots=slots)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert "utter_self_employed" in responses(messages)


async def test_a_worry_named_beside_a_comparison_gets_its_counter_facts(repository):
    slots = {"suggested": [occupation(repository, n).id for n in ("automonteur", "elektricien")]}
    text = "welke van de twee heeft meer toekomst, ook met al die elektrische auto's?"
    messages, _ = await run_action(
        ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects", slots=slots)
    )
    assert responses(messages)[0].startswith("utter_compare")
    myths = [m for m in messages if m.get("response") == "utter_myth"]
    assert myths and "elektrische auto" in myths[0]["mythe"].lower()


async def test_a_profile_question_that_also_asks_about_pay_lists_the_profiles_occupations_with_pay(repository):
    text = "Mijn zoon heeft profiel MaT en wil misschien naar zee. Wat verdient zo iemand?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages) == ["utter_education", "utter_these_occupations"]
    assert "€" in messages[1]["beroepen"] and "CBS" in messages[1]["beroepen"]


async def test_pay_asked_at_a_higher_level_says_there_is_no_pay_per_level(repository):
    text = "En als hij doorleert tot niveau 4 als automonteur, verdient hij dan meer?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages)[:2] == ["utter_salary", "utter_pay_not_by_level"]


async def test_a_worry_about_dutch_gets_who_can_tell_beside_the_answer(repository):
    text = "Mijn zoon wil automonteur worden. Kan dat als zijn Nederlands nog niet goed is?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages)[0] == "utter_route" and responses(messages)[-1] == "utter_language_support"


def test_terms_of_employment_uploads_and_shopping_get_a_polite_no():
    assert "cao" in outside_reply("hoeveel vakantiedagen krijg je als timmerman?").values["verwijzing"]
    assert "Bestanden" in outside_reply("kan ik de cijferlijst van mijn klas uploaden?").values["verwijzing"]
    assert outside_reply("waar kan ik het beste een lasapparaat kopen?") is not None
    assert outside_reply("kun je er een lesbrief als pdf van maken?") is None


async def test_two_vmbo_profiles_named_get_each_profiles_answer(repository):
    text = "De school heeft PIE en Mobiliteit en transport. Wat is het verschil en welke past beter bij haar?"
    messages, events = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    answers = " ".join(m["antwoord"] for m in messages if m.get("response") == "utter_education")
    assert "PIE staat voor" in answers and "M&T staat voor" in answers
    assert len(slot_value(events, "suggested")) >= 4


async def test_a_list_of_technical_occupations_asked_for_gives_one_from_each_direction_with_pay(repository):
    messages, events = await run_action(
        ActionAnswerBestChances(repository), parsed(repository, "lijst techn beroepen?", "ask_best_chances")
    )
    assert responses(messages) == ["utter_overview"] and "€" in messages[0]["beroepen"]
    sectors = {repository.profile(repository.occupation(i)).sector for i in slot_value(events, "suggested")}
    assert len(sectors) == len(slot_value(events, "suggested")) >= 5


async def test_which_occupations_girls_choose_most_gives_the_shares_of_women(repository):
    text = "Welke technische beroepen kiezen meisjes het vaakst?"
    messages, _ = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_best_chances"))
    assert responses(messages) == ["utter_women_share"]


async def test_a_pay_difference_between_levels_says_there_is_no_pay_per_level(repository):
    text = "Is er een groot verschil in uurloon tussen mbo 2 en mbo 4 in de installatietechniek?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages)[:2] == ["utter_pay_not_by_level", "utter_occupations_at_level"]


def test_leaving_school_truancy_and_minimum_wage_are_referred_to_who_handles_them():
    leaving = outside_reply("Mijn zoon (17) wil stoppen met school en bij zijn oom in de garage werken. Mag dat?")
    assert leaving is not None and "leerplichtambtenaar" in leaving.values["verwijzing"]
    truancy = outside_reply("Mijn zoon spijbelt heel veel. Wat moet ik doen?")
    assert "mentor" in truancy.values["verwijzing"]
    assert "rijksoverheid.nl" in outside_reply("wat is het minimumloon voor een 16-jarige?").values["verwijzing"]
    assert outside_reply("hoeveel verdien je als je stopt met de opleiding tot lasser?") is not None
    assert outside_reply("wat verdient een lasser na de opleiding?") is None


async def test_a_list_for_vmbo_basis_pupils_leaves_out_work_that_starts_above_mbo_2(repository):
    text = "Leerlingen zijn 14, vmbo basis. Welke havenberoepen kunnen zij echt halen?"
    messages, events = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    suggested = [repository.display_name(repository.occupation(i)) for i in slot_value(events, "suggested")]
    left_out = only(messages, "utter_left_out_for_level")
    assert "Maritiem officier" in left_out["beroepen"] and left_out["niveau"] == "2"
    assert suggested and "Maritiem officier" not in suggested


def test_hacking_is_declined_and_niv_is_a_level():
    from actions.levels import LEVEL

    assert outside_reply("haha en hoe hack je het wifi van school") is not None
    assert LEVEL.findall("wt is t verschil tusse niv 2 en niv 4 bij mbo elektro??") == ["2", "4"]


def test_tutoring_medication_weather_rubrics_and_school_rankings_are_declined():
    assert "mentor" in outside_reply("Kent u ook een goede bijlesdocent scheikunde in Schiedam?").values["verwijzing"]
    assert "huisarts" in outside_reply("moet ze daar medicatie voor nemen?").values["verwijzing"]
    assert outside_reply("wat voor weer wordt het morgen op de Maasvlakte?") is not None
    assert outside_reply("Kun je een beoordelingsrubric maken voor het LOB-dossier?") is not None
    ranking = outside_reply("Welke mbo-school in Rotterdam is het beste voor elektrotechniek, Albeda of Zadkine?")
    assert "kiesmbo.nl" in ranking.values["verwijzing"]
    assert outside_reply("welke school heeft een opleiding tot lasser?") is None


async def test_the_most_jobs_is_a_list_by_workers_not_by_growth(repository):
    tracker = parsed(repository, "welk technisch beroep heeft de meeste banen", "ask_best_chances")
    messages, _ = await run_action(ActionAnswerBestChances(repository), tracker)
    reply = only(messages, "utter_most_jobs")
    workers = [int(line.split(": ")[1].split(" ")[0].replace(".", "")) for line in reply["lijst"].splitlines()]
    assert workers == sorted(workers, reverse=True) and len(workers) >= 3


async def test_myths_asked_for_a_lesson_are_the_statements_not_the_growth_list(repository):
    text = "Ik bereid een LOB-les voor over vooroordelen over techniek. Welke 3 mythes hoor je het vaakst?"
    messages, _ = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_best_chances"))
    assert "utter_best_chances" not in responses(messages), responses(messages)


async def test_the_share_of_women_has_all_groups_together_too(repository):
    text = "weet je ook hoeveel procent van de mensen in de techniek vrouw is?"
    messages, _ = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_best_chances"))
    reply = only(messages, "utter_women_share")
    assert reply["samen"].endswith("werkenden)") and "%" in reply["samen"]


def test_a_worry_about_bullying_later_is_no_wellbeing_referral_but_bullying_now_is():
    worry = "Ik ben bang dat ze straks het enige meisje is en op de bouwplaats gepest wordt. Hoeveel vrouwen werken er?"
    assert outside_reply(worry) is None
    assert "vertrouwenspersoon" in outside_reply("hij wordt gepest op school").values["verwijzing"]
    assert "intake" in outside_reply("kan ik elektricien worden als ik kleurenblind ben").values["verwijzing"]


async def test_pay_while_learning_asked_without_the_word_bbl_gets_the_bbl_pay_too(repository):
    slots = {"occupation_id": occupation(repository, "lasser").id}
    tracker = parsed(repository, "zij kan ook geld krijgen als ze leert?", "ask_salary", slots=slots)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages)[0] == "utter_education", responses(messages)


def test_where_to_learn_it_is_a_next_step(repository):
    from actions.lists import ActionAnswerNextStep

    slots = {"occupation_id": occupation(repository, "lasser").id}
    turn = Turn.read(tracker_for("Waar kan zij dit leren in Rotterdam?", "nlu_fallback", slots=slots), repository)
    assert rescue(turn, repository) is ActionAnswerNextStep


async def test_how_many_work_in_technique_gives_the_total_of_the_groups(repository):
    tracker = parsed(repository, "hoeveel mensen werken er eigenlijk in de techniek?", "ask_best_chances")
    messages, _ = await run_action(ActionAnswerBestChances(repository), tracker)
    assert responses(messages)[:2] == ["utter_jobs_together", "utter_most_jobs"], responses(messages)
    jobs, _ = repository.jobs_together()
    largest = repository.largest_groups(limit=1)[0]
    assert jobs > largest.jobs and messages[0]["aantal"].replace(".", "") == str(jobs)


async def test_the_ones_with_an_interest_are_those_of_the_list(repository):
    names = ("automonteur", "ICT-beheerder", "servicedeskmedewerker ICT")
    slots = {"suggested": [occupation(repository, n).id for n in names]}
    text = "die met computers wat moet ik daarvoor doen na de vmbo"
    messages, events = await run_action(
        ActionAnswerRoute(repository), parsed(repository, text, "ask_route", slots=slots)
    )
    shown = " ".join(str(v) for m in messages for v in m.values())
    assert "ICT-beheerder" in shown and "Automonteur" not in shown, responses(messages)


def test_a_hacker_to_be_is_no_break_in_and_net_sums_and_pc_shopping_are_declined():
    assert outside_reply("ik wil later hacker worden lol maar dan de goeie soort, kan dat met mbo") is None
    assert outside_reply("hoe hack je het wifi van school") is not None
    assert outside_reply("Kun je uitrekenen wat een leerling van 19 netto overhoudt bij 2400 bruto?") is not None
    assert outside_reply("kan je ook zeggen welke game pc ik moet kopen") is not None


async def test_a_basis_pupil_asking_about_an_occupation_that_starts_higher_hears_where_to_start(repository):
    text = "Is netwerkbeheerder iets voor hem? Hij zit op vmbo basis, kan dat wel?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    gap = only(messages, "utter_route_level_gap")
    assert (gap["begin"], gap["niveau"]) == ("3", "2"), gap


async def test_level_1_lists_no_occupations_but_says_what_entree_is(repository):
    text = "Zijn er technische beroepen die je ook met niveau 1 (entree) kunt doen?"
    messages, _ = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_best_chances"))
    assert responses(messages) == ["utter_no_occupations_at_level", "utter_education"], responses(messages)


async def test_the_other_one_after_two_were_compared_is_compared_again(repository):
    from actions.compare import ActionCompareOccupations

    slots = {
        "occupation_id": occupation(repository, "loodgieter").id,
        "suggested": [occupation(repository, n).id for n in ("installatiemonteur", "loodgieter")],
    }
    text = "oke en die andere, loodgieter, verdient meer of minder?"
    tracker = parsed(repository, text, "compare_occupations", slots=slots)
    messages, _ = await run_action(ActionCompareOccupations(repository), tracker)
    assert responses(messages)[0] == "utter_compare", responses(messages)
