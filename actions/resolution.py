"""Work out which occupation a message is about: entity, whole message, or the remembered slot."""
from dataclasses import dataclass, field
from typing import List, Optional

from rasa_sdk import Tracker

from occupations import query
from occupations.catalog import OccupationInfo
from occupations.matching import FindResult, Match

FOUND, AMBIGUOUS, UNKNOWN, NONE = "found", "ambiguous", "unknown", "none"


@dataclass
class Resolution:
    status: str
    occupation: Optional[OccupationInfo] = None
    text: str = ""
    candidates: List[Match] = field(default_factory=list)


def _entity_values(tracker: Tracker, entity: str) -> List[str]:
    values = []
    for item in tracker.latest_message.get("entities", []) or []:
        value = item.get("value")
        if item.get("entity") == entity and isinstance(value, str) and value.strip() and value not in values:
            values.append(value.strip())
    return values


def _from_result(result: FindResult) -> Resolution:
    if not result.matches:
        return Resolution(UNKNOWN, text=result.text)
    if result.ambiguous:
        return Resolution(AMBIGUOUS, text=result.text, candidates=result.matches)
    return Resolution(FOUND, occupation=query.occupation(result.best.occupation_id), text=result.text)


def mentioned_occupations(tracker: Tracker) -> List[Resolution]:
    """Every occupation the latest message names: button payloads, NLU entities, then the text itself.

    The NLU may miss a rare name or cut "monteur elektrische installaties" into pieces, so
    names found in the whole message are added to what the entities give.
    """
    chosen = [query.occupation(value) for value in _entity_values(tracker, "occupation_id")]
    chosen = [Resolution(FOUND, occupation=info, text=info.name) for info in chosen if info]
    if chosen:
        return chosen
    text = tracker.latest_message.get("text") or ""
    from_entities = [_from_result(query.find(name)) for name in _entity_values(tracker, "beroep")]
    from_text = [_from_result(result) for result in query.find_mentions(text)] if text else []
    # A longer name found in the text beats an entity that is only part of it
    # ("civiel ingenieur" over the entity "ingenieur").
    found_in_text = [r for r in from_text if r.status == FOUND]
    from_entities = [r for r in from_entities
                     if not any(r.text.lower() in t.text.lower() and r.text.lower() != t.text.lower()
                                for t in found_in_text)]
    resolutions, seen = [], set()
    for resolution in from_entities + from_text:
        key = resolution.occupation.id if resolution.occupation else resolution.text.lower()
        covered = resolution.status != FOUND and any(
            resolution.text.lower() in other.text.lower() or other.text.lower() in resolution.text.lower()
            for other in from_entities + from_text if other is not resolution and other.status == FOUND)
        if key not in seen and not covered:
            seen.add(key)
            resolutions.append(resolution)
    return resolutions


def remembered_occupation(tracker: Tracker) -> Optional[OccupationInfo]:
    occupation_id = tracker.get_slot("occupation_id")
    return query.occupation(occupation_id) if occupation_id else None


def resolve(tracker: Tracker) -> Resolution:
    """The occupation of this question: named now, or else the one from earlier in the chat."""
    mentions = mentioned_occupations(tracker)
    for status in (FOUND, AMBIGUOUS, UNKNOWN):
        for mention in mentions:
            if mention.status == status:
                return mention
    remembered = remembered_occupation(tracker)
    if remembered:
        return Resolution(FOUND, occupation=remembered, text=remembered.name)
    return Resolution(NONE)
