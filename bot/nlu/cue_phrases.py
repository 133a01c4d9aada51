"""Intent cue phrases: a few unambiguous Dutch question openings decide the intent.

DIET learns an intent from the words around an occupation, but an occupation it has rarely
seen ("wat doet een plaatwerker?") can pull it towards another intent. Questions that start
with "wat doet een", "hoe word ik" or "hoeveel verdient" are not ambiguous in Dutch, so
when exactly one cue matches and DIET is not sure of something else, the cue wins.
"""
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

CUES = {
    "ask_job_description": [
        r"^(en |maar )?(wat|wa) (doet|doen|doe) (een|je|jij|die|dat|de|zo'?n|men)\b",
        r"\bhoe ziet (een|de|je|zo'?n) (werk)?dag\b",
    ],
    "ask_route": [
        r"^(en |maar )?hoe (word|wordt|worden) (ik|je|jij|u|men|iemand|mijn|onze|ons)\b",
        r"\bwelke opleiding (heb|moet|is|voor)\b",
    ],
    "ask_salary": [
        r"\b(wat|hoeveel|hoe veel) (verdien|verdient|verdienen|cash|cashen|vang|vangt)\b",
    ],
    "ask_story": [
        r"\b(verhaal|verhalen|rolmodel|rolmodellen)\b",
    ],
    "compare_occupations": [
        r"\b(vergelijk\w*|vergeleken|verschil tussen|versus|vs)\b",
    ],
}
COMPILED = {intent: [re.compile(p, re.IGNORECASE) for p in patterns] for intent, patterns in CUES.items()}


def cue_intent(text: str) -> Optional[str]:
    """The single intent whose cue the text matches, or None (no cue, or cues disagree)."""
    matched = {intent for intent, patterns in COMPILED.items() if any(p.search(text) for p in patterns)}
    return matched.pop() if len(matched) == 1 else None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CuePhraseIntentClassifier(GraphComponent):
    """Runs after DIET; overrides its intent only for an unambiguous cue phrase."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # DIET keeps its answer when it is at least this sure of it.
        return {"keep_above": 0.95}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.keep_above = config["keep_above"]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CuePhraseIntentClassifier":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = message.get(INTENT) or {}
            cue = cue_intent(text) if not text.startswith("/") else None
            if cue is None or intent.get("name") == cue or (intent.get("confidence") or 0) >= self.keep_above:
                continue
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != cue]
            message.set(INTENT, {"name": cue, "confidence": 1.0}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": cue, "confidence": 1.0}] + ranking, add_to_output=True)
        return messages
