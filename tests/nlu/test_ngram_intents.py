"""The n-gram intent classifier: masking, training, saving and loading through Rasa's model storage."""

import pytest
import skops.io as sio
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.ngram_intents import MODEL_FILE, OCCUPATION_PLACEHOLDER, NgramIntentClassifier, masked_text

P = OCCUPATION_PLACEHOLDER


def occupation(text, name):
    start = text.index(name)
    return {"entity": "beroep", "start": start, "end": start + len(name), "value": name}


def test_occupations_are_masked_and_other_entities_kept():
    text = "Verdient een Lasser meer dan mijn zoon als kapper?"
    entities = [
        occupation(text, "Lasser"),
        occupation(text, "kapper"),
        {"entity": "doelgroep", "start": 29, "end": 38, "value": "ouder"},
    ]
    assert masked_text(text, entities).split() == ["verdient", "een", P, "meer", "dan", "mijn", "kind", "als", P, "?"]


def test_gendered_words_reach_the_classifier_as_one_neutral_word():
    son = masked_text("mijn zoon wil lasser worden, kan hij dat?", [])
    daughter = masked_text("mijn dochter wil lasser worden, kan zij dat?", [])
    assert son == daughter and "zoon" not in son and "dochter" not in daughter


def test_a_name_found_by_two_extractors_is_masked_once():
    text = "hoe word ik lasser"
    entities = [occupation(text, "lasser"), occupation(text, "lasser")]
    assert masked_text(text, entities).split() == ["hoe", "word", "ik", P]


def test_overlapping_names_from_two_extractors_are_masked_as_one():
    text = "wat doet een monteur elektrische installaties?"
    shorter = occupation(text, "monteur elektrische")
    assert masked_text(text, [shorter, occupation(text, "monteur elektrische installaties")]).split() == [
        "wat",
        "doet",
        "een",
        P,
        "?",
    ]


def test_repeated_letters_are_shortened():
    assert masked_text("heeeeeel vettt", []) == "heel vett"


TRAINING = {
    "ask_salary": ["hoeveel verdient een {}", "wat cash je als {}", "salaris {}", "wat is het loon van een {}"],
    "ask_route": ["hoe word ik {}", "welke opleiding voor {}", "hoe kan ik {} worden", "wat moet ik leren voor {}"],
    "greet": ["hoi", "hallo", "goedemorgen", "hey daar"],
}
OCCUPATIONS = ["lasser", "elektricien", "timmerman", "loodgieter"]


def training_data():
    examples = []
    for intent, templates in TRAINING.items():
        for template, name in zip(templates, OCCUPATIONS, strict=True):
            text = template.format(name)
            entities = [occupation(text, name)] if "{}" in template else []
            examples.append(Message(data={"text": text, "intent": intent, "entities": entities}))
    return TrainingData(examples)


@pytest.fixture()
def storage_and_resource(tmp_path):
    return LocalModelStorage(tmp_path), Resource("ngram_intents")


def context():
    return ExecutionContext(GraphSchema({}), "test")


def test_trained_classifier_survives_saving_and_loading(storage_and_resource):
    storage, resource = storage_and_resource
    classifier = NgramIntentClassifier.create({}, storage, resource, context())
    classifier.train(training_data())
    loaded = NgramIntentClassifier.load({}, storage, resource, context())

    # An occupation that never occurred in training: the words around it decide.
    text = "hoeveel verdient een stukadoor"
    message = Message(data={"text": text, "entities": [occupation(text, "stukadoor")]})
    loaded.process([message])
    assert message.get("intent")["name"] == "ask_salary"
    ranking = message.get("intent_ranking")
    assert [r["name"] for r in ranking][0] == "ask_salary"
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6


def test_a_model_file_with_untrusted_types_is_refused(storage_and_resource):
    storage, resource = storage_and_resource
    with storage.write_to(resource) as directory:
        sio.dump({"payload": ExecutionContext}, directory / MODEL_FILE)
    with pytest.raises(Exception, match="[Uu]ntrusted"):
        NgramIntentClassifier.load({}, storage, resource, context())
