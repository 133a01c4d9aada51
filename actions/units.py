"""Pay in the unit the user asked for (per week, per year), and what "netto" means.

CBS publishes gross hourly wages. A week, month or year is the project's own arithmetic on
that median, with the hours stated: 38 hours a week, 52 weeks a year (occupations/figures.py).
"""

import re
from typing import List

from actions.answer import Reply
from actions.formatting import euro_hourly, euro_rounded
from occupations.figures import HOURS_PER_MONTH, HOURS_PER_WEEK, PayFigure

WEEKS_PER_YEAR = 52
PER_WEEK = re.compile(r"\b(per week|in de week|een week|weekloon|weeksalaris)\b", re.IGNORECASE)
PER_YEAR = re.compile(
    r"\b(per jaar|in een jaar|een jaar|jaarloon|jaarsalaris|jaarinkomen|bruto jaar\w*)\b", re.IGNORECASE
)
PER_MONTH = re.compile(r"\b(per maand|in de maand|een maand|maandloon|maandsalaris|maandbedrag)\b", re.IGNORECASE)
# "krijg je extra voor ploegendienst?": the allowance is in the employer's cao, not in the table.
SHIFT_ALLOWANCE = re.compile(
    r"\b(ploegentoeslag|toeslag\w*|onregelmatigheidstoeslag|extra (geld )?voor|meer door"
    r"|(verdien\w*|krijg\w*|betaald) (je|jij|hij|ze|zij|u) (daar |dan |er )?extra)\b"
    # "dat is ploegendienst toch? verdien je dan meer"
    r"|\b(ploegen\w*|nachtdienst\w*|'s nachts)\b.{0,40}\b(verdien\w*|meer (geld|loon)|betaal\w*|extra (geld|loon))\b",
    re.IGNORECASE,
)
# "en als zzp'er? daar hoor je hoge uurtarieven van": the table has employees' wages only.
SELF_EMPLOYED = re.compile(r"\b(zzp\w*|eigen baas|uurtarie\w*|freelance\w*)\b", re.IGNORECASE)
NET = re.compile(r"\b(netto|schoon|overhouden|houd je over|hou je over|na belasting)\b", re.IGNORECASE)


HOURS_PER = {"week": HOURS_PER_WEEK, "maand": HOURS_PER_MONTH, "jaar": HOURS_PER_WEEK * WEEKS_PER_YEAR}


def asked_unit(text: str) -> str:
    """ "maand", "jaar" or "week" when the message asks pay per that unit (a month first), else ""."""
    for unit, cue in (("maand", PER_MONTH), ("jaar", PER_YEAR), ("week", PER_WEEK)):
        if cue.search(text):
            return unit
    return ""


def amount_per(figure: PayFigure, unit: str) -> float:
    """The median per week, month or year: the project's own arithmetic with 38 hours a week."""
    return figure.median * HOURS_PER[unit]


def unit_replies(figure: PayFigure, text: str) -> List[Reply]:
    """The median per week or per year when asked, and the note on net pay when asked."""
    replies = []
    if PER_WEEK.search(text):
        replies.append(
            Reply(
                "utter_pay_per_week",
                {"mediaan_uur": euro_hourly(figure.median), "bedrag": euro_rounded(amount_per(figure, "week"))},
            )
        )
    if PER_YEAR.search(text):
        replies.append(
            Reply(
                "utter_pay_per_year",
                {"mediaan_uur": euro_hourly(figure.median), "bedrag": euro_rounded(amount_per(figure, "jaar"))},
            )
        )
    if NET.search(text):
        replies.append(Reply("utter_pay_net"))
    if SHIFT_ALLOWANCE.search(text):
        replies.append(Reply("utter_shift_allowance"))
    if SELF_EMPLOYED.search(text):
        replies.append(Reply("utter_self_employed"))
    return replies
