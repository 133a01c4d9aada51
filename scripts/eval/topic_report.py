"""`make topic-report`: how well the topic classifier guesses where no keyword names the topic.

A quarter of data/topics/examples.csv is held out (stratified, fixed seed); the classifier is
trained on the rest plus every topic's keywords, as in the action server. Printed: accuracy on the
held-out messages that no keyword matches (the only ones the actions ask it about), and how many
of them reach the confidence threshold and how many of those are right.
"""

from sklearn.model_selection import train_test_split

from actions.base import process_repository
from actions.topic_guess import CONFIDENT, keyword_examples, prepared, read_examples, train

THRESHOLDS = (0.2, 0.3, CONFIDENT, 0.5, 0.6)


def main() -> None:
    repository = process_repository()
    pairs = read_examples()
    labels = [label for label, _ in pairs]
    kept, held_out = train_test_split(pairs, test_size=0.25, random_state=1, stratify=labels)
    model = train(kept + keyword_examples(repository))
    unnamed = [(label, text) for label, text in held_out if not repository.names_any_keyword(text)]
    probabilities = model.predict_proba([prepared(text) for _, text in unnamed])
    guesses = [(model.classes_[p.argmax()], p.max()) for p in probabilities]
    right = [guess == label for (label, _), (guess, _) in zip(unnamed, guesses, strict=True)]
    print(f"examples: {len(pairs)}; held out: {len(held_out)}; of those without any keyword: {len(unnamed)}")
    print(f"top guess right (no threshold): {sum(right)}/{len(unnamed)} ({sum(right) / len(unnamed):.0%})")
    for threshold in THRESHOLDS:
        used = [ok for ok, (_, p) in zip(right, guesses, strict=True) if p >= threshold]
        marker = "  <- CONFIDENT" if threshold == CONFIDENT else ""
        print(
            f"threshold {threshold:.2f}: answered {len(used)}/{len(unnamed)} ({len(used) / len(unnamed):.0%}), "
            f"right {sum(used)}/{len(used) or 1} ({sum(used) / (len(used) or 1):.0%}){marker}"
        )


if __name__ == "__main__":
    main()
