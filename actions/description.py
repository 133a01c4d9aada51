"""What is the work like? The curated profile, or an honest 'not described yet'."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import OccupationAction
from occupations import curated_query, query
from occupations.catalog import OccupationInfo


class ActionAnswerJobDescription(OccupationAction):
    intent = "ask_job_description"

    def name(self) -> Text:
        return "action_answer_job_description"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, info: OccupationInfo,
               name: str) -> List[Dict[Text, Any]]:
        profile = curated_query.profile(info)
        if profile and profile.get("working_conditions"):
            dispatcher.utter_message(response="utter_job_description", naam=name,
                                     dagelijks_werk=profile["daily_work"], omstandigheden=profile["working_conditions"])
        elif profile:  # comparison occupations describe the work only
            dispatcher.utter_message(response="utter_job_description_short", naam=name,
                                     dagelijks_werk=profile["daily_work"])
        else:
            group = query.pay(info.id)
            title = group.own_group_title if group else info.brc_group
            dispatcher.utter_message(response="utter_no_job_description", naam=name, groep=title)
        return []
