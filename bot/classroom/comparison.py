"""What a comparison shows: one pay year for 2–4 occupations, each with its CBS figure or none.

The chart, its alt text and the lesson sheet all read this one value, so they state the same
figures, of the same year, from the same sources.
"""

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import List, Optional, Sequence, Tuple

from occupations.catalog import OccupationInfo
from occupations.figures import PayFigure, SourceRef
from occupations.repository import Repository

MIN_OCCUPATIONS, MAX_OCCUPATIONS = 2, 4


@dataclass(frozen=True)
class Row:
    occupation_id: str
    name: str  # the display name ("Elektricien")
    figure: Optional[PayFigure]  # None: CBS publishes no wage for it in this year (and none may stand in)

    @property
    def is_broader(self) -> bool:
        return self.figure is not None and self.figure.is_broader


@dataclass(frozen=True)
class Comparison:
    year: int
    rows: Tuple[Row, ...]
    national: Optional[PayFigure]  # all employees in the same year, where CBS publishes it

    @property
    def figures(self) -> List[PayFigure]:
        shown = [row.figure for row in self.rows if row.figure]
        return shown + ([self.national] if self.national else [])

    @property
    def sources(self) -> List[SourceRef]:
        """Each source of a figure shown, once, in order."""
        return list({figure.source.id: figure.source for figure in self.figures}.values())

    def fingerprint(self) -> str:
        """A short digest of everything shown: a rebuilt table with other figures gets other files."""
        data = json.dumps(asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]


def comparison(repository: Repository, infos: Sequence[OccupationInfo]) -> Comparison:
    """The figures of these occupations in the one year most of them have (ValueError unless 2–4)."""
    infos = list(infos)
    if not MIN_OCCUPATIONS <= len(infos) <= MAX_OCCUPATIONS:
        raise ValueError(f"a comparison needs {MIN_OCCUPATIONS} to {MAX_OCCUPATIONS} occupations, got {len(infos)}")
    year = repository.common_pay_year(infos)
    rows = tuple(Row(info.id, repository.display_name(info), repository.pay_in_year(info, year)) for info in infos)
    return Comparison(year, rows, repository.national_pay(year))
