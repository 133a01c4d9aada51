"""Rasa input/output channel for the WhatsApp Business Cloud API (Meta).

Register it in credentials.yml with::

    bot.channels.whatsapp.WhatsAppInput:

and configure it through environment variables (see docs/whatsapp.md). Meta then
talks to ``/webhooks/whatsapp/webhook``:

* ``GET``  verification handshake (``hub.mode``, ``hub.verify_token``, ``hub.challenge``);
* ``POST`` message notifications, signed with ``X-Hub-Signature-256``.

Replies go out through ``POST {WHATSAPP_API_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages``.

Privacy: Rasa only ever sees ``hash_sender_id(phone)``. The phone number lives in the
output channel created for one incoming message and is dropped when the bot has
answered; it is never logged and never part of the metadata stored in the tracker.
"""

import hashlib
import hmac
import json
import logging
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

import aiohttp
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

# The base class sends ONLY_TEXT_REPLY; it stays importable from here as before.
from bot.channels.common import ONLY_TEXT_REPLY  # noqa: F401
from bot.channels.common import (
    BaseWhatsAppInput,
    BaseWhatsAppOutput,
    MessageHandler,
    json_error,
    setting,
    split_text,
    status_line,
    truncate,
    unique_titles,
)
from bot.privacy import SENDER_ID_SECRET_ENV, redact

logger = logging.getLogger(__name__)

CHANNEL_NAME = "whatsapp"
DEFAULT_API_URL = "https://graph.facebook.com/v21.0"

# Limits of the WhatsApp Cloud API.
MAX_TEXT_LENGTH = 4096
MAX_INTERACTIVE_BODY = 1024
MAX_REPLY_BUTTONS = 3
MAX_BUTTON_TITLE = 20
MAX_BUTTON_ID = 256
MAX_LIST_ROWS = 10
MAX_ROW_TITLE = 24
MAX_ROW_DESCRIPTION = 72
MAX_ROW_ID = 200
MAX_LIST_BUTTON = 20
MAX_SECTION_TITLE = 24

# Dutch texts a parent reads ("u"-form, plain language); ONLY_TEXT_REPLY is in common.
CHOOSE_PROMPT = "Maak een keuze:"
LIST_BUTTON_LABEL = "Bekijk de opties"
LIST_SECTION_TITLE = "Opties"
MORE_OPTIONS_PROMPT = "Meer opties:"

ENV_VERIFY_TOKEN = "WHATSAPP_VERIFY_TOKEN"
ENV_APP_SECRET = "WHATSAPP_APP_SECRET"
ENV_ACCESS_TOKEN = "WHATSAPP_ACCESS_TOKEN"
ENV_PHONE_NUMBER_ID = "WHATSAPP_PHONE_NUMBER_ID"
ENV_API_URL = "WHATSAPP_API_URL"
REQUIRED_ENV = (
    ENV_VERIFY_TOKEN,
    ENV_APP_SECRET,
    ENV_ACCESS_TOKEN,
    ENV_PHONE_NUMBER_ID,
    SENDER_ID_SECRET_ENV,
)


def whatsapp_status(env: Optional[Mapping[str, str]] = None) -> str:
    """One line for the launcher, e.g. "WhatsApp: aan" or
    "WhatsApp: uit (WHATSAPP_APP_SECRET ontbreekt)"."""
    return status_line("WhatsApp", REQUIRED_ENV, env)


def signature_is_valid(app_secret: str, raw_body: bytes, header: Optional[str]) -> bool:
    """Check ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>``."""
    if not app_secret or not header:
        return False
    prefix = "sha256="
    if not header.startswith(prefix):
        return False
    expected = hmac.new(app_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header[len(prefix) :].strip().lower())


class PayloadError(ValueError):
    """The webhook body does not have the shape Meta documents."""


@dataclass
class IncomingMessage:
    message_id: str
    phone: str
    kind: str  # "text" (send to Rasa), "unsupported" (answer ONLY_TEXT_REPLY), "ignore"
    text: str = ""


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
                messages.append(_parse_message(raw))
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
        _require(isinstance(text, dict) and isinstance(text.get("body"), str),
                 "text message without 'text.body'")
        body = text["body"].strip()
        return IncomingMessage(message_id, phone, "text" if body else "ignore", body)

    if kind == "interactive":
        interactive = raw.get("interactive")
        _require(isinstance(interactive, dict), "interactive message without 'interactive'")
        reply_type = interactive.get("type")
        if reply_type in ("button_reply", "list_reply"):
            reply = interactive.get(reply_type)
            _require(isinstance(reply, dict) and isinstance(reply.get("id"), str),
                     f"'{reply_type}' without an 'id'")
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


def _button_payload(button: Dict[str, Any]) -> str:
    return str(button.get("payload") or button.get("title") or "").strip()


class WhatsAppOutput(BaseWhatsAppOutput):
    """Sends Rasa's responses for one incoming message through the Graph API."""

    channel_name = CHANNEL_NAME

    def __init__(
        self,
        session: aiohttp.ClientSession,
        api_url: str,
        phone_number_id: str,
        access_token: str,
        recipients: Dict[str, str],
        **retry_settings: Any,
    ) -> None:
        """``retry_settings``: see ``BaseWhatsAppOutput``."""
        messages_url = f"{api_url.rstrip('/')}/{phone_number_id}/messages"
        super().__init__(session, messages_url, recipients, **retry_settings)
        self.access_token = access_token

    def _request_arguments(self, phone: str, message: Dict[str, Any]) -> Dict[str, Any]:
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": phone}
        body.update(message)
        return {"json_body": body, "headers": {"Authorization": f"Bearer {self.access_token}"}}

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for chunk in split_text(text, MAX_TEXT_LENGTH):
            await self._send(
                recipient_id,
                {"type": "text", "text": {"body": chunk, "preview_url": "http" in chunk}},
                "text",
            )

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._send(recipient_id, {"type": "image", "image": {"link": image}}, "image")

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        # Rasa attachments are usually links; a link in text works on every phone.
        if isinstance(attachment, str):
            await self.send_text_message(recipient_id, attachment)
        else:
            logger.debug("whatsapp: non-text attachment dropped")

    async def send_custom_json(
        self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any
    ) -> None:
        """``custom: {whatsapp: {...}}`` in a response is sent as a raw Cloud API
        message (``to`` and ``messaging_product`` are filled in). Other custom payloads
        are for other channels and are not shown to parents as JSON."""
        raw = json_message.get("whatsapp") if isinstance(json_message, dict) else None
        if isinstance(raw, dict) and raw.get("type"):
            await self._send(recipient_id, dict(raw), f"custom {raw.get('type')}")
        else:
            logger.debug("whatsapp: custom payload without a 'whatsapp' message ignored")

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        text = (text or "").strip()
        link_buttons = [b for b in buttons if b.get("url")]
        reply_buttons = [b for b in buttons if not b.get("url") and _button_payload(b)]
        if link_buttons:
            links = "\n".join(f"{b.get('title') or 'Link'}: {b['url']}" for b in link_buttons)
            text = f"{text}\n\n{links}".strip()
        if not reply_buttons:
            if text:
                await self.send_text_message(recipient_id, text)
            return

        # Interactive bodies are limited to 1,024 characters; longer text goes first
        # as normal text messages.
        body = text
        if len(body) > MAX_INTERACTIVE_BODY:
            await self.send_text_message(recipient_id, body)
            body = CHOOSE_PROMPT
        body = body or CHOOSE_PROMPT

        if len(reply_buttons) <= MAX_REPLY_BUTTONS:
            await self._send(recipient_id, self._reply_buttons(body, reply_buttons), "buttons")
            return
        for start in range(0, len(reply_buttons), MAX_LIST_ROWS):
            part = reply_buttons[start : start + MAX_LIST_ROWS]
            await self._send(
                recipient_id,
                self._list(body if start == 0 else MORE_OPTIONS_PROMPT, part),
                "list",
            )

    @staticmethod
    def _id_for(button: Dict[str, Any], limit: int) -> str:
        payload = _button_payload(button)
        if len(payload) <= limit:
            return payload
        # Too long for WhatsApp: send the title, which Rasa's NLU can still parse.
        logger.warning("whatsapp: button payload longer than %d characters; using title", limit)
        return str(button.get("title") or "")[:limit]

    def _reply_buttons(self, body: str, buttons: List[Dict[str, Any]]) -> Dict[str, Any]:
        titles = unique_titles([str(b.get("title") or _button_payload(b)) for b in buttons],
                               MAX_BUTTON_TITLE)
        return {
            "type": "interactive",
            "interactive": {
                "type": "button",
                "body": {"text": body},
                "action": {
                    "buttons": [
                        {"type": "reply",
                         "reply": {"id": self._id_for(b, MAX_BUTTON_ID), "title": title}}
                        for b, title in zip(buttons, titles)
                    ]
                },
            },
        }

    def _list(self, body: str, buttons: List[Dict[str, Any]]) -> Dict[str, Any]:
        full_titles = [" ".join(str(b.get("title") or _button_payload(b)).split())
                       for b in buttons]
        titles = unique_titles(full_titles, MAX_ROW_TITLE)
        rows = []
        for button, full, title in zip(buttons, full_titles, titles):
            row = {"id": self._id_for(button, MAX_ROW_ID), "title": title}
            if title != full:
                # Show the whole option text under the shortened title.
                row["description"] = truncate(full, MAX_ROW_DESCRIPTION)
            rows.append(row)
        return {
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": {"text": body},
                "action": {
                    "button": truncate(LIST_BUTTON_LABEL, MAX_LIST_BUTTON),
                    "sections": [{"title": truncate(LIST_SECTION_TITLE, MAX_SECTION_TITLE),
                                  "rows": rows}],
                },
            },
        }


class WhatsAppInput(BaseWhatsAppInput):
    """WhatsApp Business Cloud API webhook (``/webhooks/whatsapp/webhook``)."""

    channel_name = CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "WhatsAppInput":
        """Settings come from the environment; a non-empty value under the same key
        (lower case, without the ``WHATSAPP_`` prefix) in credentials.yml wins."""
        return cls(
            verify_token=setting(credentials, "verify_token", ENV_VERIFY_TOKEN),
            app_secret=setting(credentials, "app_secret", ENV_APP_SECRET),
            access_token=setting(credentials, "access_token", ENV_ACCESS_TOKEN),
            phone_number_id=setting(credentials, "phone_number_id", ENV_PHONE_NUMBER_ID),
            api_url=setting(credentials, "api_url", ENV_API_URL, DEFAULT_API_URL),
            sender_id_secret=setting(credentials, "sender_id_secret", SENDER_ID_SECRET_ENV),
        )

    def __init__(
        self,
        verify_token: Optional[str],
        app_secret: Optional[str],
        access_token: Optional[str],
        phone_number_id: Optional[str],
        api_url: str = DEFAULT_API_URL,
        **shared_settings: Any,
    ) -> None:
        """``shared_settings``: sender_id_secret, retry and dedupe settings, see
        ``BaseWhatsAppInput``."""
        self.verify_token = verify_token
        self.app_secret = app_secret
        self.access_token = access_token
        self.phone_number_id = phone_number_id
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")
        super().__init__(**shared_settings)

    def _required_settings(self) -> Dict[str, Optional[str]]:
        return {
            ENV_VERIFY_TOKEN: self.verify_token,
            ENV_APP_SECRET: self.app_secret,
            ENV_ACCESS_TOKEN: self.access_token,
            ENV_PHONE_NUMBER_ID: self.phone_number_id,
            SENDER_ID_SECRET_ENV: self.sender_id_secret,
        }

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        webhook = self._webhook_blueprint("whatsapp_cloud_webhook")

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            mode = request.args.get("hub.mode")
            token = request.args.get("hub.verify_token") or ""
            challenge = request.args.get("hub.challenge") or ""
            if (
                self.verify_token
                and mode == "subscribe"
                and hmac.compare_digest(token.encode("utf-8"), self.verify_token.encode("utf-8"))
            ):
                logger.info("whatsapp: webhook verified by Meta")
                return response.text(challenge, status=200)
            logger.warning("whatsapp: webhook verification refused")
            return response.text("Forbidden", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            missing = self.missing_settings()
            if missing:
                # Fail closed: without the app secret we cannot tell Meta from anyone
                # else, without the sender-id secret we cannot keep numbers private.
                return json_error(503, "WhatsApp channel is not configured")
            raw_body = request.body or b""
            header = request.headers.get("x-hub-signature-256")
            if not header:
                return json_error(401, "missing X-Hub-Signature-256 header")
            if not signature_is_valid(self.app_secret or "", raw_body, header):
                logger.warning("whatsapp: webhook call with an invalid signature refused")
                return json_error(403, "invalid signature")
            try:
                payload = json.loads(raw_body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                return json_error(400, "body is not valid JSON")
            try:
                messages, statuses = parse_notification(payload)
            except PayloadError as exc:
                return json_error(400, f"unexpected payload: {exc}")

            fresh = [m for m in messages if not self.seen.check_and_add(m.message_id)]
            duplicates = len(messages) - len(fresh)
            if duplicates:
                logger.info("whatsapp: ignored %d duplicate delivery(ies)", duplicates)
            if statuses and not messages:
                logger.debug("whatsapp: ignored %d status update(s)", statuses)
            work = [m for m in fresh if m.kind != "ignore"]
            if work:
                # Answer Meta right away; Rasa may take a while.
                self.background.spawn(self._process(on_new_message, work))
            return response.json({"status": "received"})

        return webhook

    async def _process(
        self, on_new_message: MessageHandler, messages: List[IncomingMessage]
    ) -> None:
        # One session for all messages of a notification.
        async with self._reply_session() as session:
            for message in messages:
                sender_id = self._sender_id(message.phone)
                if sender_id is None:
                    continue
                await self._handle_message(
                    session, on_new_message, sender_id, message.phone,
                    message.message_id, message.kind, message.text,
                )

    def _output_for(
        self, session: aiohttp.ClientSession, sender_id: str, phone: str
    ) -> WhatsAppOutput:
        return WhatsAppOutput(
            session,
            self.api_url,
            self.phone_number_id or "",
            self.access_token or "",
            recipients={sender_id: phone},
            **self.retry_settings,
        )
