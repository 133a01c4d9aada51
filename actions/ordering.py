"""The order of a field's occupations as the message asks for it: the ones it names first, and
work aboard or ashore first when it speaks of ships."""

import re
from typing import List, Tuple

from actions.answer import Reply
from actions.formatting import dutch_list
from occupations.catalog import OccupationInfo
from occupations.normalize import normalize
from occupations.repository import Repository

NAMED_STEM = 5  # letters of a message word that, inside an occupation's name, put it first
LABEL_WORD = 7  # a message word this long that is a word of another name of the occupation ("offshore")
WORDS_OF_ALL_TECHNICAL_WORK = {"techniek", "technisch", "technische", "technicus", "monteur", "werk", "werken"}


def named_first(repository: Repository, infos: List[OccupationInfo], text: str) -> List[OccupationInfo]:
    """The occupations whose name holds a word of the message first ("iets met vliegtuigen": the
    vliegtuigmonteur before the truck driver), the others after them in their own order."""
    stems = {re.sub(r"(en|s)$", "", word) for word in re.findall(r"[a-z]{5,}", normalize(text))}
    stems = {stem for stem in stems if len(stem) >= NAMED_STEM}
    words = {word for word in normalize(text).split() if len(word) >= LABEL_WORD} - WORDS_OF_ALL_TECHNICAL_WORK

    def named(info: OccupationInfo) -> bool:
        name = normalize(repository.display_name(info)).replace(" ", "")
        other_names = {word for label in repository.curated_labels(info) for word in label.split()}
        return any(stem in name for stem in stems) or bool(words & other_names)  # "offshore": offshore monteur

    return [info for info in infos if named(info)] + [info for info in infos if not named(info)]


# "ik wil op een schip werken": the sector's work aboard first; "maar niet steeds op zee": ashore first
ASKS_ABOARD = re.compile(r"\b(op (een |de |het )?(schip|schepen|boot|boten|zee)|aan boord|varen)\b", re.IGNORECASE)
NOT_ABOARD = re.compile(
    r"\bniet (de hele tijd |altijd |steeds |te lang |zo lang |maanden )?"
    r"(op (een |de )?(zee|schip|boot)|aan boord|varen)"
    r"|\bzeeziek|\bop de wal\b|\baan wal\b",
    re.IGNORECASE,
)
WORK_ABOARD = re.compile(r"\baan boord\b|\bwerkt op een (zee|binnenvaart)?schip\b", re.IGNORECASE)


def aboard_first(
    repository: Repository, infos: List[OccupationInfo], text: str
) -> Tuple[List[OccupationInfo], List[Reply]]:
    """The occupations in the order the message asks for (aboard or ashore first), and a reply
    naming the ones it puts first; no reply when the message asks neither."""

    if not ASKS_ABOARD.search(text):
        return infos, []

    def aboard(info: OccupationInfo) -> bool:
        profile = repository.profile(info)
        return bool(profile and WORK_ABOARD.search(profile.daily_work))

    on_board = [info for info in infos if aboard(info)]
    ashore = [info for info in infos if not aboard(info)]
    if not on_board:
        return infos, []
    if NOT_ABOARD.search(text):
        names = dutch_list([repository.display_name(info) for info in ashore])
        return ashore + on_board, [Reply("utter_ashore", {"beroepen": names})]
    names = dutch_list([repository.display_name(info) for info in on_board])
    return on_board + ashore, [Reply("utter_aboard", {"beroepen": names})]
