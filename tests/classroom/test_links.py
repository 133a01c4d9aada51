"""Links to a chart or a lesson sheet, and the strict way back from a link to occupations."""

import pytest

from bot.classroom.links import BadLink, chart_path, file_slug, lesson_path, occupations_in, parse_name, public_url

A = "00030d09-2b3a-4efd-87cc-c4ea39d27c34"
B = "099c6bb0-22d3-4c5d-8bf5-70910af381ef"


def test_paths_name_the_occupations_in_order():
    assert chart_path([A, B]) == f"/klas/grafiek/{A}+{B}.png"
    assert lesson_path([B, A]) == f"/klas/lesbrief/{B}+{A}.pdf"


@pytest.mark.parametrize("ids", [[A], [A, A], [A, B, A, B, A], [A, "kapper"], [A, B.upper()]])
def test_a_path_needs_two_to_four_different_uuids(ids):
    with pytest.raises(ValueError):
        chart_path(ids)
    with pytest.raises(ValueError):
        lesson_path(ids)


def test_public_url_uses_public_base_url(monkeypatch):
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    assert public_url("/klas/x.png") == "http://127.0.0.1:5005/klas/x.png"
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://bot.school.nl/")
    assert public_url(chart_path([A, B])) == f"https://bot.school.nl/klas/grafiek/{A}+{B}.png"


def test_a_link_parses_back_to_its_ids():
    assert parse_name(f"{A}+{B}.png", ".png") == [A, B]


@pytest.mark.parametrize(
    "name",
    [
        f"{A}.png",  # one
        f"{A}+{B}+{A[:-1]}1+{B[:-1]}1+{A[:-1]}2.png",  # five
        f"{A}+{A}.png",  # twice the same
        f"{A}+{B}.pdf",  # the other kind
        f"{A}+{B}",  # no suffix
        f"{A}+kapper.png",
        f"{A.upper()}+{B}.png",
        f"{A}+{B}.png.png",
        f"{A}++{B}.png",
        "",
    ],
)
def test_a_bad_link_is_a_dutch_404(name):
    with pytest.raises(BadLink) as raised:
        parse_name(name, ".png")
    assert raised.value.status == 404
    assert raised.value.message.startswith("Deze link is niet goed")


def test_an_unknown_occupation_is_a_404(repository, named):
    known = named("kapper").id
    unknown = "ffffffff-ffff-4fff-bfff-ffffffffffff"
    assert repository.occupation(unknown) is None
    with pytest.raises(BadLink, match="kennen we niet"):
        occupations_in(repository, f"{known}+{unknown}.png", ".png")
    assert [i.id for i in occupations_in(repository, f"{known}+{named('lasser').id}.png", ".png")][0] == known


def test_file_slug():
    assert file_slug(["Elektricien", "Monteur elektrische installaties", "Técnico"]) == (
        "elektricien-monteur-elektrische-installaties-tecnico"
    )
    assert file_slug(["***"]) == "lesbrief"
