"""When the NLU is unsure of a message: answer what a plain cue in it names, rather than "sorry".

Unsure messages are mostly follow-ups and long or imperfect sentences ("En hoeveel vrouwen werken
daar?", "hij houdt van autos", "Kan hij dan ook leren en werken tegelijk?"). Tried in this order:
a question about the figures themselves; a kind of question about the occupation named or talked
about; a curated topic whose keywords the message names; a kind of question that needs an
occupation (the action then asks which one). Nothing plain: None, and the fallback says sorry.
"""

import re
from typing import Optional, Tuple, Type

from rasa_sdk import Tracker

from actions import base
from actions.also_asked import sentences
from actions.base import TurnAction
from actions.compare import ActionCompareOccupations, table_with_the_added
from actions.data_source import ActionAnswerDataSource
from actions.description import ActionAnswerJobDescription
from actions.lesson import ASKS_FOR_A_TABLE, ActionLessonSheet
from actions.levels import entry_level
from actions.lists import BEST_PAID_SHOWN, LEAST_PAID, ActionAnswerBestChances, ActionAnswerNextStep
from actions.outside import SIMPLER_LANGUAGE
from actions.overview import ActionAnswerOccupation
from actions.pay import ASKS_EXPERIENCE, IS_THAT_A_LOT, ActionAnswerSalary
from actions.prospects import ActionAnswerProspects
from actions.route import ActionAnswerRoute
from actions.short_version import topic_short_version
from actions.stories import ActionAnswerStory, about_the_story_told, asks_another_story, asks_how_they_got_there
from actions.topics import (
    NTH_STATEMENT,
    SEVERAL_MYTHS,
    SHOWN_STATEMENT,
    ActionAnswerEducation,
    ActionAnswerInterest,
    ActionAnswerMyth,
    ActionAnswerSector,
    asked_count,
    named_profile,
)
from actions.turn import Turn
from actions.units import asked_unit
from occupations.catalog import DatabaseNotBuilt
from occupations.repository import Repository

# "is er werk genoeg?", "zijn er wel banen?" after an occupation: its prospects
ENOUGH_WORK = re.compile(r"\b(is er|zijn er) (wel |nog |ook )?(genoeg |veel )?(werk|banen)\b|\bwerk genoeg\b", re.I)
# "zit die daar boven of onder?" after a figure: the two side by side
ABOVE_OR_BELOW = re.compile(r"\b(boven|onder)\b.{0,12}\bof\b.{0,12}\b(boven|onder)\b", re.I)
# "is dat meer dan bij de mac?", "verdien je minder dan in de supermarkt?"
SIDE_JOB_PAY = re.compile(
    r"\b(meer|minder)\b.{0,15}\b(dan|als) (bij |in )?(de |het |een )?(mac\b|mc ?donald\w*|mcdo\w*|supermarkt\w*|appie"
    r"|albert heijn|jumbo|lidl|horeca|winkel\w*|bijba(a)?n\w*)",
    re.IGNORECASE,
)
BEST_OF = re.compile(r"\b(beste|best|meest\w*|hoogste|slimste|snelst\w*|makkelijkst\w*|minst\w*)\b", re.IGNORECASE)
OF_THOSE = re.compile(r"\b(van (die|deze)|daarvan|ervan|die twee|die drie)\b", re.IGNORECASE)  # points at the list
SHORT_REGION_FOLLOW_UP = 6  # words: "en in rotterdam alleen?" is a follow-up, a region question of its own is not
# "kun je dat ook voor de regio rotterdam geven?": longer, but it points back at the figures
REGION_POINTING_BACK = re.compile(r"\b(dat|die|deze|ze) (cijfers? )?ook\b|\bdie cijfers\b", re.IGNORECASE)
POINTING_BACK_REGION_WORDS = 10


def short_region_follow_up(text: str) -> bool:
    words = len(text.split())
    back = words <= POINTING_BACK_REGION_WORDS and REGION_POINTING_BACK.search(text)
    return (words <= SHORT_REGION_FOLLOW_UP or bool(back)) and bool(base.ASKS_FOR_A_REGION.search(text))


def _cue(pattern: str) -> "re.Pattern[str]":
    return re.compile(pattern, re.IGNORECASE)


# About the assistant's own figures and material: no occupation needed.
ABOUT_THE_FIGURES = [
    # "met bron" asks for figures with their source, not about the sources.
    (
        ActionAnswerDataSource,
        _cue(
            # ("uurloon en bron", "een cijfer + bron": a figure asked for with its source)
            r"(?<!met )(?<!met de )(?<!en )(?<!\+ )(?<!plus )"
            r"\b(bron|bronnen|statline|cbs-tabel\w*|welke tabel\w*|tabelnummer\w*"
            r"|verwijzing|betrouwba\w*|methode|kloppen|\w*(cijfers|gegevens|data)\b.{0,30}\bvandaan|hoe recent"
            r"|citeren|van welk jaar|uit welk jaar|is alles landelijk|landelijke? cijfers"
            r"|cijfers (specifiek )?(voor|van|per|uit) (de |een |mijn )?(regio|stad|provincie|rijnmond|rotterdam)"
            r"|waarom (niet|geen)\b.{0,30}\b(dit|vorig) jaar|(nieuwere|recentere|actuelere) cijfers"
            # "waarom per uur en niet per maand?": why the figures are hourly
            r"|waarom (per uur|een uurloon|uurlonen|geen maandloon|niet per maand))\b"
        ),
    ),
    (
        ActionLessonSheet,
        _cue(r"\b(lesbrief|werkblad|hand-?out|uitdelen|printen|discussievra\w*|gespreksvra\w*|stellingen)\b"),
    ),
]
# How the pay figures are made, asked without an occupation ("hoe reken je het uurloon om naar een
# maand?", "zijn dat bedragen voor beginners?"); with one, the occupation's answer covers it.
HOW_FIGURES_ARE_MADE = _cue(
    r"\b(omreken\w*|reken\w* .{0,40}\bom\b|maandlo(o|ne)n|uurlonen|vakantiegeld|overwerk|bedragen)\b"
)
# What to do next: a visit, a taster day, an open day, a first step ("wat is je advies voor de eerste stap?").
NEXT_STEP = _cue(
    r"\b(eerste stap\w*|volgende stap\w*|vervolgstap\w*|wat (moet|kan) (ik|hij|ze|zij) nu|bedrijfsbezoek\w*"
    r"|specifieke bedrijven|snuffelstage\w*|meeloopdag\w*|open dag\w*|meelopen"
    r"|helpen (bij|met) (het )?kiezen|wat (kunnen|kan) (wij|we|ik) (als ouders? )?doen"
    r"|waar (kan|moet) (ik|je|hij|zij|ze) (dit|dat|het|die opleiding|deze opleiding)? ?(leren|doen|volgen|studeren))\b"
)
# "wat is nu echt kansrijk?", "waar zijn de beste kansen?"
BEST_CHANCES = _cue(r"\bkansrijk\w*|\bbeste (kansen|baankansen)\b|\bmeeste kans op (werk|een baan)\b")
# "zeg me gewoon welk beroep ik moet doen", "wat past bij mij?"
WHICH_JOB_FOR_ME = _cue(
    r"\bwelk (beroep|werk|vak)\b.{0,30}\b(moet|kan|past|zou)\b|\bwat (moet|kan|zal) ik (later )?worden\b"
    r"|\b(weet|weten) (echt |nog )?(niet|nie) wat (ik|hij|ze|zij) (wil|wilt|later)\b"
    r"|\bwat past (er )?bij (mij|me|hem|haar)\b|\b(iets|werk) in (de )?techniek (doen )?met\b"
    r"|\b(is|past) techniek (wel )?(iets )?(voor|bij) (mij|me|mijn \w+|hem|haar|ons kind)\b"
    r"|\bwat (is|zijn) (goed|leuk|goede|leuke) (werk|beroepen|banen) voor\b"
)
# A role-model story asked for, whatever else the message says.
STORY = _cue(
    r"\b(verhaal|verhalen|rolmodel\w*|voorbeeld van (een|iemand) (die|dat|meisje|vrouw|jongen|man)"
    r"|voorbeelden van (vrouwen|meisjes|mensen|jongens|mannen) die)\b"
    r"|\b(hardop )?voorlezen\b"  # "kun je er eentje uitkiezen die ik hardop kan voorlezen?" after the stories
)
# A kind of question about one occupation; the first that matches wins.
ABOUT_AN_OCCUPATION = [
    (
        ActionAnswerSalary,
        _cue(
            r"\b(verdien\w*|salaris\w*|loon|lonen|uurloon|betaal\w*|geld|netto|bruto|per (uur|week|maand|jaar)"
            r"|gezin\w* .{0,20}onderhouden|rondkomen|van leven|huis kopen"
            r"|gemiddelde van alle|cijfers (over|van|voor)|cijfers die|zzp\w*|eigen baas"
            r"|voor (zich|zichzelf|jezelf|mezelf) (beginnen|begint|werken))\b"
        ),
    ),
    (
        ActionAnswerProspects,
        _cue(
            r"\b(vrouw\w*|werkgelegenheid|groei\w*|banen|baankans\w*|vacatures|tekort\w*|zeker|ontslag\w*|crisis|toekomst"
            r"|hoeveel mensen|werken er|werkenden|(meer|minder) geworden|gekrompen|toegenomen|afgenomen"
            r"|over \d+ jaar|werkloos|uitsterv\w*|uitstervend|verdwijn\w*)\b"
        ),
    ),
    (
        ActionAnswerRoute,
        # "en waar leer je dat hier in rotterdam", "kan iemand met dyslexie elektricien worden?"
        _cue(
            r"\b(bbl|bol|leren en werken|opleiding\w*|niveau \d|diploma|mbo|hbo|universiteit|uni|certifica\w*|stage\w*"
            r"|school|route"
            r"|hoe word\w*|hoe kom (ik|je|hij|ze|zij) daar|hoe ?lang duurt|duurt (dat|die|het)"
            r"|waar (leer|leert|leren|studeer\w*) (je|ik|hij|ze|zij|u)"
            r"|kan (ik|je|hij|ze|zij|iemand)\b.{0,40}\bworden"
            r"|wat moet (je|ik|hij|ze|zij) (daarvoor |ervoor )?kunnen"
            r"|bovenbouw|profiel\w*|kiezen in (de |het )?(derde|3e|vmbo))\b"  # "wat moet ik dan kiezen in de bovenbouw"
        ),
    ),
    (
        ActionAnswerJobDescription,
        _cue(
            r"\b(wat doe\w*|werkdag|taken|wat houdt|wat voor werk|wat is dat\b.{0,20}\bwerk|ploeg\w*|nachtdienst\w*"
            # "wat is een koeltechnicus eigenlijk?", "die tweede, wat is dat precies?"
            r"|wat is (dat|dit|een [\w-]+)( eigenlijk| precies| nou)?(?=\s*(\?|$|,))|wat is [\w-]+ (eigenlijk|precies)"
            # "vliegtuigmonteur, is dat wat?", "laat zien wat je weet over timmerman"
            r"|is (dat|het|dit) (wel )?(wat|iets)(?=\s*(\?|$|,))|wat (weet|vertel\w*) (je|jij|u) (over|van)"
            r"|wat (je|jij|u) (weet|weten|vertelt) (over|van)"
            r"|van huis|thuis|(weken|maanden) weg|aan boord"
            r"|werktijden|onregelmatig\w*|s?nachts"
            r"|weekend\w*|avonddienst\w*|diensten"
            # a working condition: "is dakdekker gevaarlijk?", "moet je dan geen hoogtevrees hebben"
            r"|gevaarlijk|veilig\w*|hoogtevrees|op hoogte|op (een|het) dak|ongezond|longen|dood ?gaan|elektrocut\w*"
            r"|(is|lijkt) (dat|het|dit) (erg |heel |echt |niet )?(moeilijk|lastig|ingewikkeld))\b"
        ),
    ),
]


POINTS_BACK = re.compile(r"\b(daar|daarin|daarmee|dat|die|dit|ervan|erin)\b", re.IGNORECASE)
# "moet je dan geen hoogtevrees hebben?": in a short follow-up, "dan" points back too
THEN = re.compile(r"\bdan\b", re.IGNORECASE)
SHORT_THEN_FOLLOW_UP = 8  # words
# On an equal keyword score: someone unsure of how to ask is most often describing a child or
# themselves ("hij houdt van auto's"), then asking about school, then repeating what people say.
TOPIC_ORDER = [ActionAnswerInterest, ActionAnswerEducation, ActionAnswerMyth, ActionAnswerSector]
OUT_OF_SCOPE_TOPICS = [ActionAnswerEducation, ActionAnswerSector]


def rescue(
    turn: Turn, repository: Repository, topics_only: bool = False, named: bool = False
) -> Optional[Type[TurnAction]]:
    """The action that can answer an unsure message, or None. `topics_only`: only a curated topic
    or a follow-up about the occupation talked about (for messages the NLU calls out of scope);
    with `named` also a plain question about a technical occupation the message names ("stuurman
    of zo iets. Hoe lang is hij dan van huis?")."""
    text = turn.text
    several = len(turn.found) >= 2 or (not turn.found and len(turn.on_the_table) >= 2)
    if not topics_only and turn.found and turn.remembered and ABOVE_OR_BELOW.search(text):
        return ActionCompareOccupations  # "en een monteur werktuigbouw, zit die daar boven of onder?"
    if not topics_only and table_with_the_added(turn) is not None:
        return ActionCompareOccupations  # "kun je er dakdekker ook nog bij zetten?" after three side by side
    if not topics_only and several and (ASKS_FOR_A_TABLE.search(text) or asked_unit(text)):
        return ActionCompareOccupations  # "kun je dat in een tabelletje zetten?" after a comparison
    if not topics_only and turn.remembered and not turn.found and not several and asked_unit(text):
        return ActionAnswerSalary  # "kun je het omrekenen naar een maandbedrag?" after one occupation's pay
    if turn.asks_about_both and not turn.found and OF_THOSE.search(text) and BEST_OF.search(text):
        return ActionCompareOccupations  # "wat is de beste van die voor later?" after a list, even taken for chat
    if SIMPLER_LANGUAGE.search(text) and (
        turn.on_the_table or turn.remembered or topic_short_version(repository, turn.previous_reply)
    ):
        # "kan je dat ook in jip-en-janneketaal?" after occupations: each one in one plain line (the base path)
        return ActionAnswerJobDescription
    if turn.remembered and IS_THAT_A_LOT.search(text) and turn.follows_a_pay_answer:
        return ActionAnswerSalary  # "waarom is dat zo laag denk je?" right after the pay: set beside all employees
    if LEAST_PAID.search(text) and BEST_PAID_SHOWN.search(turn.previous_reply):
        return ActionAnswerSalary  # "en het minst?" right after the best paid
    if NTH_STATEMENT.search(text) and SHOWN_STATEMENT.search(turn.previous_reply):
        return ActionAnswerMyth  # "geef bij de tweede mythe eens een paar harde cijfers" after the statements
    told = about_the_story_told(repository, turn) or asks_how_they_got_there(repository, turn)
    if STORY.search(text) or told or asks_another_story(turn):
        return ActionAnswerStory  # "heeft u een verhaal van een meisje ...?", "echt?? waar werkt ze dan"
    if SEVERAL_MYTHS.search(text) and repository.topic_score("myth", text) == 0:
        return ActionAnswerMyth  # "welke mythes hoor je het meest, en hoe weerleg ik die?": the statements
    for action, cue in () if topics_only else ABOUT_THE_FIGURES:
        if cue.search(text):
            return action
    if not topics_only and turn.asks_about_both and (entry_level(text) or named_profile(repository, text)):
        return ActionAnswerRoute  # "en welke daarvan kunnen ze met vmbo basis beginnen?": the list, narrowed
    if turn.remembered and short_region_follow_up(text):
        return ActionAnswerProspects  # "en in rotterdam alleen?" after the figures: they are national, say so
    if not topics_only and ASKS_EXPERIENCE.search(text) and (turn.mentions or turn.remembered):
        return ActionAnswerSalary  # "en als je al 10 jaar werkt?" after the welder's pay
    if not topics_only and not turn.mentions and (HOW_FIGURES_ARE_MADE.search(text) or ASKS_EXPERIENCE.search(text)):
        return ActionAnswerDataSource
    if not topics_only and turn.remembered and not turn.mentions and base.WHICH_SCHOOL.search(text):
        return ActionAnswerRoute  # "welke scholen in rotterdam bieden dat aan?": its route, and where they are listed
    if not topics_only and not turn.mentions and (turn.remembered or turn.suggested) and SIDE_JOB_PAY.search(text):
        return ActionAnswerSalary  # "is dat meer dan bij de mac?": the pay beside other work open to the same pupil
    if not topics_only and not turn.mentions and turn.remembered and ENOUGH_WORK.search(text):
        return ActionAnswerProspects  # "is er werk genoeg? wij wonen in rotterdam" after the aircraft mechanic
    # The questions first: "En hoe lang is de school dan? Hij moet ook werken voor geld thuis." asks the route
    asked = " ".join(part for part in sentences(text) if part.strip().endswith("?"))
    occupation_action = next(
        (action for part in (asked, text) for action, cue in ABOUT_AN_OCCUPATION if part and cue.search(part)), None
    )
    talked_about = turn.remembered is not None or bool(turn.suggested)
    names_technical = named and any(repository.is_technical(info) for info in turn.found)
    names_it = turn.mentions and (not topics_only or names_technical)
    points_back = POINTS_BACK.search(text) or (len(text.split()) <= SHORT_THEN_FOLLOW_UP and THEN.search(text))
    if occupation_action and (names_it or (talked_about and points_back)):
        # "wat verdient een lasser dan?" names it; "hoeveel vrouwen werken daar?" points back to it.
        return occupation_action
    if not topics_only and turn.suggested and not turn.mentions and base.WHAT_YOU_CAN_BECOME.search(text):
        return ActionAnswerRoute  # "en daarna welke werk kan hij doen met dit?" after a vmbo profile's occupations
    if not topics_only and not turn.mentions and BEST_CHANCES.search(text):
        return ActionAnswerBestChances  # "wat is nu echt kansrijk?": the groups with the best chances
    if not topics_only and NEXT_STEP.search(text):
        return ActionAnswerNextStep
    if not topics_only and not turn.mentions and asked_count(text):
        return ActionAnswerBestChances  # "welke 5 beroepen moet ik echt noemen in mijn les over de regio?"
    if not topics_only and WHICH_JOB_FOR_ME.search(text) and not turn.mentions:
        return ActionAnswerInterest  # it asks what the pupil likes when the message names nothing

    if not topics_only and turn.asks_about_both and not turn.found and not occupation_action:
        return ActionCompareOccupations  # "en waar is meer werk in?" after two side by side
    # Out of scope by the NLU's reading: only a school topic or a sector ("iets over de haven voor mijn les?")
    score, topic_action = best_named_topic(repository, text, OUT_OF_SCOPE_TOPICS if topics_only else TOPIC_ORDER)
    if score > 0:
        return topic_action
    if occupation_action and (talked_about or not topics_only):
        return occupation_action
    if turn.mentions and not topics_only:
        # "heeft u informatie over het beroep lasser?", "oke en politieagent? die wil hij ook overwegen": its work
        # and pay (a non-technical one gets the polite note)
        return ActionAnswerOccupation
    return None


def topic_instead(turn: Turn, repository: Repository) -> Optional[Type[TurnAction]]:
    """For a question that needs an occupation but names none ("hoe reken je het uurloon om?", "wat is
    beter, mbo of havo?"): the action for the figures themselves or for a curated topic it names."""
    for action, cue in ABOUT_THE_FIGURES:
        if cue.search(turn.text):
            return action
    if HOW_FIGURES_ARE_MADE.search(turn.text) or ASKS_EXPERIENCE.search(turn.text):
        return ActionAnswerDataSource
    score, topic_action = best_named_topic(repository, turn.text)
    return topic_action if score > 0 else None


def best_named_topic(repository: Repository, text: str, actions=None) -> Tuple[int, Type[TurnAction]]:
    """The topic action (of `actions`, by default all in TOPIC_ORDER) whose curated rows the message
    names best, with its keyword score; on a tie the earlier one."""
    actions = actions or TOPIC_ORDER
    scored = [(repository.topic_score(action.kind, text), -actions.index(action), action) for action in actions]
    score, _, topic_action = max(scored, key=lambda row: row[:2])
    return score, topic_action


def rescued(tracker: Tracker, topics_only: bool = False, named: bool = False) -> Optional[Type[TurnAction]]:
    """`rescue` for the latest message of a tracker; None also when the table is not built (then the
    caller's own plain answer stands)."""
    try:
        repository = base.process_repository()
        return rescue(Turn.read(tracker, repository), repository, topics_only, named)
    except DatabaseNotBuilt:
        return None
