"""Resolve what a pupil typed to occupations: exact label, normalised label, then fuzzy."""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from occupations.catalog import Catalog
from occupations.normalize import Word, base_form, base_word, compound_keys, normalize, sorted_key, words_with_offsets

# A curated (featured) occupation wins a tie: it is what pupils most likely mean.
KIND_BONUS = {"preferred": 2.0, "curated": 2.0, "alt": 1.0, "hidden": 0.0}
FEATURED_BONUS = 3.0
FUZZY_CUTOFF = 82.0
PARTIAL_SCORE = 97.0  # a curated name that contains the typed word ("monteur" in "automonteur")
MIN_PARTIAL_LENGTH = 5
MIN_HEAD_LENGTH = 10  # a word this long that ends several names is a kind of occupation ("instrumentmaker")
AGENT_WORD = re.compile(r"^\w+(maker|bouwer|monteur|hersteller|installateur|operator|bediener|werker|zetter|legger)$")
CONFIDENT_SCORE = 90.0
MAX_CANDIDATES = 5
MAX_PHRASE_WORDS = 6
# One letter off in a long word is a typo of that name ("labarant"), not another word that looks alike.
ONE_TYPO_LENGTH = 8
# A vague word names an occupation on its own when at least this many curated one-word names
# end with it: "monteur" (automonteur, kabelmonteur, ...), not "haven" (kraanmachinist haven).
MIN_COMPOUND_HEADS = 2

# Words that are ESCO labels or parts of questions but, alone, never name the occupation meant.
STOPWORDS = {
    "ik",
    "je",
    "jij",
    "u",
    "uw",
    "mijn",
    "een",
    "de",
    "het",
    "wat",
    "hoe",
    "als",
    "en",
    "of",
    "in",
    "op",
    "met",
    "voor",
    "van",
    "is",
    "zijn",
    "word",
    "worden",
    "werk",
    "werken",
    "baan",
    "banen",
    "beroep",
    "beroepen",
    "geld",
    "salaris",
    "loon",
    "kans",
    "techniek",
    "school",
    "mbo",
    "vmbo",
    "hbo",
    "die",
    "dat",
    "dan",
    "er",
    "ook",
    "nog",
    "wel",
    "niet",
    "kan",
    "kun",
    "moet",
    "wil",
    "graag",
    "zoon",
    "dochter",
    "kind",
    "ouder",
    "ouders",
    "leerling",
    "mentor",
    "docent",
    "student",
    "stage",
    "bbl",
    "bol",
    "niveau",
    "vak",
    "model",
    "meer",
    "veel",
    "goed",
    # "gaat het om starters of om iedereen?": beginners, not the ESCO label for a race official
    "starter",
    "starters",
    # "de cao", "op schepen werken": not the ESCO chief data officer nor the Flemish alderman
    "cao",
    "schepen",
    "beginner",
    "beginners",
    # "ict support medewerker", "wat verdient ie?": not the ESCO label of one odd occupation
    "medewerker",
    "medewerkers",
    "werknemer",
    "ie",
    # "hij wil dat perse worden": per se, not the ESCO perser
    "perse",
    # "uitleggen aan 4e klassers": pupils of a year, not a misspelt lasser
    "klassers",
    "klasser",
    # "wat zou je dan eerder aanraden?": sooner, not a misspelt smeerder or herder
    "eerder",
    # "verdien je meer met een diploma?": a diploma, not a misspelt diplomaat
    "diploma",
    "diplomas",
    # "van vmbo naar bv ingenieur": bijvoorbeeld, not the bedrijfsingenieur ("bv" as in a company)
    "bv",
    "bijv",
    # "netwerk en servers": computers, not a misspelt serveuse
    "server",
    "servers",
}


@dataclass(frozen=True)
class Match:
    occupation_id: str
    name: str
    label: str
    score: float
    method: str  # exact | normalized | fuzzy | partial | head


@dataclass
class FindResult:
    text: str
    matches: List[Match] = field(default_factory=list)
    # Set by find_mentions: where the name stands in the message, so message[start:end] is the
    # name as typed (without the punctuation around it).
    start: Optional[int] = None
    end: Optional[int] = None

    @property
    def best(self) -> Optional[Match]:
        return self.matches[0] if self.matches else None

    @property
    def ambiguous(self) -> bool:
        """True when the user should be asked "bedoel je ...?"."""
        if not self.matches:
            return False
        if self.matches[0].score < CONFIDENT_SCORE:
            return True
        return len(self.matches) > 1 and self.matches[1].score >= self.matches[0].score


def _rank(candidates: Dict[str, Match]) -> List[Match]:
    return sorted(candidates.values(), key=lambda m: (-m.score, m.name))[:MAX_CANDIDATES]


def _add(catalog: Catalog, candidates: Dict[str, Match], key: str, text: str, base_score: float, method: str) -> None:
    for entry in catalog.labels_by_key.get(key, []):
        occupation = catalog.occupations[entry.occupation_id]
        exact = normalize(entry.label) == normalize(text)
        score = (base_score if exact or method == "fuzzy" else base_score - 4.0) + KIND_BONUS[entry.kind]
        if occupation.profile_slug:
            score += FEATURED_BONUS
        match_method = "exact" if exact and method != "fuzzy" else method
        known = candidates.get(entry.occupation_id)
        if known is None or score > known.score:
            candidates[entry.occupation_id] = Match(
                entry.occupation_id, occupation.name, entry.label, round(score, 1), match_method
            )


@lru_cache(maxsize=8192)
def _similar_keys(catalog: Catalog, key: str) -> Tuple[Tuple[str, float], ...]:
    """Label keys that look like `key` with a typo. Cached: the same words ("verdient",
    "werken") come back in message after message, and each search scans every label."""
    found = process.extract(
        key, catalog.label_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=MAX_CANDIDATES * 2
    )
    return tuple((choice, similarity) for choice, similarity, _ in found)


def find(catalog: Catalog, text: str) -> FindResult:
    key = base_form(text)
    result = FindResult(text=text)
    if not key or key in STOPWORDS:
        return result
    candidates: Dict[str, Match] = {}
    variant = next(
        (catalog.key_variants[v] for v in compound_keys(key) + [sorted_key(key)] if v in catalog.key_variants), None
    )
    if key in catalog.labels_by_key:
        _add(catalog, candidates, key, text, 100.0, "normalized")
    elif variant is not None:
        _add(catalog, candidates, variant, text, 96.0, "normalized")
    else:
        for choice, similarity in _similar_keys(catalog, key):
            _add(catalog, candidates, choice, text, similarity * 0.95, "fuzzy")
    result.matches = _rank(candidates)
    if (result.ambiguous or not result.matches) and len(key) >= MIN_PARTIAL_LENGTH:
        _add_partial(catalog, candidates, key)
        result.matches = _rank(candidates)
    if (result.ambiguous or not result.matches) and len(key) >= MIN_HEAD_LENGTH and AGENT_WORD.search(key):
        heads = _named_by_head(catalog, key)
        if len(heads) >= 2:  # "instrumentmaker": the optical, precision, surgical ... instrument makers
            result.matches = list(heads)
    return result


@lru_cache(maxsize=1024)
def _named_by_head(catalog: Catalog, key: str) -> Tuple[Match, ...]:
    """Occupations with a name whose last word is the typed word ("precisie-instrumentmaker" for
    "instrumentmaker"), when no name is the word itself: one each, to choose from. Cached: it scans
    every label, and the matcher tries each long word of each message."""
    found: Dict[str, Match] = {}
    for label_key, entries in catalog.labels_by_key.items():
        if label_key.split()[-1] != key or label_key == key:
            continue
        for entry in entries:
            if entry.occupation_id not in found:
                name = catalog.occupations[entry.occupation_id].name
                found[entry.occupation_id] = Match(entry.occupation_id, name, entry.label, PARTIAL_SCORE, "head")
    return tuple(sorted(found.values(), key=lambda m: m.name)[:MAX_CANDIDATES])


def _add_partial(catalog: Catalog, candidates: Dict[str, Match], key: str) -> None:
    """Curated occupations whose name contains a vague word, so the user can pick one."""
    for label_key, entry in catalog.curated_labels:
        if key in label_key and key != label_key and entry.occupation_id not in candidates:
            occupation = catalog.occupations[entry.occupation_id]
            score = PARTIAL_SCORE + KIND_BONUS["curated"] + FEATURED_BONUS
            candidates[entry.occupation_id] = Match(entry.occupation_id, occupation.name, entry.label, score, "partial")


def find_mentions(catalog: Catalog, message: str) -> List[FindResult]:
    """Every occupation named in a message, longest names first, without overlaps, in message order.

    Exact (normalised) names are preferred; single words and word pairs that are not names are
    tried fuzzily for typos. Each result carries the character span of the name in `message`.
    """
    words = words_with_offsets(message)
    # A name runs across a comma or a question mark only when it is written with one: "lasser,
    # monteur werktuigbouw" names two, "monteur gas, water en warmte" one.
    taken = [False] * len(words)
    broken = [bool(SEPARATOR.search(message[a.end : b.start])) for a, b in zip(words, words[1:], strict=False)]
    found = _exact_mentions(catalog, words, taken, broken) + _fuzzy_mentions(catalog, words, taken, broken)
    return [
        _with_span(result, words[first], words[last - 1])
        for first, last, result in sorted(found, key=lambda item: item[0])
    ]


# (first word, word after the last, result) of one mention
_Found = Tuple[int, int, FindResult]


SEPARATOR = re.compile(r"[,;:?!/()]")


def _exact_mentions(catalog: Catalog, words: List[Word], taken: List[bool], broken: List[bool]) -> List[_Found]:
    """Phrases whose base form is a known name, the longest first so "monteur" inside
    "monteur elektrische installaties" is not a name of its own."""
    keys = [base_word(word.word) for word in words]
    found = []
    for size in range(min(MAX_PHRASE_WORDS, len(words)), 0, -1):
        for first in range(len(words) - size + 1):
            last = first + size
            key = " ".join(keys[first:last])
            if any(taken[first:last]) or key in STOPWORDS or not _is_known_name(catalog, key):
                continue
            if any(broken[first : last - 1]) and not any("," in e.label for e in catalog.labels_by_key[key]):
                continue  # "lasser, monteur" is two names, "monteur gas, water en warmte" one
            taken[first:last] = [True] * size
            found.append((first, last, find(catalog, _phrase(words, first, last))))
    return found


def _is_known_name(catalog: Catalog, key: str) -> bool:
    """A name as the table writes it, or two words of a name written as one ("drone piloot")."""
    if key in catalog.labels_by_key:
        return True
    words = key.split()
    joined = "".join(words)
    return len(words) == 2 and all(word not in STOPWORDS for word in words) and joined in catalog.labels_by_key


def _fuzzy_mentions(catalog: Catalog, words: List[Word], taken: List[bool], broken: List[bool]) -> List[_Found]:
    """Word pairs and single words left over that look like a name with a typo. Short words
    and stopwords are skipped: fuzzy matching them finds names nobody meant."""
    found = []
    for size in (2, 1):
        for first in range(len(words) - size + 1):
            last = first + size
            if any(taken[first:last]) or any(broken[first : last - 1]):
                continue
            if any(w.word in STOPWORDS or len(w.word) < 5 for w in words[first:last]):
                continue
            result = find(catalog, _phrase(words, first, last))
            if result.best and result.best.score >= FUZZY_CUTOFF:
                taken[first:last] = [True] * size
                found.append((first, last, result))
    return found


def _phrase(words: List[Word], first: int, last: int) -> str:
    return " ".join(word.word for word in words[first:last])


def _with_span(result: FindResult, first: Word, last: Word) -> FindResult:
    result.start, result.end = first.start, last.end
    return result


def is_clear_mention(catalog: Catalog, mention: FindResult) -> bool:
    """Whether a mention from find_mentions names an occupation without other evidence.

    Known names and confident typo corrections do. A fuzzy match to several names is mostly an
    ordinary word ("later" looks like "lader"), and a curated name merely containing the word
    ("technische", "haven") is no mention either, unless the word is the head of Dutch compound
    names ("monteur", "technicus"): then the pupil is asked which one.
    """
    method = mention.best.method if mention.best else None
    if method == "fuzzy":
        return not mention.ambiguous or _one_typo_off(mention)
    if method == "partial":
        return _compound_heads(catalog, base_form(mention.text)) >= MIN_COMPOUND_HEADS
    if method == "head":
        return True
    return method is not None


def _one_typo_off(mention: FindResult) -> bool:
    """A long word one letter away from the best name inside the word, with no other name as close."""
    typed = base_form(mention.text)

    def one_letter_inside(label: str) -> bool:  # "labarant"; not "rechten" for rechter: an ending is a word form
        return len(label) == len(typed) and label[-2:] == typed[-2:] and Levenshtein.distance(typed, label) == 1

    close = [m for m in mention.matches if one_letter_inside(base_form(m.label))]
    return len(typed) >= ONE_TYPO_LENGTH and len(close) == 1 and close[0] is mention.best


def _compound_heads(catalog: Catalog, key: str) -> int:
    """How many occupations have a curated one-word name that ends with key ("auto|monteur")."""
    return len(
        {
            entry.occupation_id
            for label_key, entry in catalog.curated_labels
            if " " not in label_key and label_key.endswith(key) and label_key != key
        }
    )
