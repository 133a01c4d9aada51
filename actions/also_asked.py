"""A second question in the same message: "wat verdient een lasser en hoe word je dat?".

The NLU gives one intent per message. A message of two or more clauses (split at '?', '.', 'en',
'maar', 'ook') may ask a second kind of question; each kind has a cue that asks for it plainly,
so a mention in passing ("hij doet een opleiding tot ...") does not count.
"""

import re
from typing import List

CUES = {
    "ask_salary": re.compile(
        r"\b(wat|hoeveel) (verdien|verdient|verdienen|krijg|krijgt|betaalt|betaald)\b|\bhoeveel (geld|loon|salaris)\b"
        # "wat kan hij verdienen als automonteur?", "hoeveel zou je daarmee ongeveer verdienen"
        r"|\b(wat|hoeveel) (kan|kun|kunt|zou|ga|gaat|moet) (je|jij|hij|ze|zij|u|ik) "
        r"((dan|daar|daarmee|ermee|ongeveer|later|zo) ){0,3}(verdienen|krijgen)\b"
        r"|\b(salaris|loon|uurloon)\b.*\?"
        r"|\bverdien (je|jij|hij|ze|zij|u) ((daar|er)(mee)? |dan )?(ook )?(goed|veel|genoeg|meer)\b"
        r"|\b(die|ze|zij) verdienen (toch |dan )?(wel |ook )?(goed|veel|genoeg)\b"
        r"|\bverdien[td] (het|dat|dit) (toch |dan |ook )?(wel )?(goed|veel|genoeg)\b"  # "verdiend dat goed?"
        r"|\b(zelfstandig|zelf) (van )?(kan |kunnen )?wonen\b|\bvan (kunnen )?(leven|rondkomen)\b"
        # "of je er 'rijk' van wordt", "is goed betaald?"
        r"|\brijk\W{0,2}\s+(van\s+)?(word|wordt|worden)\b|\b(goed|slecht|beter) betaald\b"
        r"|\bverdien\w*\b.{0,30}\b(goed|veel|genoeg) geld\b"  # "en verdient een laborant goed geld of niet?"
        # "kun je het voor een elektricien omrekenen naar een maandbedrag?"
        r"|\bomreken\w*\b.{0,40}\b(maand|jaar|week)\w*|\b(maandbedrag|maandloon|jaarloon|jaarsalaris)\b",
        re.IGNORECASE,
    ),
    "ask_prospects": re.compile(
        r"\bkans op (een )?(werk|baan)\b|\b(makkelijk|snel) (werk|een baan)\b|\b(is|zijn) er (wel |echt |nog )?"
        r"(genoeg |veel |zoveel |zo veel )?"
        r"(werk|banen|vacatures)\b|\b(werk|baan) (te )?vinden\b|\btoekomst in\b|\bveel vraag naar\b"
        r"|\bhoeveel vraag\b|\bhoe zit het met de (vraag|banen|kansen)\b|\b(gewild|gezocht|gevraagd)\b"
        r"|\bnog (wel )?(genoeg )?werk\b|\b(heb|hou|houd|krijg|vind) (je|hij|ze|zij|u) "
        r"((dan|daar|er|wel|nog|later|veel|genoeg|makkelijk|snel|ook|meteen|direct) ){0,3}(werk|een baan)\b"
        r"|\b(meer|minder) geworden\b|\bword\w* (dat|het|dit|die|ze) (nou |nu )?(meer|minder)\b"  # "en word dat meer?"
        r"|\b(te )?veel te veel\b|\b(gegroeid|gekrompen)\b|\bvooruitzicht\w*|\bbaankansen\b|\bhype\b"
        # "zijn er veel timmermannen nodig", "hoeveel mensen werken er als elektricien"
        r"|\b(zijn|is) er (veel|genoeg|wel|nog) [\w-]+ nodig\b|\btekort aan\b"
        r"|\bhoeveel (mensen|werknemers|personen)\b.{0,30}\bwerk"
        # "is dat niet over een paar jaar weer voorbij?", "bestaat dat over 10 jaar nog?"
        r"|\b(over|na) (een paar|enkele|\d+|tien|vijf) jaar\b.{0,30}\b(voorbij|weg|nog|klaar|bestaan)\b"
        r"|\b(voorbij|weg|klaar|bestaan)\b.{0,30}\b(over|na) (een paar|enkele|\d+|tien|vijf) jaar\b",
        re.IGNORECASE,
    ),
    "ask_route": re.compile(
        r"\bhoe (word|wordt|worden|kom|kan) (je|ik|hij|zij|ze|mijn)\b|\b(welke?|wat voor) (opleiding|school|studie)\b"
        r"|\bwelk (mbo[- ]?)?niveau\b|\bwelke? (vmbo[- ]?)?profiel(en)?\b|\balleen (iets )?voor (havo|vwo)\b"
        r"|\b(naar|door naar) (het )?hbo\b|\bdoor(stromen|leren|studeren)\b"
        r"|\bwat moet (je|ik|hij|ze|zij) (daarvoor |ervoor )?(kunnen|weten|leren)\b"
        r"|\bhoe ?lang (duurt|is) (de|die|dat|het) (opleiding|studie|traject|school)\b"
        r"|\bhoeveel jaar (duurt|is|ben|doe)\b"
        r"|\bhoeveel jaar (school|opleiding|studie|naar school)\b|\bhoe ?lang (duurt|is) (dat|die|het)\b"
        r"|\bmoet (ik|je|hij|ze|zij) (daarvoor |ervoor )?(naar|eerst naar) (het |de )?(mbo|hbo|school)\b"
        # "of je daarvoor hbo moet hebben", "hoe lang hij moet naar school"
        r"|\b(daarvoor|ervoor) (een )?(hbo|mbo|diploma)\w* (moet|moeten|nodig)\b"
        r"|\bhoe ?lang (moet|moeten) (je|ik|hij|ze|zij) (nog )?(naar school|leren|studeren)\b"
        r"|\bhoe ?lang (je|ik|hij|ze|zij) (nog )?(moet|moeten) (naar school|leren|studeren)\b"
        r"|\bwat moet (ik|je|hij|ze|zij) (doen|kiezen|volgen) om\b"
        r"|\bwat moet (ik|je|hij|ze|zij) (dan )?kiezen in (de )?(bovenbouw|derde|3e|klas 3)\b"  # the vmbo profile
        # "hij wil automonteur worden. kan dat als zijn nederlands nog niet goed is?": whether the route is open
        r"|\bkan (dat|dit|hij|ze|zij|ik)\b.{0,20}\bals (zijn|haar|mijn|je) (nederlands|taal)\b"
        r"|\bwat moet (ik|je|hij|ze|zij|mijn \w+) (daarvoor|ervoor) (doen|kiezen|volgen|leren)\b"
        # "Zij heeft vmbo basis, kan zij dit?", "kan ik dat na vmbo kader"
        r"|\bvmbo[- ]?(basis|kader|bb|kb|gl|tl|gt)\b.{0,40}\bkan (zij|hij|ze|ik|je)\b"
        r"|\bkan (ik|je|hij|ze|zij) (dat|dit)\b.{0,25}\bna (het )?(vmbo|mavo)\b"
        # "kan dat ook met mbo 2 of moet het 4 zijn", "kan dat via mbo of alleen uni"
        r"|\b(kan|kun|kunt) (dat|dit|het|je dat|ik dat|hij dat|ze dat|u dat) (ook |al )?(met|via|na|zonder|op) "
        r"(een |het |de )?(mbo|vmbo|havo|bbl|bol|niveau|diploma|basis|kader|profiel)\b"
        r"|\bof (moet|moeten) (het|je|ik|hij|ze|zij) (niveau |mbo )?[1-4]\b"
        # "kan dat op schiphol met mbo"
        r"|\bkan (dat|dit|het)\b.{0,25}\b(met|via|na) (een |het |de )?(mbo|vmbo|havo|bbl|bol|diploma)\b"
        r"|\bof alleen (op de |de )?(uni|hbo|universiteit)\b"
        # "is dat een aparte opleiding?", "bestaat daar een opleiding voor?"
        r"|\b(beginnen|werken|starten) zonder (diploma|opleiding)\b"  # "kan hij beginnen zonder diploma?"
        r"|\b(aparte|eigen|speciale) (opleiding|studie)\b|\b(is|bestaat) (daar|er) (ook )?(een )?(opleiding|studie)\b",
        re.IGNORECASE,
    ),
    "ask_job_description": re.compile(
        r"\bwat (doe|doet|moet) (je|een|die|hij|zij|ze) (daar|dan|precies|eigenlijk|de hele dag|op een dag)\b"
        r"|\bwat doet (een|de) [\w-]+( eigenlijk| precies| dan| nou| zoal)?\s*(\?|$|,|en\b)"
        r"|\bwat (een|de|zo'?n) [\w-]+ (precies |eigenlijk |zoal |allemaal )?doet\b"  # "uitleggen wat een lasser doet"
        # "wat is n ict netwerk beheerder eig"
        r"|\bwat is (een|n|'n) (?!(goed|goede|beste|normaal|redelijk|leuk|leuke|bbl|bol|mbo|hbo|vmbo)\b)"
        r"[\w-]+( [\w-]+){0,2}( eigenlijk| eig| precies| nou)?\s*(\?|$)"
        r"|\bwat houdt (dat|het|dit) in\b|\bhoe ziet (een|de|je) werkdag\b|\b(wat|hoe) is het werk\b"
        r"|\bwat doet (zo'?n|zo|die|deze) (iemand|persoon|man|vrouw|meneer|mevrouw)\b"
        r"|\bwat (is|was) (dat|dit|het) (werk|beroep|vak)\b"
        r"|\bis (dat|het|dit) (saai|leuk|zwaar|vies|druk|afwisselend)\b"
        r"|\bis (dat|het|dit) (wel )?(wat|iets)( voor (mij|hem|haar|jou))?\s*(\?|$|,|en\b)"
        r"|\bwat (is|voor) (dit|dat|het)( eigenlijk)? voor (werk|beroep)\b"
        # "Wat is dat?" after the name, "is laborant iets voor haar"
        r"|\bwat is (dat|dit)( eigenlijk| precies| dan)?\s*(\?|$)"
        r"|\bis (een )?[\w-]+ (wel )?(wat|iets) voor (mij|hem|haar|jou|mijn \w+)\b"
        # a working condition asked about: "hoelang ben je dan weg van huis", "werk je ook 's nachts?"
        r"|\bhoe ?lang (ben|is|zit|zijn) (je|jij|hij|ze|zij|u)\b.{0,30}\b(weg|van huis|op zee|aan boord)\b"
        r"|\b(moet|moeten|werk|werkt|ben|is|sta|staat|zit) (je|jij|hij|ze|zij|u)\b.{0,40}"
        r"\b('s nachts|nachtdienst\w*|ploegendienst|in het weekend|van huis|op (het |de )?dak(en)?|op hoogte)\b",
        re.IGNORECASE,
    ),
}
# A short clause that is only the question's subject: "... voor laborant? en goed salaris?", "en de opleiding?"
SHORT_CLAUSE_WORDS = 4
SHORT_CUES = {
    "ask_salary": re.compile(r"\b(salaris|loon|uurloon|geld|verdien\w*|betaald)\b", re.IGNORECASE),
    "ask_prospects": re.compile(r"\b(werk|banen|kans op werk|baankansen|toekomst|vacatures)\b", re.IGNORECASE),
    "ask_route": re.compile(r"\b(opleiding|school|studie|route)\b", re.IGNORECASE),
}
MAX_FURTHER_QUESTIONS = 2
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
CLAUSES = re.compile(r"[?.!;\n]+|\s(?:en|maar|ook|plus)\s|\s[1-9][.)]?\s", re.IGNORECASE)  # "1 wat is ... 2 welk ..."


def sentences(text: str) -> List[str]:
    """The message split after each '.', '!' or '?' ("Mijn dochter ... in de klas. Heeft u een verhaal?")."""
    return SENTENCE_END.split(text or "")


def other_questions(text: str, intent: str) -> List[str]:
    """The intents of the further kinds of question this message asks plainly, besides `intent`
    ("wat is het werk, welke opleiding en hoe zijn de kansen?": two more); else one a short clause
    asks ("... en de opleiding?"). At most two: a fourth answer in a row is more than a phone screen."""
    clauses = [clause for clause in CLAUSES.split(text or "") if clause.strip()]
    if len(clauses) < 2:
        return []
    # whole sentences too: "en kan dat ook met mbo 2" is cut at "ook" and at the digit
    parts = clauses + sentences(text)
    plain = [topic for topic, cue in CUES.items() if topic != intent and any(cue.search(c) for c in parts)]
    if plain:
        return plain[:MAX_FURTHER_QUESTIONS]
    short = [clause for clause in clauses[1:] if len(clause.split()) <= SHORT_CLAUSE_WORDS]
    for topic, cue in SHORT_CUES.items():
        if topic != intent and any(cue.search(clause) for clause in short):
            return [topic]
    return []
