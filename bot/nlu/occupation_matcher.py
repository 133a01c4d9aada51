"""Entity extractor: occupation names found by the same matcher the actions use (issue 9).

`occupations.matching.find_mentions` runs once per message. Each mention becomes a `beroep`
entity whose span is the name as typed and which already says which occupation it is:

    {"entity": "beroep", "start": 21, "end": 28, "value": "lasster", "extractor": "OccupationMatcher",
     "confidence_entity": 1.0, "occupation_id": "<ESCO id>"}

or, when the name fits several occupations ("monteur"), `"candidates": [ids, best first, at most 5]`
instead of `occupation_id`. The actions read these keys and never match the text again.

Not every mention becomes an entity: `find_mentions` also tries ordinary words fuzzily for typos,
and as an entity every such guess would be masked for the intent classifier ("spreek je later":
"later" looks like "lader"). Only clear mentions (`matching.is_clear_mention`) count, plus a typo
that fits several names ("mecanicien") where the sentence puts an occupation ("wat verdient een
mecanicien", bot/nlu/occupation_cues.py). A word in such a place that matches nothing at all
("ik wil youtuber worden") becomes a `beroep` entity with neither `occupation_id` nor `candidates`:
an occupation the table does not know.

Rasa passes extra entity keys through unchanged: the entity schema in
rasa/shared/utils/schemas/events.py does not forbid additional properties, so they reach the
tracker's UserUttered parse_data and the action server.

The component is not trainable and has no `process_training_data`, so it is not part of the
training graph at all: training data and the annotated entities stay exactly as written.
"""

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import ENTITY_ATTRIBUTE_CONFIDENCE_TYPE
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.occupation_cues import SCHOOL_ROLES, cued_spans
from occupations.catalog import Catalog, DatabaseNotBuilt, load_catalog
from occupations.matching import FindResult, find_mentions, is_clear_mention

OCCUPATION_ENTITY = "beroep"
OCCUPATION_ID = "occupation_id"
CANDIDATES = "candidates"
MAX_CANDIDATES = 5


def occupation_entity(message_text: str, mention: FindResult) -> Dict[Text, Any]:
    """One `beroep` entity for a mention: its span, the name as typed, and what it refers to."""
    entity = {
        ENTITY_ATTRIBUTE_TYPE: OCCUPATION_ENTITY,
        ENTITY_ATTRIBUTE_START: mention.start,
        ENTITY_ATTRIBUTE_END: mention.end,
        ENTITY_ATTRIBUTE_VALUE: message_text[mention.start : mention.end],
        # Match scores include ranking bonuses and can pass 100; a confidence stays within 0..1.
        ENTITY_ATTRIBUTE_CONFIDENCE_TYPE: min(mention.best.score / 100.0, 1.0),
    }
    if mention.ambiguous:
        entity[CANDIDATES] = [match.occupation_id for match in mention.matches[:MAX_CANDIDATES]]
    else:
        entity[OCCUPATION_ID] = mention.best.occupation_id
    return entity


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class OccupationMatcher(GraphComponent, EntityExtractorMixin):
    """Adds a `beroep` entity for every occupation named in a message (see the module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # None: the DATABASE_URL environment variable, else var/occupations.sqlite (as the actions).
        return {"database_url": None}

    def __init__(self, config: Dict[Text, Any], catalog: Catalog) -> None:
        self.config = config
        self.catalog = catalog

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "OccupationMatcher":
        # Rasa builds the component once when it loads the model (`load` falls back to `create`),
        # so the table is read once per process, never per message.
        config = {**cls.get_default_config(), **config}
        return cls(config, cls._load_catalog(config["database_url"]))

    @staticmethod
    def _load_catalog(database_url: Optional[str]) -> Catalog:
        try:
            return load_catalog(database_url)
        except DatabaseNotBuilt as error:
            raise DatabaseNotBuilt(
                f"OccupationMatcher needs the occupations table to find occupation names; "
                f"build it with `python -m occupations build` first. {error}"
            ) from error

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            earlier = message.get(ENTITIES, [])
            cued = cued_spans(text)
            marked = marked_spans(earlier) + cued
            speaker = [(e["start"], e["end"]) for e in earlier if e.get(ENTITY_ATTRIBUTE_TYPE) == "doelgroep"]
            mentions = [m for m in find_mentions(self.catalog, text) if not is_speaker(text, m, speaker, cued)]
            entities = [occupation_entity(text, m) for m in mentions if self._accepts(m, marked)]
            entities += unknown_entities(text, cued, mentions)
            entities.sort(key=lambda entity: entity[ENTITY_ATTRIBUTE_START])
            message.set(ENTITIES, earlier + self.add_extractor_name(entities), add_to_output=True)
        return messages

    def _accepts(self, mention: FindResult, marked: List[Tuple[int, int]]) -> bool:
        if is_clear_mention(self.catalog, mention):
            return True
        if mention.best is None or mention.best.method != "fuzzy":
            return False
        # A typo that fits several names counts where the sentence puts an occupation ("wat verdient
        # een mecanicien"). Elsewhere it is mostly an ordinary word ("later" ~ "lader"); allowing
        # long words after an article too found 7 more held-out names but 9 more false ones
        # ("de installatietechniek"), docs/nlu-pipelines.md.
        return any(start < mention.end and mention.start < end for start, end in marked)


def is_speaker(text: str, mention: FindResult, speaker: List[Tuple[int, int]], cued: List[Tuple[int, int]]) -> bool:
    """ "Ik ben decaan", "mijn mentor zegt": who writes or who advises, not the occupation asked about.
    A school role counts as an occupation only where the sentence puts one ("wat verdient een docent")."""
    if any(start < mention.end and mention.start < end for start, end in speaker):
        return True
    role = text[mention.start : mention.end].lower() in SCHOOL_ROLES
    return role and not any(start < mention.end and mention.start < end for start, end in cued)


def unknown_entities(text: str, cued: List[Tuple[int, int]], mentions: List[FindResult]) -> List[Dict[Text, Any]]:
    """A word in an occupation's place that the table does not know ("ik wil youtuber worden"): a
    `beroep` entity without occupation_id or candidates, so the answer can say it is not known."""
    return [
        {
            ENTITY_ATTRIBUTE_TYPE: OCCUPATION_ENTITY,
            ENTITY_ATTRIBUTE_START: start,
            ENTITY_ATTRIBUTE_END: end,
            ENTITY_ATTRIBUTE_VALUE: text[start:end],
            ENTITY_ATTRIBUTE_CONFIDENCE_TYPE: 1.0,
        }
        for start, end in cued
        if not any(m.start < end and start < m.end for m in mentions if m.best is not None)
    ]


def marked_spans(entities: List[Dict[Text, Any]]) -> List[Tuple[int, int]]:
    """Where earlier extractors (DIET) found an occupation name."""
    return [
        (e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
        for e in entities
        if e.get(ENTITY_ATTRIBUTE_TYPE) == OCCUPATION_ENTITY and ENTITY_ATTRIBUTE_START in e
    ]
