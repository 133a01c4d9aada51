"""The REST channel the school-site widget talks to, with the project's input limits.

Register it in credentials.yml instead of Rasa's own ``rest:``::

    bot.channels.rest.KansrijkRestInput:

It keeps Rasa's name and URL (``POST /webhooks/rest/webhook``, answers as a JSON list
of bot messages), but unlike Rasa's channel it

* refuses anything but ``{"sender": "<32 hex>", "message": "<text>"}`` as JSON with a
  4xx JSON error (``rest_request``), and ignores client metadata and ``input_channel``;
* answers text above ``MAX_TEXT_CHARS`` itself, in Dutch, without asking Rasa;
* caps what the Rasa server reads of any request (``cap_request_size``);
* logs a failure without the pupil's text.
"""

import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.background import describe_exception
from bot.channels.limits import TOO_LONG_REPLY_PUPIL, cap_request_size, too_long
from bot.channels.rest_request import RestRequestError, check_content_type, parse_rest_request
from bot.privacy import short_id

logger = logging.getLogger(__name__)

FAILURE_MESSAGE = "De chatbot kan je vraag nu niet beantwoorden. Probeer het zo nog eens."

MessageHandler = Callable[[UserMessage], Awaitable[Any]]


class KansrijkRestInput(RestInput):
    """Rasa's REST channel (same name, same URL) with bounded, checked input."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        webhook = Blueprint("kansrijk_rest_webhook", __name__)
        webhook.listener("before_server_start")(cap_request_size)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                check_content_type(request.headers.get("content-type"))
                message = parse_rest_request(request.body)
            except RestRequestError as error:
                return response.json({"error": error.message}, status=error.status)
            if too_long(message.text):
                logger.info(
                    "rest: refused a message of %d characters from %s", len(message.text), short_id(message.sender_id)
                )
                return response.json([{"recipient_id": message.sender_id, "text": TOO_LONG_REPLY_PUPIL}])
            return await self._answer(on_new_message, message.sender_id, message.text)

        return webhook

    async def _answer(self, on_new_message: MessageHandler, sender_id: str, text: str) -> HTTPResponse:
        """Rasa's answers to one message; on a failure whatever was said so far."""
        collector = CollectingOutputChannel()
        try:
            # No metadata: what a client sends there would be stored as sent.
            await on_new_message(UserMessage(text, collector, sender_id, input_channel=self.name(), metadata=None))
        except CancelledError:
            logger.error("rest: answering %s took too long; request cancelled", short_id(sender_id))
            raise
        except Exception as exc:
            logger.error("rest: answering %s failed: %s", short_id(sender_id), describe_exception(exc))
            if not collector.messages:
                return response.json({"error": FAILURE_MESSAGE}, status=503)
        return response.json(collector.messages)
