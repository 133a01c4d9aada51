"""Load and validate the curated content CSVs in sources/curated/ (the project's own texts).

Rules the build enforces, so that the assistant cannot show an unsourced figure:
- a figure lives only in facts.csv, in a row with its publisher and year (or a caveat);
- prose columns elsewhere hold no digits, except "niveau N" (mbo levels);
- every reference (ESCO occupation, fact, tag, sector, occupation slug) resolves;
- a story about a real person has a public source; all others are marked illustrations;
- an mbo programme is named only as the qualification register names it now: profiles and stories
  refer to crebo codes of mbo_qualifications.csv, and prose that names a programme "Name (niveau N)"
  must use a current name; an outdated name, or one that never existed, stops the build.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Tuple

import pandas as pd

from occupations.content import CURRENT, NEVER_EXISTED, NO, OUTDATED, PROFILE_KINDS, SPECS, YES, split_list
from occupations.errors import SourceError
from occupations.loaders import check_pattern, check_unique, read_csv, row_number

SECTORS = [
    "haven-maritiem-logistiek",
    "bouw-infra",
    "installatie-energie",
    "metaal-maakindustrie",
    "elektrotechniek",
    "mobiliteit-transport",
    "ict-media",
    "proces-lab-zorgtechniek",
    "engineering",
]
VMBO_PROFILES = ["BWI", "PIE", "MVI", "M&T", "MaT", "alle"]
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
# A figure is a digit that does not belong to a name ("Spirit4You") or an mbo level ("niveau 2").
_DIGIT_OUTSIDE_LEVELS = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]\d)(?<!niveau )(?<!niveaus )\d")
_LEVEL_MENTION = re.compile(r"\(niveau (\d)\)")
MBO_STATUSES = [CURRENT, OUTDATED, NEVER_EXISTED]


@dataclass
class CuratedContent:
    tables: Dict[str, pd.DataFrame] = field(default_factory=dict)
    # ESCO occupation id -> slug and names of its curated profile (featured or comparison)
    profiles_by_occupation: Dict[str, dict] = field(default_factory=dict)

    def records(self) -> Iterator[Tuple[str, str, dict]]:
        for kind, frame in self.tables.items():
            for record in frame.to_dict(orient="records"):
                yield kind, record[SPECS[kind].key], record


class _Checker:
    def __init__(self, kind: str, frame: pd.DataFrame):
        self.kind, self.frame, self.file = kind, frame, SPECS[kind].file

    def fail(self, index, column: str, message: str):
        raise SourceError(self.file, message, row_number(index), column)

    def required(self, columns: Iterable[str]) -> None:
        for column in columns:
            empty = self.frame[self.frame[column] == ""]
            if not empty.empty:
                self.fail(empty.index[0], column, "value is missing")

    def no_digits(self, columns: Iterable[str]) -> None:
        for column in columns:
            for index, text in self.frame[column].items():
                if _DIGIT_OUTSIDE_LEVELS.search(text):
                    self.fail(
                        index,
                        column,
                        "figures belong in facts.csv with their source; refer to them "
                        f"in fact_ids instead ({text[:60]!r})",
                    )

    def in_set(self, column: str, allowed, what: str, is_list: bool = False) -> None:
        for index, text in self.frame[column].items():
            values = split_list(text) if is_list else ([text] if text else [])
            for value in values:
                if value not in allowed:
                    self.fail(index, column, f"unknown {what} {value!r}")


def resolve_esco(esco: pd.DataFrame, reference: str) -> List[str]:
    """An ESCO code (when unique), a concept URI, or a code plus preferred label 'code|label'."""
    if reference.startswith("http"):
        return esco.loc[esco["conceptUri"] == reference, "id"].tolist()
    code, _, label = reference.partition("|")
    found = esco[esco["code"] == code.strip()]
    if label:
        found = found[found["preferredLabel"] == label.strip()]
    return found["id"].tolist()


def load_curated(folder: Path, esco: pd.DataFrame) -> CuratedContent:
    if not folder.exists():
        raise SourceError(str(folder.name), "curated content folder is missing")
    tables = {}
    for kind, spec in SPECS.items():
        frame = read_csv(folder / spec.file, spec.columns)
        check_pattern(frame, spec.file, spec.key, r"[a-z0-9_-]+|[A-Za-z0-9_ -]+", "expected an identifier")
        check_unique(frame, spec.file, spec.key)
        checker = _Checker(kind, frame)
        checker.required(spec.required)
        checker.no_digits(spec.prose)
        tables[kind] = frame
    content = CuratedContent(tables=tables)
    validate_references(content, esco)
    validate_programmes(content)
    return content


# What a myth answer adds when the message also names an occupation (actions/topics.py).
MYTH_OCCUPATION_ANSWERS = ("salary", "prospects", "description", "route")


def validate_references(content: CuratedContent, esco: pd.DataFrame) -> None:
    tables = content.tables
    facts = set(tables["fact"]["fact_id"])
    tags = set(tables["interest"]["tag"])
    for kind in ["myth", "sector", "education"]:
        _Checker(kind, tables[kind]).in_set("fact_ids", facts, "fact", is_list=True)
    fact_checker = _Checker("fact", tables["fact"])
    for index, row in tables["fact"].iterrows():
        if not re.fullmatch(r"\d{4}", row["year"]) and not row["caveat"]:
            fact_checker.fail(index, "year", "a fact needs its year, or a caveat that says why it has none")
    for kind in PROFILE_KINDS:
        frame, checker = tables[kind], _Checker(kind, tables[kind])
        check_pattern(frame, SPECS[kind].file, "slug", SLUG, "expected a lowercase slug")
        checker.in_set("bol", [YES, NO], "ja/nee value")
        checker.in_set("bbl", [YES, NO], "ja/nee value")
        checker.in_set("mbo_levels", ["1", "2", "3", "4"], "mbo level", is_list=True)
        if kind == "featured":
            checker.in_set("sector", SECTORS, "sector")
            checker.in_set("vmbo_profiles", VMBO_PROFILES, "vmbo profile", is_list=True)
            checker.in_set("interests", tags, "interest tag", is_list=True)
        for index, row in frame.iterrows():
            ids = resolve_esco(esco, row["esco_code"])
            if len(ids) != 1:
                problem = "no ESCO occupation has" if not ids else "several ESCO occupations share"
                checker.fail(
                    index, "esco_code", f"{problem} {row['esco_code']!r}; use the concept URI or 'code|preferred label'"
                )
            if ids[0] in content.profiles_by_occupation:
                other = content.profiles_by_occupation[ids[0]]["slug"]
                checker.fail(index, "esco_code", f"ESCO occupation already used by {other!r}")
            labels = [row["name"], *split_list(row["extra_labels"])]
            # ESCO has no occupation for some ISCO units (mbo nurses, 3221); the curated row may name the unit.
            isco_group = row.get("isco_group", "")
            if isco_group and not re.fullmatch(r"\d{4}", isco_group):
                checker.fail(index, "isco_group", "expected a 4-digit ISCO-08 unit group or nothing")
            if isco_group and not row["pay_note"]:
                checker.fail(index, "pay_note", "an isco_group that differs from ESCO's needs a pay_note that says why")
            content.profiles_by_occupation[ids[0]] = {"slug": row["slug"], "labels": labels, "isco_group": isco_group}
            frame.at[index, "occupation_id"] = ids[0]
    slugs = set(tables["featured"]["slug"]) | set(tables["comparison"]["slug"])
    stories = _Checker("story", tables["story"])
    stories.in_set("occupation_slug", slugs, "occupation slug")
    stories.in_set("is_illustration", [YES, NO], "ja/nee value")
    for index, row in tables["story"].iterrows():
        if row["is_illustration"] == NO and not (row["source_url"] and row["source_title"]):
            stories.fail(
                index,
                "source_url",
                "a story about a real person needs a public source; otherwise mark it is_illustration=ja",
            )
    _Checker("sector", tables["sector"]).in_set("sector", SECTORS, "sector")
    _Checker("myth", tables["myth"]).in_set("about_an_occupation", MYTH_OCCUPATION_ANSWERS, "kind of answer")
    _Checker("myth", tables["myth"]).in_set("cbs_figures", ["women_share"], "kind of CBS figures")


def validate_programmes(content: CuratedContent) -> None:
    """Programmes are named by crebo, and any "Name (niveau N)" in prose is a current qualification."""
    tables = content.tables
    mbo, checker = tables["mbo"], _Checker("mbo", tables["mbo"])
    checker.in_set("status", MBO_STATUSES, "status")
    checker.in_set("level", ["1", "2", "3", "4"], "mbo level")
    current = mbo[mbo["status"] == CURRENT]
    for index, row in current.iterrows():
        if not re.fullmatch(r"\d{5}", row["crebo"]):
            checker.fail(index, "crebo", "a current qualification needs its 5-digit crebo code from a public source")
        if not row["source_url"]:
            checker.fail(index, "source_url", "a current qualification needs the public page that confirms it")
    check_unique(current, SPECS["mbo"].file, "crebo")
    by_crebo = {row["crebo"]: row for _, row in mbo.iterrows() if row["crebo"]}
    for kind, column in [("featured", "mbo_crebos"), ("comparison", "mbo_crebos"), ("story", "crebos")]:
        frame, kind_checker = tables[kind], _Checker(kind, tables[kind])
        for index, text in frame[column].items():
            for crebo in split_list(text):
                row = by_crebo.get(crebo)
                if row is None:
                    kind_checker.fail(index, column, f"unknown crebo {crebo!r}: not in mbo_qualifications.csv")
                if row["status"] != CURRENT:
                    kind_checker.fail(index, column, f"crebo {crebo} ({row['name']}) is {row['status']}")
                if kind != "story" and row["level"] and row["level"] not in split_list(frame.at[index, "mbo_levels"]):
                    kind_checker.fail(index, "mbo_levels", f"crebo {crebo} is niveau {row['level']}")
                if kind == "story" and row["name"] not in frame.at[index, "route"]:
                    kind_checker.fail(index, "route", f"the route does not name crebo {crebo} ({row['name']})")
    names = [(row["name"], row["level"], row["status"]) for _, row in mbo.iterrows()]
    for kind, spec in SPECS.items():
        for column in spec.prose:
            for index, text in tables[kind][column].items():
                problem = programme_problem(text, names)
                if problem:
                    _Checker(kind, tables[kind]).fail(index, column, problem)


def programme_problem(text: str, names: List[Tuple[str, str, str]]) -> str:
    """Why `text` names an mbo programme wrongly, or "" when every programme it names is current."""
    for name, _, status in names:
        if status != CURRENT and re.search(
            rf"(opleidinge?n? |\b){re.escape(name)} \(niveau|opleidinge?n? {re.escape(name)}\b", text
        ):
            if not any(n.startswith(name + " ") and n in text for n, _, s in names if s == CURRENT):
                return f"programme name {name!r} is {status}; use a current name from mbo_qualifications.csv"
    for match in _LEVEL_MENTION.finditer(text):
        before = text[: match.start()].rstrip()
        if not any(
            before.endswith(name) and level == match.group(1) for name, level, status in names if status == CURRENT
        ):
            return (
                f"{before[-40:]!r} (niveau {match.group(1)}) is not a current qualification in mbo_qualifications.csv"
            )
    return ""
