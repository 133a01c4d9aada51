"""Will I find work? Employment and growth of the occupation's CBS group, and what is known of shortages."""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import OccupationAction
from actions.citations import cite, fact_source
from actions.compare import ComparesNamedPair
from actions.formatting import count, growth, period, share
from occupations import curated_query, query
from occupations.catalog import OccupationInfo

SMALL_GROUP_JOBS = 50_000  # below this CBS survey figures move a lot from year to year
# BRC classes where UWV reports structural shortages (technical 07, ICT 08, transport 12).
SHORTAGE_CLASSES = {"07", "08", "12"}
SHORTAGE_FACT_ID = "uwv_tight_occupations_2025"  # in facts.csv: UWV on tight occupation groups


def prospects_values(p: query.Prospects) -> Dict[str, str]:
    return {"groep": p.group_title, "periode": period(p.period), "banen": count(p.jobs),
            "banen_vorig": count(p.jobs_previous), "ontwikkeling": growth(p.growth_pct),
            "vrouwen": share(p.women_share).capitalize(), "bron": cite(p.source)}


def shortage_fact(info: Optional[OccupationInfo] = None) -> Optional[dict]:
    """What UWV says about shortages; for one occupation only when its BRC class is short of people."""
    if info is not None and info.brc_group[:2] not in SHORTAGE_CLASSES:
        return None
    return curated_query.fact(SHORTAGE_FACT_ID)


class ActionAnswerProspects(ComparesNamedPair, OccupationAction):
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
            dispatcher.utter_message(response="utter_shortage", feit=fact["text"], bron=fact_source(fact))
        return []
