"""Dutch notation for figures: '€ 23,00', '€ 3.790', '4,7%', '26.000'."""

from typing import Optional, Sequence

from occupations.figures import PayFigure


def _dutch_digits(text: str) -> str:
    # Python formats 1,234.50; Dutch writes 1.234,50.
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def euro_hourly(amount: float) -> str:
    return "€ " + _dutch_digits(f"{amount:,.2f}")


def euro_rounded(amount: float) -> str:
    """A week, month or year of pay rounded to tens: that arithmetic is approximate anyway."""
    return "€ " + _dutch_digits(f"{round(amount, -1):,.0f}")


def count(number: Optional[int]) -> str:
    return "onbekend" if number is None else _dutch_digits(f"{number:,d}")


def percent(value: float, decimals: int = 1) -> str:
    text = _dutch_digits(f"{value:.{decimals}f}")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}%"


def share(fraction: Optional[float]) -> str:
    """A share 0..1 as a percentage."""
    return "onbekend" if fraction is None else percent(fraction * 100)


SMALL_WOMEN_COUNT = 10_000  # CBS counts people in thousands: below this a share is rough


def women_share(fraction: Optional[float], jobs: Optional[int]) -> str:
    """The share of women as far as CBS's counts in thousands carry it: none counted is not "0%"
    but too few to count, and a share of a few thousand is said to be rough."""
    if fraction is None:
        return "onbekend"
    women = fraction * jobs if jobs else None
    if women is not None and women < 500:
        return "bijna geen (het CBS telt in duizenden en komt hier op nul uit)"
    if women is not None and women < SMALL_WOMEN_COUNT:
        return f"{share(fraction)} (een ruw cijfer: het CBS telt in duizenden)"
    return share(fraction)


def period(text: str) -> str:
    """'2025 Q4' as Dutch prose: 'het 4e kwartaal van 2025'."""
    year, _, quarter = text.partition(" Q")
    return f"het {quarter}e kwartaal van {year}" if quarter else text


def growth_since_last_year(pct: Optional[float]) -> str:
    """'6,2% meer dan een jaar eerder', or 'evenveel als een jaar eerder'."""
    return f"{growth(pct)} {'als' if pct == 0 else 'dan'} een jaar eerder"


def growth(pct: Optional[float]) -> str:
    if pct is None:
        return "groei onbekend"
    if pct > 0:
        return f"{percent(pct)} meer"
    if pct < 0:
        return f"{percent(-pct)} minder"
    return "evenveel"


def median_pay(figure: PayFigure) -> str:
    """A median hourly wage in one line: the amount, the group it describes, source and year."""
    group = "bredere groep" if figure.is_broader else "groep"
    return f"{euro_hourly(figure.median)} bruto per uur ({group} '{figure.group_title}', {figure.source.citation})"


def dutch_list(words: Sequence[str], last: str = "en") -> str:
    """'elektricien, kapper en lasser' (or '... of ...')."""
    words = list(words)
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {last} " + words[-1]
