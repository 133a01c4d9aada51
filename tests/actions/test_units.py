"""Pay per week or per year when asked (the project's own arithmetic, hours stated), and "netto"."""

from helpers import only, parsed, responses, run_action

from actions.formatting import euro_rounded
from actions.pay import ActionAnswerSalary


def figure_of(repository, name):
    return repository.pay(repository.occupation(repository.find(name).best.occupation_id))


async def test_per_year_is_the_hourly_median_times_38_hours_times_52_weeks(repository):
    text = "wat verdient een elektricien per jaar?"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    figure = figure_of(repository, "elektricien")
    assert only(messages, "utter_pay_per_year")["bedrag"] == euro_rounded(figure.median * 38 * 52)
    assert "utter_pay_per_week" not in responses(messages)


async def test_per_week_is_the_hourly_median_times_38_hours(repository):
    text = "hoeveel krijgt een lasser per week"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    figure = figure_of(repository, "lasser")
    assert only(messages, "utter_pay_per_week")["bedrag"] == euro_rounded(figure.median * 38)


async def test_netto_gets_the_gross_figure_and_an_honest_note(repository):
    text = "wat verdient een timmerman netto"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    names = responses(messages)
    assert names[0] in ("utter_salary", "utter_salary_broader") and "utter_pay_net" in names


async def test_a_plain_question_gets_no_extra_units(repository):
    text = "wat verdient een loodgieter"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert not {"utter_pay_per_week", "utter_pay_per_year", "utter_pay_net"} & set(responses(messages))


async def test_pay_at_an_mbo_level_lists_the_occupations_of_that_level(repository):
    text = "wat verdien je met mbo 2"
    messages, _ = await run_action(ActionAnswerSalary(repository), parsed(repository, text, "ask_salary"))
    assert responses(messages) == ["utter_occupations_at_level"]
    assert messages[0]["niveau"] == "2"
