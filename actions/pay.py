"""What does an occupation pay? CBS gross hourly wages of its occupation group."""

from typing import Dict, Text

from actions.answer import Answer, Reply, name_values
from actions.base import OccupationAction
from actions.formatting import euro_hourly, euro_monthly
from actions.turn import Turn
from occupations.catalog import OccupationInfo
from occupations.figures import LEVEL_NAMES, PayFigure
from occupations.repository import Repository


def national_values(repository: Repository) -> Dict[str, str]:
    everyone, technical = repository.national_pay()
    return {
        "landelijk_uur": euro_hourly(everyone.median),
        "techniek_uur": euro_hourly(technical.median),
        "landelijk_bron": everyone.source.citation,
    }


def pay_values(figure: PayFigure) -> Dict[str, str]:
    return {
        "groep": figure.group_title,
        "eigen_groep": figure.own_group_title,
        "niveau": LEVEL_NAMES[figure.level],
        "mediaan_uur": euro_hourly(figure.median),
        "mediaan_maand": euro_monthly(figure.median_per_month),
        "p25": euro_hourly(figure.p25),
        "p75": euro_hourly(figure.p75),
        "bron": figure.source.citation,
    }


def salary_answer(repository: Repository, info: OccupationInfo) -> Answer:
    names = name_values(repository.display_name(info))
    figure = repository.pay(info)
    if figure is None:
        return Answer([Reply("utter_no_salary", names)], about=info)
    response = "utter_salary_broader" if figure.is_broader else "utter_salary"
    return Answer([Reply(response, {**names, **pay_values(figure), **national_values(repository)})], about=info)


class ActionAnswerSalary(OccupationAction):
    intent = "ask_salary"
    compares_several = True

    def name(self) -> Text:
        return "action_answer_salary"

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        return salary_answer(self.repository, info)
