"""Rasa's responses as WhatsApp Cloud API messages: text split to the API's limits,
up to three options as reply buttons, more as interactive lists."""

from typing import Any, Dict, List, Mapping

import aiohttp

from bot.channels.base import BaseWhatsAppOutput
from bot.channels.chart_message import chart_in
from bot.channels.text import split_text, truncate, unique_titles

CHANNEL_NAME = "whatsapp"

# Limits of the WhatsApp Cloud API.
MAX_TEXT_LENGTH = 4096
MAX_INTERACTIVE_BODY = 1024
MAX_CAPTION = 1024  # an image's caption
MAX_REPLY_BUTTONS = 3
MAX_BUTTON_TITLE = 20
MAX_BUTTON_ID = 256
MAX_LIST_ROWS = 10
MAX_ROW_TITLE = 24
MAX_ROW_DESCRIPTION = 72
MAX_ROW_ID = 200
MAX_LIST_BUTTON = 20
MAX_SECTION_TITLE = 24

# Dutch texts a parent reads ("u"-form, plain language).
CHOOSE_PROMPT = "Maak een keuze:"
LIST_BUTTON_LABEL = "Bekijk de opties"
LIST_SECTION_TITLE = "Opties"
MORE_OPTIONS_PROMPT = "Meer opties:"


def _button_payload(button: Dict[str, Any]) -> str:
    return str(button.get("payload") or button.get("title") or "").strip()


class WhatsAppOutput(BaseWhatsAppOutput):
    """Sends Rasa's responses for one incoming message through the Graph API."""

    channel_name = CHANNEL_NAME

    def __init__(
        self,
        session: aiohttp.ClientSession,
        recipients: Dict[str, str],
        settings: Mapping[str, str],
        **options: Any,
    ) -> None:
        """``settings``: the channel's settings (``api_url``, ``phone_number_id`` and
        ``access_token`` are used); ``options``: see ``BaseWhatsAppOutput``."""
        api_url = settings["api_url"].rstrip("/")
        messages_url = f"{api_url}/{settings['phone_number_id']}/messages"
        super().__init__(session, messages_url, recipients, **options)
        self.access_token = settings["access_token"]

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
            self._log.debug("whatsapp: non-text attachment dropped")

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        """``custom: {whatsapp: {...}}`` in a response is sent as a raw Cloud API
        message (``to`` and ``messaging_product`` are filled in); ``custom: {chart: {...}}``
        as an image message with its caption. Other custom payloads are for other
        channels and are not shown to parents as JSON."""
        raw = json_message.get("whatsapp") if isinstance(json_message, dict) else None
        chart = chart_in(json_message)
        if isinstance(raw, dict) and raw.get("type"):
            await self._send(recipient_id, dict(raw), f"custom {raw.get('type')}")
        elif chart:
            image = {"link": chart.url}
            if chart.caption:
                image["caption"] = truncate(chart.caption, MAX_CAPTION)
            await self._send(recipient_id, {"type": "image", "image": image}, "chart")
        else:
            self._log.debug("whatsapp: custom payload without a 'whatsapp' message or chart ignored")

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

    def _id_for(self, button: Dict[str, Any], limit: int) -> str:
        payload = _button_payload(button)
        if len(payload) <= limit:
            return payload
        # Too long for WhatsApp: send the title, which Rasa's NLU can still parse.
        self._log.warning("whatsapp: button payload longer than %d characters; using title", limit)
        return str(button.get("title") or "")[:limit]

    def _reply_buttons(self, body: str, buttons: List[Dict[str, Any]]) -> Dict[str, Any]:
        titles = unique_titles([str(b.get("title") or _button_payload(b)) for b in buttons], MAX_BUTTON_TITLE)
        return {
            "type": "interactive",
            "interactive": {
                "type": "button",
                "body": {"text": body},
                "action": {
                    "buttons": [
                        {"type": "reply", "reply": {"id": self._id_for(b, MAX_BUTTON_ID), "title": title}}
                        for b, title in zip(buttons, titles, strict=True)
                    ]
                },
            },
        }

    def _list(self, body: str, buttons: List[Dict[str, Any]]) -> Dict[str, Any]:
        full_titles = [" ".join(str(b.get("title") or _button_payload(b)).split()) for b in buttons]
        titles = unique_titles(full_titles, MAX_ROW_TITLE)
        rows = []
        for button, full, title in zip(buttons, full_titles, titles, strict=True):
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
                    "sections": [{"title": truncate(LIST_SECTION_TITLE, MAX_SECTION_TITLE), "rows": rows}],
                },
            },
        }
