"""Two to four occupations in one answer, from one message or from the conversation."""

import re

from helpers import parsed, responses, run_action, tracker_for

from actions.compare import ActionCompareOccupations
from actions.formatting import euro_hourly
from actions.pay import ActionAnswerSalary


def occupation(repository, name):
    return repository.occupation(repository.find(name).best.occupation_id)


def talked_about(repository, *names):
    """Tracker events of a conversation that answered about these occupations, in this order."""
    return [
        {"event": "slot", "name": "occupation_id", "value": occupation(repository, name).id, "timestamp": None}
        for name in names
    ]


async def test_three_occupations_in_one_message_are_compared_in_one_year(repository):
    text = "vergelijk lasser, elektricien en timmerman"
    messages, _ = await run_action(
        ActionCompareOccupations(repository), parsed(repository, text, "compare_occupations")
    )
    assert responses(messages) == ["utter_compare_several"]
    lines = messages[0]["regels"].splitlines()
    assert [line.split(":")[0][2:].lower() for line in lines] == ["lasser", "elektricien", "timmerman"]
    years = {year for line in lines for year in re.findall(r"\(.*?(20\d\d)\)", line)}
    assert years <= {messages[0]["jaar"]}, lines


async def test_four_salaries_side_by_side(repository):
    text = "wat verdienen een lasser, een elektricien, een loodgieter en een timmerman?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages) == ["utter_compare_several", "utter_compare_verdict"]
    assert len(messages[0]["regels"].splitlines()) == 4
    # the sentence says which pays most, from the same year's figures as the lines
    year = messages[0]["jaar"]
    paid = {
        info: repository.pay_in_year(occupation(repository, info), int(year))
        for info in ["lasser", "elektricien", "loodgieter", "timmerman"]
    }
    top = max(figure.median for figure in paid.values() if figure)
    assert f"in {year}:" in messages[1]["uitkomst"] and euro_hourly(top) in messages[1]["uitkomst"]


async def test_which_of_the_two_compares_the_occupations_talked_about(repository):
    events = talked_about(repository, "lasser", "elektricien")
    tracker = tracker_for(
        "welke van de twee verdient meer?",
        "ask_salary",
        slots={"occupation_id": occupation(repository, "elektricien").id},
        events=events,
    )
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages) == ["utter_compare", "utter_compare_verdict"]
    assert (messages[0]["a_naam"].lower(), messages[0]["b_naam"].lower()) == ("lasser", "elektricien")


async def test_what_is_better_compares_and_says_what_better_can_mean(repository):
    events = talked_about(repository, "loodgieter", "timmerman")
    tracker = tracker_for("wat is beter?", "compare_occupations", events=events)
    messages, _ = await run_action(ActionCompareOccupations(repository), tracker)
    # the work of each (one of the things "beter" can mean), the figures, and what "beter" can mean
    assert responses(messages) == ["utter_compare_work", "utter_compare", "utter_compare_better"]


async def test_a_single_salary_question_still_answers_the_remembered_occupation(repository):
    events = talked_about(repository, "lasser", "elektricien")
    info = occupation(repository, "elektricien")
    tracker = tracker_for("en wat verdient die?", "ask_salary", slots={"occupation_id": info.id}, events=events)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert "utter_compare" not in responses(messages)


async def test_a_name_typed_as_two_words_is_the_known_one_word_name(repository):
    text = "wat verdient een drone piloot"
    messages, events = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert "utter_answer_is_about" not in responses(messages)
    assert any(e.get("name") == "beroep" and e.get("value") == "Dronepiloot" for e in events), events


async def test_a_partial_name_says_which_occupation_the_answer_is_about(repository):
    text = "wat verdient een zeppelin piloot"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages)[0] == "utter_answer_is_about"
    assert messages[0]["tekst"] == "zeppelin piloot" and messages[0]["naam_zin"] == "piloot"


async def test_ordinary_words_before_a_name_change_nothing(repository):
    text = "hoeveel verdient een goede lasser"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert "utter_answer_is_about" not in responses(messages)
