"""Kinds of question the tenth round's development parts (ap, aq) and their judges showed failing."""

import pytest
from helpers import only, parsed, responses, run_action

from actions.formatting import women_share
from occupations.matching import find_mentions, is_clear_mention


def occupation_id(repository, name):
    return repository.find(name).best.occupation_id


@pytest.fixture(autouse=True)
def the_servers_repository(repository, monkeypatch):
    monkeypatch.setattr("actions.base.process_repository", lambda: repository)


@pytest.mark.parametrize(
    "text, name",
    [
        ("hoe word je drone piloot", "dronepiloot"),  # two words of a one-word name
        ("wat verdient een drone-piloot", "dronepiloot"),
        ("hoeveel dronepiloten zijn er", "dronepiloot"),  # the plural of -oot
        ("wat is een labarant", "laborant"),  # one letter off inside a long word
    ],
)
def test_a_name_written_apart_in_the_plural_or_with_one_typo_is_found(repository, text, name):
    mentions = [m for m in find_mentions(repository.catalog, text) if is_clear_mention(repository.catalog, m)]
    assert mentions and mentions[0].best.label == name, [(m.text, m.matches[:2]) for m in mentions]


@pytest.mark.parametrize("text", ["hij wil rechten studeren", "ze vindt labwerk leuk"])
def test_an_ordinary_word_one_letter_from_a_name_is_no_mention(repository, text):
    # "rechten" is not a misspelt rechter (a word form differs at its end), "labwerk" not laswerk (too short)
    assert not [m for m in find_mentions(repository.catalog, text) if is_clear_mention(repository.catalog, m)]


async def test_work_on_a_ship_lists_the_work_aboard_first(repository):
    from actions.topics import ActionAnswerSector

    text = "ik wil op een schip werken wat kan ik allemaal doen"
    messages, events = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    aboard = only(messages, "utter_aboard")["beroepen"]
    assert "Matroos binnenvaart" in aboard and "Havenmedewerker" not in aboard, aboard
    listed = only(messages, "utter_sector")["beroepen"]
    assert listed.index("Matroos") < listed.index("Scheepsbouwer"), listed


async def test_ships_but_not_at_sea_lists_the_work_ashore_first(repository):
    from actions.topics import ActionAnswerInterest

    text = "ik wil iets met schepen maar niet de hele tijd op zee, welke banen zijn er"
    messages, _ = await run_action(ActionAnswerInterest(repository), parsed(repository, text, "ask_interest"))
    ashore = only(messages, "utter_ashore")["beroepen"]
    assert "Scheepsbouwer" in ashore and "Matroos" not in ashore, ashore


async def test_a_field_named_with_a_school_word_gets_its_jobs_within_reach(repository):
    from actions.topics import ActionAnswerSector

    text = "ik zit op vmbo bb en wil in de haven werken wat kan ik allemaal doen"
    messages, _ = await run_action(ActionAnswerSector(repository), parsed(repository, text, "ask_sector"))
    said = responses(messages)
    assert said[0] == "utter_sector" and "utter_education" not in said, said
    assert "Maritiem officier" not in only(messages, "utter_sector")["beroepen"]  # its mbo starts above level 2


async def test_offshore_wind_puts_the_wind_turbine_fitter_first(repository):
    from actions.route import ActionAnswerRoute

    text = "ik bereid een gastles voor over offshore wind. welke beroepen zijn daar en welke opleiding heb je nodig"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    lines = only(messages, "utter_compare_routes")["regels"]
    assert lines.splitlines()[0].startswith("- Servicemonteur windturbines"), lines


@pytest.mark.parametrize(
    "fraction, jobs, expected",
    [
        (0.0, 37_000, "zo weinig dat het CBS-cijfer op nul uitkomt"),  # not "0%"
        (0.0385, 26_000, "3,9% (een ruw cijfer"),  # about a thousand women: a rough share
        (0.1725, 400_000, "17,2%"),
    ],
)
def test_the_share_of_women_is_as_precise_as_cbs_counts_in_thousands(fraction, jobs, expected):
    assert women_share(fraction, jobs).startswith(expected), women_share(fraction, jobs)


async def test_a_route_question_about_the_one_talked_about_gets_its_route_and_what_a_profile_opens(repository):
    from actions.topics import ActionAnswerEducation

    slots = {"occupation_id": occupation_id(repository, "laborant")}
    text = "kan dat met profiel zorg en welzijn of moet ik iets anders kiezen"
    tracker = parsed(repository, text, "ask_education", slots=slots)
    messages, _ = await run_action(ActionAnswerEducation(repository), tracker)
    assert responses(messages)[:2] == ["utter_route", "utter_education"], responses(messages)


async def test_which_of_three_for_a_condition_quotes_each_ones_work_text(repository):
    from actions.topics import ActionAnswerMyth

    slots = {"suggested": [occupation_id(repository, n) for n in ("automonteur", "loodgieter", "lasser")]}
    slots["occupation_id"] = slots["suggested"][-1]
    text = "welke van de drie zou je aanraden voor iemand die slecht tegen vies werk kan?"
    messages, _ = await run_action(ActionAnswerMyth(repository), parsed(repository, text, "ask_myth", slots=slots))
    named = [m["naam"] for m in messages if m.get("response", "").startswith("utter_work_condition")]
    assert len(named) == 3, responses(messages)


async def test_is_it_a_good_job_adds_pay_and_chances_to_a_route_question(repository):
    from actions.route import ActionAnswerRoute

    text = "is elektricien een goeie baan? en moet je daarvoor naar mbo 4 of kan 2 ook"
    messages, _ = await run_action(ActionAnswerRoute(repository), parsed(repository, text, "ask_route"))
    said = responses(messages)
    assert said[0] == "utter_route" and "utter_salary" in said and "utter_prospects" in said, said


async def test_pay_at_a_pupils_age_names_the_youth_minimum_wage_with_its_source(repository):
    from actions.pay import ActionAnswerSalary

    text = "hoeveel verdien je als automonteur als je 16 bent"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    youth = only(messages, "utter_youth_pay")["feiten"]
    assert "minimumjeugdloon" in youth and "Rijksoverheid" in youth, youth


@pytest.mark.parametrize(
    "text, national",
    [
        ("wat is het gemiddelde uurloon in nederland?", True),
        ("kun je dat vergelijken met het loon van alle beroepen?", True),
        ("hallo. mijn zoon 17 jaar. hij is 2 jaar in nederland. hij wil geld verdienen", False),
        ("hoeveel verdien je gemiddeld in de techniek", False),  # technical work as a whole: the myth's facts
    ],
)
def test_the_national_pay_is_asked_only_in_so_many_words(text, national):
    from actions.pay import ActionAnswerSalary

    assert ActionAnswerSalary.asks_national_pay(text) is national


async def test_the_national_pay_is_the_median_of_all_employees_with_its_source(repository):
    from actions.pay import ActionAnswerSalary

    text = "wat is het gemiddelde uurloon in nederland?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    lines = only(messages, "utter_national_pay")["regels"]
    national = repository.national_pay(repository.comparison_year())
    assert f"{national.median:.2f}".replace(".", ",") in lines and "85517NED" in lines, lines


async def test_work_after_mbo_gives_the_figures_for_all_mbo_students_and_says_so(repository):
    from actions.topics import ActionAnswerEducation

    text = "heb je cijfers over hoeveel procent van de mbo-techniek studenten snel een baan heeft"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    reply = only(messages, "utter_education")
    assert "per technische mbo-opleiding heb ik niet" in reply["antwoord"] and "%" in reply["feiten"], reply
