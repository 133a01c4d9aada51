"""What does an occupation pay? CBS gross hourly wages of its occupation group."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import OccupationAction
from actions.citations import cite
from actions.compare import ComparesNamedPair
from actions.formatting import euro_hourly, euro_monthly
from occupations import query
from occupations.catalog import OccupationInfo


def national_values() -> Dict[str, str]:
    everyone, technical = query.national_pay()
    return {"landelijk_uur": euro_hourly(everyone.median), "techniek_uur": euro_hourly(technical.median),
            "landelijk_bron": cite(everyone.source)}


def pay_values(figure: query.PayFigure) -> Dict[str, str]:
    return {"groep": figure.group_title, "eigen_groep": figure.own_group_title,
            "niveau": query.LEVEL_NAMES[figure.level], "mediaan_uur": euro_hourly(figure.median),
            "mediaan_maand": euro_monthly(figure.median_per_month), "p25": euro_hourly(figure.p25),
            "p75": euro_hourly(figure.p75), "bron": cite(figure.source), "jaar": str(figure.year)}


class ActionAnswerSalary(ComparesNamedPair, OccupationAction):
    intent = "ask_salary"

    def name(self) -> Text:
        return "action_answer_salary"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, info: OccupationInfo,
               name: str) -> List[Dict[Text, Any]]:
        figure = query.pay(info.id)
        if figure is None:
            dispatcher.utter_message(response="utter_no_salary", naam=name)
            return []
        broader = figure.group_code != info.brc_group
        dispatcher.utter_message(response="utter_salary_broader" if broader else "utter_salary", naam=name,
                                 **pay_values(figure), **national_values())
        return []
