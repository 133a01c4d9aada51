"""Questions that lean on the conversation or ask two things: "en een kapper?", "en die andere?",
"wat verdient een lasser en hoe word je dat?"."""

from helpers import after_reply, only, parsed, responses, run_action, slot_value, tracker_for
from rasa.shared.nlu.training_data.message import Message

from actions.also_asked import other_questions
from actions.answer import Reply, distinct, without_repeats
from actions.compare import ActionCompareOccupations
from actions.conversation import ActionAcknowledge
from actions.description import ActionAnswerJobDescription
from actions.lesson import ActionLessonSheet
from actions.lists import ActionAnswerBestChances, ActionAnswerNextStep
from actions.overview import ActionAnswerOccupation
from actions.pay import ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.rescue import rescue
from actions.route import ActionAnswerRoute
from actions.stories import ActionAnswerStory
from actions.topics import ActionAnswerEducation, ActionAnswerInterest, ActionAnswerMyth
from actions.turn import Turn
from bot.nlu.audience_extractor import AudienceExtractor
from bot.nlu.occupation_matcher import OccupationMatcher


def occupation(repository, name):
    return repository.occupation(repository.find(name).best.occupation_id)


def history(repository, answered):
    """Tracker events of a conversation that answered (action, occupation) in this order."""
    events = []
    for action, name in answered:
        events.append({"event": "action", "name": action, "timestamp": None})
        events.append(
            {"event": "slot", "name": "occupation_id", "value": occupation(repository, name).id, "timestamp": None}
        )
    return events


async def test_a_bare_name_after_a_prospects_question_asks_about_prospects(repository):
    events = history(repository, [("action_answer_prospects", "lasser")])
    tracker = parsed(repository, "en een kapper?", "inform_occupation", events=events)
    messages, _ = await run_action(ActionAnswerOccupation(repository), tracker)
    assert responses(messages)[:2] == ["utter_not_technical", "utter_prospects"], responses(messages)
    assert "kapper" in messages[1]["naam"].lower()


async def test_a_bare_name_with_nothing_asked_before_gets_the_pay(repository):
    messages, _ = await run_action(
        ActionAnswerOccupation(repository), parsed(repository, "elektricien", "inform_occupation")
    )
    assert responses(messages)[0].startswith("utter_salary"), responses(messages)


async def test_die_andere_is_the_other_of_the_two_talked_about(repository):
    events = history(repository, [("action_answer_salary", "kapper"), ("action_answer_salary", "lasser")])
    slots = {"occupation_id": occupation(repository, "lasser").id}
    tracker = parsed(repository, "en die andere?", "inform_occupation", events=events, slots=slots)
    messages, _ = await run_action(ActionAnswerOccupation(repository), tracker)
    assert responses(messages)[0].startswith("utter_salary"), responses(messages)
    assert messages[0]["naam"].lower() == "kapper"


async def test_welke_van_de_twee_still_compares_both(repository):
    events = history(repository, [("action_answer_salary", "kapper"), ("action_answer_salary", "lasser")])
    slots = {"occupation_id": occupation(repository, "lasser").id}
    text = "en welke van de twee heeft meer kans op werk"
    messages, _ = await run_action(
        ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects", events=events, slots=slots)
    )
    assert responses(messages)[0] == "utter_compare"


async def test_a_message_with_two_questions_gets_both_answers(repository):
    text = "wat verdient een lasser? en hoe word je dat?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    names = responses(messages)
    assert names[0].startswith("utter_salary") and any(n.startswith("utter_route") for n in names), names


async def test_one_question_gets_one_answer(repository):
    text = "mijn zoon doet een opleiding tot lasser. wat gaat hij verdienen?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert not any(n.startswith("utter_route") for n in responses(messages)), responses(messages)


async def test_the_second_question_is_answered_after_the_first(repository):
    text = "hoe word ik elektricien en wat verdien je dan?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    names = responses(messages)
    assert names[0].startswith("utter_route") and any(n.startswith("utter_salary") for n in names), names


def test_cues_for_each_kind_of_second_question():
    assert other_questions("wat verdient een lasser en is er werk?", "ask_salary") == ["ask_prospects"]
    assert other_questions("is er werk als lasser? wat doe je dan precies?", "ask_prospects") == ["ask_job_description"]
    assert other_questions("wat verdient een lasser", "ask_salary") == []
    assert other_questions("wat verdient een lasser en een kapper?", "ask_salary") == []


async def test_an_interest_answer_remembers_the_occupations_it_suggested(repository):
    from actions.topics import ActionAnswerInterest

    _, events = await run_action(
        ActionAnswerInterest(repository), parsed(repository, "ik hou van computers", "ask_interest")
    )
    suggested = [e["value"] for e in events if e.get("name") == "suggested"][-1]
    assert len(suggested) >= 2 and all(repository.occupation(i) for i in suggested)


async def test_pay_after_suggestions_compares_the_suggested_occupations(repository):
    suggested = [occupation(repository, name).id for name in ("elektricien", "lasser", "monteur zonnepanelen")]
    tracker = parsed(repository, "en hoeveel verdien je daar?", "ask_salary", slots={"suggested": suggested})
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages)[0] == "utter_compare_several"
    assert len(messages[0]["regels"].splitlines()) == 3


async def test_pay_in_a_sector_named_without_an_occupation_compares_its_occupations(repository):
    text = "mijn zoon wil in de haven werken, verdient dat goed?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages)[0] in ("utter_compare_several", "utter_compare"), responses(messages)


def test_a_question_word_is_no_unknown_occupation(repository):
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.occupation_matcher import OccupationMatcher

    message = Message(data={"text": "Na school hij verdient hoeveel?"})
    OccupationMatcher({}, repository.catalog).process([message])
    assert message.get("entities") == []


async def test_die_eerste_is_the_first_occupation_suggested(repository):
    suggested = [occupation(repository, name).id for name in ("elektricien", "lasser")]
    tracker = parsed(repository, "die eerste, hoe kom ik daar", "ask_route", slots={"suggested": suggested})
    messages, _ = await run_action(ActionAnswerRoute(repository), tracker)
    assert responses(messages)[0].startswith("utter_route"), responses(messages)
    assert messages[0]["naam"].lower() == "elektricien"


async def test_a_net_pay_follow_up_classified_as_a_myth_gets_the_pay_not_a_menu(repository):
    from actions.topics import ActionAnswerMyth

    slots = {"occupation_id": occupation(repository, "elektricien").id}
    messages, _ = await run_action(
        ActionAnswerMyth(repository), parsed(repository, "is dat netto?", "ask_myth", slots=slots)
    )
    assert responses(messages)[0].startswith("utter_salary"), responses(messages)


async def test_how_long_a_named_route_takes_adds_the_durations(repository):
    text = "Hoe lang is die opleiding tot elektricien?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    names = responses(messages)
    assert names[0].startswith("utter_route") and "utter_education" in names, names
    assert "KiesMBO" in messages[names.index("utter_education")]["feiten"]


async def test_welke_after_a_comparison_in_one_message_compares_the_same_occupations(repository):
    """ "kapper of installateur, wat is beter betaald?" … "en welke heeft meer werk?": both, not a question back."""
    first = await run_action(
        ActionCompareOccupations(repository),
        parsed(repository, "kapper of installateur wat is beter betaald", "compare_occupations"),
    )
    pair = slot_value(first[1], "suggested")
    slots = {"suggested": pair, "occupation_id": pair[-1]}
    messages, _ = await run_action(
        ActionCompareOccupations(repository),
        parsed(repository, "en welke heeft meer werk", "compare_occupations", slots=slots),
    )
    assert responses(messages)[0] == "utter_compare"
    assert {messages[0]["a_naam"], messages[0]["b_naam"]} == {"Kapper", "Installatiemonteur"}


async def test_a_list_is_forgotten_once_the_talk_moves_to_another_occupation(repository):
    pair = [occupation(repository, "kapper").id, occupation(repository, "lasser").id]
    tracker = parsed(repository, "wat verdient een elektricien", "ask_salary", slots={"suggested": pair})
    _, events = await run_action(ActionAnswerSalary(repository), tracker)
    assert slot_value(events, "suggested") is None
    assert any(e.get("name") == "suggested" for e in events)


async def test_a_myth_question_about_a_named_occupation_answers_both_and_remembers_it(repository):
    text = "mijn dochter wil lasser worden maar is dat wel iets voor een meisje?"
    messages, events = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    names = responses(messages)
    assert names[0] == "utter_myth" and "meisjes" in messages[0]["mythe"]
    prospects = only(messages, "utter_prospects")  # the welders' group, with its share of women
    assert prospects["naam"] == "Lasser" and "%" in prospects["vrouwen"]
    assert slot_value(events, "occupation_id") == occupation(repository, "lasser").id


async def test_a_short_myth_follow_up_is_about_the_occupation_talked_about(repository):
    slots = {"occupation_id": occupation(repository, "loodgieter").id}
    tracker = parsed(repository, "is dat niet heel vies werk?", "ask_myth", slots=slots)
    messages, _ = await run_action(ActionAnswerMyth(repository), tracker)
    assert responses(messages)[0] == "utter_myth" and "vies" in messages[0]["mythe"]
    assert any(name.startswith("utter_job_description") for name in responses(messages)), responses(messages)


async def test_how_many_girls_do_that_is_the_share_of_women_not_the_pay(repository):
    slots = {"occupation_id": occupation(repository, "lasser").id}
    tracker = parsed(repository, "hoeveel meiden doen dat eigenlijk", "ask_salary", slots=slots)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages)[0] == "utter_prospects"


async def test_pay_right_after_the_bbl_answer_is_pay_in_the_bbl(repository):
    bbl = repository.topic("education", "bbl").answer
    tracker = parsed(
        repository, "krijg je dan echt geld?", "ask_salary", events=after_reply(bbl, "krijg je dan echt geld?")
    )
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages) == ["utter_education"]
    assert messages[0]["antwoord"] == repository.topic("education", "loon-in-de-bbl").answer
    assert "€" in messages[0]["feiten"], "what a bbl diploma pays later, with its source"


async def test_the_same_pay_question_without_bbl_before_asks_which_occupation(repository):
    messages, _ = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "krijg je dan echt geld?", "ask_salary")
    )
    assert responses(messages) == ["utter_ask_occupation"]


async def test_a_comparison_without_occupations_that_names_a_school_topic_answers_it(repository):
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, "wat is beter mbo of havo", "compare_occupations")
    )
    assert responses(messages) == ["utter_education"]
    assert messages[0]["antwoord"] == repository.topic("education", "schoolsysteem").answer


async def test_is_there_work_without_an_occupation_gets_the_growing_groups(repository):
    messages, _ = await run_action(
        ActionAnswerProspects(repository),
        parsed(repository, "welke technische sectoren groeien het hardst?", "ask_prospects"),
    )
    assert responses(messages) == ["utter_best_chances"]


async def test_pay_with_experience_says_the_figure_is_for_everyone_in_the_group(repository):
    slots = {"occupation_id": occupation(repository, "lasser").id}
    tracker = parsed(repository, "en als je al 10 jaar werkt?", "ask_salary", slots=slots)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages)[:2] == ["utter_salary_broader", "utter_pay_experience"], responses(messages)


async def test_a_synonym_is_answered_with_the_name_it_was_read_as(repository):
    messages, _ = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "wat verdient een installateur", "ask_salary")
    )
    assert responses(messages)[0] == "utter_read_as"
    assert messages[0]["lezing"] == "'installateur' als installatiemonteur"


async def test_a_typo_is_not_announced_as_another_name(repository):
    messages, _ = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "wat verdient een electricien", "ask_salary")
    )
    assert "utter_read_as" not in responses(messages)


async def test_which_occupations_after_the_bbl_answer_lists_those_with_a_bbl_route(repository):
    bbl = repository.topic("education", "bbl").answer
    text = "en bij welke beroepen kan dat?"
    tracker = parsed(repository, text, "ask_best_chances", events=after_reply(bbl, text))
    messages, events = await run_action(ActionAnswerBestChances(repository), tracker)
    assert responses(messages) == ["utter_occupations_with_bbl"]
    for occupation_id in slot_value(events, "suggested"):
        assert repository.profile(repository.occupation(occupation_id)).bbl


async def test_a_table_of_named_occupations_for_a_worksheet_gives_the_figures_and_the_sheet(repository):
    text = "Kun je een tabelletje maken met het uurloon van een elektricien, lasser en automonteur? Voor een werkblad."
    messages, _ = await run_action(ActionLessonSheet(repository), parsed(repository, text, "ask_lesson_sheet"))
    names = responses(messages)
    assert names[0] == "utter_compare_several" and names[-1] == "utter_lesson_sheet", names


async def test_a_table_after_a_comparison_is_the_comparison_again_not_the_sources(repository):
    pair = [occupation(repository, "elektricien").id, occupation(repository, "loodgieter").id]
    tracker = parsed(repository, "kun je dat in een tabelletje zetten?", "nlu_fallback", slots={"suggested": pair})
    assert rescue(Turn.read(tracker, repository), repository) is ActionCompareOccupations


async def test_a_mentor_introducing_themselves_is_not_the_occupation_asked_about(repository):
    text = "Ik ben decaan op een vmbo. Wat verdient een elektricien?"
    message = Message(data={"text": text})
    AudienceExtractor({}).process([message])
    OccupationMatcher({}, repository.catalog).process([message])
    named = [e["value"].lower() for e in message.get("entities") if e["entity"] == "beroep"]
    assert named == ["elektricien"]


async def test_a_school_topic_that_fits_better_than_the_myth_gets_the_school_answer(repository):
    text = "kan hij later nog wisselen als hij het niet leuk vindt"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert responses(messages) == ["utter_education"]
    assert messages[0]["antwoord"] == repository.topic("education", "overstappen").answer


async def test_a_long_message_taken_for_a_no_gets_the_answer_it_names(repository):
    tracker = parsed(repository, "en als ik dat profiel niet heb gekozen kan het dan nog?", "deny")
    messages, _ = await run_action(ActionAcknowledge(), tracker)
    assert responses(messages) == ["utter_education"]
    assert messages[0]["antwoord"] == repository.topic("education", "doorstromen-van-vmbo").answer


async def test_a_plain_no_is_acknowledged(repository):
    messages, _ = await run_action(ActionAcknowledge(), parsed(repository, "nee hoor", "deny"))
    assert responses(messages) == ["utter_deny_ack"]


async def test_figures_asked_for_a_region_say_they_are_national(repository):
    text = "hoeveel mensen werken er als elektricien in de regio Rotterdam"
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    assert responses(messages)[0] == "utter_prospects" and responses(messages)[-1] == "utter_national_figures"


async def test_an_answer_without_figures_gets_no_note_about_regions(repository):
    text = "wat doet een elektricien in rotterdam"
    messages, _ = await run_action(
        ActionAnswerJobDescription(repository), parsed(repository, text, "ask_job_description")
    )
    assert "utter_national_figures" not in responses(messages)


async def test_best_chances_for_a_class_with_interests_suggests_by_those_interests(repository):
    text = "Wat zijn de beste kansen voor mijn klas? Veel interesse in auto's en gamen."
    messages, _ = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_best_chances"))
    assert responses(messages) == ["utter_interest"]


async def test_tell_me_which_job_asks_what_the_pupil_likes(repository):
    tracker = parsed(repository, "zeg me gwn welk beroep ik moet doen", "nlu_fallback")
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerInterest


async def test_what_a_decaan_is_is_a_school_question_not_an_occupation(repository):
    text = "mijn zoon zegt steeds dat hij naar de decaan moet, wat is dat precies"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert messages[0]["antwoord"] == repository.topic("education", "decaan-en-mentor").answer


async def test_role_models_with_a_migration_background_on_request(repository):
    text = "Zijn er rolmodellen in de techniek met een migratieachtergrond? Voor mijn klas."
    messages, _ = await run_action(ActionAnswerStory(repository), parsed(repository, text, "ask_story"))
    assert responses(messages) == ["utter_stories"]
    shown = [line.split(" (")[0][2:] for line in messages[0]["verhalen"].splitlines()]
    with_background = {s.person_name for s in repository.stories() if s.has_migration_background}
    assert shown and set(shown) <= with_background


async def test_a_unit_follow_up_after_a_comparison_compares_all_again_in_that_unit(repository):
    three = [occupation(repository, name).id for name in ("laborant", "procesoperator", "elektricien")]
    slots = {"suggested": three, "occupation_id": three[-1]}
    messages, _ = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "en per maand?", "ask_salary", slots=slots)
    )
    assert responses(messages)[0] == "utter_compare_several"
    lines = messages[0]["regels"].splitlines()
    assert len(lines) == 3
    with_figure = [line for line in lines if "€" in line]
    assert with_figure and all("bruto per maand" in line for line in with_figure)


async def test_salaries_of_some_technical_occupations_none_named_lists_the_best_paid_of_one_year(repository):
    text = "Kun je me drie salarissen geven van technische beroepen, met bron?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages) == ["utter_best_paid"]


async def test_which_is_heavier_compares_the_work_itself_first(repository):
    text = "timmerman of metselaar wat is zwaarder"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    assert responses(messages)[:2] == ["utter_compare_work", "utter_compare"]
    lines = messages[0]["regels"].splitlines()
    timmerman = repository.profile(occupation(repository, "timmerman"))
    assert lines[0].startswith("- Timmerman: ") and timmerman.daily_work.split(".")[0] in lines[0]


def test_a_short_second_clause_is_a_second_question():
    assert other_questions("is er werk genoeg voor laborant? en goed salaris?", "ask_prospects") == ["ask_salary"]
    assert other_questions("wat verdient een lasser? en de opleiding?", "ask_salary") == ["ask_route"]
    assert other_questions("mijn zoon wil lasser worden, is dat goed werk?", "ask_salary") == []


async def test_a_route_question_that_says_where_the_pupil_starts_adds_that_step(repository):
    text = "hoe wordt mijn zoon elektricien? hij heeft geen diploma"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages)[0] == "utter_route"
    assert repository.topic("education", "entree").answer in [m.get("antwoord") for m in messages]


async def test_a_plain_route_question_gets_the_route_only(repository):
    messages, _ = await run_action(
        ActionAnswerRoute(repository), parsed(repository, "hoe word ik elektricien", "ask_route")
    )
    assert responses(messages) == ["utter_route"]


async def test_a_non_technical_occupation_asked_on_its_own_gets_no_figures_but_the_way_to_compare(repository):
    messages, events = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "wat verdient een advocaat", "ask_salary")
    )
    assert responses(messages) == ["utter_not_technical_only"]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["vergelijk advocaat en elektricien"]
    assert slot_value(events, "beroep") == "Advocaat", "remembered, so 'en vergeleken met een lasser?' follows"


async def test_a_non_technical_occupation_set_beside_technical_work_is_answered_and_marked(repository):
    text = "verdient een kapper minder dan iemand in de techniek?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages)[0] == "utter_not_technical"
    assert responses(messages)[1].startswith("utter_salary") or responses(messages)[1] == "utter_no_salary"


async def test_a_featured_occupation_outside_the_technical_classes_is_answered_with_the_note(repository):
    info = occupation(repository, "mediavormgever")
    assert info.brc_group[:2] not in {"07", "08", "12"} and repository.is_featured(info)
    messages, _ = await run_action(
        ActionAnswerRoute(repository), parsed(repository, "hoe word je mediavormgever", "ask_route")
    )
    assert responses(messages)[:2] == ["utter_not_technical", "utter_route"]


async def test_a_technical_occupation_gets_no_such_note(repository):
    messages, _ = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "wat verdient een elektricien", "ask_salary")
    )
    assert "utter_not_technical" not in responses(messages)


async def test_two_interests_that_no_occupation_shares_each_get_their_best_fits(repository):
    text = "ik game veel maar ik wil ook veel bewegen"
    messages, events = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    assert responses(messages) == ["utter_interest"]
    interests = [set(repository.profile(repository.occupation(i)).interests) for i in slot_value(events, "suggested")]
    assert any("computers" in tags for tags in interests) and any("bewegen" in tags for tags in interests)


async def test_how_many_people_work_as_is_employment_not_pay(repository):
    text = "Hoeveel mensen werken als loodgieter in Nederland en worden dat er meer of minder?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert "utter_prospects" in responses(messages)
    assert not [name for name in responses(messages) if name.startswith("utter_salary")]


async def test_which_occupations_on_a_company_visit_to_a_shipyard_are_the_sectors_occupations(repository):
    text = "We gaan op bedrijfsbezoek bij een scheepswerf. Welke beroepen kunnen de leerlingen daar tegenkomen?"
    messages, _ = await run_action(ActionAnswerNextStep(repository), parsed(repository, text, "ask_next_step"))
    assert responses(messages) == ["utter_sector"]


async def test_a_request_outside_career_guidance_gets_a_polite_no_with_who_handles_it(repository):
    text = "Hoeveel kinderbijslag krijg ik voor mijn zoon van 16?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages) == ["utter_outside"]
    assert "SVB" in messages[0]["verwijzing"]


async def test_the_outside_part_of_a_mixed_question_comes_first_then_the_answer(repository):
    text = "Stopt de kinderbijslag als hij bbl gaat doen? En wat is bbl eigenlijk?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    # beside an answer the referral is said on its own, without "Daarmee kan ik niet helpen"
    assert responses(messages)[:2] == ["utter_outside_beside", "utter_education"]
    assert "SVB" in messages[0]["verwijzing"]


async def test_equal_pay_for_women_is_said_to_be_outside_the_table_then_the_pay_for_all(repository):
    slots = {"occupation_id": occupation(repository, "elektricien").id}
    text = "Krijgen vrouwen in dat werk evenveel betaald als de mannen?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth", slots=slots))
    assert responses(messages)[:2] == ["utter_no_pay_by_gender", "utter_salary"]


async def test_a_plain_stop_is_acknowledged_but_a_longer_question_taken_for_one_is_answered(repository):
    messages, _ = await run_action(ActionAcknowledge(), parsed(repository, "stop", "stop"))
    assert responses(messages) == ["utter_stop"]
    tracker = parsed(repository, "en voetballer? verdienen die niet meer lol", "stop")
    messages, _ = await run_action(ActionAcknowledge(), tracker)
    assert responses(messages) != ["utter_stop"]


async def test_a_liking_the_message_rules_out_is_not_suggested(repository):
    named = [i.tag for i in repository.topics_named("interest", "ik hou niet van hoogtes, wat past bij mij")]
    assert "hoogte" not in named
    assert [i.tag for i in repository.topics_named("interest", "ik ben niet bang voor hoogte")] == ["hoogte"]


async def test_two_myths_in_one_message_are_both_answered(repository):
    text = "techniek is toch vies werk en je verdient er weinig"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    myths = [m["mythe"] for m in messages if m.get("response") == "utter_myth"]
    assert len(myths) == 2 and any("vies" in m for m in myths) and any("betaald" in m for m in myths)


async def test_a_myth_named_plainly_beside_an_occupation_question_is_answered_too(repository):
    text = "Automonteur: heeft dat beroep nog toekomst nu alles elektrisch wordt?"
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    names = responses(messages)
    assert names[0] == "utter_prospects" and "utter_myth" in names
    assert "elektrische auto" in only(messages, "utter_myth")["mythe"]


async def test_the_national_average_after_a_comparison_is_added_to_all_of_them(repository):
    three = [occupation(repository, name).id for name in ("automonteur", "elektricien", "loodgieter")]
    slots = {"suggested": three, "occupation_id": three[-1]}
    text = "Top. En hoe verhoudt zich dat tot het gemiddelde uurloon in Nederland?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary", slots=slots))
    assert responses(messages)[:2] == ["utter_compare_several", "utter_compare_national"]
    assert len(messages[0]["regels"].splitlines()) == 3


async def test_which_profile_for_building_names_the_building_profile(repository):
    text = "zit in de 2e en moet profiel kiezen. welk profiel als ik iets met bouwen wil"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert messages[0]["antwoord"] == repository.topic("education", "bwi").answer


async def test_a_vague_name_to_compare_with_the_occupation_talked_about_compares_each_fit(repository):
    slots = {"occupation_id": occupation(repository, "procesoperator").id}
    tracker = parsed(repository, "en monteur? wat is beter", "compare_occupations", slots=slots)
    messages, events = await run_action(ActionCompareOccupations(repository), tracker)
    assert responses(messages)[0] == "utter_compare_several"
    assert messages[0]["regels"].startswith("- Procesoperator")


async def test_one_occupation_and_a_school_question_get_the_topic_and_the_pay(repository):
    text = "ik doe nu mbo 2 mechatronica heeft het zin om door te gaan naar niveau 4 of hbo? verdien je dan echt meer"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    names = responses(messages)
    assert names[0] in ("utter_education", "utter_occupations_at_level"), names  # not "vergelijken met wat?"
    assert any(n.startswith("utter_salary") for n in names), names


async def test_do_you_have_to_be_clever_beside_a_description_question_gets_the_myth_too(repository):
    text = "wat doet een laborant en moet je daar heel slim voor zijn"
    messages, _ = await run_action(
        ActionAnswerJobDescription(repository), parsed(repository, text, "ask_job_description")
    )
    names = responses(messages)
    assert "utter_job_description" in names and names[-1] == "utter_myth", names


def test_how_long_away_from_home_after_a_maritime_answer_is_a_question_about_the_work(repository):
    slots = {"occupation_id": occupation(repository, "matroos binnenvaart").id}
    turn = Turn.read(parsed(repository, "Hoe lang is hij dan van huis?", "out_of_scope", slots=slots), repository)
    assert rescue(turn, repository, topics_only=True) is ActionAnswerJobDescription


def test_a_block_just_read_word_for_word_is_not_repeated():
    description = "Een scheepsbouwer bouwt en repareert schepen op een werf, in grote hallen en buiten op de werf."
    myth = "Veiligheid krijgt in de techniek veel aandacht: er zijn strenge regels, trainingen en beschermingsmiddelen."
    caveat = "Let op! Dit cijfer gaat over een bredere groep."
    replies = [
        Reply("utter_job_description", {"naam": "Scheepsbouwer", "dagelijks_werk": description}),
        Reply("utter_myth", {"antwoord": myth}),
        Reply("utter_pay_caveat", {"noot": caveat}),
    ]
    previous = f"Scheepsbouwer. {description}\n{caveat}\nWat verdien je?"
    assert [r.response for r in without_repeats(replies, previous)] == ["utter_myth", "utter_pay_caveat"]
    # Asked again with nothing new to say: the same answer rather than none.
    assert without_repeats(replies[:1], previous) == replies[:1]
    assert without_repeats(replies, "") == replies


async def test_a_long_message_ending_in_a_plain_question_about_an_occupation_gets_that_answer(repository):
    text = (
        "Goedemiddag, mijn zoon zit in 3 vmbo kader. Hij is altijd bezig met zijn brommer, dus hij is wel handig. "
        "Wij twijfelen nog. Wat verdient een automonteur eigenlijk?"
    )
    messages, events = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages)[0] == "utter_salary"
    assert messages[0]["naam"] == "Automonteur"


async def test_which_of_the_two_with_one_named_after_a_list_compares_it_with_the_lists_first(repository):
    listed = [repository.occupation(repository.find(n).best.occupation_id) for n in ("automonteur", "fietstechnicus")]
    tracker = parsed(
        repository,
        "En een elektricien? En welke van de twee heeft meer toekomst?",
        "compare_occupations",
        slots={"suggested": [info.id for info in listed]},
    )
    messages, _ = await run_action(ActionCompareOccupations(repository), tracker)
    assert responses(messages)[0].startswith("utter_compare")
    assert "Automonteur" in str(messages[0]) and "Elektricien" in str(messages[0])


async def test_a_choice_between_two_named_occupations_compares_them_whatever_else_is_liked(repository):
    text = "Wat past beter bij mijn dochter: installatietechnicus of laborant? Ze is goed in scheikunde."
    messages, _ = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    compared = [m for m in messages if (m.get("response") or "").startswith("utter_compare")]
    assert compared and "Installatiemonteur" in str(compared[0]) and "Laboratoriumanalist" in str(compared[0])


async def test_a_school_question_taken_for_a_next_step_gets_the_school_answer(repository):
    tracker = parsed(repository, "kan je bij de bbl dan al geld verdienen?", "ask_next_step")
    messages, _ = await run_action(ActionAnswerNextStep(repository), tracker)
    assert responses(messages) == ["utter_education"] and "loon" in messages[0]["antwoord"]


async def test_a_long_message_naming_one_occupation_and_ending_in_a_plain_question_gets_that_answer(repository):
    text = "Oké. Hij gaat voor installatiemonteur, niveau 3. Heeft hij daarna makkelijk werk?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages)[0] == "utter_prospects"


async def test_two_sectors_set_against_each_other_compare_their_main_occupations(repository):
    tracker = parsed(repository, "wat is beter betaald ict of elektro", "ask_interest")
    messages, events = await run_action(ActionAnswerInterest(repository), tracker)
    assert responses(messages)[0].startswith("utter_compare")
    sectors = {repository.profile(repository.occupation(i)).sector for i in slot_value(events, "suggested")}
    assert sectors == {"ict-media", "elektrotechniek"}


async def test_the_asker_wants_the_occupation_after_but(repository):
    text = "me ouders willen dat ik dokter word maar ik wil automonteur worden wat moet ik doen"
    messages, events = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert "utter_route" in responses(messages)
    assert slot_value(events, "beroep") == "Automonteur"


async def test_a_next_step_message_ending_in_a_question_about_an_occupation_gets_that_answer(repository):
    text = "Er mailde een bedrijf over stageplekken voor automonteur. Ik weet niet wat dat werk is. Wat doet zo iemand?"
    messages, _ = await run_action(ActionAnswerNextStep(repository), parsed(repository, text, "ask_next_step"))
    assert responses(messages)[0] == "utter_job_description"


async def test_which_of_the_two_asked_as_a_topic_question_compares_the_two_on_the_table(repository):
    listed = [repository.occupation(repository.find(n).best.occupation_id) for n in ("lasser", "cnc-verspaner")]
    text = "Welke van de twee zou jij aanraden aan een leerling die niet graag stilzit?"
    tracker = parsed(repository, text, "ask_interest", slots={"suggested": [info.id for info in listed]})
    messages, _ = await run_action(ActionAnswerInterest(repository), tracker)
    assert responses(messages)[0].startswith("utter_compare")


async def test_a_pay_question_about_a_named_occupation_taken_for_a_next_step_gets_the_pay(repository):
    text = "wat verdient een installatiemonteur? mijn zoon doet nu bbl bij een bedrijf in schiedam"
    messages, _ = await run_action(ActionAnswerNextStep(repository), parsed(repository, text, "ask_next_step"))
    assert "utter_next_step" not in responses(messages)
    assert any(name.startswith("utter_salary") for name in responses(messages))


def test_a_reply_given_twice_in_one_answer_is_uttered_once():
    twice = Reply("utter_work_condition", {"naam": "Procesoperator", "onderwerp": "x", "zinnen": "y"})
    other = Reply("utter_salary", {"naam": "Procesoperator"})
    assert distinct([twice, other, twice]) == [twice, other]


async def test_als_2e_noemde_is_the_second_occupation_suggested(repository):
    suggested = [occupation(repository, name).id for name in ("timmerman", "metselaar", "schilder")]
    tracker = parsed(repository, "en die andere die je als 2e noemde?", "ask_salary", slots={"suggested": suggested})
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert messages[0]["naam"].lower() == "metselaar", messages[0]


async def test_what_is_an_occupation_asked_by_name_gets_the_work_not_the_pay(repository):
    tracker = parsed(
        repository, "wat is een mechatronicus? mn mentor zei dat het iets voor mij was", "inform_occupation"
    )
    messages, _ = await run_action(ActionAnswerOccupation(repository), tracker)
    assert responses(messages)[0] == "utter_job_description", responses(messages)


async def test_asked_whether_it_is_technical_work_the_answer_says_so_first(repository):
    text = "wat doe je als laborant? is dat ook techniek of meer zorg"
    messages, _ = await run_action(
        ActionAnswerJobDescription(repository), parsed(repository, text, "ask_job_description")
    )
    assert responses(messages) == ["utter_read_as", "utter_is_technical", "utter_job_description"]  # laborant
    assert messages[1]["klasse"] == "technische beroepen"


async def test_a_worry_beside_an_occupation_name_gets_the_myth_not_the_pay(repository):
    text = "ik ben meisje en wil automonteur worden maar in mn klas lachen ze me uit. is het echt zo raar?"
    messages, _ = await run_action(ActionAnswerOccupation(repository), parsed(repository, text, "inform_occupation"))
    assert responses(messages)[0] == "utter_myth", responses(messages)
    assert "meisjes" in messages[0]["mythe"]


async def test_a_name_with_one_candidate_is_that_occupation_not_a_choice(repository):
    messages, _ = await run_action(
        ActionAnswerSalary(repository), parsed(repository, "hoeveel verdient een voetballer", "ask_salary")
    )
    assert "utter_several_fit" not in responses(messages), responses(messages)


async def test_a_vague_name_the_message_settles_is_that_occupation(repository):
    text = "Mijn zoon heeft in Polen school gedaan voor mechanik, auto. Is hier werk voor hem als monteur?"
    messages, _ = await run_action(ActionAnswerProspects(repository), parsed(repository, text, "ask_prospects"))
    assert "utter_several_fit" not in responses(messages), responses(messages)
    assert any("Automonteur" in str(m.get("naam", "")) for m in messages), responses(messages)


async def test_a_failing_answer_still_tells_the_user_something(repository, monkeypatch):
    def broken(self, turn):
        raise RecursionError("a bug")

    monkeypatch.setattr(ActionAnswerRoute, "answer", broken)
    messages, events = await run_action(
        ActionAnswerRoute(repository), parsed(repository, "hoe word ik lasser", "ask_route")
    )
    assert responses(messages) == ["utter_error"] and events == []


async def test_subjects_to_choose_for_work_outside_technology_is_no_list_question(repository):
    text = "Een leerling van mij wil huisarts worden. Welke vakken moet ze kiezen en hoe lang duurt die opleiding?"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert responses(messages)[0] == "utter_not_technical_only", responses(messages)


async def test_a_plain_question_of_another_kind_wins_over_the_intent(repository):
    slots = {"occupation_id": occupation(repository, "onderhoudsmonteur").id}
    tracker = parsed(repository, "Ok en die eerste, hoeveel vraag is daar naar?", "ask_salary", slots=slots)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages)[0].startswith("utter_prospects"), responses(messages)


async def test_a_fitter_of_something_is_that_fitter(repository):
    text = "goede middag mijn dochter wil monteur worden van liften kan dat"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    assert "utter_several_fit" not in responses(messages), responses(messages)
    assert any("lift" in str(m.get("naam", "")).lower() for m in messages), responses(messages)


async def test_a_story_asked_after_a_list_is_about_a_listed_occupation_and_fits_the_route_asked(repository):
    listed = [occupation(repository, n) for n in ("laboratoriumanalist", "procesoperator", "ICT-beheerder")]
    slots = {"suggested": [info.id for info in listed]}
    tracker = parsed(repository, "Heeft u een voorbeeld van iemand die dit doet?", "ask_story", slots=slots)
    messages, events = await run_action(ActionAnswerStory(repository), tracker)
    story = only(messages, "utter_story")
    assert any(repository.display_name(info).lower() in story["naam_zin"].lower() for info in listed), story["naam_zin"]
    tracker = parsed(repository, "heb je een verhaal van iemand die via de bbl begon?", "ask_story")
    messages, _ = await run_action(ActionAnswerStory(repository), tracker)
    assert "bbl" in only(messages, "utter_story")["route"].lower()


async def test_which_occupation_fits_him_beside_a_pay_question_gets_both(repository):
    text = (
        "Hij is altijd aan het sleutelen aan zijn brommer. Wat voor beroep past bij hem en wat verdient een "
        "automonteur eigenlijk?"
    )
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    names = responses(messages)
    assert names[0].startswith("utter_salary") and "utter_interest" in names, names


async def test_the_share_of_women_in_those_occupations_taken_for_a_story_gives_their_figures(repository):
    slots = {"suggested": [occupation(repository, n).id for n in ("elektricien", "installatiemonteur")]}
    text = "En hoe zit het met het aandeel vrouwen in die beroepen?"
    messages, _ = await run_action(ActionAnswerStory(repository), parsed(repository, text, "ask_story", slots=slots))
    assert "utter_story" not in responses(messages) and "vrouw" in only(messages, "utter_compare")["a_banen"]


async def test_dyslexia_gets_who_can_tell_about_support_beside_or_instead_of_a_menu(repository):
    text = "kan je ook in techniek werken als je dyslexie hebt"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth"))
    assert "utter_learning_support" in responses(messages) and "utter_ask_which_myth" not in responses(messages)
    slots = {"occupation_id": occupation(repository, "elektricien").id}
    text = "hoe word ik dat? ik heb dyslexie"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route", slots=slots))
    assert responses(messages)[0].startswith("utter_route") and "utter_learning_support" in responses(messages)


def test_self_employment_and_figures_to_show_are_pay_follow_ups(repository):
    slots = {"occupation_id": occupation(repository, "loodgieter").id}
    for text in ("en als hij later voor zichzelf begint als zzp'er?", "Heeft u cijfers die ik hem kan laten zien?"):
        turn = Turn.read(tracker_for(text, "nlu_fallback", slots=slots), repository)
        assert rescue(turn, repository) is ActionAnswerSalary, text
