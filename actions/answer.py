"""What an action says, and the one place an answer is finished: slots, buttons, feedback."""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.followups import follow_up_buttons
from actions.turn import Turn
from occupations.catalog import OccupationInfo
from occupations.repository import Repository

FEEDBACK_EVERY = 4  # ask "Had je hier iets aan?" after this many answers


@dataclass
class Reply:
    """One message: a response of domain.yml with every value its text needs, or a custom
    payload (a chart: {"chart": {"url", "alt", "caption"}}) that each channel shows its own way."""

    response: str
    values: Dict[str, Any] = field(default_factory=dict)
    buttons: List[Dict[str, str]] = field(default_factory=list)
    custom: Optional[Dict[str, Any]] = None


@dataclass
class Answer:
    replies: List[Reply]
    about: Optional[OccupationInfo] = None  # remembered (slots occupation_id, beroep) for follow-ups
    slots: Dict[str, Any] = field(default_factory=dict)  # further slots this answer sets
    is_answer: bool = True  # False for a question back ("welk beroep?"): no follow-ups, not counted


def question(response: str, buttons: Optional[List[Dict[str, str]]] = None, **values: Any) -> Answer:
    """Ask something back instead of answering."""
    return Answer([Reply(response, values, list(buttons or []))], is_answer=False)


def sentence_name(name: str) -> str:
    """A name inside a sentence: 'elektricien', but 'ICT-beheerder' and 'BIM-modelleur' keep their capitals."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def name_values(name: str) -> Dict[str, str]:
    """An occupation's name at the start of a sentence ({naam}) and inside one ({naam_zin})."""
    return {"naam": name, "naam_zin": sentence_name(name)}


def last_text_index(answer: Answer) -> int:
    """The last reply that is text, not a chart: channels show buttons only under text."""
    return max((i for i, reply in enumerate(answer.replies) if reply.custom is None), default=-1)


# Prose blocks that answer a question on their own: read a moment ago, they need not come again.
# Figures, caveats and verdicts always stay beside the answer they support.
PROSE_BLOCKS = {"utter_job_description", "utter_job_description_short", "utter_sector_intro", "utter_education"}


def without_repeats(replies: List[Reply], previous_answer: str) -> List[Reply]:
    """The replies without a prose block the user has just read word for word ("wat doet een
    scheepsbouwer?" ... "is dat zwaar werk?": the myth's answer, not the description again). All of
    them when nothing else would be left: asked again, the same answer is better than none."""

    def repeated(reply: Reply) -> bool:
        texts = [value for value in reply.values.values() if isinstance(value, str) and value]
        return reply.response in PROSE_BLOCKS and bool(texts) and all(text in previous_answer for text in texts)

    fresh = [reply for reply in replies if not repeated(reply)]
    return fresh if any(reply.custom is None for reply in fresh) else replies


def distinct(replies: List[Reply]) -> List[Reply]:
    """Each reply once: a second question that one answer already covers ("werken ze in ploegendienst?"
    read as an occupation question and as a question about the work) adds nothing twice."""
    kept: List[Reply] = []
    for reply in replies:
        if reply not in kept:
            kept.append(reply)
    return kept


def finish(
    turn: Turn, dispatcher: CollectingDispatcher, answer: Answer, intent: str, repository: Repository
) -> List[Dict[str, Any]]:
    """Utter the replies and return the events: audience, remembered occupation, slots, answer count."""
    answer.replies = without_repeats(distinct(answer.replies), turn.previous_reply)
    follow_ups = follow_up_buttons(intent, turn.is_parent) if answer.about and answer.is_answer else []
    # Next-step buttons go under the last text rather than in an empty message of their own
    # (a chart is never the one: channels show buttons only under text).
    last_text = last_text_index(answer)
    for index, reply in enumerate(answer.replies):
        buttons = reply.buttons + (follow_ups if index == last_text else [])
        if reply.custom is not None:
            dispatcher.utter_message(custom=reply.custom)
        else:
            dispatcher.utter_message(response=reply.response, buttons=buttons, **reply.values)
    events = list(turn.audience_events)
    if answer.about:
        events += [SlotSet("occupation_id", answer.about.id), SlotSet("beroep", repository.display_name(answer.about))]
    events += [SlotSet(name, value) for name, value in answer.slots.items()]
    if answer.about and turn.suggested and "suggested" not in answer.slots and answer.about not in turn.suggested:
        events.append(SlotSet("suggested", None))  # moved on to another occupation: the list is old
    if answer.is_answer:
        answers = turn.answers_given + 1
        if answers % FEEDBACK_EVERY == 0:
            dispatcher.utter_message(response="utter_ask_feedback")
        events.append(SlotSet("answers_given", float(answers)))
    return events
