"""Fixtures for the security tests: the channel tests' fakes are importable from here
too, and every test gets its own duplicate-check file (never var/)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "channels"))


@pytest.fixture(autouse=True)
def own_dedupe_db(tmp_path, monkeypatch):
    path = tmp_path / "seen_messages.sqlite"
    monkeypatch.setenv("DEDUPE_DB", str(path))
    monkeypatch.delenv("DEDUPE_REDIS_URL", raising=False)
    return path


@pytest.fixture
async def fake_api():
    from channel_fakes import FakeGraphAPI

    api = FakeGraphAPI()
    await api.start()
    yield api
    await api.stop()
