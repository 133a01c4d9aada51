"""Two occupations side by side: pay and employment, each with its source and year."""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.audience import audience_events
from actions.base import add_sentence_names, counted_answer, display_name
from actions.formatting import count, euro_hourly, growth_since_last_year, period
from actions.resolution import FOUND, mentioned_occupations, remembered_occupation
from occupations import query
from occupations.catalog import OccupationInfo


def pay_text(info: OccupationInfo) -> str:
    figure = query.pay(info.id)
    if figure is None:
        return "geen loon bekend"
    broader = "bredere groep" if figure.group_code != info.brc_group else "groep"
    return f"{euro_hourly(figure.median)} per uur ({broader} '{figure.group_title}', {figure.source.citation})"


def jobs_text(info: OccupationInfo) -> str:
    figures = query.prospects(info.id)
    if figures is None or figures.jobs is None:
        return "aantal werkenden onbekend"
    return (f"{count(figures.jobs)} werkenden in {period(figures.period)}, "
            f"{growth_since_last_year(figures.growth_pct)}")


def say_comparison(dispatcher: CollectingDispatcher, first: OccupationInfo, second: OccupationInfo) -> None:
    dispatcher.utter_message(response="utter_compare", a_naam=display_name(first), b_naam=display_name(second),
                             a_loon=pay_text(first), b_loon=pay_text(second),
                             a_banen=jobs_text(first), b_banen=jobs_text(second))


def occupations_to_compare(tracker: Tracker) -> List[OccupationInfo]:
    found = [m.occupation for m in mentioned_occupations(tracker) if m.status == FOUND]
    pending_id = tracker.get_slot("compare_with")
    earlier: Optional[OccupationInfo] = (query.occupation(pending_id) if pending_id else None) \
        or remembered_occupation(tracker)
    if len(found) == 1 and earlier and earlier.id != found[0].id:
        found = [earlier] + found
    return found


def named_pair(tracker: Tracker) -> Optional[List[OccupationInfo]]:
    """The first two occupations the latest message names, or None when it names fewer."""
    found = [m.occupation for m in mentioned_occupations(tracker) if m.status == FOUND]
    return found[:2] if len(found) >= 2 else None


def answer_pair(dispatcher: CollectingDispatcher, tracker: Tracker,
                pair: List[OccupationInfo]) -> List[Dict[Text, Any]]:
    say_comparison(dispatcher, pair[0], pair[1])
    return audience_events(tracker) + [SlotSet("compare_with", None), SlotSet("occupation_id", pair[1].id)] + \
        counted_answer(tracker, dispatcher)


class ComparesNamedPair:
    """Mixin for an occupation action: a message that names two occupations gets the comparison.

    "verdient een kapper meer dan een lasser?" is answered best by pay and jobs for both.
    """

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        pair = named_pair(tracker)
        if pair:
            return answer_pair(dispatcher, tracker, pair)
        return await super().run(dispatcher, tracker, domain)


class ActionCompareOccupations(Action):
    def name(self) -> Text:
        return "action_compare_occupations"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events = audience_events(tracker)
        found = occupations_to_compare(tracker)
        if not found:
            dispatcher.utter_message(response="utter_ask_occupation")
            return events
        if len(found) == 1:
            dispatcher.utter_message(response="utter_ask_compare_second", naam=display_name(found[0]))
            add_sentence_names(dispatcher)
            return events + [SlotSet("compare_with", found[0].id), SlotSet("occupation_id", found[0].id)]
        return answer_pair(dispatcher, tracker, found[:2])
