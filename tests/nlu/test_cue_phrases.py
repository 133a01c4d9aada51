"""Cue phrases decide only unambiguous question openings, and only when DIET is unsure."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.cue_phrases import CuePhraseIntentClassifier, cue_intent


@pytest.mark.parametrize("text, intent", [
    ("wat doet een plaatwerker?", "ask_job_description"),
    ("en wat doe je dan als monteur", "ask_job_description"),
    ("hoe word ik elektricien", "ask_route"),
    ("Hoe wordt mijn dochter timmerman?", "ask_route"),
    ("hoeveel verdient een lasser", "ask_salary"),
    ("wat cash je als developer", "ask_salary"),
    ("heb je een verhaal van een vrouw in de bouw", "ask_story"),
    ("vergelijk kapper en lasser", "compare_occupations"),
])
def test_cues(text, intent):
    assert cue_intent(text) == intent


@pytest.mark.parametrize("text", [
    "is techniek slecht betaald",          # a myth, no cue
    "wat verdient een kapper vergeleken met een lasser",  # two cues disagree
    "hoi", "ik werk graag buiten",
])
def test_no_cue_or_conflicting_cues(text):
    assert cue_intent(text) is None


def classify(text, intent, confidence):
    message = Message({"text": text, "intent": {"name": intent, "confidence": confidence},
                       "intent_ranking": [{"name": intent, "confidence": confidence}]})
    CuePhraseIntentClassifier({"keep_above": 0.95}).process([message])
    return message.get("intent")["name"]


def test_cue_overrides_an_unsure_classifier():
    assert classify("wat doet een plaatwerker?", "compare_occupations", 0.6) == "ask_job_description"


def test_a_sure_classifier_and_button_payloads_are_left_alone():
    assert classify("wat doet een plaatwerker?", "compare_occupations", 0.99) == "compare_occupations"
    assert classify('/ask_salary{"occupation_id": "x"}', "ask_salary", 0.5) == "ask_salary"
