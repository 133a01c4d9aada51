"""A bare occupation name ("en een kapper?", "en die andere?"): finish a pending comparison, ask
what the previous question asked, or else answer what it pays."""

import re
from typing import Optional, Text

from actions.also_asked import CUES, sentences
from actions.answer import Answer
from actions.base import OccupationAction
from actions.comparison import comparison
from actions.description import ActionAnswerJobDescription
from actions.occupation_answers import BY_NAME
from actions.pay import salary_answer
from actions.topic_guess import TopicExamplesError, guess_topic
from actions.turn import Turn
from occupations.catalog import OccupationInfo
from occupations.content import Myth
from occupations.repository import Repository

# A sentence that only asks what an occupation is: "wat is een mechatronicus?", "wat is dat eigenlijk, een laborant?"
WHAT_IS = re.compile(
    r"\s*(en\s+)?wat (is|zijn|betekent) (dat |dit )?(eigenlijk |precies |nou )?(,\s*)?(een|de|het)?\s*(beroep\s+)?"
    r"[\w-]+( eigenlijk| precies)?\s*\??\s*$",
    re.IGNORECASE,
)


LONG_MESSAGE = 10  # words: a name with a sentence around it, not a bare name ("en een kapper?")


def named_worry(repository: Repository, turn: Turn) -> Optional[Myth]:
    """The myth a longer question beside an occupation name is about, rather than a figure: no plain
    question about pay, work or school, and a myth's keyword or a confident guess of one; else None."""
    text = turn.text
    if len(text.split()) < LONG_MESSAGE or "?" not in text or any(cue.search(text) for cue in CUES.values()):
        return None
    if repository.topic_score("myth", turn.topic_text) > 0:
        return repository.best_topic("myth", turn.topic_text)
    try:
        guess = guess_topic(repository, turn.topic_text, "myth")
    except TopicExamplesError:
        return None
    return repository.topic("myth", guess.key) if guess is not None and guess.kind == "myth" else None


class ActionAnswerOccupation(OccupationAction):
    intent = "inform_occupation"
    compares_several = True

    def name(self) -> Text:
        return "action_answer_occupation"

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        pending = turn.pending_comparison
        if pending and pending.id != info.id:
            return comparison(self.repository, [pending, info], turn.text)
        names = [m.text.lower() for m in turn.mentions if m.occupation]
        asks_what_it_is = [s for s in sentences(turn.text) if WHAT_IS.match(s) and any(n in s.lower() for n in names)]
        if asks_what_it_is:
            # "wat is een mechatronicus? mn mentor zei dat het iets voor mij was": what the work is
            return ActionAnswerJobDescription(self._repository).answer_about(turn, info)
        myth = named_worry(self.repository, turn)
        if myth is not None:
            # "ik ben meisje en wil automonteur worden maar ze lachen me uit. is het echt zo raar?"
            from actions.topics import ActionAnswerMyth  # topics is built on this module's neighbours

            answer = ActionAnswerMyth(self._repository).answer_topic(myth, turn.text)
            answer.about = info
            return answer
        previous = BY_NAME.get(turn.last_answer)
        if previous is not None:
            return previous(self._repository).answer_about(turn, info)
        return salary_answer(self.repository, info, turn.text)
