"""Every number the assistant shows about a featured occupation comes from the table.

For each featured occupation, every occupation action runs; its responses are rendered
with the domain's wording (pupil and parent), and each number in the text must be one
the table holds for that occupation (or a cited curated fact, a source's year or table
number, the 38 hours of the monthly arithmetic, an mbo level, a story's age).
"""

import re
from pathlib import Path

import pytest
import yaml
from helpers import responses, run_action, tracker_for

from actions.comparison import comparison
from actions.description import ActionAnswerJobDescription
from actions.formatting import count, euro_hourly, euro_rounded, growth, share
from actions.pay import ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.route import ActionAnswerRoute
from actions.stories import ActionAnswerStory
from occupations.repository import PAY_YEARS

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text(encoding="utf-8"))
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ACTIONS = [ActionAnswerSalary, ActionAnswerProspects, ActionAnswerRoute, ActionAnswerJobDescription, ActionAnswerStory]


def rendered(message) -> list:
    """The message as each audience would read it."""
    texts = []
    for variation in DOMAIN["responses"][message["response"]]:
        text = variation["text"]
        for key, value in message.items():
            text = text.replace("{" + key + "}", str(value))
        texts.append(text)
    return texts


def numbers_in(text: str) -> set:
    return {number.rstrip(".,") for number in NUMBER.findall(text)}


def pay_figures(repository, info) -> list:
    """Every wage an answer about `info` may show: its own, and in each year the national wage and
    those of the other work open to the same pupil, and of the kapper it is compared with."""
    figures = [repository.pay(info)]
    others = repository.same_pupil_occupations() + [repository.occupation_by_slug("kapper")]
    for year in PAY_YEARS:
        figures += [repository.pay_in_year(info, year), repository.national_pay(year)]
        figures += [repository.pay_in_year(other, year) for other in others]
    return [figure for figure in figures if figure is not None]


def allowed_numbers(repository, info) -> set:
    allowed = {"38"}
    for figure in pay_figures(repository, info):
        for value in (figure.p25, figure.median, figure.p75):
            allowed |= numbers_in(euro_hourly(value))
        allowed |= numbers_in(euro_rounded(figure.median_per_month)) | {str(figure.year)}
        allowed |= numbers_in(figure.source.citation)
        allowed |= numbers_in(share(repository.education_share(figure.group_code)))
    prospects = repository.prospects(info)
    if prospects:
        allowed |= numbers_in(
            " ".join(
                [
                    count(prospects.jobs),
                    count(prospects.jobs_previous),
                    growth(prospects.growth_pct),
                    share(prospects.women_share),
                    share(prospects.higher_education_share),
                    prospects.period,
                    prospects.source.citation,
                ]
            )
        )
    for fact in repository.all_facts():
        allowed |= numbers_in(" ".join([fact.text, fact.title, fact.year]))
    profile = repository.profile(info)
    if profile:
        allowed |= numbers_in(" ".join(profile.mbo_crebos + profile.mbo_levels))
    for story in repository.stories(info):
        allowed |= numbers_in(" ".join([story.age, story.route, story.source_year]))
    return allowed


def assert_explained(text: str, allowed: set, where: str) -> None:
    assert "{" not in text, f"{where}: a placeholder is not filled: {text!r}"
    unexplained = numbers_in(text) - allowed
    assert not unexplained, f"{where}: {unexplained} in {text!r}"


def featured_slugs():
    import pandas as pd

    from occupations.build import build  # noqa: F401  (the database fixture builds before collection ends)
    from occupations.config import CURATED_DIR

    return pd.read_csv(CURATED_DIR / "featured_occupations.csv", dtype=str)["slug"].tolist()


@pytest.mark.parametrize("slug", featured_slugs())
async def test_every_number_shown_comes_from_the_table(slug, repository):
    info = repository.occupation_by_slug(slug)
    assert info is not None, f"featured occupation {slug} is not in the table"
    allowed = allowed_numbers(repository, info)
    for action in ACTIONS:
        messages, _ = await run_action(
            action(repository), tracker_for("vertel", "ask", slots={"occupation_id": info.id})
        )
        assert responses(messages), f"{action.__name__} said nothing about {slug}"
        for message in messages:
            for text in rendered(message) if message.get("response") else []:
                assert_explained(text, allowed, f"{slug}, {message['response']}")
    kapper = repository.occupation_by_slug("kapper")
    for reply in comparison(repository, [info, kapper]).replies:
        # A chart's alt text and caption say its figures in words: they are checked the same way.
        chart = (reply.custom or {}).get("chart")
        texts = [chart["alt"], chart["caption"]] if chart else rendered({"response": reply.response, **reply.values})
        for text in texts:
            assert_explained(text, allowed | allowed_numbers(repository, kapper), f"{slug} vs kapper")


def test_the_check_catches_an_invented_number(repository):
    info = repository.occupation_by_slug(featured_slugs()[0])
    assert "4321" not in allowed_numbers(repository, info)
    assert numbers_in("verdient € 43,21 per uur") - allowed_numbers(repository, info)
