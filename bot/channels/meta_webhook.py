"""What Meta posts to the WhatsApp webhook: checking its signature and turning the
JSON body into the messages the bot should handle."""

import hashlib
import hmac
import logging
import re
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from bot.privacy import redact

logger = logging.getLogger(__name__)


_SIGNATURE_FORMAT = re.compile(r"sha256=([0-9a-fA-F]{64})")


def signature_is_valid(app_secret: str, raw_body: bytes, header: Optional[str]) -> bool:
    """Check ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>``.

    A header that is not exactly that shape (other characters, non-ASCII, another
    length) is invalid at once; the digests are compared as bytes."""
    if not app_secret or not header:
        return False
    shape = _SIGNATURE_FORMAT.fullmatch(header.strip())
    if shape is None:
        return False
    expected = hmac.new(app_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest().encode("ascii")
    return hmac.compare_digest(expected, shape.group(1).lower().encode("ascii"))


class PayloadError(ValueError):
    """The webhook body does not have the shape Meta documents."""


@dataclass
class IncomingMessage:
    message_id: str
    phone: str
    kind: str  # "text" (send to Rasa), "unsupported" (answer ONLY_TEXT_REPLY), "ignore"
    text: str = ""
    timestamp: Optional[float] = None  # when the parent sent it (Unix seconds), if Meta says


def _timestamp(raw: dict) -> Optional[float]:
    """Meta sends the time as a string of Unix seconds; anything else counts as unknown."""
    value = raw.get("timestamp")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if 0 <= seconds < 1e11 else None  # no NaN, no infinity, no year 5000


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise PayloadError(problem)


def parse_notification(payload: Any) -> Tuple[List[IncomingMessage], int]:
    """Turn a webhook body into messages; also return how many status updates it had.

    Raises ``PayloadError`` if the body is not shaped like
    ``{"object": "whatsapp_business_account", "entry": [{"changes": [{"value": {...}}]}]}``.
    Validation covers the whole body before anything is processed.
    """
    _require(isinstance(payload, dict), "body must be a JSON object")
    _require(
        payload.get("object") == "whatsapp_business_account",
        "'object' must be 'whatsapp_business_account'",
    )
    entries = payload.get("entry")
    _require(isinstance(entries, list), "'entry' must be a list")
    messages: List[IncomingMessage] = []
    statuses = 0
    for entry in entries:
        _require(isinstance(entry, dict), "each entry must be an object")
        changes = entry.get("changes", [])
        _require(isinstance(changes, list), "'entry[].changes' must be a list")
        for change in changes:
            _require(isinstance(change, dict), "each change must be an object")
            value = change.get("value")
            _require(isinstance(value, dict), "'changes[].value' must be an object")
            if change.get("field", "messages") != "messages":
                continue  # account or template updates: not for the bot
            status_list = value.get("statuses", [])
            _require(isinstance(status_list, list), "'value.statuses' must be a list")
            statuses += len(status_list)
            _log_failed_statuses(status_list)
            raw_messages = value.get("messages", [])
            _require(isinstance(raw_messages, list), "'value.messages' must be a list")
            for raw in raw_messages:
                message = _parse_message(raw)
                message.timestamp = _timestamp(raw)
                messages.append(message)
    return messages, statuses


def _parse_message(raw: Any) -> IncomingMessage:
    _require(isinstance(raw, dict), "each message must be an object")
    message_id = raw.get("id")
    phone = raw.get("from")
    kind = raw.get("type")
    _require(isinstance(message_id, str) and bool(message_id), "message 'id' missing")
    _require(isinstance(phone, str) and bool(phone), "message 'from' missing")
    _require(isinstance(kind, str) and bool(kind), "message 'type' missing")

    if kind == "text":
        text = raw.get("text")
        _require(isinstance(text, dict) and isinstance(text.get("body"), str), "text message without 'text.body'")
        body = text["body"].strip()
        return IncomingMessage(message_id, phone, "text" if body else "ignore", body)

    if kind == "interactive":
        interactive = raw.get("interactive")
        _require(isinstance(interactive, dict), "interactive message without 'interactive'")
        reply_type = interactive.get("type")
        if reply_type in ("button_reply", "list_reply"):
            reply = interactive.get(reply_type)
            _require(isinstance(reply, dict) and isinstance(reply.get("id"), str), f"'{reply_type}' without an 'id'")
            # Our button ids are Rasa payloads ("/ask_route"); fall back to the title.
            text = reply["id"].strip() or str(reply.get("title") or "").strip()
            return IncomingMessage(message_id, phone, "text" if text else "ignore", text)
        return IncomingMessage(message_id, phone, "unsupported")

    if kind == "button":
        # Quick-reply button of a template message.
        button = raw.get("button")
        _require(isinstance(button, dict), "button message without 'button'")
        text = str(button.get("payload") or button.get("text") or "").strip()
        return IncomingMessage(message_id, phone, "text" if text else "ignore", text)

    if kind in ("reaction", "system", "request_welcome"):
        # An emoji reaction to an earlier message, a number change notice, or an
        # open-chat event: nothing to answer.
        return IncomingMessage(message_id, phone, "ignore")

    # image, audio, video, document, sticker, location, contacts, order, unsupported, ...
    return IncomingMessage(message_id, phone, "unsupported")


def _log_failed_statuses(statuses: List[Any]) -> None:
    """Status callbacks are ignored, except that delivery failures are worth a log
    line (without the recipient's number)."""
    for status in statuses:
        if isinstance(status, dict) and status.get("status") == "failed":
            errors = status.get("errors") or []
            first = errors[0] if errors and isinstance(errors[0], dict) else {}
            logger.warning(
                "whatsapp: Meta reports a failed delivery (code %s: %s)",
                redact(first.get("code", "?")),
                redact(str(first.get("title", "unknown"))[:120]),
            )
