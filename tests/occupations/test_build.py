"""The build reads, joins and validates the sources; a broken file names file, row and column."""

import shutil
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from occupations import config
from occupations.build import build
from occupations.errors import SourceError
from occupations.models import GroupPay, Occupation, OccupationLabel, Source

CBS_2024 = "cbs_85276NED_2025Q4_85517NED_2024_brc_jobs_pay.csv"


@pytest.fixture
def sources(tmp_path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(config.SOURCES_DIR, folder)
    return folder


def run_build(sources: Path, tmp_path: Path):
    return build(
        f"sqlite:///{tmp_path / 'db.sqlite'}",
        sources,
        lookup_path=tmp_path / "lookup.yml",
        progress=lambda message: None,
    )


def corrupt(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell; `row` counts like a spreadsheet (header = 1)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.at[row - 2, column] = value
    frame.to_csv(path, index=False)


def test_every_esco_occupation_reaches_a_group_with_figures(database_url):
    engine = create_engine(database_url)
    with Session(engine) as session:
        occupations = session.scalar(select(func.count()).select_from(Occupation))
        labels = session.scalar(select(func.count()).select_from(OccupationLabel))
        lasster = session.scalars(select(OccupationLabel).where(OccupationLabel.label == "lasster")).all()
        pay_2024 = session.scalar(select(func.count()).select_from(GroupPay).where(GroupPay.year == 2024))
    assert occupations == 3039
    assert labels > 20000
    assert lasster, "female forms from ESCO's alternative labels are kept"
    published = pd.read_csv(config.SOURCES_DIR / CBS_2024, dtype=str)["medianHourlyPay"].notna().sum()
    assert pay_2024 == published == 74, "every wage CBS published for 2024 is loaded, and nothing else"


def test_shared_labels_are_marked_ambiguous(database_url):
    engine = create_engine(database_url)
    with Session(engine) as session:
        monteur = session.scalars(select(OccupationLabel).where(OccupationLabel.normalized == "monteur")).all()
    assert len({label.occupation_id for label in monteur}) > 1
    assert all(label.ambiguous for label in monteur)


def test_build_is_idempotent_and_writes_the_lookup_table(sources, tmp_path):
    first = run_build(sources, tmp_path)
    second = run_build(sources, tmp_path)
    assert first == second
    lookup = (tmp_path / "lookup.yml").read_text(encoding="utf-8")
    assert "- lookup: beroep" in lookup and "    - lasster\n" in lookup


def test_wage_that_is_not_a_number_names_file_row_and_column(sources, tmp_path):
    corrupt(sources / CBS_2024, 5, "medianHourlyPay", "twintig")
    with pytest.raises(SourceError) as error:
        run_build(sources, tmp_path)
    assert (error.value.file, error.value.row, error.value.column) == (CBS_2024, 5, "medianHourlyPay")
    assert "twintig" in str(error.value)


def test_wage_outside_plausible_range_is_rejected(sources, tmp_path):
    corrupt(sources / CBS_2024, 3, "payP75", "500")
    with pytest.raises(SourceError, match=r"row 3, column 'payP75'.*outside"):
        run_build(sources, tmp_path)


def test_share_above_one_is_rejected(sources, tmp_path):
    corrupt(sources / CBS_2024, 4, "womenShare", "17.2")
    with pytest.raises(SourceError, match="womenShare"):
        run_build(sources, tmp_path)


def test_isco_group_missing_from_crosswalk_is_rejected(sources, tmp_path):
    corrupt(sources / "esco_v12_occupations_nl.csv", 10, "iscoGroup", "1999")
    with pytest.raises(SourceError) as error:
        run_build(sources, tmp_path)
    assert error.value.column == "iscoGroup" and error.value.row == 10


def test_missing_column_and_unreadable_file_are_reported(sources, tmp_path):
    frame = pd.read_csv(sources / CBS_2024, dtype=str)
    frame.drop(columns=["payP25"]).to_csv(sources / CBS_2024, index=False)
    with pytest.raises(SourceError, match="missing column.*payP25"):
        run_build(sources, tmp_path)
    (sources / CBS_2024).write_bytes(b"\xff\xfe\x00broken")
    with pytest.raises(SourceError, match=CBS_2024):
        run_build(sources, tmp_path)


def test_figure_in_curated_prose_is_rejected(sources, tmp_path):
    path = sources / "curated" / "featured_occupations.csv"
    corrupt(path, 2, "daily_work", "Verdient 3000 euro per maand.")
    with pytest.raises(SourceError, match=r"featured_occupations.csv, row 2, column 'daily_work'.*facts.csv"):
        run_build(sources, tmp_path)


def test_unknown_fact_reference_is_rejected(sources, tmp_path):
    corrupt(sources / "curated" / "myths.csv", 2, "fact_ids", "does_not_exist")
    with pytest.raises(SourceError, match=r"myths.csv, row 2, column 'fact_ids'.*does_not_exist"):
        run_build(sources, tmp_path)


def test_real_person_story_needs_a_source(sources, tmp_path):
    path = sources / "curated" / "stories.csv"
    corrupt(path, 2, "is_illustration", "nee")
    corrupt(path, 2, "source_url", "")
    with pytest.raises(SourceError, match=r"stories.csv, row 2, column 'source_url'"):
        run_build(sources, tmp_path)


def test_cli_reports_a_broken_file_without_a_traceback(sources, tmp_path, capsys):
    from occupations.__main__ import main

    corrupt(sources / CBS_2024, 7, "jobs", "veel")
    code = main(
        [
            "build",
            "--database-url",
            f"sqlite:///{tmp_path / 'cli.sqlite'}",
            "--sources",
            str(sources),
            "--lookup-table",
            str(tmp_path / "lookup.yml"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "row 7" in err and "'jobs'" in err and "Traceback" not in err


def append_row(path: Path, values: dict) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = pd.concat([frame, pd.DataFrame([values])], ignore_index=True).fillna("")
    frame.to_csv(path, index=False)


def test_borrowing_from_work_at_another_level_is_rejected(sources, tmp_path):
    append_row(sources / "curated" / "pay_borrowing.csv", {"group_code": "1211", "segment_code": "121", "reason": "x"})
    with pytest.raises(SourceError) as error:
        run_build(sources, tmp_path)
    assert (error.value.file, error.value.column) == ("pay_borrowing.csv", "segment_code")
    assert "level" in str(error.value)


def test_unknown_crebo_is_rejected(sources, tmp_path):
    path = sources / "curated" / "featured_occupations.csv"
    row = pd.read_csv(path, dtype=str).index[0] + 2
    corrupt(path, row, "mbo_crebos", "99999")
    with pytest.raises(SourceError) as error:
        run_build(sources, tmp_path)
    assert (error.value.file, error.value.row, error.value.column) == ("featured_occupations.csv", row, "mbo_crebos")
    assert "unknown crebo" in str(error.value)


@pytest.mark.parametrize(
    "route, problem",
    [
        ("Zij deed de bbl-opleiding Lasser (niveau 2).", "vervallen"),
        ("Zij deed de opleiding Eerste autotechnicus bij een garage.", "vervallen"),
        ("Zij deed de opleiding Allround plaatwerker.", "bestaat-niet"),
        ("Zij deed de opleiding Supermonteur (niveau 2).", "not a current qualification"),
    ],
)
def test_outdated_or_unknown_programme_name_is_rejected(sources, tmp_path, route, problem):
    corrupt(sources / "curated" / "stories.csv", 2, "route", route)
    with pytest.raises(SourceError) as error:
        run_build(sources, tmp_path)
    assert (error.value.file, error.value.row, error.value.column) == ("stories.csv", 2, "route")
    assert problem in str(error.value)


def test_curated_isco_group_chooses_the_cbs_group(database_url):
    """ESCO's nurse (2221) is the hbo group; the curated ISCO unit 3221 gives CBS's mbo nurses."""
    engine = create_engine(database_url)
    with Session(engine) as session:
        nurse = session.scalars(select(Occupation).where(Occupation.profile_slug == "mbo-verpleegkundige")).one()
    assert (nurse.isco_code, nurse.brc_group) == ("3221", "1033")


def test_curated_isco_group_missing_from_crosswalk_is_rejected(sources, tmp_path):
    comparison = sources / "curated" / "comparison_occupations.csv"
    row = 2 + pd.read_csv(comparison, dtype=str)["slug"].tolist().index("kapper")
    corrupt(comparison, row, "isco_group", "1999")
    corrupt(comparison, row, "pay_note", "Een uitleg.")
    with pytest.raises(SourceError) as error:
        run_build(sources, tmp_path)
    assert error.value.column == "isco_group" and "1999" in str(error.value)


def test_curated_isco_group_needs_a_pay_note(sources, tmp_path):
    comparison = sources / "curated" / "comparison_occupations.csv"
    row = 2 + pd.read_csv(comparison, dtype=str)["slug"].tolist().index("kapper")
    corrupt(comparison, row, "isco_group", "5141")
    with pytest.raises(SourceError) as error:
        run_build(sources, tmp_path)
    assert error.value.column == "pay_note"


ESCO = "esco_v12_occupations_nl.csv"


def test_esco_loader_keeps_the_description_and_accepts_an_empty_one(sources):
    from occupations.loaders import load_esco

    path = sources / ESCO
    labels = pd.read_csv(path, dtype=str, keep_default_na=False)["preferredLabel"].tolist()
    stukadoor, liftmonteur = (2 + labels.index(name) for name in ("stukadoor", "liftmonteur"))
    corrupt(path, liftmonteur, "description", "")
    corrupt(path, stukadoor, "description", "  Stukadoors pleisteren muren.\n")
    esco = load_esco(sources).set_index("preferredLabel")
    assert esco.at["stukadoor", "description"] == "Stukadoors pleisteren muren."
    assert esco.at["liftmonteur", "description"] == ""
    assert esco.at["lasser", "description"].startswith("Lassers werken met lasapparatuur")


def test_built_table_holds_esco_descriptions_with_their_source(database_url):
    engine = create_engine(database_url)
    with Session(engine) as session:
        stukadoor = session.scalars(select(Occupation).where(Occupation.name == "stukadoor")).one()
        source = session.get(Source, stukadoor.esco_source_id)
        described = session.scalar(
            select(func.count()).select_from(Occupation).where(Occupation.esco_description.is_not(None))
        )
    assert stukadoor.esco_description.startswith("Stukadoors brengen pleister uit gips, cement of andere oplossingen")
    assert (source.publisher, source.year) == ("Europese Commissie", 2024) and "ESCO v1.2" in source.title
    assert described == 3039, "ESCO v1.2 describes every occupation in Dutch"


def test_an_empty_esco_description_is_stored_as_none(sources, tmp_path):
    path = sources / ESCO
    row = 2 + pd.read_csv(path, dtype=str, keep_default_na=False)["preferredLabel"].tolist().index("liftmonteur")
    corrupt(path, row, "description", "")
    run_build(sources, tmp_path)
    with Session(create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")) as session:
        liftmonteur = session.scalars(select(Occupation).where(Occupation.name == "liftmonteur")).one()
    assert (liftmonteur.esco_description, liftmonteur.esco_source_id) == (None, None)


def test_esco_file_without_a_source_row_is_rejected(sources, tmp_path):
    frame = pd.read_csv(sources / "sources.csv", dtype=str, keep_default_na=False)
    frame[frame["file"] != ESCO].to_csv(sources / "sources.csv", index=False)
    with pytest.raises(SourceError, match=r"sources.csv.*no row names esco_v12_occupations_nl.csv"):
        run_build(sources, tmp_path)
