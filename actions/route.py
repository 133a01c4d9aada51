"""How do I get there? vmbo profile → mbo (level, BOL/BBL) → hbo, or the group's education figures."""

import re
from typing import List, Text

from actions.also_asked import CUES
from actions.answer import Answer, Reply, name_values
from actions.base import OccupationAction, suggestions_named
from actions.comparison import MAX_COMPARED, route_lines
from actions.formatting import share
from actions.levels import entry_level
from actions.school_topics import ACCESS_TOPIC, DURATION_TOPIC, education_reply
from actions.turn import Turn
from occupations.catalog import OccupationInfo
from occupations.content import Profile
from occupations.repository import Repository

PROFILE_NAMES = {
    "BWI": "BWI (Bouwen, wonen en interieur)",
    "PIE": "PIE (Produceren, installeren en energie)",
    "MVI": "MVI (Media, vormgeving en ICT)",
    "M&T": "M&T (Mobiliteit en transport)",
    "MaT": "MaT (Maritiem en techniek)",
    "alle": "elk profiel",
}


def bol_bbl_text(profile: Profile) -> str:
    if profile.bol and profile.bbl:
        return "BOL (vooral school, met stage) en BBL (werken en leren, met loon) kunnen allebei"
    if profile.bbl:
        return "alleen BBL: werken en leren tegelijk, met loon"
    if profile.bol:
        return "BOL: vooral school, met stage"
    return "geen mbo-route: dit gaat via het hbo"


def levels_text(levels) -> str:
    """('2', '3', '4') as 'niveau 2, 3 of 4'."""
    return "niveau " + (", ".join(levels[:-1]) + " of " + levels[-1] if len(levels) > 1 else levels[0])


def mbo_text(repository: Repository, profile: Profile) -> str:
    """The programmes by their current register names (crebo); otherwise only the level, honestly."""
    programmes = repository.qualifications(profile.mbo_crebos)
    if programmes:
        return ", ".join(
            f"{q.name} ({'niveau ' + q.level + ', ' if q.level else ''}crebo {q.crebo})" for q in programmes
        )
    if profile.mbo_levels:
        return (
            f"een opleiding op {levels_text(profile.mbo_levels)}; welke opleiding precies past, "
            "weet de decaan (zoek ook op kiesmbo.nl)"
        )
    return "geen"


# "kan ik dat na vmbo kader?", "ze zit in 3 tl": the vmbo track the pupil comes from
LEERWEG = re.compile(
    r"\b(vmbo|mavo)[\s-]*(basis|kader|bb|kb|gl|tl|gt|gemengd|theoretisch)\w*"
    r"|\b[1-4][\s-]*(vmbo[\s-]*)?(basis|kader|bb|kb|gl|tl|gt)\b|\b(kaderberoeps|basisberoeps|theoretische leerweg)\w*"
    r"|\bmavo\b|\bkader\b|\b(gt|gl|tl|kb|bb)[\s-]*(leerling|klas|leerweg)\w*",
    re.IGNORECASE,
)
HOW_LONG = re.compile(r"\bhoe ?lang\b|\bhoeveel jaar\b|\bduur\w*\b", re.IGNORECASE)


# Where a pupil starts from, when the route question names it (education_topics.csv ids).
STARTING_POINTS = {"entree", "doorstromen-van-vmbo", "overstappen", "hbo-na-mbo", "loon-in-de-bbl", "bol-vs-bbl"}


# "welke technische opleidingen zijn er op het mbo?": the directions, not one occupation's route.
WHICH_PROGRAMMES = re.compile(r"\b(welke|wat voor)\b.{0,25}\bopleiding\w*\b", re.IGNORECASE)


def level_gap(repository, info: OccupationInfo, text: str) -> List[Reply]:
    """ "hij zit op vmbo basis, kan dat wel?": where the pupil starts, when the occupation's mbo route
    begins higher than that."""
    level = entry_level(text)
    profile = repository.profile(info)
    if level is None or profile is None or not profile.mbo_levels:
        return []
    lowest = min(int(n) for n in profile.mbo_levels)
    if lowest <= level:
        return []
    values = {**name_values(repository.display_name(info)), "niveau": str(level), "begin": str(lowest)}
    return [Reply("utter_route_level_gap", values)]


class ActionAnswerRoute(OccupationAction):
    intent = "ask_route"

    def name(self) -> Text:
        return "action_answer_route"

    def answer_without_occupation(self, turn: Turn) -> Answer:
        """ "ik wil op een schip werken, hoe word je dat?": the routes of the occupations of that field."""
        asked = CUES["ask_route"].search(turn.text)  # "hoe word je dat?"; "is er iets voor hem?" is the interest's
        field = [] if turn.suggested or not asked else suggestions_named(self.repository, turn.topic_text)
        if not field:
            return super().answer_without_occupation(turn)
        reply = Reply("utter_compare_routes", {"regels": route_lines(self.repository, field[:MAX_COMPARED])})
        return Answer([reply], slots={"suggested": [info.id for info in field]})

    def answer_about_none(self, turn: Turn) -> Answer:
        if not WHICH_PROGRAMMES.search(turn.text):
            return super().answer_about_none(turn)
        sectors = self.repository.sectors()
        buttons = [{"title": s.name, "payload": f"werk in {s.name.lower()}"} for s in sectors]
        return Answer([Reply("utter_mbo_directions", {"richtingen": ", ".join(s.name for s in sectors)}, buttons)])

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        answer = self.route(info)
        topics = self.repository.catalog.curated["education"]
        duration = topics.get(DURATION_TOPIC)
        if duration is not None and HOW_LONG.search(turn.text):
            # "hoe lang is die opleiding?": how long each mbo level takes, with its source.
            answer.replies.append(education_reply(self.repository, duration))
        start = self.repository.best_topic("education", turn.text)
        if start is not None and start.topic_id in STARTING_POINTS and start is not duration:
            # "hoe wordt hij elektricien? hij heeft geen diploma": the route from where the pupil stands.
            answer.replies.append(education_reply(self.repository, start))
        gap = level_gap(self.repository, info, turn.text)
        answer.replies += gap
        access = topics.get(ACCESS_TOPIC)
        track_named = not gap and LEERWEG.search(turn.text)  # "kan ik dat na vmbo kader?": which level it opens
        if access is not None and access is not start and (track_named or self.other_profiles_named(turn.text, info)):
            # "twijfelen tussen PIE, BWI en M&T" for the installatiemonteur (PIE): what another profile means
            answer.replies.append(education_reply(self.repository, access))
        return answer

    def other_profiles_named(self, text: str, info: OccupationInfo) -> bool:
        """Whether the message names a vmbo profile that is not on the occupation's usual route."""
        from actions.topics import ONE_PROFILE  # topics is built on this module's neighbours

        profile = self.repository.profile(info)
        named = {
            ONE_PROFILE[t.topic_id]
            for t in self.repository.topics_named("education", text)
            if t.topic_id in ONE_PROFILE
        }
        return profile is not None and bool(named - set(profile.vmbo_profiles))

    def route(self, info: OccupationInfo) -> Answer:
        names = name_values(self.repository.display_name(info))
        profile = self.repository.profile(info)
        if profile and profile.vmbo_profiles:
            return Answer(
                [
                    Reply(
                        "utter_route",
                        {
                            **names,
                            "vmbo": ", ".join(PROFILE_NAMES.get(p, p) for p in profile.vmbo_profiles),
                            "mbo": mbo_text(self.repository, profile),
                            "bol_bbl": bol_bbl_text(profile),
                            "hbo": profile.hbo_route or "niet nodig",
                        },
                    )
                ],
                about=info,
            )
        figures = self.repository.prospects(info)
        return Answer(
            [
                Reply(
                    "utter_route_general",
                    {
                        **names,
                        "groep": figures.group_title,
                        "hoger_aandeel": share(figures.higher_education_share),
                        "bron": figures.source.citation,
                    },
                )
            ],
            about=info,
        )
