"""'Kun je het kort samenvatten, voor op het bord?': the occupations just talked about, one line each.

The answers are fixed texts and are not rewritten; what can be short is the figures themselves.
"""

from typing import List, Optional

from actions.answer import Answer, Reply
from actions.comparison import MAX_COMPARED
from actions.formatting import euro_hourly
from actions.turn import Turn
from occupations.catalog import OccupationInfo
from occupations.repository import Repository


def talked_about(turn: Turn) -> List[OccupationInfo]:
    """The occupations the conversation just put on the table, else the one talked about."""
    if turn.on_the_table:
        return list(turn.on_the_table)[:MAX_COMPARED]
    return [turn.remembered] if turn.remembered else []


def short_version(repository: Repository, turn: Turn) -> Optional[Answer]:
    """Each occupation talked about with its median hourly pay of one year and the source; None when the
    previous answer showed no pay figures."""
    infos = talked_about(turn)
    if not infos or "bruto per uur" not in turn.previous_reply:  # a story or a school text stays as it was
        return None
    year = repository.common_pay_year(infos)
    figures = [repository.pay_in_year(info, year) for info in infos]
    lines = [
        f"- {repository.display_name(info)}: "
        + (f"{euro_hourly(figure.median)} bruto per uur" if figure else "geen loon van het CBS")
        for info, figure in zip(infos, figures, strict=True)
    ]
    cited = next((figure.source.citation for figure in figures if figure), None)
    if cited is None:
        return None
    return Answer([Reply("utter_short_version", {"regels": "\n".join(lines), "bron": cited})])
