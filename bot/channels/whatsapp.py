"""Rasa input channel for the WhatsApp Business Cloud API (Meta).

Register it in credentials.yml with::

    bot.channels.whatsapp.WhatsAppInput:

and configure it through environment variables (``WHATSAPP_SETTINGS`` below, see
docs/whatsapp.md). Meta then talks to ``/webhooks/whatsapp/webhook``:

* ``GET``  verification handshake (``hub.mode``, ``hub.verify_token``, ``hub.challenge``);
* ``POST`` message notifications, signed with ``X-Hub-Signature-256``
  (checked and parsed in ``meta_webhook``).

Replies go out through ``POST {WHATSAPP_API_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages``
(``whatsapp_output``).

Privacy: Rasa only ever sees ``hash_sender_id(phone)`` and ``hash_message_id(wamid)``
(a Meta message id contains the phone number in base64). The phone number lives in the
output channel created for one incoming message and is dropped when the bot has
answered; it is never logged and never part of the metadata stored in the tracker.
"""

import dataclasses
import hmac
import json
from typing import List, Mapping, Optional

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.base import BaseWhatsAppInput, MessageHandler, json_error
from bot.channels.dedupe import is_stale
from bot.channels.limits import MAX_META_BODY_BYTES
from bot.channels.meta_webhook import (
    IncomingMessage,
    PayloadError,
    parse_notification,
    signature_is_valid,
)
from bot.channels.settings import SENDER_ID_SECRET, ChannelSettings, Setting
from bot.channels.whatsapp_output import CHANNEL_NAME, WhatsAppOutput

# The key in credentials.yml is the variable's name in lower case, without WHATSAPP_.
WHATSAPP_SETTINGS = ChannelSettings(
    label="WhatsApp",
    settings=(
        Setting("WHATSAPP_VERIFY_TOKEN", "verify_token"),  # Meta's GET handshake
        Setting("WHATSAPP_APP_SECRET", "app_secret"),  # checks X-Hub-Signature-256
        Setting("WHATSAPP_ACCESS_TOKEN", "access_token"),  # sends the replies
        Setting("WHATSAPP_PHONE_NUMBER_ID", "phone_number_id"),
        SENDER_ID_SECRET,
        Setting("WHATSAPP_API_URL", "api_url", required=False, default="https://graph.facebook.com/v21.0"),
    ),
)


def whatsapp_status(env: Optional[Mapping[str, str]] = None) -> str:
    """One line for the launcher, e.g. "WhatsApp: aan" or
    "WhatsApp: uit (WHATSAPP_APP_SECRET ontbreekt)"."""
    return WHATSAPP_SETTINGS.status_line(env)


class WhatsAppInput(BaseWhatsAppInput):
    """WhatsApp Business Cloud API webhook (``/webhooks/whatsapp/webhook``)."""

    channel_name = CHANNEL_NAME
    channel_settings = WHATSAPP_SETTINGS
    output_class = WhatsAppOutput

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
                self._log.info("whatsapp: webhook verified by Meta")
                return response.text(challenge, status=200)
            self._log.warning("whatsapp: webhook verification refused")
            return response.text("Forbidden", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.missing_settings():
                # Fail closed: without the app secret we cannot tell Meta from anyone
                # else, without the sender-id secret we cannot keep numbers private.
                return json_error(503, "WhatsApp channel is not configured")
            raw_body = request.body or b""
            if len(raw_body) > MAX_META_BODY_BYTES:
                return json_error(413, "body too large")
            header = request.headers.get("x-hub-signature-256")
            if not header:
                return json_error(401, "missing X-Hub-Signature-256 header")
            if not signature_is_valid(self.app_secret or "", raw_body, header):
                self._log.warning("whatsapp: webhook call with an invalid signature refused")
                return json_error(403, "invalid signature")
            try:
                payload = json.loads(raw_body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                return json_error(400, "body is not valid JSON")
            try:
                messages, statuses = parse_notification(payload)
            except PayloadError as exc:
                return json_error(400, f"unexpected payload: {exc}")
            if statuses and not messages:
                self._log.debug("whatsapp: ignored %d status update(s)", statuses)
            work = await self._new_messages(messages)
            if work:
                # Answer Meta right away; Rasa may take a while.
                self.background.spawn(self._process(on_new_message, work))
            return response.json({"status": "received"})

        return webhook

    async def _new_messages(self, messages: List[IncomingMessage]) -> List[IncomingMessage]:
        """The messages to handle, each with its message id replaced by its keyed hash:
        not those sent more than a day ago, not those handled before."""
        work: List[IncomingMessage] = []
        stale = duplicates = 0
        for message in messages:
            if is_stale(message.timestamp):
                stale += 1
                continue
            hashed = await self._first_delivery(message.message_id)
            if hashed is None:
                duplicates += 1
            elif message.kind != "ignore":
                work.append(dataclasses.replace(message, message_id=hashed))
        if duplicates:
            self._log.info("whatsapp: ignored %d duplicate delivery(ies)", duplicates)
        if stale:
            self._log.info("whatsapp: dropped %d message(s) sent more than a day ago", stale)
        return work

    async def _process(self, on_new_message: MessageHandler, messages: List[IncomingMessage]) -> None:
        # One session for all messages of a notification.
        async with self._reply_session() as session:
            for message in messages:
                sender_id = self._sender_id(message.phone)
                if sender_id is None:
                    continue
                await self._handle_message(
                    session,
                    on_new_message,
                    sender_id,
                    message.phone,
                    message.message_id,
                    message.kind,
                    message.text,
                )
