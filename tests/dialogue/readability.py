"""Flesch-Douma reading ease for Dutch: 206.835 - 0.93 * words/sentence - 77 * syllables/word.

Syllables are counted as groups of vowels, which fits Dutch spelling well enough
(diphthongs such as "ui", "eu", "oe" and long vowels such as "aa" are one group).
"""

import re

_VOWEL_GROUP = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
_SENTENCE_END = re.compile(r"[.!?:\n]+")
_PLACEHOLDER = re.compile(r"\{[^{}]+\}")


def syllables(word: str) -> int:
    return max(1, len(_VOWEL_GROUP.findall(word.lower())))


def flesch_douma(text: str) -> float:
    text = _PLACEHOLDER.sub("", text)
    words = _WORD.findall(text)
    sentences = [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]
    if not words or not sentences:
        return 100.0
    return 206.835 - 0.93 * (len(words) / len(sentences)) - 77 * (sum(map(syllables, words)) / len(words))
