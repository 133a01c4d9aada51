"""Pay in the unit the user asked for (per week, per year), and what "netto" means.

CBS publishes gross hourly wages. A week, month or year is the project's own arithmetic on
that median, with the hours stated: 38 hours a week, 52 weeks a year (occupations/figures.py).
"""

import re
from typing import List

from actions.answer import Reply
from actions.formatting import euro_hourly, euro_rounded
from occupations.figures import HOURS_PER_WEEK, PayFigure

WEEKS_PER_YEAR = 52
PER_WEEK = re.compile(r"\b(per week|in de week|een week|weekloon|weeksalaris)\b", re.IGNORECASE)
PER_YEAR = re.compile(
    r"\b(per jaar|in een jaar|een jaar|jaarloon|jaarsalaris|jaarinkomen|bruto jaar\w*)\b", re.IGNORECASE
)
PER_MONTH = re.compile(r"\b(per maand|in de maand|een maand|maandloon|maandsalaris)\b", re.IGNORECASE)
NET = re.compile(r"\b(netto|schoon|overhouden|houd je over|hou je over|na belasting)\b", re.IGNORECASE)


def unit_replies(figure: PayFigure, text: str) -> List[Reply]:
    """The median per week or per year when asked, and the note on net pay when asked."""
    replies = []
    if PER_WEEK.search(text):
        replies.append(
            Reply(
                "utter_pay_per_week",
                {"mediaan_uur": euro_hourly(figure.median), "bedrag": euro_rounded(figure.median * HOURS_PER_WEEK)},
            )
        )
    if PER_YEAR.search(text):
        yearly = figure.median * HOURS_PER_WEEK * WEEKS_PER_YEAR
        replies.append(
            Reply("utter_pay_per_year", {"mediaan_uur": euro_hourly(figure.median), "bedrag": euro_rounded(yearly)})
        )
    if NET.search(text):
        replies.append(Reply("utter_pay_net"))
    return replies
