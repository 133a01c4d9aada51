"""Repository.pay() and prospects(): figures with source and year, and honest fallbacks."""

import pytest


def occupation(text, repository):
    return repository.occupation(repository.find(text).best.occupation_id)


def test_pay_of_own_group_from_2024(repository):
    figure = repository.pay(occupation("software ontwikkelaar", repository))
    assert figure.level == "group" and figure.year == 2024 and not figure.is_broader
    assert figure.group_code == "0811"
    assert (figure.p25, figure.median, figure.p75) == (27.0, 34.8, 43.4)
    assert figure.source.publisher == "CBS" and "85517NED" in figure.source.title


@pytest.mark.parametrize("text, own_group", [("lasser", "0742"), ("loodgieter", "0734")])
def test_unpublished_group_falls_back_to_segment_and_says_so(text, own_group, repository):
    info = occupation(text, repository)
    assert info.brc_group == own_group
    figure = repository.pay(info)
    assert figure.is_broader and figure.own_group_code == own_group
    assert figure.level == "segment" and figure.group_code == own_group[:3]
    assert figure.year == 2022 and figure.source.year == 2022
    assert figure.own_group_title != figure.group_title


def test_monthly_pay_is_38_hours_a_week(repository):
    figure = repository.pay(occupation("software ontwikkelaar", repository))
    assert figure.median_per_month == pytest.approx(34.8 * 38 * 52 / 12)


def test_national_figure_exists_only_for_the_comparison_year(repository):
    year = repository.comparison_year()
    assert year == 2022, "CBS's national wage is in the 2022 table only"
    assert repository.national_pay(year).median == 22.2
    assert repository.national_pay(2024) is None


def test_one_year_is_chosen_for_several_occupations(repository):
    welder, developer = occupation("lasser", repository), occupation("software ontwikkelaar", repository)
    assert repository.pay(welder).year == 2022 and repository.pay(developer).year == 2024
    year = repository.common_pay_year([welder, developer])
    assert year == 2022, "the welder has no 2024 figure, so both are compared in 2022"
    assert repository.pay_in_year(developer, year).year == 2022


def test_prospects_of_a_group(repository):
    figures = repository.prospects(occupation("lasser", repository))
    assert figures.group_code == "0742"
    assert figures.jobs == 26000 and figures.growth_pct == 0
    assert 0 <= figures.women_share <= 1
    assert figures.source.period == "4e kwartaal 2025"


def test_an_older_figure_of_the_own_group_is_not_called_broader(repository):
    """The chain tries the own group's 2022 figure before any broader level."""
    for info in repository.catalog.occupations.values():
        figure = repository.pay(info)
        if figure and figure.year == 2022 and figure.group_code == info.brc_group:
            assert not figure.is_broader
            return
    pytest.skip("no occupation has only a 2022 figure of its own group in this data")


def test_growing_groups_are_sorted_and_large_enough(repository):
    groups = repository.growing_groups()
    assert groups and all(g.jobs >= 20_000 for g in groups)
    assert [g.growth_pct for g in groups] == sorted((g.growth_pct for g in groups), reverse=True)
    assert all(g.group_code[:2] in ("07", "08") for g in groups)
