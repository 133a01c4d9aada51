"""The base classes both WhatsApp channels (Meta's Cloud API and Twilio) build on:
``BaseWhatsAppOutput`` sends the answers to one incoming message,
``BaseWhatsAppInput`` receives webhook calls and hands messages to Rasa.

Nothing here may log a phone number or a message text: logs name a sender by
``short_id`` only. Rasa never sees a raw message id (``hash_message_id``) and never
more than ``MAX_TEXT_CHARS`` characters.
"""

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Type

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.background import BackgroundTasks, describe_exception
from bot.channels.dedupe import DuplicateCheck, SeenStore
from bot.channels.limits import TOO_LONG_REPLY_PARENT, cap_request_size, too_long
from bot.channels.memory import SeenMessages
from bot.channels.sending import post_with_retry
from bot.channels.settings import ChannelSettings
from bot.privacy import MissingSecretError, hash_message_id, hash_sender_id, short_id

# Dutch texts a parent reads ("u"-form, plain language).
ONLY_TEXT_REPLY = "Sorry, ik kan alleen tekstberichten lezen. Wilt u uw vraag in een bericht typen?"

# Both channels reach parents on WhatsApp, so the tracker sees the same metadata
# whichever provider carried the message.
MESSAGE_METADATA = {"channel": "whatsapp", "doelgroep": "ouder"}

MessageHandler = Callable[[UserMessage], Awaitable[Any]]


def json_error(status: int, message: str) -> HTTPResponse:
    """The JSON error answer both webhooks give: ``{"error": message}``."""
    return response.json({"error": message}, status=status)


class _ChannelIdentity:
    """Name and logger of a concrete channel, for both its input and output side."""

    channel_name = ""  # set by each channel; Rasa asks for it through name()

    @classmethod
    def name(cls) -> str:
        return cls.channel_name

    @property
    def _log(self) -> logging.Logger:
        # One logger per channel, named like the module registered in credentials.yml
        # (bot.channels.whatsapp, bot.channels.twilio_whatsapp), wherever the code lives.
        return logging.getLogger(f"{__package__}.{self.channel_name}")


class BaseWhatsAppOutput(_ChannelIdentity, OutputChannel):
    """Sends Rasa's responses for one incoming message (WhatsApp via some provider).

    ``recipients`` maps the hashed sender id Rasa uses to the phone number; it exists
    only for the lifetime of this object. Subclasses say how a message becomes an
    HTTP request (``_request_arguments``) and how Rasa's responses become messages.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        messages_url: str,
        recipients: Dict[str, str],
        *,
        retry_attempts: int = 3,
        retry_base_delay: float = 0.5,
        request_timeout: float = 10.0,
    ) -> None:
        self.session = session
        self.messages_url = messages_url
        self._recipients = dict(recipients)
        self.retry_attempts = retry_attempts
        self.retry_base_delay = retry_base_delay
        self.request_timeout = request_timeout

    def forget_recipients(self) -> None:
        self._recipients.clear()

    def _request_arguments(self, phone: str, message: Dict[str, Any]) -> Dict[str, Any]:
        """Body and authentication for ``post_with_retry`` (e.g. ``json_body`` and
        ``headers``, or ``form`` and ``auth``)."""
        raise NotImplementedError

    async def _send(self, recipient_id: str, message: Dict[str, Any], what: str) -> None:
        phone = self._recipients.get(recipient_id)
        if not phone:
            self._log.warning(
                "%s: no active conversation for %s; %s not sent", self.name(), short_id(recipient_id), what
            )
            return
        # Failures are logged by post_with_retry; the conversation goes on regardless.
        await post_with_retry(
            self.session,
            self.messages_url,
            channel=self.name(),
            what=what,
            recipient_label=short_id(recipient_id),
            sensitive=[phone],
            attempts=self.retry_attempts,
            base_delay=self.retry_base_delay,
            timeout=self.request_timeout,
            **self._request_arguments(phone, message),
        )


class BaseWhatsAppInput(_ChannelIdentity, InputChannel):
    """What both webhook channels share: their settings, retry settings, the memory
    of handled message ids, background tasks and the flow that hands one incoming
    message to Rasa with an output channel for the answer.

    Each channel describes its settings in ``channel_settings`` (they become
    attributes of the same name; SENDER_ID_SECRET must be among them), names its
    ``output_class`` and adds ``/webhook`` to the blueprint.
    """

    channel_settings: ChannelSettings
    output_class: Type[BaseWhatsAppOutput]

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "BaseWhatsAppInput":
        """Settings come from the environment; a non-empty value under the setting's
        key in credentials.yml wins."""
        return cls(**cls.channel_settings.read(credentials))

    def __init__(
        self,
        *,
        retry_attempts: int = 3,
        retry_base_delay: float = 0.5,
        request_timeout: float = 10.0,
        dedupe_size: int = 10_000,
        dedupe_ttl_seconds: float = 24 * 3600,
        seen_store: Optional[SeenStore] = None,
        **settings: Optional[str],
    ) -> None:
        """``settings``: values for ``channel_settings`` by name; defaults fill the rest.
        ``seen_store``: where handled message ids last (default: ``open_seen_store()``
        on the first message)."""
        for name, value in self.channel_settings.with_defaults(settings).items():
            setattr(self, name, value)
        self.retry_attempts = retry_attempts
        self.retry_base_delay = retry_base_delay
        self.request_timeout = request_timeout
        self.seen = DuplicateCheck(SeenMessages(dedupe_size, dedupe_ttl_seconds), seen_store)
        self.background = BackgroundTasks()
        missing = self.missing_settings()
        if missing:
            self._log.warning(
                "%s: channel registered but not configured (%s missing or too short); webhook calls will be refused",
                self.name(),
                ", ".join(missing),
            )

    def _setting_values(self) -> Dict[str, Optional[str]]:
        return {name: getattr(self, name) for name in self.channel_settings.names}

    def missing_settings(self) -> List[str]:
        """Environment variable names of the required settings that have no value."""
        return self.channel_settings.missing(self._setting_values())

    def get_output_channel(self) -> Optional[OutputChannel]:
        # Rasa only knows hashed sender ids, so it cannot start a conversation with
        # a parent on its own (reminders, trigger_intent). That is by design.
        return None

    async def wait_for_background_tasks(self, timeout: Optional[float] = None) -> None:
        await self.background.wait(timeout)

    def _webhook_blueprint(self, blueprint_name: str) -> Blueprint:
        """A blueprint with the health check at ``/``; the subclass adds ``/webhook``."""
        webhook = Blueprint(blueprint_name, type(self).__module__)
        webhook.listener("before_server_start")(cap_request_size)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        return webhook

    async def _first_delivery(self, message_id: str) -> Optional[str]:
        """The keyed hash of ``message_id`` if this delivery is new, None for a duplicate.

        The raw id goes no further than this: the hash is what the duplicate check
        stores and what Rasa gets as the message id."""
        hashed = hash_message_id(message_id, self.sender_id_secret)
        return None if await self.seen.seen_before(hashed) else hashed

    def _sender_id(self, phone: str) -> Optional[str]:
        """The hashed id Rasa knows the sender by, or None (logged) if there is none."""
        try:
            return hash_sender_id(phone, self.sender_id_secret)
        except (MissingSecretError, ValueError) as exc:
            self._log.error("%s: cannot derive a sender id (%s); message dropped", self.name(), type(exc).__name__)
            return None

    def _reply_session(self) -> aiohttp.ClientSession:
        # Session-wide cap; each send also sets its own timeout in post_with_retry.
        timeout = aiohttp.ClientTimeout(total=self.request_timeout * 2)
        return aiohttp.ClientSession(timeout=timeout)

    def _output_options(self) -> Dict[str, Any]:
        """Keyword arguments for ``output_class`` besides the settings: the retries."""
        return {
            "retry_attempts": self.retry_attempts,
            "retry_base_delay": self.retry_base_delay,
            "request_timeout": self.request_timeout,
        }

    def _output_for(self, session: aiohttp.ClientSession, sender_id: str, phone: str) -> BaseWhatsAppOutput:
        """The output channel that answers this one sender (and alone knows the number)."""
        settings = {name: value or "" for name, value in self._setting_values().items()}
        return self.output_class(session, {sender_id: phone}, settings, **self._output_options())

    def _text_for_rasa(self, sender_id: str, text: str) -> str:
        """Hook to rewrite the text before Rasa sees it; unchanged by default."""
        return text

    async def _handle_message(
        self,
        session: aiohttp.ClientSession,
        on_new_message: MessageHandler,
        sender_id: str,
        phone: str,
        message_id: str,
        kind: str,
        text: str,
    ) -> None:
        """Give one message to Rasa (``kind`` "text") or answer that only text is
        understood (``kind`` "unsupported") or that it is too long; the number is
        forgotten afterwards. ``message_id`` is already hashed."""
        output = self._output_for(session, sender_id, phone)
        try:
            if kind == "unsupported":
                await output.send_text_message(sender_id, ONLY_TEXT_REPLY)
                return
            if too_long(text):
                self._log.info(
                    "%s: refused a message of %d characters from %s", self.name(), len(text), short_id(sender_id)
                )
                await output.send_text_message(sender_id, TOO_LONG_REPLY_PARENT)
                return
            text = self._text_for_rasa(sender_id, text)
            await on_new_message(
                UserMessage(
                    text,
                    output,
                    sender_id,
                    input_channel=self.name(),
                    message_id=message_id,
                    metadata=dict(MESSAGE_METADATA),
                )
            )
        except Exception as exc:
            # Keep the server alive; log the traceback with the number scrubbed out.
            self._log.error(
                "%s: handling a message for %s failed: %s",
                self.name(),
                short_id(sender_id),
                describe_exception(exc, [phone]),
            )
        finally:
            output.forget_recipients()
