"""Occupations side by side: pay of one year and employment, each with its source and year."""

import re
from typing import List, Optional

from actions.also_asked import CUES
from actions.answer import Answer, Reply
from actions.citations import cite_facts
from actions.conditions import asked_conditions, condition_text, labels
from actions.formatting import (
    count,
    dutch_list,
    euro_hourly,
    euro_rounded,
    growth_since_last_year,
    median_pay,
    period,
    share,
    women_share,
)
from actions.levels import LEVEL
from actions.school_topics import DURATION_TOPIC, education_reply
from actions.units import NET, SELF_EMPLOYED, amount_per, asked_unit
from bot.classroom.chart import chart_message
from occupations.catalog import OccupationInfo
from occupations.figures import PayFigure
from occupations.repository import Repository


def pay_text(repository: Repository, info: OccupationInfo, year: int, text: str = "") -> str:
    figure = repository.pay_in_year(info, year)
    return median_pay(figure) + unit_text(figure, text) if figure else f"geen loon van het CBS voor {year}"


def unit_text(figure, text: str) -> str:
    """ "(zo'n € 3.790 bruto per maand, ...)" when the question asks per month, week or year."""
    unit = asked_unit(text)
    if not unit:
        return ""
    return f" (zo'n {euro_rounded(amount_per(figure, unit))} bruto per {unit}; eigen rekensom met 38 uur per week)"


def jobs_text(repository: Repository, info: OccupationInfo) -> str:
    figures = repository.prospects(info)
    if figures is None or figures.jobs is None:
        return "aantal werkenden onbekend"
    women = f", vrouwen: {women_share(figures.women_share, figures.jobs)}" if figures.women_share is not None else ""
    where = f" in de groep '{figures.group_title}'" if figures.group_title else ""
    return (
        f"{count(figures.jobs)} werkenden{where} in {period(figures.period)}, "
        f"{growth_since_last_year(figures.growth_pct)}" + women
    )


MAX_COMPARED = 4
# "wat is beter?", "welke is het best?", "wat is slimmer?": say what "better" can mean.
BETTER = re.compile(r"\b(beter|best|beste|slimmer|verstandiger|handiger|leuker)\b", re.IGNORECASE)


def level_note(repository: Repository, info: OccupationInfo, figure: PayFigure) -> Optional[Reply]:
    """Mark the figure's level when an mbo occupation sits in a group of mostly higher-educated workers."""
    profile = repository.profile(info)
    if not profile or not profile.mbo_levels or not repository.mostly_higher_educated(figure.group_code):
        return None
    higher = repository.education_share(figure.group_code)
    return Reply("utter_pay_level_note", {"groep": figure.group_title, "aandeel": share(higher)})


def level_notes(repository: Repository, infos: List[OccupationInfo]) -> List[Reply]:
    """The level note of each group shown side by side ("ICT'er of elektricien?"), once per group."""
    year = repository.common_pay_year(infos)
    notes = {}
    for info in infos:
        figure = repository.pay_in_year(info, year)
        note = level_note(repository, info, figure) if figure is not None else None
        if note is not None:
            notes.setdefault(figure.group_code, note)
    return list(notes.values())


def comparison(repository: Repository, infos: List[OccupationInfo], text: str = "") -> Answer:
    """Two to four occupations compared in one year; the last is remembered for follow-up questions."""
    if not infos:  # every one was ruled out by the message ("... maar niet op kantoor"): ask which ones
        return Answer([Reply("utter_ask_occupation")], is_answer=False)
    if ASKS_OTHER_WORK.search(text):  # "zet er één niet-technisch beroep naast ter vergelijking"
        others = [other for other in repository.same_pupil_occupations() if other not in infos][:1]
        infos = infos[: MAX_COMPARED - len(others)] + others
    infos = infos[:MAX_COMPARED]
    answer = (
        pair_comparison(repository, infos, text) if len(infos) == 2 else several_comparison(repository, infos, text)
    )
    chart = chart_reply(repository, infos)
    if chart:
        answer.replies.append(chart)
    better_of_two = BETTER.search(text) and len(infos) == 2
    if ASKS_ABOUT_THE_WORK.search(text) or asked_conditions(text) or better_of_two:
        # "wat is zwaarder?", "wat is het verschil?", "moet je daar op hoogte werken?": the work itself first;
        # "wat is beter, X of Y?" too, since work that suits you is one of the things "beter" can mean
        answer.replies.insert(0, Reply("utter_compare_work", {"regels": work_lines(repository, infos, text)}))
    # "voeg een kolom toe met het opleidingsniveau", "wat moet je daarvoor doen na de mavo?"
    if ASKS_ROUTE.search(text) or CUES["ask_route"].search(text):
        answer.replies.insert(1, Reply("utter_compare_routes", {"regels": route_lines(repository, infos)}))
        duration = repository.topic("education", DURATION_TOPIC) if ASKS_DURATION.search(text) else None
        if duration is not None:  # "... uurloon, groei en opleidingsduur": how long each mbo level takes
            answer.replies.insert(2, education_reply(repository, duration))
    outcome = verdict(repository, infos, text)
    if outcome:
        answer.replies.insert(1, Reply("utter_compare_verdict", {"uitkomst": outcome}))
    national = repository.national_pay(repository.common_pay_year(infos)) if ASKS_NATIONAL.search(text) else None
    if national is not None:  # "hoe verhoudt zich dat tot het gemiddelde in Nederland?"
        answer.replies.insert(1, Reply("utter_compare_national", {"landelijk": median_pay(national)}))
    if ASKS_EXPERIENCE.search(text):  # "en na tien jaar ervaring?": the table has one figure for everyone
        answer.replies.insert(1, Reply("utter_pay_experience"))
    if SELF_EMPLOYED.search(text):  # "kan hij in die beroepen later eigen baas worden?": employees' pay only
        answer.replies.insert(1, Reply("utter_self_employed"))
    if ASKS_HOW_HEAVY.search(text):  # "welke is het minst zwaar?": the table does not measure it; say so
        answer.replies.append(Reply("utter_compare_not_measured"))
    if ASKS_FUTURE.search(text) or ASKS_SHORTAGE.search(text):
        # "welke heeft meer toekomst?", "welke heeft het grootste tekort?": none per occupation, say so
        fact = repository.fact(FUTURE_FACT_ID)
        response = "utter_compare_future" if ASKS_FUTURE.search(text) else "utter_compare_shortage"
        answer.replies.append(Reply(response, {"feit": cite_facts([fact]) if fact else ""}))
    if ASKS_PAY.search(text) and LEVEL.search(text):  # "en is er verschil tussen niveau 2 en 3?"
        answer.replies.insert(1, Reply("utter_pay_not_by_level"))
    if NET.search(text):  # "en netto?": what the gross figures mean for take-home pay
        answer.replies.append(Reply("utter_pay_net"))
    answer.replies += level_notes(repository, infos)
    if BETTER.search(text):
        answer.replies.append(Reply("utter_compare_better"))
    # "en welke heeft meer werk?" or "die eerste" next refers to these.
    answer.slots["suggested"] = [info.id for info in infos]
    return answer


# "en na tien jaar ervaring?", "als je net begint?", "en over 10 jaar?": the median covers beginners and
# experienced people.
ASKS_EXPERIENCE = re.compile(
    r"\b(beginners?|starters?|startsalaris\w*|beginsalaris\w*|als je (net )?begint|net begonnen|beginnend\w*"
    r"|(\d+|jaren|paar|vijf|tien) (jaar|jr)\b.{0,12}\b(werkt|werken|gewerkt|ervaring|werkervaring)"
    r"|met ervaring|ervaren|senior|jaar of (tien|\d+) ervaring"
    r"|na (de|zijn|haar|je|die) (opleiding|studie)|als (je|hij|ze|zij) (net )?klaar (bent|is)"
    r"|(over|na) (\d+|vijf|tien|twintig|een paar) jaar|als (je|hij|ze|zij) ouder (bent|wordt|is))\b",
    re.IGNORECASE,
)
ASKS_HOW_HEAVY = re.compile(r"\b(zwaar\w*|lichamelijk\w*|fysiek\w*|vies\w*|gevaarlijk\w*)\b", re.IGNORECASE)
# "is het een hype?", "gaat dat werk niet naar China?": the future, which no figure here forecasts
ASKS_FUTURE = re.compile(
    # "is er later nog werk?"; not the wish "ik wil later iets met schepen"
    r"\b(toekomst\w*|voor later"
    r"|later (nog |ook |wel |meer |genoeg |de meeste )*(werk|banen|nodig|vraag|kans\w*|toekomst)"
    r"|straks|over \d+ jaar|blijft|blijven|2030"
    r"|hype|(naar|in) (china|azi[eë]|lagelonenlanden))\b",
    re.IGNORECASE,
)
FUTURE_FACT_ID = "uwv_tight_occupations_2025"  # facts.csv: UWV's expected shortages up to 2030
ASKS_DURATION = re.compile(r"\b(\w*duur\w*|hoe ?lang)\b", re.IGNORECASE)
# "en is er voor allebei genoeg werk?", "bij welke heeft hij meer kans op werk?": UWV's shortage outlook too
ASKS_SHORTAGE = re.compile(
    r"\b(tekort\w*|krap\w*|hard nodig|genoeg werk|(meer|minder|de meeste) kans op werk|veel vraag"
    r"|makkelijk(er|st)? (werk|een baan) (vinden|te vinden|vindt))\b",
    re.IGNORECASE,
)
ASKS_OTHER_WORK = re.compile(r"\b(niet-?\s?technisch\w*|ander werk|buiten de techniek)\b", re.IGNORECASE)
ASKS_NATIONAL = re.compile(
    r"\b(gemiddeld\w*|landelijk\w*|alle werknemers|in nederland|alle beroepen|modaal|modale)\b", re.IGNORECASE
)
# "wie verdient meer?", "welke heeft meer kans op werk?": say which, in one sentence.
ASKS_PAY = re.compile(r"\b(verdien\w*|loon|lonen|salaris\w*|betaal\w*|geld)\b", re.IGNORECASE)
ASKS_WORK = re.compile(
    r"\b(werk|kans\w*|banen|toekomst\w*|baankans\w*|werkzeker\w*|vacatures|groei\w*|vraag naar)\b", re.IGNORECASE
)


ASKS_ABOUT_THE_WORK = re.compile(
    r"\b(zwaar\w*|verschil\w*|wat doe\w*|wat houdt|werk zelf|leuker|vies\w*|gevaarlijk\w*|binnen|buiten|saai\w*"
    r"|van huis|thuis|aan boord|ploeg\w*|nachtdienst\w*|werktijden|(het)?zelfde( als| beroep| werk| vak)?"
    r"|wat is dat|(een )?(echt|apart|eigen) (beroep|vak)|gewoon een|valt (dat|het|die) onder|wat het werk inhoudt)\b",
    re.IGNORECASE,
)


def work_lines(repository: Repository, infos: List[OccupationInfo], text: str = "") -> str:
    """One line per occupation: what the work is and what it is like, from the curated profiles; about
    the conditions the message names ("werken die allebei in ploegendienst?"), where it names any."""
    conditions = asked_conditions(text)
    lines = []
    for info in infos:
        profile = repository.profile(info)
        name = repository.display_name(info)
        if profile is None:
            # no curated profile: ESCO's own first sentence, quoted and credited, where ESCO has one
            quoted = first_sentence(info.esco_description or "")
            lines.append(
                f'- {name}: volgens ESCO "{quoted}"' if quoted else f"- {name}: hier heb ik nog geen beschrijving van."
            )
            continue
        what_it_is_like = first_sentence(profile.working_conditions)
        if conditions:
            said = condition_text(conditions, profile.working_conditions or "")
            what_it_is_like = said or f"Over {labels(conditions)} zegt mijn beschrijving niets."
        lines.append(f"- {name}: {first_sentence(profile.daily_work)} {what_it_is_like}".rstrip())
    return "\n".join(lines)


ASKS_ROUTE = re.compile(
    r"\b(opleiding\w*|niveau\w*|diploma\w*|route\w*|bbl|bol|hoe word\w*|hbo|doorstro\w*|doorleren"
    r"|(met|na) (het )?(mbo|vmbo)\w*|mbo'?ers|(vmbo[- ]?)?(basis|kader)|halen)\b",  # "welke daarvan kan je met mbo 2?"
    re.IGNORECASE,
)


def route_lines(repository: Repository, infos: List[OccupationInfo]) -> str:
    """One line per occupation: its vmbo profiles, mbo levels and bol/bbl, from the curated profiles."""
    lines = []
    for info in infos:
        profile = repository.profile(info)
        name = repository.display_name(info)
        if profile is None or not profile.mbo_levels:
            lines.append(f"- {name}: hier heb ik geen uitgewerkte route van.")
            continue
        ways = dutch_list([way for way, yes in (("bol", profile.bol), ("bbl", profile.bbl)) if yes]) or "hbo"
        profiles = dutch_list(list(profile.vmbo_profiles)) or "elk profiel"
        lines.append(f"- {name}: vmbo {profiles}; mbo-niveau {' of '.join(profile.mbo_levels)}; {ways}")
    return "\n".join(lines)


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0] if text else ""


def verdict(repository: Repository, infos: List[OccupationInfo], text: str) -> str:
    """The direct answer to which of them pays or employs most, from the same figures; "" when not asked."""
    if ASKS_PAY.search(text):
        year = repository.common_pay_year(infos)
        paid = [
            (figure.median, repository.display_name(info))
            for info in infos
            if (figure := repository.pay_in_year(info, year))
        ]
        if len(paid) < 2:
            return ""
        top = max(median for median, _ in paid)
        names = dutch_list([name for median, name in paid if median == top])
        line = f"Het hoogste middelste uurloon in {year}: {names} ({euro_hourly(top)} bruto)."
        missing = [repository.display_name(info) for info in infos if not repository.pay_in_year(info, year)]
        if missing:  # a winner among those with a figure only: say who is not in the race
            line += f" Voor {dutch_list(missing)} heeft het CBS geen loon, dus die tellen hier niet mee."
        return line + shared_pay_note(repository, infos, year)
    if ASKS_WORK.search(text):
        jobs = [
            (p.jobs, p.growth_pct, repository.display_name(info))
            for info in infos
            if (p := repository.prospects(info)) and p.jobs
        ]
        if len(jobs) < 2:
            return ""
        most = max(jobs, key=lambda row: row[0])
        growing = [row for row in jobs if row[1] is not None]
        line = f"De meeste werkenden: {most[2]} ({count(most[0])})."
        fastest = max(growing, key=lambda row: row[1]) if growing else None
        if fastest and fastest[1] > 0:
            line += f" De sterkste groei in een jaar: {fastest[2]} ({growth_since_last_year(fastest[1])})."
        elif fastest:
            line += " Geen van deze groepen groeide in een jaar."
        return line + shared_group_note(repository, infos)
    return ""


def shared_pay_note(repository: Repository, infos: List[OccupationInfo], year: int) -> str:
    """ " X en Y krijgen hetzelfde loon ..." when compared occupations take their pay from one CBS group:
    their own, or the broader group both borrow from (installatiemonteur and koeltechnicus)."""
    by_group = {}
    for info in infos:
        figure = repository.pay_in_year(info, year)
        if figure:
            by_group.setdefault(figure.group_code, (figure.group_title, []))[1].append(repository.display_name(info))
    return "".join(
        f" {dutch_list(names)} hebben hetzelfde loon uit de CBS-groep '{title}': het CBS laat geen verschil"
        " tussen hen zien."
        for title, names in by_group.values()
        if len(names) > 1
    )


def shared_group_note(repository: Repository, infos: List[OccupationInfo]) -> str:
    """ " X en Y vallen in dezelfde CBS-groep ..." when compared occupations share their figures."""
    by_group = {}
    for info in infos:
        by_group.setdefault(info.brc_group, []).append(repository.display_name(info))
    shared = [names for names in by_group.values() if len(names) > 1]
    return "".join(
        f" {dutch_list(names)} vallen in dezelfde CBS-groep: hun cijfers zijn gelijk en zeggen niets over het verschil."
        for names in shared
    )


def chart_reply(repository: Repository, infos: List[OccupationInfo]) -> Optional[Reply]:
    """The bar chart of the same year's pay (bot/classroom), when at least one occupation has a figure."""
    infos = list({info.id: info for info in infos}.values())  # "lasser en lasser": one bar
    year = repository.common_pay_year(infos)
    if len(infos) < 2 or not any(repository.pay_in_year(info, year) for info in infos):
        return None
    return Reply("", custom=chart_message(repository, infos))


def several_comparison(repository: Repository, infos: List[OccupationInfo], text: str = "") -> Answer:
    year = repository.common_pay_year(infos)
    lines = [
        f"- {repository.display_name(info)}: {pay_text(repository, info, year, text)}. "
        f"Werk: {jobs_text(repository, info)}."
        for info in infos
    ]
    reply = Reply("utter_compare_several", {"jaar": str(year), "regels": "\n".join(lines)})
    return Answer([reply], about=infos[-1], slots={"compare_with": None})


def pair_comparison(repository: Repository, pair: List[OccupationInfo], text: str = "") -> Answer:
    first, second = pair
    year = repository.common_pay_year([first, second])
    reply = Reply(
        "utter_compare",
        {
            "a_naam": repository.display_name(first),
            "b_naam": repository.display_name(second),
            "jaar": str(year),
            "a_loon": pay_text(repository, first, year, text),
            "b_loon": pay_text(repository, second, year, text),
            "a_banen": jobs_text(repository, first),
            "b_banen": jobs_text(repository, second),
        },
    )
    return Answer([reply], about=second, slots={"compare_with": None})
