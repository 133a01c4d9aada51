"""Will I find work? Employment and growth of the occupation's CBS group, and what is known of shortages."""

import re
from typing import Dict, Optional, Text

from actions.answer import Answer, Reply, name_values
from actions.base import OccupationAction
from actions.citations import fact_source
from actions.comparison import ASKS_FUTURE
from actions.formatting import count, growth, period, women_share
from actions.turn import Turn
from occupations.catalog import OccupationInfo
from occupations.content import Fact
from occupations.figures import Prospects
from occupations.repository import Repository

SMALL_GROUP_JOBS = 50_000  # below this CBS survey figures move a lot from year to year
# BRC classes where UWV reports structural shortages (technical 07, ICT 08, transport 12).
SHORTAGE_CLASSES = {"07", "08", "12"}
SHORTAGE_FACT_ID = "uwv_tight_occupations_2025"  # in facts.csv: UWV on tight occupation groups


# The energy transition named as a change to the work ("moeten verduurzamen of dicht", "alles wordt elektrisch")
ENERGY_CHANGE = re.compile(
    r"\b(energietransitie|verduurzam\w*|duurzaam\w*|klimaat\w*|waterstof|groene stroom|co2|dicht ?gaan|sluiten"
    r"|elektrisch\w*|zonnepanelen|warmtepomp\w*|van het gas)\b",
    re.IGNORECASE,
)
# A worry about the future of an occupation, and how the answer names it: the figures cannot settle it.
FUTURE_WORRIES = [
    (re.compile(r"\bhype\b", re.IGNORECASE), "Of het een hype is"),
    (re.compile(r"\bsubsidie\w*", re.IGNORECASE), "Wat het stoppen van een subsidie met het werk doet"),
    (re.compile(r"\bprefab\w*", re.IGNORECASE), "Wat bouwen met prefab met het werk doet"),
    (
        re.compile(r"\b(azi[eë]|china|india|buitenland|lagelonenland\w*|verplaatst|verhuist)\b", re.IGNORECASE),
        "Of het werk naar het buitenland gaat",
    ),
]


def prospects_values(p: Prospects) -> Dict[str, str]:
    return {
        "groep": p.group_title,
        "periode": period(p.period),
        "banen": count(p.jobs),
        "banen_vorig": count(p.jobs_previous),
        "ontwikkeling": growth(p.growth_pct),
        "vrouwen": women_share(p.women_share, p.jobs),
        "bron": p.source.citation,
    }


def shortage_fact(repository: Repository, info: Optional[OccupationInfo] = None) -> Optional[Fact]:
    """What UWV says about shortages; for one occupation only when its BRC class is short of people."""
    if info is not None and info.brc_group[:2] not in SHORTAGE_CLASSES:
        return None
    return repository.fact(SHORTAGE_FACT_ID)


class ActionAnswerProspects(OccupationAction):
    intent = "ask_prospects"
    compares_several = True

    def name(self) -> Text:
        return "action_answer_prospects"

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        names = name_values(self.repository.display_name(info))
        figures = self.repository.prospects(info)
        if figures is None:
            return Answer([Reply("utter_no_prospects", names)], about=info)
        replies = [Reply("utter_prospects", {**names, **prospects_values(figures)})]
        if figures.jobs is not None and figures.jobs < SMALL_GROUP_JOBS:
            replies.append(Reply("utter_prospects_small_group"))
        fact = shortage_fact(self.repository, info)
        if fact:
            replies.append(Reply("utter_shortage", {"feit": fact.text, "bron": fact_source(fact)}))
        profile = self.repository.profile(info)
        future = ASKS_FUTURE.search(turn.text) or ENERGY_CHANGE.search(turn.text)
        if future and profile is not None and profile.energy_transition:
            # "heeft dat toekomst nu de fabrieken moeten verduurzamen?": what the change asks of this work
            replies.append(Reply("utter_energy_transition", {**names, "tekst": profile.energy_transition}))
        worry = next((said for cue, said in FUTURE_WORRIES if cue.search(turn.text)), None)
        if worry is not None:  # "het is toch een hype?", "alles gaat naar Azië": that worry, named, no forecast
            replies.append(Reply("utter_worry_not_forecast", {"zorg": worry}))
        elif ASKS_FUTURE.search(turn.text):  # "is dat over 10 jaar nog steeds werk?": no forecast, say so
            replies.append(Reply("utter_no_forecast"))
        return Answer(replies, about=info)

    def answer_about_none(self, turn: Turn) -> Answer:
        """ "Is er werk in de techniek?", "welke sectoren groeien het hardst?": the groups that grow
        most and what UWV says of shortages, rather than asking which occupation."""
        from actions.lists import ActionAnswerBestChances  # lists is built on this module

        return ActionAnswerBestChances(self._repository).answer(turn)
