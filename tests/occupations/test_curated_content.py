"""The curated content is complete, sourced and fair (issue: featured occupations, stories, myths)."""
import pandas as pd
import pytest

from occupations import curated_query, query
from occupations.config import CURATED_DIR
from occupations.curated import FILES, REQUIRED, split_list


def table(kind: str) -> pd.DataFrame:
    return pd.read_csv(CURATED_DIR / FILES[kind][0], dtype=str, keep_default_na=False)


def test_at_least_sixty_featured_and_fifteen_comparison_occupations():
    assert len(table("featured")) >= 60
    comparison = set(table("comparison")["slug"])
    assert {"kapper", "kassamedewerker", "verkoopmedewerker", "kok", "politieagent"} <= comparison


def test_every_featured_row_is_complete():
    featured = table("featured")
    for column in REQUIRED["featured"] + ["extra_labels"]:
        assert (featured[column] != "").all(), f"empty {column}"
    has_route = (featured["mbo_programmes"] != "") | (featured["hbo_route"] != "")
    assert has_route.all()


def test_every_fact_has_a_publisher_and_a_year_or_a_caveat():
    facts = table("fact")
    assert (facts["publisher"] != "").all() and (facts["title"] != "").all()
    assert ((facts["year"].str.fullmatch(r"\d{4}")) | (facts["caveat"] != "")).all()


def test_stories_cover_every_featured_occupation_and_are_fair():
    stories, featured = table("story"), table("featured")
    assert set(featured["slug"]) <= set(stories["occupation_slug"])
    assert (stories["gender"] == "v").mean() >= 0.40
    assert (stories["migration_background"] == "ja").mean() >= 0.40


def test_stories_without_a_public_source_are_illustrations():
    stories = table("story")
    unsourced = stories[(stories["source_url"] == "") | (stories["source_title"] == "")]
    assert (unsourced["is_illustration"] == "ja").all()


def test_at_least_twelve_myths_each_with_facts():
    myths = table("myth")
    assert len(myths) >= 12
    assert all(split_list(ids) for ids in myths["fact_ids"])


@pytest.mark.parametrize("message, expected_word", [
    ("techniek is toch vies werk", "vies"),
    ("is techniek wel iets voor meisjes", "meisjes"),
    ("verdien je wel genoeg in de techniek", "betaald"),
    ("nemen robots het werk niet over", "robot"),
])
def test_myths_are_found_from_how_people_write(message, expected_word, database_url):
    myth = curated_query.best_by_keywords("myth", message)
    assert myth is not None and expected_word in myth["myth"].lower()


@pytest.mark.parametrize("message, tag", [
    ("ik werk graag buiten", "buiten"),
    ("ik ben goed met computers", "computers"),
    ("ik wil iets voor het klimaat doen", "klimaat"),
])
def test_interests_lead_to_featured_occupations(message, tag, database_url):
    interest = curated_query.best_by_keywords("interest", message)
    assert interest["tag"] == tag
    occupations = curated_query.occupations_with_interest(tag)
    assert len(occupations) >= 3
    assert all(query.pay(info.id) for info in occupations)


@pytest.mark.parametrize("message, sector", [
    ("werk in de haven", "haven-maritiem-logistiek"),
    ("iets met de energietransitie", "installatie-energie"),
    ("wat is er in de bouw", "bouw-infra"),
    ("ik wil iets in de ict", "ict-media"),
])
def test_sector_words(message, sector, database_url):
    assert curated_query.best_by_keywords("sector", message)["sector"] == sector
