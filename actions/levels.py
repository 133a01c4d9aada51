"""Occupations reachable at an mbo level ("welke beroepen kan je met niveau 4", "wat verdien je met mbo 2").

A list of the featured occupations whose mbo route has that level, each with its median hourly
pay of one common year, so a mentor can show a class what a level leads to.
"""

import re
from typing import List, Optional, Tuple

from actions.answer import Answer, Reply
from actions.conditions import labels, without_ruled_out
from actions.school_topics import ENTREE_TOPIC, education_reply
from occupations.catalog import OccupationInfo
from occupations.repository import Repository

MAX_LISTED = 8
LEVEL = re.compile(r"\b(?:mbo|niveau|niv\.?)[\s-]*([1-4])\b", re.IGNORECASE)  # "mbo-2", "niveau 3", "niv 4"
ABOUT_WORK = re.compile(
    r"\b(beroep\w*|werk|banen|verdien\w*|\w*loon|salaris|worden|bereiken|welke (\w+ )?opleidingen)\b", re.IGNORECASE
)


# "leerlingen uit 3 basis", "vmbo-basis", "basisberoepsgerichte leerweg": the diploma gives access to mbo 2
VMBO_BASIS = re.compile(
    r"\b(vmbo[\s-]*(bb|basis\w*)|basisberoeps\w*|[1-4][\s-]*(vmbo[\s-]*)?(basis|bb)|basis[\s-]*(leerling\w*|klas\w*)"
    r"|(met|uit) (de )?basis|op basis(?! van))\b",
    re.IGNORECASE,
)
BASIS_ENTRY_LEVEL = 2
# "met mavo", "vmbo tl", "3 kader": the diploma gives access to mbo 3 and 4
VMBO_HIGHER = re.compile(
    r"\b(mavo|vmbo[\s-]*(tl|gl|gt|kb|kader\w*|theoretisch\w*|gemengd\w*)|[1-4][\s-]*(vmbo[\s-]*)?(tl|gl|kb|kader))\b",
    re.IGNORECASE,
)
HIGHER_ENTRY_LEVEL = 4


# "zonder dat hij helemaal tot niveau 4 moet doorstuderen": a level ruled out is not the one asked
NOT_THIS_LEVEL = re.compile(r"\b(zonder|niet|geen|hoeft niet)\b(\W+\w+){0,5}\W+$", re.IGNORECASE)


def named_level(text: str) -> Optional[re.Match]:
    """The first mbo level the message names that it does not rule out."""
    return next((m for m in LEVEL.finditer(text or "") if not NOT_THIS_LEVEL.search(text[: m.start()])), None)


def entry_level(text: str) -> Optional[int]:
    """The highest mbo level a pupil can start at that the message names: "mbo 2", "niveau 3", or
    vmbo basis (mbo 2); None when it names none."""
    level = named_level(text)
    if level:
        return int(level.group(1))
    if VMBO_BASIS.search(text or ""):
        return BASIS_ENTRY_LEVEL
    return HIGHER_ENTRY_LEVEL if VMBO_HIGHER.search(text or "") else None


def within_reach(
    repository: Repository, infos: List[OccupationInfo], level: int
) -> Tuple[List[OccupationInfo], List[OccupationInfo]]:
    """The occupations whose mbo route starts at `level` or lower, and the others. One without a
    curated route stays: nothing is known against it."""
    kept, left_out = [], []
    for info in infos:
        profile = repository.profile(info)
        # level 4 opens the hbo too, so an hbo-only route is within reach from there
        if profile is None or any(int(n) <= level for n in profile.mbo_levels) or level >= HIGHER_ENTRY_LEVEL:
            kept.append(info)
        else:
            left_out.append(info)
    return kept, left_out


def asked_level(text: str) -> Optional[str]:
    """The mbo level a question about work or pay names, or None."""
    level = named_level(text)
    return level.group(1) if level and ABOUT_WORK.search(text) else None


# "met een uurloon boven de 20 euro": a floor under the median pay of the list's year
PAY_FLOOR = re.compile(
    r"\b(?:boven|meer dan|hoger dan|minimaal|minstens|vanaf)\s+(?:de\s+)?"
    r"(?:€\s*(\d{2})(?:[.,](\d{1,2}))?|(\d{2})(?:[.,](\d{1,2}))?\s*(?:euro|€))",  # "€15", "20 euro"
    re.IGNORECASE,
)


def level_answer(repository: Repository, level: str, lines_of, text: str = "") -> Answer:
    infos = repository.occupations_at_level(level)
    fields = [
        i for row in repository.topics_named("sector", text or "") for i in repository.occupations_in_sector(row.sector)
    ]
    in_fields = [i for i in infos if i in fields]
    if in_fields:  # "mbo niveau 4 installatietechniek, wat kan hij daarmee?", "werk in de haven voor niveau 2 elektro"
        infos = in_fields
    floor = PAY_FLOOR.search(text or "")
    note = []
    if floor:  # "welke beroepen met mbo 2 hebben een uurloon boven de 20 euro?": those the figures show above it
        euros, cents = floor.group(1) or floor.group(3), floor.group(2) or floor.group(4)
        amount = float(f"{euros}.{cents or 0}")

        def above_in(year: int, candidates: List[OccupationInfo]) -> List[OccupationInfo]:
            return [i for i in candidates if (figure := repository.pay_in_year(i, year)) and figure.median > amount]

        year = repository.common_pay_year(infos)
        above = above_in(year, infos)
        without = [i for i in infos if not repository.pay_in_year(i, year)]
        if above:  # the list shows its own common year: the floor holds in that year too
            year = repository.common_pay_year(above)
            above = above_in(year, above)
        values = {"bedrag": f"€ {euros}" + (f",{cents}" if cents else ""), "jaar": str(year)}
        values["zonder"] = ", ".join(repository.display_name(i) for i in without[:MAX_LISTED]) or "geen"
        note = [Reply("utter_pay_floor", values)]
        infos = above
    infos, left_out, conditions = without_ruled_out(repository, infos, text)
    if left_out:  # "... en fysiek niet zo zwaar": without those whose work text says it is
        names = ", ".join(repository.display_name(i) for i in left_out[:MAX_LISTED])
        note.append(Reply("utter_left_out_for_condition", {"onderwerp": labels(conditions), "beroepen": names}))
    infos = infos[:MAX_LISTED]
    if not infos:
        replies = [Reply("utter_no_occupations_at_level", {"niveau": level})]
        entree = repository.catalog.curated["education"].get(ENTREE_TOPIC) if level == "1" else None
        if entree is not None:  # "technische beroepen met niveau 1 (entree)?": what the Entree year leads to
            replies.append(education_reply(repository, entree))
        return Answer(replies)
    return Answer(
        [Reply("utter_occupations_at_level", {"niveau": level, "beroepen": lines_of(repository, infos)})] + note,
        slots={"suggested": [info.id for info in infos]},  # "en welke daarvan verdient het meest?"
    )
