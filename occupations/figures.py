"""The values a figure travels in: always with the source and year it comes from."""

from dataclasses import dataclass
from typing import Optional

HOURS_PER_WEEK = 38
# 52 weeks / 12 months: the hours a month of a full-time job of 38 hours a week.
HOURS_PER_MONTH = HOURS_PER_WEEK * 52 / 12
# How an answer names the level a pay figure describes.
LEVEL_NAMES = {
    "group": "dezelfde beroepsgroep",
    "segment": "het bredere beroepssegment",
    "class": "de bredere beroepsklasse",
    "total": "alle werknemers samen",
}


# The fallback rule. CBS publishes no wage for small groups. A broader figure may stand in for a group
# only when it describes similar work at a similar level:
# - similar work: pay_borrowing.csv lists the group with the reason why its BRC segment does the same
#   kind of work (reviewed by hand; a segment only, never a class or all employees);
# - similar level: the share of workers with higher education (CBS 85276NED) of the group and of the
#   segment differ by at most MAX_LEVEL_GAP.
# Otherwise the answer shows no figure and says that CBS publishes none.
MAX_LEVEL_GAP = 0.15


def similar_level(group_share: Optional[float], segment_share: Optional[float]) -> bool:
    """True when a segment's workers are educated like the group's (both shares known, gap ≤ 15 points)."""
    if group_share is None or segment_share is None:
        return False
    return abs(group_share - segment_share) <= MAX_LEVEL_GAP


@dataclass(frozen=True)
class SourceRef:
    id: str
    publisher: str
    title: str
    year: int
    period: Optional[str]
    url: Optional[str]

    @property
    def citation(self) -> str:
        when = self.period or str(self.year)
        return f"{self.publisher}, {self.title}, {when}"


@dataclass(frozen=True)
class PayFigure:
    """Gross hourly pay quartiles of one CBS group in one year."""

    group_code: str
    group_title: str
    level: str  # group | segment | class | total
    year: int
    p25: float
    median: float
    p75: float
    source: SourceRef
    own_group_code: str  # the occupation's own group, which the figure may be borrowed for
    own_group_title: str

    @property
    def is_broader(self) -> bool:
        """CBS published nothing for the own group: the figure describes a broader level."""
        return self.group_code != self.own_group_code

    @property
    def median_per_month(self) -> float:
        """Project's own arithmetic: hourly median × 38 hours × 52 weeks / 12 months."""
        return self.median * HOURS_PER_MONTH


@dataclass(frozen=True)
class Prospects:
    """Employment of one CBS group in a quarter, against the same quarter a year earlier."""

    group_code: str
    group_title: str
    period: str
    previous_period: Optional[str]
    jobs: Optional[int]
    jobs_previous: Optional[int]
    growth_pct: Optional[float]
    women_share: Optional[float]
    higher_education_share: Optional[float]
    source: SourceRef
