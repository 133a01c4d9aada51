"""What does an occupation pay? CBS gross hourly wages of its group, and a comparison within one year."""

import re
from typing import Dict, List, Text

from actions.answer import Answer, Reply, name_values, sentence_name
from actions.base import OccupationAction
from actions.citations import cite_facts
from actions.comparison import ASKS_EXPERIENCE, level_note
from actions.formatting import euro_hourly, euro_rounded, median_pay
from actions.levels import LEVEL as MBO_LEVEL
from actions.levels import asked_level, level_answer
from actions.lists import BEST_PAID, LEAST_PAID, SHORTAGE, best_paid
from actions.prospects import ActionAnswerProspects
from actions.topics import PAY_WHILE_LEARNING, ActionAnswerEducation, ActionAnswerMyth, occupation_lines
from actions.turn import REMEMBERED, Turn
from actions.units import NET, SHIFT_ALLOWANCE, unit_replies
from actions.women import ASKS_PAY_BY_GENDER, ASKS_WOMEN_SHARE
from occupations.catalog import OccupationInfo
from occupations.figures import LEVEL_NAMES, PayFigure
from occupations.repository import PAY_YEARS, Repository

# Pay of several occupations, none named: "een paar salarissen van technische beroepen".
SEVERAL_OCCUPATIONS = re.compile(r"\b(salarissen|lonen|beroepen|overzicht\w*|lijst\w*|rijtje\w*)\b", re.IGNORECASE)
# "hoeveel mensen werken als loodgieter, worden dat er meer?": employment, which prospects gives.
ASKS_HEADCOUNT = re.compile(
    r"\b(hoeveel mensen|werkenden|meer of minder|worden (dat|het) er|hoeveel \w+ (werken|zijn er)|groeit)\b",
    re.IGNORECASE,
)
# "is dat veel?", "is dat een goed loon?": how the pay just given compares.
IS_THAT_A_LOT = re.compile(r"\bis (dat|het|dit)\b.{0,15}\b(veel|weinig|goed|genoeg|normaal|hoog|laag)\b", re.IGNORECASE)
PAY_WORDS = re.compile(r"\b(verdien\w*|betaal\w*|loon|lonen|salaris\w*|geld|euro)\b", re.IGNORECASE)
# "en als je net begint?", "met 10 jaar ervaring?": the table has one figure for everyone in the group.
# "krijgt hij loon in de bbl?", or "krijg je dan echt geld?" right after the answer about bbl.
# "krijg je dan al geld?", "word je meteen betaald?": pay from the start, i.e. while learning
ALREADY_PAID = re.compile(
    r"\b(al|alvast|meteen|direct)\b.{0,12}\b(geld|loon|betaald)\b|\b(geld|loon|betaald)\b.{0,12}\b(al|alvast|meteen)\b",
    re.I,
)
BBL_SHOWN = re.compile(r"\bbbl\b", re.IGNORECASE)
WHILE_LEARNING = re.compile(
    r"\b(bbl|leerbaan|leerbedrijf|stage\w*|tijdens (de|die|je|zijn|haar) opleiding|tijdens het leren"
    r"|(als|terwijl) (je|ze|zij|hij) (nog )?(leert|leren|op school zit)"
    r"|(als|terwijl) (je|ze|zij|hij) (een|de|je|zijn|haar) (\w+ )?opleiding (doet|volgt)"
    r"|als (leerling|leerjongen|stagiair\w*)|werken en leren|leren en werken)\b",
    re.IGNORECASE,
)

# "en als ik 16 ben?" after the pay: one figure for all ages
# "het gemiddelde uurloon in nederland", "vergelijk met alle beroepen"; not "wij wonen 3 jaar in Nederland"
NATIONAL_PAY = re.compile(
    r"\b(gemiddeld\w*|modaal|modale|landelijk\w*)\b.{0,30}\b(\w*loon|salaris|inkomen|verdien\w*)\b"
    r"|\b(\w*loon|salaris|inkomen|verdien\w*)\b.{0,40}\b(modaal|alle (werknemers|beroepen|banen))\b",
    re.IGNORECASE,
)
YOUTH_PAY_FACT = "youth_minimum_wage"  # facts.csv
ASKS_AGE = re.compile(
    r"\bals (ik|je|hij|ze|zij) (pas |nog )?(1[5-8]|zestien|zeventien) (ben|bent|is|jaar)\b"
    r"|\bals (1[5-8]|zestien|zeventien)[- ]?jarige\b",  # "krijg je dat als 16-jarige ook al?"
    re.I,
)

# "verdien je goed in de techniek?": technical work as a whole.
TECHNICAL_WORK_AS_A_WHOLE = re.compile(r"\b(techniek|technisch\w*|technici)\b", re.IGNORECASE)
BADLY_PAID_MYTH = "m02"  # "Technisch werk is slecht betaald.": its answer has the figures for all technical work


def pay_values(figure: PayFigure) -> Dict[str, str]:
    return {
        "groep": figure.group_title,
        "eigen_groep": figure.own_group_title,
        "niveau": LEVEL_NAMES[figure.level],
        "mediaan_uur": euro_hourly(figure.median),
        "mediaan_maand": euro_rounded(figure.median_per_month),
        "p25": euro_hourly(figure.p25),
        "p75": euro_hourly(figure.p75),
        "bron": figure.source.citation,
    }


def _group_label(figure: PayFigure) -> str:
    return f"{'bredere groep' if figure.is_broader else 'groep'} '{figure.group_title}'"


def _relation(own: float, national: float) -> str:
    if own > national:
        return "meer dan"
    return "minder dan" if own < national else "evenveel als"


def other_work_text(repository: Repository, info: OccupationInfo, year: int) -> str:
    """The other work open to the same pupil, each with its median of the same year (or none)."""
    parts = []
    for other in repository.same_pupil_occupations():
        if other.id == info.id:
            continue
        figure = repository.pay_in_year(other, year)
        name = sentence_name(repository.display_name(other))
        if figure is None:
            parts.append(f"{name} geen cijfer")
        else:
            parts.append(f"{name} {euro_hourly(figure.median)}" + (" (bredere groep)" if figure.is_broader else ""))
    return ", ".join(parts)


def comparison_text(repository: Repository, info: OccupationInfo) -> str:
    """The occupation against all employees and against other work after the vmbo, all in one year."""
    year = repository.comparison_year()
    own, national = repository.pay_in_year(info, year), repository.national_pay(year)
    if own is None or national is None:
        return f"Voor {year} heeft het CBS geen loon van deze groep, dus vergelijken binnen één jaar kan hier niet."
    lines = [
        f"In {year} ({own.source.citation}):",
        f"- {repository.display_name(info)} ({_group_label(own)}): middelste uurloon {euro_hourly(own.median)}; "
        f"een kwart verdiende meer dan {euro_hourly(own.p75)}.",
        f"- alle werknemers samen: {euro_hourly(national.median)}. Deze groep verdiende dus "
        f"{_relation(own.median, national.median)} het landelijke midden.",
    ]
    others = other_work_text(repository, info, year)
    if others:
        lines.append(f"- ander werk na het vmbo: {others}.")
    return "\n".join(lines)


def salary_answer(repository: Repository, info: OccupationInfo, text: str = "") -> Answer:
    names = name_values(repository.display_name(info))
    figure = repository.pay(info)
    if figure is None:
        replies = [Reply("utter_no_salary", {**names, "eigen_groep": repository.group_title(info.brc_group)})]
        replies += [Reply("utter_shift_allowance")] if SHIFT_ALLOWANCE.search(text) else []
        replies += [Reply("utter_pay_net")] if NET.search(text) else []  # "is dat bruto of netto?": still said
        return Answer(replies, about=info)
    response = "utter_salary_broader" if figure.is_broader else "utter_salary"
    replies: List[Reply] = [Reply(response, {**names, **pay_values(figure)})]
    replies += unit_replies(figure, text)
    profile = repository.profile(info)
    if profile and profile.pay_note:
        replies.append(Reply("utter_pay_note", {"notitie": profile.pay_note}))
    note = level_note(repository, info, figure)
    replies += [note] if note else []
    replies.append(Reply("utter_pay_comparison", {"vergelijking": comparison_text(repository, info)}))
    return Answer(replies, about=info)


# "is dat per maand?", "wat is bruto?": a question about the figure just shown
IS_THAT_THE_UNIT = re.compile(
    r"^\W*(en )?(is|zijn) (dat|dit|het|die|deze)( bedragen| cijfers)? per\b"  # netto has its own answer
    r"|\bwat (is|betekent|bedoel\w*)( je| u| jij)?( met)? (bruto|netto)\b",  # "wat is bruto eig lol"
    re.IGNORECASE,
)


class ActionAnswerSalary(OccupationAction):
    intent = "ask_salary"
    compares_several = True

    def name(self) -> Text:
        return "action_answer_salary"

    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        if ASKS_PAY_BY_GENDER.search(turn.text):  # the figure is for men and women together: say so first
            answer = salary_answer(self.repository, info, turn.text)
            answer.replies.insert(0, Reply("utter_no_pay_by_gender"))
            return answer
        asks_people = (
            ASKS_WOMEN_SHARE.search(turn.text) or ASKS_HEADCOUNT.search(turn.text) or SHORTAGE.search(turn.text)
        )
        if asks_people and not PAY_WORDS.search(turn.text):
            # "hoeveel meiden doen dat?" is a question for the share of women, which prospects gives.
            return ActionAnswerProspects(self._repository).answer_about(turn, info)
        if turn.resolution == REMEMBERED and ALREADY_PAID.search(turn.text) and BBL_SHOWN.search(turn.previous_reply):
            # "krijg je dan al geld?" right after a route with the bbl: the pay while learning, not the group's wage
            return self.pay_while_learning()
        if turn.resolution == REMEMBERED and IS_THAT_THE_UNIT.search(turn.text):
            # "is dat per maand?", "wat is bruto?" about the pay: what the figure is, then the figure without the rest
            from actions.data_source import narrow_answers  # data_source is built on the actions beside this one

            pay = salary_answer(self.repository, info, turn.text)  # the figure in the unit asked, without the rest
            figure = [reply for reply in pay.replies if reply.response != "utter_pay_comparison"]
            return Answer(narrow_answers(turn, self.repository) + figure, about=info)
        answer = salary_answer(self.repository, info, turn.text)
        compared = [reply for reply in answer.replies if reply.response == "utter_pay_comparison"]
        if IS_THAT_A_LOT.search(turn.text) and turn.resolution == REMEMBERED and compared:
            # "is dat veel?" right after the pay: the comparison with all employees, not the same block again
            return Answer(compared, about=info)
        if WHILE_LEARNING.search(turn.text):  # "wat verdient hij als automonteur in de bbl?"
            answer.replies = self.pay_while_learning().replies + answer.replies
        asks_age_or_experience = ASKS_EXPERIENCE.search(turn.text) or ASKS_AGE.search(turn.text)
        if asks_age_or_experience and answer.replies[0].response.startswith("utter_salary"):
            answer.replies[1:1] = self.age_replies(turn.text)
        if MBO_LEVEL.search(turn.text) and answer.replies[0].response.startswith("utter_salary"):
            # "als hij doorleert tot niveau 4, verdient hij dan meer?": one figure for all levels, say so
            answer.replies.insert(1, Reply("utter_pay_not_by_level"))
        return answer

    def answer_without_occupation(self, turn: Turn) -> Answer:
        if self.asks_national_pay(turn.text):
            return self.national_pay()  # "wat is het gemiddelde uurloon in nederland?"
        # "wat verdien je met mbo 2": the occupations at that level, with their pay.
        level = asked_level(turn.text)
        if level:
            return level_answer(self.repository, level, occupation_lines, turn.text)
        after_the_bbl = WHILE_LEARNING.search(turn.previous_reply) and not turn.suggested  # not after a list
        if WHILE_LEARNING.search(turn.text) or after_the_bbl:
            return self.pay_while_learning()
        if ASKS_PAY_BY_GENDER.search(turn.text):
            return Answer([Reply("utter_no_pay_by_gender")])
        return super().answer_without_occupation(turn)

    def answer_about_none(self, turn: Turn) -> Answer:
        if self.asks_national_pay(turn.text):
            return self.national_pay()  # "vergelijk dat eens met het gemiddelde uurloon van alle beroepen"
        if SEVERAL_OCCUPATIONS.search(turn.text) or BEST_PAID.search(turn.text) or LEAST_PAID.search(turn.text):
            # "drie salarissen van technische beroepen voor mijn les", "de best betaalde baan met mbo?"
            return best_paid(self.repository, turn.text)
        # In a conversation that named no occupation yet (a myth, school), "verdien je er wel goed mee?"
        # is about technical work too.
        general_talk = bool(turn.previous_reply) and not turn.discussed and turn.remembered is None
        if TECHNICAL_WORK_AS_A_WHOLE.search(turn.text) or general_talk:
            myth = ActionAnswerMyth(self._repository)
            return myth.answer_topic(self.repository.topic("myth", BADLY_PAID_MYTH), turn.text)
        return super().answer_about_none(turn)

    @staticmethod
    def asks_national_pay(text: str) -> bool:
        """ "het gemiddelde uurloon in nederland", not "gemiddeld in de techniek" nor the best paid."""
        return bool(NATIONAL_PAY.search(text)) and not (
            BEST_PAID.search(text) or TECHNICAL_WORK_AS_A_WHOLE.search(text)
        )

    def national_pay(self) -> Answer:
        """The middle hourly wage of all employees, in each year the table has, said to be a median."""
        figures = [self.repository.national_pay(year) for year in PAY_YEARS]
        lines = "\n".join(f"- {figure.year}: {median_pay(figure)}" for figure in figures if figure)
        return Answer([Reply("utter_national_pay", {"regels": lines})])

    def age_replies(self, text: str) -> List[Reply]:
        """No pay per year of experience or age; for a pupil's age ("als je 16 bent") the youth minimum wage."""
        replies = [Reply("utter_pay_experience")]
        if ASKS_AGE.search(text):
            replies.append(Reply("utter_youth_pay", {"feiten": cite_facts(self.repository.facts((YOUTH_PAY_FACT,)))}))
        return replies

    def pay_while_learning(self) -> Answer:
        """Pay in the bbl (and a placement allowance in the bol): the curated education topic."""
        education = ActionAnswerEducation(self._repository)
        return education.answer_topic(self.repository.topic("education", PAY_WHILE_LEARNING))
