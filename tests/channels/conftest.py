"""Fixtures for the channel tests (the test doubles live in channel_fakes.py).

* ``fake_api``: a local HTTP server (aiohttp, 127.0.0.1, random port) standing in for
  the Graph API and Twilio's Messages API; it records every request and can be told
  to fail.
* ``serve``: mounts a channel on a real Sanic server (random port) through Rasa's own
  ``register`` function, so the routes are exactly those ``rasa run`` would expose.
  Instead of a trained model, a ``FakeRasa`` agent answers with canned responses via
  ``output_channel.send_response`` just like Rasa's MessageProcessor does.
* every test gets its own duplicate-check file (``DEDUPE_DB``), never var/.
"""

import pytest
from channel_fakes import fake_api, own_dedupe_db, serve_channel  # noqa: F401  (shared fixtures)


@pytest.fixture
def serve():
    return serve_channel
