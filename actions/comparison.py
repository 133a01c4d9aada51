"""Occupations side by side: pay of one year and employment, each with its source and year."""

from typing import List

from actions.answer import Answer, Reply
from actions.formatting import count, growth_since_last_year, median_pay, period
from occupations.catalog import OccupationInfo
from occupations.repository import Repository


def pay_text(repository: Repository, info: OccupationInfo, year: int) -> str:
    figure = repository.pay_in_year(info, year)
    return median_pay(figure) if figure else f"geen loon van het CBS voor {year}"


def jobs_text(repository: Repository, info: OccupationInfo) -> str:
    figures = repository.prospects(info)
    if figures is None or figures.jobs is None:
        return "aantal werkenden onbekend"
    return f"{count(figures.jobs)} werkenden in {period(figures.period)}, {growth_since_last_year(figures.growth_pct)}"


def comparison(repository: Repository, pair: List[OccupationInfo]) -> Answer:
    """Two occupations compared in one year; the second is remembered for follow-up questions."""
    first, second = pair
    year = repository.common_pay_year([first, second])
    reply = Reply(
        "utter_compare",
        {
            "a_naam": repository.display_name(first),
            "b_naam": repository.display_name(second),
            "jaar": str(year),
            "a_loon": pay_text(repository, first, year),
            "b_loon": pay_text(repository, second, year),
            "a_banen": jobs_text(repository, first),
            "b_banen": jobs_text(repository, second),
        },
    )
    return Answer([reply], about=second, slots={"compare_with": None})
