"""Serving a channel on a real Sanic server in a thread of its own, so that synchronous
property-based tests (hypothesis) can send it raw HTTP requests, byte for byte.

The server is the channel tests' ``serve_channel`` (tests/channels/channel_fakes.py):
the channel's blueprint registered with Rasa's own ``register`` and a ``FakeRasa`` that
records every ``UserMessage`` that would reach Rasa.
"""

import asyncio
import http.client
import threading
from typing import Dict, Optional, Tuple

from channel_fakes import FakeRasa, serve_channel


class BackgroundServer:
    """``with BackgroundServer() as server: server.serve(channel)``; other coroutines
    (a fake Graph API) can be started on the same loop with ``server.run``."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="sanic-under-test", daemon=True)
        self._serving = None
        self.channel = None
        self.rasa: Optional[FakeRasa] = None
        self.port = 0

    def __enter__(self) -> "BackgroundServer":
        self._thread.start()
        return self

    def serve(self, channel, rasa: Optional[FakeRasa] = None) -> "BackgroundServer":
        self.channel, self.rasa = channel, rasa or FakeRasa()
        self._serving = serve_channel(channel, self.rasa)
        served = self.run(self._serving.__aenter__())
        self.port = int(served.url.rsplit(":", 1)[1])
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if self._serving is not None:
                self.run(self._serving.__aexit__(None, None, None), timeout=30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)
            self.loop.close()

    def run(self, coroutine, timeout: float = 15):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def settle(self) -> None:
        """Wait for the work a webhook does after it has answered."""
        if hasattr(self.channel, "wait_for_background_tasks"):
            self.run(self.channel.wait_for_background_tasks(timeout=10))

    def request(
        self, method: str, path: str, body: bytes = b"", headers: Optional[Dict[str, object]] = None
    ) -> Tuple[int, Dict[str, str], bytes]:
        return raw_request(self.port, method, path, body, headers)


def raw_request(
    port: int, method: str, path: str, body: bytes = b"", headers: Optional[Dict[str, object]] = None
) -> Tuple[int, Dict[str, str], bytes]:
    """One HTTP/1.1 request to 127.0.0.1:``port``; header values go out as UTF-8 (or as
    the bytes given), whatever http.client would make of them."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value.encode("utf-8") if isinstance(value, str) else value)
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()
