"""Pieces shared by the WhatsApp channels: settings, de-duplication, text splitting,
retrying HTTP sends, background-task bookkeeping, and the base classes
``BaseWhatsAppOutput`` / ``BaseWhatsAppInput`` that both channels build on.

Nothing here may log a phone number. Callers pass the numbers they hold to
``post_with_retry`` so that error texts coming back from an API are scrubbed.
"""

import asyncio
import logging
import os
import time
import traceback
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Mapping, Optional, Set

import aiohttp
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage

from bot.privacy import MissingSecretError, hash_sender_id, redact, short_id

logger = logging.getLogger(__name__)

ELLIPSIS = "…"

# Dutch texts a parent reads ("u"-form, plain language).
ONLY_TEXT_REPLY = (
    "Sorry, ik kan alleen tekstberichten lezen. Wilt u uw vraag in een bericht typen?"
)

# Both channels reach parents on WhatsApp, so the tracker sees the same metadata
# whichever provider carried the message.
MESSAGE_METADATA = {"channel": "whatsapp", "doelgroep": "ouder"}


def setting(
    credentials: Optional[Mapping[str, Any]],
    key: str,
    env_var: str,
    default: Optional[str] = None,
    env: Optional[Mapping[str, str]] = None,
) -> Optional[str]:
    """A value from credentials.yml if set there, else from the environment.

    Empty strings count as missing, so ``key:`` without a value in credentials.yml
    falls through to the environment variable.
    """
    value = (credentials or {}).get(key)
    if value is None or str(value).strip() == "":
        value = (os.environ if env is None else env).get(env_var)
    if value is None or str(value).strip() == "":
        return default
    return str(value).strip()


def status_line(
    label: str, required: Iterable[str], env: Optional[Mapping[str, str]] = None
) -> str:
    """``"<label>: aan"`` or ``"<label>: uit (X ontbreekt)"`` for the launcher."""
    source = os.environ if env is None else env
    required = list(required)
    missing = [name for name in required if not (source.get(name) or "").strip()]
    if not missing:
        return f"{label}: aan"
    if len(missing) == len(required):
        return f"{label}: uit (niet ingesteld)"
    verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
    return f"{label}: uit ({', '.join(missing)} {verb})"


class SeenMessages:
    """Bounded memory of message ids already accepted (LRU with a time-to-live).

    Meta and Twilio retry webhooks they think failed; a retried delivery must not
    make the bot answer twice.
    """

    def __init__(self, max_size: int = 10_000, ttl_seconds: float = 24 * 3600) -> None:
        self.max_size = max_size
        self.ttl_seconds = ttl_seconds
        self._seen: "OrderedDict[str, float]" = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def check_and_add(self, message_id: str) -> bool:
        """Record ``message_id``; return True if it had been seen before."""
        now = time.monotonic()
        self._expire(now)
        if message_id in self._seen:
            self._seen.move_to_end(message_id)
            return True
        self._seen[message_id] = now
        while len(self._seen) > self.max_size:
            self._seen.popitem(last=False)
        return False

    def _expire(self, now: float) -> None:
        while self._seen:
            oldest_id, added = next(iter(self._seen.items()))
            if now - added <= self.ttl_seconds:
                break
            del self._seen[oldest_id]


class ChoiceMemory:
    """Short-lived memory of the options last offered to a (hashed) sender.

    Used by channels that render buttons as a numbered list: a reply "2" is turned
    back into the second button's payload. Keyed by the hashed sender id, never by
    a phone number.
    """

    def __init__(self, max_size: int = 10_000, ttl_seconds: float = 3600) -> None:
        self.max_size = max_size
        self.ttl_seconds = ttl_seconds
        self._choices: "OrderedDict[str, tuple]" = OrderedDict()

    def remember(self, sender_id: str, payloads: List[str]) -> None:
        self._choices.pop(sender_id, None)
        self._choices[sender_id] = (time.monotonic(), list(payloads))
        while len(self._choices) > self.max_size:
            self._choices.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        self._choices.pop(sender_id, None)

    def resolve(self, sender_id: str, text: str) -> Optional[str]:
        """The payload for a numeric reply, or None."""
        entry = self._choices.get(sender_id)
        if entry is None:
            return None
        added, payloads = entry
        if time.monotonic() - added > self.ttl_seconds:
            self._choices.pop(sender_id, None)
            return None
        candidate = text.strip().rstrip(".)")
        if not candidate.isdigit():
            return None
        index = int(candidate) - 1
        if 0 <= index < len(payloads):
            return payloads[index]
        return None


def truncate(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters, ending in "…", on a word boundary
    when that does not lose too much."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + ELLIPSIS


def unique_titles(titles: List[str], limit: int) -> List[str]:
    """Truncate titles to ``limit`` and make them unique (WhatsApp rejects duplicate
    button titles), adding " 2", " 3", ... where truncation made two equal."""
    result: List[str] = []
    for title in titles:
        candidate = truncate(title, limit) or "-"
        counter = 2
        while candidate in result:
            suffix = f" {counter}"
            candidate = truncate(title, limit - len(suffix)) + suffix
            counter += 1
        result.append(candidate)
    return result


_SENTENCE_ENDS = (". ", "! ", "? ", ".\n", "!\n", "?\n")


def split_text(text: str, limit: int) -> List[str]:
    """Split ``text`` into chunks of at most ``limit`` characters.

    Prefers paragraph breaks, then line breaks, then sentence ends, then spaces;
    only cuts inside a word when nothing else fits.
    """
    text = (text or "").strip()
    chunks: List[str] = []
    while len(text) > limit:
        window = text[:limit]
        cut = -1
        minimum = limit // 3  # do not produce tiny chunks just to hit a boundary
        for separator in ("\n\n", "\n"):
            position = window.rfind(separator)
            if position >= minimum:
                cut = position
                break
        if cut < 0:
            best = max(window.rfind(end) for end in _SENTENCE_ENDS)
            if best >= minimum:
                cut = best + 1  # keep the punctuation with its sentence
        if cut < 0:
            position = window.rfind(" ")
            if position >= minimum:
                cut = position
        if cut <= 0:
            cut = limit
        chunk = text[:cut].rstrip()
        if chunk:
            chunks.append(chunk)
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks


class BackgroundTasks:
    """Keeps references to fire-and-forget tasks so they are not garbage-collected,
    and lets tests (or a shutdown hook) wait for them."""

    def __init__(self) -> None:
        self._tasks: Set[asyncio.Task] = set()

    def __len__(self) -> int:
        return len(self._tasks)

    def spawn(self, coroutine: Awaitable[Any], name: str = "channel") -> asyncio.Task:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # The coroutines catch their own errors; this is a last resort and
            # deliberately logs only the exception type.
            logger.error(
                "Background message task failed: %s", type(task.exception()).__name__
            )

    async def wait(self, timeout: Optional[float] = None) -> None:
        """Wait until all current (and newly spawned) tasks are done."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._tasks:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if remaining == 0.0:
                raise asyncio.TimeoutError("background tasks still running")
            await asyncio.wait(set(self._tasks), timeout=remaining)


def describe_exception(exc: BaseException, sensitive: Iterable[str] = ()) -> str:
    """The exception with its traceback, phone numbers scrubbed, for an error log."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return redact(text.rstrip(), sensitive)


class SendResult:
    """Outcome of ``post_with_retry``: ``ok``, ``status`` (last HTTP status or None),
    ``attempts`` and the parsed JSON body of a successful answer."""

    def __init__(self, ok: bool, status: Optional[int], attempts: int, body: Any = None) -> None:
        self.ok = ok
        self.status = status
        self.attempts = attempts
        self.body = body

    def __bool__(self) -> bool:
        return self.ok


def _error_summary(body: Any) -> str:
    """A short description of an API error body (Graph API or Twilio)."""
    if isinstance(body, dict):
        error = body.get("error") if isinstance(body.get("error"), dict) else body
        parts = [
            str(error.get(key))
            for key in ("code", "type", "message", "error_user_msg", "more_info")
            if error.get(key) not in (None, "")
        ]
        if parts:
            return " / ".join(parts)[:300]
    if isinstance(body, str):
        return body[:300]
    return ""


async def post_with_retry(
    session: aiohttp.ClientSession,
    url: str,
    *,
    channel: str,
    what: str,
    recipient_label: str,
    sensitive: Iterable[str] = (),
    json_body: Optional[Dict[str, Any]] = None,
    form: Optional[Dict[str, Any]] = None,
    headers: Optional[Dict[str, str]] = None,
    auth: Optional[aiohttp.BasicAuth] = None,
    attempts: int = 3,
    base_delay: float = 0.5,
    max_delay: float = 8.0,
    timeout: float = 10.0,
) -> SendResult:
    """POST to a messaging API, retrying transient failures with exponential backoff.

    Retried: connection errors, timeouts, HTTP 429 and 5xx. Not retried: other 4xx
    (the request itself is wrong; retrying would not help). Never raises for
    network or HTTP errors. Logs mention ``recipient_label`` (a hashed-id prefix),
    never the phone number; anything echoed by the API is scrubbed with ``redact``.
    """
    sensitive = [value for value in sensitive if value]
    attempts = max(1, int(attempts))
    status: Optional[int] = None
    for attempt in range(1, attempts + 1):
        problem = ""
        retryable = True
        try:
            async with session.post(
                url,
                json=json_body,
                data=form,
                headers=headers,
                auth=auth,
                timeout=aiohttp.ClientTimeout(total=timeout),
            ) as response:
                status = response.status
                try:
                    body: Any = await response.json(content_type=None)
                except (ValueError, aiohttp.ClientError):
                    body = None
                if 200 <= status < 300:
                    return SendResult(True, status, attempt, body)
                retryable = status == 429 or status >= 500
                problem = f"HTTP {status}"
                summary = _error_summary(body)
                if summary:
                    problem += f" ({summary})"
        except asyncio.TimeoutError:
            problem = "timeout"
        except aiohttp.ClientError as exc:
            problem = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # never let a send crash the conversation
            problem = f"unexpected {type(exc).__name__}: {exc}"
            retryable = False

        problem = redact(problem, sensitive)
        if retryable and attempt < attempts:
            delay = min(max_delay, base_delay * (2 ** (attempt - 1)))
            logger.warning(
                "%s: sending %s to %s failed (%s), attempt %d/%d; retrying in %.2fs",
                channel, what, recipient_label, problem, attempt, attempts, delay,
            )
            await asyncio.sleep(delay)
            continue
        logger.error(
            "%s: giving up sending %s to %s after %d attempt(s): %s",
            channel, what, recipient_label, attempt, problem,
        )
        return SendResult(False, status, attempt)
    return SendResult(False, status, attempts)  # pragma: no cover (loop always returns)


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
        # Log under the concrete channel's module (bot.channels.whatsapp, ...), so
        # logging configuration keyed on those names keeps working.
        return logging.getLogger(type(self).__module__)


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
        self.failed_sends = 0

    def forget_recipients(self) -> None:
        self._recipients.clear()

    def _request_arguments(self, phone: str, message: Dict[str, Any]) -> Dict[str, Any]:
        """Body and authentication for ``post_with_retry`` (e.g. ``json_body`` and
        ``headers``, or ``form`` and ``auth``)."""
        raise NotImplementedError

    async def _send(self, recipient_id: str, message: Dict[str, Any], what: str) -> bool:
        phone = self._recipients.get(recipient_id)
        if not phone:
            self._log.warning("%s: no active conversation for %s; %s not sent",
                              self.name(), short_id(recipient_id), what)
            return False
        result = await post_with_retry(
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
        if not result:
            self.failed_sends += 1
        return bool(result)


MessageHandler = Callable[[UserMessage], Awaitable[Any]]


class BaseWhatsAppInput(_ChannelIdentity, InputChannel):
    """What both webhook channels share: retry settings, the memory of handled
    message ids, background tasks, the configuration check and the flow that hands
    one incoming message to Rasa with an output channel for the answer.

    Subclasses set their own settings first and then call ``super().__init__``
    (which checks them through ``_required_settings``), and they build the output
    channel in ``_output_for``.
    """

    def __init__(
        self,
        *,
        sender_id_secret: Optional[str] = None,
        retry_attempts: int = 3,
        retry_base_delay: float = 0.5,
        request_timeout: float = 10.0,
        dedupe_size: int = 10_000,
        dedupe_ttl_seconds: float = 24 * 3600,
    ) -> None:
        self.sender_id_secret = sender_id_secret
        self.retry_attempts = retry_attempts
        self.retry_base_delay = retry_base_delay
        self.request_timeout = request_timeout
        self.seen = SeenMessages(dedupe_size, dedupe_ttl_seconds)
        self.background = BackgroundTasks()
        missing = self.missing_settings()
        if missing:
            self._log.warning(
                "%s: channel registered but not configured (%s missing); "
                "webhook calls will be refused", self.name(), ", ".join(missing),
            )

    def _required_settings(self) -> Dict[str, Optional[str]]:
        """Environment variable name -> configured value, for every required setting."""
        raise NotImplementedError

    def missing_settings(self) -> List[str]:
        return [name for name, value in self._required_settings().items() if not value]

    @property
    def retry_settings(self) -> Dict[str, Any]:
        """The keyword arguments that pass the retry settings on to an output channel."""
        return {
            "retry_attempts": self.retry_attempts,
            "retry_base_delay": self.retry_base_delay,
            "request_timeout": self.request_timeout,
        }

    def get_output_channel(self) -> Optional[OutputChannel]:
        # Rasa only knows hashed sender ids, so it cannot start a conversation with
        # a parent on its own (reminders, trigger_intent). That is by design.
        return None

    async def wait_for_background_tasks(self, timeout: Optional[float] = None) -> None:
        await self.background.wait(timeout)

    def _webhook_blueprint(self, blueprint_name: str) -> Blueprint:
        """A blueprint with the health check at ``/``; the subclass adds ``/webhook``."""
        webhook = Blueprint(blueprint_name, type(self).__module__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        return webhook

    def _sender_id(self, phone: str) -> Optional[str]:
        """The hashed id Rasa knows the sender by, or None (logged) if there is none."""
        try:
            return hash_sender_id(phone, self.sender_id_secret)
        except (MissingSecretError, ValueError) as exc:
            self._log.error("%s: cannot derive a sender id (%s); message dropped",
                            self.name(), type(exc).__name__)
            return None

    def _reply_session(self) -> aiohttp.ClientSession:
        # Session-wide cap; each send also sets its own timeout in post_with_retry.
        timeout = aiohttp.ClientTimeout(total=self.request_timeout * 2)
        return aiohttp.ClientSession(timeout=timeout)

    def _output_for(
        self, session: aiohttp.ClientSession, sender_id: str, phone: str
    ) -> BaseWhatsAppOutput:
        """The output channel that answers this one sender."""
        raise NotImplementedError

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
        understood (``kind`` "unsupported"); the number is forgotten afterwards."""
        output = self._output_for(session, sender_id, phone)
        try:
            if kind == "unsupported":
                await output.send_text_message(sender_id, ONLY_TEXT_REPLY)
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
            self._log.error("%s: handling a message for %s failed: %s",
                            self.name(), short_id(sender_id),
                            describe_exception(exc, [phone]))
        finally:
            output.forget_recipients()
