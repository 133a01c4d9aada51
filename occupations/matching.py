"""Resolve what a pupil typed to occupations: exact label, normalised label, then fuzzy."""
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from rapidfuzz import fuzz, process

from occupations.catalog import Catalog
from occupations.normalize import base_word, compound_keys, normalize, sorted_key

# A curated (featured) occupation wins a tie: it is what pupils most likely mean.
KIND_BONUS = {"preferred": 2.0, "curated": 2.0, "alt": 1.0, "hidden": 0.0}
FEATURED_BONUS = 3.0
FUZZY_CUTOFF = 82.0
PARTIAL_SCORE = 97.0  # a curated name that contains the typed word ("monteur" in "automonteur")
MIN_PARTIAL_LENGTH = 5
CONFIDENT_SCORE = 90.0
MAX_CANDIDATES = 5
MAX_PHRASE_WORDS = 6

# Words that are ESCO labels or parts of questions but, alone, never name the occupation meant.
STOPWORDS = {
    "ik", "je", "jij", "u", "uw", "mijn", "een", "de", "het", "wat", "hoe", "als", "en", "of", "in", "op", "met",
    "voor", "van", "is", "zijn", "word", "worden", "werk", "werken", "baan", "banen", "beroep", "beroepen", "geld",
    "salaris", "loon", "kans", "techniek", "school", "mbo", "vmbo", "hbo", "die", "dat", "dan", "er", "ook", "nog",
    "wel", "niet", "kan", "kun", "moet", "wil", "graag", "zoon", "dochter", "kind", "ouder", "ouders", "leerling",
    "mentor", "docent", "student", "stage", "bbl", "bol", "niveau", "vak", "model", "meer", "veel", "goed",
}


@dataclass(frozen=True)
class Match:
    occupation_id: str
    name: str
    label: str
    score: float
    method: str  # exact | normalized | fuzzy | partial


@dataclass
class FindResult:
    text: str
    matches: List[Match] = field(default_factory=list)

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


def _key(text: str) -> str:
    return " ".join(base_word(word) for word in normalize(text).split())


def _rank(candidates: Dict[str, Match]) -> List[Match]:
    return sorted(candidates.values(), key=lambda m: (-m.score, m.name))[:MAX_CANDIDATES]


def _add(catalog: Catalog, candidates: Dict[str, Match], key: str, text: str, base_score: float,
         method: str) -> None:
    for entry in catalog.labels_by_key.get(key, []):
        occupation = catalog.occupations[entry.occupation_id]
        exact = normalize(entry.label) == normalize(text)
        score = (base_score if exact or method == "fuzzy" else base_score - 4.0) + KIND_BONUS[entry.kind]
        if occupation.featured_slug:
            score += FEATURED_BONUS
        match_method = "exact" if exact and method != "fuzzy" else method
        known = candidates.get(entry.occupation_id)
        if known is None or score > known.score:
            candidates[entry.occupation_id] = Match(entry.occupation_id, occupation.name, entry.label,
                                                    round(score, 1), match_method)


def find(catalog: Catalog, text: str) -> FindResult:
    key = _key(text)
    result = FindResult(text=text)
    if not key or key in STOPWORDS:
        return result
    candidates: Dict[str, Match] = {}
    variant = next((catalog.key_variants[v] for v in compound_keys(key) + [sorted_key(key)]
                    if v in catalog.key_variants), None)
    if key in catalog.labels_by_key:
        _add(catalog, candidates, key, text, 100.0, "normalized")
    elif variant is not None:
        _add(catalog, candidates, variant, text, 96.0, "normalized")
    else:
        for choice, similarity, _ in process.extract(key, catalog.label_keys, scorer=fuzz.ratio,
                                                     score_cutoff=FUZZY_CUTOFF, limit=MAX_CANDIDATES * 2):
            _add(catalog, candidates, choice, text, similarity * 0.95, "fuzzy")
    result.matches = _rank(candidates)
    if (result.ambiguous or not result.matches) and len(key) >= MIN_PARTIAL_LENGTH:
        _add_partial(catalog, candidates, key)
        result.matches = _rank(candidates)
    return result


def _add_partial(catalog: Catalog, candidates: Dict[str, Match], key: str) -> None:
    """Curated occupations whose name contains a vague word, so the user can pick one."""
    for label_key, entry in catalog.curated_labels:
        if key in label_key and key != label_key and entry.occupation_id not in candidates:
            occupation = catalog.occupations[entry.occupation_id]
            score = PARTIAL_SCORE + KIND_BONUS["curated"] + FEATURED_BONUS
            candidates[entry.occupation_id] = Match(entry.occupation_id, occupation.name, entry.label, score,
                                                    "partial")


def find_mentions(catalog: Catalog, message: str) -> List[FindResult]:
    """Every occupation named in a message, longest names first, without overlaps, in message order.

    Exact (normalised) names are preferred; single words and word pairs that are not names are
    tried fuzzily for typos.
    """
    words = normalize(message).split()
    keys = [base_word(word) for word in words]
    taken = [False] * len(words)
    found = []
    for size in range(min(MAX_PHRASE_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            key = " ".join(keys[start:start + size])
            if any(taken[i] for i in span) or key in STOPWORDS or key not in catalog.labels_by_key:
                continue
            for i in span:
                taken[i] = True
            found.append((start, find(catalog, " ".join(words[start:start + size]))))
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            phrase_words = words[start:start + size]
            if any(taken[i] for i in span) or any(w in STOPWORDS or len(w) < 5 for w in phrase_words):
                continue
            result = find(catalog, " ".join(phrase_words))
            if result.best and result.best.score >= FUZZY_CUTOFF:
                for i in span:
                    taken[i] = True
                found.append((start, result))
    return [result for _, result in sorted(found, key=lambda item: item[0])]


def find_in_message(catalog: Catalog, message: str) -> FindResult:
    """The occupation a whole message names, preferring the longest name it contains."""
    mentions = find_mentions(catalog, message)
    if not mentions:
        return FindResult(text=message)
    return max(mentions, key=lambda r: (r.best.method != "fuzzy", len(r.text.split()), r.best.score))
