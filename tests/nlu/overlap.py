"""Find training examples that (nearly) repeat a held-out message, occupations masked."""

import re

from rapidfuzz import fuzz
from rasa.shared.nlu.training_data.loading import load_data

from occupations.config import PROJECT_ROOT

NEAR = 85.0


def masked(example, entity_types=None) -> str:
    """Lower case, no punctuation, entities (or only those of `entity_types`) as X."""
    text = example.get("text").lower()
    entities = [e for e in example.get("entities") or [] if entity_types is None or e["entity"] in entity_types]
    for entity in sorted(entities, key=lambda e: -e["start"]):
        text = text[: entity["start"]] + "X" + text[entity["end"] :]
    return re.sub(r"[^\w ]", "", text).strip()


def overlaps():
    train = [e for e in load_data(str(PROJECT_ROOT / "data" / "nlu")).training_examples if e.get("text")]
    holdout = [e for e in load_data(str(PROJECT_ROOT / "tests" / "nlu" / "holdout")).training_examples]
    held = [(masked(e), e.get("text")) for e in holdout]
    found = []
    for example in train:
        text = masked(example)
        if len(text) < 4:
            continue
        for held_text, original in held:
            if len(held_text) >= 4 and fuzz.ratio(text, held_text) >= NEAR:
                found.append((example.get("text"), original))
    return found


if __name__ == "__main__":
    for train_text, held_text in overlaps():
        print(f"{train_text!r}  ~  {held_text!r}")
