"""One turn of the conversation, read once: which occupations the message names, who asks.

The NLU has already matched the message (bot/nlu/occupation_matcher.py marks each occupation
span as a `beroep` entity with its resolved `occupation_id`, or `candidates` when the name is
vague, or neither for a name the table does not know, such as "tiktokker"). Here those entities
are only read.
"""

import os
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Dict, List, Optional, Sequence, Tuple, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.audience import PARENT_PHRASE
from occupations.catalog import OccupationInfo
from occupations.matching import FindResult
from occupations.repository import Repository

# What the message says about occupations, in the order an answer cares about.
ONE, SEVERAL, AMBIGUOUS, UNKNOWN, REMEMBERED, NONE = "one", "several", "ambiguous", "unknown", "remembered", "none"


@dataclass(frozen=True)
class Mention:
    """One occupation name in the message: resolved, vague (candidates) or unknown."""

    text: str
    start: int = 0
    occupation: Optional[OccupationInfo] = None
    candidates: Tuple[OccupationInfo, ...] = ()
    typed: str = ""  # more than the name answered about ("drone piloot" answered as piloot)

    @property
    def status(self) -> str:
        return ONE if self.occupation else AMBIGUOUS if self.candidates else UNKNOWN


STEM_LETTERS = 5  # "tekenen" and "tekenaar" share "teken"
LONG_WORD = re.compile(r"[a-z]{6,}")


@dataclass(frozen=True)
class Turn:
    text: str
    intent: str
    mentions: Tuple[Mention, ...]
    remembered: Optional[OccupationInfo]  # the occupation talked about earlier (slot occupation_id)
    pending_comparison: Optional[OccupationInfo]  # "vergelijk X met ...?" waits for a second name
    audience: Optional[str]  # leerling | ouder | mentor, or not known yet
    audience_events: Tuple[Dict[str, Any], ...]  # switch to parent wording ("mijn zoon ...")
    answers_given: int
    discussed: Tuple[OccupationInfo, ...] = ()  # occupations answered about earlier, latest first
    quiz: Optional[Dict[str, int]] = None  # the quiz game under way (slot quiz), if any
    last_answer: str = ""  # the action that answered the previous question ("en een kapper?" asks the same)
    suggested: Tuple[OccupationInfo, ...] = ()  # occupations the last interest or sector answer listed
    quiz_choice: str = ""  # the answer a quiz button sent (entity quiz_keuze)
    previous_reply: str = ""  # the assistant's last answer before this message ("krijg je dan geld?" after bbl)
    # Names typed that the answer calls otherwise: ("installateur", "Installatiemonteur"), ("kapitein", ...)
    read_as: Tuple[Tuple[str, str], ...] = ()

    @classmethod
    def read(cls, tracker: Tracker, repository: Repository) -> "Turn":
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        audience = tracker.get_slot("doelgroep")
        switch = audience != "ouder" and bool(PARENT_PHRASE.search(text))
        quiz = tracker.get_slot("quiz")
        mentions = settled_by_context(
            text, widen(text, read_mentions(message.get("entities") or [], repository), repository), repository
        )
        suggested = tuple(filter(None, (_occupation(repository, i) for i in tracker.get_slot("suggested") or [])))
        mentions = settled_by_the_list(mentions, suggested, repository)
        mentions = without_writers_own_work(text, mentions)
        return cls(
            text=text,
            intent=(message.get("intent") or {}).get("name") or "",
            mentions=mentions,
            read_as=renamed(mentions, repository),
            remembered=_occupation(repository, tracker.get_slot("occupation_id")),
            pending_comparison=_occupation(repository, tracker.get_slot("compare_with")),
            audience="ouder" if switch else audience,
            audience_events=(SlotSet("doelgroep", "ouder"),) if switch else (),
            answers_given=int(tracker.get_slot("answers_given") or 0),
            discussed=discussed(tracker, repository),
            last_answer=last_answer(tracker),
            suggested=suggested,
            quiz=quiz if isinstance(quiz, dict) else None,
            quiz_choice=next(tracker.get_latest_entity_values("quiz_keuze"), "") or "",
            previous_reply=previous_reply(tracker),
        )

    @property
    def on_the_table(self) -> Tuple[OccupationInfo, ...]:
        """The occupations the conversation just put side by side: those the last list or comparison
        showed, else the last two answered about (oldest first)."""
        if len(self.suggested) >= 2:
            return self.suggested
        return tuple(reversed(self.discussed[:2])) if len(self.discussed) >= 2 else ()

    @property
    def follows_a_pay_answer(self) -> bool:
        """Whether the previous answer gave an hourly wage ("en is dat veel?", "en met niveau 4?" lean on it)."""
        return HOURLY_PAY_SHOWN in self.previous_reply

    @property
    def asks_about_both(self) -> bool:
        """ "welke van de twee verdient meer?", "en wie heeft meer werk?" after two or more occupations."""
        return len(self.on_the_table) >= 2 and bool(BOTH.search(self.text) or WHICH_MORE.search(self.text))

    @property
    def follows_a_comparison(self) -> bool:
        """ "en per maand?", "en netto?" right after occupations were compared: about all of them."""
        return (
            len(self.suggested) >= 2
            and self.remembered in self.suggested
            and self.occupation == self.remembered
            and len(self.text.split()) <= SHORT_FOLLOW_UP_WORDS
            and bool(UNIT_FOLLOW_UP.search(self.text))
        )

    @property
    def points_into_list(self) -> bool:
        """ "die tweede die je noemde", "nummer 3": an occupation of the list just shown, by its place."""
        return bool(self.suggested) and bool(ORDINAL.search(self.text))

    @property
    def names_another(self) -> bool:
        """One occupation named, another than the one talked about."""
        return self.remembered is not None and len(self.found) == 1 and self.found[0] != self.remembered

    @property
    def asks_if_same_work(self) -> bool:
        """ "en warmtepomp, is dat hetzelfde werk?" after the solar panel fitter."""
        return self.names_another and bool(SAME_WORK.search(self.text))

    @property
    def compares_with_the_one_talked_about(self) -> bool:
        """ "en hoeveel verdienen die vergeleken met een procesoperator?" after the laborant."""
        return self.names_another and bool(COMPARED_WITH.search(self.text))

    @property
    def is_parent(self) -> bool:
        return self.audience == "ouder"

    @property
    def found(self) -> List[OccupationInfo]:
        """The occupations the message names unambiguously, in message order, each once ("zonnepaneel
        monteur" read as two names of one occupation)."""
        found: List[OccupationInfo] = []
        for mention in self.mentions:
            if mention.occupation and mention.occupation not in found:
                found.append(mention.occupation)
        return found

    def named_in(self, sentence: str) -> List[OccupationInfo]:
        """The occupations whose name as typed stands in this sentence (part of the message), once each,
        in message order."""
        sentence = sentence.lower()
        named: List[OccupationInfo] = []
        for mention in self.mentions:
            if mention.occupation and mention.text.lower() in sentence and mention.occupation not in named:
                named.append(mention.occupation)
        return named

    @property
    def topic_text(self) -> str:
        """The message without the occupation names of several words it contains: "bol of bbl bij de
        opleiding monteur elektrotechnische installaties" is a school question, not one about an interest
        in electricity. A one-word name stays: "zonnepanelen" may be read as an occupation, yet names a sector."""
        text = WRITERS_OWN_WORK.sub(" ", self.text)  # "ik werk zelf in de zorg": not the child's interest
        for mention in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            start = text.lower().find(mention.text.lower(), mention.start)
            if mention.occupation and len(mention.text.split()) >= 2 and start >= 0:
                text = text[:start] + " " + text[start + len(mention.text) :]
        return text

    @property
    def resolution(self) -> str:
        if self.found:
            return SEVERAL if len(self.found) > 1 else ONE
        for status in (AMBIGUOUS, UNKNOWN):
            if any(m.status == status and not self.points_at_remembered(m) for m in self.mentions):
                return status
        return REMEMBERED if self.occupation else NONE

    def points_at_remembered(self, mention: Mention) -> bool:
        """ "ja die monteur" after the solar panel fitter: a vague word of the name talked about, pointed at."""
        word = mention.text.strip().lower()
        if self.remembered is None or word not in _letters(self.remembered.name):
            return False
        return bool(re.search(rf"\b(die|dat|deze|diezelfde)\s+{re.escape(word)}\b", self.text, re.IGNORECASE))

    @property
    def first_few(self) -> List[OccupationInfo]:
        """ "van de eerste drie die je noemde": the first occupations of the list on the table."""
        few = FIRST_FEW.search(self.text)
        if not few or not self.suggested:
            return []
        count = next(n for n in few.groups() if n)
        count = int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]
        return list(self.suggested[:count])

    @property
    def listed_by_word(self) -> Optional[OccupationInfo]:
        """ "dat tekenen op de computer lijkt hem wat" after a list with the bouwkundig tekenaar: the one
        listed occupation a longer word of the message shares its first letters with."""
        named = " ".join(mention.text.lower() for mention in self.mentions)
        stems = {word[:STEM_LETTERS] for word in LONG_WORD.findall(self.text.lower()) if word not in named}

        def shares_a_stem(info: OccupationInfo) -> bool:
            return any(part.startswith(stem) for part in LONG_WORD.findall(info.name.lower()) for stem in stems)

        listed = [info for info in self.suggested if shares_a_stem(info)]
        return listed[0] if len(listed) == 1 else None

    @property
    def occupation(self) -> Optional[OccupationInfo]:
        """The occupation this question is about: the first one named (after a "maar": "mijn ouders
        willen dat ik dokter word maar ik wil automonteur worden"), else "die andere" of the two
        talked about, else the remembered one."""
        if self.found:
            turn = BUT.search(self.text)
            after = [m.occupation for m in self.mentions if m.occupation and turn and m.start >= turn.end()]
            if after:
                return after[0]
            # "... twijfelt tussen ICT en elektrotechniek. Wat doet een netwerkbeheerder eigenlijk?": the one asked
            question = CLOSING_QUESTION.search(self.text)
            asked = self.named_in(question.group(1)) if question and question.start() > 0 else []
            asked = [] if question and A_GUESS.search(question.group(1)) else asked
            return asked[0] if len(asked) == 1 else self.found[0]
        by_a_word = self.listed_by_a_word
        if by_a_word is not None:  # "dat netwerk ding, wat doe je daar?" after a list with the netwerkbeheerder
            return by_a_word
        pointed = pointed_at(self.text, self.suggested)
        if pointed is not None:  # "die eerste, hoe kom ik daar?" after a list of suggestions
            return pointed
        if OTHER.search(self.text):
            # "en die andere die u noemde?": the other of the two just listed, else of the two talked about
            others = [info for info in self.suggested if info != self.remembered]
            if len(self.suggested) == 2 and others:
                return others[0]
            if len(self.discussed) >= 2:
                return self.discussed[1]
        return self.remembered

    @property
    def listed_by_a_word(self) -> Optional[OccupationInfo]:
        """The one occupation of the list on the table whose name holds a long word of the message."""
        if not self.suggested or not POINTS_AT.search(self.text):
            return None
        words = {w for w in re.findall(r"[a-zà-ÿ]{6,}", self.text.lower()) if w not in COMMON_LONG_WORDS}
        hits = [
            info
            for info in self.suggested
            if any(w in _letters(f"{info.name} {info.profile_slug or ''}") for w in words)
        ]
        return hits[0] if len(hits) == 1 else None

    @property
    def typed_more(self) -> Optional[Mention]:
        """The first resolved name the user typed with a word the answer does not cover ("drone piloot")."""
        return next((m for m in self.mentions if m.occupation and m.typed), None)

    @property
    def unclear(self) -> Optional[Mention]:
        """The vague or unknown name to ask about, when nothing was resolved."""
        return next((m for m in self.mentions if m.status == self.resolution), None)


MAX_DISCUSSED = 4
# "dat netwerk ding", "die met de schepen": a word that points at one of a list
POINTS_AT = re.compile(r"\b(dat|die|dit|de|het)\b", re.IGNORECASE)
COMMON_LONG_WORDS = {"precies", "eigenlijk", "monteur", "technicus", "werken", "verdien", "opleiding", "beroep"}
# "ik werk in de zorg en hij in een winkel", "mijn man werkt bij de gemeente": the writer's work, said as context
WRITERS_OWN_WORK = re.compile(
    r"\b(ik|wij|we|mijn (man|vrouw|partner)|zijn (vader|moeder)|haar (vader|moeder))\s+(werk|werkt|werken)\s+"
    # up to the end of the clause: "ik werk in de haven als sjorder en mijn zoon wil ..." stops before "en"
    r"((zelf|ook|al|allebei|nu|\d+|jaar|jaren|lang)\s+){0,4}(in|bij|als)\b[^.?!,]*?(?=\s(?:en|maar|mijn|ons|onze|hij|zij|ze)\b|[.?!,]|$)"
    # "in Syrië was ik werktuigbouwkundig ingenieur", "ik werkte vroeger als lasser"
    # (only a name of at most two words: "ik was benieuwd naar lasser" or "ik was altijd al gek op computers" is not)
    r"|\b(ik was|was ik|ik werkte|werkte ik|ik ben zelf|ben ik zelf)\s+((vroeger|zelf|ooit)\s+)?(als\s+)?(een\s+)?"
    r"[\w-]+(\s[\w-]+)?(?=\s(?:en|maar|mijn|ons|onze|hij|zij|ze)\b|\s*[.?!,]|\s*$)",
    re.IGNORECASE,
)
NUMBER_WORDS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8}
FIRST_FEW = re.compile(
    r"\b(?:de|die) eerste (twee|drie|vier|[2-4])\b|\b(?:de|die) (twee|drie|vier|[2-4]) (?:eerste|bovenste)\b",
    re.IGNORECASE,
)
T = TypeVar("T")
HOURLY_PAY_SHOWN = "bruto per uur"  # in every domain.yml wording of an hourly wage
ORDINALS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde"]  # "laatste" → the last one
# "die eerste", "de laatste", "die je als 2e noemde", "nummer 3"
ORDINAL = re.compile(
    # not a school year: "in de 3e", "de 2e klas"
    r"(?<!in )\b(die|de|het|dat|als|nummer|nr\.?) "
    r"(eerste|tweede|derde|vierde|vijfde|zesde|laatste|middelste|[1-6](?:e|de|ste)?)\b"
    r"(?! (klas|jaar|leerjaar))",
    re.IGNORECASE,
)
SAME_WORK = re.compile(
    r"\b(het )?zelfde (beroep|werk|vak)\b|\bhetzelfde\b|\bverschil\b|\b(echt|apart|eigen) (beroep|vak)\b"
    r"|\bgewoon een\b|\bvalt (dat|het|die) onder\b",
    re.IGNORECASE,
)
COMPARED_WITH = re.compile(
    r"\b(vergeleken (met|bij)|ten opzichte van|t\.?o\.?v\.?|tegenover|in vergelijking met)\b", re.I
)
OTHER = re.compile(r"\b(die|de|het) (andere?|ander beroep|tweede)\b", re.IGNORECASE)
ANSWERING = re.compile(r"^action_(answer_(salary|prospects|route|job_description|story)|compare_occupations)$")


def pointed_at(text: str, items: Sequence[T]) -> Optional[T]:
    """The item of a list the message points to by its place ("die eerste", "nummer 3", "de laatste")."""
    ordinal = ORDINAL.search(text)
    if ordinal is None or not items:
        return None
    word = ordinal.group(2).lower()
    last = len(items) - 1
    if word[0].isdigit():
        index = int(word[0]) - 1
    else:
        index = ORDINALS.index(word) if word in ORDINALS else last // 2 if word == "middelste" else last
    return items[min(index, last)]


def last_answer(tracker: Tracker) -> str:
    """The last action that answered a question about an occupation, before this message."""
    for event in reversed(tracker.events or []):
        name = event.get("name") if event.get("event") == "action" else None
        if name and ANSWERING.match(name):
            return name
    return ""


SAME_NAME = 0.8  # similarity above which a typed name is a spelling of the occupation's name


def _letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalpha())


def _spelling_of(typed: str, name: str) -> bool:
    """A typo or variant spelling ("electricien"): nearly the same letters and about as long."""
    return abs(len(typed) - len(name)) <= 3 and SequenceMatcher(None, typed, name).ratio() >= SAME_NAME


SHARED_START = 7  # letters: "installatiebedrijf" points to the installatiemonteur, "autobedrijf" to no one


def _begins_alike(name: str, word: str) -> bool:
    """Whether a candidate's name starts with the word, or both start with the same long stem."""
    return name.startswith(word) or len(os.path.commonprefix([name, word])) >= SHARED_START


AT_A_COMPANY = re.compile(r"\s+bij\s+(?:een|de|het)\s+([a-zà-ÿ]{3,}?)(?:bedrijf|firma|fabriek)\b", re.IGNORECASE)
OF_WHAT = re.compile(r"\s+(?:worden\s+|zijn\s+)?van\s+(?:de\s+|het\s+)?([a-zà-ÿ]{3,})", re.IGNORECASE)


def settled_by_context(text: str, mentions: Tuple[Mention, ...], repository: Repository) -> Tuple[Mention, ...]:
    """A vague name that the rest of the message settles: "school gedaan voor mechanik, auto ... werk als
    monteur?" is the automonteur, the only candidate whose name starts with a word of the message."""
    words = set(re.findall(r"[a-zà-ÿ]{4,}", text.lower()))
    settled = []
    for mention in mentions:
        own = set(re.findall(r"[a-zà-ÿ]{4,}", mention.text.lower()))
        # Beyond the few candidates shown, every curated occupation the vague word is part of
        # ("monteur bij een installatiebedrijf": the installatiemonteur, not among the first five).
        typed = _letters(mention.text)
        pool = list(mention.candidates) + [
            info
            for info in (repository.featured_occupations() if mention.candidates else [])
            if typed in _letters(repository.display_name(info)) and info not in mention.candidates
        ]
        names = {c: _letters(repository.display_name(c)) for c in pool}
        # "auto's" + "monteur" is the automonteur: a word of the message put before the vague name
        joined = {re.sub(r"(s|en|'s)$", "", w) + typed for w in words - own}
        fits = [c for c, name in names.items() if any(_begins_alike(name, w) for w in words - own) or name in joined]
        if mention.occupation is None and len(fits) == 1:
            mention = Mention(mention.text, mention.start, fits[0])
        after = text[mention.start + len(mention.text) :]
        of_what = (OF_WHAT.match(after) or AT_A_COMPANY.match(after)) if mention.candidates else None
        if mention.occupation is None and of_what:  # "monteur van liften", "monteur bij een liftbedrijf": liftmonteur
            stem = re.sub(r"(en|s)$", "", of_what.group(1).lower())
            found = repository.find(stem + mention.text.lower())
            if found.matches and not found.ambiguous:
                mention = Mention(mention.text, mention.start, repository.occupation(found.best.occupation_id))
        settled.append(mention)
    return tuple(settled)


def without_writers_own_work(text: str, mentions: Tuple[Mention, ...]) -> Tuple[Mention, ...]:
    """ "Ik werk zelf in de haven als sjorder en mijn zoon wil procesoperator worden": the writer's own
    occupation is context when another occupation is named; alone it is what is asked about."""
    own = [match.span() for match in WRITERS_OWN_WORK.finditer(text)]
    inside = [m for m in mentions if any(start <= m.start < end for start, end in own)]
    others = [m for m in mentions if m not in inside and m.occupation]
    return tuple(m for m in mentions if m not in inside) if inside and others else mentions


def settled_by_the_list(
    mentions: Tuple[Mention, ...], suggested: Tuple[OccupationInfo, ...], repository: Repository
) -> Tuple[Mention, ...]:
    """A one-word name that is part of the name of one occupation of the list just shown ("tekenaar?"
    after "BIM-modelleur / bouwkundig tekenaar") means that one, not another occupation of that name."""
    settled = []
    for mention in mentions:
        word = _letters(mention.text)
        if mention.occupation and mention.occupation not in suggested and len(mention.text.split()) == 1:
            listed = [info for info in suggested if word in _letters(repository.display_name(info))]
            if len(listed) == 1:
                mention = Mention(mention.text, mention.start, listed[0])
        settled.append(mention)
    return tuple(settled)


def renamed(mentions: Tuple[Mention, ...], repository: Repository) -> Tuple[Tuple[str, str], ...]:
    """Resolved names whose typed text is not a spelling of the occupation's own names: a synonym
    ("kapitein") or a near word ("installateur"), so the answer can say which occupation it read."""
    pairs = []
    for mention in mentions:
        if not mention.occupation or mention.typed or not mention.text.strip():
            continue
        shown = repository.display_name(mention.occupation)
        typed = _letters(mention.text)
        names = [_letters(shown), _letters(mention.occupation.name)]
        # a word added in front changes the work ("motorfietstechnicus" is no fietstechnicus); one at the end
        # is a plural or a form of it ("lassers")
        same = any(typed in name or typed.startswith(name) or _spelling_of(typed, name) for name in names)
        if not same:
            pairs.append((mention.text.strip(), shown))
    return tuple(pairs)


def previous_reply(tracker: Tracker) -> str:
    """The assistant's texts of its last answer (all its messages), before the latest message."""
    events = list(tracker.events or [])
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    latest_user = users[-1] if users else len(events)
    start = max((i for i in users if i < latest_user), default=-1) + 1
    texts = [str(e["text"]) for e in events[start:latest_user] if e.get("event") == "bot" and e.get("text")]
    return "\n".join(texts)


SHORT_FOLLOW_UP_WORDS = 12
UNIT_FOLLOW_UP = re.compile(
    r"\b(per (uur|week|maand|jaar)|netto|bruto|maandloon|jaarloon|weekloon|gemiddelde? (uurloon|loon)|landelijk\w*"
    r"|qua (salaris|loon|geld|werk|banen)|en (het )?(salaris|loon)|na (\d+|tien|een paar) jaar"
    r"|voor (starters|beginners)|als (starter|beginner))\b",
    re.IGNORECASE,
)
# The last sentence of a longer message, when it is a question.
CLOSING_QUESTION = re.compile(r"(?<=[.!?])\s+([^.!?]+\?)\s*$")
# "wat doet een scheepsbouwer precies? lassen aan boten ofzo?": a guess at the answer, not a new question
A_GUESS = re.compile(r"\bof\s?zo\s*\?\s*$", re.IGNORECASE)
# The clause after the last "maar" carries what the writer wants ("... dokter, maar ik wil automonteur").
BUT = re.compile(
    r"(?<!alleen )(?<!gewoon )(?<!eens )\bmaar\b(?!.*(?<!alleen )(?<!gewoon )(?<!eens )\bmaar\b)", re.IGNORECASE
)
BOTH = re.compile(
    r"\b(van de twee|die twee|de twee|van de 2|van die 2|die 2|allebei|beide|beiden|welke van|wie van|daarvan"
    r"|die (drie|vier|vijf|zes|[3-9])|van (die|de|deze) (drie|vier|vijf|zes|[3-9])"
    r"|(bij|van|in) (die|deze) (beroepen|banen|vakken)"
    r"|erbij|ernaast|naast elkaar|naast (zetten|leggen)|bij (zetten|doen|geven)|horen daarbij|daar ?bij horen"
    r"|kolom\w*|toevoegen|voeg\b.{0,40}\btoe|(de|die|deze) (bedragen|lonen|salarissen))\b",
    re.IGNORECASE,
)
# "en welke heeft meer werk?", "wie verdient het meest?", "wat is beter?" (a question, not a statement)
WHICH_MORE = re.compile(
    r"^\W*(en|maar|dus|oke?|ok)?\W*(welke?|wie|wat)\b.*\b(meer|meest|minder|minst|beter|best|beste|hoogste?|zwaarder"
    r"|makkelijkst\w*|snelst\w*)\b"
    r"|^\W*(en|maar|dus|oke?|ok)?\W*waar\b.*\bmeer (werk|banen|kans)\b"
    # "en welke kan je met mbo 2?", "welke kan ik met mavo?" after a list
    r"|^\W*(en|maar|dus|oke?|ok)?\W*welke?\b.{0,20}\b(kan|kun|kunnen|mag)\b.{0,30}\b(met|na)\b.{0,12}"
    r"\b(mbo|vmbo|mavo|niveau|basis|kader|tl|gl)\b",
    re.IGNORECASE,
)


def discussed(tracker: Tracker, repository: Repository) -> Tuple[OccupationInfo, ...]:
    """The occupations this conversation answered about (slot occupation_id), latest first, each once."""
    ids: List[str] = []
    for event in reversed(tracker.events or []):
        if event.get("event") == "slot" and event.get("name") == "occupation_id":
            value = event.get("value")
            if isinstance(value, str) and value and value not in ids:
                ids.append(value)
    infos = (_occupation(repository, i) for i in ids[:MAX_DISCUSSED])
    return tuple(info for info in infos if info)


def _occupation(repository: Repository, occupation_id: Any) -> Optional[OccupationInfo]:
    return repository.occupation(occupation_id) if isinstance(occupation_id, str) and occupation_id else None


def _from_matcher(entity: Dict[str, Any], repository: Repository) -> Mention:
    found = filter(None, (_occupation(repository, i) for i in entity.get("candidates") or []))
    occupation = _occupation(repository, entity.get("occupation_id"))
    return _mention(str(entity.get("value", "")), entity.get("start", 0), occupation, found)


def _from_lookup(entity: Dict[str, Any], repository: Repository) -> Mention:
    text = str(entity["value"]).strip()
    result: FindResult = repository.find(text)
    if result.best is not None and result.best.method == "fuzzy":
        # the matcher left this word unknown; a loose likeness is no name ("pro gamer" ~ "programmer")
        return Mention(text, entity.get("start", 0))
    if result.matches and not result.ambiguous:
        return Mention(text, entity.get("start", 0), repository.occupation(result.best.occupation_id))
    candidates = (repository.occupation(m.occupation_id) for m in result.matches)
    return _mention(text, entity.get("start", 0), None, candidates)


def _mention(text: str, start: int, occupation: Optional[OccupationInfo], candidates) -> Mention:
    """A mention; with one candidate left (after duplicates) it is that occupation ("voetballer")."""
    unique = tuple(dict.fromkeys(candidates))
    if occupation is None and len(unique) == 1:
        return Mention(text, start, unique[0])
    return Mention(text, start, occupation, unique)


def _overlaps(entity: Dict[str, Any], others: List[Dict[str, Any]]) -> bool:
    start, end = entity.get("start", 0), entity.get("end", 0)
    return any(start < other.get("end", 0) and other.get("start", 0) < end for other in others)


# Words the NLU may tag in an occupation's place that name people, not work ("verdienen vrouwen minder?")
NOT_AN_OCCUPATION = {"vrouw", "vrouwen", "man", "mannen", "meisje", "meisjes", "meiden", "jongen", "jongens", "mensen"}


def _head_of_another(mention: Mention, mentions: List[Mention]) -> bool:
    """ "monteurs" beside "monteur warmtepompen" in one message: the general word, not a second occupation."""
    word = mention.text.lower().rstrip("s")
    return " " not in word and any(
        other is not mention and word in other.text.lower().split() and " " in other.text for other in mentions
    )


def read_mentions(entities: List[Dict[str, Any]], repository: Repository) -> Tuple[Mention, ...]:
    """Button choices first (an `occupation_id` entity); else the matcher's spans, resolved or not."""
    chosen = [_occupation(repository, e.get("value")) for e in entities if e.get("entity") == "occupation_id"]
    if any(chosen):
        return tuple(Mention(info.name, occupation=info) for info in chosen if info)
    names = [e for e in entities if e.get("entity") == "beroep" and str(e.get("value") or "").strip()]
    matched = [e for e in names if "occupation_id" in e or "candidates" in e]
    # A word the matcher found in an occupation's place without knowing it ("youtuber"), or a name
    # sent in a payload: looked up on its own, so it is unknown or vague.
    extra = [
        e
        for e in names
        if e not in matched
        and not _overlaps(e, matched)
        and str(e.get("value")).strip().lower() not in NOT_AN_OCCUPATION
    ]
    mentions = [_from_matcher(e, repository) for e in matched] + [_from_lookup(e, repository) for e in extra]
    mentions = [m for m in mentions if not _head_of_another(m, mentions)]
    mentions.sort(key=lambda m: m.start)
    unique, seen = [], set()
    for mention in mentions:
        key = mention.occupation.id if mention.occupation else mention.text.lower()
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return tuple(unique)


# Words before an occupation name that do not change which occupation it is.
NOT_A_MODIFIER = set(
    """een de het als van voor mijn onze ons zijn haar je jouw uw die dat deze wat hoe word worden wordt
    verdient verdien verdienen doet doen wil wilt is zijn ben tot bij met en of om ik hij zij ze we
    welke goede goed echte later per naar over zo'n n 'n later beroep baan werk vak opleiding""".split()
)
# Only a word between an article and the name modifies it ("een drone piloot"); "mijn zoon
# automonteur" or "wordt Daan lasser" does not.
_LAST_WORD = re.compile(r"\b(?:een|de|het|als|voor|tot|'n|n)\s+([\w'-]+)\s+$", re.IGNORECASE)


def widen(text: str, mentions: Tuple[Mention, ...], repository: Repository) -> Tuple[Mention, ...]:
    """A word typed before a resolved name: part of a known name ("drone piloot" → dronepiloot), or
    marked as more than the answer covers, so the answer can say which occupation it is about."""
    widened = []
    for mention in mentions:
        word = _LAST_WORD.search(text[: mention.start]) if mention.occupation and mention.start else None
        if word is None or word.group(1).lower() in NOT_A_MODIFIER or word.group(1).isdigit():
            widened.append(mention)
            continue
        typed = f"{word.group(1)} {mention.text}"
        result = repository.find(word.group(1) + mention.text.lower())
        best = result.best
        if best and best.method in ("exact", "normalized") and not result.ambiguous:
            widened.append(Mention(typed, word.start(1), repository.occupation(best.occupation_id)))
        else:
            widened.append(Mention(mention.text, mention.start, mention.occupation, mention.candidates, typed))
    return tuple(widened)
