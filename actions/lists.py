"""Answers that are a list: the groups that grow most, the best paid occupations, those with a bbl
route, occupations by mbo level, and the next steps to take."""

import re
from typing import List, Optional, Text

from actions.answer import Answer, Reply, sentence_name
from actions.base import TurnAction
from actions.citations import cite_facts
from actions.comparison import MAX_COMPARED, comparison
from actions.formatting import count, dutch_list, growth_since_last_year, median_pay, period
from actions.lesson import myth_statements
from actions.levels import asked_level, level_answer
from actions.prospects import ActionAnswerProspects, shortage_fact
from actions.route import LEERWEG, WHICH_PROGRAMMES, ActionAnswerRoute
from actions.school_topics import ACCESS_TOPIC, education_reply
from actions.topics import (
    ASKS_GROWTH,
    SEVERAL_MYTHS,
    ActionAnswerEducation,
    ActionAnswerInterest,
    ActionAnswerMyth,
    ActionAnswerSector,
    final_occupation_question,
    fitting,
    named_profile,
    occupation_lines,
    occupations_without_a_condition,
    school_follow_up,
)
from actions.turn import Turn
from actions.women import ASKS_WOMEN_SHARE, women_share_reply
from occupations.repository import Repository

# "waar is het grootste tekort?": UWV's shortage first, growth after it.
SHORTAGE = re.compile(r"\b(tekort\w*|krap\w*|personeelstekort|hard nodig)\b", re.IGNORECASE)
BEST_PAID = re.compile(
    r"\b(best betaald\w*|(meest|hoogst) betaald\w*|beste? (loon|salaris)|meeste? (geld|verdien\w*)"
    r"|hoogste? (loon|salaris|lonen)"
    r"|best verdien\w*|(het )?meest verdien\w*|verdien\w* (het )?(meest|best)\w*"
    r"|(meeste|veel) (cash|poen|doekoe|geld))\b",
    re.IGNORECASE,
)
MAX_BEST_PAID = 6
HOW_IT_WORKS = re.compile(r"\bhoe (werkt|gaat) (de|het|een)\b", re.IGNORECASE)
# "de best betaalde technische baan die je met mbo kan doen": only those with an mbo route
# "met een mbo-diploma", "voor mijn vmbo-klas", "zonder hbo": work open with an mbo diploma
WITH_MBO_ONLY = re.compile(
    r"\b(v?mbo|vmbo-?\w+)\b|\b(zonder|geen|niet naar( het)?) (hbo|universiteit|uni|studie|te studeren)\b", re.I
)
ALSO_HIGHER = re.compile(r"(?<!zonder )(?<!geen )\b(hbo|universiteit|uni|wo)\b", re.IGNORECASE)


VACANCIES = re.compile(r"\bvacature\w*", re.IGNORECASE)
VACANCIES_FACT = "uwv_tech_vacancies_2021"  # facts.csv: open vacancies for technical occupations, all together
BEST_PAID_SHOWN = re.compile(r"verdienden deze in \d{4} het meest")  # domain.yml utter_best_paid
LEAST_PAID = re.compile(
    r"\b(het minst|minst (betaald|verdien\w*)|laagste (loon|lonen|salaris)|slechtst betaald)\b", re.I
)


def best_paid(repository: Repository, text: str = "", mbo_only: Optional[bool] = None) -> Answer:
    """The curated technical occupations with the highest median pay, all of one year; only those
    with an mbo route when the message asks for work with an mbo diploma."""
    infos = repository.featured_occupations()
    if mbo_only is None:  # read from the message unless the caller knows
        mbo_only = bool(WITH_MBO_ONLY.search(text)) and not ALSO_HIGHER.search(text)
    if mbo_only:
        infos = [info for info in infos if (profile := repository.profile(info)) is not None and profile.mbo_levels]
    year = repository.common_pay_year(infos)
    paid = [(repository.pay_in_year(info, year), info) for info in infos]
    lowest = bool(LEAST_PAID.search(text))  # "en het minst?" after the best paid: the other end
    paid = sorted(
        ((figure, info) for figure, info in paid if figure), key=lambda row: row[0].median * (1 if lowest else -1)
    )
    mostly_higher = [row for row in paid if mbo_only and repository.mostly_higher_educated(row[0].group_code)]
    paid = [row for row in paid if row not in mostly_higher]  # their pay says little about an mbo diploma
    lines = "\n".join(
        f"- {repository.display_name(info)}: {median_pay(figure)}" for figure, info in paid[:MAX_BEST_PAID]
    )
    national = repository.national_pay(year)
    everyone = f"Alle werknemers samen: {median_pay(national)}." if national else ""
    listed = [info.id for _, info in paid[:MAX_BEST_PAID]]  # "zet er het aandeel vrouwen bij"
    reach = " en die je met een mbo-diploma kunt doen" if mbo_only else ""
    note = ""
    if mostly_higher:
        left_out = dutch_list([repository.display_name(info) for _, info in mostly_higher[:MAX_BEST_PAID]])
        note = (
            f" Niet in dit lijstje: {left_out}. In hun CBS-groep heeft een groot deel hbo of universiteit gedaan,"
            " dus hun loon zegt weinig over een mbo-diploma."
        )
    values = {"jaar": str(year), "lijst": lines, "landelijk": everyone, "bereik": reach, "let_op": note}
    return Answer([Reply("utter_least_paid" if lowest else "utter_best_paid", values)], slots={"suggested": listed})


BBL = re.compile(r"\b(bbl|leren en werken|werken en leren|leerbaan|leerbanen)\b", re.IGNORECASE)
WHICH_OCCUPATIONS = re.compile(r"\b(welke|wat voor) (beroep\w*|banen|vak\w*|opleiding\w*)|bij welke\b", re.IGNORECASE)
BBL_EXAMPLES = 6
# A list of occupations asked for, even beside a named one ("welke banen lijken op lasser?").
ASKS_FOR_A_LIST = re.compile(
    r"\b(welke|wat voor)( \d+| twee| drie| vier| vijf| zes| tien)? (beroep\w*|banen|vakken)\b"
    r"|\b(rijtje|lijst\w*|overzicht\w*)\b",
    re.IGNORECASE,
)
HOW_MANY_IN_TECHNIQUE = re.compile(
    r"\bhoeveel (mensen|werkenden|werknemers|banen)\b.{0,40}\b(techniek|technische (beroepen|sector))\b", re.IGNORECASE
)
GROWING = re.compile(r"\b(groei\w*|hardst|kansrijk\w*|toekomst\w*)\b", re.IGNORECASE)
# "welk technisch beroep heeft de meeste banen?": the largest groups, not the fastest growing
MOST_JOBS = re.compile(
    r"\b(meeste|grootste|veelste) (banen|werkenden|mensen|werknemers|aantal)\b|\bgrootste (beroep\w*|groep\w*)\b",
    re.IGNORECASE,
)


def occupations_with_bbl(repository: Repository) -> Answer:
    """Which occupations of the table can be learnt in the bbl, and which not, from the profiles."""
    without = [repository.display_name(info) for info in repository.occupations_by_bbl(False)]
    examples = repository.occupations_by_bbl(True)[:BBL_EXAMPLES]
    values = {
        "beroepen": occupation_lines(repository, examples),
        "zonder": dutch_list([sentence_name(name) for name in without]) if without else "geen",
    }
    return Answer([Reply("utter_occupations_with_bbl", values)], slots={"suggested": [i.id for i in examples]})


class ActionAnswerBestChances(TurnAction):
    def name(self) -> Text:
        return "action_answer_best_chances"

    def growth(self, info) -> float:
        """The growth of the occupation's group since a year before; unknown sorts last."""
        figures = self.repository.prospects(info)
        return figures.growth_pct if figures is not None and figures.growth_pct is not None else float("-inf")

    def answer(self, turn: Turn) -> Answer:
        follow_up = school_follow_up(self.repository, turn)
        if follow_up is not None:  # "welke is beter als je meteen geld wil verdienen?" right after bol and bbl
            return follow_up
        if HOW_IT_WORKS.search(turn.text) and self.repository.best_topic("education", turn.text) is not None:
            # "welke beroepen zijn bereikbaar ..., en hoe werkt de entreeopleiding?": the school topic asked plainly
            return ActionAnswerEducation(self._repository).answer_message(turn)
        if turn.asks_about_both:  # "welke verdient het meest?", "en welke kan je met mbo 2?" of those just listed
            listed = list(turn.on_the_table)
            kept, left_out = fitting(self.repository, listed, turn.text, len(listed))
            answer = comparison(self.repository, kept or listed, turn.text)
            answer.replies += left_out if kept else []
            return answer
        if WHICH_OCCUPATIONS.search(turn.text) and (BBL.search(turn.text) or BBL.search(turn.previous_reply)):
            return occupations_with_bbl(self.repository)  # "bij welke beroepen kan dat?" after the bbl
        if turn.found and not (ASKS_FOR_A_LIST.search(turn.text) or BEST_PAID.search(turn.text)):
            # "warmtepompmonteur: wat is het werk, welke opleiding en hoe zijn de kansen?": about that one
            if len(turn.found) >= 2:
                return comparison(self.repository, list(turn.found)[:MAX_COMPARED], turn.text)
            return ActionAnswerProspects(self._repository).answer(turn)
        interest = self.repository.best_topic("interest", turn.text)
        if interest is not None:  # "de beste kansen voor een klas die van auto's en gamen houdt"
            return ActionAnswerInterest(self._repository).answer_topic(interest, turn.text)
        profile = named_profile(self.repository, turn.text)
        if profile:  # "3 vmbo basis, profiel PIE: welke beroepen waar echt vraag naar is?"
            infos = sorted(self.repository.occupations_with_profile(profile), key=self.growth, reverse=True)
            infos, left_out = fitting(self.repository, infos, turn.text, MAX_COMPARED)
            answer = comparison(self.repository, infos, turn.text)
            answer.replies += left_out
            return answer
        level = asked_level(turn.text)
        if level:  # "welke beroepen kunnen mijn leerlingen met niveau 4?"
            return level_answer(self.repository, level, occupation_lines, turn.text)
        without = occupations_without_a_condition(self.repository, turn)
        if without is not None:  # "geef eens drie beroepen waar je echt niet vies wordt, met wat ze verdienen"
            return without
        women = women_share_reply(self.repository) if ASKS_WOMEN_SHARE.search(turn.text) else None
        if women:  # "welke technische groepen hebben het hoogste aandeel vrouwen?"
            return Answer([women])
        if BEST_PAID.search(turn.text):  # "welk technisch beroep verdient het best?"
            return best_paid(self.repository, turn.text)
        if SEVERAL_MYTHS.search(turn.text):  # "welke 3 mythes hoor je het vaakst, met de feiten?"
            return myth_statements(self.repository)
        if HOW_MANY_IN_TECHNIQUE.search(turn.text) and not GROWING.search(turn.text):
            # "hoeveel mensen werken er eigenlijk in de techniek?": the total, then the largest groups
            jobs, example = self.repository.jobs_together()
            answer = self.group_list("utter_most_jobs", self.repository.largest_groups(), turn)
            if example is not None:
                values = {"aantal": count(jobs), "periode": period(example.period), "bron": example.source.citation}
                answer.replies.insert(0, Reply("utter_jobs_together", values))
            return answer
        if MOST_JOBS.search(turn.text) and not GROWING.search(turn.text):
            return self.group_list("utter_most_jobs", self.repository.largest_groups(), turn)
        if ASKS_FOR_A_LIST.search(turn.text) and not ASKS_GROWTH.search(turn.text):
            # "lijst techn beroepen?": an overview, one occupation from each direction, with its pay
            infos = self.repository.one_per_sector()
            values = {"beroepen": occupation_lines(self.repository, infos)}
            return Answer([Reply("utter_overview", values)], slots={"suggested": [i.id for i in infos]})
        shortage = shortage_fact(self.repository)
        response = "utter_shortage_first" if SHORTAGE.search(turn.text) and shortage else "utter_best_chances"
        answer = self.group_list(response, self.repository.growing_groups(), turn)
        if VACANCIES.search(turn.text):  # "welke technische banen hebben de meeste vacatures?": none per occupation
            facts = cite_facts(self.repository.facts((VACANCIES_FACT,)))
            answer.replies.insert(0, Reply("utter_no_vacancies_per_occupation", {"feiten": facts}))
        return answer

    def group_list(self, response: str, groups, turn: Turn) -> Answer:
        """CBS groups with their workers and growth, with UWV's shortage fact."""
        lines = "\n".join(
            f"- {g.group_title}: {count(g.jobs)} werkenden, {growth_since_last_year(g.growth_pct)}" for g in groups
        )
        shortage = shortage_fact(self.repository)
        values = {
            "lijst": lines,
            "bron": groups[0].source.citation,
            "periode": period(groups[0].period),
            "periode_vorig": period(groups[0].previous_period or ""),
            "feit": cite_facts([shortage]) if shortage else "",
        }
        # "en die eerste, hoeveel mensen werken daar?": an occupation of each group is on the table
        featured = self.repository.featured_occupations()
        shown = [next((i for i in featured if i.brc_group == g.group_code), None) for g in groups]
        return Answer([Reply(response, values)], slots={"suggested": [i.id for i in shown if i is not None]})


# A step the message asks for goes first: a placement, an open day, help with a CV.
STEP_CUES = [
    ("stagemarkt", re.compile(r"\b(stage\w*|leerbedrijf\w*|leerbaan|leerbanen|bbl[- ]?plek\w*)\b", re.IGNORECASE)),
    (
        "open-dagen",
        re.compile(
            r"\b(open ?dag\w*|meeloopdag\w*|welke school|(naar|op) (de |een )?school\w* (gaan )?kijken"
            r"|school\w* bekijken)\b",
            re.IGNORECASE,
        ),
    ),
    ("mentor-decaan", re.compile(r"\b(cv|sollicit\w*|motivatiebrief)\b", re.IGNORECASE)),
]
MAX_STEPS = 6


class ActionAnswerNextStep(TurnAction):
    def name(self) -> Text:
        return "action_answer_next_step"

    def answer(self, turn: Turn) -> Answer:
        sector = self.repository.best_topic("sector", turn.text)
        if sector is not None and WHICH_OCCUPATIONS.search(turn.text):
            # "welke beroepen zien ze bij een bedrijfsbezoek op een scheepswerf?": that sector's occupations
            return ActionAnswerSector(self._repository).answer_topic(sector, turn.text)
        from actions.rescue import NEXT_STEP  # rescue is built on this module

        asked = final_occupation_question(turn, anywhere=True)
        if asked is not None:  # "... stageplekken voor koeltechnicus. Wat doet zo iemand?": that answer
            return asked(self._repository).answer(turn)

        step_asked = NEXT_STEP.search(turn.text) or any(cue.search(turn.text) for _, cue in STEP_CUES)
        if not step_asked and self.repository.topic_score("myth", turn.text) > 0:
            # "hoe kan ik het beeld 'techniek is vies en zwaar' tegengaan?": the myths' answers, with what helps
            return ActionAnswerMyth(self._repository).answer(turn)
        if not step_asked and WHICH_PROGRAMMES.search(turn.text):
            # "ik zit in vmbo bb, welke techniek opleidingen kan ik doen op mbo?": where the track leads, the directions
            route = ActionAnswerRoute(self._repository)
            answer = route.answer(turn) if turn.found or turn.remembered else route.answer_about_none(turn)
            access = self.repository.catalog.curated["education"].get(ACCESS_TOPIC)
            if access is not None and LEERWEG.search(turn.text):
                answer.replies.insert(0, education_reply(self.repository, access))
            return answer
        school = self.repository.best_topic("education", turn.text)
        if school is not None and not step_asked:
            # "kan ik ook bbl doen en dan al geld verdienen?" taken for a next step: the school answer
            return ActionAnswerEducation(self._repository).answer(turn)
        steps: List = self.repository.next_steps()
        asked = [step_id for step_id, cue in STEP_CUES if cue.search(turn.text)]
        steps = sorted(steps, key=lambda s: asked.index(s.step_id) if s.step_id in asked else len(asked))
        lines = "\n".join(f"- {s.name}: {s.what}" + (f" ({s.url})" if s.url else "") for s in steps[:MAX_STEPS])
        return Answer([Reply("utter_next_step", {"stappen": lines})])
