"""What the chart and the lesson sheet share: fonts, greys and hatches that survive a black-and-white
printer, text wrapping, and one lock around matplotlib."""

import textwrap
import threading
from typing import List

# Matplotlib's font objects are shared between figures and are not thread-safe: renders in the
# server's executor threads take turns.
MATPLOTLIB_LOCK = threading.Lock()

FONT = "DejaVu Sans"  # ships with matplotlib; has the euro sign
TITLE_SIZE = 16
HEADING_SIZE = 13
TEXT_SIZE = 11
SMALL_SIZE = 10  # the smallest text anywhere

INK = "#000000"
OWN_FILL = "#9ec5e8"  # light blue: prints as light grey
BROADER_FILL = "#e6e6e6"  # lighter grey, and another hatch, so the two differ without colour
OWN_HATCH = "//"
BROADER_HATCH = ".."

NO_BREAK = "\u00a0"  # textwrap splits on ASCII whitespace only
# Rough width of an average Dutch prose character, as a share of the font size (DejaVu Sans).
CHAR_WIDTH = 0.55


def wrap(text: str, width_inches: float, fontsize: float) -> List[str]:
    """The lines of a text that fit in a width, at a font size; blank lines kept. An amount
    ("€ 23,00") is never split over two lines."""
    chars = max(10, int(width_inches * 72 / (fontsize * CHAR_WIDTH)))
    lines: List[str] = []
    for paragraph in text.replace("€ ", "€" + NO_BREAK).split("\n"):
        lines.extend(textwrap.wrap(paragraph, chars, break_long_words=False, break_on_hyphens=False) or [""])
    return [line.replace(NO_BREAK, " ") for line in lines]


def line_height(fontsize: float) -> float:
    """Inches from one line of text to the next."""
    return fontsize * 1.4 / 72
