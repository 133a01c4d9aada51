"""The n-gram model both classifiers use: the NLU's intents (bot/nlu/ngram_intents.py) and the
actions' topics (actions/topic_guess.py). No Rasa imports, so the action server can load it."""

from typing import Any, Dict

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union


def build_model(config: Dict[str, Any]) -> Pipeline:
    """Logistic regression over character n-grams (typos, slang) and word uni- and bigrams.
    `solver` "liblinear" (one-vs-rest) trains in a second where the default takes several."""
    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, config["max_char_ngram"]), sublinear_tf=True),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
    )
    solver = config.get("solver", "lbfgs")
    return make_pipeline(features, LogisticRegression(C=config["C"], max_iter=5000, solver=solver, random_state=42))
