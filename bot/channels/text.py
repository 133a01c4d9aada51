"""Fitting text into the limits of a messaging API: truncating titles and splitting
long answers into several messages."""

from typing import List

ELLIPSIS = "…"

_SENTENCE_ENDS = (". ", "! ", "? ", ".\n", "!\n", "?\n")


def truncate(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters, ending in "…", on a word boundary
    when that does not lose too much."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + ELLIPSIS


def unique_titles(titles: List[str], limit: int) -> List[str]:
    """Truncate titles to ``limit`` and make them unique (WhatsApp rejects duplicate
    button titles), adding " 2", " 3", ... where truncation made two equal."""
    result: List[str] = []
    for title in titles:
        candidate = truncate(title, limit) or "-"
        counter = 2
        while candidate in result:
            suffix = f" {counter}"
            candidate = truncate(title, limit - len(suffix)) + suffix
            counter += 1
        result.append(candidate)
    return result


def split_text(text: str, limit: int) -> List[str]:
    """Split ``text`` into chunks of at most ``limit`` characters.

    Prefers paragraph breaks, then line breaks, then sentence ends, then spaces;
    only cuts inside a word when nothing else fits.
    """
    text = (text or "").strip()
    chunks: List[str] = []
    while len(text) > limit:
        window = text[:limit]
        cut = -1
        minimum = limit // 3  # do not produce tiny chunks just to hit a boundary
        for separator in ("\n\n", "\n"):
            position = window.rfind(separator)
            if position >= minimum:
                cut = position
                break
        if cut < 0:
            best = max(window.rfind(end) for end in _SENTENCE_ENDS)
            if best >= minimum:
                cut = best + 1  # keep the punctuation with its sentence
        if cut < 0:
            position = window.rfind(" ")
            if position >= minimum:
                cut = position
        if cut <= 0:
            cut = limit
        chunk = text[:cut].rstrip()
        if chunk:
            chunks.append(chunk)
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks
