"""Build real rasa_sdk Trackers inline and run actions with a CollectingDispatcher."""

from typing import Dict, List, Optional

from rasa.shared.nlu.training_data.message import Message
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.nlu.audience_extractor import AudienceExtractor
from bot.nlu.occupation_matcher import OccupationMatcher


def tracker_for(
    text: str,
    intent: str,
    entities: Optional[List[Dict]] = None,
    slots: Optional[Dict] = None,
    events: Optional[List[Dict]] = None,
) -> Tracker:
    return Tracker(
        sender_id="test-user",
        slots=dict(slots or {}),
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": list(entities or [])},
        events=list(events or []),
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def after_reply(reply: str, text: str) -> List[Dict]:
    """The events of a conversation whose previous answer was `reply` and whose latest message is `text`
    (what `Turn.previous_reply` reads)."""
    return [{"event": "bot", "text": reply}, {"event": "user", "text": text}]


def parsed(repository, text: str, intent: str, **kwargs) -> Tracker:
    """A tracker whose latest message went through the NLU's extractors (audience and occupation
    matcher), as in the server."""
    message = Message(data={"text": text})
    AudienceExtractor({}).process([message])
    OccupationMatcher({}, repository.catalog).process([message])
    return tracker_for(text, intent, list(message.get("entities") or []), **kwargs)


async def run_action(action, tracker: Tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


def responses(messages) -> List[str]:
    return [m.get("response") for m in messages if m.get("response")]


def only(messages, name: str):
    """The one message with this response name (fails when there is none or more than one)."""
    found = [m for m in messages if m.get("response") == name]
    assert len(found) == 1, responses(messages)
    return found[0]


def slot_value(events, name: str):
    values = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]
    return values[-1] if values else None


def occupation_id(repository, name: str) -> str:
    """The id of the occupation the matcher finds first for `name`."""
    return repository.find(name).best.occupation_id
