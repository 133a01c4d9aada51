"""What the assistant says about pay and routes holds: one year per comparison, programmes by crebo."""

import re

import pytest
from helpers import run_action, tracker_for

from actions.pay import ActionAnswerSalary
from actions.route import ActionAnswerRoute
from actions.stories import story_values
from occupations.content import CURRENT
from occupations.curated import programme_problem

YEAR = re.compile(r"\b20\d\d\b")
CREBO = re.compile(r"crebo (\d{5})")


def profile_slugs(repository):
    return sorted(repository.catalog.profiles)


def qualification_names(repository):
    return [(q.name, q.level, q.status) for q in repository.catalog.curated["mbo"].values()]


async def test_every_pay_comparison_uses_one_year(repository):
    """Every curated and comparison occupation: the comparison lines name the comparison year only."""
    year = str(repository.comparison_year())
    for slug in profile_slugs(repository):
        info = repository.occupation_by_slug(slug)
        messages, _ = await run_action(
            ActionAnswerSalary(repository),
            tracker_for("wat verdien je", "ask_salary", slots={"occupation_id": info.id}),
        )
        compared = [m for m in messages if m.get("response") == "utter_pay_comparison"]
        if repository.pay(info) is None:
            assert [m["response"] for m in messages] == ["utter_no_salary"], slug
            assert not re.search(r"\d", messages[0]["naam_zin"] + messages[0]["eigen_groep"])
            continue
        assert len(compared) == 1, slug
        text = compared[0]["vergelijking"]
        assert set(YEAR.findall(text)) == {year}, f"{slug}: years mixed in {text!r}"


@pytest.mark.parametrize("slug, relation", [("lasser", "minder dan"), ("software-developer", "meer dan")])
def test_comparison_says_plainly_where_a_group_stands(slug, relation, repository):
    from actions.pay import comparison_text

    info = repository.occupation_by_slug(slug)
    year = repository.comparison_year()
    own, national = repository.pay_in_year(info, year), repository.national_pay(year)
    assert (own.median < national.median) == (relation == "minder dan")
    text = comparison_text(repository, info)
    assert f"{relation} het landelijke midden" in text
    assert "een kwart verdiende meer dan" in text, "the range (P75) is shown"
    for other in repository.same_pupil_occupations():
        assert repository.display_name(other).lower() in text.lower(), "the other work after the vmbo is listed"


async def test_every_programme_name_shown_resolves_to_a_current_crebo(repository):
    """Routes of every curated occupation and every story: programme names only as the register has them."""
    current = {q.crebo: q for q in repository.catalog.curated["mbo"].values() if q.status == CURRENT}
    names = qualification_names(repository)
    texts = []
    for slug in profile_slugs(repository):
        info = repository.occupation_by_slug(slug)
        messages, _ = await run_action(
            ActionAnswerRoute(repository), tracker_for("hoe word ik dat", "ask_route", slots={"occupation_id": info.id})
        )
        texts += [str(value) for message in messages for value in message.values() if isinstance(value, str)]
    for story in repository.stories():
        values = story_values(repository, story, repository.occupation_by_slug(story.occupation_slug))
        texts += [values["route"], values["verhaal"], values["citaat"]]
        for crebo in story.crebos:
            assert current[crebo].name in story.route
    shown = 0
    for text in texts:
        assert programme_problem(text, names) == "", text
        for crebo in CREBO.findall(text):
            assert crebo in current, f"crebo {crebo} is not a current qualification"
            assert current[crebo].name in text
            shown += 1
    assert shown, "some routes name confirmed programmes"


def test_the_programme_check_catches_an_outdated_name(repository):
    names = qualification_names(repository)
    assert programme_problem("de opleiding Eerste autotechnicus (niveau 3)", names)
    assert programme_problem("de opleiding Onbekend (niveau 2)", names)
    assert programme_problem("de opleiding Maritiem officier alle schepen (niveau 4)", names) == ""
