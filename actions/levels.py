"""Occupations reachable at an mbo level ("welke beroepen kan je met niveau 4", "wat verdien je met mbo 2").

A list of the featured occupations whose mbo route has that level, each with its median hourly
pay of one common year, so a mentor can show a class what a level leads to.
"""

import re
from typing import Optional

from actions.answer import Answer, Reply
from occupations.repository import Repository

MAX_LISTED = 8
LEVEL = re.compile(r"\b(?:mbo|niveau)[\s-]*([1-4])\b", re.IGNORECASE)
ABOUT_WORK = re.compile(r"\b(beroep\w*|werk|banen|verdien\w*|\w*loon|salaris|worden|bereiken)\b", re.IGNORECASE)


def asked_level(text: str) -> Optional[str]:
    """The mbo level a question about work or pay names, or None."""
    level = LEVEL.search(text)
    return level.group(1) if level and ABOUT_WORK.search(text) else None


def level_answer(repository: Repository, level: str, lines_of) -> Answer:
    infos = repository.occupations_at_level(level)[:MAX_LISTED]
    if not infos:
        return Answer([Reply("utter_no_occupations_at_level", {"niveau": level})])
    return Answer(
        [Reply("utter_occupations_at_level", {"niveau": level, "beroepen": lines_of(repository, infos)})],
        slots={"suggested": [info.id for info in infos]},  # "en welke daarvan verdient het meest?"
    )
