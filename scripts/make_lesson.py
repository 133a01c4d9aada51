"""`make lesson BEROEPEN="elektricien,kapper,lasser"`: the lesson sheet of 2–4 occupations as a PDF.

Each name is resolved as the chat would (occupations.matching); a name that is unknown or could be
several occupations stops it with a Dutch message and exit code 2. Writes
var/lessen/<names>.pdf and prints its path.
"""

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from bot.classroom.lesson_sheet import render_lesson_sheet
from bot.classroom.links import MAX_OCCUPATIONS, MIN_OCCUPATIONS, file_slug
from occupations.catalog import DatabaseNotBuilt, OccupationInfo
from occupations.config import PROJECT_ROOT, database_url
from occupations.repository import Repository

OUT_DIR = PROJECT_ROOT / "var" / "lessen"
EXAMPLE = 'make lesson BEROEPEN="elektricien,kapper,lasser"'
USAGE_ERROR, NOT_BUILT = 2, 1


class LessonError(Exception):
    """What the mentor typed cannot become a lesson sheet; the message says why, in Dutch."""


def names_in(text: str) -> List[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not MIN_OCCUPATIONS <= len(names) <= MAX_OCCUPATIONS:
        raise LessonError(
            f"noem {MIN_OCCUPATIONS} tot {MAX_OCCUPATIONS} beroepen, gescheiden door komma's. Bijvoorbeeld: {EXAMPLE}"
        )
    return names


def resolve(repository: Repository, name: str) -> OccupationInfo:
    found = repository.find(name)
    if found.best is None:
        raise LessonError(f"het beroep '{name}' ken ik niet. Controleer de spelling of kies een ander beroep.")
    if found.ambiguous:
        options = ", ".join(match.name for match in found.matches)
        raise LessonError(f"'{name}' kan meerdere beroepen zijn: {options}. Schrijf preciezer welk beroep je bedoelt.")
    return repository.occupation(found.best.occupation_id)


def occupations(repository: Repository, names: List[str]) -> List[OccupationInfo]:
    infos = [resolve(repository, name) for name in names]
    if len({info.id for info in infos}) != len(infos):
        raise LessonError("twee namen wijzen naar hetzelfde beroep. Kies verschillende beroepen.")
    return infos


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een lesbrief (PDF) over 2 tot 4 beroepen.")
    parser.add_argument("beroepen", nargs="?", default="", help='de beroepen, bijvoorbeeld "elektricien,kapper,lasser"')
    parser.add_argument("--map", type=Path, default=OUT_DIR, help="waar de PDF komt (standaard var/lessen)")
    args = parser.parse_args(argv)
    try:
        names = names_in(args.beroepen)
        repository = Repository.open(database_url())
        infos = occupations(repository, names)
    except LessonError as error:
        print(f"Geen lesbrief gemaakt: {error}", file=sys.stderr)
        return USAGE_ERROR
    except DatabaseNotBuilt:
        print("Geen lesbrief gemaakt: de beroependatabase is er nog niet. Draai eerst: make database", file=sys.stderr)
        return NOT_BUILT
    args.map.mkdir(parents=True, exist_ok=True)
    path = args.map / f"{file_slug([repository.display_name(info) for info in infos])}.pdf"
    path.write_bytes(render_lesson_sheet(repository, infos))
    try:
        print(path.relative_to(Path.cwd()))
    except ValueError:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
