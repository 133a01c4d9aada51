"""What the school-site widget may post to the REST channel, checked before Rasa sees it.

A request is ``{"sender": "<32 hex>", "message": "<text>"}`` as JSON. Everything else
a client sends (``metadata``, ``input_channel``, ``stream``, other keys) is ignored, so
a client cannot choose its audience, pose as WhatsApp or fill the tracker with its own
data. Each problem becomes a ``RestRequestError`` with a status and a Dutch message.
"""

import json
import re
from dataclasses import dataclass
from typing import Optional

from bot.channels.limits import MAX_REST_BODY_BYTES

# The widget's conversation id: 16 random bytes as lowercase hex (bot/widget/kansrijk-widget.js).
SENDER_ID_FORMAT = re.compile(r"[0-9a-f]{32}")


class RestRequestError(ValueError):
    """A request the channel refuses: ``status`` (4xx) and a ``message`` in Dutch."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class RestMessage:
    sender_id: str
    text: str


def check_content_type(content_type: Optional[str]) -> None:
    """Only JSON: a browser then always asks (CORS preflight) before it sends, so a
    site that is not allowed cannot even make the bot answer."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise RestRequestError(415, "Stuur de vraag als JSON (Content-Type: application/json).")


def parse_rest_request(body: Optional[bytes]) -> RestMessage:
    """The sender id and the text of one request body, or ``RestRequestError``."""
    body = body or b""
    if len(body) > MAX_REST_BODY_BYTES:
        raise RestRequestError(413, "De aanvraag is te groot.")
    if not body.strip():
        raise RestRequestError(400, 'De aanvraag is leeg: stuur {"sender": ..., "message": ...}.')
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):  # invalid JSON or UTF-8, or nested too deep
        raise RestRequestError(400, "De aanvraag is geen geldige JSON.") from None
    if not isinstance(payload, dict):
        raise RestRequestError(400, 'De aanvraag moet een JSON-object zijn: {"sender": ..., "message": ...}.')
    sender = payload.get("sender")
    if sender is None or sender == "":
        raise RestRequestError(400, "De aanvraag heeft geen sender (gespreks-id).")
    if not isinstance(sender, str) or not SENDER_ID_FORMAT.fullmatch(sender):
        raise RestRequestError(400, "De sender (gespreks-id) moet uit 32 hexadecimale tekens (0-9, a-f) bestaan.")
    text = payload.get("message")
    if text is None:
        raise RestRequestError(400, "De aanvraag heeft geen message (de vraag).")
    if not isinstance(text, str):
        raise RestRequestError(400, "De message (de vraag) moet tekst zijn.")
    return RestMessage(sender, text)
