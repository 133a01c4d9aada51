"""How do I get there? vmbo profile → mbo (level, BOL/BBL) → hbo, or the group's education figures."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import OccupationAction
from actions.citations import cite
from actions.formatting import share
from occupations import curated_query, query
from occupations.catalog import OccupationInfo
from occupations.curated import split_list

PROFILE_NAMES = {"BWI": "BWI (Bouwen, wonen en interieur)", "PIE": "PIE (Produceren, installeren en energie)",
                 "MVI": "MVI (Media, vormgeving en ICT)", "M&T": "M&T (Mobiliteit en transport)",
                 "MaT": "MaT (Maritiem en techniek)", "alle": "elk profiel"}


def bol_bbl_text(profile: dict) -> str:
    bol, bbl = profile.get("bol") == "ja", profile.get("bbl") == "ja"
    if bol and bbl:
        return "BOL (vooral school, met stage) en BBL (werken en leren, met loon) kunnen allebei"
    if bbl:
        return "alleen BBL: werken en leren tegelijk, met loon"
    if bol:
        return "BOL: vooral school, met stage"
    return "geen mbo-route: dit gaat via het hbo"


class ActionAnswerRoute(OccupationAction):
    intent = "ask_route"

    def name(self) -> Text:
        return "action_answer_route"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, info: OccupationInfo,
               name: str) -> List[Dict[Text, Any]]:
        profile = curated_query.profile(info)
        if profile and profile.get("vmbo_profiles"):
            profiles = ", ".join(PROFILE_NAMES.get(p, p) for p in split_list(profile["vmbo_profiles"]))
            mbo = ", ".join(split_list(profile.get("mbo_programmes", ""))) or "geen"
            dispatcher.utter_message(response="utter_route", naam=name, vmbo=profiles, mbo=mbo,
                                     bol_bbl=bol_bbl_text(profile), hbo=profile.get("hbo_route") or "niet nodig")
            return []
        figures = query.prospects(info.id)
        dispatcher.utter_message(response="utter_route_general", naam=name, groep=figures.group_title,
                                 hoger_aandeel=share(figures.higher_education_share), bron=cite(figures.source))
        return []
