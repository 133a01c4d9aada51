"""Normalise occupation text the way pupils type it: case, accents, hyphens, plurals, female forms."""
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9+# ]+")
_SPACES = re.compile(r"\s+")

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
    ("tjes", ""),  # diminutives: kappertje -> kapper
    ("tje", ""),
]


def normalize(text: str) -> str:
    """Lower case, no accents, hyphens and punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    spaced = _NON_WORD.sub(" ", without_accents.replace("'", ""))
    return _SPACES.sub(" ", spaced).strip()


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
