"""Rasa input/output channel for WhatsApp through Twilio (alternative to Meta's
Cloud API, e.g. for schools that already have a Twilio account).

Register it in credentials.yml with::

    bot.channels.twilio_whatsapp.TwilioWhatsAppInput:

Twilio posts form-encoded messages to ``/webhooks/twilio_whatsapp/webhook``, signed
with ``X-Twilio-Signature`` (base64 HMAC-SHA1 of the URL plus the sorted POST
parameters, keyed with the auth token). Replies go to Twilio's Messages API.

WhatsApp via Twilio has no reply buttons without pre-approved templates, so Rasa
buttons become a numbered list; a reply "2" is mapped back to the second button's
payload (remembered in memory per hashed sender id, for an hour).
"""

import base64
import hashlib
import hmac
import logging
from typing import Any, Dict, List, Mapping, Optional
from urllib.parse import parse_qs, urlsplit, urlunsplit

import aiohttp
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

# The base class sends ONLY_TEXT_REPLY; it stays importable from here as before.
from bot.channels.common import ONLY_TEXT_REPLY  # noqa: F401
from bot.channels.common import (
    BaseWhatsAppInput,
    BaseWhatsAppOutput,
    ChoiceMemory,
    MessageHandler,
    json_error,
    setting,
    split_text,
    status_line,
)
from bot.privacy import SENDER_ID_SECRET_ENV, normalize_phone

logger = logging.getLogger(__name__)

CHANNEL_NAME = "twilio_whatsapp"
DEFAULT_API_URL = "https://api.twilio.com"
MAX_BODY_LENGTH = 1600  # Twilio's limit for one WhatsApp message body

CHOOSE_HINT = "Typ het nummer van uw keuze."

ENV_ACCOUNT_SID = "TWILIO_ACCOUNT_SID"
ENV_AUTH_TOKEN = "TWILIO_AUTH_TOKEN"
ENV_FROM = "TWILIO_WHATSAPP_FROM"
ENV_API_URL = "TWILIO_API_URL"
ENV_WEBHOOK_URL = "TWILIO_WEBHOOK_URL"
REQUIRED_ENV = (ENV_ACCOUNT_SID, ENV_AUTH_TOKEN, ENV_FROM, SENDER_ID_SECRET_ENV)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def twilio_whatsapp_status(env: Optional[Mapping[str, str]] = None) -> str:
    """One line for the launcher, e.g. "WhatsApp via Twilio: uit (niet ingesteld)"."""
    return status_line("WhatsApp via Twilio", REQUIRED_ENV, env)


def compute_twilio_signature(auth_token: str, url: str, params: Mapping[str, List[str]]) -> str:
    """Twilio's request signature: base64(HMAC-SHA1(token, url + k1 + v1 + k2 + v2 ...))
    with parameter names sorted (and the values of a repeated name sorted too)."""
    data = url
    for name in sorted(params):
        for value in sorted(set(params[name])):
            data += name + value
    digest = hmac.new(auth_token.encode("utf-8"), data.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def _port_variants(url: str) -> List[str]:
    """The URL with and without its default port: Twilio is not consistent."""
    parts = urlsplit(url)
    variants = [url]
    host = parts.hostname or ""
    if parts.port:
        variants.append(urlunsplit(parts._replace(netloc=host)))
    else:
        default = 443 if parts.scheme == "https" else 80
        variants.append(urlunsplit(parts._replace(netloc=f"{host}:{default}")))
    return variants


def signature_is_valid(
    auth_token: str, urls: List[str], params: Mapping[str, List[str]], header: Optional[str]
) -> bool:
    if not auth_token or not header:
        return False
    given = header.strip().encode("utf-8")
    valid = False
    for url in urls:
        for variant in _port_variants(url):
            expected = compute_twilio_signature(auth_token, variant, params).encode("utf-8")
            # Evaluate every candidate so timing does not reveal which one matched.
            valid = hmac.compare_digest(expected, given) or valid
    return valid


def _with_whatsapp_prefix(number: str) -> str:
    number = (number or "").strip()
    return number if number.lower().startswith("whatsapp:") else f"whatsapp:{number}"


class TwilioWhatsAppOutput(BaseWhatsAppOutput):
    """Sends Rasa's responses for one incoming message through Twilio."""

    channel_name = CHANNEL_NAME

    def __init__(
        self,
        session: aiohttp.ClientSession,
        api_url: str,
        account_sid: str,
        auth_token: str,
        from_number: str,
        recipients: Dict[str, str],
        choices: Optional[ChoiceMemory] = None,
        **retry_settings: Any,
    ) -> None:
        """``retry_settings``: see ``BaseWhatsAppOutput``."""
        messages_url = f"{api_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        super().__init__(session, messages_url, recipients, **retry_settings)
        self.auth = aiohttp.BasicAuth(account_sid, auth_token)
        self.from_number = _with_whatsapp_prefix(from_number)
        self.choices = choices

    def _request_arguments(self, phone: str, fields: Dict[str, Any]) -> Dict[str, Any]:
        form = {"To": _with_whatsapp_prefix(phone), "From": self.from_number}
        form.update(fields)
        return {"form": form, "auth": self.auth}

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for chunk in split_text(text, MAX_BODY_LENGTH):
            await self._send(recipient_id, {"Body": chunk}, "text")

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._send(recipient_id, {"MediaUrl": image}, "image")

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        if isinstance(attachment, str):
            await self.send_text_message(recipient_id, attachment)

    async def send_custom_json(
        self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any
    ) -> None:
        logger.debug("%s: custom payload ignored", CHANNEL_NAME)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        lines: List[str] = []
        payloads: List[str] = []
        links: List[str] = []
        for button in buttons:
            title = " ".join(str(button.get("title") or "").split())
            if button.get("url"):
                links.append(f"{title or 'Link'}: {button['url']}")
                continue
            payload = str(button.get("payload") or title).strip()
            if not payload:
                continue
            payloads.append(payload)
            lines.append(f"{len(payloads)}. {title or payload}")
        parts = [(text or "").strip()]
        if lines:
            parts.append("\n".join(lines) + f"\n\n{CHOOSE_HINT}")
        if links:
            parts.append("\n".join(links))
        if self.choices is not None:
            if payloads:
                self.choices.remember(recipient_id, payloads)
            else:
                self.choices.forget(recipient_id)
        await self.send_text_message(recipient_id, "\n\n".join(p for p in parts if p))


class TwilioWhatsAppInput(BaseWhatsAppInput):
    """Twilio WhatsApp webhook (``/webhooks/twilio_whatsapp/webhook``)."""

    channel_name = CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "TwilioWhatsAppInput":
        return cls(
            account_sid=setting(credentials, "account_sid", ENV_ACCOUNT_SID),
            auth_token=setting(credentials, "auth_token", ENV_AUTH_TOKEN),
            from_number=setting(credentials, "whatsapp_from", ENV_FROM),
            api_url=setting(credentials, "api_url", ENV_API_URL, DEFAULT_API_URL),
            webhook_url=setting(credentials, "webhook_url", ENV_WEBHOOK_URL),
            sender_id_secret=setting(credentials, "sender_id_secret", SENDER_ID_SECRET_ENV),
        )

    def __init__(
        self,
        account_sid: Optional[str],
        auth_token: Optional[str],
        from_number: Optional[str],
        api_url: str = DEFAULT_API_URL,
        webhook_url: Optional[str] = None,
        **shared_settings: Any,
    ) -> None:
        """``shared_settings``: sender_id_secret, retry and dedupe settings, see
        ``BaseWhatsAppInput``."""
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.from_number = from_number
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")
        self.webhook_url = webhook_url
        self.choices = ChoiceMemory()
        super().__init__(**shared_settings)

    def _required_settings(self) -> Dict[str, Optional[str]]:
        return {
            ENV_ACCOUNT_SID: self.account_sid,
            ENV_AUTH_TOKEN: self.auth_token,
            ENV_FROM: self.from_number,
            SENDER_ID_SECRET_ENV: self.sender_id_secret,
        }

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
            try:
                params = parse_qs((request.body or b"").decode("utf-8"),
                                  keep_blank_values=True)
            except (UnicodeDecodeError, ValueError):
                return json_error(400, "body is not form-encoded")
            if not signature_is_valid(self.auth_token or "", self._signed_urls(request),
                                      params, header):
                logger.warning("%s: webhook call with an invalid signature refused",
                               CHANNEL_NAME)
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
            if self.seen.check_and_add(message_sid):
                logger.info("%s: ignored a duplicate delivery", CHANNEL_NAME)
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
            self.background.spawn(
                self._process(on_new_message, sender, text, kind, message_sid)
            )
            return _twiml()

        return webhook

    async def _process(
        self,
        on_new_message: MessageHandler,
        phone: str,
        text: str,
        kind: str,
        message_sid: str,
    ) -> None:
        sender_id = self._sender_id(phone)
        if sender_id is None:
            return
        async with self._reply_session() as session:
            await self._handle_message(
                session, on_new_message, sender_id, phone, message_sid, kind, text
            )

    def _output_for(
        self, session: aiohttp.ClientSession, sender_id: str, phone: str
    ) -> TwilioWhatsAppOutput:
        return TwilioWhatsAppOutput(
            session,
            self.api_url,
            self.account_sid or "",
            self.auth_token or "",
            self.from_number or "",
            recipients={sender_id: phone},
            choices=self.choices,
            **self.retry_settings,
        )

    def _text_for_rasa(self, sender_id: str, text: str) -> str:
        # A bare number answers the numbered options of the bot's last turn.
        text = self.choices.resolve(sender_id, text) or text
        self.choices.forget(sender_id)
        return text


def _twiml() -> HTTPResponse:
    return response.text(EMPTY_TWIML, content_type="text/xml")
