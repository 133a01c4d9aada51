"""Curated content as typed rows: one spec per kind says its file, columns and rules.

The build validates the CSVs against these specs and stores each row as JSON; the catalog
parses the JSON back into these dataclasses, so the rest of the code reads real booleans
and tuples, never "ja"/"nee" strings or ';'-separated text.

Two kinds of occupation profile: a *featured* profile describes a technical occupation in
full (work, conditions, route); a *comparison* profile describes the work of a non-technical
occupation a pupil might weigh against it (kapper, verkoper). Both are *curated profiles*.
"""

from dataclasses import dataclass, fields
from typing import Dict, List, Tuple, Type

YES, NO = "ja", "nee"
CURRENT, OUTDATED, NEVER_EXISTED = "actueel", "vervallen", "bestaat-niet"


def split_list(text: str) -> Tuple[str, ...]:
    return tuple(part.strip() for part in str(text).split(";") if part.strip())


@dataclass(frozen=True)
class Profile:
    slug: str
    name: str
    occupation_id: str
    is_featured: bool  # False: a comparison profile (short description only)
    daily_work: str
    working_conditions: str = ""
    sector: str = ""
    vmbo_profiles: Tuple[str, ...] = ()
    mbo_crebos: Tuple[str, ...] = ()  # qualifications in mbo_qualifications.csv, by crebo code
    mbo_levels: Tuple[str, ...] = ()
    bol: bool = False
    bbl: bool = False
    hbo_route: str = ""
    energy_transition: str = ""  # what the energy transition asks of this work (curated prose)
    interests: Tuple[str, ...] = ()
    pay_note: str = ""  # what the CBS figure of this occupation's group does and does not describe
    same_pupil: bool = False  # comparison profile: other work open to the same vmbo pupil


@dataclass(frozen=True)
class Story:
    story_id: str
    occupation_slug: str
    person_name: str
    is_woman: bool
    age: str
    is_illustration: bool
    source_title: str
    source_url: str
    source_year: str
    route: str
    story: str
    quote: str
    crebos: Tuple[str, ...] = ()  # the qualifications the route names
    has_migration_background: bool = False  # for a mentor who asks for such role models


@dataclass(frozen=True)
class MboQualification:
    """A qualification of the mbo register (crebo), or a name that is outdated or never existed."""

    id: str
    crebo: str
    name: str
    level: str  # "" when the source gives no level
    dossier: str
    status: str  # actueel | vervallen | bestaat-niet
    replaced_by: str
    source_title: str
    source_url: str
    checked: str

    @property
    def is_current(self) -> bool:
        return self.status == CURRENT


@dataclass(frozen=True)
class PayBorrowing:
    """A BRC group without its own CBS wage that may show its segment's: similar work, with the reason."""

    group_code: str
    segment_code: str
    reason: str


@dataclass(frozen=True)
class Fact:
    fact_id: str
    text: str
    publisher: str
    title: str
    url: str
    year: str
    caveat: str


@dataclass(frozen=True)
class Myth:
    myth_id: str
    keywords: Tuple[str, ...]
    myth: str
    answer: str
    kernel_of_truth: str
    what_helps: str
    fact_ids: Tuple[str, ...]
    about_an_occupation: str = ""  # salary | prospects | description | route: added when one is named
    cbs_figures: str = ""  # women_share: the CBS shares of women every answer to this myth shows


@dataclass(frozen=True)
class Interest:
    tag: str
    label: str
    keywords: Tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    sector: str
    name: str
    keywords: Tuple[str, ...]
    description: str
    fact_ids: Tuple[str, ...]


@dataclass(frozen=True)
class EducationTopic:
    topic_id: str
    keywords: Tuple[str, ...]
    answer: str
    fact_ids: Tuple[str, ...]


@dataclass(frozen=True)
class NextStep:
    step_id: str
    name: str
    what: str
    url: str


@dataclass(frozen=True)
class Spec:
    """One kind of curated content: its CSV, its columns and the rules the build checks."""

    kind: str
    file: str
    key: str
    columns: Tuple[str, ...]
    required: Tuple[str, ...]
    prose: Tuple[str, ...] = ()  # free text: no figures allowed (they belong in facts.csv)
    lists: Tuple[str, ...] = ()  # ';'-separated columns


def _spec(kind, file, key, columns, required, prose="", lists="") -> Spec:
    return Spec(
        kind, file, key, tuple(columns.split()), tuple(required.split()), tuple(prose.split()), tuple(lists.split())
    )


SPECS: Dict[str, Spec] = {
    spec.kind: spec
    for spec in [
        _spec(
            "featured",
            "featured_occupations.csv",
            "slug",
            "slug name esco_code isco_group sector extra_labels daily_work working_conditions vmbo_profiles mbo_crebos "
            "mbo_levels bol bbl hbo_route energy_transition interests pay_note",
            "name esco_code sector daily_work working_conditions vmbo_profiles bol bbl interests",
            prose="daily_work working_conditions hbo_route energy_transition pay_note",
            lists="extra_labels vmbo_profiles mbo_crebos mbo_levels interests",
        ),
        _spec(
            "comparison",
            "comparison_occupations.csv",
            "slug",
            "slug name esco_code isco_group extra_labels daily_work mbo_crebos mbo_levels bol bbl same_pupil pay_note",
            "name esco_code daily_work same_pupil",
            prose="daily_work pay_note",
            lists="extra_labels mbo_crebos mbo_levels",
        ),
        _spec(
            "story",
            "stories.csv",
            "story_id",
            "story_id occupation_slug person_name gender migration_background age is_illustration source_title "
            "source_url source_year vmbo_profile route crebos story quote",
            "occupation_slug person_name gender migration_background is_illustration route story",
            prose="route story quote",
            lists="crebos",
        ),
        _spec("fact", "facts.csv", "fact_id", "fact_id text publisher title url year caveat", "text publisher title"),
        _spec(
            "myth",
            "myths.csv",
            "myth_id",
            "myth_id keywords myth answer kernel_of_truth what_helps fact_ids about_an_occupation cbs_figures",
            "keywords myth answer what_helps fact_ids",
            prose="myth answer kernel_of_truth what_helps",
            lists="keywords fact_ids",
        ),
        _spec("interest", "interests.csv", "tag", "tag label keywords", "label keywords", lists="keywords"),
        _spec(
            "sector",
            "sectors.csv",
            "sector",
            "sector name keywords description fact_ids",
            "name keywords description",
            prose="description",
            lists="keywords fact_ids",
        ),
        _spec(
            "education",
            "education_topics.csv",
            "topic_id",
            "topic_id keywords answer fact_ids",
            "keywords answer",
            prose="answer",
            lists="keywords fact_ids",
        ),
        _spec(
            "next_step",
            "next_steps.csv",
            "step_id",
            "step_id name what for_whom source url",
            "name what",
            prose="what for_whom",
        ),
        _spec(
            "mbo",
            "mbo_qualifications.csv",
            "id",
            "id crebo name level dossier status replaced_by source_title source_url checked",
            "name status source_title checked",
        ),
        _spec(
            "pay_borrowing", "pay_borrowing.csv", "group_code", "group_code segment_code reason", "segment_code reason"
        ),
    ]
}
PROFILE_KINDS = ("featured", "comparison")


def _typed(row_type: Type, values: Dict[str, object]):
    """Build a row type from the values it declares (extra CSV columns are left out)."""
    names = {f.name for f in fields(row_type)}
    return row_type(**{name: value for name, value in values.items() if name in names})


def parse_record(kind: str, record: Dict[str, str]):
    """A stored CSV row of `kind` as its dataclass: lists split, ja/nee as booleans."""
    spec = SPECS[kind]
    values: Dict[str, object] = {
        column: (split_list(record.get(column, "")) if column in spec.lists else str(record.get(column, "")))
        for column in spec.columns
    }
    if kind in PROFILE_KINDS:
        values.update(
            occupation_id=record["occupation_id"],
            is_featured=kind == "featured",
            bol=record.get("bol") == YES,
            bbl=record.get("bbl") == YES,
            same_pupil=record.get("same_pupil") == YES,
        )
        return _typed(Profile, values)
    if kind == "story":
        values.update(
            is_woman=record["gender"] == "v",
            is_illustration=record["is_illustration"] == YES,
            has_migration_background=record["migration_background"] == YES,
        )
    return _typed(ROW_TYPES[kind], values)


ROW_TYPES: Dict[str, Type] = {
    "story": Story,
    "fact": Fact,
    "myth": Myth,
    "interest": Interest,
    "sector": Sector,
    "education": EducationTopic,
    "next_step": NextStep,
    "mbo": MboQualification,
    "pay_borrowing": PayBorrowing,
}


def facts_for(fact_ids: Tuple[str, ...], facts: Dict[str, Fact]) -> List[Fact]:
    return [facts[fact_id] for fact_id in fact_ids if fact_id in facts]
