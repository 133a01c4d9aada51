"""Answers about topics rather than one occupation: myths, interests, sectors, school, next steps."""
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.audience import audience_events
from actions.base import counted_answer, display_name
from actions.citations import cite, cite_facts
from actions.formatting import count, euro_hourly, growth_since_last_year, period
from actions.prospects import shortage_fact
from occupations import curated_query, query
from occupations.catalog import OccupationInfo

MAX_SUGGESTIONS = 4


def occupation_line(info: OccupationInfo) -> str:
    """One occupation with one figure: its median hourly pay, source and year."""
    figure = query.pay(info.id)
    if figure is None:
        return f"- {display_name(info)}"
    return f"- {display_name(info)}: {euro_hourly(figure.median)} bruto per uur ({figure.source.citation})"


def text_buttons(rows: List[dict], title_key: str, text_key: str) -> List[Dict[str, str]]:
    """Buttons whose payload is plain text: it goes through the NLU like a typed message."""
    return [{"title": row[title_key][:20], "payload": row[text_key]} for row in rows]


class TopicAction(Action, ABC):
    """Find the curated row the message is about, then answer it (or ask which one)."""

    kind = ""

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, row: dict) -> None:
        """Utter the answer for the matched curated row."""

    @abstractmethod
    def ask(self, dispatcher: CollectingDispatcher) -> None:
        """Ask which topic the user means."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events = audience_events(tracker)
        row = curated_query.best_by_keywords(self.kind, tracker.latest_message.get("text") or "")
        if row is None:
            self.ask(dispatcher)
            return events
        self.answer(dispatcher, tracker, row)
        return events + counted_answer(tracker, dispatcher)


class ActionAnswerMyth(TopicAction):
    kind = "myth"

    def name(self) -> Text:
        return "action_answer_myth"

    def answer(self, dispatcher, tracker, row) -> None:
        kernel = f"Wat wel klopt: {row['kernel_of_truth']}\n" if row.get("kernel_of_truth") else ""
        dispatcher.utter_message(response="utter_myth", mythe=row["myth"], antwoord=row["answer"],
                                 feiten=cite_facts(curated_query.facts(row["fact_ids"])), kern=kernel,
                                 helpt=f"Wat helpt: {row['what_helps']}")

    def ask(self, dispatcher) -> None:
        rows = list(curated_query.all_rows("myth").values())[:6]
        dispatcher.utter_message(response="utter_ask_which_myth", buttons=text_buttons(rows, "myth", "myth"))


class ActionAnswerInterest(TopicAction):
    kind = "interest"

    def name(self) -> Text:
        return "action_answer_interest"

    def answer(self, dispatcher, tracker, row) -> None:
        occupations = curated_query.occupations_with_interest(row["tag"])[:MAX_SUGGESTIONS]
        lines = "\n".join(occupation_line(info) for info in occupations) or "- (nog geen beroepen bij)"
        dispatcher.utter_message(response="utter_interest", interesse=row["label"], beroepen=lines)

    def ask(self, dispatcher) -> None:
        rows = list(curated_query.all_rows("interest").values())[:6]
        dispatcher.utter_message(response="utter_ask_interest", buttons=text_buttons(
            [{"title": r["label"], "text": f"ik hou van {r['label']}"} for r in rows], "title", "text"))


class ActionAnswerSector(TopicAction):
    kind = "sector"

    def name(self) -> Text:
        return "action_answer_sector"

    def answer(self, dispatcher, tracker, row) -> None:
        occupations = curated_query.occupations_in_sector(row["sector"])[:6]
        dispatcher.utter_message(response="utter_sector", sector=row["name"], beschrijving=row["description"],
                                 beroepen="\n".join(occupation_line(info) for info in occupations),
                                 feiten=cite_facts(curated_query.facts(row.get("fact_ids", ""))))

    def ask(self, dispatcher) -> None:
        rows = list(curated_query.all_rows("sector").values())
        dispatcher.utter_message(response="utter_ask_interest",
                                 buttons=text_buttons([{"t": r["name"], "p": f"werk in {r['name'].lower()}"}
                                                       for r in rows[:6]], "t", "p"))


class ActionAnswerEducation(TopicAction):
    kind = "education"

    def name(self) -> Text:
        return "action_answer_education"

    def answer(self, dispatcher, tracker, row) -> None:
        dispatcher.utter_message(response="utter_education", antwoord=row["answer"],
                                 feiten=cite_facts(curated_query.facts(row.get("fact_ids", ""))))

    def ask(self, dispatcher) -> None:
        dispatcher.utter_message(response="utter_ask_education_topic", buttons=[
            {"title": "vmbo-profielen", "payload": "welke vmbo profielen zijn er"},
            {"title": "mbo-niveaus", "payload": "wat zijn de mbo niveaus"},
            {"title": "BOL of BBL", "payload": "wat is het verschil tussen bol en bbl"},
            {"title": "Naar het hbo", "payload": "kan ik na mbo 4 naar het hbo"}])


class ActionAnswerBestChances(Action):
    def name(self) -> Text:
        return "action_answer_best_chances"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events = audience_events(tracker)
        groups = query.growing_groups()
        lines = "\n".join(f"- {g.group_title}: {count(g.jobs)} werkenden, {growth_since_last_year(g.growth_pct)}"
                          for g in groups)
        shortage = shortage_fact()
        dispatcher.utter_message(response="utter_best_chances", lijst=lines, bron=cite(groups[0].source),
                                 periode=period(groups[0].period),
                                 periode_vorig=period(groups[0].previous_period or ""),
                                 feit=cite_facts([shortage]) if shortage else "")
        return events + counted_answer(tracker, dispatcher)


class ActionAnswerNextStep(Action):
    def name(self) -> Text:
        return "action_answer_next_step"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        steps = list(curated_query.all_rows("next_step").values())[:6]
        lines = "\n".join(f"- {s['name']}: {s['what']}" + (f" ({s['url']})" if s.get("url") else "") for s in steps)
        dispatcher.utter_message(response="utter_next_step", stappen=lines)
        return audience_events(tracker) + counted_answer(tracker, dispatcher)
