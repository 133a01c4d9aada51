"""The one flow of every answering action: read the turn once, answer it, finish.

turn = Turn.read(tracker, repository)      # which occupations, who asks, what is remembered
answer = self.answer(turn)                  # per action: replies with every value they need
return finish(turn, dispatcher, answer, …)  # slots, buttons, feedback count — in one place
"""

import logging
import re
from abc import ABC, abstractmethod
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.also_asked import CUES, sentences
from actions.answer import Answer, Reply, finish, last_text_index, question, sentence_name
from actions.audience import capabilities_response
from actions.citations import cite_facts
from actions.comparison import ASKS_PAY, MAX_COMPARED, comparison
from actions.conditions import condition_reply
from actions.followups import candidate_buttons
from actions.formatting import dutch_list
from actions.ordering import aboard_first, named_first
from actions.outside import asks_something_else, outside_reply
from actions.school_topics import HBO_AFTER_MBO
from actions.short_version import short_version
from actions.turn import AMBIGUOUS, NONE, ONE, REMEMBERED, SEVERAL, UNKNOWN, Turn
from actions.units import SELF_EMPLOYED
from actions.women import ASKS_WOMEN_SHARE
from occupations.catalog import DatabaseNotBuilt, OccupationInfo
from occupations.repository import Repository

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def process_repository() -> Repository:
    """The action server's one repository, read on first use (not at import, so a missing
    database gives a clear answer instead of a server that will not start)."""
    return Repository.open()


def names_a_field(repository: Repository, text: str) -> bool:
    """Whether the message names an interest or a sector ("op een schip werken", "iets met computers")."""
    return bool(repository.topic_score("sector", text) or repository.topic_score("interest", text))


def suggestions_named(repository: Repository, text: str) -> List[OccupationInfo]:
    """The featured occupations of the interest or sector a message names, best fit first."""
    interests = repository.topics_named("interest", text)[:3]
    if interests:  # "hij houdt van auto's en computers": the fits of both
        return repository.occupations_for_interests(interests)
    sector = repository.best_topic("sector", text)
    if sector is None:
        return []
    in_order, _ = aboard_first(repository, repository.occupations_in_sector(sector.sector), text)
    return named_first(repository, in_order, text)


# The CBS figures are national: a question about a city or region is told so.
ASKS_FOR_A_REGION = re.compile(
    r"\b(regio|rotterdam\w*|rijnmond|schiedam|vlaardingen|maassluis|dordrecht|zuid-holland"
    r"|in (mijn|onze) (stad|buurt))\b"
    r"|\bhoeveel (mensen|werknemers|werkenden)\b.{0,30}\bin de haven\b",  # the port: no figures of its own either
    re.IGNORECASE,
)
PLACES = re.compile(
    r"\b(rotterdam|rijnmond|schiedam|vlaardingen|maassluis|dordrecht|zuid-holland|haven)", re.IGNORECASE
)
# Sourced facts about the Rotterdam region (the SEOR report), said beside the national figures.
ROTTERDAM_FACTS = ("seor_port_hard_vacancies", "port_digitalisation")


def asks_for_a_region(text: str) -> bool:
    """A place named in a question ("hoeveel in Rotterdam?"), not as where the writer is ("ik ben decaan
    op een vmbo in Rotterdam-Zuid. Geef 5 stellingen"); without a question mark, anywhere."""
    questions = [s for s in sentences(text) if "?" in s] if "?" in text else [text]
    return any(ASKS_FOR_A_REGION.search(question) for question in questions)


def national_figures_reply(text: str, repository: Repository) -> Reply:
    """ "My CBS figures are national", naming the place asked about, with the sourced regional facts."""
    place = PLACES.search(text)
    if place is None:
        region = "één stad of regio"
    elif place.group(1).lower() == "haven":
        region = "de haven"
    else:
        region = f"de regio {place.group(1).capitalize()}"
    found = cite_facts(repository.facts(ROTTERDAM_FACTS)) if place else ""
    regional = f"\nWat ik wel weet over de regio Rotterdam:\n{found}" if found else ""
    return Reply("utter_national_figures", {"regio": region, "regionaal": regional})


# "wat voor beroep past bij hem?", "welke beroepen passen bij haar?"
FITS_HIM = re.compile(
    r"\b(welk|welke|wat voor)( \w+)? (beroep|beroepen|werk|vak)\b.{0,20}\bpas(t|sen)\b", re.IGNORECASE
)

# "is een laborant eigenlijk technisch werk?", "valt dat onder techniek of meer onder zorg?"
ASKS_IF_TECHNICAL = re.compile(
    r"\b(is|valt|telt|hoort|das|da's)\s+(dat|dit|het|die|zo'?n|een \w+|\w+)\s+"
    r"(ook|eigenlijk|wel|nou|nog|echt|'echt'|een|\s)*"
    r"(onder |bij |tot |als )?(de )?(techniek|technisch\w*)\b",
    re.IGNORECASE,
)


# "welke beroepen ...", "wat voor banen ...": a list asked for
ASKS_FOR_OCCUPATIONS = re.compile(
    r"\b(welke|wat voor)( \w+)? (beroep\w*|banen|richtingen)\b"
    r"|\b(zijn|is) er (ook )?(\w+ )?(beroep\w*|banen)\b.{0,30}\b(die|waar|met|zonder)\b"  # "zijn er beroepen die ..."
    # "kan je ook iets in techniek doen waar je niet de hele dag buiten staat?"
    r"|\b(iets|werk) (in (de )?techniek|technisch\w*)\b.{0,30}\b(waar|waarbij|zonder|dat|die)\b",
    re.IGNORECASE,
)


def asks_for_a_list_beside_a_name(text: str, turn: Turn) -> bool:
    """Whether the question asks for occupations and names none: the name stands in the context."""
    questions = [s for s in sentences(text) if s.rstrip().endswith("?")]
    return any(ASKS_FOR_OCCUPATIONS.search(q) and not turn.named_in(q) for q in questions)


# "die met computers", "die in de haven": part of the list just shown
THE_ONES_WITH = re.compile(r"\b(die|de|degene|diegene|dat) (met|van|in|bij|voor|over) \w+", re.IGNORECASE)


def the_ones_with(repository: Repository, turn: Turn) -> List[OccupationInfo]:
    """The occupations of the list on the table that fit the interest the message points to."""
    if not turn.suggested or not THE_ONES_WITH.search(turn.text):
        return []
    interest = repository.best_topic("interest", turn.text)
    if interest is None:
        return []
    profiles = {info: repository.profile(info) for info in turn.suggested}
    main = [info for info, profile in profiles.items() if profile and interest.tag in profile.interests[:2]]
    return main if len(main) < len(turn.suggested) else []  # all of them is no narrowing


def is_technical_replies(repository: Repository, turn: Turn) -> List[Reply]:
    """ "is dat ook techniek of meer zorg?" about one occupation: yes or no, with its CBS class."""
    info = turn.found[0] if len(turn.found) == 1 else turn.occupation
    if info is None or not ASKS_IF_TECHNICAL.search(turn.text):
        return []
    if not repository.is_technical(info) and info not in turn.found:
        return []  # "is logistiek eigenlijk techniek?" after the verzorgende: not about her
    values = {"naam_zin": sentence_name(repository.display_name(info)), "groep": repository.group_title(info.brc_group)}
    title = repository.group_title(info.brc_group[:2])  # the CBS class: "Technische beroepen", "ICT beroepen"
    values["klasse"] = title[0].lower() + title[1:] if title[1:2].islower() else title
    # "tandtechnicus, das toch wel techniek?": the CBS class it has, said plainly
    return [Reply("utter_is_technical" if repository.is_technical(info) else "utter_is_not_technical_by_cbs", values)]


# "wat kan je daarmee worden?", "welke beroepen horen daarbij?": the list itself, not one of it.
WHAT_YOU_CAN_BECOME = re.compile(
    r"\bwat (kan|kun|kunnen) (je|jij|ik|hij|ze|zij|u)\b.{0,25}\bworden\b"
    r"|\b(welke|wat voor) (\w+ )?(beroep\w*|banen|werk|vak\w*)\b|\biets voor (hem|haar|mij|me|mijn \w+)\b",
    re.IGNORECASE,
)
# A question about other work that sets it beside technical work ("of beter techniek?", "vergeleken met").
TOWARDS_TECHNICAL_WORK = re.compile(
    r"\b(techni\w*|vergel\w*|dan (een|in de)|beter|meer|minder|t\.?o\.?v\.?|opzichte|versus|vs|naast|tegenover)\b",
    re.IGNORECASE,
)
SHORT_FOLLOW_UP = 8  # words
CAN_THAT_TOO = re.compile(r"\bkan (dat|dit|het|je dat) ook (bij|als|voor|met)\b", re.IGNORECASE)
LEARNING_ROUTE = re.compile(r"\b(bbl|bol)\b", re.IGNORECASE)
GOING_ON_TO_HBO = re.compile(
    r"\b(naar|op) (het )?hbo\b|\bdoorstro\w*|\bdoor (te )?(gaan|leren|studeren)\b"
    r"|\bhbo (doet|doen|gaat doen|erachteraan|erbij)\b|\b(nog|ook) (een )?hbo\b",
    re.I,
)
# "wat verdient ze met hbo elektrotechniek vergeleken met mbo?": the two routes' pay, not one group's
HBO_AGAINST_MBO = re.compile(r"\bhbo\b.{0,70}\bmbo\b|\bmbo\b.{0,70}\bhbo\b", re.I)


def asks_pay_of_mbo_against_hbo(text: str) -> bool:
    return bool(HBO_AGAINST_MBO.search(text) and ASKS_PAY.search(text))


# "als je in de haven werkt", "bij de marine": a place of work, not a word about the work itself
IN_A_PLACE = re.compile(r"\b(?:in|bij) (?:de|het) (\w+)", re.IGNORECASE)
# "ok en een laborant in het ziekenhuis dan?", "en een timmerman?": a name put after the previous question
# "ok saai. en een vliegtuigmonteur dan": a reaction or two, then "en (een)" and a name
BARE_NAME_FOLLOW_UP = re.compile(
    r"^\W*((ok\w*|oke|oké|top|hmm|en nu|saai|nice|cool|jammer|nee|ja|oh|ah|wow|echt)\W+){0,2}"
    r"(en|maar)\s+((een|de|het|n)\s)?",
    re.IGNORECASE,
)
BARE_FOLLOW_UP_WORDS = 9
SHORT_QUESTION = 12  # words: "en die eerste, hoeveel vraag is daar naar?" is read by its words


def not_technical_answer(info: OccupationInfo, name: str) -> Answer:
    """Other work asked about on its own: no figures, but the way to see it beside technical work."""
    button = {"title": "Vergelijk met elektricien", "payload": f"vergelijk {name} en elektricien"}
    values = {"naam": name[:1].upper() + name[1:], "naam_zin": name}
    return Answer([Reply("utter_not_technical_only", values, [button])], about=info, is_answer=False)


def shows_figures(answer: Answer) -> bool:
    """Whether an answer shows CBS figures (a euro amount, a share or a count with its source)."""
    return answer.is_answer and any("CBS" in str(value) for reply in answer.replies for value in reply.values.values())


def read_as_reply(pairs) -> Reply:
    """ "Ik lees 'installateur' als installatiemonteur." for each name the answer calls otherwise."""
    readings = dutch_list([f"'{typed}' als {sentence_name(shown)}" for typed, shown in pairs])
    return Reply("utter_read_as", {"lezing": readings})


class TurnAction(Action, ABC):
    """An action that answers. Tests hand it a repository of their own; the server uses the process's."""

    intent = ""  # the intent this action answers: follow-up buttons leave it out

    def __init__(self, repository: Optional[Repository] = None):
        self._repository = repository

    @property
    def repository(self) -> Repository:
        return self._repository or process_repository()

    @abstractmethod
    def answer(self, turn: Turn) -> Answer:
        """What to say to this turn."""

    def story_asked_again(self, turn: Turn) -> Optional[Answer]:
        """ "ook van een vrouw?" right after stories, whatever the NLU made of it: another story."""
        from actions.stories import ActionAnswerStory, asks_another_story, story_route_asked  # built on this module

        route = story_route_asked(self.repository, turn)
        if route is not None:  # "hoe is ze daar gekomen?" right after a story: that person's route
            return route
        if isinstance(self, ActionAnswerStory) or not asks_another_story(turn):
            return None
        return ActionAnswerStory(self._repository).answer(turn)

    def story_also_asked(self, turn: Turn, answer: Answer) -> List[Reply]:
        """A story asked for beside another question ("cijfers over vrouwen in de techniek? En misschien
        een verhaal van een vrouw?"): the story too, when this answer has none."""
        from actions.rescue import STORY  # rescue and stories are built on these actions
        from actions.stories import ActionAnswerStory

        told = any(reply.response in STORY_RESPONSES for reply in answer.replies)
        asked = STORY.search(OWN_STORY.sub(" ", turn.text))  # "ik heb een lang verhaal" asks for none
        if not answer.is_answer or told or isinstance(self, ActionAnswerStory) or not asked:
            return []
        stories = ActionAnswerStory(self._repository)
        story = (
            stories.answer_about(turn, turn.found[0])
            if len(turn.found) == 1
            else stories.answer_without_occupation(turn)
        )
        return [reply for reply in story.replies if reply.response in STORY_RESPONSES]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        try:
            repository = self.repository
            turn = Turn.read(tracker, repository)
            answer = self.story_asked_again(turn) or self.answer(turn)
            if (answer.is_answer or answer.about) and turn.read_as:  # "installateur" as installatiemonteur: say so
                answer.replies.insert(0, read_as_reply(turn.read_as))
            if shows_figures(answer) and asks_for_a_region(turn.text):  # "... in de regio Rotterdam?"
                answer.replies.append(national_figures_reply(turn.text, repository))
            if LANGUAGE_WORRY.search(turn.text):  # "kan dat als zijn Nederlands nog slecht is?"
                if answer.is_answer:
                    answer.replies.append(Reply("utter_language_support"))
                else:  # "kan hij toch mbo techniek doen? welke niveau?": who can tell, not "welk beroep?"
                    answer = Answer([Reply("utter_language_support")])
            answer.replies += self.story_also_asked(turn, answer)
            # "ik wil later op een schip werken, wat kan je allemaal doen?" asks for work, not for the tool
            asked = capabilities_response(turn.text)
            if asked and not names_a_field(repository, turn.topic_text):
                # "Wat kan ik met deze tool in de klas? En geef meteen 5 stellingen": both; alone, what can be asked.
                # "iets leuks voor de klas over techniek?" asks for nothing more than the class materials.
                asks_more = asked == "utter_capabilities" or turn.found or repository.topic_score("myth", turn.text)
                if answer.is_answer and asks_more:
                    answer.replies.insert(0, Reply(asked))
                else:
                    answer = Answer([Reply(asked)], is_answer=False)
            if answer.is_answer and WHICH_SCHOOL.search(turn.text):  # "welke school in rotterdam?": no list here
                answer.replies.append(Reply("utter_no_school_list"))
            if LEARNING_SUPPORT.search(turn.text):  # "kan je ook in techniek werken als je dyslexie hebt?"
                if answer.is_answer:
                    answer.replies.append(Reply("utter_learning_support"))
                else:  # who can tell, rather than a menu
                    answer = Answer([Reply("utter_learning_support")])
            answer = self.with_school_subject(turn, answer)
            if answer.is_answer and GIRL_WORRY.search(turn.text):
                # "ik ben een meisje kan ik elektricien worden of is dat raar": the answer and the worry
                self.add_myth(answer, WOMEN_MYTH, turn.text)
            if FIGURES_DIFFER.search(turn.text):  # "waarom wijkt jullie bedrag af van de cao?": what each figure is
                answer.replies.insert(0, Reply("utter_figures_differ"))
            said = {reply.response for reply in answer.replies}
            if answer.is_answer and SELF_EMPLOYED.search(turn.text) and "utter_self_employed" not in said:
                answer.replies.append(Reply("utter_self_employed"))  # "... moeten allemaal zzp'er worden?"
            outside = outside_reply(turn.text)  # "hoeveel kinderbijslag ...", "kun je dit vertalen?"
            if outside is not None and outside.response == "utter_no_rewrite":
                if answer.is_answer and asks_something_else(turn.text):
                    outside = None  # "wat doet een scheepsbouwer? in jip-en-janneketaal": the answer is plain already
                else:  # "kun je het kort samenvatten voor op het bord?": each occupation in one plain line
                    short = short_version(repository, turn)
                    answer, outside = (short, None) if short is not None else (answer, outside)
            if outside is not None:
                if answer.is_answer and asks_something_else(turn.text):  # the part outside first, then the rest
                    referral = outside.values.get("verwijzing")
                    # beside an answer, a referral is said plainly ("Of werkervaring uit het buitenland meetelt ...")
                    beside = Reply("utter_outside_beside", {"verwijzing": referral}) if referral else outside
                    answer.replies.insert(0, beside)
                else:
                    answer = Answer([outside], is_answer=False)
        except DatabaseNotBuilt:
            logger.exception("occupations database missing")
            dispatcher.utter_message(response="utter_error")
            return []
        except Exception:  # a bug must not leave the user without any answer; the log keeps the trace
            logger.exception("answering %r failed", (tracker.latest_message or {}).get("text", "")[:80])
            dispatcher.utter_message(response="utter_error")
            return []
        return finish(turn, dispatcher, answer, self.intent, repository)

    def add_myth(self, answer: Answer, myth_id: str, text: str) -> None:
        """A worry named beside another question: that myth's answer after it, unless a myth is told already."""
        from actions.topics import ActionAnswerMyth  # topics is built on this module

        myth = self.repository.catalog.curated["myth"].get(myth_id)
        if myth is not None and not any(reply.response == "utter_myth" for reply in answer.replies):
            answer.replies += ActionAnswerMyth(self._repository).answer_topic(myth, text).replies

    def with_school_subject(self, turn: Turn, answer: Answer) -> Answer:
        """A school subject asked about beside an occupation ("moet je daarvoor goed zijn in scheikunde?"):
        say the data has no subjects and who knows, beside the answer about it, else beside its route."""
        subject = SCHOOL_SUBJECT.search(turn.text)
        info = turn.found[0] if len(turn.found) == 1 else turn.remembered
        if info is not None and MATH_ASKED.search(turn.text) and answer.is_answer:
            # "is wiskunde echt nodig voor monteur mobiliteit?": the answer about it, and the maths myth
            self.add_myth(answer, MATH_MYTH, turn.text)
        which = WHICH_SUBJECTS.search(turn.text)
        if (subject is None and which is None) or info is None:
            return answer
        name_in_sentence = sentence_name(self.repository.display_name(info))
        if subject is not None:
            name = re.search(SCIENCE_SUBJECTS, subject.group(0), re.IGNORECASE).group(0).lower()
            said = Reply("utter_school_subject", {"vak": name, "naam_zin": name_in_sentence})
        else:  # "welke vakken moet je dan goed in zijn?"
            said = Reply("utter_which_subjects", {"naam_zin": name_in_sentence})
        if answer.about is not None and answer.about.id == info.id:
            answer.replies.append(said)
            return answer
        from actions.route import ActionAnswerRoute  # route is built on this module

        route = ActionAnswerRoute(self._repository).answer_about(turn, info)
        route.replies.insert(0, said)
        return route


def asks_each_after_a_comparison(turn: Turn) -> bool:
    """ "moet je daar ploegendiensten draaien?", "wat moet je daarvoor doen na de mavo?" right after two or
    more were compared: about each of them (their work or their routes side by side), not only the last."""
    from actions.comparison import ASKS_ROUTE  # comparison is built beside this module
    from actions.conditions import asked_conditions

    right_after = len(turn.suggested) >= 2 and turn.remembered in turn.suggested and turn.occupation == turn.remembered
    short = len(turn.text.split()) <= EACH_FOLLOW_UP_WORDS
    route = ASKS_ROUTE.search(turn.text) or CUES["ask_route"].search(turn.text)
    return right_after and short and bool(asked_conditions(turn.text) or route)


EACH_FOLLOW_UP_WORDS = 14


# "is dat een goede keuze?", "is het verstandig?": whether an occupation is a good choice is its pay and chances
GOOD_CHOICE = re.compile(
    r"\b(goede|slimme|verstandige) keuze\b|\bgoed idee\b|\bverstandig\b"
    r"|\b(een )?(goede|goeie) (baan|beroep|vak)\b|\bgoed werk\b",  # "is elektricien een goeie baan?"
    re.IGNORECASE,
)
# Three or more occupations named in one message are put side by side, whatever kind of question.
MANY_NAMED = 3
# The replies that tell a story; a story asked beside another question is added when none is told.
STORY_RESPONSES = ("utter_story", "utter_stories", "utter_story_invented", "utter_story_real")
# "ik heb een lang verhaal", "mijn verhaal": the writer's own story, not a request for one.
OWN_STORY = re.compile(r"\b(lang|lange|hele|mijn|ons|zijn|haar|dit|dat) verha\w*", re.IGNORECASE)
# "welke school in rotterdam?", "op welke scholen kan dat?": schools per programme are on kiesmbo.nl
WHICH_SCHOOL = re.compile(
    r"\b(welke|op welke|waar is een) (mbo-?)?scho(ol|len)\b"
    r"|\bwaar (leer|leert|leren|studeer\w*) (je|ik|hij|ze|zij|u)\b"
    r"|\bwaar\b.{0,25}\b(naar school|op school|de opleiding volgen)\b",
    re.IGNORECASE,
)
# Dyslexia, ADHD, fear of failure beside the question: who can tell what support a school gives.
# "welke beroepen naast elektricien en lasser?", "andere dan automonteur": occupations besides those named
BESIDES_THESE = re.compile(
    r"\b(welke|noem|geef|andere?|meer)\b.{0,40}\b(beroepen|banen|opties)\b.{0,40}\b(naast|behalve|buiten|anders dan"
    r"|andere dan)\b|\b(andere|meer) (beroepen|banen|opties) (dan|naast|behalve)\b",
    re.IGNORECASE,
)
# Another figure seen elsewhere: "waarom wijkt jullie bedrag af van wat ik in de cao zie?"
FIGURES_DIFFER = re.compile(
    r"\b(wijk\w*|wijkt)\b.{0,40}\baf\b.{0,40}\b(cao|internet|vacature\w*|google|site|website|loonwijzer)\b"
    r"|\b(anders|hoger|lager) dan (wat )?(ik|je|we)?\b.{0,30}\b(cao|internet|vacature\w*|google|site|website)\b"
    r"|\b(cao|internet|vacature\w*|google|site|website)\b.{0,40}\b(hele )?andere (bedragen|salarissen|lonen|cijfers)\b",
    re.IGNORECASE,
)
LEARNING_SUPPORT = re.compile(r"\b(dyslexie|dyslectisch|adhd|autisme|faalangst)\b", re.IGNORECASE)
# "is wiskunde echt nodig voor ...?", "hij is slecht in rekenen": the maths myth beside the answer
MATH_ASKED = re.compile(
    r"\b(wiskunde|rekenen)\b.{0,25}\b(nodig|moeilijk|belangrijk|moet)\b|\b(nodig|moet|hoef\w*)\b.{0,25}\b(wiskunde|rekenen)\b"
    r"|\b(slecht|zwak|niet goed)\b.{0,12}\b(in|met) (wiskunde|rekenen)\b",
    re.IGNORECASE,
)
MATH_MYTH = "m13"
# A girl's worry of being odd one out in technical work, beside another question (the question is answered too)
GIRL_WORRY = re.compile(
    r"\b(meisje|meid|vrouw|dochter)\b.{0,60}\b(raar|gek|vreemd|normaal|de enige|uitgelachen|lachen)\b"
    r"|\b(raar|gek|vreemd|de enige)\b.{0,40}\b(als|voor) (een )?(meisje|meid|vrouw)\b",
    re.IGNORECASE,
)
WOMEN_MYTH = "m04"
WHICH_SUBJECTS = re.compile(r"\bwelke (school)?vakken\b", re.IGNORECASE)
# "moet je daarvoor goed zijn in scheikunde?" beside an occupation (wiskunde has its own myth)
SCIENCE_SUBJECTS = r"(scheikunde|natuurkunde|nask\w*|biologie|informatica|tekenen)"
SCHOOL_SUBJECT = re.compile(
    # asked whether it is needed, or a weakness: "ze is goed in scheikunde" is a strength (an interest)
    rf"\b(moet|moeten|hoef|hoeft)\b.{{0,30}}\b(goed|sterk)\b.{{0,12}}\b(in|met) {SCIENCE_SUBJECTS}\b"
    rf"|\b{SCIENCE_SUBJECTS}\b.{{0,20}}\b(nodig|verplicht)\b|\b(nodig|verplicht)\b.{{0,20}}\b{SCIENCE_SUBJECTS}\b"
    rf"|\b(slecht|zwak|niet goed|niet zo goed)\b.{{0,12}}\b(in|met) {SCIENCE_SUBJECTS}\b",
    re.IGNORECASE,
)
# A newcomer's worry about Dutch beside the question: who can tell what level of Dutch is needed.
LANGUAGE_WORRY = re.compile(
    r"\b(nederlands|taal)\b.{0,30}\b(niet goed|nog niet|slecht|moeilijk|weinig)\b"
    r"|\b(niet goed|nog niet|slecht|weinig|geen)\b.{0,20}\b(nederlands|taal)\b|\btaalachterstand\b"
    r"|\b(eerst|beter|goed) (goed )?(nederlands|de taal) (leren|spreken|kennen|kunnen)\b"
    r"|\b(nederlands|de taal)\b.{0,12}\b(beter|eerst) (leren|worden|kunnen|spreken)?\b|\beerst (beter )?nederlands\b"
    # "moet hij eerst taal examen doen of kan hij direct beginnen"
    r"|\b(taal ?examen|taaltoets|taaltest|inburgering\w*|nt2|staatsexamen nt2|taalniveau)\b",
    re.IGNORECASE,
)


class OccupationAction(TurnAction, ABC):
    """Answers about one occupation; asks back when the name is vague, unknown or missing."""

    compares_several = False  # "verdient een kapper meer dan een lasser?": compare instead

    @abstractmethod
    def answer_about(self, turn: Turn, info: OccupationInfo) -> Answer:
        """The answer about `info`."""

    def answer_without_occupation(self, turn: Turn) -> Answer:
        """No occupation named or remembered: the occupations just suggested ("ik hou van computers" …
        "en wat verdien je daar?"), or those of an interest or sector the message names ("mijn zoon
        wil in de haven werken, veel geld?"); else a topic the message names ("wat is beter, mbo of
        havo?"); else ask which occupation."""
        from actions.rescue import topic_instead  # imported here: rescue is built on these actions

        if not turn.suggested and WHAT_YOU_CAN_BECOME.search(turn.text):
            topic = topic_instead(turn, self.repository)  # "op een schip werken, welke banen zijn er?"
            if topic is not None:
                return topic(self._repository).answer(turn)
        narrowed = the_ones_with(self.repository, turn)
        if narrowed:  # "die met computers, wat moet ik daarvoor doen?" after a list: those of the list
            return self.answer_for_example(turn, narrowed)
        from actions.topics import occupations_without_a_condition  # topics is built on this module

        without = occupations_without_a_condition(self.repository, turn)
        if without is not None:  # "drie beroepen waar je niet vies wordt, met wat ze verdienen"
            return without
        suggested = list(turn.suggested) or suggestions_named(self.repository, turn.topic_text)
        if suggested and self.compares_several:
            return comparison(self.repository, suggested[:MAX_COMPARED], turn.text)
        topic = topic_instead(turn, self.repository)
        if topic is not None:
            return topic(self._repository).answer(turn)
        if suggested:  # "wat moet ik daarvoor doen?" after a list: the first as an example, the others to choose
            return self.answer_for_example(turn, suggested)
        return self.answer_about_none(turn)

    def beside_technical_work(self, turn: Turn) -> bool:
        """Whether other work is asked about beside technical work: the message says so, or a short
        follow-up after a technical occupation ("en t.o.v. een verzorgende?"). Featured occupations
        (a dental technician) count as technical here; the comparison ones (a hairdresser) do not."""
        if self.repository.is_featured(turn.occupation) or TOWARDS_TECHNICAL_WORK.search(turn.text):
            return True
        previous = turn.remembered or (turn.discussed[0] if turn.discussed else None)
        technical_before = previous is not None and self.repository.is_technical(previous)
        return technical_before and len(turn.text.split()) <= SHORT_FOLLOW_UP

    def answer_for_example(self, turn: Turn, suggested: List[OccupationInfo]) -> Answer:
        if WHAT_YOU_CAN_BECOME.search(turn.text):  # "en wat kan je daarmee worden?" after a vmbo profile
            from actions.topics import occupation_lines  # topics is built on this module

            values = {"beroepen": occupation_lines(self.repository, suggested)}
            names = [(info.id, self.repository.display_name(info)) for info in suggested]
            reply = Reply("utter_these_occupations", values, candidate_buttons("ask_job_description", names))
            return Answer([reply], slots={"suggested": [info.id for info in suggested]})
        first, others = suggested[0], suggested[1:]
        answer = self.answer_about(turn, first)
        if not answer.is_answer:
            names = [(info.id, self.repository.display_name(info)) for info in suggested]
            return question("utter_ask_occupation", candidate_buttons(self.intent, names))
        name = sentence_name(self.repository.display_name(first))
        answer.replies.insert(0, Reply("utter_for_example", {"naam_zin": name}))
        names = [(info.id, self.repository.display_name(info)) for info in others]
        answer.replies[last_text_index(answer)].buttons += candidate_buttons(self.intent, names)
        answer.slots.setdefault("suggested", [info.id for info in suggested])  # the list stays on the table
        return answer

    def answer_about_none(self, turn: Turn) -> Answer:
        """Nothing named, suggested or remembered, and no topic: ask which occupation. Pay and
        prospects answer for technical work as a whole instead."""
        return question("utter_ask_occupation")

    def asks_only_about_hbo(self, turn: Turn) -> bool:
        """Whether the message asks about going on to hbo and plainly asks nothing about an occupation."""

        school = self.repository.best_topic("education", turn.topic_text)
        on_to_hbo = school is not None and school.topic_id == HBO_AFTER_MBO
        # "wil daarna naar het hbo, verdient hij dan meer?"; not "verdient een loodgieter meer dan iemand met hbo?"
        going_on = GOING_ON_TO_HBO.search(turn.text)
        return on_to_hbo and bool(going_on) and not any(cue.search(turn.text) for cue in CUES.values())

    def field_instead(self, turn: Turn) -> Optional[Answer]:
        """A sector named as the place of work ("als je in de haven werkt") that the occupation talked
        about is not part of: the question is about the sector's occupations now."""
        places = " ".join(match.group(1) for match in IN_A_PLACE.finditer(turn.topic_text))
        sector = self.repository.best_topic("sector", places) if places else None
        if sector is None:
            return None
        infos = self.repository.occupations_in_sector(sector.sector)
        if not infos or turn.remembered in infos:
            return None
        if self.compares_several:
            return comparison(self.repository, infos[:MAX_COMPARED], turn.text)
        return self.answer_for_example(turn, infos)

    def plainly_asked_instead(self, turn: Turn) -> Optional[type]:
        """The action of the one other kind of question the message asks plainly, when it does not
        plainly ask this action's kind: the NLU's intent gives way to the words."""
        from actions.also_asked import other_questions
        from actions.occupation_answers import BY_INTENT

        own = CUES.get(self.intent)
        last = sentences(turn.text.strip())[-1]  # "Oké. Kun je dan zeggen hoeveel mensen ...?": the question itself
        long_with_more = len(last.split()) > SHORT_QUESTION and other_questions(turn.text, self.intent)
        if own is None or own.search(turn.text) or long_with_more:
            return None  # a long message keeps the NLU's reading; its other questions are answered beside it
        others = [intent for intent, cue in CUES.items() if intent != self.intent and cue.search(turn.text)]
        return BY_INTENT.get(others[0]) if len(others) == 1 else None

    def asked_as_before(self, turn: Turn) -> Optional[type]:
        """ "ok en een laborant in het ziekenhuis dan?" right after a pay answer: a bare name asks what the
        previous question asked, whatever kind the NLU guessed from the setting; "is dat veel?" is about
        the pay just shown."""
        from actions.occupation_answers import BY_NAME
        from actions.pay import IS_THAT_A_LOT, ActionAnswerSalary

        pay_shown = turn.follows_a_pay_answer and turn.resolution == REMEMBERED
        if pay_shown and IS_THAT_A_LOT.search(turn.text) and self.intent != ActionAnswerSalary.intent:
            return ActionAnswerSalary  # "en is dat veel of weinig?" right after the pay, taken for another kind
        bare = BARE_NAME_FOLLOW_UP.match(turn.text) and len(turn.text.split()) <= BARE_FOLLOW_UP_WORDS
        if not bare or len(turn.found) != 1 or any(cue.search(turn.text) for cue in CUES.values()):
            return None
        previous = BY_NAME.get(turn.last_answer)
        return previous if previous is not None and previous.intent != self.intent else None

    def second_answer(self, turn: Turn, info: OccupationInfo) -> List[Reply]:
        """The answer to a second kind of question in the same message ("... en hoe word je dat?")."""
        # Imported here: those actions are built on this module.
        from actions.also_asked import other_questions
        from actions.occupation_answers import BY_INTENT

        replies: List[Reply] = []
        asked = other_questions(turn.text, self.intent)
        if GOOD_CHOICE.search(turn.text):  # "hij gaat procesoperator doen, is dat een goede keuze?": pay and chances
            asked += [kind for kind in ("ask_salary", "ask_prospects") if kind != self.intent and kind not in asked]
        for intent in asked:
            if intent in BY_INTENT:
                extra = BY_INTENT[intent](self._repository).answer_about(turn, info)
                replies += extra.replies if extra.is_answer else []
        # "heeft automonteur nog toekomst nu alles elektrisch wordt?": the myth's counter-facts too.
        from actions.rescue import WHICH_JOB_FOR_ME
        from actions.topics import ActionAnswerInterest, plain_myth_replies

        interest = self.repository.best_topic("interest", turn.text)
        if interest is not None and (WHICH_JOB_FOR_ME.search(turn.text) or FITS_HIM.search(turn.text)):
            # "hij sleutelt altijd aan zijn brommer. Wat voor beroep past bij hem en wat verdient een automonteur?"
            liked = ActionAnswerInterest(self._repository).answer_topic(interest, turn.text)
            replies += [reply for reply in liked.replies if reply.response == "utter_interest"]
        return replies + plain_myth_replies(self._repository, turn.text)

    def compared(self, turn: Turn, infos: List[OccupationInfo]) -> Answer:
        """Several occupations side by side; a worry named plainly ("welke heeft meer toekomst, met al
        die elektrische auto's?") gets its myth's counter-facts after the comparison."""
        from actions.topics import plain_myth_replies  # topics is built on this module

        answer = comparison(self.repository, infos, turn.text)
        answer.replies += plain_myth_replies(self._repository, turn.text)
        return answer

    def answer(self, turn: Turn) -> Answer:
        if turn.found and asks_for_a_list_beside_a_name(turn.text, turn):
            # "Welke beroepen kan ik noemen bij het profiel BWI? Ze denken dat het alleen timmerman is."
            from actions.rescue import topic_instead  # imported here: rescue is built on these actions
            from actions.topics import final_occupation_question

            # A plain question about the named occupation ends the message: that one is asked, not the list.
            topic = topic_instead(turn, self.repository) if final_occupation_question(turn) is None else None
            if topic is not None:
                return topic(self._repository).answer(turn)
        resolution = turn.resolution
        from actions.lists import BEST_PAID_SHOWN, LEAST_PAID, best_paid  # lists is built on this module

        if not turn.found and LEAST_PAID.search(turn.text) and BEST_PAID_SHOWN.search(turn.previous_reply):
            return best_paid(self.repository, turn.text)  # "en het minst?" right after the best paid
        if len(turn.found) == 1 and CAN_THAT_TOO.search(turn.text) and LEARNING_ROUTE.search(turn.previous_reply):
            # "kan dat ook bij loodgieter?" right after the answer about the bbl: that occupation's route
            from actions.route import ActionAnswerRoute  # route is built on this module

            return ActionAnswerRoute(self._repository).answer_about(turn, turn.found[0])
        from actions.topics import narrowed_list  # topics is built on this module

        narrowed = narrowed_list(self.repository, turn) if turn.suggested else None
        if narrowed is not None:  # "hij heeft hoogtevrees, dus dakdekker en steigerbouwer vallen af. andere opties?"
            return narrowed
        if asks_pay_of_mbo_against_hbo(turn.text):
            # "wat verdient ze met hbo elektrotechniek vergeleken met mbo?": no pay per level, the study's start pay
            from actions.topics import pay_by_route_answer  # topics is built on this module

            return pay_by_route_answer(self.repository, turn)
        if turn.found and self.asks_only_about_hbo(turn):
            # "ze doet mbo 4 mechatronica en wil daarna werktuigbouwkunde op het hbo doen. Kan dat zomaar?"
            from actions.topics import ActionAnswerEducation  # topics is built on this module

            return ActionAnswerEducation(self._repository).answer(turn)
        from actions.compare import table_with_the_added  # compare is built on this module

        table = table_with_the_added(turn)
        if table is not None:  # "zet dakdekker er ook nog bij" after three side by side
            return self.compared(turn, table)
        first_few = turn.first_few
        if len(first_few) >= 2 and not turn.found:  # "kun je van de eerste drie het uurloon geven?"
            return self.compared(turn, first_few)
        from actions.topics import others_besides  # topics is built on this module

        others = others_besides(self.repository, turn)  # "welke beroepen kun je laten zien naast X en Y?"
        if others is not None:
            return others
        # Three or more named ("zonnepanelen, laadpalen, warmtepompen: welk niveau?"): side by side, whatever is asked
        if resolution == SEVERAL and (self.compares_several or len(turn.found) >= MANY_NAMED):
            return self.compared(turn, list(turn.found))
        if resolution in (REMEMBERED, NONE) and (
            turn.asks_about_both
            or (self.compares_several and turn.follows_a_comparison)
            or asks_each_after_a_comparison(turn)
        ):
            from actions.topics import fitting  # topics is built on this module

            # "welke daarvan kan ik doen met vmbo kader PIE?": those the message's conditions leave
            kept, left_out = fitting(self.repository, list(turn.on_the_table), turn.text, len(turn.on_the_table))
            answer = self.compared(turn, kept or list(turn.on_the_table))
            answer.replies += left_out if kept else []
            return answer
        if resolution == AMBIGUOUS:
            unclear = turn.unclear
            if not any(self.repository.is_technical(c) or self.repository.is_featured(c) for c in unclear.candidates):
                # "mijn dochter wil dierenarts worden": other work, whichever of its namesakes is meant
                answer = not_technical_answer(unclear.candidates[0], unclear.text.strip())
                answer.about = None
                return answer
            buttons = candidate_buttons(
                self.intent, [(c.id, self.repository.display_name(c)) for c in unclear.candidates]
            )
            from actions.topics import plain_myth_replies  # topics is built on this module

            # "mn vader zegt mbo is niks ... maar ik wil echt monteur worden": the myth first, then which monteur
            myth = plain_myth_replies(self._repository, turn.text)
            if self.compares_several and not myth:  # "wat verdient een monteur?": the figures of each, then choose
                answer = comparison(self.repository, list(unclear.candidates), turn.text)
                answer.replies.insert(0, Reply("utter_several_fit", {"tekst": unclear.text}))
                answer.replies[last_text_index(answer)].buttons += buttons
                answer.about = None
                return answer
            asked = question("utter_which_occupation", buttons, tekst=unclear.text)
            asked.slots["suggested"] = [c.id for c in unclear.candidates]  # "en wat verdient zo iemand?"
            asked.replies[:0] = myth
            return asked
        if resolution == UNKNOWN:
            return question("utter_unknown_occupation", tekst=turn.unclear.text)
        if resolution == NONE:
            return self.answer_without_occupation(turn)
        if resolution == ONE and (turn.asks_if_same_work or turn.compares_with_the_one_talked_about):
            # "en warmtepomp, is dit hetzelfde werk?" after the solar panel fitter, "en hoeveel verdienen die
            # vergeleken met een procesoperator?" after the laborant: the two side by side
            return self.compared(turn, [turn.remembered, turn.occupation])
        field = self.field_instead(turn) if resolution == REMEMBERED else None
        if field is not None:  # "ok saai. wat verdien je als je in de haven werkt dan?" after another occupation
            return field
        if ASKS_WOMEN_SHARE.search(turn.text) and self.intent in ("ask_route", "ask_job_description", "ask_salary"):
            # "en hoeveel meiden doen die opleiding eigenlijk?" after its route: the share of women in its group
            from actions.prospects import ActionAnswerProspects  # prospects is built on this module

            return ActionAnswerProspects(self._repository).answer_about(turn, turn.occupation)
        plainly = self.plainly_asked_instead(turn) or self.asked_as_before(turn)
        if plainly is not None:  # "en die eerste, hoeveel vraag is daar naar?" taken for a pay question
            return plainly(self._repository).answer(turn)
        answer = self.answer_about(turn, turn.occupation)
        if answer.is_answer:
            answer.replies += self.second_answer(turn, turn.occupation)
        compared = "suggested" in answer.slots  # a comparison puts any occupation beside technical ones
        if (
            resolution == ONE
            and answer.is_answer
            and not compared
            and not self.repository.is_technical(turn.occupation)
        ):
            name = sentence_name(self.repository.display_name(turn.occupation))
            if not self.beside_technical_work(turn):
                # "wat verdient een advocaat?": outside this assistant; side by side with technical work it may.
                return not_technical_answer(turn.occupation, name)
            # "mijn dochter wil kapper worden, verdient techniek beter?": the figure, marked as a comparison.
            answer.replies.insert(0, Reply("utter_not_technical", {"naam_zin": name}))
        if resolution == ONE and answer.is_answer and self.repository.is_technical(turn.occupation):
            answer.replies[:0] = is_technical_replies(self.repository, turn)  # other work was said to be so above
        if resolution in (ONE, REMEMBERED) and answer.is_answer and self.intent != "ask_job_description":
            # "wil lasser worden ... ik maak me zorgen over het zware werk": what its work text says about that
            condition = condition_reply(self.repository, turn.occupation, turn.text, say_unknown=False)
            answer.replies += [condition] if condition else []
        unknown = next((m for m in turn.mentions if m.status == UNKNOWN), None)
        if unknown is not None and answer.is_answer:  # "wat verdient een youtuber vs een elektricien?"
            answer.replies.insert(0, Reply("utter_unknown_beside", {"tekst": unknown.text}))
        more = turn.typed_more
        if resolution == ONE and more and (answer.is_answer or answer.about):
            # "drone piloot" answered as piloot: say so rather than pretend it is the same.
            name = sentence_name(self.repository.display_name(more.occupation))
            answer.replies.insert(0, Reply("utter_answer_is_about", {"tekst": more.typed, "naam_zin": name}))
        return answer
