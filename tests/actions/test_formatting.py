"""Figures as Dutch prose."""
import pytest

from actions.formatting import growth_since_last_year, period


@pytest.mark.parametrize("pct, text", [
    (6.2, "6,2% meer dan een jaar eerder"),
    (-1.0, "1% minder dan een jaar eerder"),
    (0.0, "evenveel als een jaar eerder"),
])
def test_growth_since_last_year(pct, text):
    assert growth_since_last_year(pct) == text


def test_quarter_as_prose():
    assert period("2025 Q4") == "het 4e kwartaal van 2025"
    assert period("2024") == "2024"
