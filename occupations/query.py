"""Answers in plain Python values, each figure with its source and year. No Rasa here."""
from dataclasses import dataclass
from typing import List, Optional

from occupations import matching
from occupations.catalog import Catalog, OccupationInfo, get_catalog

HOURS_PER_WEEK = 38
# 52 weeks / 12 months: the hours a month of a full-time job of 38 hours a week.
HOURS_PER_MONTH = HOURS_PER_WEEK * 52 / 12
NATIONAL_PAY_YEAR = 2022
PAY_YEARS = (2024, 2022)  # newest first: an older figure of the own group beats a broader group
NEWEST_PAY_YEAR = PAY_YEARS[0]
# How an answer names the broader level it fell back to.
LEVEL_NAMES = {"group": "dezelfde beroepsgroep", "segment": "het bredere beroepssegment",
               "class": "de bredere beroepsklasse", "total": "alle werknemers samen"}


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
    group_code: str
    group_title: str
    level: str  # group | segment | class | total
    year: int
    p25: float
    median: float
    p75: float
    source: SourceRef
    is_fallback: bool  # not the occupation's own group, or an older year
    own_group_title: str

    @property
    def median_per_month(self) -> float:
        """Project's own arithmetic: hourly median × 38 hours × 52 weeks / 12 months."""
        return self.median * HOURS_PER_MONTH


@dataclass(frozen=True)
class Prospects:
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


@dataclass(frozen=True)
class Comparison:
    first: OccupationInfo
    second: OccupationInfo
    first_pay: Optional[PayFigure]
    second_pay: Optional[PayFigure]
    first_prospects: Optional[Prospects]
    second_prospects: Optional[Prospects]


def _catalog(catalog: Optional[Catalog]) -> Catalog:
    return catalog or get_catalog()


def _source(catalog: Catalog, source_id: str) -> SourceRef:
    s = catalog.sources[source_id]
    return SourceRef(s.id, s.publisher, s.title, s.year, s.period, s.url)


def find(text: str, catalog: Optional[Catalog] = None) -> matching.FindResult:
    return matching.find(_catalog(catalog), text)


def find_in_message(message: str, catalog: Optional[Catalog] = None) -> matching.FindResult:
    return matching.find_in_message(_catalog(catalog), message)


def find_mentions(message: str, catalog: Optional[Catalog] = None) -> List[matching.FindResult]:
    return matching.find_mentions(_catalog(catalog), message)


def occupation(occupation_id: str, catalog: Optional[Catalog] = None) -> Optional[OccupationInfo]:
    return _catalog(catalog).occupations.get(occupation_id)


def _pay_chain(catalog: Catalog, group_code: str):
    """The own group's newest figure first, then its older figure, then ever broader levels."""
    code = group_code
    while code:
        for year in PAY_YEARS:
            yield code, year
        code = catalog.groups[code].parent_code


def group_pay(group_code: str, catalog: Optional[Catalog] = None) -> Optional[PayFigure]:
    catalog = _catalog(catalog)
    own = catalog.groups[group_code]
    for code, year in _pay_chain(catalog, group_code):
        row = catalog.pay.get((code, year))
        if row is None:
            continue
        group = catalog.groups[code]
        return PayFigure(group_code=code, group_title=group.title, level=group.level, year=year, p25=row.p25,
                         median=row.median, p75=row.p75, source=_source(catalog, row.source_id),
                         is_fallback=(code != group_code or year != NEWEST_PAY_YEAR),
                         own_group_title=own.title)
    return None


def pay(occupation_id: str, catalog: Optional[Catalog] = None) -> Optional[PayFigure]:
    """Gross hourly pay of the occupation's BRC group, or the nearest level CBS published, flagged."""
    catalog = _catalog(catalog)
    info = catalog.occupations[occupation_id]
    return group_pay(info.brc_group, catalog)


def national_pay(catalog: Optional[Catalog] = None) -> List[PayFigure]:
    """All employees and technical occupations (class 07), for comparison (CBS 2022)."""
    catalog = _catalog(catalog)
    figures = []
    for code in ("totaal", "07"):
        row = catalog.pay[(code, NATIONAL_PAY_YEAR)]
        group = catalog.groups[code]
        figures.append(PayFigure(code, group.title, group.level, row.year, row.p25, row.median, row.p75,
                                 _source(catalog, row.source_id), False, group.title))
    return figures


def prospects(occupation_id: str, catalog: Optional[Catalog] = None) -> Optional[Prospects]:
    catalog = _catalog(catalog)
    code = catalog.occupations[occupation_id].brc_group
    row = catalog.employment.get(code)
    if row is None:
        return None
    return Prospects(code, catalog.groups[code].title, row.period, row.previous_period, row.jobs, row.jobs_previous,
                     row.growth_pct, row.women_share, row.higher_education_share, _source(catalog, row.source_id))


def compare(first_id: str, second_id: str, catalog: Optional[Catalog] = None) -> Comparison:
    catalog = _catalog(catalog)
    return Comparison(catalog.occupations[first_id], catalog.occupations[second_id],
                      pay(first_id, catalog), pay(second_id, catalog),
                      prospects(first_id, catalog), prospects(second_id, catalog))


def occupation_by_slug(slug: str, catalog: Optional[Catalog] = None) -> Optional[OccupationInfo]:
    return _catalog(catalog).occupation_by_slug.get(slug)


def growing_groups(class_codes=("07", "08"), min_jobs: int = 20_000, limit: int = 6,
                   catalog: Optional[Catalog] = None) -> List[Prospects]:
    """Groups in the given BRC classes that grew most in a year (small groups left out: too noisy)."""
    catalog = _catalog(catalog)
    rows = [row for code, row in catalog.employment.items()
            if code[:2] in class_codes and row.jobs and row.jobs >= min_jobs and row.growth_pct is not None]
    rows.sort(key=lambda row: -row.growth_pct)
    return [Prospects(r.group_code, catalog.groups[r.group_code].title, r.period, r.previous_period, r.jobs,
                      r.jobs_previous, r.growth_pct, r.women_share, r.higher_education_share,
                      _source(catalog, r.source_id)) for r in rows[:limit]]
