"""The comparison chart: per occupation the middle half (P25–P75) and the median of gross hourly pay,
all in one year, the median of all employees as a dashed line, source and year under it.

A PNG for the chat (cached in var/charts), and the same drawing on the lesson sheet. The alt text
and the caption state the same figures in words.
"""

from dataclasses import dataclass
from io import BytesIO
from typing import Dict, List, Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from actions.formatting import dutch_list, euro_hourly
from bot.classroom.cache import cached
from bot.classroom.comparison import Comparison, Row, comparison
from bot.classroom.links import chart_path, public_url
from bot.classroom.style import (
    BROADER_FILL,
    BROADER_HATCH,
    FONT,
    INK,
    MATPLOTLIB_LOCK,
    OWN_FILL,
    OWN_HATCH,
    SMALL_SIZE,
    TEXT_SIZE,
    TITLE_SIZE,
    line_height,
    wrap,
)
from occupations.catalog import OccupationInfo
from occupations.repository import Repository

CHART_VERSION = 1  # raise when the drawing changes: cached files get new names
WIDTH = 8.0  # inches; at DPI 120 a 960-pixel-wide PNG
DPI = 120
MAX_CAPTION = 1024  # WhatsApp's limit for an image caption

NO_FIGURE = "geen CBS-cijfer"
BROADER_MARK = "(bredere groep)"

# The block, in inches from its top-left corner.
LABEL_WIDTH = 2.3  # occupation names left of the bars
RIGHT_MARGIN = 0.3
HEAD = 0.85  # title, and the label of the national line above the bars
ROW = 0.7
AXIS = 0.6  # tick labels and axis title under the bars
LEGEND = 0.6


@dataclass(frozen=True)
class ChartText:
    alt: str  # every figure shown, with year and source
    caption: str  # short, for under the image (at most 1,024 characters)


def title(data: Comparison) -> str:
    return f"Bruto uurloon per uur in {data.year}"


def row_label(row: Row) -> str:
    name = "\n".join(wrap(row.name, LABEL_WIDTH - 0.2, TEXT_SIZE + 1))
    return f"{name}\n{BROADER_MARK}" if row.is_broader else name


def notes(data: Comparison) -> List[str]:
    """What is under the chart: how to read it, what a broader figure is, and the sources."""
    lines = []
    if any(row.figure for row in data.rows):
        lines.append(
            "Balk: de middelste helft van de werknemers verdient tussen deze bedragen "
            "(25e tot 75e percentiel). Dikke streep: de mediaan, de helft verdient meer en de helft minder."
        )
    for row in data.rows:
        if row.is_broader:
            lines.append(
                f"{row.name}: het CBS publiceert geen loon voor '{row.figure.own_group_title}'; "
                f"dit is het cijfer van de bredere groep '{row.figure.group_title}'."
            )
        elif row.figure is None:
            lines.append(f"{row.name}: het CBS publiceert geen loon voor dit beroep in {data.year}.")
    if data.national is None:
        lines.append(f"Voor {data.year} is er geen CBS-cijfer van alle werknemers samen.")
    lines.append("Bron: " + "; ".join(source.citation for source in data.sources) + "." if data.sources else "")
    return [line for line in lines if line]


def _note_lines(data: Comparison, width: float) -> List[str]:
    return [line for note in notes(data) for line in wrap(note, width, SMALL_SIZE)]


def chart_height(data: Comparison, width: float = WIDTH) -> float:
    """Inches the chart block takes at this width (the PNG's height, a part of a lesson sheet page)."""
    return HEAD + ROW * len(data.rows) + 0.2 + AXIS + LEGEND + line_height(SMALL_SIZE) * len(_note_lines(data, width))


def draw_chart(fig: Figure, data: Comparison, left: float, top: float, width: float) -> float:
    """Draw the chart block on `fig` with its top-left corner at (left, top) inches from the figure's
    top-left; returns its height in inches. The caller holds MATPLOTLIB_LOCK."""
    fig_width, fig_height = fig.get_size_inches()

    def fx(x: float) -> float:
        return x / fig_width

    def fy(y: float) -> float:
        return 1 - y / fig_height

    fig.text(fx(left), fy(top), title(data), fontsize=TITLE_SIZE, fontweight="bold", va="top", family=FONT)
    axes_top = top + HEAD
    axes_height = ROW * len(data.rows) + 0.2
    axes_left = left + LABEL_WIDTH
    axes_width = width - LABEL_WIDTH - RIGHT_MARGIN
    ax = fig.add_axes([fx(axes_left), fy(axes_top + axes_height), fx(axes_width), axes_height / fig_height])
    _draw_bars(ax, data)

    legend_top = axes_top + axes_height + AXIS
    handles = _legend_handles(data)
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(fx(left), fy(legend_top)),
        ncol=2,
        fontsize=SMALL_SIZE,
        frameon=False,
        handlelength=2.2,
        borderaxespad=0,
    )
    y = legend_top + LEGEND
    for line in _note_lines(data, width):
        fig.text(fx(left), fy(y), line, fontsize=SMALL_SIZE, va="top", family=FONT)
        y += line_height(SMALL_SIZE)
    return chart_height(data, width)


def _x_max(data: Comparison) -> float:
    values = [row.figure.p75 for row in data.rows if row.figure]
    values += [data.national.median] if data.national else []
    # Room right of the longest bar for its median label.
    return max(values) * 1.5 if values else 1.0


def _draw_bars(ax, data: Comparison) -> None:
    x_max = _x_max(data)
    for i, row in enumerate(data.rows):
        figure = row.figure
        if figure is None:
            ax.text(x_max * 0.02, i, NO_FIGURE, va="center", fontsize=TEXT_SIZE, style="italic", family=FONT)
            continue
        ax.barh(
            i,
            figure.p75 - figure.p25,
            left=figure.p25,
            height=0.5,
            color=BROADER_FILL if row.is_broader else OWN_FILL,
            hatch=BROADER_HATCH if row.is_broader else OWN_HATCH,
            edgecolor=INK,
            linewidth=1,
        )
        ax.plot([figure.median, figure.median], [i - 0.3, i + 0.3], color=INK, linewidth=3.5, solid_capstyle="butt")
        ax.text(
            figure.p75 + x_max * 0.015,
            i,
            f"mediaan {euro_hourly(figure.median)}",
            va="center",
            fontsize=TEXT_SIZE,
            family=FONT,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},  # above the dashed national line
            zorder=5,
        )
    if data.national:
        median = data.national.median
        ax.axvline(median, color=INK, linestyle=(0, (4, 3)), linewidth=1.5)
        ax.text(
            median,
            1.02,
            f"alle werknemers: {euro_hourly(median)}",
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="bottom",
            fontsize=SMALL_SIZE,
            family=FONT,
        )
    ax.set_ylim(len(data.rows) - 0.5, -0.5)  # the first occupation on top
    ax.set_yticks(range(len(data.rows)))
    ax.set_yticklabels([row_label(row) for row in data.rows], fontsize=TEXT_SIZE + 1, family=FONT)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, x_max)
    if data.figures:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"€ {value:.0f}"))
        ax.tick_params(axis="x", labelsize=SMALL_SIZE)
        ax.set_xlabel("bruto uurloon in euro", fontsize=SMALL_SIZE, family=FONT)
        ax.grid(axis="x", color="#bbbbbb", linewidth=0.6)
        ax.set_axisbelow(True)
    else:
        ax.set_xticks([])  # nothing to measure: no axis that suggests numbers
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _legend_handles(data: Comparison) -> list:
    handles = []
    if any(row.figure and not row.is_broader for row in data.rows):
        handles.append(
            Patch(facecolor=OWN_FILL, hatch=OWN_HATCH, edgecolor=INK, label="middelste helft, eigen beroepsgroep")
        )
    if any(row.is_broader for row in data.rows):
        handles.append(
            Patch(facecolor=BROADER_FILL, hatch=BROADER_HATCH, edgecolor=INK, label="middelste helft, bredere groep")
        )
    if data.figures:
        handles.append(Line2D([], [], color=INK, linewidth=3.5, label="mediaan"))
    if data.national:
        handles.append(Line2D([], [], color=INK, linestyle=(0, (4, 3)), linewidth=1.5, label="mediaan alle werknemers"))
    return handles


def chart_file_name(data: Comparison) -> str:
    ids = "+".join(row.occupation_id for row in data.rows)
    return f"grafiek-{ids}-{data.year}-v{CHART_VERSION}-{data.fingerprint()}.png"


def _png(data: Comparison) -> bytes:
    out = BytesIO()
    with MATPLOTLIB_LOCK:
        fig = Figure(figsize=(WIDTH, chart_height(data) + 0.4), dpi=DPI, facecolor="white")
        FigureCanvasAgg(fig)
        draw_chart(fig, data, left=0.25, top=0.2, width=WIDTH - 0.25)
        fig.savefig(out, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
    return out.getvalue()


def render_comparison_chart(repository: Repository, infos: Sequence[OccupationInfo]) -> bytes:
    """The chart of 2–4 occupations as a PNG, from the cache when it was drawn before."""
    data = comparison(repository, infos)
    return cached(chart_file_name(data), lambda: _png(data))


# --- the same chart in words -------------------------------------------------------------


def _range(row: Row) -> str:
    figure = row.figure
    return (
        f"de middelste helft verdient tussen {euro_hourly(figure.p25)} en {euro_hourly(figure.p75)} per uur, "
        f"de mediaan is {euro_hourly(figure.median)}"
    )


def _row_sentence(row: Row, year: int) -> str:
    if row.figure is None:
        return f"{row.name}: geen CBS-cijfer voor {year}."
    if row.is_broader:
        return (
            f"{row.name}: geen eigen CBS-cijfer; het cijfer van de bredere groep '{row.figure.group_title}': "
            f"{_range(row)}."
        )
    return f"{row.name} (beroepsgroep '{row.figure.group_title}'): {_range(row)}."


def _sources(data: Comparison) -> str:
    return "Bron: " + "; ".join(source.citation for source in data.sources) + "." if data.sources else ""


def alt_text(data: Comparison) -> str:
    parts = [f"Grafiek van het bruto uurloon in {data.year} van {dutch_list([row.name for row in data.rows])}."]
    parts += [_row_sentence(row, data.year) for row in data.rows]
    if data.national:
        parts.append(f"De stippellijn is de mediaan van alle werknemers: {euro_hourly(data.national.median)} per uur.")
    else:
        parts.append(f"Er is geen CBS-cijfer van alle werknemers voor {data.year}.")
    parts.append(_sources(data))
    return " ".join(part for part in parts if part)


def _short(row: Row) -> str:
    if row.figure is None:
        return f"{row.name}: {NO_FIGURE}"
    return f"{row.name} {euro_hourly(row.figure.median)}" + (f" {BROADER_MARK}" if row.is_broader else "")


def caption(data: Comparison) -> str:
    guide = " (balk: middelste helft, streep: mediaan)" if any(row.figure for row in data.rows) else ""
    parts = [f"Bruto uurloon per uur in {data.year}{guide}.", " · ".join(_short(row) for row in data.rows) + "."]
    if data.national:
        parts.append(f"Alle werknemers: {euro_hourly(data.national.median)}.")
    parts.append(_sources(data))
    text = " ".join(part for part in parts if part)
    return text if len(text) <= MAX_CAPTION else text[: MAX_CAPTION - 1].rstrip() + "…"


def chart_text(repository: Repository, infos: Sequence[OccupationInfo]) -> ChartText:
    """The chart in words: alt text with every figure, year and source; a caption for under it."""
    data = comparison(repository, infos)
    return ChartText(alt_text(data), caption(data))


def chart_message(repository: Repository, infos: Sequence[OccupationInfo]) -> Dict[str, Dict[str, str]]:
    """The custom payload every channel shows as the chart:
    ``dispatcher.utter_message(custom=chart_message(repository, infos))``."""
    text = chart_text(repository, infos)
    url = public_url(chart_path([info.id for info in infos]))
    return {"chart": {"url": url, "alt": text.alt, "caption": text.caption}}
