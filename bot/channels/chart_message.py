"""The chart an action sends as ``custom: {"chart": {"url", "alt", "caption"}}``, read the same
way by every channel (the widget reads the same shape in kansrijk-widget.js)."""

from dataclasses import dataclass
from typing import Any, Optional


@dataclass(frozen=True)
class ChartMessage:
    url: str  # absolute http(s) address of the PNG
    alt: str  # every figure in words, for screen readers
    caption: str  # short text for under the image


def chart_in(custom: Any) -> Optional[ChartMessage]:
    """The chart in a custom payload, or None when there is none or its address is no web address."""
    chart = custom.get("chart") if isinstance(custom, dict) else None
    if not isinstance(chart, dict):
        return None
    url = chart.get("url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return None

    def text(key: str) -> str:
        value = chart.get(key)
        return value.strip() if isinstance(value, str) else ""

    return ChartMessage(url, text("alt"), text("caption"))
