"""The labour-market table as one object: built once per process, handed to whoever asks.

Answers come back as plain Python values (figures.py, content.py), each figure with its source
and year. No Rasa here.
"""

import re
from functools import lru_cache
from itertools import zip_longest
from typing import Dict, List, Optional, Tuple, TypeVar

from occupations import matching
from occupations.catalog import Catalog, OccupationInfo, load_catalog
from occupations.content import (
    EducationTopic,
    Fact,
    Interest,
    MboQualification,
    Myth,
    NextStep,
    PayBorrowing,
    Profile,
    Sector,
    Story,
    facts_for,
)
from occupations.figures import PayFigure, Prospects, SourceRef, similar_level
from occupations.normalize import normalize

PAY_YEARS = (2024, 2022)  # newest first: an older figure of the own group beats a broader group
NATIONAL = "totaal"
TECHNICAL_CLASS = "07"
# Above this share of workers with higher education, a group's wage says little about an mbo diploma.
HIGHER_EDUCATION_NOTE = 0.30
Topic = TypeVar("Topic", Myth, Interest, Sector, EducationTopic)


class Repository:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._sectors_ruled_out: Dict[str, List[Sector]] = {}  # message -> sectors it rules out

    @classmethod
    def open(cls, database_url: Optional[str] = None) -> "Repository":
        """Read the database (DATABASE_URL or the SQLite default); raises DatabaseNotBuilt."""
        return cls(load_catalog(database_url))

    # --- occupations ---------------------------------------------------------------------

    def occupation(self, occupation_id: str) -> Optional[OccupationInfo]:
        return self.catalog.occupations.get(occupation_id)

    def occupation_by_slug(self, slug: str) -> Optional[OccupationInfo]:
        return self.catalog.occupation_by_slug.get(slug)

    def find(self, text: str) -> matching.FindResult:
        """Resolve one name as typed (an entity's text); whole messages go through the NLU matcher."""
        return matching.find(self.catalog, text)

    def profile(self, info: OccupationInfo) -> Optional[Profile]:
        return self.catalog.profiles.get(info.profile_slug) if info.profile_slug else None

    def is_technical(self, info: OccupationInfo) -> bool:
        """Technical, ICT or transport work by CBS class (BRC 2014 classes 07, 08 and 12)."""
        return info.brc_group[:2] in TECHNICAL_CLASSES

    def one_per_sector(self) -> List[OccupationInfo]:
        """The first featured occupation of each sector, in the sectors' order: work that differs."""
        firsts = [self.occupations_in_sector(sector.sector)[:1] for sector in self.sectors()]
        return list(dict.fromkeys(info for first in firsts for info in first))

    def technical_references(self) -> List[OccupationInfo]:
        """Common technical occupations after the vmbo, set beside other work when nothing else was named."""
        return [
            self.catalog.occupation_by_slug[s] for s in TECHNICAL_REFERENCES if s in self.catalog.occupation_by_slug
        ]

    def curated_labels(self, info: OccupationInfo) -> List[str]:
        """The names the curated table gives the occupation besides its own ("offshore monteur")."""
        return self.catalog.curated_labels_of.get(info.id, [])

    def is_featured(self, info: OccupationInfo) -> bool:
        """Whether a curated featured profile describes it (the comparison profiles, such as kapper, do not count)."""
        return info.profile_slug in self.catalog.curated["featured"]

    def display_name(self, info: OccupationInfo) -> str:
        """The curated name where there is one ("Elektricien"), else ESCO's, capitalised."""
        profile = self.profile(info)
        name = profile.name if profile else info.name
        return name[:1].upper() + name[1:]

    def esco_description_source(self, info: OccupationInfo) -> Optional[SourceRef]:
        """Where the occupation's ESCO description (`info.esco_description`) comes from; None without one."""
        if not info.esco_description or not info.esco_source_id:
            return None
        return self._source(info.esco_source_id)

    # --- figures -------------------------------------------------------------------------

    def _source(self, source_id: str) -> SourceRef:
        s = self.catalog.sources[source_id]
        return SourceRef(s.id, s.publisher, s.title, s.year, s.period, s.url)

    def _figure(self, code: str, year: int, own_code: str) -> PayFigure:
        row, group, own = self.catalog.pay[(code, year)], self.catalog.groups[code], self.catalog.groups[own_code]
        source = self._source(row.source_id)
        return PayFigure(
            code, group.title, group.level, year, row.p25, row.median, row.p75, source, own.code, own.title
        )

    def mostly_higher_educated(self, code: str) -> bool:
        """Whether so many in the group went to hbo or university that its wage says little about mbo."""
        share = self.education_share(code)
        return share is not None and share >= HIGHER_EDUCATION_NOTE

    def education_share(self, code: str) -> Optional[float]:
        """Share of workers with higher education in a group, or jobs-weighted over a segment's groups."""
        if code in self.catalog.employment:
            return self.catalog.employment[code].higher_education_share
        rows = [
            row
            for group, row in self.catalog.employment.items()
            if self.catalog.groups[group].parent_code == code and row.jobs and row.higher_education_share is not None
        ]
        jobs = sum(row.jobs for row in rows)
        return sum(row.jobs * row.higher_education_share for row in rows) / jobs if jobs else None

    def borrowing(self, group_code: str) -> Optional[PayBorrowing]:
        """The segment whose wage may stand in for this group (figures.py states the rule), or None."""
        row = self.catalog.curated["pay_borrowing"].get(group_code)
        if row is None or row.segment_code != self.catalog.groups[group_code].parent_code:
            return None
        if not similar_level(self.education_share(group_code), self.education_share(row.segment_code)):
            return None
        return row

    def group_pay(self, group_code: str, years: Tuple[int, ...] = PAY_YEARS) -> Optional[PayFigure]:
        """The group's own wage (newest year first), else its segment's where the fallback rule allows it."""
        for year in years:
            if (group_code, year) in self.catalog.pay:
                return self._figure(group_code, year, group_code)
        borrowing = self.borrowing(group_code)
        for year in years if borrowing else ():
            if (borrowing.segment_code, year) in self.catalog.pay:
                return self._figure(borrowing.segment_code, year, group_code)
        return None

    def pay(self, info: OccupationInfo) -> Optional[PayFigure]:
        return self.group_pay(info.brc_group)

    def pay_in_year(self, info: OccupationInfo, year: int) -> Optional[PayFigure]:
        return self.group_pay(info.brc_group, (year,))

    def group_title(self, code: str) -> str:
        return self.catalog.groups[code].title

    def comparison_year(self) -> int:
        """The newest year with a wage of all employees: comparisons with other work use this year only."""
        return next(year for year in PAY_YEARS if (NATIONAL, year) in self.catalog.pay)

    def national_pay(self, year: int) -> Optional[PayFigure]:
        """All employees in one year (CBS publishes the national wage in the 2022 table only)."""
        return self._figure(NATIONAL, year, NATIONAL) if (NATIONAL, year) in self.catalog.pay else None

    def common_pay_year(self, infos: List[OccupationInfo]) -> int:
        """The year in which most of these occupations have a wage (the newest on a tie): one year per comparison."""
        return max(PAY_YEARS, key=lambda year: (sum(self.pay_in_year(info, year) is not None for info in infos), year))

    def same_pupil_occupations(self) -> List[OccupationInfo]:
        """Other work open to the same vmbo pupil (kapper, verkoop, horeca, schoonmaak, logistiek, zorg)."""
        profiles = [p for p in self.catalog.curated["comparison"].values() if p.same_pupil]
        return [self.catalog.occupation_by_slug[p.slug] for p in profiles if p.slug in self.catalog.occupation_by_slug]

    def _prospects(self, group_code: str) -> Optional[Prospects]:
        row = self.catalog.employment.get(group_code)
        if row is None:
            return None
        return Prospects(
            group_code,
            self.catalog.groups[group_code].title,
            row.period,
            row.previous_period,
            row.jobs,
            row.jobs_previous,
            row.growth_pct,
            row.women_share,
            row.higher_education_share,
            self._source(row.source_id),
        )

    def prospects(self, info: OccupationInfo) -> Optional[Prospects]:
        return self._prospects(info.brc_group)

    def growing_groups(
        self, class_codes=(TECHNICAL_CLASS, "08"), min_jobs: int = 20_000, limit: int = 6
    ) -> List[Prospects]:
        """Groups in the given BRC classes that grew most in a year (small groups left out: too noisy),
        only groups of the featured occupations: those a pupil can be pointed to (no bakers)."""
        featured = {info.brc_group for info in self.featured_occupations()}
        rows = self._ranked_groups(lambda row: row.growth_pct, class_codes, min_jobs)
        return [self._prospects(row.group_code) for row in rows if row.group_code in featured][:limit]

    def largest_groups(
        self, class_codes=(TECHNICAL_CLASS, "08"), min_jobs: int = 20_000, limit: int = 6
    ) -> List[Prospects]:
        """Groups of the featured occupations in the given BRC classes with the most workers."""
        featured = {info.brc_group for info in self.featured_occupations()}
        rows = self._ranked_groups(lambda row: row.jobs, class_codes, min_jobs)
        return [self._prospects(row.group_code) for row in rows if row.group_code in featured][:limit]

    def jobs_together(self, class_codes=(TECHNICAL_CLASS, "08")) -> Tuple[int, Optional[Prospects]]:
        """All workers of the groups of the classes (our own sum of CBS rows), with one group's
        figures for the period and source."""
        rows = self._ranked_groups(lambda row: row.jobs, class_codes, min_jobs=1)
        return sum(row.jobs for row in rows), (self._prospects(rows[0].group_code) if rows else None)

    def women_share_together(self, class_codes=(TECHNICAL_CLASS, "08")) -> Tuple[Optional[float], int]:
        """The share of women over all groups of the classes with a figure, weighted by their workers
        (our own sum of CBS rows), and how many workers that covers."""
        rows = self._ranked_groups(lambda row: row.women_share, class_codes, min_jobs=1)
        jobs = sum(row.jobs for row in rows)
        women = sum(row.jobs * row.women_share for row in rows)
        return (women / jobs if jobs else None), jobs

    def women_shares(self, class_codes=(TECHNICAL_CLASS, "08"), min_jobs: int = 20_000) -> List[Prospects]:
        """Groups in the given BRC classes by their share of women, highest first (small groups left out)."""
        rows = self._ranked_groups(lambda row: row.women_share, class_codes, min_jobs)
        return [self._prospects(row.group_code) for row in rows]

    def _ranked_groups(self, value, class_codes, min_jobs: int) -> list:
        """Employment rows of the classes with at least `min_jobs` workers and a value, highest first."""
        rows = [
            row
            for code, row in self.catalog.employment.items()
            if code[:2] in class_codes and row.jobs and row.jobs >= min_jobs and value(row) is not None
        ]
        return sorted(rows, key=lambda row: -value(row))

    # --- curated content -----------------------------------------------------------------

    def facts(self, fact_ids: Tuple[str, ...]) -> List[Fact]:
        return facts_for(fact_ids, self.catalog.curated["fact"])

    def fact(self, fact_id: str) -> Optional[Fact]:
        return self.catalog.curated["fact"].get(fact_id)

    def all_facts(self) -> List[Fact]:
        return list(self.catalog.curated["fact"].values())

    def stories(self, info: Optional[OccupationInfo] = None) -> List[Story]:
        """The stories about an occupation, or all stories."""
        stories = self.catalog.curated["story"].values()
        return [s for s in stories if info is None or s.occupation_slug == info.profile_slug]

    def myths(self) -> List[Myth]:
        return list(self.catalog.curated["myth"].values())

    def interests(self) -> List[Interest]:
        return list(self.catalog.curated["interest"].values())

    def sectors(self) -> List[Sector]:
        return list(self.catalog.curated["sector"].values())

    def next_steps(self) -> List[NextStep]:
        return list(self.catalog.curated["next_step"].values())

    def qualifications(self, crebos: Tuple[str, ...]) -> List[MboQualification]:
        """The current qualifications with these crebo codes (the build rejects any other)."""
        by_crebo = {q.crebo: q for q in self.catalog.curated["mbo"].values() if q.is_current}
        return [by_crebo[crebo] for crebo in crebos if crebo in by_crebo]

    def topic(self, kind: str, key: str) -> Topic:
        """One curated row by its id (a KeyError names a row the code relies on but the data lacks)."""
        return self.catalog.curated[kind][key]

    def best_topic(self, kind: str, text: str) -> Optional[Topic]:
        """The myth, interest, sector or education topic whose keywords the message matches best."""
        named = self.topics_named(kind, text)
        return named[0] if named else None

    def topic_score(self, kind: str, text: str) -> int:
        """How much of the message the best row of this kind covers (0: none of its keywords)."""
        rows = self._rows_not_ruled_out(kind, text)
        return max((_keyword_score(text, row.keywords, kind == "interest") for row in rows.values()), default=0)

    def _rows_not_ruled_out(self, kind: str, text: str) -> Dict[str, Topic]:
        """The curated rows of this kind, without the sectors the message rules out ("niet zo van computers")."""
        rows: Dict[str, Topic] = self.catalog.curated[kind]
        if kind != "sector":
            return rows
        ruled_out = {row.sector for row in self.sectors_ruled_out(text)}
        return {key: row for key, row in rows.items() if row.sector not in ruled_out}

    def names_any_keyword(self, text: str) -> bool:
        """Whether the message has a keyword of any myth, interest, sector or school topic, even one
        it rules out ("liever binnen dan buiten")."""
        kinds = ("myth", "education", "sector", "interest")
        return any(_keyword_score(text, row.keywords) > 0 for k in kinds for row in self.catalog.curated[k].values())

    def sectors_ruled_out(self, text: str) -> List[Sector]:
        """The sectors the message rules out ("wil ook niet de bouw in", "geen ICT"); asked many times per
        turn, so each message's result is kept."""
        if text not in self._sectors_ruled_out:
            if len(self._sectors_ruled_out) >= RULED_OUT_CACHE:
                self._sectors_ruled_out.clear()
            self._sectors_ruled_out[text] = self._find_sectors_ruled_out(text)
        return self._sectors_ruled_out[text]

    def _find_sectors_ruled_out(self, text: str) -> List[Sector]:
        message = f" {normalize(text)} "
        ruled_out = []
        for row in self.catalog.curated["sector"].values():
            negated = named = False
            for keyword in row.keywords:
                _, pattern = _keyword_pattern(keyword)
                for found in pattern.finditer(message) if pattern else ():
                    if SECTOR_NEGATION.search(message[: found.start()]):
                        negated = True
                    else:
                        named = True
            # "iets met schepen maar niet op zee": a part of the field is ruled out, not the field
            if negated and not named:
                ruled_out.append(row)
        return ruled_out

    def topics_named(self, kind: str, text: str) -> List[Topic]:
        """Every row of this kind whose keywords the message matches, best match first."""
        rows = self._rows_not_ruled_out(kind, text)
        negatable = kind == "interest"
        # What the questions name weighs first, the context after: "... werkt in de haven. Wat voor banen zijn
        # er in de haven? ... ik lees dat de fabrieken moeten verduurzamen" is about the port
        # (sectors only: a myth or a school topic is often named in the context and asked about in short)
        asked = " ".join(p for p in QUESTION_END.split(text) if p.strip().endswith("?")) if kind == "sector" else ""
        scored = [
            (
                _keyword_score(asked, row.keywords, negatable) if asked else 0,
                _keyword_score(text, row.keywords, negatable),
                key,
            )
            for key, row in rows.items()
        ]
        return [rows[key] for _, score, key in sorted(scored, reverse=True) if score > 0]

    def _featured(self, keep, fit=None) -> List[OccupationInfo]:
        profiles = [p for p in self.catalog.curated["featured"].values() if keep(p)]
        if fit is not None:
            profiles.sort(key=fit)  # stable: equal fit keeps the file's order
        return [self.catalog.occupation_by_slug[p.slug] for p in profiles if p.slug in self.catalog.occupation_by_slug]

    def occupations_with_interest(self, tag: str, also: Tuple[str, ...] = ()) -> List[OccupationInfo]:
        """Featured occupations with this interest, best fit first: those that also have more of the
        other interests named (`also`), then those that list this interest earlier (their main ones)."""
        return self._featured(
            lambda profile: tag in profile.interests,
            fit=lambda profile: (-sum(t in profile.interests for t in also), profile.interests.index(tag)),
        )

    def featured_occupations(self) -> List[OccupationInfo]:
        """The curated technical occupations, in the file's order."""
        return self._featured(lambda profile: True)

    def occupations_in_sector(self, sector: str) -> List[OccupationInfo]:
        return self._featured(lambda profile: profile.sector == sector)

    def occupations_working_at(self, places: List[str]) -> List[OccupationInfo]:
        """Featured occupations whose work text names one of these places ("raffinaderij", "ziekenhuis")."""
        return self._featured(lambda profile: any(place in profile.daily_work.lower() for place in places))

    def occupations_for_interests(self, named: List[Interest]) -> List[OccupationInfo]:
        """Featured occupations for one to three interests, the first named leading. Those with more
        of them rank first ("zorg en techniek"); when none has two ("gamen en sport"), each interest
        gets its own best fits in turn."""
        if not named:
            return []
        also = tuple(i.tag for i in named[1:])
        occupations = self.occupations_with_interest(named[0].tag, also)
        best = self.profile(occupations[0]) if occupations else None
        if also and not (best and sum(i.tag in best.interests for i in named) > 1):
            per_interest = [self.occupations_with_interest(i.tag) for i in named]
            occupations = list(dict.fromkeys(info for group in zip_longest(*per_interest) for info in group if info))
        return occupations

    def occupations_at_level(self, level: str) -> List[OccupationInfo]:
        """Featured occupations whose mbo route has this level ("1" … "4")."""
        return self._featured(lambda profile: level in profile.mbo_levels)

    def occupations_with_profile(self, profile_code: str) -> List[OccupationInfo]:
        """Featured occupations reached from this vmbo profile ("PIE", "M&T" …): those whose main profile
        it is first, then in the file's order."""
        return self._featured(
            lambda profile: profile_code in profile.vmbo_profiles,
            fit=lambda profile: profile.vmbo_profiles.index(profile_code),
        )

    def occupations_by_bbl(self, bbl: bool) -> List[OccupationInfo]:
        """Featured occupations that can (or cannot) be learnt in the bbl, in the file's order."""
        return self._featured(lambda profile: profile.bbl == bbl)


# CBS occupation classes (BRC 2014) of technical, ICT and transport work: the assistant's own field.
TECHNICAL_CLASSES = {"07", "08", "12"}
# featured_occupations.csv slugs: common technical work after the vmbo, a reference beside other work.
TECHNICAL_REFERENCES = ("elektricien", "installatiemonteur", "automonteur")

SHORT_KEYWORD = 3


# "ik hou niet van hoogtes", "geen zin in buiten werken": a liking the message rules out.
NEGATION = re.compile(
    r"\b(niet|geen|nooit|hekel aan|bang voor|haat|behalve|slecht in|moeite met)\b(\s+\S+){0,3}\s*$"
    r"|\bhekel (heeft|heb|hebben|hebt) aan\s*$"  # "een hekel heeft aan computers"
    r"|\bliever\s+\S+\s+dan\s*$"
)
# right after a keyword: "hoogtevrees", "hoogteangst", "hoogtes vind ik eng", "buiten is niks voor hem"
# (also "met haar handen werken vindt ze minder")
FEAR = re.compile(
    r"(\w*(vrees|angst)"
    r"|\w*( \w+)? (vind|vindt) (ik|hij|ze|zij) (eng|doodeng|niks|stom|vreselijk|minder|niet (zo )?leuk|saai))"
)
NOT_AFRAID = re.compile(r"\b(niet|nooit) bang (voor|van)\s*$")  # "niet bang voor hoogte" is a liking


RULED_OUT_CACHE = 512  # messages whose ruled-out sectors are kept; cleared when full
# "geen ICT", "niet zo van computers", "ook niet de bouw in"; not "ik weet niet of ICT ...": only small
# words may stand between the negation and the sector
# ("behalve vrachtwagen rijden" rules that field out too)
SECTOR_NEGATION = re.compile(
    r"\b(geen|niet|hekel aan|haat|behalve)\s+((de|het|in|naar|zo|van|echt|ook|meer|een)\s+){0,3}$"
)


def is_negated(before: str) -> bool:
    """Whether the words just before a keyword rule it out ("niet van", "hekel aan"), not "niet bang voor"."""
    return bool(NEGATION.search(before)) and not NOT_AFRAID.search(before)


# Words that add emphasis but no meaning; never "niet" or "geen", which turn a keyword around.
FILLER_BETWEEN = r" (?:(?:toch|gewoon|gwn|echt|wel|nou|zo|heel|best|eigenlijk|eigl|eig|ook|erg|super) )?"


@lru_cache(maxsize=None)
def _keyword_pattern(keyword: str) -> Tuple[str, Optional["re.Pattern[str]"]]:
    """A keyword's normal form and its pattern, compiled once: the curated keywords are more than
    the `re` module's own cache holds, and recompiling them made each answer 10 times slower."""
    key = normalize(keyword)
    # From a word's start ("robot" also finds "robots"); a short one only as a whole word, so
    # "ev" is not found in "evenveel" nor "mat" (the MaT profile) in "materiaal".
    end = r"(?![a-z0-9])" if len(key) <= SHORT_KEYWORD else ""
    # One filler word may stand between the words of a keyword: "mbo is toch niks" is "mbo is niks".
    body = FILLER_BETWEEN.join(re.escape(word) for word in key.split(" "))
    return key, (re.compile(rf"(?<![a-z0-9]){body}{end}") if key else None)


QUESTION_END = re.compile(r"(?<=[.!?])\s+")


def _keyword_score(text: str, keywords: Tuple[str, ...], negatable: bool = False) -> int:
    """How many characters of the message the keywords cover; longer keywords count more. With
    `negatable` (interests), a keyword just after a negation counts against the row."""
    message = f" {normalize(text)} "
    score = 0
    for keyword in keywords:
        key, pattern = _keyword_pattern(keyword)
        found = pattern.search(message) if pattern else None
        if not found:
            continue
        if negatable and (is_negated(message[: found.start()]) or FEAR.match(message, found.end())):
            return 0  # "niet van hoogtes", "hoogtevrees": this interest is ruled out, whatever else matches
        score += len(key)
    return score
