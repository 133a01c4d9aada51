"""Feedback and the two-stage fallback."""

import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import Reply
from actions.audience import capabilities_response
from actions.base import LANGUAGE_WORRY, LEARNING_SUPPORT, WHAT_YOU_CAN_BECOME
from actions.outside import outside_reply
from actions.quiz import ActionQuiz, typed_choice
from actions.rescue import WHICH_JOB_FOR_ME, rescued
from actions.route import ActionAnswerRoute
from actions.stories import ActionAnswerStory
from actions.topics import ActionAnswerInterest
from occupations.config import PROJECT_ROOT


def feedback_path() -> Path:
    return Path(os.environ.get("FEEDBACK_PATH", PROJECT_ROOT / "var" / "feedback.jsonl"))


def feedback_was_asked(tracker: Tracker) -> bool:
    """Whether the assistant's last turn, the one just before this message, asked
    "Had je hier iets aan?". Thumbs typed or clicked at any other moment are not
    recorded: anyone could otherwise write feedback lines without limit."""
    users_seen = 0
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            users_seen += 1  # the first is this very message; the second ends the bot's turn
            if users_seen == 2:
                return False
        elif kind == "bot" and users_seen == 1:
            if (event.get("metadata") or {}).get("utter_action") == "utter_ask_feedback":
                return True
    return False


def last_answer_action(tracker: Tracker) -> Optional[str]:
    """The last action that answered something (not listen, not the feedback question itself)."""
    for event in reversed(tracker.events):
        name = event.get("name") if event.get("event") == "action" else None
        if name and (name.startswith("action_answer") or name == "action_compare_occupations"):
            return name
    return None


class ActionRecordFeedback(Action):
    """Store thumbs up/down with the answer it was about: no sender id, no text, only the day.

    Only an answer to the assistant's own question is stored; an unasked thumbs up or
    down gets the same reply, so nobody notices the difference."""

    def name(self) -> Text:
        return "action_record_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if not feedback_was_asked(tracker):
            # "mijn vriend zegt mbo is niks waard" is no verdict on the last answer: answer what it names.
            action = rescued_long_message(tracker)
            if action is not None:
                return await action().run(dispatcher, tracker, domain)
        useful = tracker.latest_message.get("intent", {}).get("name") == "feedback_positive"
        record = {
            "day": date.today().isoformat(),
            "useful": useful,
            "answer": last_answer_action(tracker),
            "doelgroep": tracker.get_slot("doelgroep"),
        }
        if feedback_was_asked(tracker):
            path = feedback_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")
        # Someone who did not get what they needed gets a way on, not only a thank-you.
        dispatcher.utter_message(response="utter_feedback_thanks" if useful else "utter_feedback_sorry")
        return []


# Below this many words "ok", "nee hoor", "top dank je" are what the NLU says they are.
SHORT_REPLY_WORDS = 5


def rescued_long_message(tracker: Tracker):
    """For a message the NLU calls a yes, no or verdict: the action for what a longer one plainly asks
    ("en als ik dat profiel niet heb gekozen, kan het dan nog?"), or None."""
    text = (tracker.latest_message or {}).get("text") or ""
    if len(text.split()) < SHORT_REPLY_WORDS:
        return None
    return rescued(tracker)


ACKNOWLEDGEMENTS = {"affirm": "utter_affirm_ack", "deny": "utter_deny_ack", "stop": "utter_stop"}


class ActionAcknowledge(Action):
    """ "Oké", "nee" and "stop" get a short reply; a longer message taken for one gets its answer
    ("en voetballer? verdienen die niet meer lol" is no wish to stop)."""

    def name(self) -> Text:
        return "action_acknowledge"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        action = rescued_long_message(tracker)
        if action is not None:
            return await action().run(dispatcher, tracker, domain)
        intent = tracker.latest_message.get("intent", {}).get("name")
        dispatcher.utter_message(response=ACKNOWLEDGEMENTS.get(intent, "utter_affirm_ack"))
        return []


# "iets met drones", "werken met paarden", "drones als beroep": work with something the table has no occupation for
WORK_WITH = re.compile(
    r"\b(iets|werken|werk|beroep\w*|baan|banen) (met|in) (de |het )?(?P<thing>[a-z][\w-]{3,})\b", re.IGNORECASE
)


class ActionFallback(Action):
    """First miss: ask to rephrase. Second miss in a row: offer topics and a human."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = (tracker.latest_message or {}).get("text") or ""
        if tracker.get_slot("quiz") and typed_choice(text):
            # "b" or "fabel" typed during a quiz is too short for the NLU to be sure of: it is the answer.
            return await ActionQuiz().run(dispatcher, tracker, domain)
        outside = outside_reply(text)
        asked = capabilities_response(text)
        if asked:  # "Hallo, ik ben de moeder van Daan. Wat kan ik hier vragen?"
            # "hij wordt gepest, wat kan ik hier het beste aan doen?" asks about the outside matter
            reply = outside or Reply(asked)
            dispatcher.utter_message(response=reply.response, **reply.values)
            return []
        if CALL_ME.search(text):  # "kunt u mij bellen?": who to talk to
            dispatcher.utter_message(response="utter_human")
            return []
        action = rescued(tracker)
        if action is not None:
            return await action().run(dispatcher, tracker, domain)
        if LANGUAGE_WORRY.search(text):  # "hij spreek nog niet goed nederlands. is probleem?"
            dispatcher.utter_message(response="utter_language_support")
            return []
        if LEARNING_SUPPORT.search(text):  # "een leerling met dyslexie en faalangst, tips voor zijn examens?"
            dispatcher.utter_message(response="utter_learning_support")
            return []
        if outside is not None:  # "kun je een sollicitatiebrief schrijven?": a polite no, not "say it again"
            dispatcher.utter_message(response=outside.response, **outside.values)
            return []
        thing = WORK_WITH.search(text)
        if thing is not None:  # "kun je ook iets met drones als beroep?": no such occupation here, say so
            dispatcher.utter_message(response="utter_no_occupation_with", tekst=thing.group("thing"))
            return []
        previous = None
        for event in reversed(tracker.events):
            if event.get("event") == "bot":
                previous = (event.get("metadata") or {}).get("utter_action")
                break
        if previous == "utter_default":
            dispatcher.utter_message(response="utter_default_topics")
        else:
            dispatcher.utter_message(response="utter_default")
        return []


class ActionOutOfScope(Action):
    """Out of scope, says the NLU; but "hoe lang duurt dat?" after a route answer is a follow-up,
    and "wat is mbo?" a school question: those get their answer, the rest a polite no."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        outside = outside_reply((tracker.latest_message or {}).get("text") or "")
        # A plain question about a technical occupation it names is answered, unless a cue says the
        # request is outside ("wat kost een loodgieter als ik er een inhuur?").
        action = rescued(tracker, topics_only=True, named=outside is None)
        if action is not None:
            return await action().run(dispatcher, tracker, domain)
        if outside is not None:
            dispatcher.utter_message(response=outside.response, **outside.values)
            return []
        asked = capabilities_response((tracker.latest_message or {}).get("text") or "")
        if asked:
            dispatcher.utter_message(response=asked)  # "heb je iets voor mijn klas?"
            return []
        dispatcher.utter_message(response="utter_out_of_scope")
        return []


class ActionThanks(Action):
    """ "Bedankt!" gets a welcome; "bedankt! weet u ook een goed bijlesinstituut?" also its answer."""

    def name(self) -> Text:
        return "action_thanks"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = (tracker.latest_message or {}).get("text") or ""
        outside = outside_reply(text)
        if outside is not None:
            dispatcher.utter_message(response=outside.response, **outside.values)
            return []
        action = rescued(tracker) if "?" in text else None
        if action is not None:
            return await action().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_youre_welcome")
        return []


class ActionHuman(Action):
    """ "Kan ik met iemand praten?" gets who to talk to; a school question the NLU took for one ("en
    dan kan ik door naar 3?") gets its answer, unless the message also asks for a person."""

    def name(self) -> Text:
        return "action_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = (tracker.latest_message or {}).get("text") or ""
        action = None if ASKS_FOR_A_PERSON.search(text) else rescued(tracker, topics_only=True)
        if action is not None:
            return await action().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_human")
        return []


CALL_ME = re.compile(
    r"\b(bel|bellen|opbellen|terugbellen)\b.{0,20}(\?|$)|\b(mij|me|ons) (even )?(bellen|opbellen)\b", re.IGNORECASE
)
ASKS_FOR_A_PERSON = re.compile(
    r"\b(praten|spreken|mens|persoon|medewerker|bellen|mailen|contact\w*|afspraak|gesprek|doorverbind\w*|iemand)\b",
    re.IGNORECASE,
)


class ActionCapabilities(Action):
    """ "Wat kan je allemaal?" gets what the assistant can do; but "en wat kan je daarmee worden?"
    after a vmbo profile or a list asks for those occupations, and a long message with a plain
    question gets its answer."""

    def name(self) -> Text:
        return "action_capabilities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = (tracker.latest_message or {}).get("text") or ""
        outside = outside_reply(text)
        if outside is not None and outside.response == "utter_outside":  # "kan u ook helpen met huurtoeslag?"
            dispatcher.utter_message(response=outside.response, **outside.values)
            return []
        if WHICH_JOB_FOR_ME.search(text):  # "ik weet echt nie wat ik wil doen help": what do you like?
            return await ActionAnswerInterest().run(dispatcher, tracker, domain)
        if rescued(tracker) is ActionAnswerStory:  # "echt?? waar werkt ze dan" after a story
            return await ActionAnswerStory().run(dispatcher, tracker, domain)
        if tracker.get_slot("suggested") and WHAT_YOU_CAN_BECOME.search(text):
            return await ActionAnswerRoute().run(dispatcher, tracker, domain)
        action = rescued_long_message(tracker) if len(text.split()) >= CAPABILITIES_WORDS else None
        if action is not None:
            return await action().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_capabilities")
        return []


CAPABILITIES_WORDS = 10  # "wat kan ik allemaal met deze tool voor mijn lessen?" is still a capabilities question
