"""The fallback rule: a broader wage stands in for a group only for similar work at a similar level."""

import pandas as pd
import pytest

from occupations.config import CURATED_DIR
from occupations.content import PayBorrowing
from occupations.figures import MAX_LEVEL_GAP, similar_level


def curated_and_comparison(repository):
    return [repository.occupation_by_slug(slug) for slug in repository.catalog.profiles]


def test_every_borrowed_figure_is_a_listed_segment_of_similar_work(repository):
    """Over all curated and comparison occupations (and every other one): no figure of other work."""
    infos = list(repository.catalog.occupations.values())
    assert set(curated_and_comparison(repository)) <= set(infos)
    borrowed = 0
    for info in infos:
        figure = repository.pay(info)
        if figure is None or not figure.is_broader:
            continue
        borrowed += 1
        listed = repository.catalog.curated["pay_borrowing"].get(info.brc_group)
        assert figure.level == "segment", f"{info.name}: borrowed from a {figure.level}"
        assert listed is not None and listed.reason, f"{info.name}: group {info.brc_group} is not in pay_borrowing.csv"
        assert figure.group_code == listed.segment_code == repository.catalog.groups[info.brc_group].parent_code
        gap = abs(repository.education_share(info.brc_group) - repository.education_share(figure.group_code))
        assert gap <= MAX_LEVEL_GAP, f"{info.name}: level gap {gap:.2f}"
    assert borrowed, "the rule is exercised: some groups do borrow"


@pytest.mark.parametrize("slug", ["maritiem-officier", "scheepswerktuigkundige"])
def test_no_figure_when_only_other_work_is_published(slug, repository):
    """Pilots and deck officers are not shown a bus driver's wage."""
    info = repository.occupation_by_slug(slug)
    segment = repository.catalog.groups[info.brc_group].parent_code
    assert repository.catalog.pay.get((segment, 2022)) is not None, "a broader figure exists ..."
    assert repository.pay(info) is None, "... and is refused"


def test_operators_get_their_segment_with_a_note_on_who_else_is_in_it(repository):
    """Process operators (ISCO 313) share segment 072 with technicians and production supervisors
    (ISCO 311, 312): technical specialists at the same skill level. The figure is shown, and the
    curated note says the segment is more often higher educated, so the figure may be high."""
    info = repository.occupation_by_slug("procesoperator")
    figure = repository.pay(info)
    assert figure is not None and figure.level == "segment" and figure.group_code == "072"
    note = repository.profile(info).pay_note
    assert "productieleiders" in note and "lager" in note


def test_a_listed_segment_at_another_level_is_still_refused(repository, monkeypatch):
    """Listing dekofficieren under the drivers' segment does not pass the level check in code."""
    rows = dict(repository.catalog.curated["pay_borrowing"])
    rows["1211"] = PayBorrowing("1211", "121", "test: wrongly listed")
    monkeypatch.setitem(repository.catalog.curated, "pay_borrowing", rows)
    assert repository.borrowing("1211") is None
    assert repository.pay(repository.occupation_by_slug("maritiem-officier")) is None


def test_level_check():
    assert similar_level(0.04, 0.07) and similar_level(0.68, 0.80)
    assert not similar_level(0.30, 0.10) and not similar_level(None, 0.1)


def test_every_listed_borrowing_has_a_reason():
    frame = pd.read_csv(CURATED_DIR / "pay_borrowing.csv", dtype=str, keep_default_na=False)
    assert (frame["reason"].str.len() > 20).all()
    assert "1211" not in set(frame["group_code"]), "dekofficieren en piloten never borrow the drivers' wage"
