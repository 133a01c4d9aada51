"""An in-memory snapshot of the occupations database, loaded once per process.

The whole table is small (a few thousand occupations, a hundred groups), so answering from
memory keeps every question fast and the database is read only at start-up.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from occupations import config
from occupations.content import Profile, parse_record
from occupations.models import (
    CuratedRecord,
    GroupEmployment,
    GroupPay,
    Occupation,
    OccupationGroup,
    OccupationLabel,
    Source,
)
from occupations.normalize import compound_keys, sorted_key


class DatabaseNotBuilt(RuntimeError):
    """The database has no tables yet: run `python -m occupations build`."""


@dataclass(frozen=True)
class OccupationInfo:
    id: str
    name: str
    esco_code: str
    isco_code: str
    brc_group: str
    profile_slug: Optional[str]  # set when a curated profile (featured or comparison) describes it
    esco_description: Optional[str] = None  # ESCO's own Dutch text about the work, not the project's
    esco_source_id: Optional[str] = None  # the sources row that text comes from


@dataclass(frozen=True)
class LabelEntry:
    occupation_id: str
    label: str
    kind: str


class Catalog:
    def __init__(self, session: Session):
        self.sources: Dict[str, Source] = {s.id: s for s in session.scalars(select(Source))}
        self.groups: Dict[str, OccupationGroup] = {g.code: g for g in session.scalars(select(OccupationGroup))}
        self.pay: Dict[Tuple[str, int], GroupPay] = {
            (p.group_code, p.year): p for p in session.scalars(select(GroupPay))
        }
        self.employment: Dict[str, GroupEmployment] = {
            e.group_code: e for e in session.scalars(select(GroupEmployment))
        }
        self.occupations: Dict[str, OccupationInfo] = {
            o.id: OccupationInfo(
                o.id,
                o.name,
                o.esco_code,
                o.isco_code,
                o.brc_group,
                o.profile_slug,
                o.esco_description,
                o.esco_source_id,
            )
            for o in session.scalars(select(Occupation))
        }
        self.labels_by_key: Dict[str, List[LabelEntry]] = defaultdict(list)
        for label in session.scalars(select(OccupationLabel)):
            self.labels_by_key[label.normalized].append(LabelEntry(label.occupation_id, label.label, label.kind))
        # kind -> key -> typed row (Profile, Story, Fact, ...), in the order of the CSV files
        self.curated: Dict[str, Dict[str, Any]] = defaultdict(dict)
        for record in session.scalars(select(CuratedRecord).order_by(CuratedRecord.id)):
            self.curated[record.kind][record.key] = parse_record(record.kind, json.loads(record.data))
        self.profiles: Dict[str, Profile] = {**self.curated["featured"], **self.curated["comparison"]}
        session.expunge_all()
        self.label_keys = list(self.labels_by_key)
        # Alternative spellings of each key (one word, other word order) pointing to the key itself.
        self.key_variants: Dict[str, str] = {}
        for key in self.label_keys:
            for variant in compound_keys(key) + [sorted_key(key)]:
                self.key_variants.setdefault(variant, key)
        self.occupation_by_slug = {o.profile_slug: o for o in self.occupations.values() if o.profile_slug}
        # (key, entry) of every curated name: what "bedoel je ...?" offers for a vague word like "monteur".
        self.curated_labels = [
            (key, entry) for key, entries in self.labels_by_key.items() for entry in entries if entry.kind == "curated"
        ]
        self.curated_labels_of: Dict[str, List[str]] = defaultdict(list)  # occupation id -> its curated keys
        for key, entry in self.curated_labels:
            self.curated_labels_of[entry.occupation_id].append(key)


def load_catalog(database_url: Optional[str] = None) -> Catalog:
    """Read the whole database into memory; the caller keeps the result (one per process)."""
    url = database_url or config.database_url()
    engine = create_engine(url, future=True)
    try:
        with Session(engine) as session:
            catalog = Catalog(session)
    except Exception as error:  # a missing table surfaces as a driver-specific error
        raise DatabaseNotBuilt(
            f"the occupations database at {url} is not built: run "
            f"`python -m occupations build` ({type(error).__name__})"
        ) from error
    finally:
        engine.dispose()
    if not catalog.occupations:
        raise DatabaseNotBuilt(f"the occupations database at {url} is empty: run `python -m occupations build`")
    return catalog
