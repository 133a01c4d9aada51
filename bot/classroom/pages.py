"""A small flow layout for printed A4 pages: headings, paragraphs and the chart, top to bottom,
a new page when one is full, a footer with the page number; written as one PDF with text that
can be selected, searched and read aloud (TrueType fonts, not outlines)."""

from dataclasses import dataclass
from io import BytesIO
from typing import Dict, List, Optional, Union

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from bot.classroom.chart import chart_height, draw_chart
from bot.classroom.comparison import Comparison
from bot.classroom.style import FONT, HEADING_SIZE, MATPLOTLIB_LOCK, SMALL_SIZE, TEXT_SIZE, line_height, wrap

A4 = (8.27, 11.69)  # inches
MARGIN = 0.75
TOP, BOTTOM = 0.7, 0.9  # the footer sits in the bottom margin
WIDTH = A4[0] - 2 * MARGIN
KEEP_WITH_HEADING = 0.9  # inches of room a heading needs below it, or it starts the next page


@dataclass(frozen=True)
class Text:
    text: str
    size: float = TEXT_SIZE
    bold: bool = False
    italic: bool = False
    indent: float = 0.0
    space_before: float = 0.0  # inches
    keep_with_next: bool = False  # a heading: never alone at the bottom of a page


@dataclass(frozen=True)
class Chart:
    data: Comparison
    space_before: float = 0.1


Block = Union[Text, Chart]


@dataclass(frozen=True)
class _Placed:
    y: float  # inches from the top of the page
    line: Optional[str] = None
    block: Optional[Block] = None


def heading(text: str, size: float = HEADING_SIZE, space_before: float = 0.25) -> Text:
    return Text(text, size=size, bold=True, space_before=space_before, keep_with_next=True)


def _paginate(blocks: List[Block]) -> List[List[_Placed]]:
    pages: List[List[_Placed]] = [[]]
    y = TOP
    bottom = A4[1] - BOTTOM

    def new_page() -> None:
        nonlocal y
        pages.append([])
        y = TOP

    for block in blocks:
        if pages[-1]:
            y += block.space_before
        if isinstance(block, Chart):
            height = chart_height(block.data, WIDTH)
            if y + height > bottom and pages[-1]:
                new_page()
            pages[-1].append(_Placed(y, block=block))
            y += height
            continue
        step = line_height(block.size)
        lines = wrap(block.text, WIDTH - block.indent, block.size)
        # A heading keeps room for what follows it; a paragraph starts with at least two lines.
        needed = step * len(lines) + KEEP_WITH_HEADING if block.keep_with_next else step * min(len(lines), 2)
        if y + needed > bottom and pages[-1]:
            new_page()
        for line in lines:
            if y + step > bottom:
                new_page()
            pages[-1].append(_Placed(y, line=line, block=block))
            y += step
    return pages


def _text_style(block: Text) -> Dict[str, object]:
    return {
        "fontsize": block.size,
        "fontweight": "bold" if block.bold else "normal",
        "fontstyle": "italic" if block.italic else "normal",
        "family": FONT,
        "va": "top",
        "parse_math": False,  # a '$' in a text is a dollar sign, not mathematics
    }


def _draw_page(placed: List[_Placed], footer: str) -> Figure:
    fig = Figure(figsize=A4, facecolor="white")
    for item in placed:
        if isinstance(item.block, Chart):
            draw_chart(fig, item.block.data, left=MARGIN, top=item.y, width=WIDTH)
        else:
            x = (MARGIN + item.block.indent) / A4[0]
            fig.text(x, 1 - item.y / A4[1], item.line, **_text_style(item.block))
    fig.text(MARGIN / A4[0], 0.45 / A4[1], footer, fontsize=SMALL_SIZE, family=FONT, parse_math=False)
    return fig


def render_pdf(blocks: List[Block], title: str, footer: str) -> bytes:
    """The blocks laid out on A4 pages as one PDF; `footer` is followed by 'pagina 1 van 2'."""
    out = BytesIO()
    with MATPLOTLIB_LOCK, matplotlib.rc_context({"pdf.fonttype": 42}):
        pages = _paginate(blocks)
        # No creation date: the same sheet is the same file, so it caches and compares.
        metadata = {"Title": title, "Author": "Kansrijk Kiezen", "Creator": "Kansrijk Kiezen", "CreationDate": None}
        with PdfPages(out, metadata=metadata) as pdf:
            for number, placed in enumerate(pages, start=1):
                pdf.savefig(_draw_page(placed, f"{footer} · pagina {number} van {len(pages)}"))
    return out.getvalue()
