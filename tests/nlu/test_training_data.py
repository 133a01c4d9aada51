"""The training data: enough examples per intent, and no two that are nearly the same."""

import collections

from overlap import masked
from rapidfuzz import fuzz, process
from rasa.shared.nlu.training_data.loading import load_data

from occupations.config import PROJECT_ROOT

MIN_EXAMPLES_PER_INTENT = 25
NEAR_DUPLICATE = 95.0


def without_occupations(example) -> str:
    """Occupation names as X, so 'wat doet een X' is one template; other entities stay."""
    return masked(example, entity_types={"beroep"})


def intent_examples():
    return load_data(str(PROJECT_ROOT / "data" / "nlu")).intent_examples


def test_every_intent_has_enough_examples():
    counts = collections.Counter(example.get("intent") for example in intent_examples())
    too_few = {intent: n for intent, n in counts.items() if n < MIN_EXAMPLES_PER_INTENT}
    assert len(counts) >= 27 and not too_few, too_few


def test_no_two_training_examples_are_near_duplicates():
    examples = intent_examples()
    texts = [without_occupations(example) for example in examples]
    scores = process.cdist(texts, texts, scorer=fuzz.ratio)
    pairs = [
        (examples[i].get("text"), examples[j].get("text"))
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if scores[i][j] >= NEAR_DUPLICATE and len(texts[i]) >= 4
    ]
    assert not pairs, f"{len(pairs)} near-duplicate pairs, e.g. {pairs[:5]}"
