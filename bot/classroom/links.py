"""The URLs of a chart and a lesson sheet, and the strict way back from such a URL to occupations.

A path names 2–4 occupations by their ESCO UUID, joined with '+', in the order shown:
/klas/grafiek/<id>+<id>.png and /klas/lesbrief/<id>+<id>.pdf.
"""

import os
import re
import unicodedata
from typing import List, Sequence

from occupations.catalog import OccupationInfo
from occupations.repository import Repository

MIN_OCCUPATIONS, MAX_OCCUPATIONS = 2, 4
PREFIX = "/klas"
CHART_DIR, LESSON_DIR = "grafiek", "lesbrief"
CHART_SUFFIX, LESSON_SUFFIX = ".png", ".pdf"
SEPARATOR = "+"
DEFAULT_PUBLIC_BASE_URL = "http://127.0.0.1:5005"
# ESCO concept UUIDs as the catalog stores them: lowercase, canonical form only.
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class BadLink(ValueError):
    """A path that names no chart or lesson sheet; `message` is Dutch, for whoever opened the link."""

    def __init__(self, message: str, status: int = 404):
        super().__init__(message)
        self.message = message
        self.status = status


def _name(occupation_ids: Sequence[str], suffix: str) -> str:
    ids = list(occupation_ids)
    if not MIN_OCCUPATIONS <= len(ids) <= MAX_OCCUPATIONS or len(set(ids)) != len(ids):
        raise ValueError(f"a chart or lesson sheet needs 2 to 4 different occupations, got {ids}")
    if not all(UUID.fullmatch(i) for i in ids):
        raise ValueError(f"not an ESCO UUID among {ids}")
    return SEPARATOR.join(ids) + suffix


def chart_path(occupation_ids: Sequence[str]) -> str:
    """'/klas/grafiek/<id>+<id>.png' (2–4 different ESCO UUIDs; ValueError otherwise)."""
    return f"{PREFIX}/{CHART_DIR}/{_name(occupation_ids, CHART_SUFFIX)}"


def lesson_path(occupation_ids: Sequence[str]) -> str:
    """'/klas/lesbrief/<id>+<id>.pdf' (2–4 different ESCO UUIDs; ValueError otherwise)."""
    return f"{PREFIX}/{LESSON_DIR}/{_name(occupation_ids, LESSON_SUFFIX)}"


def public_url(path: str) -> str:
    """The path on the Rasa server as the outside world reaches it (PUBLIC_BASE_URL)."""
    base = os.environ.get("PUBLIC_BASE_URL", "").strip() or DEFAULT_PUBLIC_BASE_URL
    return base.rstrip("/") + path


def parse_name(name: str, suffix: str) -> List[str]:
    """The occupation ids in the last part of a path ('<id>+<id>.png'); BadLink unless 2–4 different UUIDs."""
    if not name.endswith(suffix):
        raise BadLink(f"Deze link is niet goed: hij moet eindigen op {suffix}.")
    ids = name[: -len(suffix)].split(SEPARATOR)
    if not MIN_OCCUPATIONS <= len(ids) <= MAX_OCCUPATIONS:
        raise BadLink(f"Deze link is niet goed: er horen {MIN_OCCUPATIONS} tot {MAX_OCCUPATIONS} beroepen in.")
    if not all(UUID.fullmatch(i) for i in ids):
        raise BadLink("Deze link is niet goed: een van de beroepen is geen geldige beroepscode.")
    if len(set(ids)) != len(ids):
        raise BadLink("Deze link is niet goed: hetzelfde beroep staat er twee keer in.")
    return ids


def occupations_in(repository: Repository, name: str, suffix: str) -> List[OccupationInfo]:
    """The occupations a path names, in its order; BadLink when one is malformed or unknown."""
    infos = [repository.occupation(i) for i in parse_name(name, suffix)]
    if any(info is None for info in infos):
        raise BadLink("Deze link is niet goed: een van de beroepen kennen we niet.")
    return infos


def file_slug(names: Sequence[str]) -> str:
    """'elektricien-kapper-lasser' from the occupations' names: a file name that any system accepts."""
    words = [
        re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())
        for name in names
    ]
    return "-".join(word.strip("-") for word in words if word.strip("-")) or "lesbrief"
