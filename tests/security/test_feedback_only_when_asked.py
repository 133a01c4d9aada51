"""Feedback lines are written only when the thumbs answer the assistant's own question
("Had je hier iets aan?") in the turn before; an unasked thumbs up or down gets the
same friendly reply and writes nothing (review finding 13)."""

import json

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionRecordFeedback, feedback_was_asked


def user(text):
    return {"event": "user", "text": text, "parse_data": {}}


def bot(response):
    return {"event": "bot", "text": "...", "metadata": {"utter_action": response}}


def action(name):
    return {"event": "action", "name": name}


ANSWER_AND_QUESTION = [
    user("hoeveel verdient een lasser?"),
    action("action_answer_salary"),
    bot("utter_salary"),
    bot("utter_ask_feedback"),
    action("action_listen"),
]


def tracker(events, intent="feedback_positive"):
    thumbs = user("/" + intent)
    return Tracker(
        sender_id="c0ffee00c0ffee00c0ffee00c0ffee00",
        slots={"doelgroep": "leerling"},
        latest_message={"text": "/" + intent, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
        events=list(events) + [thumbs],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


async def record(tmp_path, monkeypatch, events, intent="feedback_positive"):
    path = tmp_path / "feedback.jsonl"
    monkeypatch.setenv("FEEDBACK_PATH", str(path))
    dispatcher = CollectingDispatcher()
    result = await ActionRecordFeedback().run(dispatcher, tracker(events, intent), {})
    lines = path.read_text().splitlines() if path.exists() else []
    return [json.loads(line) for line in lines], [m["response"] for m in dispatcher.messages], result


THUMBS = [("feedback_positive", True, "utter_feedback_thanks"), ("feedback_negative", False, "utter_feedback_sorry")]


@pytest.mark.parametrize("intent, useful, reply", THUMBS)
async def test_an_answer_to_the_question_is_recorded(tmp_path, monkeypatch, intent, useful, reply):
    records, replies, events = await record(tmp_path, monkeypatch, ANSWER_AND_QUESTION, intent)
    assert len(records) == 1
    assert records[0] == {
        "day": records[0]["day"],
        "useful": useful,
        "answer": "action_answer_salary",
        "doelgroep": "leerling",
    }
    assert replies == [reply] and events == []


@pytest.mark.parametrize(
    "history",
    [
        [],  # straight away, without any question
        [user("hoi"), bot("utter_greet"), action("action_listen")],
        # the question was asked, but a turn ago: the second thumbs up is not recorded
        ANSWER_AND_QUESTION + [user("/feedback_positive"), bot("utter_feedback_thanks"), action("action_listen")],
        ANSWER_AND_QUESTION + [user("wat doet een lasser?"), bot("utter_job"), action("action_listen")],
    ],
)
async def test_unasked_thumbs_get_the_same_reply_but_write_nothing(tmp_path, monkeypatch, history):
    records, replies, _ = await record(tmp_path, monkeypatch, history)
    assert records == []
    assert replies == ["utter_feedback_thanks"]


async def test_a_thousand_unasked_thumbs_write_nothing(tmp_path, monkeypatch):
    history = list(ANSWER_AND_QUESTION)
    for _ in range(1000):
        history += [user("/feedback_positive"), bot("utter_feedback_thanks"), action("action_listen")]
    records, _, _ = await record(tmp_path, monkeypatch, history)
    assert records == []


def test_only_the_bot_turn_right_before_counts():
    assert feedback_was_asked(tracker(ANSWER_AND_QUESTION))
    assert not feedback_was_asked(tracker([bot("utter_ask_feedback")] + [user("x"), bot("utter_default")]))
