"""'Maak een lesbrief over elektricien, kapper en lasser': a link to the printable PDF (bot/classroom)."""

import re
from typing import Text

from actions.answer import Answer, Reply, question, sentence_name
from actions.base import TurnAction
from actions.citations import cite_fact
from actions.comparison import comparison
from actions.formatting import dutch_list
from actions.turn import Turn
from bot.classroom.links import lesson_path, public_url
from occupations.repository import Repository

MIN_OCCUPATIONS, MAX_OCCUPATIONS = 2, 4
# The figures asked for in the chat itself, not only on paper.
ASKS_FOR_A_TABLE = re.compile(
    r"\b(tabel\w*|overzicht\w*|op een rij|naast elkaar|rijtje\w*|uurloon|salaris\w*)\b", re.IGNORECASE
)


ABOUT_MYTHS = re.compile(
    r"\b(vooroordee?l\w*|mythe\w*|fabel\w*|clich[eé]\w*|stereotype?\w*|stellingen|waar of (niet waar|onwaar))\b",
    re.IGNORECASE,
)
MYTH_STATEMENTS = 6


def myth_statements(repository: Repository) -> Answer:
    """The common myths as statements for a class discussion, each with one sourced fact against it."""
    lines, used = [], set()
    for myth in repository.myths():
        # Each statement its own fact: the imago study stands behind several myths, but says most about one.
        facts = [fact for fact in repository.facts(myth.fact_ids) if fact.fact_id not in used]
        if facts:
            used.add(facts[0].fact_id)
            lines.append(f"- Stelling: '{myth.myth}'\n  Feit: {cite_fact(facts[0])}")
        if len(lines) == MYTH_STATEMENTS:
            break
    return Answer([Reply("utter_myth_statements", {"stellingen": "\n".join(lines)})])


class ActionLessonSheet(TurnAction):
    intent = "ask_lesson_sheet"

    def name(self) -> Text:
        return "action_lesson_sheet"

    def answer(self, turn: Turn) -> Answer:
        found = list({info.id: info for info in turn.found}.values())
        if len(found) < MIN_OCCUPATIONS:
            # "maak er een lesbrief van", "kun je dit omzetten naar een werkblad?": the occupations just
            # listed or compared, else those this conversation was about.
            found += [info for info in turn.suggested + turn.discussed if info not in found]
        if len(found) < MIN_OCCUPATIONS and ABOUT_MYTHS.search(turn.text):
            return myth_statements(self.repository)  # "5 stellingen over vooroordelen, met een feitje erbij"
        if len(found) < MIN_OCCUPATIONS:
            return question("utter_ask_lesson_occupations")
        found = found[:MAX_OCCUPATIONS]
        link = public_url(lesson_path([info.id for info in found]))
        title = dutch_list([sentence_name(self.repository.display_name(info)) for info in found])
        sheet = Reply("utter_lesson_sheet", {"namen": title, "link": link})
        if ASKS_FOR_A_TABLE.search(turn.text):  # "een tabelletje met het uurloon ... voor een werkblad"
            answer = comparison(self.repository, found, turn.text)
            answer.replies.append(sheet)
            return answer
        return Answer([sheet], is_answer=False)
