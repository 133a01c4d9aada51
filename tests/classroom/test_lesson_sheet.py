"""The lesson sheet PDF: its text holds the names, the figures as the chat writes them, and the sources."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from actions.formatting import count, euro_hourly
from bot.classroom.lesson_sheet import ILLUSTRATION, NO_STORY, QUESTIONS, render_lesson_sheet, role_model

NAMES = ["elektricien", "kapper", "lasser"]


def text_of(pdf: bytes) -> str:
    reader = PdfReader(BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Line breaks as spaces: a sentence may wrap anywhere."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sheet(repository, named, tmp_path_factory):
    infos = [named(name) for name in NAMES]
    return infos, render_lesson_sheet(repository, infos)


def test_the_sheet_is_a_pdf_of_a4_pages(sheet):
    _, pdf = sheet
    reader = PdfReader(BytesIO(pdf))
    assert pdf.startswith(b"%PDF")
    assert 1 <= len(reader.pages) <= 8
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_the_sheet_names_every_occupation_and_states_its_figures(repository, sheet):
    infos, pdf = sheet
    text = flat(text_of(pdf))
    year = repository.common_pay_year(infos)
    for info in infos:
        assert repository.display_name(info) in text
        figure = repository.pay_in_year(info, year)
        if figure:
            for amount in (figure.p25, figure.median, figure.p75):
                assert euro_hourly(amount) in text
        prospects = repository.prospects(info)
        assert count(prospects.jobs) in text
        assert prospects.group_title in text


def test_the_sheet_lists_its_sources_with_year(repository, sheet):
    infos, pdf = sheet
    text = flat(text_of(pdf))
    sources = text[text.index("Bronnen") :]
    year = repository.common_pay_year(infos)
    for info in infos:
        assert repository.pay_in_year(info, year).source.citation in sources
        assert repository.prospects(info).source.citation in sources
    assert "2022" in sources or str(year) in sources


def test_the_sheet_has_a_role_model_and_three_questions(repository, sheet):
    infos, pdf = sheet
    text = flat(text_of(pdf))
    for question in QUESTIONS:
        assert question in text
    for info in infos:
        story = role_model(repository, info)
        if story is None:
            assert NO_STORY in text
        else:
            assert story.person_name in text
            if story.is_illustration:
                assert f"{story.person_name}, {story.age} jaar {ILLUSTRATION}" in text


def test_the_route_names_only_what_the_data_names(repository, named):
    # Scheepsbouwer's route names three qualifications by crebo; kapper's only the levels.
    infos = [named("scheepsbouwer"), named("kapper")]
    text = flat(text_of(render_lesson_sheet(repository, infos)))
    profile = repository.profile(infos[0])
    for q in repository.qualifications(profile.mbo_crebos):
        assert f"{q.name} (crebo {q.crebo})" in text or f"{q.name} (niveau {q.level}, crebo {q.crebo})" in text
    assert "Mbo: een opleiding op niveau 2 of 3; welke opleiding precies past, weet de decaan." in text


def test_an_occupation_without_a_figure_gets_no_number_on_the_sheet(repository, named, without_pay):
    infos = [without_pay, named("elektricien")]
    text = flat(text_of(render_lesson_sheet(repository, infos)))
    year = repository.common_pay_year(infos)
    assert f"Het CBS publiceert geen loon voor dit beroep in {year}." in text


def test_the_sheet_is_cached(repository, named, chart_cache):
    infos = [named("timmerman"), named("kapper")]
    first = render_lesson_sheet(repository, infos)
    (cached,) = [f for f in chart_cache.iterdir() if f.name.startswith("lesbrief-")]
    assert cached.read_bytes() == first
    assert render_lesson_sheet(repository, infos) == first
