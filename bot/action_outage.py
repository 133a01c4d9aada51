"""An apology instead of silence while the action server cannot be reached.

Rasa 3.6's `RemoteAction.run` turns a refused connection (or a 502/503/504 from the proxy
in front of the action servers) into a `RasaException`; `MessageProcessor._run_action`
logs it and carries on with no events, so the pupil gets no answer at all. Here that one
case becomes a short bot message, and the turn ends there (a `FollowupAction` to listen):
without it the policies, finding no events, predicted the fallback again and again until
Rasa's circuit breaker tripped. Nothing else is remembered: the next question goes to the
action server again, so answers come back by themselves once it is up.

The project's `action_session_start` is remote too. If it cannot run, Rasa's own session
start runs instead (no apology: nothing was asked yet). Without a session start the
conversation never recovered, also after the action server was back.
"""

import logging
from typing import Any, List

import aiohttp
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import BotUttered, Event, FollowupAction
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

# For pupils and parents alike: neither "je" nor "u".
APOLOGY = "Sorry, ik kan even geen antwoord opzoeken. Probeer het over een minuutje opnieuw."
# What a proxy answers when no action server behind it is up (haproxy: 503).
PROXY_UNAVAILABLE = {502, 503, 504}


def action_server_unreachable(error: BaseException) -> bool:
    """Whether Rasa's exception comes from not reaching the action server at all.
    Rasa raises it inside its `except` block, so the cause is `__cause__` or `__context__`."""
    from rasa.utils.endpoints import ClientResponseError

    cause = error.__cause__ or error.__context__
    if isinstance(cause, aiohttp.ClientConnectionError):
        return True
    return isinstance(cause, ClientResponseError) and cause.status in PROXY_UNAVAILABLE


def apologising(run: Any) -> Any:
    """Wrap `RemoteAction.run`: an unreachable action server yields the apology."""

    async def run_or_apologise(self, output_channel, nlg, tracker, domain) -> List[Event]:
        try:
            return await run(self, output_channel, nlg, tracker, domain)
        except RasaException as error:
            if not action_server_unreachable(error):
                raise
            if self.name() == ACTION_SESSION_START_NAME:
                from rasa.core.actions.action import ActionSessionStart

                logger.warning("action server unreachable at a session start; Rasa's own session start ran")
                return await ActionSessionStart().run(output_channel, nlg, tracker, domain)
            logger.warning("action server unreachable while running %s; the user got the apology", self.name())
            return [
                BotUttered(APOLOGY, metadata={"action_server_unreachable": True}),
                FollowupAction(ACTION_LISTEN_NAME),
            ]

    run_or_apologise.apologises = True
    return run_or_apologise


def install() -> None:
    from rasa.core.actions.action import RemoteAction

    if not getattr(RemoteAction.run, "apologises", False):
        RemoteAction.run = apologising(RemoteAction.run)
