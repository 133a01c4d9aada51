"""pay(), prospects() and compare(): figures with source and year, and honest fallbacks."""
import pytest

from occupations import query


def occupation_id(text, catalog):
    return query.find(text, catalog).best.occupation_id


def test_pay_of_own_group_from_2024(catalog):
    figure = query.pay(occupation_id("software ontwikkelaar", catalog), catalog)
    assert figure.level == "group" and figure.year == 2024 and not figure.is_fallback
    assert figure.group_code == "0811"
    assert (figure.p25, figure.median, figure.p75) == (27.0, 34.8, 43.4)
    assert figure.source.publisher == "CBS" and "85517NED" in figure.source.title


@pytest.mark.parametrize("text, own_group", [("lasser", "0742"), ("loodgieter", "0734")])
def test_unpublished_group_falls_back_to_segment_and_says_so(text, own_group, catalog):
    info = query.occupation(occupation_id(text, catalog), catalog)
    assert info.brc_group == own_group
    figure = query.pay(info.id, catalog)
    assert figure.is_fallback
    assert figure.level == "segment" and figure.group_code == own_group[:3]
    assert figure.year == 2022 and figure.source.year == 2022
    assert figure.own_group_title != figure.group_title


def test_monthly_pay_is_38_hours_a_week(catalog):
    figure = query.pay(occupation_id("software ontwikkelaar", catalog), catalog)
    assert figure.median_per_month == pytest.approx(34.8 * 38 * 52 / 12)


def test_national_comparison_figures(catalog):
    everyone, technical = query.national_pay(catalog)
    assert (everyone.median, technical.median) == (22.2, 22.3)
    assert everyone.year == technical.year == 2022


def test_prospects_of_a_group(catalog):
    figures = query.prospects(occupation_id("lasser", catalog), catalog)
    assert figures.group_code == "0742"
    assert figures.jobs == 26000 and figures.growth_pct == 0
    assert 0 <= figures.women_share <= 1
    assert figures.source.period == "4e kwartaal 2025"


def test_compare_two_occupations(catalog):
    comparison = query.compare(occupation_id("kapper", catalog), occupation_id("timmerman", catalog), catalog)
    assert comparison.first.name == "kapper" and comparison.second.name == "timmerman"
    assert comparison.first_pay.median != comparison.second_pay.median
    assert comparison.first_prospects.jobs and comparison.second_prospects.jobs


def test_growing_groups_are_sorted_and_large_enough(catalog):
    groups = query.growing_groups(catalog=catalog)
    assert groups and all(g.jobs >= 20_000 for g in groups)
    assert [g.growth_pct for g in groups] == sorted((g.growth_pct for g in groups), reverse=True)
    assert all(g.group_code[:2] in ("07", "08") for g in groups)
