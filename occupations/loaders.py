"""Read and validate the raw source files with pandas.

Each loader returns a clean DataFrame or raises SourceError naming file, row and column.
Row numbers are the line numbers a spreadsheet shows: the header is row 1.
"""

from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from occupations.errors import SourceError

ESCO_FILE = "esco_v12_occupations_nl.csv"
CROSSWALK_FILE = "cbs_isco08_to_brc2014_crosswalk_codes.csv"
CBS_2024_FILE = "cbs_85276NED_2025Q4_85517NED_2024_brc_jobs_pay.csv"
CBS_2022_FILE = "cbs_85517NED_2022_brc_hourly_wage_quartiles.csv"

MIN_WAGE, MAX_WAGE = 5.0, 150.0


def read_csv(path: Path, required: Iterable[str]) -> pd.DataFrame:
    if not path.exists():
        raise SourceError(path.name, "file is missing")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as error:
        raise SourceError(path.name, f"cannot be read as UTF-8 CSV ({error})") from None
    missing = [column for column in required if column not in frame.columns]
    if missing:
        raise SourceError(path.name, f"missing column(s): {', '.join(missing)}")
    return frame.apply(lambda column: column.str.strip())


def row_number(index: int) -> int:
    return int(index) + 2


def check_pattern(frame: pd.DataFrame, file: str, column: str, pattern: str, what: str) -> None:
    bad = frame[~frame[column].str.fullmatch(pattern)]
    if not bad.empty:
        index = bad.index[0]
        raise SourceError(file, f"{what}, got {frame.at[index, column]!r}", row_number(index), column)


def check_unique(frame: pd.DataFrame, file: str, column: str) -> None:
    duplicated = frame[frame[column].duplicated()]
    if not duplicated.empty:
        index = duplicated.index[0]
        raise SourceError(file, f"duplicate value {frame.at[index, column]!r}", row_number(index), column)


def to_number(
    frame: pd.DataFrame,
    file: str,
    column: str,
    low: Optional[float] = None,
    high: Optional[float] = None,
    allow_empty: bool = True,
) -> pd.Series:
    """Parse a numeric column; empty cells become NaN (CBS did not publish)."""
    values = pd.Series(float("nan"), index=frame.index)
    for index, text in frame[column].items():
        if text == "":
            if not allow_empty:
                raise SourceError(file, "value is missing", row_number(index), column)
            continue
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise SourceError(file, f"not a number: {text!r}", row_number(index), column) from None
        if (low is not None and value < low) or (high is not None and value > high):
            raise SourceError(file, f"{value} is outside {low}..{high}", row_number(index), column)
        values[index] = value
    return values


def check_quartile_order(frame: pd.DataFrame, file: str, p25: str, median: str, p75: str) -> None:
    for index in frame.index:
        low, mid, high = frame.at[index, p25], frame.at[index, median], frame.at[index, p75]
        if pd.notna(mid) and not (low <= mid <= high):
            raise SourceError(file, f"quartiles out of order ({low}, {mid}, {high})", row_number(index), median)


def load_esco(folder: Path) -> pd.DataFrame:
    """ESCO's occupations; `description` is ESCO's own Dutch text about the work (may be empty)."""
    file = ESCO_FILE
    columns = ["conceptUri", "code", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels", "description"]
    frame = read_csv(folder / file, columns)
    check_pattern(
        frame,
        file,
        "conceptUri",
        r"http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}",
        "expected an ESCO occupation URI",
    )
    check_unique(frame, file, "conceptUri")
    check_pattern(frame, file, "iscoGroup", r"\d{4}", "expected a 4-digit ISCO-08 unit group")
    check_pattern(frame, file, "preferredLabel", r".+", "expected a label")
    check_pattern(frame, file, "code", r"\d{4}(\.\d+)+", "expected an ESCO code like 7212.3")
    frame["id"] = frame["conceptUri"].str.rsplit("/", n=1).str[-1]
    return frame


def load_crosswalk(folder: Path) -> pd.DataFrame:
    file = CROSSWALK_FILE
    frame = read_csv(folder / file, ["isco08_unit", "brc_group", "brc_class"])
    check_pattern(frame, file, "isco08_unit", r"\d{4}", "expected a 4-digit ISCO-08 unit group")
    check_unique(frame, file, "isco08_unit")
    check_pattern(frame, file, "brc_group", r"\d{4}", "expected a 4-digit BRC group")
    check_pattern(frame, file, "brc_class", r"\d{2}", "expected a 2-digit BRC class")
    return frame


def load_cbs_2024(folder: Path) -> pd.DataFrame:
    """CBS 85276NED (employment 2025 Q4 vs 2024 Q4) joined with 85517NED 2024 pay, per BRC group."""
    file = CBS_2024_FILE
    columns = [
        "code",
        "title",
        "segmentCode",
        "segment",
        "categoryCode",
        "category",
        "jobs",
        "jobsComparison",
        "growth1y",
        "womenShare",
        "higherEducationShare",
        "medianHourlyPay",
        "payP25",
        "payP75",
        "employeesInPayData",
    ]
    frame = read_csv(folder / file, columns)
    check_pattern(frame, file, "code", r"\d{4}", "expected a 4-digit BRC group")
    check_unique(frame, file, "code")
    check_pattern(frame, file, "segmentCode", r"\d{3}", "expected a 3-digit BRC segment")
    check_pattern(frame, file, "categoryCode", r"\d{2}", "expected a 2-digit BRC class")
    check_pattern(frame, file, "title", r".+", "expected a title")
    for column in ["jobs", "jobsComparison", "employeesInPayData"]:
        frame[column] = to_number(frame, file, column, low=0)
    frame["growth1y"] = to_number(frame, file, "growth1y", low=-100, high=1000)
    for column in ["womenShare", "higherEducationShare"]:
        frame[column] = to_number(frame, file, column, low=0, high=1)
    for column in ["payP25", "medianHourlyPay", "payP75"]:
        frame[column] = to_number(frame, file, column, low=MIN_WAGE, high=MAX_WAGE)
    check_quartile_order(frame, file, "payP25", "medianHourlyPay", "payP75")
    return frame


def load_cbs_2022(folder: Path) -> pd.DataFrame:
    """CBS 85517NED 2022 wage quartiles per BRC class, segment and group, and the national total."""
    file = CBS_2022_FILE
    frame = read_csv(folder / file, ["brc", "title", "employees_thousands", "p25", "p50", "p75"])
    check_pattern(frame, file, "brc", r"Totaal|\d{2,4}", "expected 'Totaal' or a BRC code")
    check_unique(frame, file, "brc")
    frame["employees_thousands"] = to_number(frame, file, "employees_thousands", low=0)
    for column in ["p25", "p50", "p75"]:
        frame[column] = to_number(frame, file, column, low=MIN_WAGE, high=MAX_WAGE)
    check_quartile_order(frame, file, "p25", "p50", "p75")
    # Titles carry their code ("074 Metaalarbeiders, ..."): keep the words only.
    frame["title"] = frame["title"].str.replace(r"^\d{2,4}\s+", "", regex=True)
    return frame
