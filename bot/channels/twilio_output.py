"""Rasa's responses as WhatsApp messages through Twilio's Messages API.

Without pre-approved templates WhatsApp via Twilio has no reply buttons, so buttons
become a numbered list; the offered payloads are remembered so that a reply "2" can
be mapped back (see ``TwilioWhatsAppInput._text_for_rasa``).
"""

from typing import Any, Dict, List, Mapping, Optional

import aiohttp

from bot.channels.base import BaseWhatsAppOutput
from bot.channels.chart_message import chart_in
from bot.channels.memory import ChoiceMemory
from bot.channels.text import split_text, truncate

CHANNEL_NAME = "twilio_whatsapp"
MAX_BODY_LENGTH = 1600  # Twilio's limit for one WhatsApp message body

CHOOSE_HINT = "Typ het nummer van uw keuze."


def _with_whatsapp_prefix(number: str) -> str:
    number = (number or "").strip()
    return number if number.lower().startswith("whatsapp:") else f"whatsapp:{number}"


class TwilioWhatsAppOutput(BaseWhatsAppOutput):
    """Sends Rasa's responses for one incoming message through Twilio."""

    channel_name = CHANNEL_NAME

    def __init__(
        self,
        session: aiohttp.ClientSession,
        recipients: Dict[str, str],
        settings: Mapping[str, str],
        choices: Optional[ChoiceMemory] = None,
        **options: Any,
    ) -> None:
        """``settings``: the channel's settings (``api_url``, ``account_sid``,
        ``auth_token`` and ``from_number`` are used); ``choices``: where numbered
        options are remembered; ``options``: see ``BaseWhatsAppOutput``."""
        api_url = settings["api_url"].rstrip("/")
        account_sid = settings["account_sid"]
        messages_url = f"{api_url}/2010-04-01/Accounts/{account_sid}/Messages.json"
        super().__init__(session, messages_url, recipients, **options)
        self.auth = aiohttp.BasicAuth(account_sid, settings["auth_token"])
        self.from_number = _with_whatsapp_prefix(settings["from_number"])
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

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        """``custom: {chart: {...}}`` becomes a message with the image (MediaUrl) and its
        caption; other custom payloads are for other channels."""
        chart = chart_in(json_message)
        if chart is None:
            self._log.debug("%s: custom payload ignored", CHANNEL_NAME)
            return
        fields = {"MediaUrl": chart.url}
        if chart.caption:
            fields["Body"] = truncate(chart.caption, MAX_BODY_LENGTH)
        await self._send(recipient_id, fields, "chart")

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
