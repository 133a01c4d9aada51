"""A bare occupation name ("en een kapper?", "en die andere?"): finish a pending comparison, ask
what the previous question asked, or else answer what it pays."""

from typing import Text

from actions.answer import Answer
from actions.base import OccupationAction
from actions.comparison import comparison
from actions.occupation_answers import BY_NAME
from actions.pay import salary_answer
from actions.turn import Turn
from occupations.catalog import OccupationInfo


class ActionAnswerOccupation(OccupationAction):
    intent = "inform_occupation"
    compares_several = True

    def name(self) -> Text:
        return "action_answer_occupation"

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        pending = turn.pending_comparison
        if pending and pending.id != info.id:
            return comparison(self.repository, [pending, info], turn.text)
        previous = BY_NAME.get(turn.last_answer)
        if previous is not None:
            return previous(self._repository).answer_about(turn, info)
        return salary_answer(self.repository, info, turn.text)
