"""A bare occupation name ("en een kapper?", "en die andere?"): finish a pending comparison, ask
what the previous question asked, or else answer what it pays."""

import re
from typing import Text

from actions.also_asked import sentences
from actions.answer import Answer
from actions.base import OccupationAction
from actions.comparison import comparison
from actions.description import ActionAnswerJobDescription
from actions.occupation_answers import BY_NAME
from actions.pay import salary_answer
from actions.turn import Turn
from occupations.catalog import OccupationInfo

# A sentence that only asks what an occupation is: "wat is een mechatronicus?", "wat is dat eigenlijk, een laborant?"
WHAT_IS = re.compile(
    r"\s*(en\s+)?wat (is|zijn|betekent) (dat |dit )?(eigenlijk |precies |nou )?(,\s*)?(een|de|het)?\s*(beroep\s+)?"
    r"[\w-]+( eigenlijk| precies)?\s*\??\s*$",
    re.IGNORECASE,
)


TELL_ABOUT = re.compile(r"\b(vertel|zeg) (eens |me |mij )*(iets|wat|meer|alles) over\b|\binfo over\b", re.IGNORECASE)


class ActionAnswerOccupation(OccupationAction):
    intent = "inform_occupation"
    compares_several = True

    def name(self) -> Text:
        return "action_answer_occupation"

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        pending = turn.pending_comparison
        if pending and pending.id != info.id:
            return comparison(self.repository, [pending, info], turn.text)
        if TELL_ABOUT.search(turn.text):  # "vertel iets over timmerman": what the work is, and what it pays
            answer = ActionAnswerJobDescription(self._repository).answer_about(turn, info)
            answer.replies += salary_answer(self.repository, info, turn.text).replies
            return answer
        if any(WHAT_IS.match(s) and turn.named_in(s) for s in sentences(turn.text)):
            # "wat is een mechatronicus? mn mentor zei dat het iets voor mij was": what the work is
            return ActionAnswerJobDescription(self._repository).answer_about(turn, info)
        from actions.topics import named_worry, worry_answer  # topics is built on this module's neighbours

        myth = named_worry(self.repository, turn)
        if myth is not None:  # "ik ben meisje en wil automonteur worden maar ze lachen me uit. is het echt zo raar?"
            return worry_answer(self._repository, myth, turn, info)
        previous = BY_NAME.get(turn.last_answer)
        if previous is not None:
            return previous(self._repository).answer_about(turn, info)
        return salary_answer(self.repository, info, turn.text)
