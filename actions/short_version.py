"""'Kun je het kort samenvatten, voor op het bord?', 'in jip-en-janneketaal': the occupations just talked
about, each in one plain line: what the work is, the pay and the mbo level.

The answers are fixed texts and are not rewritten; what can be short and plain is the content itself.
"""

import re
from typing import List, Optional

from actions.also_asked import sentences
from actions.answer import Answer, Reply
from actions.citations import cite_facts
from actions.comparison import MAX_COMPARED
from actions.formatting import euro_hourly
from actions.turn import Turn
from occupations.catalog import OccupationInfo
from occupations.content import EducationTopic, Fact, Myth
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


SHORT_TOPIC_SENTENCES = 3


MAX_SHORT_MYTHS = 3


def myths_shown(repository: Repository, previous_reply: str) -> List[Myth]:
    """The myths whose answers the previous reply gave ("'Techniek is vies werk.' Dat hoor je vaak ..."),
    in the order given."""
    rows = [row for row in repository.catalog.curated["myth"].values() if f"'{row.myth}'" in (previous_reply or "")]
    return sorted(rows, key=lambda row: previous_reply.index(f"'{row.myth}'"))[:MAX_SHORT_MYTHS]


def with_a_figure(facts: List[Fact]) -> List[Fact]:
    """The first fact with a number in it, else the first: a slide wants the figure."""
    figured = [fact for fact in facts if re.search(r"\d", fact.text)]
    return (figured or facts)[:1]


def school_topic_shown(repository: Repository, previous_reply: str) -> Optional[EducationTopic]:
    """The school topic whose answer the previous reply gave, if any."""
    rows = repository.catalog.curated["education"].values()
    return next((row for row in rows if previous_reply and row.answer[:80] in previous_reply), None)


def topic_short_version(repository: Repository, previous_reply: str) -> Optional[Answer]:
    """ "Kun je dat in 3 bullets zetten voor een dia?" after a myth or a school topic: its own sentences as
    bullets (the myth, what the figures say, what is true in it), with the first sourced fact; None when the
    previous answer was neither."""
    myths = myths_shown(repository, previous_reply)
    if len(myths) == 1:  # the myth, what the figures say, what is true in it
        myth = myths[0]
        points = [f"Het idee: '{myth.myth}'", f"Het antwoord: {sentences(myth.answer)[0]}"]
        points += [f"Wat wel klopt: {myth.kernel_of_truth}"] if myth.kernel_of_truth else []
        facts = with_a_figure(repository.facts(myth.fact_ids))
    elif myths:  # "vies en slecht betaald": one line and one figure for each
        points = [f"'{myth.myth}' {sentences(myth.answer)[0]}" for myth in myths]
        facts = [fact for myth in myths for fact in with_a_figure(repository.facts(myth.fact_ids))]
    else:
        school = school_topic_shown(repository, previous_reply)
        if school is None:
            return None
        points, facts = sentences(school.answer)[:SHORT_TOPIC_SENTENCES], repository.facts(school.fact_ids)[:1]
    lines = "\n".join(f"- {point}" for point in points)
    return Answer([Reply("utter_short_topic", {"regels": lines, "feit": cite_facts(facts)})])


def short_version(repository: Repository, turn: Turn) -> Optional[Answer]:
    """Each occupation named ("vergelijk X en Y, kort graag, voor op een dia") or talked about in one plain
    line, with the source of the pay; after a myth or a school topic, its core in a few bullets; None when
    neither, or when the previous answer told a story (a story is not retold in other words)."""
    topic = None if turn.found else topic_short_version(repository, turn.previous_reply)
    if topic is not None:
        return topic
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
