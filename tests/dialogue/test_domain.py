"""The domain holds every response the actions use, with a plain-Dutch parent variation for each."""

import importlib
import inspect
import pkgutil
import re

import pytest
import yaml
from rasa_sdk import Action
from readability import flesch_douma

import actions
from occupations.config import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
RESPONSES = DOMAIN["responses"]
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
PARENT_READING_EASE_MIN = 55.0  # each parent text; plain B1 Dutch scores roughly 60 and up
PARENT_READING_EASE_MEAN_MIN = 65.0


def parent_variation(name):
    for variation in RESPONSES[name]:
        for condition in variation.get("condition") or []:
            if condition.get("name") == "doelgroep" and condition.get("value") == "ouder":
                return variation
    return None


def action_classes():
    for module_info in pkgutil.iter_modules(actions.__path__):
        module = importlib.import_module(f"actions.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Action) and cls.__module__ == module.__name__ and not inspect.isabstract(cls):
                yield cls


def response_names_in_actions() -> set:
    """Every response name the actions write, wherever it stands (both branches of an `if` too)."""
    used = set()
    for path in (PROJECT_ROOT / "actions").glob("*.py"):
        used |= set(re.findall(r'"(utter_\w+)"', path.read_text(encoding="utf-8")))
    return used - {"utter_action"}  # a key of Rasa's bot-event metadata, not a response


def test_every_response_an_action_names_is_in_the_domain():
    used = response_names_in_actions()
    assert {"utter_salary", "utter_salary_broader", "utter_ask_feedback"} <= used, "both branches are seen"
    assert used - set(RESPONSES) == set()


def test_every_custom_action_in_the_domain_is_implemented():
    implemented = set()
    for cls in action_classes():
        implemented.add(cls().name())
    declared = {name for name in DOMAIN["actions"]}
    assert declared - implemented == set()


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_every_response_has_a_parent_variation_that_says_u(name):
    variation = parent_variation(name)
    assert variation is not None, f"{name} has no variation for doelgroep: ouder"
    assert not INFORMAL.search(variation["text"]), f"{name}: parents are addressed with 'u'"


# The greeting asks a pupil who they are; a parent is already known, so no buttons there.
BUTTONS_FOR_PUPILS_ONLY = {"utter_greet"}


@pytest.mark.parametrize("name", sorted(set(RESPONSES) - BUTTONS_FOR_PUPILS_ONLY))
def test_parents_get_the_same_buttons(name):
    """On WhatsApp the buttons are the easy way on; parents must not lose them."""
    payloads = [[b["payload"] for b in v.get("buttons") or []] for v in RESPONSES[name]]
    assert all(p == payloads[0] for p in payloads), f"{name}: buttons differ between variations: {payloads}"


def test_parent_texts_are_plain_dutch():
    scores = {name: flesch_douma(parent_variation(name)["text"]) for name in RESPONSES}
    print("Flesch-Douma of parent variations:", {k: round(v) for k, v in sorted(scores.items(), key=lambda i: i[1])})
    too_hard = {name: round(score) for name, score in scores.items() if score < PARENT_READING_EASE_MIN}
    assert not too_hard
    assert sum(scores.values()) / len(scores) >= PARENT_READING_EASE_MEAN_MIN


def test_readability_formula_separates_easy_from_hard_text():
    easy = "Ik ben Sam. Ik werk in de bouw. Het is leuk werk."
    hard = (
        "Gedurende de professionaliseringsperiode werden arbeidsmarktgerelateerde "
        "competentieontwikkelingstrajecten geïmplementeerd binnen organisatieonderdelen."
    )
    assert flesch_douma(easy) > 80 > 20 > flesch_douma(hard)


def test_no_response_is_defined_twice():
    """YAML keeps the last of two equal keys without a word: a second `utter_x` would silently
    replace the first one's wording everywhere."""
    names = re.findall(r"^  (utter_\w+):", (PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
