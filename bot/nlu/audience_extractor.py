"""Entity extractor: who is writing (`doelgroep`: leerling, ouder or mentor), from plain patterns.

"ik ben [docent]", "als [ouder] wil ik ...", "[mama] hier", "[mijn zoon] wil ...", "[ik zit op het
vmbo]", "voor [mijn leerlingen]". A word such as "docent" or "vader" only counts where it says who
writes, not where it is the subject of a question ("wat verdien je als docent?", "mijn vader is
lasser"). Not trained: the patterns are the definition, and tests/nlu/test_audience_extractor.py
shows what they catch and what they leave alone.
"""

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
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

from bot.nlu.audience_words import WORDS

AUDIENCE_ENTITY = "doelgroep"

FILLER = r"(?:(?:zelf|maar|gewoon|de|een|zijn|haar|hun|hier|nu|dus|echt)\s+)*"
# "ik ben (gewoon) een leerling", "wij zijn ouders", "ikke leerling", "ben docent".
SAYS_WHO = r"\b(?:ik\s+ben|ikke|ben|wij\s+zijn|we\s+zijn)\s+" + FILLER
# "als ouder wil ik", "ik schrijf als vader" — but not "wat verdien je als docent".
AS_WHO = r"(?<!verdien )(?<!verdient )(?<!verdien je )(?<!verdien jij )(?<!word je )(?<!werken )\bals\s+(?:een\s+)?"
# The message opens with it: "mama hier", "vader van twee tieners", "student, eerste jaar".
OPENS_WITH = r"^\W*"
OPENING_END = r"(?=\s*(?:$|[,.!?:]|hier\b|van\b|uit\b|op\b|en\s+ik\b|techniek\b|nederlands\b))"

PATTERNS = [(value, re.compile(SAYS_WHO + rf"(?P<who>(?:{words}))\b", re.IGNORECASE)) for value, words in WORDS.items()]
PATTERNS += [(value, re.compile(AS_WHO + rf"(?P<who>(?:{words}))\b", re.IGNORECASE)) for value, words in WORDS.items()]
PATTERNS += [
    (value, re.compile(OPENS_WITH + rf"(?P<who>(?:{words}))" + OPENING_END, re.IGNORECASE))
    for value, words in WORDS.items()
]
PATTERNS += [
    (
        "ouder",
        re.compile(
            r"(?P<who>\b(?:mijn|m'n|mn|onze|ons)\s+(?:zoon|zoontje|dochter|dochtertje|kind|kinderen|puber|tiener)s?)\b",
            re.IGNORECASE,
        ),
    ),
    # WhatsApp style without "mijn": "zoon wil op booreiland werken", "dochter 14 jaar".
    ("ouder", re.compile(r"(?:^|[.!?]\s*)\W*(?P<who>(?:zoon|dochter))\b(?!\s+van\s+(?:mijn|de|een)\b)", re.IGNORECASE)),
    ("leerling", re.compile(r"(?P<who>\bik\s+zit\s+(?:op\s+het|in)\s+(?:vmbo|mbo|de\s+brugklas)\b)", re.IGNORECASE)),
    (
        "mentor",
        re.compile(
            r"(?P<who>\b(?:mijn|onze)\s+(?:mentor)?(?:leerlingen|mentorklas|mentorleerlingen)\b)", re.IGNORECASE
        ),
    ),
]


def audience_mentions(text: str) -> List[Dict[Text, Any]]:
    """Every span that says who writes, first one first; overlapping finds count once."""
    found: List[Dict[Text, Any]] = []
    for value, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("who")
            if any(start < e[ENTITY_ATTRIBUTE_END] and e[ENTITY_ATTRIBUTE_START] < end for e in found):
                continue
            found.append(
                {
                    ENTITY_ATTRIBUTE_TYPE: AUDIENCE_ENTITY,
                    ENTITY_ATTRIBUTE_START: start,
                    ENTITY_ATTRIBUTE_END: end,
                    ENTITY_ATTRIBUTE_VALUE: value,
                    "confidence_entity": 1.0,
                }
            )
    return sorted(found, key=lambda e: e[ENTITY_ATTRIBUTE_START])


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class AudienceExtractor(GraphComponent, EntityExtractorMixin):
    """Adds a `doelgroep` entity (leerling, ouder or mentor) where a message says who writes."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "AudienceExtractor":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = audience_mentions(message.get(TEXT) or "")
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(entities), add_to_output=True)
        return messages
