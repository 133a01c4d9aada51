"""A bare occupation name: finish a pending comparison, or answer what it pays."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.compare import say_comparison
from actions.pay import ActionAnswerSalary
from occupations import query
from occupations.catalog import OccupationInfo


class ActionAnswerOccupation(ActionAnswerSalary):
    intent = "inform_occupation"

    def name(self) -> Text:
        return "action_answer_occupation"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, info: OccupationInfo,
               name: str) -> List[Dict[Text, Any]]:
        pending_id = tracker.get_slot("compare_with")
        pending = query.occupation(pending_id) if pending_id else None
        if pending and pending.id != info.id:
            say_comparison(dispatcher, pending, info)
            return [SlotSet("compare_with", None)]
        return super().answer(dispatcher, tracker, info, name)
