"""NLU parse time per message, per pipeline component, on the held-out messages.

Each component's `process` is wrapped with a timer before the model is loaded in this process,
so the figures are those of the real pipeline in the real order (the occupation matcher reads
the table the servers use).
"""

import asyncio
import collections
import time
from pathlib import Path
from typing import Dict, List

from occupations.config import PROJECT_ROOT

HOLDOUT = PROJECT_ROOT / "tests" / "nlu" / "holdout"


def holdout_texts() -> List[str]:
    from rasa.shared.nlu.training_data.loading import load_data

    return [
        example.get("text")
        for path in sorted(HOLDOUT.glob("*.yml"))
        for example in load_data(str(path)).intent_examples
    ]


def _timed_classes():
    from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer

    from bot.nlu.audience_extractor import AudienceExtractor
    from bot.nlu.ngram_intents import NgramIntentClassifier
    from bot.nlu.occupation_matcher import OccupationMatcher

    return [WhitespaceTokenizer, AudienceExtractor, OccupationMatcher, NgramIntentClassifier, FallbackClassifier]


def component_times(model: Path, rounds: int = 3) -> Dict[str, float]:
    """Milliseconds per message for each component, and for the whole parse ("total")."""
    from rasa.core.agent import load_agent

    totals: Dict[str, float] = collections.defaultdict(float)
    for cls in _timed_classes():
        original = cls.process

        def timed(self, messages, _original=original, _name=cls.__name__):
            started = time.perf_counter()
            result = _original(self, messages)
            totals[_name] += time.perf_counter() - started
            return result

        cls.process = timed

    async def parse_all():
        agent = await load_agent(str(model))
        texts = holdout_texts()
        for text in texts[:50]:  # warm-up: caches and lazy imports
            await agent.parse_message(text)
        totals.clear()
        started = time.perf_counter()
        for _ in range(rounds):
            for text in texts:
                await agent.parse_message(text)
        return (time.perf_counter() - started), len(texts) * rounds

    elapsed, count = asyncio.run(parse_all())
    per_message = {name: seconds * 1000 / count for name, seconds in totals.items()}
    per_message["total"] = elapsed * 1000 / count
    return per_message


def parse_time_lines(model: Path) -> List[str]:
    times = component_times(model)
    lines = ["", "NLU parse time per message (held-out messages, 3 rounds, in one process):", ""]
    lines += ["| component | ms per message |", "|---|---|"]
    lines += [f"| {name} | {ms:.2f} |" for name, ms in times.items()]
    return lines
