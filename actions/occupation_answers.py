"""The actions that answer one kind of question about an occupation, by action name and by intent.

Used where one answer leads to another: "en een kapper?" asks what the previous question asked,
"wat verdient een lasser en hoe word je dat?" gets both answers, and "is lassen vies werk?" gets
the myth and the welder's description.
"""

from typing import Dict, Type

from actions.base import OccupationAction
from actions.description import ActionAnswerJobDescription
from actions.pay import ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.route import ActionAnswerRoute
from actions.stories import ActionAnswerStory

ANSWER_ACTIONS = (
    ActionAnswerSalary,
    ActionAnswerProspects,
    ActionAnswerRoute,
    ActionAnswerJobDescription,
    ActionAnswerStory,
)
BY_INTENT: Dict[str, Type[OccupationAction]] = {action.intent: action for action in ANSWER_ACTIONS}
BY_NAME: Dict[str, Type[OccupationAction]] = {action().name(): action for action in ANSWER_ACTIONS}
# By the kind a myth row names in `about_an_occupation` ("is lassen vies werk?" adds the description).
BY_KIND: Dict[str, Type[OccupationAction]] = {
    "salary": ActionAnswerSalary,
    "prospects": ActionAnswerProspects,
    "route": ActionAnswerRoute,
    "description": ActionAnswerJobDescription,
}
