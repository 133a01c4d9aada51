"""Who is chatting: pupil (default), parent or mentor."""

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.nlu.audience_words import WORDS

AUDIENCES = {"leerling", "ouder", "mentor"}
# "mijn zoon", "onze dochter": a parent writing about a child.
PARENT_PHRASE = re.compile(
    r"\b(mijn|m'n|mn|onze|ons)\s+(zoon|zoontje|dochter|dochtertje|kind|kinderen|puber|tiener)\b"
    r"|(^|[.!?]\s*)\W*(zoon|dochter)\b(?!\s+van\s+(mijn|de|een)\b)",  # WhatsApp style: "zoon 16 jaar"
    re.IGNORECASE,
)


# A message that says who writes and also asks something: a question mark or a question word.
ASKS_A_QUESTION = re.compile(r"\?|\b(wat|hoe|welke|welk|waar|hoeveel|kan|kun|moet|is het|heeft)\b", re.IGNORECASE)
QUESTION_AFTER_WHO_WORDS = 8
# "wat kan ik hier vragen?", "wat kun jij precies voor me doen?", "wat kan je allemaal?"; not "wat kan ik
# doen om elektricien te worden?"
ASKS_CAPABILITIES = re.compile(
    # "wat kan ik je vragen?", "wat kan ik hier doen?"; not "ik wil op een schip werken, wat kan ik allemaal doen?"
    r"\bwat (kan|kun|kunt|mag) (ik|je|jij|u)\b.{0,40}\bvragen\s*(\?|\.|!|$)"
    r"|\bwat (kan|kun|kunt|mag) (ik|je|jij|u) (allemaal )?(hier|met (jou|je|u|deze|dit|die)\b)"
    r".{0,30}\bdoen\s*(\?|\.|!|$)"
    r"|\bwat (kan|kun|kunt) (je|jij|u) allemaal\b"
    r"|\b(heeft u|heb je|hebben jullie) (ook )?(informatie|info) over (techniek|technische beroepen)\s*\??\s*$"
    r"|\bwat (kan|kun|kunt) (ik|we|wij) (allemaal )?met (jou|je|u|deze|dit)\b"
    # "wat kun je dan wél voor mijn LOB-lessen doen?"
    r"|\bwat (kan|kun|kunt) (je|jij|u) (dan )?(w[eé]l )?voor (mijn|onze|de) (\w+-?)?(les|lessen|klas|leerlingen)\b"
    # "wat kan ik er allemaal mee in mijn lessen?"
    r"|\bwat (kan|kun|kunt) (ik|we|wij) (er|hier) (allemaal )?mee\b"
    # "kun je de leerlingen kort uitleggen wie je bent en wat ze je kunnen vragen?"
    r"|\bwie (je|jij|u) (bent|is)\b.{0,40}\bvragen\b"
    r"|\bwat (ze|zij|we|wij|leerlingen|ik) (je|jou|u) (allemaal )?(kunnen|kan|kunt|mogen|mag) vragen\b"
    # "wat is dit precies en kan ik als ouder ook vragen stellen?"
    r"|\b(kan|mag|kunnen|mogen) (ik|wij|we|ouders) (als ouders? )?(hier )?(ook )?(vragen stellen|iets vragen)\b",
    re.IGNORECASE,
)
# "iets leuks voor de klas over techniek?", "3e klas mavo, 25 lln, 50 min": what can be made for a class
ASKS_FOR_CLASS_MATERIALS = re.compile(
    r"\biets (leuks )?voor (mijn|de|m'n) (klas|les|leerlingen)( over (de )?techniek)?\s*\??\s*$"
    r"|\biets (leuks )?voor (het|de|mijn|m'n) (mentoruur|mentorles|lesuur|loburen|lob-les)\b",
    re.IGNORECASE,
)
# "3e klas mavo, 25 lln, 50 min": a class described in a few words, without a question of its own
A_CLASS_DESCRIBED = re.compile(
    r"^(?=.*\b\d+\s?min(uten|uut)?\b)(?=.*\b(klas|lln|leerlingen)\b)", re.IGNORECASE | re.DOTALL
)
CLASS_DESCRIBED_WORDS = 10


def capabilities_response(text: str) -> Optional[str]:
    """The answer to a question about what the assistant can do: the class materials when a class is
    asked for or described, else the kinds of question; None for other messages."""
    described = A_CLASS_DESCRIBED.search(text or "") and len((text or "").split()) <= CLASS_DESCRIBED_WORDS
    if ASKS_FOR_CLASS_MATERIALS.search(text or "") or described:
        return "utter_class_materials"
    return "utter_capabilities" if ASKS_CAPABILITIES.search(text or "") else None


# A message that says who writes: the audience extractor's words for the three audiences.
NAMES_AN_AUDIENCE = re.compile(r"\b(" + "|".join(WORDS.values()) + r")\b", re.IGNORECASE)
FOLLOW_UP_WORDS = 6  # "en hier in rotterdam?": short enough to be a follow-up, not an introduction
OLDER = re.compile(r"\bouder (bent|ben|wordt|word|is|zijn|dan)\b", re.IGNORECASE)  # "en als je ouder bent?": an age


async def answered_beyond_hello(dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> Optional[List]:
    """A greeting or "ik ben de moeder van Daan" that also asks something: the polite no for an
    outside matter ("goedenavond, kunt u mij helpen met zorgtoeslag?"), or the answer to a plain
    question; None when the message only says hello or who writes."""
    from actions.outside import outside_reply  # outside builds on answer, which builds on this module

    text = tracker.latest_message.get("text") or ""
    outside = outside_reply(text)
    if outside is not None:
        dispatcher.utter_message(response=outside.response, **outside.values)
        return []
    if capabilities_response(text):  # "ik ben net decaan. Wat kun jij voor me doen?": who, then what it can do
        return None
    if ASKS_A_QUESTION.search(text) and len(text.split()) >= QUESTION_AFTER_WHO_WORDS:
        # "ik ben vader van Ahmed ... is dat kan nog ingenieur?": who writes, then a question to answer.
        from actions.rescue import rescued  # rescue is built on the actions that import this module

        action = rescued(tracker)
        if action is not None:
            return await action().run(dispatcher, tracker, domain)
    return None


class ActionGreet(Action):
    """Hello, unless the greeting carries a question ("Goedenavond, kunt u mij helpen met ...?")."""

    def name(self) -> Text:
        return "action_greet"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        answered = await answered_beyond_hello(dispatcher, tracker, domain)
        if answered is not None:
            return answered
        dispatcher.utter_message(response="utter_greet")
        return []


class ActionSetAudience(Action):
    def name(self) -> Text:
        return "action_set_audience"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        answered = await answered_beyond_hello(dispatcher, tracker, domain)
        if answered is not None:
            return answered
        names_nobody = not NAMES_AN_AUDIENCE.search(OLDER.sub(" ", text)) and not PARENT_PHRASE.search(text)
        if names_nobody and len(text.split()) <= FOLLOW_UP_WORDS:
            # Taken for "who I am" but naming nobody ("en hier in rotterdam?"): answer it as a follow-up
            from actions.rescue import rescued  # rescue is built on the actions that import this module

            action = rescued(tracker)
            if action is not None:
                return await action().run(dispatcher, tracker, domain)
        value = tracker.get_slot("doelgroep")
        if value not in AUDIENCES:
            value = "ouder" if PARENT_PHRASE.search(tracker.latest_message.get("text") or "") else None
        if value is None:
            dispatcher.utter_message(response="utter_greet")
            return []
        # The slot was set from the entity before this action ran, so the response already fits.
        dispatcher.utter_message(response="utter_audience_set")
        asked = capabilities_response(text)
        if asked:  # "ik ben de moeder van Daan. Wat kan ik hier vragen?"
            dispatcher.utter_message(response=asked)
        return [SlotSet("doelgroep", value)]


class ActionSessionStart(Action):
    """Start a session; a channel can say who is chatting (WhatsApp: parents) in its metadata."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        events: List[Dict[Text, Any]] = [SessionStarted()]
        metadata = tracker.get_slot("session_started_metadata") or {}
        audience = metadata.get("doelgroep") if isinstance(metadata, dict) else None
        # Carry over slots from the previous session (e.g. doelgroep, the occupation talked about).
        for slot in ("doelgroep", "occupation_id", "beroep"):
            value = tracker.get_slot(slot)
            if value is not None:
                events.append(SlotSet(slot, value))
        if audience in AUDIENCES and tracker.get_slot("doelgroep") is None:
            events.append(SlotSet("doelgroep", audience))
        events.append(ActionExecuted("action_listen"))
        return events
