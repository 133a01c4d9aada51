"""Figures as Dutch prose."""

import pytest

from actions.formatting import euro_hourly, growth_since_last_year, median_pay, period


@pytest.mark.parametrize(
    "pct, text",
    [
        (6.2, "6,2% meer dan een jaar eerder"),
        (-1.0, "1% minder dan een jaar eerder"),
        (0.0, "evenveel als een jaar eerder"),
    ],
)
def test_growth_since_last_year(pct, text):
    assert growth_since_last_year(pct) == text


def test_quarter_as_prose():
    assert period("2025 Q4") == "het 4e kwartaal van 2025"
    assert period("2024") == "2024"


def test_median_pay_names_a_borrowed_figure_as_the_broader_group(repository):
    welder = repository.occupation_by_slug("lasser")
    figure = repository.pay(welder)
    assert figure.is_broader
    assert median_pay(figure) == (
        f"{euro_hourly(figure.median)} bruto per uur (bredere groep '{figure.group_title}', {figure.source.citation})"
    )
    own = repository.pay(repository.occupation(repository.find("software ontwikkelaar").best.occupation_id))
    assert median_pay(own).startswith("€ 34,80 bruto per uur (groep '")
