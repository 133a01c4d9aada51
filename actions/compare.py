"""'Vergelijk X en Y': two to four occupations side by side, or ask for the second one."""

import re
from typing import List, Optional, Text

from actions.answer import Answer, Reply, name_values, question
from actions.base import TurnAction, asks_pay_of_mbo_against_hbo
from actions.comparison import ASKS_NATIONAL, MAX_COMPARED, comparison
from actions.pay import SEVERAL_OCCUPATIONS as SEVERAL
from actions.pay import salary_answer
from actions.turn import AMBIGUOUS, UNKNOWN, Turn
from occupations.catalog import OccupationInfo

# "kun je er dakdekker ook nog bij zetten?", "en zet metselaar erbij" after a comparison or list
ADD_TO_THE_TABLE = re.compile(
    r"\b(bij|naast) ?(zetten|zet|doen|doe|nemen|voegen)\b|\berbij\b|\btoevoeg\w*|\bvoeg\b.{0,30}\btoe\b", re.I
)


def table_with_the_added(turn: Turn) -> Optional[List[OccupationInfo]]:
    """The occupations just shown side by side with the one the message adds ("zet dakdekker er ook bij"),
    at most MAX_COMPARED (the earliest shown make room); None when the message adds none."""
    if len(turn.found) != 1 or len(turn.on_the_table) < 2 or not ADD_TO_THE_TABLE.search(turn.text):
        return None
    shown = [info for info in turn.on_the_table if info.id != turn.found[0].id]
    return (shown + list(turn.found))[-MAX_COMPARED:]


# "vergelijk elektricien", "wat is het verschil met ...": a comparison asked in so many words
ASKS_TO_COMPARE = re.compile(r"\b(vergelijk\w*|verschil\w*|versus|vs|tegenover|naast elkaar|beter|meer|minder)\b", re.I)


class ActionCompareOccupations(TurnAction):
    intent = "compare_occupations"

    def name(self) -> Text:
        return "action_compare_occupations"

    def answer(self, turn: Turn) -> Answer:
        found = turn.found
        from actions.topics import others_besides  # topics is built on this module's neighbours

        others = others_besides(self.repository, turn)  # "welke beroepen naast elektricien en lasser?"
        if others is not None:
            return others
        table = table_with_the_added(turn)
        if table is not None:  # "kun je er dakdekker ook nog bij zetten?"
            return comparison(self.repository, table, turn.text)
        if len(found) < 2 and asks_pay_of_mbo_against_hbo(turn.text):
            # "wat verdient een mbo-4 technicus vergeleken met iemand met een hbo-diploma?": pay per route
            from actions.topics import pay_by_route_answer  # topics is built on this module's neighbours

            return pay_by_route_answer(self.repository, turn)
        if len(found) == 1 and ASKS_NATIONAL.search(turn.text):
            # "wat verdient een elektricien vergeleken met modaal?": its pay beside all employees
            from actions.pay import ActionAnswerSalary  # pay is built on this module's neighbours

            return ActionAnswerSalary(self._repository).answer_about(turn, found[0])
        earlier = turn.pending_comparison or turn.listed_by_word or turn.remembered
        if len(found) == 1 and (earlier is None or earlier.id == found[0].id):
            # "en een elektricien? welke van de twee heeft meer toekomst?" after a list: its first one;
            # "en die andere, loodgieter, verdient meer?" after the two were compared: the other one
            earlier = next((info for info in turn.suggested if info.id != found[0].id), None)
        if len(found) == 1 and earlier and earlier.id != found[0].id:
            found = [earlier] + found
        if not found:
            # "welke van de twee verdient meer?", "wat is beter?": the occupations on the table.
            found = list(turn.on_the_table)
        if not found and earlier and turn.resolution == AMBIGUOUS:
            # "en monteur? wat is beter" after the procesoperator: beside each monteur the name fits.
            found = [earlier] + [c for c in turn.unclear.candidates if c.id != earlier.id][: MAX_COMPARED - 1]
        vague = next((m for m in turn.mentions if m.status == AMBIGUOUS), None)
        if len(found) == 1 and vague is not None:
            # "wat is beter, lasser of monteur?": beside the monteurs the name fits, to choose from
            others = [c for c in vague.candidates if c.id != found[0].id][: MAX_COMPARED - 1]
            answer = comparison(self.repository, found + others, turn.text)
            answer.replies.insert(0, Reply("utter_several_fit", {"tekst": vague.text}))
            return answer
        if len(found) == 1:
            beside = self.field_beside(turn, found[0])
            if beside is not None:  # "ik twijfel tussen autotechniek en ict": the occupation beside a few of ICT
                return beside
        from actions.rescue import rescue, topic_instead  # imported here: rescue is built on these actions

        if not found and turn.remembered:
            # "en verdient hij dan meer door die nachten?" after one occupation: nothing to compare, so
            # the kind of question it asks about that one
            action = rescue(turn, self.repository)
            if action is not None and action is not ActionCompareOccupations:
                return action(self._repository).answer(turn)
        topic = topic_instead(turn, self.repository) if len(found) < 2 else None
        if not found and topic is None and SEVERAL.search(turn.text):
            # "welke drie beroepen zou je kiezen die echt van elkaar verschillen?": one from each sector
            found = self.repository.one_per_sector()[:MAX_COMPARED]
        if not found:
            # "wat is beter, mbo of havo?"
            return topic(self._repository).answer(turn) if topic else question("utter_ask_occupation")
        if len(found) == 1 and topic is not None:
            # "ik doe mbo 2 mechatronica, heeft niveau 4 of hbo zin, verdien je dan meer?": the topic and the pay
            answer = topic(self._repository).answer(turn)
            answer.replies += salary_answer(self.repository, found[0], turn.text).replies
            answer.about = found[0]
            return answer
        if not any(self.repository.is_technical(info) or self.repository.is_featured(info) for info in found):
            # "en vergeleken met kapper?", "techniek verdient weinig, vergeleken met kassamedewerker of verkoper":
            # beside a few technical ones
            room = max(MAX_COMPARED - len(found), 1)
            return comparison(self.repository, found + self.repository.technical_references()[:room], turn.text)
        unknown = next((m for m in turn.mentions if m.status == UNKNOWN), None)
        if len(found) == 1 and unknown is not None:
            # "wat verdient een youtuber vs een elektricien?": the one the table knows, and say so of the other
            answer = salary_answer(self.repository, found[0], turn.text)
            answer.replies.insert(0, Reply("utter_unknown_beside", {"tekst": unknown.text}))
            return answer
        if len(found) == 1 and not ASKS_TO_COMPARE.search(turn.text):
            # "ok en ict'er dan" after another answer, taken for a comparison: its work and pay
            from actions.overview import ActionAnswerOccupation  # overview is built on the actions beside this one

            return ActionAnswerOccupation(self._repository).answer(turn)
        if len(found) == 1:
            first = found[0]
            return Answer(
                [Reply("utter_ask_compare_second", name_values(self.repository.display_name(first)))],
                about=first,
                slots={"compare_with": first.id},
                is_answer=False,
            )
        return comparison(self.repository, found, turn.text)

    def field_beside(self, turn: Turn, info: OccupationInfo) -> Optional[Answer]:
        """One occupation and a field of work named to compare ("autotechniek en ict"): the occupation
        beside a few of the field's, saying that the field has several."""
        text = turn.topic_text
        for mention in turn.mentions:
            text = text.replace(mention.text, " ")
        if self.repository.best_topic("education", text) is not None:
            return None  # "mechatronica, heeft niveau 4 of hbo zin?": a school question, not a field
        sector = self.repository.best_topic("sector", text)
        infos = self.repository.occupations_in_sector(sector.sector) if sector else []
        if not infos or info in infos:
            return None
        answer = comparison(self.repository, [info] + infos[: MAX_COMPARED - 1], turn.text)
        values = {"richting": sector.name, **name_values(self.repository.display_name(info))}
        answer.replies.insert(0, Reply("utter_field_beside", values))
        return answer
