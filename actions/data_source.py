"""'Waar komen je cijfers vandaan?': the sources of the table with their year, and how figures are made."""

from typing import Text

from actions.answer import Answer, Reply
from actions.base import TurnAction
from actions.turn import Turn
from occupations.repository import Repository


def source_lines(repository: Repository) -> str:
    """One line per source of the table: publisher, title, the period or year it describes, link."""
    lines = []
    for source in sorted(repository.catalog.sources.values(), key=lambda s: (s.publisher, s.title, -(s.year or 0))):
        when = source.period or (str(source.year) if source.year else "")
        link = f" ({source.url})" if source.url else ""
        lines.append(f"- {source.publisher}, {source.title}" + (f", {when}" if when else "") + link)
    return "\n".join(lines)


class ActionAnswerDataSource(TurnAction):
    intent = "ask_data_source"

    def name(self) -> Text:
        return "action_answer_data_source"

    def answer(self, turn: Turn) -> Answer:
        values = {"bronnen": source_lines(self.repository), "jaar": str(self.repository.comparison_year())}
        return Answer([Reply("utter_data_source", values)], is_answer=False)
