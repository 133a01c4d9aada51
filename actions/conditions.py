"""Working conditions a user names: asked about ("moet hij de hele dag op het dak?") or ruled out
("hij heeft hoogtevrees", "niet de hele dag achter een scherm").

The answer quotes the sentences of the curated `working_conditions` text that speak of the
condition, so it claims no more than that text; where the text says nothing, the answer says so.
"""

import re
from dataclasses import dataclass
from typing import List, Optional

from actions.also_asked import sentences
from actions.formatting import dutch_list
from occupations.catalog import OccupationInfo
from occupations.repository import Repository


@dataclass(frozen=True)
class Condition:
    key: str
    label: str  # Dutch, shown to the user: "werken op hoogte"
    asked: re.Pattern  # the user's words for it
    described: re.Pattern  # the words of a working_conditions sentence that speaks of it
    can_be_ruled_out: bool = True


def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"\b({pattern})\b", re.IGNORECASE)


CONDITIONS = [
    Condition(
        "height",
        "werken op hoogte",
        _words(r"hoogtevrees|op (het |de |een )?dak(en)?|op hoogte|hoogtes?|ladders?|steigers?|klimmen"),
        _words(r"hoogte|dak(en)?|ladders?|steigers?|hoogwerkers?|klimmen"),
    ),
    Condition(
        "hours",
        "nachtdiensten en werktijden",
        _words(
            r"s?nacht\w*|ploeg\w*|onregelmatig\w*|'s avonds|avonddienst\w*|weekend\w*|werktijden"
            r"|storingsdienst\w*|wisseldienst\w*"
        ),
        _words(r"ploegendienst|'s nachts|nacht|weekend|storingsdienst|buiten kantoortijd|avond\w*|wachten|vroeg"),
    ),
    Condition(
        "away",
        "lang van huis zijn",
        _words(r"van huis|lang weg|(weken|maanden|dagen) (weg|op zee)|op zee|thuis slapen|heimwee|ver weg|reizen"),
        # "op zee" or "aan boord" alone says nothing of time away
        _words(r"van huis|weken|buitenland|ver reizen|reist"),
    ),
    Condition(
        "outdoors",
        "buiten werken, in weer en wind",
        _words(r"buiten|kou|koud|regen|weer en wind|binnen|winter|zomerwerk|vorst"),
        _words(r"buiten|weer|seizoenen|koud|nat|harde wind|storm"),
    ),
    Condition(
        "physical",
        "lichamelijk zwaar werk",
        _words(r"zwaar|zware|tillen|sjouwen|rug|lichamelijk|fysiek"),
        _words(r"zwaar|zware|tillen|getild|lichamelijk|knielen|bukken|klimmen"),
    ),
    Condition(
        "programming",
        "programmeren",
        _words(r"programmeren|coderen|code schrijven|codes? kloppen"),  # not "programmeur": an occupation
        _words(r"programmeer\w*|programmeren|programmeert|programmeur\w*|code|software (schrijven|maken|bouwen)"),
    ),
    Condition(
        "screen",
        "veel zitten achter een scherm",
        _words(
            r"scherm|beeldscherm|stilzitten|stil zitten|achter (een|de) (computer|pc|laptop|bureau|scherm)"
            r"|bureau|kantoor"
        ),
        # "achter de computer", not any computer: a mechanic's diagnosis computer is no desk job
        _words(r"achter (de|een) (computer|laptop|scherm)\w*|kantoor|schermwerk|zit veel|beeldscherm\w*"),
    ),
    Condition(
        "dirty",
        "vies werk",
        _words(r"vies|vieze|vuil|vuile|smerig\w*|olie|vet|stof|stoffig|stofvrij"),
        _words(r"vies\w*|vuil\w*|smerig\w*|olie|vet|stof(fig)?|lasrook|modder|schoon"),
    ),
    Condition(
        "safety",
        "veiligheid en risico's",
        _words(
            r"veilig\w*|onveilig\w*|gevaar\w*|risico\w*|ongeluk\w*|stoffen|giftig\w*|ontplof\w*"
            # "kan je als elektricien makkelijk dood gaan door stroom?"
            r"|dood(gaan)?|elektrocut\w*|onder stroom|een schok|stroomschok\w*"
            r"|(on)?gezond\w*|longen|longziekte\w*|inademen"  # "is lassen niet slecht voor de longen?"
        ),
        _words(r"veilig\w*|gevaar\w*|bescherm\w*|helm|valbeveiliging|stoffen|risico\w*|hoogspanning|lasrook|afzuiging"),
        can_be_ruled_out=False,  # every hands-on text speaks of safety: "niet gevaarlijk" would leave nothing
    ),
]
# "hoogtevrees", "kan niet stilzitten", "liever niet buiten", "geen nachtdiensten", "bang voor hoogte":
# the user rules the condition out. "Liever binnen" rules out outdoor work. Up to five words may stand
# between ("niet de hele dag staat te sjouwen"), but no new clause ("weet niet wat ik wil, ik vind buiten chill").
# A comma or a new subject ("niet stilzitten, hij houdt van buiten") starts a clause the negation does not reach.
RULED_OUT_BEFORE = re.compile(
    r"(\b(niet|geen|nooit|minder|hekel aan|bang voor|slecht tegen|moeite met|vrees voor|zonder)\b"
    r"([^\w,.;!?]+(?!(wat|waar|wie|ik|hij|ze|zij|je|maar|en|of)\b)\w+){0,5}"
    r"|\bgeen (zin|trek)\b([^\w,.;!?]+(?!(wat|waar|wie|ik|hij|ze|zij|je|maar|en|of)\b)\w+){0,9})"
    r"[^\w,.;!?]*$",
    re.IGNORECASE,
)
# "hoogtes vind ik eng": the condition named first, then disliked
DISLIKED_AFTER = re.compile(
    r"\w*\s+(vind|vindt) (ik|hij|ze|zij) (echt |heel |best )?(eng|doodeng|niks|stom|vreselijk)\b", re.I
)
# Words that ask about a condition but name its opposite: "niet binnen zitten" wants outdoor work.
OPPOSITES = {"binnen"}
ALWAYS_RULED_OUT = {
    "height": _words(r"hoogtevrees"),
    "outdoors": _words(r"liever binnen|(alleen|wel) binnen"),
    # "kan dat ook dichter bij huis?", "hij wil elke avond thuis slapen"
    "away": _words(r"(dichter|dicht) bij huis|elke (dag|avond|nacht) thuis|niet (zo )?lang (weg|van huis)"),
    # "mijn rug is kapot", "als je later rugklachten krijgt": a body that cannot take heavy work
    "physical": _words(
        r"rug (is )?(kapot|versleten)|rugklachten|rugpijn|hernia|last van (zijn|haar|mijn|je) rug|slechte rug"
    ),
}
# "lichamelijk niet zwaar": a sentence that denies the condition does not describe it.
DENIED = re.compile(r"\bniet (zo |erg |heel )?(zwaar|buiten)\b", re.IGNORECASE)


# "... ongeveer? en hoelang ben je dan weg van huis": a question without its question mark
QUESTION_START = re.compile(
    r"\s*(en\s+)?(hoe\w*|moet\w*|ben|is|zijn|werk\w*|heb\w*|kan|kun\w*|mag|sta\w*|zit\w*|wat|welke?)\b",
    re.IGNORECASE,
)


# "ik ben bang dat hij dan maanden van huis is": a worry asks as plainly as a question
WORRIED = re.compile(r"\b(bang|zorgen|bezorgd|vrees|twijfel\w*)\b", re.IGNORECASE)


POINTS_BACK_START = re.compile(r"\s*(en |maar )?(is|lijkt|wordt|valt) (dat|dit|het|die)\b", re.IGNORECASE)


def asked_conditions(text: str) -> List[Condition]:
    """The conditions the message asks about: named in a question, or anywhere in a message without
    one ("moet je dan maanden weg van huis"). Context is no question: "hij zit de hele dag achter de
    computer. Wat verdient een netwerkbeheerder?" asks about pay."""
    text = text or ""
    parts = sentences(text)
    questions = [s for s in parts if s.rstrip().endswith("?") or QUESTION_START.match(s) or WORRIED.search(s)]
    # "Hij zei iets over ploegendienst. Is dat niet zwaar?": the sentence "dat" points back to is asked too
    questions += [parts[i - 1] for i, s in enumerate(parts) if i and s in questions and POINTS_BACK_START.match(s)]
    questions = questions if "?" in text else [text]
    asked = [c for c in CONDITIONS if any(c.asked.search(q) for q in questions)]
    return asked + [c for c in ruled_out(text) if c not in asked]  # "ik heb hoogtevrees" is asked too


def ruled_out(text: str) -> List[Condition]:
    """The conditions the user does not want: named after "niet", "geen", "bang voor" and the like, or
    before "vind ik eng" ("hoogtes vind ik eng")."""
    text = text or ""
    result = []
    for condition in (c for c in CONDITIONS if c.can_be_ruled_out):
        always = ALWAYS_RULED_OUT.get(condition.key)
        if always is not None and always.search(text):
            result.append(condition)
            continue
        matches = [m for m in condition.asked.finditer(text) if m.group().lower() not in OPPOSITES]
        disliked = [m for m in matches if DISLIKED_AFTER.match(text, m.end())]
        if disliked or any(RULED_OUT_BEFORE.search(text[: match.start()]) for match in matches):
            result.append(condition)
    return result


def describing_sentences(condition: Condition, working_conditions: str) -> List[str]:
    """The sentences of a working_conditions text that speak of the condition (not those that deny it)."""
    return [s.strip() for s in sentences(working_conditions) if condition.described.search(s) and not DENIED.search(s)]


# Words that describe a condition by its absence: "een schoon laboratorium" answers "is het vies?", yet the
# work does not have the condition, so it is not left out for it.
ABSENCE_WORDS = re.compile(r"\b(schoon|schone)\b", re.IGNORECASE)


def says_it_is_without(condition: Condition, working_conditions: str) -> bool:
    """Whether the work text says the work is without the condition ("een schoon laboratorium")."""
    return any(ABSENCE_WORDS.search(sentence) for sentence in describing_sentences(condition, working_conditions))


def has_condition(condition: Condition, working_conditions: str) -> bool:
    """Whether the work text says the work has the condition (not only that it is without it)."""
    return any(
        condition.described.search(ABSENCE_WORDS.sub(" ", sentence))
        for sentence in describing_sentences(condition, working_conditions)
    )


def condition_text(conditions: List[Condition], working_conditions: str) -> Optional[str]:
    """What the curated text says about the asked conditions, or None when it says nothing."""
    said = []
    for condition in conditions:
        said += [s for s in describing_sentences(condition, working_conditions) if s not in said]
    return " ".join(said) or None


def without_ruled_out(repository: Repository, infos: List[OccupationInfo], text: str):
    """The occupations left once those with a ruled-out condition are taken out, the ones taken out,
    and the conditions ruled out. An occupation without a curated text stays: nothing is known against it."""
    conditions = ruled_out(text)
    if not conditions:
        return infos, [], []
    kept, left_out, said_without = [], [], []
    for info in infos:
        profile = repository.profile(info)
        text_of_work = f"{profile.daily_work} {profile.working_conditions}" if profile else ""
        if any(has_condition(c, text_of_work) for c in conditions):
            left_out.append(info)
        elif profile and any(says_it_is_without(c, profile.working_conditions) for c in conditions):
            said_without.append(info)  # "een schoon laboratorium": first, the text says so
        else:
            kept.append(info)
    return said_without + kept, left_out, conditions


def condition_reply(repository: Repository, info: OccupationInfo, text: str, say_unknown: bool = True):
    """What the occupation's curated work text says about the conditions the message asks about: a
    reply quoting those sentences; one that says the text is silent (`say_unknown`); or None."""
    from actions.answer import Reply, name_values  # answer is built on the turn these conditions read

    conditions = asked_conditions(text)
    profile = repository.profile(info)
    if not conditions or not profile or not profile.working_conditions:
        return None
    said = condition_text(conditions, profile.working_conditions)
    values = {**name_values(repository.display_name(info)), "onderwerp": labels(conditions)}
    if said:
        return Reply("utter_work_condition", {**values, "zinnen": said})
    return Reply("utter_work_condition_unknown", values) if say_unknown else None


def labels(conditions: List[Condition]) -> str:
    return dutch_list([c.label for c in conditions])
