"""Will I find work? Employment and growth of the occupation's CBS group, and what is known of shortages."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import OccupationAction
from actions.citations import cite
from actions.formatting import count, growth, period, share
from occupations import curated_query, query
from occupations.catalog import OccupationInfo

SMALL_GROUP_JOBS = 50_000  # below this CBS survey figures move a lot from year to year
# BRC classes where UWV reports structural shortages (technical 07, ICT 08, transport 12).
SHORTAGE_CLASSES = {"07", "08", "12"}
SHORTAGE_FACT_IDS = ("uwv_krapte_2025", "uwv_tight_2025", "uwv_spanning_2023")


def prospects_values(p: query.Prospects) -> Dict[str, str]:
    return {"groep": p.group_title, "periode": period(p.period), "banen": count(p.jobs),
            "banen_vorig": count(p.jobs_previous), "ontwikkeling": growth(p.growth_pct),
            "vrouwen": share(p.women_share).capitalize(), "bron": cite(p.source)}


def shortage_fact(info: OccupationInfo):
    if info.brc_group[:2] not in SHORTAGE_CLASSES:
        return None
    return next((f for f in map(curated_query.fact, SHORTAGE_FACT_IDS) if f), None)


class ActionAnswerProspects(OccupationAction):
    intent = "ask_prospects"

    def name(self) -> Text:
        return "action_answer_prospects"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, info: OccupationInfo,
               name: str) -> List[Dict[Text, Any]]:
        figures = query.prospects(info.id)
        if figures is None:
            dispatcher.utter_message(response="utter_no_prospects", naam=name)
            return []
        dispatcher.utter_message(response="utter_prospects", naam=name, **prospects_values(figures))
        if figures.jobs is not None and figures.jobs < SMALL_GROUP_JOBS:
            dispatcher.utter_message(response="utter_prospects_small_group")
        fact = shortage_fact(info)
        if fact:
            source = ", ".join(part for part in (fact["publisher"], fact["title"], fact.get("year")) if part)
            dispatcher.utter_message(response="utter_shortage", feit=fact["text"], bron=source)
        return []
