"""POSTing to a messaging API (Graph API, Twilio) with retries and backoff.

Nothing here may log a phone number: callers pass the numbers they hold as
``sensitive`` so that error texts coming back from an API are scrubbed.
"""

import asyncio
import logging
from typing import Any, Dict, Iterable, Optional

import aiohttp

from bot.privacy import redact

logger = logging.getLogger(__name__)


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
                channel,
                what,
                recipient_label,
                problem,
                attempt,
                attempts,
                delay,
            )
            await asyncio.sleep(delay)
            continue
        logger.error(
            "%s: giving up sending %s to %s after %d attempt(s): %s",
            channel,
            what,
            recipient_label,
            attempt,
            problem,
        )
        return SendResult(False, status, attempt)
    return SendResult(False, status, attempts)  # pragma: no cover (loop always returns)
