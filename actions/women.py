"""How many women work in technical and ICT groups: the highest and lowest shares, from the CBS table."""

import re
from typing import Optional

from actions.answer import Reply
from actions.formatting import count, period, share, women_share
from occupations.repository import Repository

# "hoeveel vrouwen", "aandeel vrouwen", "percentage meisjes": a question for the figure itself.
ASKS_WOMEN_SHARE = re.compile(
    r"(\b(hoeveel|aandeel|percentage|procent|cijfer\w*)\b|%).*\b(vrouw\w*|meisjes|meiden)\b"  # "zo'n 15% ... vrouw"
    r"|\b(vrouw\w*|meisjes|meiden)\b.*(\b(aandeel|percentage|procent|cijfer\w*)\b|%)"
    r"|\b(meisjes|meiden|vrouwen)\b.{0,25}\b(vaakst|het meest|meeste)\b",
    re.IGNORECASE,
)
# "krijgen vrouwen evenveel betaald als mannen?": the table has no pay by gender.
ASKS_PAY_BY_GENDER = re.compile(
    r"\b(vrouw\w*|mannen|meisjes|meiden)\b.*\b(evenveel|hetzelfde|zelfde|minder|meer)\b.*\b(betaald|verdien\w*|loon|salaris)\b"
    r"|\b(betaald|verdien\w*|loon|salaris)\b.*\b(evenveel|hetzelfde|zelfde|minder|meer)\b.*\b(vrouw\w*|mannen|meisjes|meiden)\b"
    r"|\b(verdien\w*) (vrouw\w*|meisjes|meiden)\b.{0,30}\b(minder|meer|evenveel)\b",  # "verdienen vrouwen ... minder"
    re.IGNORECASE,
)
SHOWN = 3  # groups at each end


def women_share_reply(repository: Repository) -> Optional[Reply]:
    groups = repository.women_shares()
    if len(groups) < 2 * SHOWN:
        return None

    def lines(rows) -> str:
        return "\n".join(
            f"- {g.group_title}: vrouwen {women_share(g.women_share, g.jobs)}, van {count(g.jobs)} werkenden"
            for g in rows
        )

    first = groups[0]
    together, jobs = repository.women_share_together()
    return Reply(
        "utter_women_share",
        {
            "samen": f"{share(together)} vrouw (van {count(jobs)} werkenden)" if together is not None else "onbekend",
            "hoogst": lines(groups[:SHOWN]),
            "laagst": lines(groups[-SHOWN:]),
            "periode": period(first.period),
            "bron": first.source.citation,
        },
    )
