"""Role-model stories: marked as illustration unless a public source tells a real person's story."""
import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import OccupationAction, counted_answer, display_name
from actions.formatting import euro_hourly
from actions.resolution import NONE, resolve
from actions.audience import audience_events
from occupations import curated_query, query
from occupations.catalog import OccupationInfo

WOMEN_WORDS = re.compile(r"\b(vrouw|vrouwen|meisje|meisjes|meid|meiden|dochter)\b", re.IGNORECASE)


def story_values(story: dict, info: OccupationInfo) -> Dict[str, str]:
    if story["is_illustration"] == "ja":
        kind = "Voorbeeldverhaal"
        source = "Dit is een voorbeeldverhaal: wij schreven het zelf, de persoon bestaat niet. De route is wel echt mogelijk."
    else:
        kind = "Echt verhaal"
        source = f"Bron: {story['source_title']}, {story['source_year']} ({story['source_url']})"
    figure = query.pay(info.id)
    if figure:
        source += (f"\nEchte cijfers: in de groep '{figure.group_title}' is het middelste bruto uurloon "
                   f"{euro_hourly(figure.median)} ({figure.source.citation}).")
    return {"soort": kind, "persoon": story["person_name"], "leeftijd": story["age"], "naam": display_name(info),
            "route": story["route"], "verhaal": story["story"], "citaat": story["quote"], "bron": source}


def pick_story(stories: List[dict], tracker: Tracker) -> Optional[dict]:
    if WOMEN_WORDS.search(tracker.latest_message.get("text") or ""):
        stories = [s for s in stories if s["gender"] == "v"] or stories
    if not stories:
        return None
    turn = int(tracker.get_slot("answers_given") or 0)
    return sorted(stories, key=lambda s: s["story_id"])[turn % len(stories)]


class ActionAnswerStory(OccupationAction):
    intent = "ask_story"

    def name(self) -> Text:
        return "action_answer_story"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, info: OccupationInfo,
               name: str) -> List[Dict[Text, Any]]:
        story = pick_story(curated_query.stories(info), tracker)
        if story is None:
            dispatcher.utter_message(response="utter_no_story", naam=name)
            return []
        dispatcher.utter_message(response="utter_story", **story_values(story, info))
        return []

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if resolve(tracker).status != NONE:
            return await super().run(dispatcher, tracker, domain)
        # No occupation named or remembered: tell any story (a woman's when asked for one).
        all_stories = list(curated_query.all_rows("story").values())
        story = pick_story(all_stories, tracker)
        events = audience_events(tracker)
        if story is None:
            dispatcher.utter_message(response="utter_ask_occupation")
            return events
        info = query.occupation_by_slug(story["occupation_slug"])
        dispatcher.utter_message(response="utter_story", **story_values(story, info))
        return events + [SlotSet("occupation_id", info.id), SlotSet("beroep", display_name(info))] + \
            counted_answer(tracker, dispatcher)
