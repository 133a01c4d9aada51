"""'Vergelijk X en Y': two to four occupations side by side, or ask for the second one."""

from typing import Text

from actions.answer import Answer, Reply, name_values, question
from actions.base import TurnAction
from actions.comparison import comparison
from actions.turn import Turn


class ActionCompareOccupations(TurnAction):
    intent = "compare_occupations"

    def name(self) -> Text:
        return "action_compare_occupations"

    def answer(self, turn: Turn) -> Answer:
        found = turn.found
        earlier = turn.pending_comparison or turn.remembered
        if len(found) == 1 and earlier and earlier.id != found[0].id:
            found = [earlier] + found
        if not found:
            # "welke van de twee verdient meer?", "wat is beter?": the occupations on the table.
            found = list(turn.on_the_table)
        if not found:
            from actions.rescue import topic_instead  # imported here: rescue is built on these actions

            topic = topic_instead(turn, self.repository)  # "wat is beter, mbo of havo?"
            return topic(self._repository).answer(turn) if topic else question("utter_ask_occupation")
        if len(found) == 1:
            first = found[0]
            return Answer(
                [Reply("utter_ask_compare_second", name_values(self.repository.display_name(first)))],
                about=first,
                slots={"compare_with": first.id},
                is_answer=False,
            )
        return comparison(self.repository, found, turn.text)
