"""The topic classifier (actions/topic_guess.py): its examples, and the answers it lets through when
no keyword names the topic."""

import json
from pathlib import Path

import pytest
from helpers import parsed, responses, run_action, slot_value, tracker_for

from actions.pay import ActionAnswerSalary
from actions.topic_guess import EXAMPLES, TopicExamplesError, guess_topic, read_examples
from actions.topics import ActionAnswerEducation, ActionAnswerInterest, ActionAnswerSector

CONVERSATIONS = Path(__file__).resolve().parents[1] / "conversations"


def test_every_example_names_a_topic_the_table_has(repository):
    for label, text in read_examples():
        kind, key = label.split(":", 1)
        assert key in repository.catalog.curated[kind], f"{label}: {text}"


def test_every_topic_has_examples_in_several_voices(repository):
    labels = [label for label, _ in read_examples()]
    for kind in ("myth", "education", "sector", "interest"):
        for key in repository.catalog.curated[kind]:
            assert labels.count(f"{kind}:{key}") >= 10, f"{kind}:{key}"


def test_no_example_is_a_message_of_the_evaluation_conversations():
    """The conversations measure understanding; training on them would hide what fails."""
    examples = {text.strip().lower() for _, text in read_examples()}
    for path in CONVERSATIONS.glob("part_*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            for turn in json.loads(line)["turns"]:
                assert turn["user"].strip().lower() not in examples, (path.name, turn["user"])


def test_a_broken_examples_file_names_its_line(tmp_path):
    broken = tmp_path / "examples.csv"
    broken.write_text("kind,topic,text\nmyth,m01,vies?\nweather,sun,mooi weer\n", encoding="utf-8")
    with pytest.raises(TopicExamplesError, match="line 3"):
        read_examples(broken)
    with pytest.raises(TopicExamplesError, match="missing"):
        read_examples(tmp_path / "absent.csv")
    assert EXAMPLES.exists()


def test_a_clear_message_without_keywords_is_guessed(repository):
    guess = guess_topic(repository, "mijn vriendinnen lachen me uit omdat ik techniek wil")
    assert (guess.kind, guess.key) == ("myth", "m04")  # "Techniek is niks voor meisjes."


async def test_a_profile_question_worded_without_keywords_gets_the_profiles_not_a_question(repository):
    text = "Mijn zoon Emre 14 jaar, hij moet kiezen profiel op school. Hij wil techniek. Wat is beste profiel voor hem?"
    assert not repository.names_any_keyword(text)
    messages, _ = await run_action(ActionAnswerEducation(repository), tracker_for(text, "ask_education"))
    assert responses(messages)[0] == "utter_education"
    assert "PIE" in messages[0]["antwoord"] and "BWI" in messages[0]["antwoord"]


def test_a_ruled_out_keyword_is_not_guessed_back(repository):
    """ "liever binnen dan buiten": the keywords rule outdoor work out; the classifier must not bring it back."""
    text = "ik werk liever binnen dan buiten"
    assert repository.names_any_keyword(text)
    assert ActionAnswerInterest(repository).guessed_topic(text) is None


async def test_a_question_about_that_sector_answers_the_sector_of_the_previous_answer(repository):
    sector = repository.topic("sector", "haven-maritiem-logistiek")
    before = [{"event": "bot", "text": f"{sector.name}: {sector.description}"}]
    tracker = tracker_for("En is er genoeg werk in die sector?", "ask_sector", events=before)
    messages, events = await run_action(ActionAnswerSector(repository), tracker)
    # The sector's description was just read, so it is not repeated: its occupations' work figures follow.
    assert "utter_sector_intro" not in responses(messages)
    assert "werkenden" in json.dumps(messages, ensure_ascii=False), "work figures, as asked"
    in_sector = {info.id for info in repository.occupations_in_sector(sector.sector)}
    assert set(slot_value(events, "suggested")) <= in_sector


async def test_pay_asked_after_a_myth_without_an_occupation_answers_for_technical_work(repository):
    before = [{"event": "bot", "text": "'Technisch werk is zwaar en gevaarlijk.' Dat hoor je vaak."}]
    tracker = tracker_for("ok maar verdien je er wel goed mee of is dat ook fake", "ask_salary", events=before)
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker)
    assert responses(messages)[0] == "utter_myth"
    assert "betaald" in messages[0]["mythe"]
    assert "€" in messages[0]["feiten"]


async def test_pay_asked_first_without_an_occupation_still_asks_which(repository):
    messages, _ = await run_action(ActionAnswerSalary(repository), tracker_for("wat verdien je?", "ask_salary"))
    assert responses(messages) == ["utter_ask_occupation"]


@pytest.mark.parametrize(
    "girl, boy",
    [
        ("ik ben een meisje, is techniek wel iets voor mij?", "ik ben een jongen, is techniek wel iets voor mij?"),
        ("mijn dochter twijfelt of ze het wel kan", "mijn zoon twijfelt of hij het wel kan"),
    ],
)
def test_who_asks_does_not_change_the_guess(repository, girl, boy):
    def topic(text):
        guess = guess_topic(repository, text)
        return (guess.kind, guess.key) if guess else None

    assert topic(girl) == topic(boy)


async def test_an_occupation_name_is_no_topic_keyword(repository):
    """ "monteur elektrotechnische installaties" names an occupation, not an interest in electricity."""
    text = "Twijfel tussen bol en bbl voor de opleiding monteur elektrotechnische installaties. Wat is het verschil?"
    messages, _ = await run_action(ActionAnswerEducation(repository), parsed(repository, text, "ask_education"))
    assert responses(messages)[-1] == "utter_education"
    assert "bol" in messages[-1]["antwoord"] and "bbl" in messages[-1]["antwoord"]
