"""bot/action_outage.py: an unreachable action server gives the apology, other failures stay failures."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, FollowupAction, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from bot import action_outage


@pytest.fixture
def apologising(monkeypatch):
    monkeypatch.setattr(RemoteAction, "run", RemoteAction.run)  # restored after the test
    action_outage.install()
    action_outage.install()  # twice: still one wrapper


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Answering(HTTPServer):
    """An action endpoint that answers every call with one status."""

    def __init__(self, status: int) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/webhook"


def said(events):
    """The bot messages, and whether the turn ends with listening (one apology per message)."""
    texts = [event.text for event in events if isinstance(event, BotUttered)]
    return texts, events[-1] == FollowupAction("action_listen")


async def run_action(url: str, name: str = "action_answer_salary"):
    action = RemoteAction(name, EndpointConfig(url=url))
    tracker = DialogueStateTracker("0" * 32, slots=[])
    return await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, Domain.empty())


async def test_a_refused_connection_gives_the_apology(apologising):
    events = await run_action(f"http://127.0.0.1:{closed_port()}/webhook")
    assert said(events) == ([action_outage.APOLOGY], True)


@pytest.mark.parametrize("status", [502, 503, 504])
async def test_a_proxy_without_action_servers_gives_the_apology(apologising, status):
    server = Answering(status)
    try:
        events = await run_action(server.url)
    finally:
        server.shutdown()
    assert said(events) == ([action_outage.APOLOGY], True)


async def test_a_session_start_without_action_server_is_rasas_own(apologising):
    # Without a session start the conversation stayed stuck after the action server was back.
    events = await run_action(f"http://127.0.0.1:{closed_port()}/webhook", "action_session_start")
    assert events == [SessionStarted(), ActionExecuted("action_listen")]


async def test_an_action_that_fails_is_not_hidden_behind_the_apology(apologising):
    server = Answering(500)  # the action server is up; the action itself failed
    try:
        with pytest.raises(RasaException):
            await run_action(server.url)
    finally:
        server.shutdown()


def test_the_apology_is_dutch_and_fits_pupils_and_parents():
    words = action_outage.APOLOGY.lower().replace(".", " ").replace(",", " ").split()
    assert "je" not in words and "u" not in words and "jij" not in words
    assert action_outage.APOLOGY.startswith("Sorry")
