"""The quiz for a class: 'quiz' starts five rounds, each answer is explained with its source, and
the score comes at the end. The game lives in the slot `quiz` ({seed, round, score}); the question
of a round is made again from the seed, so nothing but three numbers is stored."""

import random
import re
from typing import Dict, List, Optional, Text

from actions.answer import Answer, Reply
from actions.base import TurnAction
from actions.lesson import ABOUT_MYTHS, myth_statements
from actions.quiz_questions import ROUND_KINDS, QuizQuestion, question_for_round
from actions.turn import Turn

ROUNDS = len(ROUND_KINDS)
# A typed answer: "b", "B)", "antwoord c", "ik denk 2", "fabel!", "het is een feit".
TYPED_CHOICE = re.compile(
    r"^\s*(?:(?:ik denk|antwoord|het is|dat is|is)\s+)?(?:een\s+)?(a|b|c|1|2|3|feit|fabel)\s*[).!]*\s*$",
    re.IGNORECASE,
)
NUMBER_KEYS = {"1": "a", "2": "b", "3": "c"}


def typed_choice(text: str) -> str:
    match = TYPED_CHOICE.match(text or "")
    if not match:
        return ""
    choice = match.group(1).lower()
    return NUMBER_KEYS.get(choice, choice)


def question_reply(question: QuizQuestion, round_index: int) -> Reply:
    buttons = [{"title": label, "payload": f'/quiz_answer{{"quiz_keuze": "{key}"}}'} for key, label in question.options]
    options = "\n".join(f"{key.upper()}) {label}" if len(key) == 1 else f"- {label}" for key, label in question.options)
    values = {"nummer": str(round_index + 1), "totaal": str(ROUNDS), "vraag": question.text, "opties": options}
    return Reply("utter_quiz_question", values, buttons)


# A teacher who asks for the figures to make a quiz of their own, not to play one here.
ASKS_FOR_THE_FIGURES = re.compile(
    r"\b(geef|geven|noem|noemen|lijst\w*|rijtje)\b.{0,60}\b(uurloon|uurlonen|salaris\w*|lonen|loon)\b"
    r"|\b(uurloon|uurlonen|salaris\w*|lonen|loon)\b.{0,30}\b(geven|noemen)\b",
    re.IGNORECASE,
)


# "met de antwoorden erbij", "een antwoordblad", "om uit te printen": the questions for a teacher, not a game
WITH_THE_ANSWERS = re.compile(
    r"\bmet (de |het )?(antwoord\w*|uitleg)\b|\bantwoord\w* erbij\b|\bantwoordblad\b|\buit (te )?printen\b"
    r"|\bvoor (op )?(papier|het bord|een werkblad)\b",
    re.IGNORECASE,
)


class ActionQuiz(TurnAction):
    """Starts a game ('quiz', 'raad het salaris') or takes the answer to the open question."""

    intent = "start_quiz"

    def name(self) -> Text:
        return "action_quiz"

    def answer(self, turn: Turn) -> Answer:
        from actions.lists import BEST_PAID, best_paid  # lists is built on the actions beside this one

        if turn.intent == "start_quiz" and (ASKS_FOR_THE_FIGURES.search(turn.text) or BEST_PAID.search(turn.text)):
            # "voor een quiz: geef me van 4 beroepen het uurloon met bron", "we doen een quiz. welk technisch beroep
            # verdient het meest?": the figures asked, to make one's own quiz
            return best_paid(self.repository, turn.text)
        if turn.intent == "start_quiz" and ABOUT_MYTHS.search(turn.text):
            return myth_statements(self.repository)  # "5 stellingen over vooroordelen met de antwoorden"
        if turn.intent == "start_quiz" and WITH_THE_ANSWERS.search(turn.text):
            return self.sheet(random.randrange(1_000_000))  # "5 vragen met de antwoorden erbij, voor mijn les"
        if turn.intent == "start_quiz":
            return self.start(random.randrange(1_000_000))
        choice = turn.quiz_choice or typed_choice(turn.text)
        if not turn.quiz:
            return Answer([Reply("utter_quiz_none")], is_answer=False)
        return self.take_answer(turn.quiz, choice)

    def sheet(self, seed: int) -> Answer:
        """All rounds at once, each with its answer and source: for a teacher to use in class."""
        questions = [question_for_round(self.repository, r, seed) for r in range(ROUNDS)]
        lines = [
            f"{number}. {q.text}\n   "
            + " / ".join(f"{key.upper()}) {label}" if len(key) == 1 else label for key, label in q.options)
            + f"\n   Antwoord: {q.correct_label}. {q.explanation}"
            for number, q in enumerate((q for q in questions if q is not None), start=1)
        ]
        if not lines:
            return Answer([Reply("utter_quiz_unavailable")], is_answer=False)
        return Answer([Reply("utter_quiz_sheet", {"vragen": "\n".join(lines)})])

    def start(self, seed: int) -> Answer:
        state = {"seed": seed, "round": 0, "score": 0}
        return self.ask(state, [Reply("utter_quiz_start", {"totaal": str(ROUNDS)})])

    def ask(self, state: Dict[str, int], replies: List[Reply]) -> Answer:
        question = question_for_round(self.repository, state["round"], state["seed"])
        if question is None:  # an empty table: say so rather than ask nothing
            return Answer([Reply("utter_quiz_unavailable")], slots={"quiz": None}, is_answer=False)
        return Answer(replies + [question_reply(question, state["round"])], slots={"quiz": state}, is_answer=False)

    def take_answer(self, state: Dict[str, int], choice: str) -> Answer:
        question: Optional[QuizQuestion] = question_for_round(self.repository, state["round"], state["seed"])
        if question is None:
            return Answer([Reply("utter_quiz_unavailable")], slots={"quiz": None}, is_answer=False)
        if choice not in dict(question.options):
            return Answer([Reply("utter_quiz_unclear"), question_reply(question, state["round"])], is_answer=False)
        right = choice == question.correct
        score = state["score"] + int(right)
        verdict = Reply(
            "utter_quiz_right" if right else "utter_quiz_wrong",
            {"goed": question.correct_label, "uitleg": question.explanation},
        )
        next_round = state["round"] + 1
        if next_round >= ROUNDS:
            end = Reply("utter_quiz_end", {"score": str(score), "totaal": str(ROUNDS)})
            return Answer([verdict, end], slots={"quiz": None}, is_answer=False)
        return self.ask({"seed": state["seed"], "round": next_round, "score": score}, [verdict])
