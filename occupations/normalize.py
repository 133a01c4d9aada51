"""Normalise occupation text the way pupils type it: case, accents, hyphens, plurals, female forms."""

import re
import unicodedata
from typing import List, NamedTuple

_NON_WORD = re.compile(r"[^a-z0-9+# ]+")
_SPACES = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"[a-z0-9+#]")

# Female and plural endings mapped to the base form ESCO mostly uses. Applied per word,
# longest ending first; each rule only fires when enough of the word remains.
_WORD_ENDINGS = [
    ("medewerkster", "medewerker"),
    ("ingenieurs", "ingenieur"),
    ("euses", "eur"),
    ("euse", "eur"),
    ("ieciennes", "ieciens"),
    ("icienne", "icien"),
    ("iciennes", "icien"),
    ("iciens", "icien"),
    ("trices", "teur"),
    ("trice", "teur"),
    ("sters", "ster"),
    ("eurs", "eur"),
    ("ers", "er"),
    ("ens", "en"),
    ("ars", "ar"),
    ("ants", "ant"),
    ("anten", "ant"),  # "laboranten"
    ("enten", "ent"),  # "assistenten", "agenten"
    ("ists", "ist"),
    ("isten", "ist"),
    ("ici", "icus"),
    ("ica", "icus"),
    ("mannen", "man"),
    ("lieden", "man"),
    ("lui", "man"),
    ("vrouwen", "man"),
    ("vrouw", "man"),
    ("sen", "s"),
    ("oten", "oot"),  # piloten -> piloot
    ("tjes", ""),  # diminutives: kappertje -> kapper
    ("tje", ""),
]


def normalize(text: str) -> str:
    """Lower case, no accents, hyphens and punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    spaced = _NON_WORD.sub(" ", without_accents.replace("'", ""))
    return _SPACES.sub(" ", spaced).strip()


class Word(NamedTuple):
    """One word of normalize(text) and where it stands in the text itself: text[start:end]."""

    word: str
    start: int
    end: int


def _normal_chars(char: str) -> str:
    """What normalize() makes of one character: lower case, accents dropped, apostrophe gone."""
    decomposed = unicodedata.normalize("NFKD", char.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("'", "")


def words_with_offsets(text: str) -> List[Word]:
    """The words of normalize(text), in order, each with its character offsets in `text`.

    Character by character, so a span never includes the punctuation around a word ("lasser?")
    while a hyphen or space inside a name stays inside the span of several words.
    """
    text = str(text)
    words: List[Word] = []
    chars: List[str] = []
    start = end = 0
    for index, char in enumerate(text):
        normal = _normal_chars(char)
        if not normal:
            # An apostrophe joins ("chauffeur's"); a separate accent mark belongs to its letter.
            if chars and unicodedata.combining(char):
                end = index + 1
            continue
        for ch in normal:
            if _WORD_CHAR.match(ch):
                start = index if not chars else start
                chars.append(ch)
                end = index + 1
            elif chars:
                words.append(Word("".join(chars), start, end))
                chars = []
    if chars:
        words.append(Word("".join(chars), start, end))
    return words


def base_word(word: str) -> str:
    for ending, replacement in _WORD_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + replacement
    return word


def base_form(text: str) -> str:
    """A normalised text with each word reduced to its base form (plural, female form)."""
    return " ".join(base_word(word) for word in normalize(text).split())


def compound_keys(key: str) -> list:
    """Ways Dutch writes the same name as one word: "zonnepanelen monteur" / "zonnepanelenmonteur",
    and for two words also the other order: "machinist grondverzet" / "grondverzetmachinist"."""
    words = key.split()
    keys = ["".join(words)]
    if len(words) == 2:
        keys.append(words[1] + words[0])
    return keys


def sorted_key(key: str) -> str:
    """Word order does not matter: "binnenvaart matroos" is "matroos binnenvaart"."""
    return " ".join(sorted(key.split()))
