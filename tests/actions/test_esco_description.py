"""Occupations without a curated profile get ESCO's own description, quoted with its source (judges found
"wat doet een stukadoor / instrumentmaker / liftmonteur?" answered with no description at all)."""

import re
from dataclasses import replace

import pytest
from helpers import occupation_id, only, parsed, responses, run_action

from actions.description import QUOTED_LENGTH, ActionAnswerJobDescription, first_sentences
from actions.turn import Turn

# the actions read the server's repository; these tests hand them the test run's own
pytestmark = pytest.mark.usefixtures("the_servers_repository")

STUKADOOR_FIRST_SENTENCE = (
    "Stukadoors brengen pleister uit gips, cement of andere oplossingen aan op de muren als gladde afwerking."
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


async def ask(repository, text):
    action = ActionAnswerJobDescription(repository)
    messages, _ = await run_action(action, parsed(repository, text, "ask_job_description"))
    return messages


async def test_an_occupation_without_a_profile_gets_escos_description_with_its_source(repository):
    info = repository.occupation(occupation_id(repository, "stukadoor"))
    assert repository.profile(info) is None
    messages = await ask(repository, "wat doet een stukadoor?")
    assert responses(messages) == ["utter_esco_job_description"]
    reply = only(messages, "utter_esco_job_description")
    assert (reply["naam"], reply["naam_zin"]) == ("Stukadoor", "stukadoor")
    assert reply["beschrijving"].startswith(STUKADOOR_FIRST_SENTENCE)
    assert reply["beschrijving"].endswith(".") and "\n" not in reply["beschrijving"]
    assert len(reply["beschrijving"]) <= QUOTED_LENGTH
    assert "ESCO v1.2" in reply["bron"] and "Europese Commissie" in reply["bron"]
    assert reply["groep"] == repository.group_title(info.brc_group)


async def test_a_long_description_is_cut_after_a_whole_sentence(repository):
    info = repository.occupation(occupation_id(repository, "liftmonteur"))
    assert len(info.esco_description) > QUOTED_LENGTH
    reply = only(await ask(repository, "wat doet een liftmonteur"), "utter_esco_job_description")
    quoted = reply["beschrijving"]
    assert quoted.startswith("Liftmonteurs plaatsen liften in een liftschacht met frame.")
    assert len(quoted) <= QUOTED_LENGTH and quoted.endswith(".")
    whole = " ".join(info.esco_description.split())
    assert whole.startswith(quoted) and SENTENCE_END.match(whole, len(quoted)), "cut where a sentence ends"
    assert "\xa0" not in quoted, "ESCO's non-breaking spaces become ordinary ones"


@pytest.mark.parametrize("name", ["elektricien", "lasser"])
async def test_a_curated_profile_still_comes_first(repository, name):
    assert responses(await ask(repository, f"wat doet een {name}?")) == ["utter_job_description"]


async def test_an_occupation_without_any_description_is_still_honest(repository):
    tracker = parsed(repository, "wat doet een stukadoor?", "ask_job_description")
    info = repository.occupation(occupation_id(repository, "stukadoor"))
    undescribed = replace(info, esco_description=None, esco_source_id=None)
    answer = ActionAnswerJobDescription(repository).answer_about(Turn.read(tracker, repository), undescribed)
    assert [reply.response for reply in answer.replies] == ["utter_no_job_description"]
    assert answer.replies[0].values["groep"] == repository.group_title(info.brc_group)


def test_first_sentences_keeps_whole_sentences_on_one_line():
    text = "Eerste zin over het werk.\nZij doen ook\xa0dit, enz. Zij doen dat. \\\nDerde zin!"
    assert first_sentences(text) == "Eerste zin over het werk. Zij doen ook dit, enz. Zij doen dat. Derde zin!"
    assert first_sentences(text, limit=40) == "Eerste zin over het werk."
    assert first_sentences("Een zin die langer is dan de grens.", limit=10) == "Een zin die langer is dan de grens."
    assert first_sentences("Werk zonder punt aan het eind") == "Werk zonder punt aan het eind."
    assert first_sentences("Zij maken o.a. bijv. stoelen. Ook tafels.", limit=31) == "Zij maken o.a. bijv. stoelen."


def test_every_quoted_description_ends_a_sentence_and_is_short_or_one_sentence(catalog):
    for info in catalog.occupations.values():
        quoted = first_sentences(info.esco_description or "Leeg.")
        whole = " ".join((info.esco_description or "Leeg.").replace("\\", " ").split())
        one_sentence = SENTENCE_END.split(whole)[0]
        assert quoted.endswith((".", "!", "?")), (info.name, quoted)
        assert len(quoted) <= QUOTED_LENGTH or quoted.rstrip(".") == one_sentence.rstrip("."), (info.name, quoted)
        assert quoted.startswith(one_sentence.rstrip(".")), (info.name, quoted)
