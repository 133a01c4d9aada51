"""Kinds of question the eleventh round's development parts (av–ax) and their judges showed failing."""

import pytest
from helpers import after_reply, only, parsed, responses, run_action

from actions.also_asked import other_questions
from actions.audience import ActionSetAudience
from actions.description import ActionAnswerJobDescription
from actions.lists import BEST_PAID
from actions.outside import outside_reply
from actions.stories import story_heading

# the actions read the server's repository; these tests hand them the test run's own
pytestmark = pytest.mark.usefixtures("the_servers_repository")

SOME_PAY_ANSWER = "Automonteur: dit valt in de groep 'Automonteurs'. De helft verdient meer dan € 21,10 bruto per uur."


@pytest.mark.parametrize(
    "text",
    [
        "wat doet een scheepsbouwer precies? lassen aan boten ofzo?",  # a guess at the answer, not a new question
        "Wat doet een scheepsbouwer precies? Mijn zwager zegt dat het alleen maar lassen is in een koude hal",
    ],
)
async def test_the_occupation_asked_about_is_described_not_the_one_guessed(repository, text):
    messages, _ = await run_action(
        ActionAnswerJobDescription(repository), parsed(repository, text, "ask_job_description")
    )
    assert only(messages, "utter_job_description")["naam"] == "Scheepsbouwer"


async def test_a_region_follow_up_taken_for_who_is_writing_gets_the_figures_said_to_be_national(repository):
    text = "en hier in rotterdam?"
    automonteur = occupation_of(repository, "Automonteur")
    tracker = parsed(
        repository,
        text,
        "inform_audience",
        slots={"occupation_id": automonteur},
        events=after_reply(SOME_PAY_ANSWER, text),
    )
    messages, _ = await run_action(ActionSetAudience(), tracker)
    said = responses(messages)
    assert "utter_greet" not in said and only(messages, "utter_national_figures")["regio"] == "de regio Rotterdam", said


async def test_a_parent_saying_who_writes_is_still_welcomed(repository):
    text = "ik ben de moeder van Daan"
    messages, _ = await run_action(ActionSetAudience(), parsed(repository, text, "inform_audience"))
    assert responses(messages) in (["utter_audience_set"], ["utter_greet"]), responses(messages)


@pytest.mark.parametrize(
    "text, intent, asked",
    [
        ("Welke opleiding moet zij doen? En verdient een laborant goed geld of niet?", "ask_route", "ask_salary"),
        ("klas vraagt wat een labrant verdient en of je daarvoor hbo moet hebben, snel aub", "ask_salary", "ask_route"),
        ("Is dit goed werk? veel werk of niet? En hoe lang hij moet naar school", "ask_prospects", "ask_route"),
    ],
)
def test_a_second_question_in_plain_words_is_heard(text, intent, asked):
    assert asked in other_questions(text, intent)


def test_the_most_paid_in_other_words_is_the_best_paid():
    assert BEST_PAID.search("yo wat is het meest betaalde technische beroep met mbo")


@pytest.mark.parametrize(
    "text, outside",
    [
        ("ik wil later iets met schepen maar niet op zee want ik word zeeziek lol", False),  # a wish for work ashore
        ("kan ik matroos worden als ik snel zeeziek word?", True),  # fitness: the school's call
    ],
)
def test_seasickness_is_a_fitness_question_only_when_it_asks_about_fitness(text, outside):
    assert (outside_reply(text) is not None) is outside


def test_a_part_of_a_field_ruled_out_does_not_rule_out_the_field(repository):
    assert not repository.sectors_ruled_out("ik wil iets met schepen maar niet op zee")
    assert [s.sector for s in repository.sectors_ruled_out("hij wil ook niet de bouw in")] == ["bouw-infra"]


async def test_ships_but_seasick_lists_the_work_ashore_not_the_school_profile(repository):
    from actions.topics import ActionAnswerInterest

    text = "ik wil later iets met schepen maar niet op zee want ik word zeeziek lol"
    messages, _ = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    said = responses(messages)
    assert "utter_ashore" in said and "utter_education" not in said, said
    assert "utter_no_forecast" not in said, said  # "later" is when, not a question about the future


@pytest.mark.parametrize(
    "text, myth",
    [
        ("mbo is toch een beetje het afvoerputje van het onderwijs?", "m16"),
        ("Ouders zeggen vaak 'mbo is voor als je het niet haalt'. Welke feiten kan ik gebruiken?", "m16"),
    ],
)
def test_mbo_looked_down_on_in_other_words_is_that_myth(repository, text, myth):
    assert repository.best_topic("myth", text).myth_id == myth


async def test_pay_and_a_field_asked_right_after_the_bbl(repository):
    from actions.topics import ActionAnswerSector

    bbl = repository.topic("education", "bbl").answer
    text = "en krijg je dan al geld? en kan dat ook bij elektro"
    tracker = parsed(repository, text, "ask_sector", events=after_reply(bbl, text))
    messages, _ = await run_action(ActionAnswerSector(repository), tracker)
    said = responses(messages)
    assert said[0] == "utter_education" and "utter_bbl_in_sector" in said, said
    assert "Elektr" in only(messages, "utter_bbl_in_sector")["beroepen"]


async def test_three_bullets_after_a_myth_give_the_myth_in_its_own_sentences(repository):
    myth = repository.topic("myth", "m16")
    told = f"'{myth.myth}' Dat hoor je vaak. {myth.answer}"
    text = "Kun je dat in 3 bullets zetten voor een dia? kort graag"
    tracker = parsed(repository, text, "nlu_fallback", events=after_reply(told, text))
    messages, _ = await run_action(ActionAnswerJobDescription(repository), tracker)
    short = only(messages, "utter_short_topic")
    assert short["regels"].count("\n- ") == 2 and myth.myth in short["regels"], short["regels"]
    assert "bron:" in short["feit"], short["feit"]


async def test_another_name_asked_as_the_same_work_is_set_beside_the_one_talked_about(repository):
    from actions.topics import ActionAnswerInterest

    text = "En zonnepanelenmonteur, is dat een apart beroep of valt dat onder hetzelfde? wil t goed uitleggen"
    tracker = parsed(
        repository, text, "ask_interest", slots={"occupation_id": occupation_of(repository, "Monteur warmtepompen")}
    )
    messages, _ = await run_action(ActionAnswerInterest(repository), tracker)
    assert "utter_interest" not in responses(messages), responses(messages)


def occupation_of(repository, display_name: str) -> str:
    return next(i.id for i in repository.featured_occupations() if repository.display_name(i) == display_name)


async def test_a_word_added_in_front_of_a_name_is_said_to_be_read_as_the_namesake(repository):
    from actions.turn import Turn

    turn = Turn.read(
        parsed(repository, "automonteur of motorfietstechnicus wat is het verschil", "compare_occupations"), repository
    )
    assert ("motorfietstechnicus", "Fietstechnicus") in turn.read_as, turn.read_as
    plural = Turn.read(parsed(repository, "wat verdienen lassers", "ask_salary"), repository)
    assert not plural.read_as  # a plural is the name itself


def test_a_dislike_said_with_hekel_heeft_aan_is_no_liking(repository):
    text = "hij is goed met zijn handen, werkt graag buiten en heeft een hekel aan computers"
    assert "computers" not in {row.label for row in repository.topics_named("interest", text)}
    text = "een leerling die graag buiten werkt en een hekel heeft aan computers"
    assert all("computer" not in row.label for row in repository.topics_named("interest", text))


async def test_another_kind_of_work_named_after_a_comparison_is_answered_not_misunderstood(repository):
    from actions.conversation import ActionFallback

    text = "oke en politieagent? die wil hij ook nog overwegen"
    messages, _ = await run_action(ActionFallback(), parsed(repository, text, "nlu_fallback"))
    assert "utter_default" not in responses(messages) and "politieagent" in str(messages).lower(), responses(messages)


async def test_why_hourly_is_explained(repository):
    from actions.pay import ActionAnswerSalary

    text = "waarom per uur en niet per maand? dat snappen ze beter"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages)[0] == "utter_figures_per_unit", responses(messages)


async def test_how_she_got_there_after_a_story_is_the_route_it_tells_marked_as_invented(repository):
    from actions.prospects import ActionAnswerProspects

    story = next(s for s in repository.stories() if s.person_name == "Samira")
    told = f"{story_heading(story)}\n{story.route}"
    text = "hoe is ze daar gekomen"
    tracker = parsed(repository, text, "ask_prospects", events=after_reply(told, text))
    messages, _ = await run_action(ActionAnswerProspects(repository), tracker)
    said = responses(messages)
    assert said[:2] == ["utter_story_route_invented", "utter_route"], said
    assert only(messages, "utter_story_route_invented")["route"] == story.route


def test_two_myths_shown_are_shortened_in_the_order_shown_each_with_a_fact(repository):
    from actions.short_version import topic_short_version

    paid, dirty = repository.topic("myth", "m02"), repository.topic("myth", "m01")
    told = f"'{paid.myth}' Dat hoor je vaak. {paid.answer}\n'{dirty.myth}' {dirty.answer}"
    short = topic_short_version(repository, told).replies[0].values
    lines = short["regels"].splitlines()
    assert lines[0].startswith(f"- '{paid.myth}'") and lines[1].startswith(f"- '{dirty.myth}'"), lines
    assert short["feit"].count("(bron:") == 2, short["feit"]


@pytest.mark.parametrize(
    "text",
    ["iets leuks voor de klas over techniek?", "3e klas mavo, 25 lln, 50 min", "heb je iets voor mijn klas?"],
)
async def test_a_class_asked_for_or_described_gets_the_class_materials_only(repository, text):
    from actions.conversation import ActionFallback

    messages, _ = await run_action(ActionFallback(), parsed(repository, text, "nlu_fallback"))
    assert responses(messages) == ["utter_class_materials"], responses(messages)


async def test_three_occupations_without_dirty_work_with_their_pay(repository):
    from actions.lists import ActionAnswerBestChances

    text = "Geef eens drie beroepen waar je echt niet vies wordt, met wat ze verdienen"
    messages, events = await run_action(
        ActionAnswerBestChances(repository), parsed(repository, text, "ask_best_chances")
    )
    listed = only(messages, "utter_these_occupations")["beroepen"]
    assert listed.count("\n- ") == 2 and "Lasser" not in listed and "€" in listed, listed


def test_work_said_to_be_clean_is_not_left_out_for_dirt_but_put_first(repository):
    from actions.conditions import without_ruled_out

    analyst = occupation_of(repository, "Laboratoriumanalist")
    welder = occupation_of(repository, "Lasser")
    infos = [repository.occupation(welder), repository.occupation(analyst)]
    kept, left_out, _ = without_ruled_out(repository, infos, "iets waar je niet vies wordt")
    assert [repository.display_name(i) for i in kept] == ["Laboratoriumanalist"] and len(left_out) == 1


async def test_is_that_per_month_right_after_the_pay_is_answered_about_the_figure(repository):
    from actions.pay import ActionAnswerSalary

    builder = occupation_of(repository, "Scheepsbouwer")
    told = "Scheepsbouwer: dit hoort bij de groep. De helft verdient meer dan € 20,40 bruto per uur."
    tracker = parsed(
        repository,
        "is dat per maand?",
        "ask_salary",
        slots={"occupation_id": builder},
        events=after_reply(told, "is dat per maand?"),
    )
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages)[0] == "utter_figures_per_unit", responses(messages)


@pytest.mark.parametrize(
    "text, intent, asked",
    [
        (
            "Kun je in een paar zinnen uitleggen wat een lasser doet en wat die verdient?",
            "ask_salary",
            "ask_job_description",
        ),
        (
            "Wat is het verschil? En welke vmbo-profielen sluiten daar het best op aan?",
            "ask_job_description",
            "ask_route",
        ),
    ],
)
def test_more_second_questions_in_plain_words(text, intent, asked):
    assert asked in other_questions(text, intent)


def test_the_writers_own_past_work_is_context_not_the_question(repository):
    from actions.turn import Turn

    text = (
        "Goedendag, in Syrië was ik werktuigbouwkundig ingenieur. Hier werk ik nu in magazijn. Mijn zoon wil"
        " vliegtuigmonteur worden bij Schiphol. Kan hij na mbo nog naar hbo?"
    )
    turn = Turn.read(parsed(repository, text, "ask_route"), repository)
    assert repository.display_name(turn.occupation) == "Vliegtuigmonteur"


@pytest.mark.parametrize(
    "text",
    [
        "hij heeft 10 jaar gewerkt in Polen als lasser",
        "heb je daar een diploma voor nodig?",
        "doet een automonteur ook apk keuringen?",
        "zijn de lonen in de bouw gezakt?",
        "ik wil switchen naar de bbl, kan dat direct?",
        "kan ik een mail sturen naar de school?",
        "welk type werk past bij mij?",
    ],
)
def test_ordinary_career_questions_are_not_taken_for_outside_matters(text):
    assert outside_reply(text) is None


def test_a_subsidy_stopping_is_a_worry_about_the_work_not_a_subsidy_question():
    assert outside_reply("blijft dat werk er wel als de subsidies stoppen?") is None
    assert outside_reply("kun je de subsidieregels voor warmtepompen uitleggen?") is not None


def test_older_is_an_age_not_a_parent():
    from actions.audience import NAMES_AN_AUDIENCE, OLDER
    from actions.comparison import ASKS_EXPERIENCE

    text = "en als je ouder bent?"
    assert not NAMES_AN_AUDIENCE.search(OLDER.sub(" ", text)) and ASKS_EXPERIENCE.search(text)
    assert NAMES_AN_AUDIENCE.search("ik ben ouder van een leerling")


async def test_how_the_entree_works_asked_beside_a_list_gets_the_school_topic(repository):
    from actions.lists import ActionAnswerBestChances

    text = (
        "Welke technische beroepen zijn goed bereikbaar als je Nederlands nog niet zo goed is,"
        " en hoe werkt de entreeopleiding?"
    )
    messages, _ = await run_action(ActionAnswerBestChances(repository), parsed(repository, text, "ask_best_chances"))
    said = responses(messages)
    assert said[0] == "utter_education" and "utter_language_support" in said, said


async def test_a_short_follow_up_naming_one_occupation_in_passing_is_about_it(repository):
    from actions.topics import ActionAnswerEducation

    text = "oke en iets met computers dan, netwerkbeheerder ofzo"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert "Netwerkbeheerder" in str(messages) and "utter_education" not in responses(messages), responses(messages)


async def test_pay_compared_with_another_occupation_sets_both_side_by_side(repository):
    from actions.pay import ActionAnswerSalary

    analyst = occupation_of(repository, "Laboratoriumanalist")
    text = "en hoeveel verdienen die ongeveer vergeleken met een procesoperator?"
    tracker = parsed(repository, text, "ask_salary", slots={"occupation_id": analyst})
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    compared = str(messages)
    assert "Laboratoriumanalist" in compared and "Procesoperator" in compared


async def test_winter_work_is_a_question_about_working_outside(repository):
    solar = occupation_of(repository, "Zonnepanelenmonteur")
    text = "Is dat niet alleen zomerwerk? In de winter ligt toch alles stil"
    tracker = parsed(repository, text, "ask_job_description", slots={"occupation_id": solar})
    messages, _ = await run_action(ActionAnswerJobDescription(repository), tracker)
    assert "storm" in only(messages, "utter_work_condition")["zinnen"], messages


def test_options_in_a_field_asks_for_its_occupations():
    from actions.topics import NAME_OCCUPATIONS, WORK_WORDS

    text = "Ik ben zelf vrachtwagenchauffeur. Wat zijn opties in mobiliteit en heeft hij met basis wel kans?"
    assert NAME_OCCUPATIONS.search(text) and WORK_WORDS.search(text)
    assert "ask_route" in other_questions("wat is een laborant en kun je dat ook met niveau 2", "ask_job_description")


async def test_women_in_a_pay_question_are_no_unknown_occupation(repository):
    from actions.pay import ActionAnswerSalary

    text = "Verdienen vrouwen in de techniek minder dan mannen?"
    entities = [{"entity": "beroep", "value": "vrouwen", "start": 10, "end": 17}]
    from helpers import tracker_for

    messages, _ = await run_action(ActionAnswerSalary(repository), tracker_for(text, "ask_salary", entities))
    assert "utter_no_pay_by_gender" in responses(messages), responses(messages)


def test_a_non_technical_vmbo_profile_asks_about_access(repository):
    assert repository.best_topic("education", "kan het ook met d&p of zo").topic_id == "doorstromen-van-vmbo"


def test_was_she_also_at_vmbo_after_a_story_is_its_route(repository):
    from actions.rescue import rescue
    from actions.stories import ActionAnswerStory
    from actions.turn import Turn

    story = next(s for s in repository.stories() if s.person_name == "Soufiane")
    told = f"{story_heading(story)}\n{story.route}"
    tracker = parsed(
        repository, "was die ook op vmbo?", "nlu_fallback", events=after_reply(told, "was die ook op vmbo?")
    )
    assert rescue(Turn.read(tracker, repository), repository) is ActionAnswerStory


def test_five_occupations_for_a_lesson_are_listed(repository):
    from actions.lists import ActionAnswerBestChances
    from actions.rescue import rescue
    from actions.turn import Turn

    text = "Ik maak een les van 50 min over techniek in de regio. Welke 5 beroepen moet ik echt noemen en waarom?"
    assert (
        rescue(Turn.read(parsed(repository, text, "nlu_fallback"), repository), repository) is ActionAnswerBestChances
    )


async def test_hbo_after_a_lower_mbo_level_says_level_4_first(repository):
    from actions.topics import ActionAnswerEducation

    text = "kan je met mbo 2 later nog naar hbo"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages)[:2] == ["utter_hbo_after_level_4_first", "utter_education"], responses(messages)


def test_a_dying_trade_and_helping_a_child_choose_are_understood_follow_ups(repository):
    from actions.lists import ActionAnswerNextStep
    from actions.prospects import ActionAnswerProspects
    from actions.rescue import rescue
    from actions.turn import Turn

    builder = occupation_of(repository, "Scheepsbouwer")
    dying = parsed(repository, "is dat geen uitstervend vak in NL?", "nlu_fallback", slots={"occupation_id": builder})
    assert rescue(Turn.read(dying, repository), repository) is ActionAnswerProspects
    text = "Wat kunnen wij als ouders doen om hem te helpen bij het kiezen? Hij zit in vmbo 3."
    helping = parsed(repository, text, "nlu_fallback", slots={"occupation_id": builder})
    assert rescue(Turn.read(helping, repository), repository) is ActionAnswerNextStep


def test_the_writers_own_work_of_many_years_is_context(repository):
    from actions.turn import Turn

    text = "ik werk zelf al 20 jaar in de haven als sjorder. Mijn zoon wil procesoperator worden. Wat moet hij doen?"
    turn = Turn.read(parsed(repository, text, "ask_route"), repository)
    assert [repository.display_name(i) for i in turn.found] == ["Procesoperator"]


async def test_using_the_figures_in_a_lesson_gets_the_licence(repository):
    from actions.data_source import ActionAnswerDataSource

    text = "Mag ik die cijfers in een powerpoint voor de klas gebruiken als ik de bron erbij zet?"
    messages, _ = await run_action(ActionAnswerDataSource(repository), parsed(repository, text, "ask_data_source"))
    assert responses(messages)[0] == "utter_figures_reuse", responses(messages)


def test_whether_it_can_be_done_with_little_dutch_asks_about_the_route():
    from actions.also_asked import CUES

    text = "hij wil auto monteur worden. kan dat als zijn nederlands nog niet goed is?"
    assert [kind for kind, cue in CUES.items() if cue.search(text)] == ["ask_route"]


@pytest.mark.parametrize(
    "text, referral",
    [
        ("Kan ze nog halverwege het jaar overstappen of moet ze tot september wachten?", "studieloopbaanbegeleider"),
        ("Hoeveel kost die school per jaar?", "DUO"),  # not answered with a year's pay
        ("Mijn zoon is gezakt voor zijn examen wiskunde. Mag hij herkansen?", "herkansen"),
        ("en in duitsland?? daar verdien je meer zeggen ze", "alleen over Nederland"),
        ("Wat zegt de cao metaal & techniek over het startsalaris van een monteur niveau 2?", "cao zelf"),
        ("kun je ook de profielkeuzeformulieren van mijn leerlingen in Magister invullen?", "Magister"),
        ("Kun je een mailtje voor me schrijven aan de ouders van 3b?", "brief"),
        ("Mijn zoon 17 jaar, in Polen hij deed elektro monteur school 2 jaar. Kan hij hier verder?", "IDW"),
        ("moet je daar goed in engels voor zijn want daar ben ik slecht in", "Engels"),
        ("weet u toevallig ook een goede garage in rotterdam zuid? mijn apk is verlopen", "garage"),
        ("Laatste vraag: welk merk zonnepanelen kunnen wij zelf het beste op ons dak leggen?", "Merken"),
        ("kan je me helpen met mn cv voor een bijbaantje bij de appie", None),  # a plain no
        ("Welke partij moet ik stemmen als ik wil dat er meer geld naar techniek onderwijs gaat?", None),
    ],
)
def test_matters_outside_career_information_are_referred_or_declined(text, referral):
    reply = outside_reply(text)
    assert reply is not None, text
    if referral is None:
        assert reply.response == "utter_outside" and not reply.values["verwijzing"], reply
    else:
        assert referral in reply.values["verwijzing"], reply


@pytest.mark.parametrize(
    "text",
    [
        "in Polen deed hij 2 jaar elektro school, verdient hij hier dan meer?",
        "hij heeft 10 jaar in Polen gewerkt als lasser, verdient hij hier meer?",
    ],
)
def test_schooling_or_work_abroad_is_not_taken_for_another_countrys_figures(text):
    reply = outside_reply(text)
    assert reply is None or "alleen over Nederland" not in reply.values["verwijzing"], reply
