"""Which myth, school topic, sector or interest a message is about when no keyword names it.

The keyword lists in the curated CSVs find a topic named plainly ("vies werk", "bbl"). People also
write "mijn vriendinnen lachen me uit omdat ik techniek wil" or "hij moet kiezen profiel". For them
a classifier guesses the topic: word and character n-grams (bot/nlu/ngram_model.py's features)
with a one-vs-rest logistic regression, trained on varied example messages per topic in pupil,
parent and mentor voices (data/topics/examples.csv) and on each topic's keywords. It is asked only
when the NLU took the message for a topic question and no keyword matched; only a confident guess
is used, else the action asks, as before.

The examples were written for this purpose and are never taken from tests/conversations.
"""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Tuple

from sklearn.pipeline import Pipeline

from bot.nlu.ngram_model import build_model
from occupations.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "topics" / "examples.csv"
KINDS = ("myth", "education", "sector", "interest")
# Chosen on a quarter of the examples held out (docs/nlu.md): of those no keyword matched, the
# classifier is this sure of about 4 in 10, and right about 9 in 10 of those.
CONFIDENT = 0.4
# A topic of another kind than the NLU's intent ("is er werk?" taken for a sector question, guessed
# to be the myth "no work in technology") needs more certainty than one of the same kind.
CONFIDENT_OTHER_KIND = 0.6
# Who asks is no evidence of a topic: "ik ben een meisje" or "mijn dochter" must not by itself lead
# to the myth about girls, when "ik ben een jongen" would not (tests/actions/test_fairness.py).
WHO_ASKS = re.compile(r"\b(meisje|meid|jongen|gast|zoon|zoontje|dochter|dochtertje)\b", re.IGNORECASE)
MODEL_CONFIG = {"C": 30.0, "max_char_ngram": 5, "solver": "liblinear"}


class TopicExamplesError(ValueError):
    """The examples file is missing or has a row that cannot be used."""


@dataclass(frozen=True)
class TopicGuess:
    kind: str
    key: str
    probability: float


def read_examples(path: Path = EXAMPLES) -> List[Tuple[str, str]]:
    """(label, text) pairs; the label is "kind:key"."""
    if not path.exists():
        raise TopicExamplesError(f"{path.name}: the topic examples file is missing")
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            kind, key, text = ((row.get(column) or "").strip() for column in ("kind", "topic", "text"))
            if kind not in KINDS or not key or not text:
                raise TopicExamplesError(f"{path.name}, line {line}: expected kind ({'/'.join(KINDS)}), topic and text")
            pairs.append((f"{kind}:{key}", text))
    return pairs


def keyword_examples(repository: Repository) -> List[Tuple[str, str]]:
    """Each topic's keywords as short examples: the keyword lists stay features of the classifier."""
    return [
        (f"{kind}:{key}", keyword)
        for kind in KINDS
        for key, row in repository.catalog.curated[kind].items()
        for keyword in row.keywords
    ]


def prepared(text: str) -> str:
    return WHO_ASKS.sub(" ", text.lower())


def train(pairs: List[Tuple[str, str]]) -> Pipeline:
    return build_model(MODEL_CONFIG).fit([prepared(text) for _, text in pairs], [label for label, _ in pairs])


@lru_cache(maxsize=1)
def classifier(repository: Repository) -> Pipeline:
    """Trained once per process on first use, in about a second."""
    return train(read_examples() + keyword_examples(repository))


def guess_topic(repository: Repository, text: str, expected_kind: str = "") -> Optional[TopicGuess]:
    """The topic the message is most likely about, when the guess is confident enough; a topic of
    another kind than `expected_kind` (the NLU's) needs more confidence."""
    model = classifier(repository)
    probabilities = model.predict_proba([prepared(text)])[0]
    best = int(probabilities.argmax())
    kind, key = model.classes_[best].split(":", 1)
    needed = CONFIDENT if kind == expected_kind or not expected_kind else CONFIDENT_OTHER_KIND
    if probabilities[best] < needed:
        return None
    return TopicGuess(kind, key, float(probabilities[best]))
