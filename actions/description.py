"""What is the work like? The curated profile, else ESCO's description marked as ESCO's words, or an
honest 'not described yet'."""

import re
from typing import Dict, List, Text

from actions.answer import Answer, Reply, name_values
from actions.base import WHAT_YOU_CAN_BECOME, OccupationAction
from actions.comparison import MAX_COMPARED, work_lines
from actions.conditions import condition_reply
from actions.turn import Turn
from actions.units import SHIFT_ALLOWANCE
from occupations.catalog import OccupationInfo

# "wat doet een dakdekker en werk je op hoogte?": the whole description, which has the conditions too
ASKS_THE_WHOLE_WORK = re.compile(
    r"\bwat (doe|doet|doen)\b|\bwat houdt\b|\bwerkdag\b|\b(wat|hoe) is (het|dat|dit) werk\b"
    r"|\bwat is dat( eigenlijk| precies| dan)?\b",  # "scheepsbouwer wat is dat en is dat zwaar werk"
    re.IGNORECASE,
)

# A sentence ends at . ! or ? before a capital letter: "enz. Zij" ends one, "bijv. een" does not.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ])")
QUOTED_LENGTH = 350  # about three lines in the chat window


def first_sentences(text: str, limit: int = QUOTED_LENGTH) -> str:
    """The whole sentences that fit in `limit` characters, at least the first, on one line.
    ESCO's texts carry stray line breaks and backslashes from their conversion; those become spaces."""
    sentences = SENTENCE_END.split(" ".join(text.replace("\\", " ").split()))
    kept = sentences[0]
    for sentence in sentences[1:]:
        if len(kept) + 1 + len(sentence) > limit:
            break
        kept += " " + sentence
    return kept if kept.endswith((".", "!", "?")) else kept + "."


def shift_allowance(text: str) -> List[Reply]:
    """ "krijg je daar extra voor?": that any extra is in the collective agreement, not in the figures."""
    return [Reply("utter_shift_allowance")] if SHIFT_ALLOWANCE.search(text) else []


class ActionAnswerJobDescription(OccupationAction):
    intent = "ask_job_description"

    def name(self) -> Text:
        return "action_answer_job_description"

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        names = name_values(self.repository.display_name(info))
        profile = self.repository.profile(info)
        condition = condition_reply(self.repository, info, turn.text)
        if (
            condition is not None
            and condition.response == "utter_work_condition"
            and not ASKS_THE_WHOLE_WORK.search(turn.text)
        ):
            # "moet hij dan de hele dag op het dak staan?": what the work text says about that, not all of it
            return Answer([condition] + shift_allowance(turn.text), about=info)
        # The text says nothing about it: say so, and show the whole work so the reader can judge
        unknown = [condition] if condition is not None and not ASKS_THE_WHOLE_WORK.search(turn.text) else []
        if profile and profile.working_conditions:
            reply = Reply(
                "utter_job_description",
                {**names, "dagelijks_werk": profile.daily_work, "omstandigheden": profile.working_conditions},
            )
        elif profile:  # a comparison profile describes the work only
            reply = Reply("utter_job_description_short", {**names, "dagelijks_werk": profile.daily_work})
        else:
            reply = self.without_profile(info, names)
        return Answer(unknown + [reply] + shift_allowance(turn.text), about=info)

    def without_profile(self, info: OccupationInfo, names: Dict[str, str]) -> Reply:
        """ESCO's own description, quoted with its source, or say that the work is not described yet."""
        group = self.repository.group_title(info.brc_group)
        source = self.repository.esco_description_source(info)
        if source is None:
            return Reply("utter_no_job_description", {**names, "groep": group})
        quoted = first_sentences(info.esco_description)
        return Reply(
            "utter_esco_job_description", {**names, "beschrijving": quoted, "bron": source.citation, "groep": group}
        )

    def answer_for_example(self, turn: Turn, suggested: List[OccupationInfo]) -> Answer:
        """ "Wat doen ze dan?", "hoe lang is hij van huis?" after a list: the work of each, side by side."""
        if WHAT_YOU_CAN_BECOME.search(turn.text):
            return super().answer_for_example(turn, suggested)
        shown = suggested[:MAX_COMPARED]
        reply = Reply("utter_compare_work", {"regels": work_lines(self.repository, shown, turn.text)})
        return Answer([reply], slots={"suggested": [info.id for info in suggested]})
