"""'Waar komen je cijfers vandaan?': the sources of the table with their year, and how figures are made.

A narrow question about the figures ("is dat bruto of netto?", "waarom niet van dit jaar?", "is alles
landelijk?") gets its own short answer rather than the whole block of sources and method.
"""

import re
from typing import List, Optional, Text

from actions.answer import Answer, Reply
from actions.base import TurnAction, national_figures_reply
from actions.turn import Turn
from occupations.repository import Repository

GROSS_OR_NET = re.compile(r"\b(bruto|netto|belasting\w*|schoon|in je hand|op je rekening)\b", re.IGNORECASE)
EXTRAS = re.compile(
    r"\b(vakantiegeld|vakantietoeslag|toeslag\w*|overwerk|bonus\w*|13e maand|dertiende maand)\b", re.IGNORECASE
)
HOW_RECENT = re.compile(
    r"\b(van )?(dit|vorig|dat) jaar\b.{0,10}\?|\bwaarom (niet|geen)\b.{0,30}\b(jaar|nieuwer\w*|recent\w*)\b"
    r"|\b(nieuwere|recentere|actuelere|oude|verouderde) (cijfers|gegevens|data)\b|\bhoe (recent|oud|actueel)\b"
    r"|\b(van|uit) (welk|wanneer)\b|\bwelk jaar\b",
    re.IGNORECASE,
)
PER_UNIT = re.compile(
    r"\b(per (uur|week|maand|jaar)|maandloon|maandsalaris|omreken\w*|reken\w* .{0,30}\bom)\b", re.IGNORECASE
)
# "... en waar haalt u dat getal vandaan?": the sources too, not only the narrow answer
WHERE_FROM = re.compile(r"\b(vandaan|bron|bronnen|waar haal\w*|betrouwba\w*|kloppen|klopt)\b", re.IGNORECASE)
# "mag ik die cijfers in een powerpoint voor de klas gebruiken als ik de bron erbij zet?"
REUSE = re.compile(
    r"\b(mag|mogen|kan|kun|kunnen) (ik|we|wij|je|u) (die |deze |de |jullie )?(cijfers|gegevens|bedragen|dit|dat)\b"
    r".{0,50}\b(gebruiken|overnemen|delen|laten zien|tonen)\b",
    re.IGNORECASE,
)
NATIONAL = re.compile(r"\b(landelijk\w*|regio\w*|per (stad|provincie|gemeente)|rijnmond|rotterdam\w*)\b", re.IGNORECASE)


def source_lines(repository: Repository) -> str:
    """One line per source of the table: publisher, title, the period or year it describes, link."""
    lines = []
    for source in sorted(repository.catalog.sources.values(), key=lambda s: (s.publisher, s.title, -(s.year or 0))):
        when = source.period or (str(source.year) if source.year else "")
        link = f" ({source.url})" if source.url else ""
        lines.append(f"- {source.publisher}, {source.title}" + (f", {when}" if when else "") + link)
    return "\n".join(lines)


def newest_figures(repository: Repository) -> str:
    """The latest period of each CBS table in the database: "Werknemers; uurloon ... : 2024; ..."."""
    newest = {}
    for source in repository.catalog.sources.values():
        if source.publisher != "CBS" or "tabel" not in source.title:
            continue  # the crosswalk and ESCO are classifications, not figures of a year
        if source.title not in newest or (source.year or 0) > newest[source.title][0]:
            newest[source.title] = (source.year or 0, source.period or str(source.year))
    return "; ".join(f"{title}: {when}" for title, (_, when) in sorted(newest.items()))


# "(tabel 85517NED), 2022", "(tabel 85276NED), 4e kwartaal 2025": the period of a figure, as cited;
# "werkenden ... in het 4e kwartaal van 2025" in a comparison line
CITED_PERIOD = re.compile(r"\(tabel \w+\),? ((?:\de kwartaal )?20\d\d)|\bin het (\de kwartaal) van (20\d\d)\b")


def years_shown(previous_reply: str) -> str:
    """The periods of the CBS figures cited in the previous answer, in order, each once: "2022 en 2024"."""
    cited = [m.group(1) or f"{m.group(2)} {m.group(3)}" for m in CITED_PERIOD.finditer(previous_reply or "")]
    periods = list(dict.fromkeys(re.sub(r"(\d)e kwartaal (\d{4})", r"het \1e kwartaal van \2", p) for p in cited))
    return " en ".join([", ".join(periods[:-1]), periods[-1]] if len(periods) > 1 else periods)


NUMBER_OF_OCCUPATIONS = re.compile(
    r"\b(\d|twee|drie|vier|vijf|zes|zeven|acht|tien) (\w+ ){0,2}(beroepen|banen|vakken)\b", re.IGNORECASE
)
# "stelling 3 klopt volgens mij niet": the third of the statements just shown, with its source
STATEMENT_NUMBER = re.compile(r"\bstelling\s*(\d)\b", re.IGNORECASE)
STATEMENT = re.compile(r"^- Stelling: (.*)\n\s+Feit: (.*)$", re.MULTILINE)


def statement_asked(turn: Turn) -> Optional[Reply]:
    """The statement of the previous answer that the message points to by its number, with its fact."""
    number = STATEMENT_NUMBER.search(turn.text)
    statements = STATEMENT.findall(turn.previous_reply)
    if not number or not 1 <= int(number.group(1)) <= len(statements):
        return None
    statement, fact = statements[int(number.group(1)) - 1]
    return Reply("utter_statement_source", {"nummer": number.group(1), "stelling": statement, "feit": fact})


def narrow_answers(turn: Turn, repository: Repository) -> List[Reply]:
    """Short answers to the narrow questions about the figures this message asks, in a fixed order."""
    statement = statement_asked(turn)
    if statement is not None:
        return [statement]
    replies = []
    if GROSS_OR_NET.search(turn.text):
        replies.append(Reply("utter_figures_gross"))
    if PER_UNIT.search(turn.text):
        replies.append(Reply("utter_figures_per_unit"))
    if EXTRAS.search(turn.text):
        replies.append(Reply("utter_figures_extras"))
    if HOW_RECENT.search(turn.text):
        shown = years_shown(turn.previous_reply)
        if shown:  # "en van welk jaar is dat?" after a figure: the year of that figure first
            replies.append(Reply("utter_figures_shown_year", {"jaren": shown}))
        replies.append(Reply("utter_figures_recent", {"nieuwste": newest_figures(repository)}))
    if NATIONAL.search(turn.text):
        replies.append(national_figures_reply(turn.text, repository))
    if REUSE.search(turn.text):
        replies.append(Reply("utter_figures_reuse"))
    return replies


class ActionAnswerDataSource(TurnAction):
    intent = "ask_data_source"

    def name(self) -> Text:
        return "action_answer_data_source"

    def answer(self, turn: Turn) -> Answer:
        # Imported here: lists and topics are built on the actions beside this one.
        from actions.levels import asked_level, level_answer
        from actions.lists import best_paid
        from actions.topics import occupation_lines

        # "5 beroepen met mbo 2, met het bruto uurloon en de bron": the list, each figure with its source
        level = asked_level(turn.text)
        if level:
            return level_answer(self.repository, level, occupation_lines, turn.text)
        if NUMBER_OF_OCCUPATIONS.search(turn.text):
            return best_paid(self.repository, turn.text)
        narrow = narrow_answers(turn, self.repository)
        values = {"bronnen": source_lines(self.repository), "jaar": str(self.repository.comparison_year())}
        if narrow and (not WHERE_FROM.search(turn.text) or narrow[0].response == "utter_statement_source"):
            return Answer(narrow + [Reply("utter_figures_more")], is_answer=False)
        return Answer(narrow + [Reply("utter_data_source", values)], is_answer=False)
