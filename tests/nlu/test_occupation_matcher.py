"""The occupation matcher as Rasa runs it: built from a pipeline config by the default recipe.

Only the occupations database is needed (the session fixtures of tests/conftest.py), no
trained model: the component has nothing to train.
"""

import jsonschema
import pytest
from rasa.core.channels import UserMessage
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.data import TrainingType
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.utils.schemas.events import EVENTS_SCHEMA

from bot.nlu.occupation_matcher import OccupationMatcher
from occupations.catalog import DatabaseNotBuilt
from occupations.matching import find

MATCHER = "bot.nlu.occupation_matcher.OccupationMatcher"


def pipeline_config(database_url):
    return {
        "recipe": "default.v1",
        "language": "nl",
        "pipeline": [{"name": "WhitespaceTokenizer"}, {"name": MATCHER, "database_url": database_url}],
    }


@pytest.fixture(scope="module")
def graph(database_url):
    return DefaultV1Recipe().graph_config_for_recipe(pipeline_config(database_url), {}, training_type=TrainingType.NLU)


@pytest.fixture(scope="module")
def parse(graph, tmp_path_factory):
    """Runs the predict graph the recipe made (tokenizer, matcher) and returns the parse result."""
    schema = graph.predict_schema
    storage = LocalModelStorage(tmp_path_factory.mktemp("model_storage"))
    runner = DaskGraphRunner(schema, storage, ExecutionContext(schema, "test"))
    matcher_node = next(name for name, node in schema.nodes.items() if node.uses is OccupationMatcher)

    def run(text):
        [message] = runner.run(inputs={"__message__": [UserMessage(text)]}, targets=[matcher_node])[matcher_node]
        return message.as_dict(only_output_properties=True)

    return run


@pytest.fixture(scope="module")
def matcher(graph, database_url, tmp_path_factory):
    return OccupationMatcher.create(
        {"database_url": database_url},
        LocalModelStorage(tmp_path_factory.mktemp("m")),
        Resource("matcher"),
        ExecutionContext(graph.predict_schema, "test"),
    )


def occupation_entities(parse_data):
    return [e for e in parse_data.get("entities", []) if e["entity"] == "beroep"]


def test_the_recipe_runs_it_only_at_prediction_so_training_data_is_untouched(graph):
    assert not [node for node in graph.train_schema.nodes.values() if node.uses is OccupationMatcher]
    assert [node for node in graph.predict_schema.nodes.values() if node.uses is OccupationMatcher]


def test_a_typo_is_marked_where_it_was_typed_with_the_occupation_id(parse, catalog):
    text = "hoeveel verdient een lasster?"
    [entity] = occupation_entities(parse(text))
    assert (entity["start"], entity["end"], entity["value"]) == (21, 28, "lasster")
    assert entity["occupation_id"] == find(catalog, "lasser").best.occupation_id
    assert catalog.occupations[entity["occupation_id"]].name == "lasser"
    assert entity["extractor"] == "OccupationMatcher"
    assert 0.0 < entity["confidence_entity"] <= 1.0
    assert "candidates" not in entity


def test_two_names_give_two_entities_in_message_order(parse, catalog):
    text = "Verdient een Kapper meer dan een timmerman, denk je?"
    entities = occupation_entities(parse(text))
    assert [text[e["start"] : e["end"]] for e in entities] == [e["value"] for e in entities] == ["Kapper", "timmerman"]
    assert [catalog.occupations[e["occupation_id"]].name for e in entities] == ["kapper", "timmerman"]


def test_a_vague_name_gives_ranked_candidates_and_no_occupation_id(parse, catalog):
    [entity] = occupation_entities(parse("wat verdient een monteur"))
    assert entity["value"] == "monteur"
    assert "occupation_id" not in entity
    assert 2 <= len(entity["candidates"]) <= 5
    assert entity["candidates"] == [m.occupation_id for m in find(catalog, "monteur").matches][:5]


def test_a_message_without_an_occupation_has_no_entity(parse):
    assert occupation_entities(parse("hoi, hoe gaat het met je?")) == []


@pytest.mark.parametrize("text", ["spreek je later", "ik vind technische dingen leuk", "werkt dat in de haven?"])
def test_words_that_only_look_like_a_name_are_no_entity(text, parse):
    assert occupation_entities(parse(text)) == []


def test_a_typo_fitting_several_names_counts_only_where_the_sentence_puts_an_occupation(matcher):
    in_place, elsewhere = Message(data={"text": "wat verdient een mecanicien"}), Message(data={"text": "mecanicien"})
    matcher.process([in_place, elsewhere])
    assert elsewhere.get("entities") == []
    [entity] = in_place.get("entities")
    assert entity["extractor"] == "OccupationMatcher" and entity["candidates"] and "occupation_id" not in entity


@pytest.mark.parametrize(
    "text, word",
    [
        ("ik wil later youtuber worden", "youtuber"),
        ("wat verdient een tiktokker?", "tiktokker"),
        ("werken als gamer", "gamer"),
    ],
)
def test_a_word_in_an_occupations_place_that_the_table_does_not_know_is_an_unknown_occupation(text, word, matcher):
    message = Message(data={"text": text})
    matcher.process([message])
    [entity] = message.get("entities")
    assert entity["value"] == word and "occupation_id" not in entity and "candidates" not in entity


@pytest.mark.parametrize(
    "text", ["ik wil rijk worden", "ik wil later iets met techniek worden", "wat verdient een beetje"]
)
def test_ordinary_words_in_an_occupations_place_are_no_occupation(text, matcher):
    message = Message(data={"text": text})
    matcher.process([message])
    assert message.get("entities") == []


@pytest.mark.parametrize(
    "text, key", [("hoeveel verdient een lasster?", "occupation_id"), ("wat verdient een monteur", "candidates")]
)
def test_the_extra_keys_survive_into_the_tracker_the_actions_get(text, key, parse):
    """The actions read occupation_id and candidates from the latest message: Rasa must keep them."""
    parse_data = parse(text)
    event = UserUttered(text, parse_data.get("intent"), parse_data["entities"], parse_data).as_dict()
    jsonschema.validate([event], EVENTS_SCHEMA)  # what rasa/server.py and the action response check
    tracker = DialogueStateTracker.from_events("pupil", [Event.from_parameters(event)])
    [entity] = tracker.current_state()["latest_message"]["entities"]
    assert entity[key] == occupation_entities(parse_data)[0][key]


def test_process_adds_to_the_entities_of_earlier_extractors(matcher):
    earlier = {"entity": "doelgroep", "start": 0, "end": 9, "value": "ouder"}
    message = Message(data={"text": "mijn zoon wil lasser worden", "entities": [earlier]})
    matcher.process([message])
    assert [e["entity"] for e in message.get("entities")] == ["doelgroep", "beroep"]


def test_a_missing_database_names_the_build_command(tmp_path, graph):
    with pytest.raises(DatabaseNotBuilt, match="python -m occupations build"):
        OccupationMatcher.create(
            {"database_url": f"sqlite:///{tmp_path / 'empty.sqlite'}"},
            LocalModelStorage(tmp_path),
            Resource("matcher"),
            ExecutionContext(graph.predict_schema, "test"),
        )
