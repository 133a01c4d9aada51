"""Answers about topics rather than one occupation: myths, interests, sectors, school, next steps."""

import logging
import re
from abc import ABC, abstractmethod
from typing import Dict, List, Optional, Text

from actions.also_asked import CUES, sentences
from actions.answer import Answer, Reply, question
from actions.base import (
    ASKS_FOR_OCCUPATIONS,
    BESIDES_THESE,
    CAN_THAT_TOO,
    GOING_ON_TO_HBO,
    HBO_AGAINST_MBO,
    LEARNING_ROUTE,
    WHAT_YOU_CAN_BECOME,
    TurnAction,
    asks_for_a_region,
    is_technical_replies,
    names_a_field,
)
from actions.citations import cite_facts
from actions.comparison import ASKS_EXPERIENCE, ASKS_FUTURE, ASKS_PAY, MAX_COMPARED, comparison, route_lines
from actions.conditions import QUESTION_START, condition_reply, labels, ruled_out, without_ruled_out
from actions.formatting import dutch_list, median_pay
from actions.lesson import myth_statements
from actions.levels import LEVEL as MBO_LEVEL
from actions.levels import asked_level, entry_level, level_answer, within_reach
from actions.ordering import aboard_first, named_first
from actions.school_topics import ACCESS_TOPIC, ENTREE_TOPIC, HBO_AFTER_MBO, education_reply
from actions.short_version import school_topic_shown
from actions.topic_guess import TopicExamplesError, guess_topic
from actions.turn import NUMBER_WORDS, ORDINALS, SHORT_FOLLOW_UP_WORDS, WHICH_MORE, Turn
from actions.units import SELF_EMPLOYED
from actions.women import ASKS_PAY_BY_GENDER, ASKS_WOMEN_SHARE, women_share_reply
from occupations.catalog import OccupationInfo
from occupations.content import EducationTopic, Interest, Myth, Sector
from occupations.normalize import normalize
from occupations.repository import Repository

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 4
SECTOR_OCCUPATIONS = 6
MAX_ASKED_COUNT = 8  # "geef me 5 beroepen": as many as asked, up to a phone screen
ASKED_COUNT = re.compile(
    r"\b(\d|twee|drie|vier|vijf|zes|zeven|acht) (\w+ ){0,2}(beroepen|banen|opties|voorbeelden|suggesties)\b", re.I
)


def asked_count(text: str) -> int:
    """How many occupations the message asks for ("5 technische beroepen"), at most MAX_ASKED_COUNT; 0 if none."""
    found = ASKED_COUNT.search(text or "")
    if not found:
        return 0
    word = found.group(1).lower()
    return min(int(word) if word.isdigit() else NUMBER_WORDS[word], MAX_ASKED_COUNT)


BESIDES_REACH = 40  # characters after "naast" in which the names it sets aside stand


def others_besides(repository: Repository, turn: Turn) -> Optional[Answer]:
    """Occupations asked for besides those named: of the vmbo profile named, else of the fields of the
    named ones, without the named ones, with their pay; None when there are none, or when the message
    also asks about another occupation ("... behalve metselaar? En is timmerman zwaar?"), and for
    messages that ask for no others."""
    if not turn.found or not BESIDES_THESE.search(turn.text):
        return None
    besides = re.search(r"\b(naast|behalve|buiten|dan)\b", turn.text, re.IGNORECASE)
    after = besides.end() if besides else 0
    if any(not after <= mention.start <= after + BESIDES_REACH for mention in turn.mentions):
        return None
    profile = named_profile(repository, turn.text)
    if profile:
        pool = repository.occupations_with_profile(profile)
    else:
        sectors = {p.sector for info in turn.found if (p := repository.profile(info)) is not None}
        pool = [info for sector in sectors for info in repository.occupations_in_sector(sector)]
    named = {info.id for info in turn.found}
    count = asked_count(turn.text) or MAX_SUGGESTIONS
    others, left_out = fitting(repository, [info for info in pool if info.id not in named], turn.text, count)
    if not others:
        return None
    reply = Reply("utter_these_occupations", {"beroepen": occupation_lines(repository, others)})
    return Answer([reply] + left_out, slots={"suggested": [info.id for info in others]})


def occupations_without_a_condition(repository: Repository, turn: Turn) -> Optional[Answer]:
    """ "geef eens drie beroepen waar je echt niet vies wordt, met wat ze verdienen": occupations asked for
    with a condition ruled out and no field or liking named get the featured ones without it, with their
    pay; None for other messages."""
    count = asked_count(turn.text)
    asks = count or (NAME_OCCUPATIONS.search(turn.text) and WORK_WORDS.search(turn.text))
    if not asks or not ruled_out(turn.text) or turn.found:
        return None
    if repository.best_topic("sector", turn.topic_text) or repository.best_topic("interest", turn.topic_text):
        return None  # a field or a liking named: its own answer narrows its list
    kept, left_out = fitting(repository, repository.featured_occupations(), turn.text, count or MAX_SUGGESTIONS)
    if not kept:
        return None
    reply = Reply("utter_these_occupations", {"beroepen": occupation_lines(repository, kept)})
    return Answer([reply] + left_out, slots={"suggested": [info.id for info in kept]})


# A message of one word for the whole field asks nothing yet.
ONLY_A_FIELD = {"techniek", "technisch", "technische beroepen", "techniek beroepen", "beroepen"}
SHORT_OCCUPATION_FOLLOW_UP = 8  # words: "en word dat meer of minder?" leans on the occupation talked about
PAY_FOLLOW_UP_WORDS = 14  # "en als beginner? hij is bijna klaar" leans on the previous pay answer
MAX_LEFT_OUT_NAMED = 6
# A myth named this plainly (characters of its keywords) beside another question is answered too.
PLAIN_MYTH = 10
MAX_TOPIC_BUTTONS = 6
# "wat past beter: X of Y?", "hij twijfelt tussen X en Y": a choice between the occupations named.
CHOOSING_BETWEEN = re.compile(
    r"\b(past|is|lijkt) (het |hem |haar )?(beter|best)\b|\bbeter bij\b|\b(twijfel\w*|kiezen|keuze) tussen\b",
    re.IGNORECASE,
)
# "in die sector", "dat profiel": the topic the previous answer was about.
REFERS_BACK = re.compile(
    r"\b(die|deze|dat|dit|dezelfde) (sector|richting|branche|profiel|opleiding|leerweg|vooroordeel)\b",
    re.IGNORECASE,
)


def occupation_lines(repository: Repository, infos: List[OccupationInfo]) -> str:
    """One line per occupation with one figure: its median hourly pay, all of the same year."""
    year = repository.common_pay_year(infos)
    lines = []
    for info in infos:
        figure = repository.pay_in_year(info, year)
        pay = median_pay(figure) if figure else f"geen loon van het CBS voor {year}"
        profile = repository.profile(info)
        levels = f"; mbo-niveau {' of '.join(profile.mbo_levels)}" if profile and profile.mbo_levels else ""
        lines.append(f"- {repository.display_name(info)}: {pay}{levels}")
    return "\n".join(lines)


def fitting(repository: Repository, infos: List[OccupationInfo], text: str, count: int = MAX_SUGGESTIONS):
    """The first `count` occupations without a condition the user rules out ("hij heeft hoogtevrees")
    and within reach of the mbo level named, and the replies that name the ones left out and why."""

    def names(left: List[OccupationInfo]) -> str:
        return dutch_list([repository.display_name(info) for info in left[:MAX_LEFT_OUT_NAMED]])

    kept, left_out, conditions = without_ruled_out(repository, infos, text)
    replies = []
    if left_out:
        values = {"onderwerp": labels(conditions), "beroepen": names(left_out)}
        replies.append(Reply("utter_left_out_for_condition", values))
    fields = repository.sectors_ruled_out(text)
    in_fields = [info for row in fields for info in repository.occupations_in_sector(row.sector)]
    outside_fields = [info for info in kept if info not in in_fields]
    if fields and outside_fields and len(outside_fields) < len(kept):  # "en ook niet de bouw in"
        left = [info for info in kept if info in in_fields]
        values = {"richting": dutch_list([row.name.lower() for row in fields]), "beroepen": names(left)}
        replies.append(Reply("utter_left_out_for_field", values))
        kept = outside_fields
    profile = named_profile(repository, text)
    if profile:  # "welke daarvan kan ik doen met vmbo kader PIE?": those reached from that profile
        reached = set(repository.occupations_with_profile(profile))
        kept = [info for info in kept if repository.profile(info) is None or info in reached] or kept
    level = entry_level(text)
    if level is not None:  # "leerlingen uit vmbo basis, welke havenberoepen kunnen zij halen?"
        kept, too_high = within_reach(repository, kept, level)
        if too_high:
            replies.append(Reply("utter_left_out_for_level", {"niveau": str(level), "beroepen": names(too_high)}))
    return kept[:count], replies


# "dus dakdekker en steigerbouwer vallen af": occupations of the list taken out by name
DROPPED = re.compile(r"\b(vallen|valt) (dus |al |ook )?(af|weg)\b|\bafgevallen\b|\bbehalve\b", re.IGNORECASE)


ASKS_FOR_MORE = re.compile(
    r"\b(andere|anders|meer) (opties|beroepen|ideeën|suggesties|mogelijkheden)\b|\bnog (iets|wat) anders\b", re.I
)


def alike(repository: Repository, infos: List[OccupationInfo]) -> List[OccupationInfo]:
    """Featured occupations whose main interests are among the main interests of these, in file order."""
    tags = {tag for info in infos if (p := repository.profile(info)) for tag in p.interests[:2]}
    return [
        info
        for info in repository.featured_occupations()
        if (p := repository.profile(info)) and tags & set(p.interests[:2]) and info not in infos
    ]


def narrowed_list(repository: Repository, turn: Turn) -> Optional[Answer]:
    """A list narrowed by what the message rules out, naming no interest or sector: right after a list,
    the list without the occupations it drops by name or whose work text has a condition ruled out
    ("hij heeft hoogtevrees, dus dakdekker en steigerbouwer vallen af"); asked for a list, all featured
    occupations without the condition ("welke beroepen zijn lichamelijk minder zwaar?")."""
    text = turn.topic_text
    dropped = list(turn.found) if turn.suggested and turn.found and DROPPED.search(text) else []
    if not ruled_out(text) and not dropped:
        return None
    if names_a_field(repository, text):
        return None  # "hij houdt van buiten maar niet van hoogtes": the interest's own answer narrows
    if ASKS_FOR_OCCUPATIONS.search(text) and not turn.suggested:
        infos = [info for info in repository.featured_occupations() if info not in turn.found]
    elif dropped or (turn.suggested and not turn.found and "?" not in text and not QUESTION_START.match(text)):
        infos = [info for info in turn.suggested if info not in dropped]  # "is dat niet vies werk?" rules nothing out
        if ASKS_FOR_MORE.search(text):  # "nog andere opties?": more of the same kind of work too
            infos += [info for info in alike(repository, list(turn.suggested)) if info not in dropped + infos]
    else:
        return None
    kept, left_out = fitting(repository, infos, text, MAX_SUGGESTIONS)
    if not kept:
        return None
    reply = Reply("utter_these_occupations", {"beroepen": occupation_lines(repository, kept)})
    return Answer([reply] + left_out, slots={"suggested": [info.id for info in kept]})


def text_button(title: str, text: str) -> Dict[str, str]:
    """A button whose payload is plain text: it goes through the NLU like a typed message.

    The title stays whole: the web shows it in full, and the WhatsApp channel shortens it to
    its own 20-character limit on a word boundary (bot/channels/whatsapp_output.py).
    """
    return {"title": title, "payload": text}


class TopicAction(TurnAction, ABC):
    """Find the curated row the message is about, then answer it (or ask which one)."""

    kind = ""

    @abstractmethod
    def answer_topic(self, row, text: str = "") -> Answer:
        """The answer for the matched curated row (`text`: the message, for rows it names besides)."""

    @abstractmethod
    def ask(self) -> Answer:
        """Ask which topic the user means."""

    def answer(self, turn: Turn) -> Answer:
        if normalize(turn.text) in ONLY_A_FIELD:  # "techniek": nothing asked yet, so what can be asked
            return Answer([Reply("utter_capabilities")], is_answer=False)
        if turn.points_into_list and not turn.found:
            # "die tweede die je noemde, wat verdien je daarmee? en welk mbo niveau?": about that occupation
            from actions.occupation_answers import BY_INTENT  # built on this module's neighbours

            kind = next((intent for intent, cue in CUES.items() if cue.search(turn.text)), None)
            if kind in BY_INTENT:
                return BY_INTENT[kind](self._repository).answer(turn)
        if (
            turn.remembered
            and not turn.found
            and (
                ASKS_EXPERIENCE.search(turn.text)
                or SELF_EMPLOYED.search(turn.text)
                or (MBO_LEVEL.search(turn.text) and turn.follows_a_pay_answer)  # "en met niveau 4?"
            )
            and len(turn.text.split()) <= PAY_FOLLOW_UP_WORDS
        ):
            # "en als beginner? hij is 18 en bijna klaar met mbo 4" after the pay: the pay for a starter
            from actions.pay import ActionAnswerSalary  # pay is built on this module's neighbours

            return ActionAnswerSalary(self._repository).answer(turn)
        kind = next((intent for intent, cue in CUES.items() if cue.search(turn.text)), None)
        short = len(turn.text.split()) <= SHORT_OCCUPATION_FOLLOW_UP
        if turn.remembered and not turn.found and short and kind in ("ask_prospects", "ask_salary"):
            # "en word dat meer of minder?" after the welder's figures, taken for a topic: about the welder
            from actions.occupation_answers import BY_INTENT  # built on this module's neighbours

            named_field = self.repository.best_topic("sector", turn.text)  # "is er veel werk in de haven?"
            if self.repository.topic_score(self.kind, turn.text) < PLAIN_MYTH and named_field is None:
                return BY_INTENT[kind](self._repository).answer(turn)
        if turn.asks_if_same_work:
            # "en zonnepanelenmonteur, is dat een apart beroep? wil t goed uitleggen" taken for an interest
            from actions.description import ActionAnswerJobDescription  # built on this module's neighbours

            return ActionAnswerJobDescription(self._repository).answer(turn)
        narrowed = narrowed_list(self.repository, turn)
        if narrowed is not None:  # "hij zegt nu ook dat hij niet tegen stof en vuil kan" after a list
            return narrowed
        worry = None
        if len(turn.found) == 1 and self.kind != "myth":
            worry = named_worry(self.repository, turn, self.repository.topic_score(self.kind, turn.topic_text))
        if worry is not None:  # "ik ben een meisje kan ik installateur worden of is dat raar"
            return worry_answer(self._repository, worry, turn, turn.found[0])
        technical = is_technical_replies(self.repository, turn)
        if technical:  # "is laborant eigenlijk een technisch beroep? ze is goed in scheikunde": yes, and what it is
            from actions.description import ActionAnswerJobDescription  # built on this module's neighbours

            info = turn.found[0] if len(turn.found) == 1 else turn.occupation
            description = ActionAnswerJobDescription(self._repository)
            answer = description.answer_about(turn, info)
            answer.replies += description.second_answer(turn, info)  # "... welk vmbo profiel past?"
            answer.replies[:0] = technical
            return answer
        if len(turn.found) == 1 and CAN_THAT_TOO.search(turn.text) and LEARNING_ROUTE.search(turn.previous_reply):
            # "kan dat ook bij scheepsbouw?" right after the answer about the bbl: that occupation's route
            from actions.route import ActionAnswerRoute  # route is built on this module's neighbours

            return ActionAnswerRoute(self._repository).answer_about(turn, turn.found[0])
        follow_up = school_follow_up(self.repository, turn)
        if follow_up is not None:  # "welke is beter als je meteen geld wil verdienen?" right after bol and bbl
            return follow_up
        if turn.remembered and not turn.found and asks_for_a_region(turn.text) and len(turn.text.split()) <= 12:
            # "en in de regio rotterdam specifiek?" after the figures: they are national, say so
            from actions.prospects import ActionAnswerProspects  # prospects is built on this module's neighbours

            return ActionAnswerProspects(self._repository).answer(turn)
        sector = self.repository.best_topic("sector", turn.topic_text)
        in_the_field = sector is not None and ruled_out(turn.text) and SOMETHING_IN_A_FIELD.search(turn.text)
        if (
            in_the_field
            and fitting(self.repository, self.repository.occupations_in_sector(sector.sector), turn.text, 1)[0]
        ):
            # "wat is dan iets in de bouw wat minder zwaar is?": the field's occupations, without the heavy ones
            return ActionAnswerSector(self._repository).answer_topic(sector, turn.text)
        if self.kind != "education" and asks_pay_by_route(self.repository, turn.text):
            # "verschil in uurloon tussen mbo 2 en mbo 4?" read as a sector or myth: the school answer about pay
            return ActionAnswerEducation(self._repository).answer_message(turn)
        # A sector or interest is the setting of a plain question about a named occupation, wherever it stands
        # ("procesoperator in de haven, wat zijn de vooruitzichten met de energietransitie?")
        if len(turn.found) == 1 and names_one_in_passing(turn):
            # "oke en iets met computers dan, netwerkbeheerder ofzo": that occupation, not the field its words touch
            from actions.overview import ActionAnswerOccupation  # built on this module's neighbours

            return ActionAnswerOccupation(self._repository).answer(turn)
        asked = final_occupation_question(turn, anywhere=self.kind in ("sector", "interest"))
        if asked is not None:
            # "... hij sleutelt aan zijn brommer ... wij twijfelen tussen automonteur en elektricien. Wat
            # verdient een automonteur eigenlijk?": the context set the topic words, the last sentence asks.
            return asked(self._repository).answer(turn)
        if (
            sector is not None
            and (
                (
                    (NAME_OCCUPATIONS.search(turn.text) or (asked_level(turn.text) and IS_THERE_WORK.search(turn.text)))
                    and WORK_WORDS.search(turn.text)
                )
                # a wish for a field whose words also touch a school topic (MaT's "iets met schepen")
                or (WANTS_SOMETHING_IN.search(turn.text) and self.repository.topic_score("education", turn.topic_text))
                # "hij gaat installatietechniek doen op mbo niveau 3. Is dat een goede keuze qua werk later?"
                or (not turn.found and ASKS_FOR_WORK.search(turn.text))
            )
            and not NAMES_A_PROFILE.search(turn.text)
            and self.repository.topic_score("sector", turn.topic_text)
            >= self.repository.topic_score("interest", turn.topic_text)
        ):
            # "ik zit op vmbo bb en wil in de haven werken, wat kan ik allemaal doen?", "is er werk in de haven als
            # je mbo 2 hebt", "ik wil later iets met schepen maar niet op zee": the field's work (within reach of the
            # level named), not the school topic its words touch
            return ActionAnswerSector(self._repository).answer_topic(sector, turn.text)
        return self.answer_message(turn)

    def answer_message(self, turn: Turn) -> Answer:
        """The answer once no plain question about an occupation ends the message: the topic the message
        names best, of this kind or another ("is bbl minder waard?" classified as a school question, "kan
        hij later nog wisselen als hij het niet leuk vindt" as a myth; on a tie this kind wins), else
        what the conversation or the classifier points to, else a question back."""
        if turn.asks_about_both:
            # "welke van de twee zou jij aanraden aan een leerling die niet graag stilzit?": the two again,
            # side by side with their work, rather than a menu
            return comparison(self.repository, list(turn.on_the_table)[:MAX_COMPARED], turn.text)
        chosen = choice_between(turn)
        if len(chosen) >= 2:
            # "wat past beter bij mijn dochter: installatietechnicus of laborant? ze is goed in scheikunde":
            # the two side by side; what she likes is the setting
            answer = comparison(self.repository, chosen[:MAX_COMPARED], turn.text)
            answer.replies += plain_myth_replies(self._repository, turn.text)
            return answer
        sectors = self.repository.topics_named("sector", turn.text)
        asks_which = WHICH_MORE.search(turn.text) or CHOOSING_BETWEEN.search(turn.text)
        if len(sectors) >= 2 and not turn.found and asks_which and not named_profile(self.repository, turn.text):
            # "wat is beter betaald, ict of elektro?": the main occupations of each sector side by side
            per_sector = MAX_COMPARED // 2
            infos = [i for row in sectors[:2] for i in self.repository.occupations_in_sector(row.sector)[:per_sector]]
            return comparison(self.repository, infos, turn.text)
        text = turn.topic_text  # occupation names are no topic keywords ("monteur elektrotechnische installaties")
        own = self.repository.topic_score(self.kind, text)
        others = [(self.repository.topic_score(o.kind, text), o) for o in TOPIC_ACTIONS if o.kind != self.kind]
        score, other = max(others, key=lambda row: row[0])
        subject = subject_beside_a_sector(self.repository, turn.text)
        if subject is not None:
            # "wat is bbl precies? ... bij installatietechniek", "moet je goed zijn in wiskunde voor
            # installatietechniek?": the school or myth question; the sector is its setting.
            row = self.repository.best_topic(subject.kind, turn.text)
            return self.in_its_sector(subject(self._repository).answer_topic(row, turn.text), subject, turn.text)
        last = LAST_QUESTION.search(text)
        if self.kind == "education" and last and last.start() > 0 and "?" in last.group(1):
            # "... hij wil iets met auto's repareren ... Wat is beter voor hem, bbl of bol?": the question decides
            question = last.group(1)
            asked = self.repository.best_topic(self.kind, question)
            rival = max(self.repository.topic_score(o.kind, question) for o in TOPIC_ACTIONS if o.kind != self.kind)
            if asked is not None and self.repository.topic_score(self.kind, question) > rival:
                return self.answer_topic(asked, turn.text)
        if own > 0 and own >= score:
            return self.answer_topic(self.repository.best_topic(self.kind, text), turn.text)
        if score > 0:  # the other kind's whole answer (a myth's occupation or interest parts too)
            return other(self._repository).answer(turn)
        if REFERS_BACK.search(turn.text) and self.repository.topic_score(self.kind, turn.previous_reply) > 0:
            # "en is er genoeg werk in die sector?": the one the previous answer was about
            return self.answer_topic(self.repository.best_topic(self.kind, turn.previous_reply), turn.text)
        # No topic named, but a plain cue ("is dat netto?" after a pay answer): answer that, not a menu.
        from actions.rescue import rescue  # imported here: rescue is built on these actions

        action = rescue(turn, self.repository)
        if action is not None and getattr(action, "kind", None) == self.kind:
            action = None  # this action found no topic of its own kind already
        rescued = action(self._repository).answer(turn) if action is not None else None
        if rescued is not None and rescued.is_answer:  # a cue the conversation explains ("hoeveel mensen werken daar?")
            return rescued
        if PROMISING.search(turn.text):  # "vertel waarom techniek kansrijk is, drie harde cijfers": the best chances
            from actions.lists import ActionAnswerBestChances  # lists is built on this module

            return ActionAnswerBestChances(self._repository).answer(turn)
        guessed = self.guessed_topic(turn.text)
        if guessed is not None:  # "mijn vriendinnen lachen me uit", "hij moet kiezen profiel": no keyword, clear topic
            return guessed
        if rescued is not None:  # "is techniek iets voor mijn kind?" taken for a myth: ask what the child likes
            return rescued
        return self.ask()

    def guessed_topic(self, text: str) -> Optional[Answer]:
        """The answer for the topic the classifier is confident of (actions/topic_guess.py), if any."""
        if self.repository.names_any_keyword(text):  # the keywords decided; a ruled-out one is no guess
            return None
        try:
            guess = guess_topic(self.repository, text, self.kind)
        except TopicExamplesError:
            logger.exception("topic classifier unavailable")
            return None
        if guess is None:
            return None
        action = next(a for a in TOPIC_ACTIONS if a.kind == guess.kind)
        return action(self._repository).answer_topic(self.repository.topic(guess.kind, guess.key), text)

    def with_plain_myth(self, answer: Answer, text: str) -> Answer:
        """An interest or sector answer that also names a worry plainly ("hij kan goed met zijn handen,
        maar is de bouw niet te zwaar voor zijn rug?"): the myth's counter-facts after it."""
        answer.replies += plain_myth_replies(self._repository, text)
        return answer

    def in_its_sector(self, answer: Answer, subject: type, text: str) -> Answer:
        """A school or myth answer given in a sector's setting puts the sector's occupations on the
        table; a myth ("ik wil iets met auto's, maar je verdient er niks") shows them with their pay."""
        sector = self.repository.best_topic("sector", text)
        ruled_out_field = sector in self.repository.sectors_ruled_out(text)
        # "mijn rug is kapot, ik wil niet dat hij de bouw in gaat": other fields, without the heavy work
        pool = (
            self.repository.featured_occupations()
            if ruled_out_field
            else self.repository.occupations_in_sector(sector.sector)
        )
        occupations, left_out = fitting(self.repository, pool, text, MAX_SUGGESTIONS)
        if subject is ActionAnswerMyth and occupations:
            lines = occupation_lines(self.repository, occupations)
            answer.replies.append(Reply("utter_these_occupations", {"beroepen": lines}))
            answer.replies += left_out
        answer.slots.setdefault("suggested", [info.id for info in occupations])
        return answer


# "is dat raar?", "doen meiden dat?": a short myth question about the occupation just talked about.
POINTS_BACK = re.compile(r"\b(daar\w*|dat|dit|die|zo'?n|ervan|erin)\b", re.IGNORECASE)
MYTH_FOLLOW_UP_WORDS = 10
MAX_MYTHS = 3  # named in one message ("vies, zwaar en alleen voor wie niet kan leren"); more is too long
# (also "5 verrassende weetjes met cijfers voor een Kahoot": the statements, each with a sourced fact)
SEVERAL_MYTHS = re.compile(
    r"\b(vooroordelen|mythes|mythen|fabels|stellingen|clich[eé]s|weetjes|feitjes)\b", re.IGNORECASE
)


# "ze is goed in wiskunde", "hij is best goed in natuurkunde": a strength to build on, no worry
STRENGTH = re.compile(
    r"\b(is|ben|zijn|was)\s+(heel |erg |best |echt |super |wel |vooral )?goed in\b"
    r"|\bals (je|jij|hij|ze|zij|ik) (heel |erg |wel |echt )?goed (bent|is|ben) in\b",  # "als je wel goed bent in"
    re.IGNORECASE,
)
WORRY = re.compile(
    r"\b(slecht|moeite|niet (zo |erg )?goed|moet (je|ik|hij|ze|zij) (heel |erg )?goed|te moeilijk|bang|zorgen)\b",
    re.IGNORECASE,
)


LONG_MESSAGE = 10  # words: a name with a sentence around it, not a bare name ("en een kapper?")
ASKS = re.compile(r"\?|\b(is dat|of is|kan ik|kan hij|kan ze|kan zij|mag ik|klopt)\b", re.IGNORECASE)


def worry_answer(repository: Optional[Repository], myth: Myth, turn: Turn, info: OccupationInfo) -> Answer:
    """The myth's answer about the occupation named: with what its row adds about it when its keywords
    name it ("het was vies, lawaai en overal olie" about the CNC operator), else its counter-facts."""
    action = ActionAnswerMyth(repository)
    if action.repository.topic_score("myth", turn.topic_text) > 0:
        return action.answer(turn)
    answer = action.answer_topic(myth, turn.text)
    answer.about = info
    return answer


def named_worry(repository: Repository, turn: Turn, rival_score: int = 0) -> Optional[Myth]:
    """The myth a longer question beside an occupation name is about, rather than a figure: no plain
    question about pay, work or school, and a myth's keyword or a confident guess of one; else None."""
    text = turn.text
    if len(text.split()) < LONG_MESSAGE or not ASKS.search(text) or any(cue.search(text) for cue in CUES.values()):
        return None
    score = repository.topic_score("myth", turn.topic_text)
    if score > rival_score:  # named more plainly than the topic the action would otherwise answer
        return repository.best_topic("myth", turn.topic_text)
    if score > 0:
        return None
    try:
        guess = guess_topic(repository, turn.topic_text, "myth")
    except TopicExamplesError:
        return None
    return repository.topic("myth", guess.key) if guess is not None and guess.kind == "myth" else None


CAN_IT = re.compile(
    r"\b(kan (dat|dit|het|hij|ze|zij|ik|je|een \w+|mijn \w+)|lukt (dat|het)|haalbaar|mogelijk)\b", re.IGNORECASE
)


def asks_whether_possible(text: str) -> bool:
    return bool(CAN_IT.search(text))


def is_a_strength(text: str) -> bool:
    return bool(STRENGTH.search(text)) and not WORRY.search(text)


class ActionAnswerMyth(TopicAction):
    kind = "myth"

    def name(self) -> Text:
        return "action_answer_myth"

    def conditions_of_the_one_talked_about(self, turn: Turn) -> Optional[Answer]:
        """A working condition asked about the occupation talked about ("is het niet gevaarlijk?"): what its
        work text says about it, rather than the myth about technical work as a whole."""
        info = turn.remembered
        too_long = len(turn.text.split()) > CONDITION_FOLLOW_UP_WORDS
        if turn.found or info is None or TECHNICAL_WORK.search(turn.text) or too_long:
            return None
        if CUES["ask_salary"].search(turn.text):
            return None  # "dat is ploegendienst toch? verdien je dan meer": the pay, with what shifts add
        if len(turn.on_the_table) >= 2:
            # "welke van de drie zou je aanraden voor iemand die slecht tegen vies werk kan?"
            shown = list(turn.on_the_table)[:MAX_COMPARED]  # "moet je dan maanden van huis weg?" after two or more
            replies = [reply for each in shown if (reply := condition_reply(self.repository, each, turn.text))]
            return Answer(replies, slots={"suggested": [each.id for each in shown]}) if replies else None
        reply = condition_reply(self.repository, info, turn.text, say_unknown=False)
        return Answer([reply], about=info) if reply is not None else None

    def counterexamples(self, turn: Turn, named: List[Myth]) -> Optional[Answer]:
        """Occupations asked for beside a myth about the work itself (dirty, heavy): the featured ones whose
        work text does not say it, with their pay; None when no occupations are asked for."""
        if turn.found or not (NAME_OCCUPATIONS.search(turn.text) and WORK_WORDS.search(turn.text)):
            return None
        unwanted = " en ".join(MYTH_CONDITIONS[row.myth_id] for row in named if row.myth_id in MYTH_CONDITIONS)
        if not unwanted:
            return None
        count = asked_count(turn.text) or MAX_SUGGESTIONS
        kept, _ = fitting(self.repository, self.repository.featured_occupations(), unwanted, count)
        if not kept:
            return None
        reply = Reply("utter_these_occupations", {"beroepen": occupation_lines(self.repository, kept)})
        return Answer([reply], slots={"suggested": [info.id for info in kept]})

    def statement_pointed_at(self, turn: Turn) -> Optional[Myth]:
        """The myth of the statement list just shown that the message points to by its place."""
        place = NTH_STATEMENT.search(turn.text)
        shown = SHOWN_STATEMENT.findall(turn.previous_reply)
        if place is None or not shown:
            return None
        number = place.group("number")
        index = int(number) - 1 if number else ORDINALS.index(place.group("word").lower())
        if index >= len(shown):
            return None
        return next((m for m in self.repository.catalog.curated["myth"].values() if m.myth == shown[index]), None)

    def answer(self, turn: Turn) -> Answer:
        """The myth; when the message also names an occupation ("mijn dochter wil lasser worden, is
        dat iets voor een meisje?"), what the myth's row says to add about it, remembered for follow-ups."""
        if is_technical_replies(self.repository, turn):  # "laborant is dat ook techniek?": not a myth
            return super().answer(turn)
        conditions = self.conditions_of_the_one_talked_about(turn)
        if conditions is not None:  # "is dat werk met ploegendienst? en is het niet gevaarlijk?" after procesoperator
            return conditions
        pointed = self.statement_pointed_at(turn)
        if pointed is not None:  # "geef bij de tweede mythe eens een paar harde cijfers" after the statements
            return self.answer_topic(pointed, turn.text)
        if turn.asks_about_both and len(turn.on_the_table) >= 2:
            # "kun je er het aandeel vrouwen bij zetten?" after a list: the list with its figures
            return comparison(self.repository, list(turn.on_the_table)[:MAX_COMPARED], turn.text)
        if SEVERAL_MYTHS.search(turn.text) and self.repository.topic_score(self.kind, turn.text) == 0:
            return myth_statements(self.repository)  # "welke vooroordelen hoor je het meest, met cijfers?"
        if ASKS_WOMEN_SHARE.search(turn.text) and self.repository.topic_score(self.kind, turn.text) == 0:
            # "weet je ook hoeveel procent van de mensen in de techniek vrouw is?": the figures, not a menu
            women = women_share_reply(self.repository)
            if women is not None:
                return Answer([women])
        if ASKS_PAY_BY_GENDER.search(turn.text):  # not the girls' myth: a question the table cannot answer
            from actions.pay import ActionAnswerSalary  # pay is built on this module

            return ActionAnswerSalary(self._repository).answer(turn)
        if asks_pay_by_route(self.repository, turn.text):  # "wat verdient mbo 4 vergeleken met een hbo'er?"
            return ActionAnswerEducation(self._repository).answer_message(turn)
        interest = self.repository.best_topic("interest", turn.text)
        if interest is not None and is_a_strength(turn.text):
            # "ze is goed in wiskunde en natuurkunde, wat voor beroepen zijn er?": a strength, not the maths myth
            return ActionAnswerInterest(self._repository).answer_topic(interest, turn.text)
        answer = super().answer(turn)
        named = self.repository.topics_named(self.kind, turn.text)
        first = answer.replies[0] if answer.replies else None
        if len(named) > 1 and first is not None and first.values.get("mythe") == named[0].myth:
            # "vies werk en je verdient weinig": each myth named, the one named most plainly first.
            for row in named[1:MAX_MYTHS]:
                answer.replies += self.answer_topic(row, turn.text).replies
        if len(turn.found) >= 2:  # "kapper of elektricien, is techniek slecht betaald?": both on the table
            answer.slots["suggested"] = [found.id for found in turn.found]
        sector = self.repository.best_topic("sector", turn.text)
        if sector is not None and WHAT_YOU_CAN_BECOME.search(turn.text) and answer.is_answer:
            # "welke beroepen zijn er in de bouw? en is timmerman zwaar voor je rug?": the list too
            listed = ActionAnswerSector(self._repository).answer_topic(sector, turn.text)
            answer.replies = [reply for reply in listed.replies if reply.response == "utter_sector"] + answer.replies
            answer.slots.update(listed.slots)
        if answer.is_answer and entry_level(turn.text) is not None and asks_whether_possible(turn.text):
            # "ik zit op vmbo basis kan ik wel iets in de techniek of moet je daar heel slim voor zijn": the way on
            access = self.repository.catalog.curated["education"].get(ACCESS_TOPIC)
            answer.replies += [education_reply(self.repository, access)] if access else []
        counter = self.counterexamples(turn, named)
        if counter is not None and answer.is_answer and "suggested" not in answer.slots:
            # "welke technische beroepen kan ik laten zien die dat beeld doorbreken?" after "vies en zwaar"
            answer.replies += counter.replies
            answer.slots.update(counter.slots)
        info = about_an_occupation(turn)
        interest = self.repository.best_topic("interest", turn.text)
        listed_already = "suggested" in answer.slots
        if info is None and interest is not None and answer.is_answer and not listed_already:
            # "hij kan goed met zijn handen, maar is de bouw niet te zwaar?": the worry, then what fits him
            liked = ActionAnswerInterest(self._repository).answer_topic(interest, turn.text)
            answer.replies += [reply for reply in liked.replies if reply.response == "utter_interest"]
            answer.slots.update(liked.slots)
        if info is None:
            return answer
        from actions.description import ActionAnswerJobDescription  # built on this module's neighbours
        from actions.occupation_answers import BY_KIND

        row = self.repository.best_topic(self.kind, turn.text)
        action = BY_KIND.get(row.about_an_occupation if row else "", ActionAnswerJobDescription)
        extra = action(self._repository).answer_about(turn, info)
        replies = answer.replies if answer.is_answer else []
        if action.intent == "ask_prospects":  # the occupation's own share of women says it more plainly
            replies = [reply for reply in replies if reply.response != "utter_women_share"]
        replies = replies + extra.replies
        return Answer(replies, about=info, slots=answer.slots)

    def answer_topic(self, row: Myth, text: str = "") -> Answer:
        kernel = f"Wat wel klopt: {row.kernel_of_truth}\n" if row.kernel_of_truth else ""
        reply = Reply(
            "utter_myth",
            {
                "mythe": row.myth,
                "antwoord": row.answer,
                "kern": kernel,
                "feiten": cite_facts(self.repository.facts(row.fact_ids)),
                "helpt": f"Wat helpt: {row.what_helps}",
            },
        )
        # "Hoeveel vrouwen werken er eigenlijk in de techniek?", "niks voor meisjes": the CBS shares as well.
        wanted = ASKS_WOMEN_SHARE.search(text) or row.cbs_figures == "women_share"
        women = women_share_reply(self.repository) if wanted else None
        return Answer([reply] + ([women] if women else []))

    def ask(self) -> Answer:
        myths = self.repository.myths()[:MAX_TOPIC_BUTTONS]
        return question("utter_ask_which_myth", [text_button(m.myth, m.myth) for m in myths])


def plain_myth_replies(repository: Optional[Repository], text: str) -> List[Reply]:
    """The counter-facts of a myth the message names plainly (keyword score ≥ PLAIN_MYTH) beside
    another question; none otherwise. `repository` as a TurnAction takes it (None: the process's)."""
    action = ActionAnswerMyth(repository)
    if action.repository.topic_score("myth", text) < PLAIN_MYTH or is_a_strength(text):
        return []
    myth = action.answer_topic(action.repository.best_topic("myth", text), text)
    return [reply for reply in myth.replies if reply.response == "utter_myth"]


def about_an_occupation(turn: Turn) -> Optional[OccupationInfo]:
    """The occupation a myth question is about: the one it names, or the one just talked about when
    a short message points back to it."""
    if turn.found:
        return turn.found[0]
    short = len(turn.text.split()) <= MYTH_FOLLOW_UP_WORDS
    return turn.remembered if short and POINTS_BACK.search(turn.text) else None


class ActionAnswerInterest(TopicAction):
    kind = "interest"

    def name(self) -> Text:
        return "action_answer_interest"

    def answer_topic(self, row: Interest, text: str = "") -> Answer:
        sector = self.repository.best_topic("sector", text)
        if sector is not None and (ASKS_FOR_WORK.search(text) or ASKS_GROWTH.search(text)):
            # "welke beroepen in de bouw hebben het grootste tekort?": the sector's work figures, not a liking;
            # unless the message rules out all of the sector ("computers, maar niet de hele dag op kantoor")
            if fitting(self.repository, self.repository.occupations_in_sector(sector.sector), text, 1)[0]:
                return ActionAnswerSector(self._repository).answer_topic(sector, text)
        named = [row] + [i for i in self.repository.topics_named(self.kind, text) if i.tag != row.tag][:2]
        liked = named_first(self.repository, self.repository.occupations_for_interests(named), text)
        occupations, left_out = fitting(self.repository, liked, text, asked_count(text) or MAX_SUGGESTIONS)
        lines = occupation_lines(self.repository, occupations)
        label = dutch_list([i.label for i in named])
        answer = Answer(
            [Reply("utter_interest", {"interesse": label, "beroepen": lines or "- (nog geen beroepen bij)"})]
            + left_out,
            slots={"suggested": [info.id for info in occupations]},
        )
        return self.with_plain_myth(answer, text)

    def ask(self) -> Answer:
        interests = self.repository.interests()[:MAX_TOPIC_BUTTONS]
        return question("utter_ask_interest", [text_button(i.label, f"ik hou van {i.label}") for i in interests])


class ActionAnswerSector(TopicAction):
    kind = "sector"

    def name(self) -> Text:
        return "action_answer_sector"

    def answer_topic(self, row: Sector, text: str = "") -> Answer:
        count = asked_count(text) or SECTOR_OCCUPATIONS
        in_sector = self.repository.occupations_in_sector(row.sector)
        # "welke beroepen zijn er bij zo'n raffinaderij?": those whose work is at the place named come first,
        # also from another sector (the procesoperator is filed under the port)
        places = [word for word in row.keywords if len(word) >= MIN_PLACE_LETTERS and at_a_place(word, text)]
        at_place = [info for info in self.repository.occupations_working_at(places) if info not in in_sector]
        in_order, aboard = aboard_first(self.repository, at_place + in_sector, text)
        occupations, left_out = fitting(self.repository, in_order, text, count)
        if occupations and (ASKS_GROWTH.search(text) or ASKS_FOR_WORK.search(text)):
            # "welke banen in de energietransitie groeien het hardst?", "is er genoeg werk in de haven?":
            # the sector, then its occupations side by side with their work figures
            compared = comparison(self.repository, occupations[:MAX_COMPARED], text)
            compared.replies.insert(
                0, Reply("utter_sector_intro", {"sector": row.name, "beschrijving": row.description})
            )
            compared.replies += left_out
            compared.slots["suggested"] = [info.id for info in occupations]  # "en blijft dat zo?": all of them
            compared.about = None  # about the sector, not its last occupation
            return compared
        answer = Answer(
            [
                Reply(
                    "utter_sector",
                    {
                        "sector": row.name,
                        "beschrijving": row.description,
                        "beroepen": occupation_lines(self.repository, occupations),
                        "feiten": cite_facts(self.repository.facts(row.fact_ids)),
                    },
                )
            ],
            slots={"suggested": [info.id for info in occupations]},
        )
        answer.replies[:0] = aboard
        answer.replies += left_out
        if ASKS_FUTURE.search(text):  # "is dat over 10 jaar allemaal al klaar?": no forecast, say so
            answer.replies.append(Reply("utter_no_forecast"))
        return self.with_plain_myth(answer, text)

    def ask(self) -> Answer:
        sectors = self.repository.sectors()[:MAX_TOPIC_BUTTONS]
        return question("utter_ask_sector", [text_button(s.name, f"werk in {s.name.lower()}") for s in sectors])


# A school question about the occupation just talked about ("kan dat ook met niveau 2?").
ABOUT_IT = re.compile(r"\b(daarvoor|ervoor|daarmee|dat beroep|dit beroep|dat werk|dat ook|het ook)\b", re.IGNORECASE)
MIN_PLACE_LETTERS = 6  # a sector keyword long enough to name a place ("raffinaderij"), not a theme ("zee")


def at_a_place(word: str, text: str) -> bool:
    """ "bij zo'n raffinaderij", "op een werf", "in een ziekenhuis": the word named as a workplace, not a
    theme ("in de energietransitie")."""
    word = re.escape(word)
    place = rf"\b(bij|op) (een |de |het |zo'?n |zo een )?{word}|\bin (een|het|zo'?n|zo een) {word}"
    return re.search(place, text, re.IGNORECASE) is not None


ASKS_GROWTH = re.compile(r"\b(groei\w*|hardst|meeste (werk|vraag|banen)|kansrijk\w*)\b", re.IGNORECASE)
ASKS_FOR_WORK = re.compile(
    r"\b(genoeg werk|werk genoeg|veel werk|kans op (werk|een baan)|baankans\w*|vacatures?|"
    r"werk (te )?vinden|baan vinden|aan de slag|hoeveel mensen|werkenden|tekort\w*|krap\w*"
    # "heeft hij later makkelijk werk?", "is dat een goede keuze qua werk later?"
    r"|makkelijk (werk|een baan)|(qua|voor) werk later|later (makkelijk )?werk|goede keuze qua werk)\b",
    re.IGNORECASE,
)
MAX_PROFILES_SHOWN = 3
ALL_PROFILES = "vmbo-profielen"  # education_topics.csv: the five technical vmbo profiles
ONE_PROFILE = {"bwi": "BWI", "pie": "PIE", "mvi": "MVI", "mt": "M&T", "mat": "MaT"}  # topic id: profile code
# "hoeveel krijg je dan bij bbl?", "is die stage betaald?": the pay while learning, not what the bbl is.
LEARNING_ON_THE_JOB = {"bbl", "bol-vs-bbl", "stage"}
# School topics that, right after an occupation, ask about its route ("en kan dat ook bbl?").
ROUTE_TOPICS = {
    "bol",
    "bbl",
    "bol-vs-bbl",
    "hbo-na-mbo",
    "mbo-niveaus",
    "duur-opleiding",
    "doorstromen-van-vmbo",
    "vmbo-profielen",
}
SHORT_ROUTE_FOLLOW_UP = 12  # words
MONEY = re.compile(r"\b(verdien\w*|loon|salaris|geld|betaal\w*|krijg (je|ik|hij|ze|zij)|vergoeding)\b", re.IGNORECASE)
PAY_WHILE_LEARNING = "loon-in-de-bbl"  # education_topics.csv
BELOW_LEVEL_4 = re.compile(r"\b(mbo|niveau|niv\.?)[ -]?[123]\b|\bentree\w*", re.IGNORECASE)
# facts.csv: starting pay and permanent contracts per school route
START_PAY_FACTS = ("start_salary_bbl4_hbo", "bbl4_permanent_contract")
PAY_WORDS = re.compile(r"\b(\w*loon|lonen|salaris\w*|verdien\w*)\b", re.IGNORECASE)
WORK_OR_LEARN = re.compile(r"\b(gaan werken|of (nu )?werken|doorleren|verder leren|doorstuderen)\b", re.IGNORECASE)
PROMISING = re.compile(r"\b(kansrijk\w*|harde cijfers|waarom (kiezen voor )?techniek)\b", re.IGNORECASE)
# "bij de tweede mythe", "stelling 2" (data_source answers "stelling 3 klopt niet, bron?" with the source)
NTH_STATEMENT = re.compile(  # "de tweede mythe", "stelling 3", "stelling nummer 3"
    r"\b(?P<word>eerste|tweede|derde|vierde|vijfde|zesde) (mythe|stelling|vooroordeel)\b"
    r"|\b(mythe|stelling|vooroordeel) (nummer |nr\.? )?(?P<number>[1-6])\b",
    re.IGNORECASE,
)
SHOWN_STATEMENT = re.compile(r"^- Stelling: '(.*)'$", re.MULTILINE)
# "is techniek gevaarlijk?" asks about technical work as a whole, not about the occupation talked about
TECHNICAL_WORK = re.compile(r"\b(techniek|technisch\w*|technici)\b", re.IGNORECASE)
CONDITION_FOLLOW_UP_WORDS = 16  # "is het niet gevaarlijk?" after an occupation; a longer message asks more
HOW_MUCH = re.compile(r"\bhoeveel (krijg|krijgt|verdien|verdient|betaal|geld|loon)\w*\b", re.IGNORECASE)
DIFFERENCE = re.compile(r"\b(verschil\w*|beter)\b", re.IGNORECASE)  # "wat is beter voor hem, bbl of bol?"
# A myth about the work itself, as the condition it names ruled out (conditions.py reads "niet vies")
MYTH_CONDITIONS = {"m01": "niet vies", "m03": "niet zwaar"}
NAME_OCCUPATIONS = re.compile(
    r"\b(noem|noemen|geef|welke)\b.{0,30}(\b|\w+)(beroepen|banen|functies)\b"  # "welke bouwberoepen"
    r"|\bwat (kan|kun) (ik|je|hij|ze|zij) (allemaal |dan |daarmee )*doen\b"
    r"|\bwat (zijn|voor) (de |zijn |haar )?(opties|mogelijkheden)\b",  # "wat zijn opties in mobiliteit"
    re.IGNORECASE,
)
IS_THERE_WORK = re.compile(r"\b(is er|zijn er|heb je|vind je) (wel |ook |genoeg |veel )?(werk|banen|een baan)\b", re.I)
# "ik wil later iets met schepen", "hij wil graag iets in de bouw": a wish for a field, whatever else it says
WANTS_SOMETHING_IN = re.compile(
    r"\b(ik|hij|ze|zij|mijn \w+) (wil|wilt|zou) (later |graag |ook |echt )*(iets|wat|werken) (met|in|bij|op) ", re.I
)
WORK_WORDS = re.compile(r"\b(werk\w*|banen|\w*beroepen|functies|opties|mogelijkheden)\b", re.IGNORECASE)
NAMES_A_PROFILE = re.compile(r"\b(profiel\w*|pie|bwi|mvi|m ?& ?t|mat)\b", re.IGNORECASE)  # not "schepen" of MaT
NAMES_A_LEVEL = re.compile(r"\bniveau(s)?\b", re.IGNORECASE)  # "maakt dat niveau veel uit qua salaris?"
PROFILE_OCCUPATIONS = 6  # put on the table by a profile's answer ("en wat kan je daarmee worden?")


# A message's questions: split at '?' and at "en" before a question word ("hoe lang duurt het en wat is bbl?")
QUESTION_CLAUSES = re.compile(r"[?!.]+\s*|\s(?:en|of) (?=(?:wat|hoe|kan|kun|moet|is|welke|waar)\b)", re.IGNORECASE)
QUESTION_WORD = re.compile(r"\b(wat|hoe|hoelang|hoeveel|kan|kun|kunnen|moet|mag|is|zijn|welke|waar|wanneer)\b", re.I)
MAX_SCHOOL_TOPICS = 2  # a third school text in one answer is more than a phone screen
# "mbo 2 of 3", "niveau 3 en 4": two levels side by side
TWO_LEVELS = re.compile(r"\b(mbo|niveau|niv\.?)[\s-]*[1-4]\s*(of|en|,|/|tot|-)\s*(mbo |niveau )?[1-4]\b", re.IGNORECASE)


class ActionAnswerEducation(TopicAction):
    kind = "education"

    def name(self) -> Text:
        return "action_answer_education"

    def answer_message(self, turn: Turn) -> Answer:
        # After TopicAction.answer's check for a final question ("hij gaat installatiemonteur doen,
        # niveau 3. Heeft hij daarna makkelijk werk?"), which a level must not pre-empt.
        level = asked_level(turn.text)
        if (
            (level or NAMES_A_LEVEL.search(turn.text))
            and ASKS_PAY.search(turn.text)
            and turn.remembered
            and not turn.found
        ):
            # "als hij doorgaat naar niveau 3 of 4, verdient hij dan meer?" after the installatiemonteur
            from actions.pay import ActionAnswerSalary  # pay is built on this module's neighbours

            return ActionAnswerSalary(self._repository).answer_about(turn, turn.remembered)
        asks_pay = CUES["ask_salary"].search(turn.text) or PAY_WORDS.search(turn.text)
        named = self.repository.topics_named(self.kind, turn.text)
        one_profile = [t for t in named if t.topic_id in ONE_PROFILE]
        profile_named = len(one_profile) == 1 and PROFILE_WORD.search(turn.text)  # "maritieme beroepen" names a field
        if profile_named and (NAME_OCCUPATIONS.search(turn.text) or asked_count(turn.text)):
            # "geef me 5 beroepen die bij profiel BWI passen, met het mbo-niveau": the profile's occupations
            return self.answer_topic(one_profile[0], turn.text)
        if BEST_PAID_SHOWN.search(turn.previous_reply) and WITH_MBO.search(turn.text) and not turn.found:
            # "en op mbo niveau?" right after the best-paid list: that list, for work with an mbo diploma
            from actions.lists import best_paid  # lists is built on this module

            return best_paid(self.repository, mbo_only=True)
        if asks_pay and (any(t.topic_id == HBO_AFTER_MBO for t in named) or HBO_AGAINST_MBO.search(turn.text)):
            # "heeft doorleren naar niveau 4 of hbo zin, verdien je dan meer?": no pay per level, what is known
            return pay_by_route_answer(self.repository, turn)
        if any(t.topic_id == HBO_AFTER_MBO for t in named):
            level = None  # "doorstromen naar het hbo na mbo 4?": the way on, not the occupations at level 4
        two_levels = len(MBO_LEVEL.findall(turn.text)) >= 2 or TWO_LEVELS.search(turn.text)
        if level and two_levels and len(turn.found) == 1:
            # "mbo 2 of 3 bij koudetechniek, wat is het verschil in werk en loon?": its route (and pay, not per level)
            from actions.pay import ActionAnswerSalary  # pay and route are built on this module's neighbours
            from actions.route import ActionAnswerRoute

            replies = ActionAnswerRoute(self._repository).answer_about(turn, turn.found[0]).replies
            if asks_pay:
                replies += ActionAnswerSalary(self._repository).answer_about(turn, turn.found[0]).replies
                replies.append(Reply("utter_pay_not_by_level"))
            return Answer(replies, about=turn.found[0])
        if level and asks_pay and len(MBO_LEVEL.findall(turn.text)) >= 2:
            # "een groot verschil in uurloon tussen mbo 2 en mbo 4?": no pay per level; the occupations at it
            if WORK_OR_LEARN.search(turn.text):  # "moet hij nog niveau 3 doen of nu gaan werken?": both, in the bbl
                bbl = self.repository.topic(self.kind, "bbl")
                return Answer([Reply("utter_pay_not_by_level"), education_reply(self.repository, bbl)])
            answer = level_answer(self.repository, level, occupation_lines, turn.text)
            answer.replies.insert(0, Reply("utter_pay_not_by_level"))
            return answer
        a_list_on_the_table = named and named[0].topic_id == ALL_PROFILES and len(turn.suggested) >= 2
        about_its_route = named and named[0].topic_id in ROUTE_TOPICS and not turn.found and not a_list_on_the_table
        short = len(turn.text.split()) <= SHORT_ROUTE_FOLLOW_UP
        if turn.remembered and (
            (ABOUT_IT.search(turn.text) and (level or MBO_LEVEL.search(turn.text)))
            or (about_its_route and (short or ABOUT_IT.search(turn.text)))
        ):
            # "moet je daarvoor naar hbo of kan mbo ook?", "en kan dat ook bbl?" after the procesoperator: its
            # route, then the school topic itself
            from actions.route import ActionAnswerRoute  # route is built on this module's neighbours

            route = ActionAnswerRoute(self._repository)
            answer = route.answer_about(turn, turn.remembered)
            if about_its_route:
                answer.replies.append(education_reply(self.repository, named[0]))
            return answer
        if turn.remembered and not named and CUES["ask_route"].search(turn.text) and POINTS_BACK.search(turn.text):
            # "kan dat met profiel zorg en welzijn?" after the lab analyst: its route, and what a profile opens
            from actions.route import ActionAnswerRoute  # route is built on this module's neighbours

            answer = ActionAnswerRoute(self._repository).answer_about(turn, turn.remembered)
            answer.replies.append(education_reply(self.repository, self.repository.topic(self.kind, ACCESS_TOPIC)))
            return answer
        on_the_job = named and named[0].topic_id in ROUTE_TOPICS
        if on_the_job and turn.asks_about_both:
            # "en welke daarvan kun je via bbl doen?" after a list: each one's route (bol, bbl), then the topic
            shown = list(turn.on_the_table)[:MAX_COMPARED]
            routes = Reply("utter_compare_routes", {"regels": route_lines(self.repository, shown)})
            return Answer([routes] + self.answer_topic(named[0], turn.text).replies)
        profile = self.repository.profile(turn.found[0]) if len(turn.found) == 1 else None
        if on_the_job and profile is not None and profile.vmbo_profiles:
            # "verschil tussen bol en bbl, en wat is beter als je vliegtuigmonteur wil worden?": its route, the topic
            from actions.route import ActionAnswerRoute  # route is built on this module's neighbours

            route = ActionAnswerRoute(self._repository).answer_about(turn, turn.found[0])
            answer = self.answer_topic(named[0], turn.text)
            # "... hij wil al geld verdienen tijdens de opleiding tot elektricien": the money answer first
            ordered = answer.replies + route.replies if PAY_WORDS.search(turn.text) else route.replies + answer.replies
            return Answer(ordered, about=turn.found[0])
        if len(turn.found) == 1 and entry_level(turn.text) is not None and asks_whether_possible(turn.text):
            # "Is netwerkbeheerder iets? Hij zit op vmbo basis, kan dat wel?": its route, from where he starts
            from actions.route import ActionAnswerRoute  # route is built on this module's neighbours

            return ActionAnswerRoute(self._repository).answer_about(turn, turn.found[0])
        if level and not {t.topic_id for t in named} & (LEARNING_ON_THE_JOB | {HBO_AFTER_MBO}):
            # "wat verdien je met mbo 2?"; but "verschil tussen bol en bbl bij niveau 3? verdien je bij bbl al
            # geld?" asks about the bbl
            answer = level_answer(self.repository, level, occupation_lines, turn.text)
            entree = [t for t in named if t.topic_id == ENTREE_TOPIC]  # "entree of niveau 2": the Entree year too
            answer.replies += [education_reply(self.repository, entree[0])] if entree and level != "1" else []
            return answer
        school = named[0] if named else None
        liked = self.repository.occupations_for_interests(self.repository.topics_named("interest", turn.text)[:3])
        listed = liked or list(turn.suggested)
        profiles = [t for t in named if t.topic_id in ONE_PROFILE]
        if len(profiles) >= 2:  # "de school heeft PIE en Mobiliteit & Transport, wat is het verschil?": each
            answers = [self.answer_topic(profile, turn.text) for profile in profiles[:MAX_PROFILES_SHOWN]]
            suggested = [i for answer in answers for i in answer.slots.get("suggested", [])]
            return Answer([reply for answer in answers for reply in answer.replies], slots={"suggested": suggested})
        if school is not None and school.topic_id == ALL_PROFILES and listed and not profiles:
            # "welk profiel? hij gamet en sleutelt aan zijn scooter", "wat moet ik daarvoor kiezen in de 3e?"
            # after a list: the vmbo profile and route of each occupation that fits
            shown = listed[:MAX_COMPARED]
            reply = Reply("utter_compare_routes", {"regels": route_lines(self.repository, shown)})
            return Answer([reply], slots={"suggested": [info.id for info in listed]})
        answer = super().answer_message(turn)
        if answer.is_answer:  # "verschil tussen bol en bbl? En kan ze na mbo 4 naar het hbo?": both topics
            further = [
                education_reply(self.repository, t) for t in self.topics_per_question(turn.text)[1:MAX_SCHOOL_TOPICS]
            ]
            answer.replies += [reply for reply in further if reply not in answer.replies]
        return answer

    def topics_per_question(self, text: str) -> List[EducationTopic]:
        """The school topic each question of the message names best, in order, each once."""
        questions = [clause for clause in QUESTION_CLAUSES.split(text) if QUESTION_WORD.search(clause)]
        topics: List[EducationTopic] = []
        for clause in questions:
            topic = self.repository.best_topic(self.kind, clause)
            if topic is not None and topic not in topics:
                topics.append(topic)
        return topics

    def answer_topic(self, row: EducationTopic, text: str = "") -> Answer:
        # "hoeveel krijg je dan bij bbl?"; not "wat is het verschil tussen bol en bbl? hij wil geld verdienen"
        if row.topic_id in LEARNING_ON_THE_JOB and MONEY.search(text) and not DIFFERENCE.search(text):
            row = self.repository.topic(self.kind, PAY_WHILE_LEARNING)
        elif row.topic_id in LEARNING_ON_THE_JOB and HOW_MUCH.search(text):
            # "wat is het verschil tussen bol en bbl? ... Hoeveel krijgt hij dan?": the difference, then the pay
            pay = self.repository.topic(self.kind, PAY_WHILE_LEARNING)
            return Answer([education_reply(self.repository, row), education_reply(self.repository, pay)])
        if row.topic_id == ALL_PROFILES:
            # "welk profiel als ik iets met bouwen wil?": the profile that fits, not the list of all five
            fitting = [t for t in self.repository.topics_named(self.kind, text) if t.topic_id in ONE_PROFILE]
            row = fitting[0] if fitting else row
        reply = education_reply(self.repository, row)
        if row.topic_id == HBO_AFTER_MBO and PAY_WORDS.search(text):  # "verdient iemand met hbo echt meer?"
            # no CBS pay per level; one study's starting pay per route is the nearest honest figure
            return Answer([reply, Reply("utter_pay_not_by_level"), start_pay_reply(self.repository)])
        if row.topic_id == HBO_AFTER_MBO and BELOW_LEVEL_4.search(text):
            # "kan je met mbo 2 later nog naar hbo?": not at once; level 4 first (the WEB fact in the reply says so)
            return Answer([Reply("utter_hbo_after_level_4_first"), reply])
        if row.topic_id not in ONE_PROFILE:
            return Answer([reply])
        wanted = asked_count(text) or PROFILE_OCCUPATIONS  # "geef me 3 beroepen bij PIE"
        occupations = self.repository.occupations_with_profile(ONE_PROFILE[row.topic_id])[:wanted]
        replies = [reply]
        asks_for_them = (
            CUES["ask_salary"].search(text)
            or PAY_WORDS.search(text)
            or NAME_OCCUPATIONS.search(text)
            or asked_count(text)
        )
        if asks_for_them and occupations:  # "MaT, en wat verdient zo iemand?", "noem 5 beroepen bij PIE": with pay
            lines = occupation_lines(self.repository, occupations)
            replies.append(Reply("utter_these_occupations", {"beroepen": lines}))
        return Answer(replies, slots={"suggested": [info.id for info in occupations]})

    def ask(self) -> Answer:
        return question(
            "utter_ask_education_topic",
            [
                text_button("vmbo-profielen", "welke vmbo profielen zijn er"),
                text_button("mbo-niveaus", "wat zijn de mbo niveaus"),
                text_button("BOL of BBL", "wat is het verschil tussen bol en bbl"),
                text_button("Naar het hbo", "kan ik na mbo 4 naar het hbo"),
            ],
        )


PROFILE_WORD = re.compile(r"\bprofiel\w*\b", re.IGNORECASE)
BEST_PAID_SHOWN = re.compile(r"het meest \((het )?middelste bruto uurloon\)")  # utter_best_paid
WITH_MBO = re.compile(r"\b(met|op|voor|via) (het |een )?mbo\b", re.IGNORECASE)
# "welke is beter", "wat past beter bij hem", "welke van de twee raad je aan"
WHICH_IS_BETTER = re.compile(r"\b(welke?|wat)\b.{0,25}\b(beter|best|aanraden|aan te raden|slimmer)\b", re.IGNORECASE)


def school_follow_up(repository: Repository, turn: Turn) -> Optional[Answer]:
    """ "welke is beter als je meteen geld wil verdienen?" right after the answer about bol and bbl: that
    school topic again for this wish (the bbl, when money is the wish); None for other messages."""
    shown = school_topic_shown(repository, turn.previous_reply)
    if shown is not None and shown.topic_id in LEARNING_ON_THE_JOB and not turn.found:
        on_the_job = learning_on_the_job_follow_up(repository, turn)
        if on_the_job is not None:
            return on_the_job
    if shown is None or turn.found or not WHICH_IS_BETTER.search(turn.text):
        return None
    wants_pay = shown.topic_id in LEARNING_ON_THE_JOB and MONEY.search(turn.text)
    row = repository.topic("education", "bbl") if wants_pay else shown
    return ActionAnswerEducation(repository).answer_topic(row, turn.text)


# "en krijg je dan al geld?", "krijg je daar loon voor?" right after the bbl
PAID_WHILE_LEARNING = re.compile(
    r"\bkrijg (je|jij|hij|ze|zij|u) (dan |daar |er )*(al |ook |wel )*(geld|loon|betaald)\b", re.I
)
CAN_THAT_BE_IN = re.compile(r"\bkan (dat|dit|het|bbl) (ook )?(bij|in|voor)\b", re.IGNORECASE)


def has_bbl(repository: Repository, info: OccupationInfo) -> bool:
    profile = repository.profile(info)
    return profile is not None and profile.bbl


def learning_on_the_job_follow_up(repository: Repository, turn: Turn) -> Optional[Answer]:
    """Right after the bbl: "en krijg je dan al geld?" is the pay while learning; "en kan dat ook bij
    elektro?" gets the field's occupations with a bbl route; None for other messages."""
    sector = repository.best_topic("sector", turn.text) if CAN_THAT_BE_IN.search(turn.text) else None
    paid = PAID_WHILE_LEARNING.search(turn.text)
    if not (paid or sector):
        return None
    pay = repository.topic("education", PAY_WHILE_LEARNING)
    answer = Answer(ActionAnswerEducation(repository).answer_topic(pay).replies if paid else [])
    with_bbl = (
        [info for info in repository.occupations_in_sector(sector.sector) if has_bbl(repository, info)]
        if sector
        else []
    )
    if with_bbl:  # "Bbl kan ook in engineering (hbo)" would not be true: no such occupation there
        lines = occupation_lines(repository, with_bbl[:MAX_SUGGESTIONS])
        answer.replies.append(Reply("utter_bbl_in_sector", {"sector": sector.name.lower(), "beroepen": lines}))
        answer.slots["suggested"] = [info.id for info in with_bbl[:MAX_SUGGESTIONS]]
    return answer if answer.replies else None


def asks_pay_by_route(repository: Repository, text: str) -> bool:
    """Whether the message asks about pay per school route: mbo against hbo, or two mbo levels."""
    if not (CUES["ask_salary"].search(text) or PAY_WORDS.search(text)):
        return False
    hbo = any(t.topic_id == HBO_AFTER_MBO for t in repository.topics_named("education", text))
    return hbo or bool(HBO_AGAINST_MBO.search(text) or len(MBO_LEVEL.findall(text)) >= 2 or TWO_LEVELS.search(text))


HBO_WORD = re.compile(r"\bhbo\b", re.IGNORECASE)
# "kan hij daarna nog door?", "doorleren", "een hoger niveau": going on within the mbo
GOING_ON = re.compile(r"\bnog door\b|\bdoor(leren|stromen|groeien)\b|\bhoger niveau\b", re.IGNORECASE)


def start_pay_reply(repository: Repository) -> Reply:
    """One study's starting pay and permanent contracts per school route (bbl level 4 against hbo)."""
    return Reply("utter_start_pay_by_route", {"feiten": cite_facts(repository.facts(START_PAY_FACTS))})


def pay_by_route_answer(repository: Repository, turn: Turn) -> Answer:
    """Pay asked per school route (mbo against hbo, a higher level): CBS has no pay per level, so the
    occupation's group figure when one is named, that note, and one study's starting pay per route."""
    # the study compares bbl level 4 with hbo: it says nothing about mbo 2 against mbo 3
    hbo_asked = HBO_WORD.search(turn.text)
    start = [start_pay_reply(repository)]
    if len(turn.found) == 1:
        from actions.pay import ActionAnswerSalary  # pay is built on this module's neighbours

        school = repository.best_topic("education", turn.topic_text)
        # "heeft het zin om door te gaan naar niveau 4 of hbo? verdien je dan meer": the way on, then the pay
        going_on = GOING_ON_TO_HBO.search(turn.text) or GOING_ON.search(turn.text)
        replies = [education_reply(repository, school)] if school and going_on else []
        replies += ActionAnswerSalary(repository).answer_about(turn, turn.found[0]).replies
        if not any(reply.response == "utter_pay_not_by_level" for reply in replies):
            replies.append(Reply("utter_pay_not_by_level"))
        return Answer(replies + (start if hbo_asked else []), about=turn.found[0])
    hbo = repository.topic("education", HBO_AFTER_MBO)
    return Answer([education_reply(repository, hbo), Reply("utter_pay_not_by_level")] + start)


def choice_between(turn: Turn) -> List[OccupationInfo]:
    """The occupations named in the sentence that asks for a choice ("wat past beter: X of Y?"); not
    those named elsewhere ("met warmtepompen heb je de toekomst ... hij twijfelt tussen X en Y")."""
    cue = CHOOSING_BETWEEN.search(turn.text)
    if cue is None:
        return []
    return turn.named_in(next((s for s in sentences(turn.text) if cue.group(0) in s), ""))


LAST_QUESTION = re.compile(r"(?:^|[.!?]\s+)([^.!?]+\??)\s*$")  # "... van huis? en wat verdient ze": no '?' needed
CONTEXT_SENTENCES = 2  # a message of this many sentences or more can have context before its question


# "oke en iets met computers dan, netwerkbeheerder ofzo": a short follow-up that names one occupation
NAMED_IN_PASSING = re.compile(r"^\W*((ok\w*|oké|top|hmm|ja)\W+)?(en|maar)\b.*\bof\s?zo\W*$", re.IGNORECASE)


def names_one_in_passing(turn: Turn) -> bool:
    """A short follow-up naming one occupation with "ofzo" and no kind of question of its own."""
    short = len(turn.text.split()) <= SHORT_FOLLOW_UP_WORDS
    return (
        short and bool(NAMED_IN_PASSING.search(turn.text)) and not any(cue.search(turn.text) for cue in CUES.values())
    )


def final_occupation_question(turn: Turn, anywhere: bool = False) -> Optional[type]:
    """The action for a plain question about a named occupation that ends a message with context
    before it ("Mijn zoon ... Wat verdient een automonteur eigenlijk?"); None otherwise. With
    `anywhere`, the question may stand anywhere in the message ("wat verdient een installateur? hij
    doet nu bbl"), for actions whose own subject (next steps, best chances) it outweighs."""
    from actions.occupation_answers import BY_INTENT  # built on the actions this module's neighbours use

    if anywhere and turn.found:
        kind = next((intent for intent, cue in CUES.items() if cue.search(turn.text)), None)
        return BY_INTENT.get(kind) if kind else None
    last = LAST_QUESTION.search(turn.text)
    sentences = len(re.findall(r"[.!?](\s|$)", turn.text))
    if last is None or sentences < CONTEXT_SENTENCES or not turn.found:
        return None
    # The question names the occupation, or the message names only one ("hij gaat installatietechniek
    # doen, niveau 3. Heeft hij daarna makkelijk werk?").
    names_one = len({info.id for info in turn.found}) == 1 or bool(turn.named_in(last.group(1)))
    kind = next((intent for intent, cue in CUES.items() if cue.search(last.group(1))), None)
    return BY_INTENT.get(kind) if names_one and kind else None


def named_profile(repository: Repository, text: str) -> str:
    """The code of the vmbo profile the message names ("PIE", "M&T"), or ""."""
    profiles = [t.topic_id for t in repository.topics_named("education", text) if t.topic_id in ONE_PROFILE]
    return ONE_PROFILE[profiles[0]] if profiles else ""


def subject_beside_a_sector(repository: Repository, text: str) -> Optional[type]:
    """The school or myth action when a message names one of those beside a sector ("kan je met 16
    al bbl doen in de bouw?"): the sector is then the setting. None when the message asks which
    occupations, names a liking more than the sector, or names no school topic or myth. A vmbo
    profile is where the pupil is ("zit in PIE"), not the subject."""
    sector = repository.topic_score("sector", text)
    if sector == 0 or sector < repository.topic_score("interest", text) or WHAT_YOU_CAN_BECOME.search(text):
        return None
    school = repository.best_topic("education", text)
    is_profile = school is not None and (school.topic_id in ONE_PROFILE or school.topic_id == ALL_PROFILES)
    # "iets over duurzame techniek voor havo 4?": the school type says who the pupils are
    where_they_are = school is not None and school.topic_id == SCHOOL_SYSTEM and SCHOOL_OF_THE_PUPILS.search(text)
    education = 0 if is_profile or where_they_are else repository.topic_score("education", text)
    myth = repository.topic_score("myth", text)
    if max(education, myth) == 0:
        return None
    return ActionAnswerEducation if education >= myth else ActionAnswerMyth


# "iets in de bouw", "beroepen in de haven", "havenberoepen zonder nachtdienst": occupations of a field asked for
SOMETHING_IN_A_FIELD = re.compile(
    r"\b(iets|beroep\w*|banen|werk|vak\w*|anders) (in|bij) (de|het)\b|\b\w+(beroepen|banen)\b.{0,20}\bzonder\b", re.I
)
SCHOOL_SYSTEM = "schoolsysteem"  # education_topics.csv
SCHOOL_OF_THE_PUPILS = re.compile(
    r"\b(voor|in|op|uit) (de |het )?(\d )?(havo|vwo|vmbo|mavo)\b|\b(havo|vwo)[- ]?\d\b", re.IGNORECASE
)


# The order in which another kind of topic is tried when the message names none of its own kind.
TOPIC_ACTIONS = (ActionAnswerMyth, ActionAnswerEducation, ActionAnswerSector, ActionAnswerInterest)
