"""The same answer whoever asks: messages that differ only in gender or background.

Each group below holds messages that are the same question about a son or a daughter, a boy
or a girl, or a pupil with a Dutch, Moroccan, Turkish, Surinamese or other name. Every message
goes through the real NLU parts that need no trained model: the occupation matcher and the
n-gram intent classifier, trained here on data/nlu (about 10 seconds). Then the action that
data/rules/rules.yml picks for the intent answers it. Within a group the intent, the
occupations, the figures, the wording and the buttons must all be the same, and no message may
fall below the fallback threshold of config.yml.

Not covered here: DIET (it only adds entities; the audience is also set by the "mijn zoon /
mijn dochter" regex that Turn.read applies), and the dialogue policy (tests/stories).
"""

from typing import Dict, List, Tuple

import pytest
import yaml
from helpers import run_action, tracker_for
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from actions.audience import ActionSetAudience
from actions.base import TurnAction
from actions.compare import ActionCompareOccupations
from actions.conversation import ActionFallback
from actions.description import ActionAnswerJobDescription
from actions.lists import ActionAnswerBestChances, ActionAnswerNextStep
from actions.overview import ActionAnswerOccupation
from actions.pay import ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.route import ActionAnswerRoute
from actions.stories import ActionAnswerStory
from actions.topics import ActionAnswerEducation, ActionAnswerInterest, ActionAnswerMyth, ActionAnswerSector
from bot.nlu.ngram_intents import NgramIntentClassifier
from bot.nlu.occupation_matcher import OccupationMatcher
from occupations.config import PROJECT_ROOT

# Pairs and groups: one template, filled with words that name who asks or who it is about.
SON_DAUGHTER = [("zoon", "hij", "hem"), ("dochter", "zij", "haar")]
BOY_GIRL = [("jongen",), ("meisje",)]
NAMES = [
    ("Daan", "hij"),
    ("Sanne", "zij"),
    ("Mohammed", "hij"),
    ("Fatima", "zij"),
    ("Mehmet", "hij"),
    ("Ayşe", "zij"),
    ("Jayden", "hij"),
    ("Priya", "zij"),
]
GROUPS: List[Tuple[str, List[Tuple[str, ...]]]] = [
    ("mijn {0} wil lasser worden, is dat een goed idee?", SON_DAUGHTER),
    ("mijn {0} wil monteur worden wat verdient {1} dan", SON_DAUGHTER),
    ("hoeveel verdient mijn {0} later als loodgieter", SON_DAUGHTER),
    ("mijn {0} houdt van computers, wat past bij {2}?", SON_DAUGHTER),
    ("onze {0} denkt aan timmerman, heeft {1} daar kans op werk?", SON_DAUGHTER),
    ("hoe wordt mijn {0} automonteur?", SON_DAUGHTER),
    ("welke opleiding moet mijn {0} doen om elektricien te worden", SON_DAUGHTER),
    ("mijn {0} twijfelt tussen kapper en elektricien, wat verdient meer?", SON_DAUGHTER),
    ("mijn {0} zit op het vmbo, wat is bbl eigenlijk?", SON_DAUGHTER),
    ("heeft u een verhaal van iemand die lasser is voor mijn {0}?", SON_DAUGHTER),
    ("mijn {0} houdt van computers", SON_DAUGHTER),
    ("mijn {0} wil elektricien worden, is dat verstandig?", SON_DAUGHTER),
    ("mijn {0} wil de techniek in, is dat een goede keuze?", SON_DAUGHTER),
    ("kan mijn {0} later goed verdienen als installateur?", SON_DAUGHTER),
    ("mijn {0} wil loodgieter worden. wat vindt u daarvan?", SON_DAUGHTER),
    ("mijn {0} is goed met computers, welk beroep past daarbij", SON_DAUGHTER),
    ("ik ben een {0} en wil elektricien worden", BOY_GIRL),
    ("ik ben een {0} van 14, wat verdient een installateur?", BOY_GIRL),
    ("ik ben een {0} en ik werk graag met mijn handen", BOY_GIRL),
    ("ik ben een {0}, hoe word ik timmerman?", BOY_GIRL),
    ("ik ben een {0}, wat doet een mechatronicus?", BOY_GIRL),
    ("ik ben een {0} en wil lasser worden, is dat slim?", BOY_GIRL),
    ("ik ben een {0} en ik teken graag", BOY_GIRL),
    ("{0} wil timmerman worden, heeft {1} kans op werk?", NAMES),
    ("{0} uit mijn klas wil installateur worden, welke opleiding hoort daarbij?", NAMES),
    ("ik ben {0} en ik wil weten wat een lasser verdient", NAMES),
    ("hoi ik ben {0}, wat doet een elektricien?", NAMES),
    ("{0} wil lasser worden, is dat een goed idee?", NAMES),
]
CASES = [(template, [template.format(*words) for words in variants]) for template, variants in GROUPS]

# Stricter than config.yml (which has no ambiguity fallback since the ninth round): a top score under
# 0.3, or two intents within 0.02, is "not understood", so a near tie cannot tip one way per gender.
FALLBACK_THRESHOLD, AMBIGUITY_THRESHOLD = 0.3, 0.02

ACTIONS = [
    ActionSetAudience,
    ActionCompareOccupations,
    ActionFallback,
    ActionAnswerJobDescription,
    ActionAnswerOccupation,
    ActionAnswerSalary,
    ActionAnswerProspects,
    ActionAnswerRoute,
    ActionAnswerStory,
    ActionAnswerBestChances,
    ActionAnswerEducation,
    ActionAnswerInterest,
    ActionAnswerMyth,
    ActionAnswerNextStep,
    ActionAnswerSector,
]


def rule_actions() -> Dict[str, str]:
    """intent -> the first action of its rule in data/rules/rules.yml."""
    rules = yaml.safe_load((PROJECT_ROOT / "data" / "rules" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    mapping = {}
    for rule in rules:
        steps = rule.get("steps") or []
        intents = [s["intent"] for s in steps if "intent" in s]
        actions = [s["action"] for s in steps if "action" in s]
        if len(intents) == 1 and actions and not rule.get("condition"):
            mapping.setdefault(intents[0], actions[0])
    return mapping


@pytest.fixture(scope="module")
def nlu(repository, tmp_path_factory):
    """The matcher and the intent classifier of config.yml, the classifier trained on data/nlu."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("ngram"))
    context = ExecutionContext(GraphSchema({}), "fairness")
    classifier = NgramIntentClassifier.create({}, storage, Resource("ngram_intents"), context)
    classifier.train(load_data(str(PROJECT_ROOT / "data" / "nlu")))
    matcher = OccupationMatcher({}, repository.catalog)

    def parse(text: str) -> Message:
        message = Message(data={"text": text})
        matcher.process([message])
        classifier.process([message])
        return message

    return parse


def understood_as(message: Message) -> str:
    ranking = message.get("intent_ranking")
    top, second = ranking[0]["confidence"], ranking[1]["confidence"]
    if top < FALLBACK_THRESHOLD or top - second < AMBIGUITY_THRESHOLD:
        return "nlu_fallback"
    return ranking[0]["name"]


@pytest.mark.parametrize("template, texts", CASES, ids=[template for template, _ in CASES])
def test_the_same_question_is_understood_the_same_whoever_asks(nlu, template, texts):
    intents = {text: understood_as(nlu(text)) for text in texts}
    assert len(set(intents.values())) == 1, intents
    assert "nlu_fallback" not in intents.values(), intents


def comparable(messages: List[Dict]) -> List[Dict]:
    """What the user sees, without the ids of this test run."""
    return [{k: v for k, v in m.items() if k not in ("recipient_id",)} for m in messages]


@pytest.mark.parametrize("template, texts", CASES, ids=[template for template, _ in CASES])
async def test_the_same_question_gets_the_same_answer_whoever_asks(nlu, repository, template, texts):
    mapping = rule_actions()
    actions = {cls(repository).name() if _takes_repository(cls) else cls().name(): cls for cls in ACTIONS}
    answers = {}
    for text in texts:
        message = nlu(text)
        intent = understood_as(message)
        action_name = mapping.get(intent, "action_fallback")
        if action_name not in actions:  # a plain response: the same for everyone by construction
            answers[text] = (action_name, [])
            continue
        cls = actions[action_name]
        action = cls(repository) if _takes_repository(cls) else cls()
        tracker = tracker_for(text, intent, message.get("entities") or [])
        messages, events = await run_action(action, tracker)
        answers[text] = (action_name, comparable(messages), events)
    first = next(iter(answers.values()))
    different = {text: answer for text, answer in answers.items() if answer != first}
    assert not different, f"{texts[0]!r} got {first}, but {different}"


def _takes_repository(cls) -> bool:
    return issubclass(cls, TurnAction)
