"""Rasa input channel for WhatsApp through Twilio (alternative to Meta's Cloud API,
e.g. for schools that already have a Twilio account).

Register it in credentials.yml with::

    bot.channels.twilio_whatsapp.TwilioWhatsAppInput:

and configure it through environment variables (``TWILIO_SETTINGS`` below, see
docs/whatsapp.md). Twilio posts form-encoded messages to
``/webhooks/twilio_whatsapp/webhook``, signed with ``X-Twilio-Signature``
(``twilio_signature``). Replies go to Twilio's Messages API (``twilio_output``).

WhatsApp via Twilio has no reply buttons without pre-approved templates, so Rasa
buttons become a numbered list; a reply "2" is mapped back to the second button's
payload (remembered in memory per hashed sender id, for an hour).
"""

from typing import Any, Dict, List, Mapping, Optional
from urllib.parse import parse_qs, urlsplit, urlunsplit

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.base import BaseWhatsAppInput, MessageHandler, json_error
from bot.channels.limits import MAX_TWILIO_BODY_BYTES, MAX_TWILIO_FIELDS
from bot.channels.memory import ChoiceMemory
from bot.channels.settings import SENDER_ID_SECRET, ChannelSettings, Setting
from bot.channels.twilio_output import CHANNEL_NAME, TwilioWhatsAppOutput
from bot.channels.twilio_signature import signature_has_shape, signature_is_valid
from bot.privacy import normalize_phone

TWILIO_SETTINGS = ChannelSettings(
    label="WhatsApp via Twilio",
    settings=(
        Setting("TWILIO_ACCOUNT_SID", "account_sid"),
        Setting("TWILIO_AUTH_TOKEN", "auth_token"),  # also checks Twilio's signature
        Setting("TWILIO_WHATSAPP_FROM", "whatsapp_from", attribute="from_number"),
        SENDER_ID_SECRET,
        Setting("TWILIO_API_URL", "api_url", required=False, default="https://api.twilio.com"),
        # The public URL as entered at Twilio, for when a proxy changes what we see.
        Setting("TWILIO_WEBHOOK_URL", "webhook_url", required=False),
    ),
)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def twilio_whatsapp_status(env: Optional[Mapping[str, str]] = None) -> str:
    """One line for the launcher, e.g. "WhatsApp via Twilio: uit (niet ingesteld)"."""
    return TWILIO_SETTINGS.status_line(env)


class TwilioWhatsAppInput(BaseWhatsAppInput):
    """Twilio WhatsApp webhook (``/webhooks/twilio_whatsapp/webhook``)."""

    channel_name = CHANNEL_NAME
    channel_settings = TWILIO_SETTINGS
    output_class = TwilioWhatsAppOutput

    def __init__(self, **settings: Any) -> None:
        """``settings``: see ``BaseWhatsAppInput``."""
        super().__init__(**settings)
        self.choices = ChoiceMemory()

    def _signed_urls(self, request: Request) -> List[str]:
        if self.webhook_url:
            return [self.webhook_url]
        urls = [request.url]
        forwarded_proto = (request.headers.get("x-forwarded-proto") or "").split(",")[0].strip()
        if forwarded_proto in ("http", "https"):
            urls.append(urlunsplit(urlsplit(request.url)._replace(scheme=forwarded_proto)))
        return urls

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        webhook = self._webhook_blueprint("twilio_whatsapp_webhook")

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.missing_settings():
                return json_error(503, "Twilio WhatsApp channel is not configured")
            header = request.headers.get("x-twilio-signature")
            if not header:
                return json_error(401, "missing X-Twilio-Signature header")
            if not signature_has_shape(header):
                return json_error(403, "invalid signature")
            # Twilio signs the parsed parameters, so the body is parsed before the
            # check: bounded in size and in fields, so that costs next to nothing.
            body = request.body or b""
            if len(body) > MAX_TWILIO_BODY_BYTES:
                return json_error(413, "body too large")
            try:
                params = parse_qs(
                    body.decode("utf-8"), keep_blank_values=True, strict_parsing=False, max_num_fields=MAX_TWILIO_FIELDS
                )
            except (UnicodeDecodeError, ValueError):
                return json_error(400, "body is not form-encoded")
            if not signature_is_valid(self.auth_token or "", self._signed_urls(request), params, header):
                self._log.warning("%s: webhook call with an invalid signature refused", CHANNEL_NAME)
                return json_error(403, "invalid signature")

            def first(name: str) -> str:
                values = params.get(name) or [""]
                return values[0].strip()

            if first("MessageStatus") and not first("Body"):
                return _twiml()  # a delivery status callback, nothing to answer
            message_sid = first("MessageSid") or first("SmsMessageSid")
            sender = first("From")
            if not message_sid or not normalize_phone(sender):
                return json_error(400, "missing MessageSid or From")
            hashed_sid = await self._first_delivery(message_sid)
            if hashed_sid is None:
                self._log.info("%s: ignored a duplicate delivery", CHANNEL_NAME)
                return _twiml()

            text = first("ButtonPayload") or first("Body")
            try:
                media_count = int(first("NumMedia") or 0)
            except ValueError:
                media_count = 0
            if text:
                kind = "text"
            elif media_count > 0 or first("Latitude"):
                kind = "unsupported"
            else:
                return _twiml()
            self.background.spawn(self._process(on_new_message, sender, text, kind, hashed_sid))
            return _twiml()

        return webhook

    async def _process(
        self,
        on_new_message: MessageHandler,
        phone: str,
        text: str,
        kind: str,
        hashed_sid: str,
    ) -> None:
        sender_id = self._sender_id(phone)
        if sender_id is None:
            return
        async with self._reply_session() as session:
            await self._handle_message(session, on_new_message, sender_id, phone, hashed_sid, kind, text)

    def _output_options(self) -> Dict[str, Any]:
        # The output remembers the numbered options it offers; _text_for_rasa reads them.
        return dict(super()._output_options(), choices=self.choices)

    def _text_for_rasa(self, sender_id: str, text: str) -> str:
        # A bare number answers the numbered options of the bot's last turn.
        text = self.choices.resolve(sender_id, text) or text
        self.choices.forget(sender_id)
        return text


def _twiml() -> HTTPResponse:
    return response.text(EMPTY_TWIML, content_type="text/xml")
