"""Work the webhooks do after they have answered: fire-and-forget tasks, and how
their failures are written to the log (without message text or phone numbers)."""

import asyncio
import logging
import time
import traceback
from typing import Any, Awaitable, Iterable, Optional, Set

from bot.privacy import redact

logger = logging.getLogger(__name__)


class BackgroundTasks:
    """Keeps references to fire-and-forget tasks so they are not garbage-collected,
    and lets tests (or a shutdown hook) wait for them."""

    def __init__(self) -> None:
        self._tasks: Set[asyncio.Task] = set()

    def __len__(self) -> int:
        return len(self._tasks)

    def spawn(self, coroutine: Awaitable[Any]) -> asyncio.Task:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # The coroutines catch their own errors; this is a last resort and
            # deliberately logs only the exception type.
            logger.error("Background message task failed: %s", type(task.exception()).__name__)

    async def wait(self, timeout: Optional[float] = None) -> None:
        """Wait until all current (and newly spawned) tasks are done."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._tasks:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if remaining == 0.0:
                raise asyncio.TimeoutError("background tasks still running")
            await asyncio.wait(set(self._tasks), timeout=remaining)


def describe_exception(exc: BaseException, sensitive: Iterable[str] = ()) -> str:
    """Where ``exc`` was raised, for an error log: the traceback and the exception's
    type, but not its message. Messages of Rasa's and our own exceptions may quote
    what a pupil or parent typed; the frames only hold file names and source lines.
    Phone-like numbers are scrubbed all the same."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    module = type(exc).__module__
    kind = type(exc).__qualname__ if module == "builtins" else f"{module}.{type(exc).__qualname__}"
    text = f"Traceback (most recent call last):\n{frames}{kind} (message left out)"
    return redact(text, sensitive)
