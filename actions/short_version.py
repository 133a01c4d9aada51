"""'Kun je het kort samenvatten, voor op het bord?', 'in jip-en-janneketaal': the occupations just talked
about, each in one plain line: what the work is, the pay and the mbo level.

The answers are fixed texts and are not rewritten; what can be short and plain is the content itself.
"""

from typing import List, Optional

from actions.also_asked import sentences
from actions.answer import Answer, Reply
from actions.comparison import MAX_COMPARED
from actions.formatting import euro_hourly
from actions.turn import Turn
from occupations.catalog import OccupationInfo
from occupations.figures import PayFigure
from occupations.repository import Repository


def talked_about(turn: Turn) -> List[OccupationInfo]:
    """The occupations the conversation just put on the table, else the one talked about."""
    if turn.on_the_table:
        return list(turn.on_the_table)[:MAX_COMPARED]
    return [turn.remembered] if turn.remembered else []


def plain_line(repository: Repository, info: OccupationInfo, figure: Optional[PayFigure]) -> str:
    """ "- Lasser: Een lasser verbindt metalen onderdelen ... Loon: € 20,40 bruto per uur. Opleiding: mbo-niveau 2
    of 3." """
    profile = repository.profile(info)
    work = sentences(profile.daily_work)[0] if profile and profile.daily_work else ""
    pay = f"Loon: {euro_hourly(figure.median)} bruto per uur." if figure else "Loon: geen cijfer van het CBS."
    levels = f" Opleiding: mbo-niveau {' of '.join(profile.mbo_levels)}." if profile and profile.mbo_levels else ""
    return f"- {repository.display_name(info)}: {work} {pay}{levels}".replace("  ", " ")


def short_version(repository: Repository, turn: Turn) -> Optional[Answer]:
    """Each occupation named ("vergelijk X en Y, kort graag, voor op een dia") or talked about in one plain
    line, with the source of the pay; None when neither, or when the previous answer told a story (a story
    is not retold in other words)."""
    if turn.found:
        infos = list(turn.found)[:MAX_COMPARED]
    else:
        infos = talked_about(turn)
        about_them = any(repository.display_name(info) in turn.previous_reply for info in infos)
        if not infos or not about_them or "verhaal" in turn.previous_reply.lower():
            return None
    year = repository.common_pay_year(infos)
    figures = [repository.pay_in_year(info, year) for info in infos]
    cited = next((figure.source.citation for figure in figures if figure), None)
    if cited is None:
        return None
    lines = "\n".join(plain_line(repository, info, figure) for info, figure in zip(infos, figures, strict=True))
    answer = Answer([Reply("utter_short_version", {"regels": lines, "bron": cited})])
    answer.slots["suggested"] = [info.id for info in infos]  # "en nog simpeler?" is about the same ones
    return answer
