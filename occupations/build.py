"""Build the occupations database from the raw sources: read, join, validate, write.

ESCO occupation → ISCO-08 unit → (CBS crosswalk) BRC group → CBS employment and pay.
Running it twice gives the same database: it replaces every table.
"""

import json
from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, List, Optional

import pandas as pd
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from occupations import config, curated, loaders
from occupations.content import SPECS
from occupations.errors import SourceError
from occupations.figures import MAX_LEVEL_GAP, similar_level
from occupations.lookup_table import write_lookup_table
from occupations.models import (
    Base,
    CuratedRecord,
    GroupEmployment,
    GroupPay,
    Occupation,
    OccupationGroup,
    OccupationLabel,
    Source,
)
from occupations.normalize import base_form

LABEL_KINDS = [("preferredLabel", "preferred"), ("altLabels", "alt"), ("hiddenLabels", "hidden")]


def load_sources_table(folder: Path) -> pd.DataFrame:
    file = "sources.csv"
    frame = loaders.read_csv(folder / file, ["id", "publisher", "title", "year", "period", "url", "licence", "file"])
    loaders.check_unique(frame, file, "id")
    loaders.check_pattern(frame, file, "year", r"\d{4}", "expected a year")
    return frame


def source_of_file(sources: pd.DataFrame, file: str) -> str:
    """The id of the sources.csv row that describes a source file (its texts cite that row)."""
    ids = sources.loc[sources["file"] == file, "id"]
    if ids.empty:
        raise SourceError("sources.csv", f"no row names {file} in column 'file'", column="file")
    return ids.iloc[0]


def check_joins(esco: pd.DataFrame, crosswalk: pd.DataFrame, cbs_2024: pd.DataFrame) -> None:
    """Every ESCO occupation must reach a BRC group that CBS describes."""
    known_units = set(crosswalk["isco08_unit"])
    unresolved = esco[~esco["iscoGroup"].isin(known_units)]
    if not unresolved.empty:
        index = unresolved.index[0]
        raise SourceError(
            loaders.ESCO_FILE,
            f"ISCO group {esco.at[index, 'iscoGroup']} is not in {loaders.CROSSWALK_FILE}",
            loaders.row_number(index),
            "iscoGroup",
        )
    known_groups = set(cbs_2024["code"])
    unknown = crosswalk[~crosswalk["brc_group"].isin(known_groups)]
    if not unknown.empty:
        index = unknown.index[0]
        raise SourceError(
            loaders.CROSSWALK_FILE,
            f"BRC group {crosswalk.at[index, 'brc_group']} is not in {loaders.CBS_2024_FILE}",
            loaders.row_number(index),
            "brc_group",
        )


def segment_education_share(cbs_2024: pd.DataFrame, segment: str) -> Optional[float]:
    rows = cbs_2024[(cbs_2024["segmentCode"] == segment) & cbs_2024["jobs"].notna()]
    rows = rows[rows["higherEducationShare"].notna()]
    jobs = rows["jobs"].sum()
    return float((rows["jobs"] * rows["higherEducationShare"]).sum() / jobs) if jobs else None


def check_pay_borrowing(borrowing: pd.DataFrame, cbs_2024: pd.DataFrame) -> None:
    """Each listed group borrows from its own segment, and that segment's workers are educated alike."""
    file, groups = SPECS["pay_borrowing"].file, cbs_2024.set_index("code")
    for index, row in borrowing.iterrows():
        code = row["group_code"]
        if code not in groups.index:
            raise SourceError(file, f"BRC group {code} is not in {loaders.CBS_2024_FILE}", loaders.row_number(index))
        segment = groups.at[code, "segmentCode"]
        if row["segment_code"] != segment:
            message = f"group {code} belongs to segment {segment}, not {row['segment_code']}"
            raise SourceError(file, message, loaders.row_number(index), "segment_code")
        own = groups.at[code, "higherEducationShare"]
        own = None if pd.isna(own) else float(own)
        theirs = segment_education_share(cbs_2024, segment)
        if not similar_level(own, theirs):
            message = (
                f"group {code} is not at the level of segment {segment}: higher-education shares {own} and "
                f"{theirs} differ by more than {MAX_LEVEL_GAP}"
            )
            raise SourceError(file, message, loaders.row_number(index), "segment_code")


def group_rows(cbs_2024: pd.DataFrame) -> List[OccupationGroup]:
    rows = [OccupationGroup(code="totaal", title="Alle werknemers", level="total", parent_code=None)]
    classes = cbs_2024.drop_duplicates("categoryCode")
    rows += [
        OccupationGroup(code=r.categoryCode, title=r.category, level="class", parent_code="totaal")
        for r in classes.itertuples()
    ]
    segments = cbs_2024.drop_duplicates("segmentCode")
    rows += [
        OccupationGroup(code=r.segmentCode, title=r.segment, level="segment", parent_code=r.categoryCode)
        for r in segments.itertuples()
    ]
    rows += [
        OccupationGroup(code=r.code, title=r.title, level="group", parent_code=r.segmentCode)
        for r in cbs_2024.itertuples()
    ]
    return rows


def optional_int(value: float) -> Optional[int]:
    return None if pd.isna(value) else int(value)


def optional_float(value: float) -> Optional[float]:
    return None if pd.isna(value) else float(value)


def employment_rows(cbs_2024: pd.DataFrame) -> List[GroupEmployment]:
    return [
        GroupEmployment(
            group_code=r.code,
            period="2025 Q4",
            previous_period="2024 Q4",
            jobs=optional_int(r.jobs),
            jobs_previous=optional_int(r.jobsComparison),
            growth_pct=optional_float(r.growth1y),
            women_share=optional_float(r.womenShare),
            higher_education_share=optional_float(r.higherEducationShare),
            source_id="cbs_85276ned_2025q4",
        )
        for r in cbs_2024.itertuples()
    ]


def pay_rows(cbs_2024: pd.DataFrame, cbs_2022: pd.DataFrame) -> List[GroupPay]:
    rows = [
        GroupPay(
            group_code=r.code,
            year=2024,
            p25=r.payP25,
            median=r.medianHourlyPay,
            p75=r.payP75,
            employees=optional_int(r.employeesInPayData),
            source_id="cbs_85517ned_2024",
        )
        for r in cbs_2024.itertuples()
        if pd.notna(r.medianHourlyPay)
    ]
    published_2022 = cbs_2022[cbs_2022["p50"].notna()]
    rows += [
        GroupPay(
            group_code="totaal" if r.brc == "Totaal" else r.brc,
            year=2022,
            p25=r.p25,
            median=r.p50,
            p75=r.p75,
            employees=optional_int(r.employees_thousands * 1000),
            source_id="cbs_85517ned_2022",
        )
        for r in published_2022.itertuples()
    ]
    return rows


def occupation_and_label_rows(
    esco: pd.DataFrame, crosswalk: pd.DataFrame, profiles: Dict[str, dict], esco_source_id: str
):
    """Occupations with every ESCO label plus the curated extra labels; shared labels are marked ambiguous.
    ESCO's description is kept with the id of its source row."""
    brc_by_isco = dict(zip(crosswalk["isco08_unit"], crosswalk["brc_group"], strict=True))
    occupations, labels = [], []
    for r in esco.itertuples():
        profile = profiles.get(r.id)
        isco_code = (profile or {}).get("isco_group") or r.iscoGroup
        if isco_code not in brc_by_isco:
            raise SourceError(
                "curated/comparison_occupations.csv",
                f"ISCO group {isco_code} of {profile['slug']!r} is not in {loaders.CROSSWALK_FILE}",
                column="isco_group",
            )
        occupations.append(
            Occupation(
                id=r.id,
                esco_code=r.code,
                uri=r.conceptUri,
                name=r.preferredLabel,
                isco_code=isco_code,
                brc_group=brc_by_isco[isco_code],
                profile_slug=profile["slug"] if profile else None,
                esco_description=r.description or None,
                esco_source_id=esco_source_id if r.description else None,
            )
        )
        seen = set()
        # Curated names come first: where ESCO has the same word, the curated kind ranks it higher.
        candidates = [(text, "curated") for text in profile["labels"]] if profile else []
        candidates += [(text, kind) for column, kind in LABEL_KINDS for text in getattr(r, column).splitlines()]
        for text, kind in candidates:
            text = text.strip()
            normalized = base_form(text)
            if text and normalized and normalized not in seen:
                seen.add(normalized)
                labels.append(OccupationLabel(occupation_id=r.id, label=text, normalized=normalized, kind=kind))
    owners = defaultdict(set)
    for label in labels:
        owners[label.normalized].add(label.occupation_id)
    for label in labels:
        label.ambiguous = len(owners[label.normalized]) > 1
    return occupations, labels


def write_database(engine: Engine, stages: List[list]) -> None:
    """Replace every table in one transaction; rows are flushed stage by stage so that
    PostgreSQL's foreign keys see a parent before its children."""
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        for rows in stages:
            for row in rows:
                session.add(row)
                if isinstance(row, OccupationGroup):
                    session.flush()  # a group's parent must exist before the group
            session.flush()


def build(
    database_url: Optional[str] = None,
    sources_dir: Path = config.SOURCES_DIR,
    lookup_path: Optional[Path] = config.LOOKUP_TABLE_PATH,
    progress: Callable[[str], None] = print,
) -> Dict[str, int]:
    """Read, validate and write everything. Raises SourceError on a broken source file."""
    url = database_url or config.database_url()
    progress(f"reading sources in {sources_dir}")
    sources = load_sources_table(sources_dir)
    esco = loaders.load_esco(sources_dir)
    crosswalk = loaders.load_crosswalk(sources_dir)
    cbs_2024 = loaders.load_cbs_2024(sources_dir)
    cbs_2022 = loaders.load_cbs_2022(sources_dir)
    progress("checking that every occupation reaches a CBS occupation group")
    check_joins(esco, crosswalk, cbs_2024)
    progress("reading curated content")
    content = curated.load_curated(sources_dir / "curated", esco)
    check_pay_borrowing(content.tables["pay_borrowing"], cbs_2024)

    source_rows = [
        Source(
            id=r.id,
            publisher=r.publisher,
            title=r.title,
            year=int(r.year),
            period=r.period or None,
            url=r.url or None,
            licence=r.licence,
        )
        for r in sources.itertuples()
    ]
    esco_source_id = source_of_file(sources, loaders.ESCO_FILE)
    occupations, labels = occupation_and_label_rows(esco, crosswalk, content.profiles_by_occupation, esco_source_id)
    curated_rows = [
        CuratedRecord(kind=kind, key=key, data=json.dumps(data, ensure_ascii=False))
        for kind, key, data in content.records()
    ]
    groups = group_rows(cbs_2024)
    employment = employment_rows(cbs_2024)
    pay = pay_rows(cbs_2024, cbs_2022)
    known_groups = {group.code for group in groups}
    for row in pay:
        if row.group_code not in known_groups:
            raise SourceError(loaders.CBS_2022_FILE, f"BRC code {row.group_code} is not a known group")

    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    progress(f"writing {len(occupations)} occupations, {len(labels)} labels, {len(pay)} pay rows to the database")
    label_texts = [label.label for label in labels]  # read before the session expires the rows
    engine = create_engine(url, future=True)
    try:
        write_database(engine, [source_rows, groups, employment + pay, occupations, labels, curated_rows])
    finally:
        engine.dispose()
    if lookup_path is not None:
        count = write_lookup_table(label_texts, lookup_path)
        progress(f"wrote {count} occupation names to {lookup_path}")
    counts = {
        "occupations": len(occupations),
        "labels": len(labels),
        "pay_rows": len(pay),
        "groups": len(groups),
        "curated_records": len(curated_rows),
    }
    progress("done: " + ", ".join(f"{value} {key}" for key, value in counts.items()))
    return counts
