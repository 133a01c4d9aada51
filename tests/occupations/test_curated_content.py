"""The curated content is complete, sourced and fair (issue: featured occupations, stories, myths)."""

import pandas as pd
import pytest

from occupations.config import CURATED_DIR
from occupations.content import SPECS, Myth, Profile, Story, split_list


def table(kind: str) -> pd.DataFrame:
    return pd.read_csv(CURATED_DIR / SPECS[kind].file, dtype=str, keep_default_na=False)


def test_at_least_sixty_featured_and_fifteen_comparison_occupations():
    assert len(table("featured")) >= 60
    comparison = set(table("comparison")["slug"])
    assert {"kapper", "kassamedewerker", "verkoopmedewerker", "kok", "politieagent"} <= comparison


def test_every_featured_row_is_complete():
    featured = table("featured")
    for column in SPECS["featured"].required + ("extra_labels",):
        assert (featured[column] != "").all(), f"empty {column}"
    has_route = (featured["mbo_levels"] != "") | (featured["hbo_route"] != "")
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


@pytest.mark.parametrize(
    "message, expected_word",
    [
        ("techniek is toch vies werk", "vies"),
        ("is techniek wel iets voor meisjes", "meisjes"),
        ("verdien je wel genoeg in de techniek", "betaald"),
        ("nemen robots het werk niet over", "robot"),
    ],
)
def test_myths_are_found_from_how_people_write(message, expected_word, repository):
    myth = repository.best_topic("myth", message)
    assert myth is not None and expected_word in myth.myth.lower()


@pytest.mark.parametrize(
    "message, tag",
    [
        ("ik werk graag buiten", "buiten"),
        ("ik ben goed met computers", "computers"),
        ("ik wil iets voor het klimaat doen", "klimaat"),
    ],
)
def test_interests_lead_to_featured_occupations(message, tag, repository):
    interest = repository.best_topic("interest", message)
    assert interest.tag == tag
    occupations = repository.occupations_with_interest(tag)
    assert len(occupations) >= 3
    assert sum(repository.pay(info) is not None for info in occupations) >= 3


@pytest.mark.parametrize(
    "message, sector",
    [
        ("werk in de haven", "haven-maritiem-logistiek"),
        ("iets met de energietransitie", "installatie-energie"),
        ("wat is er in de bouw", "bouw-infra"),
        ("ik wil iets in de ict", "ict-media"),
    ],
)
def test_sector_words(message, sector, repository):
    assert repository.best_topic("sector", message).sector == sector


def test_curated_rows_are_typed_at_load(repository):
    """Booleans and lists, not "ja"/"nee" and ';'-text; featured and comparison profiles told apart."""
    welder = repository.profile(repository.occupation_by_slug("lasser"))
    hairdresser = repository.profile(repository.occupation_by_slug("kapper"))
    assert isinstance(welder, Profile) and welder.is_featured and not hairdresser.is_featured
    assert isinstance(welder.bbl, bool) and isinstance(welder.vmbo_profiles, tuple) and welder.vmbo_profiles
    raw = table("featured").set_index("slug").loc["lasser"]
    assert welder.bol == (raw["bol"] == "ja") and welder.bbl == (raw["bbl"] == "ja")
    assert welder.mbo_crebos == split_list(raw["mbo_crebos"]) and welder.mbo_levels == split_list(raw["mbo_levels"])
    stories = repository.stories()
    assert all(isinstance(s, Story) and isinstance(s.is_illustration, bool) for s in stories)
    assert sum(s.is_illustration for s in stories) == (table("story")["is_illustration"] == "ja").sum()
    assert all(isinstance(m, Myth) and isinstance(m.fact_ids, tuple) for m in repository.myths())


@pytest.mark.parametrize(
    "text, kind, not_this",
    [
        ("verdienen vrouwen evenveel als mannen?", "myth", "m10"),  # "ev" (electric cars) is not in "evenveel"
        ("in welke mate is dat zo?", "education", "mat"),  # "mat" (the MaT profile) is not in "mate"
        ("wat is het hoogste loon?", "interest", "hoogte"),  # "hoog" (working at height) is not in "hoogste"
        ("maar ik maak me zorgen", "interest", "gezondheid"),  # "zorg" (care) is not in "zorgen"
    ],
)
def test_a_keyword_is_not_found_inside_another_word(repository, text, kind, not_this):
    rows = repository.topics_named(kind, text)
    assert not_this not in [getattr(row, SPECS[kind].key) for row in rows]


def test_a_short_keyword_still_counts_as_a_whole_word(repository):
    assert repository.best_topic("education", "wat is bbl eigenlijk").topic_id == "bbl"
