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


# "5 beroepen", "een lijstje van technische beroepen", "welke beroepen passen bij PIE"
NAMES_OCCUPATIONS = re.compile(
    r"\b(\d+|twee|drie|vier|vijf|zes|een paar|een aantal|een lijstje( van)?) (\w+ ){0,2}beroepen\b"
    r"|\b(noem|geef|welke)\b.{0,30}\bberoepen\b",
    re.IGNORECASE,
)


def occupations_for_a_lesson(repository: Repository, turn: Turn) -> Answer:
    """Occupations asked for a lesson without names: those of the vmbo profile, mbo level or sector the
    message names, else one from each direction, each with its pay."""
    # Imported here: those modules are built on this one's neighbours.
    from actions.levels import asked_level, level_answer
    from actions.topics import ONE_PROFILE, ActionAnswerEducation, ActionAnswerSector, occupation_lines

    profiles = [t for t in repository.topics_named("education", turn.text) if t.topic_id in ONE_PROFILE]
    if profiles:  # answer_topic lists a profile's occupations with their pay when the message asks for them
        return ActionAnswerEducation(repository).answer_topic(profiles[0], turn.text)
    level = asked_level(turn.text)
    if level:
        return level_answer(repository, level, occupation_lines, turn.text)
    sector = repository.best_topic("sector", turn.text)
    if sector is not None:
        return ActionAnswerSector(repository).answer_topic(sector, turn.text)
    infos = repository.one_per_sector()
    values = {"beroepen": occupation_lines(repository, infos)}
    return Answer([Reply("utter_overview", values)], slots={"suggested": [info.id for info in infos]})


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
        if len(found) < MIN_OCCUPATIONS and NAMES_OCCUPATIONS.search(turn.text):
            # "geef me 5 beroepen bij profiel PIE met het uurloon, voor een werkblad": the list itself
            return occupations_for_a_lesson(self.repository, turn)
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
