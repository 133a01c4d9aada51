"""Where a sentence puts an occupation: "ik wil [youtuber] worden", "wat verdient een [mecanicien]",
"werken als [dj]". The occupation matcher uses these places for the names it cannot settle alone:
a typo that fits several names counts there (and the pupil is asked which one), and a word the
table does not know there is an occupation the assistant says it does not know.
"""

import re
from typing import List, Tuple

LETTERS = r"[a-zà-ÿ][a-zà-ÿ'-]+"
WORD = rf"(?P<word>{LETTERS})"
WORDS = rf"(?P<word>{LETTERS}(?:\s+{LETTERS})?)"  # before "worden": "software developer worden"
# What may follow the name in "wat verdient een X?": the end, or a word about the pay.
AFTER_NAME = (
    # (a whole word only: "verdient vergeleken" is no "vergelek" followed by "en")
    r"(?=\s*(?:$|[?.!,]|\b(?:per|in|bruto|netto|eigenlijk|dan|ongeveer|gemiddeld|zo|lol|haha\w*|xd|nou|joh"
    r"|vs|versus|tegenover|of|en|bij|als|op)\b))"
)
CUES = [
    # "ik wil youtuber worden", "later wil ik een influencer worden", "hij wordt mecanicien".
    re.compile(
        r"\b(?:wil|ga|gaat|gaan|wordt|word|zou|wilt|willen)\b(?:\s+\w+){0,3}?\s+(?:een\s+)?" + WORDS + r"\s+worden\b"
    ),
    # "kan je ook pro gamer worden": only small words between, not "wat kan je daarmee worden"
    re.compile(
        r"\b(?:kan|kun|kunt|kunnen|mag)\s+(?:je|jij|ik|hij|ze|zij|u)\s+(?:(?:ook|later|nog|echt|gewoon)\s+){0,2}"
        r"(?:een\s+)?" + WORDS + r"\s+worden\b"
    ),
    # "dat hij youtuber wil worden", "die arts wil worden": the name before the verb
    re.compile(r"\b(?:dat|die|hij|zij|ze|ik|je)\s+(?:een\s+)?" + WORD + r"\s+(?:wil|wilt|gaat|zou|wou)\s+worden\b"),
    # "hoe word ik influencer", "hoe wordt je een youtuber".
    re.compile(r"\bhoe (?:word|wordt) (?:ik|je|jij|hij|ze|zij|u) (?:een\s+)?" + WORD + AFTER_NAME),
    # "wat verdient een youtuber", "hoeveel verdienen voetballers".
    re.compile(r"\bverdien(?:t|en)\s+(?:een\s+|de\s+)?" + WORD + AFTER_NAME),
    # "werken als dj", "verdien je als gamer", "een baan als model", "rijk worden als prof gamer".
    re.compile(
        r"\b(?:werken|werk|worden|verdien\w*(?:\s+je)?|baan|job|beginnen|starten)\s+als\s+(?:een\s+)?"
        r"(?:(?:prof|pro|professionele?|beroeps)\s+)?" + WORD + r"\b"
    ),
    # "hoeveel een youtuber verdient", "wat zo'n influencer eigenlijk verdient"
    re.compile(r"\b(?:hoeveel|wat)\s+(?:een|de|zo'?n)\s+" + WORD + r"\s+(?:\w+\s+){0,2}verdien"),
    # "of je als youtuber niet veel meer verdient"
    re.compile(r"\bals\s+(?:een\s+)?" + WORD + r"\s+(?:\w+\s+){0,4}verdien"),
]
# Words that stand in those places without being an occupation.
NOT_OCCUPATIONS = set(
    """
    rijk beter groot groter beroemd bekend gelukkig later goed veel meer minder iets niets wat zoiets dat
    die dit het wel niet ouder volwassen zelfstandig eigen baas beetje salaris loon geld per uur maand jaar
    ongeveer gemiddeld meisje jongen vrouw man leerling student stagiair stagiaire starter beginner vakman
    vakvrouw iemand mensen allemaal daar hier zo dan ook nog echt precies bijvoorbeeld eigenlijk misschien
    zeker anders techniek technisch je jij ik hij ie zij ze we wij u een de graag heel erg ooit toch zelf snel
    liefst eerst al er daarna na zzp zzp'er freelancer ondernemer werknemer medewerker persoon mens jong
    oud met in bij op aan voor van naar uit om te hoeveel hoe waar wanneer waarom welke welk daar dat er
    en of maar dus want omdat als mijn zijn haar onze ons jouw uw hun
    vergeleken vergelijking tegenover opzichte gemiddeld gemiddelde landelijk landelijke modaal
    daarmee ermee hiermee daarin erin daarna daardoor lol haha xd
    """.split()
)


# The people around a pupil's choice: an occupation only where a sentence puts one ("docent worden").
SCHOOL_ROLES = set(
    "decaan decanen mentor mentoren mentrix docent docenten leraar leraren lerares loopbaanbegeleider".split()
)


def cued_spans(text: str) -> List[Tuple[int, int]]:
    """The spans of words in an occupation's place, without the words that are plainly no occupation."""
    spans = []
    lowered = text.lower()
    for cue in CUES:
        for match in cue.finditer(lowered):
            words = [(m.start() + match.start("word"), m.group()) for m in re.finditer(r"\S+", match.group("word"))]
            while words and words[0][1] in NOT_OCCUPATIONS:
                words.pop(0)
            while words and words[-1][1] in NOT_OCCUPATIONS:
                words.pop()
            if words:
                spans.append((words[0][0], words[-1][0] + len(words[-1][1])))
    return spans
