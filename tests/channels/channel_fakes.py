"""Test doubles for the channel tests: a fake Graph/Twilio API, a fake Rasa agent and
a helper that serves a channel on a real Sanic server.

Kept out of conftest.py so test modules can import them by a unique module name
(several test folders have their own conftest.py).
"""

import asyncio
import contextlib
import socket
import uuid
from typing import Any, Callable, Dict, List, Optional, Type

import aiohttp
import pytest
from aiohttp import web
from rasa.core.channels.channel import InputChannel, UserMessage, register
from sanic import Sanic

PHONE = "31612345678"  # a (fictional) Dutch mobile number as Meta sends it
SENDER_SECRET = "test-sender-secret-0123456789abcdef"


class FakeGraphAPI:
    """Records requests; answers 200 unless told to fail."""

    def __init__(self) -> None:
        self.requests: List[Dict[str, Any]] = []
        self.fail_times = 0  # answer the next N requests with HTTP 500
        self.always_fail = False
        self.fail_status = 500
        self.error_body: Dict[str, Any] = {"error": {"message": "Service temporarily unavailable", "code": 2}}
        self.url = ""
        self._runner: Optional[web.AppRunner] = None

    async def _handle(self, request: web.Request) -> web.Response:
        entry: Dict[str, Any] = {
            "path": request.path,
            "headers": dict(request.headers),
        }
        if request.content_type == "application/json":
            entry["json"] = await request.json()
        else:
            entry["form"] = dict(await request.post())
        self.requests.append(entry)
        if self.always_fail or self.fail_times > 0:
            self.fail_times = max(0, self.fail_times - 1)
            return web.json_response(self.error_body, status=self.fail_status)
        return web.json_response(
            {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.out{len(self.requests)}"}]}
        )

    @property
    def sent(self) -> List[Dict[str, Any]]:
        """JSON bodies of Graph API requests."""
        return [r["json"] for r in self.requests if "json" in r]

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("POST", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()


def make_test_channel(
    channel_class: Type[InputChannel],
    api_url: str,
    own_settings: Dict[str, Any],
    **overrides: Any,
) -> InputChannel:
    """A channel talking to ``api_url`` with the test sender secret and quick retries
    (3 attempts, backoff from 10 ms) so failure tests stay fast; ``overrides`` win."""
    settings = dict(
        own_settings,
        api_url=api_url,
        sender_id_secret=SENDER_SECRET,
        retry_attempts=3,
        retry_base_delay=0.01,
        request_timeout=2.0,
    )
    settings.update(overrides)
    return channel_class(**settings)


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


Responder = Callable[[UserMessage], List[Dict[str, Any]]]


class FakeRasa:
    """Stands in for ``Agent``: records messages and sends canned bot responses."""

    def __init__(self, responder: Optional[Responder] = None) -> None:
        self.received: List[UserMessage] = []
        self.responder: Responder = responder or (lambda m: [{"text": f"Je zei: {m.text}"}])
        self.gate: Optional[asyncio.Event] = None  # if set, wait for it before answering

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        if self.gate is not None:
            await self.gate.wait()
        for bot_message in self.responder(message):
            await message.output_channel.send_response(message.sender_id, dict(bot_message))


class Served:
    def __init__(self, url: str, rasa: FakeRasa, channel: InputChannel, session: aiohttp.ClientSession) -> None:
        self.url = url
        self.rasa = rasa
        self.channel = channel
        self.session = session

    async def settle(self) -> None:
        if hasattr(self.channel, "wait_for_background_tasks"):
            await self.channel.wait_for_background_tasks(timeout=10)


@contextlib.asynccontextmanager
async def serve_channel(channel: InputChannel, rasa: Optional[FakeRasa] = None):
    rasa = rasa or FakeRasa()
    # Several apps in one process: what sanic-testing does too (otherwise Sanic's
    # TouchUp rewrites the already rewritten handlers and fails).
    Sanic.test_mode = True
    app = Sanic(f"channeltest_{uuid.uuid4().hex[:12]}", configure_logging=False)
    app.ctx.agent = rasa
    register([channel], app, route="/webhooks/")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(100)
    port = sock.getsockname()[1]
    server = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    # create_server already listens; startup() finalises the router, before_start()
    # runs the before_server_start listeners (as `rasa run` does).
    await server.startup()
    await server.before_start()
    try:
        async with aiohttp.ClientSession() as session:
            yield Served(f"http://127.0.0.1:{port}", rasa, channel, session)
        if hasattr(channel, "wait_for_background_tasks"):  # the webhooks answer first, then work
            await channel.wait_for_background_tasks(timeout=10)
    finally:
        server.close()
        await server.wait_closed()
        sock.close()


@pytest.fixture(autouse=True)
def own_dedupe_db(tmp_path, monkeypatch):
    """Every test gets its own duplicate-check file, never var/."""
    path = tmp_path / "seen_messages.sqlite"
    monkeypatch.setenv("DEDUPE_DB", str(path))
    monkeypatch.delenv("DEDUPE_REDIS_URL", raising=False)
    return path


@pytest.fixture
async def fake_api():
    api = FakeGraphAPI()
    await api.start()
    yield api
    await api.stop()
