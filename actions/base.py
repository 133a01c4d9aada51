"""Shared shape of the actions that answer about one occupation."""
import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.audience import audience_events, is_parent
from actions.followups import candidate_buttons, follow_up_buttons
from actions.resolution import AMBIGUOUS, FOUND, UNKNOWN, resolve
from occupations import curated_query, query
from occupations.catalog import DatabaseNotBuilt, OccupationInfo

logger = logging.getLogger(__name__)
FEEDBACK_EVERY = 4  # ask "Had je hier iets aan?" after this many answers


def sentence_name(name: str) -> str:
    """A name inside a sentence: 'elektricien', but 'ICT-beheerder' and 'BIM-modelleur' keep their capitals."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def add_sentence_names(dispatcher: CollectingDispatcher) -> None:
    """Every answer that names an occupation also gets the form used inside a sentence."""
    for message in dispatcher.messages:
        if "naam" in message:
            message["naam_zin"] = sentence_name(message["naam"])


def display_name(info: OccupationInfo) -> str:
    profile = curated_query.profile(info)
    name = profile["name"] if profile else info.name
    return name[:1].upper() + name[1:]


def counted_answer(tracker: Tracker, dispatcher: CollectingDispatcher) -> List[Dict[Text, Any]]:
    """Count answers, and now and then ask for feedback."""
    answers = int(tracker.get_slot("answers_given") or 0) + 1
    if answers % FEEDBACK_EVERY == 0:
        dispatcher.utter_message(response="utter_ask_feedback")
    return [SlotSet("answers_given", float(answers))]


def attach_buttons(dispatcher: CollectingDispatcher, buttons: List[Dict[str, str]]) -> None:
    """Put next-step buttons under the last answer rather than in an empty message of their own."""
    if dispatcher.messages:
        dispatcher.messages[-1].setdefault("buttons", [])
        dispatcher.messages[-1]["buttons"] = list(dispatcher.messages[-1]["buttons"] or []) + buttons
    else:
        dispatcher.utter_message(buttons=buttons)


class OccupationAction(Action, ABC):
    """Resolve the occupation, handle unknown/ambiguous/missing, then `answer` it."""

    intent = ""

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, info: OccupationInfo,
               name: str) -> Optional[List[Dict[Text, Any]]]:
        """Utter the answer about `info`; return extra events."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events = audience_events(tracker)
        try:
            resolution = resolve(tracker)
            if resolution.status == AMBIGUOUS:
                dispatcher.utter_message(response="utter_which_occupation", tekst=resolution.text,
                                         buttons=candidate_buttons(self.intent, resolution.candidates,
                                                                  lambda id_: display_name(query.occupation(id_))))
                return events
            if resolution.status == UNKNOWN:
                dispatcher.utter_message(response="utter_unknown_occupation", tekst=resolution.text)
                return events
            if resolution.status != FOUND:
                dispatcher.utter_message(response="utter_ask_occupation")
                return events
            info = resolution.occupation
            name = display_name(info)
            events += self.answer(dispatcher, tracker, info, name) or []
            add_sentence_names(dispatcher)
            attach_buttons(dispatcher, follow_up_buttons(self.intent, is_parent(tracker)))
            events += [SlotSet("occupation_id", info.id), SlotSet("beroep", name)]
            return events + counted_answer(tracker, dispatcher)
        except DatabaseNotBuilt:
            logger.exception("occupations database missing")
            dispatcher.utter_message(response="utter_error")
            return events
