"""The lasting duplicate check: SQLite by default, Redis when configured, memory when
the store fails; and the age limit for Meta messages."""

import logging

import pytest

from bot.channels import dedupe
from bot.channels.dedupe import (
    KEEP_SECONDS,
    MAX_MESSAGE_AGE_SECONDS,
    DuplicateCheck,
    RedisSeenStore,
    SqliteSeenStore,
    is_stale,
    open_seen_store,
)
from bot.channels.memory import SeenMessages


async def test_sqlite_store_remembers_across_instances(tmp_path):
    path = tmp_path / "var" / "seen.sqlite"
    assert await SqliteSeenStore(path).add("a") is False
    assert await SqliteSeenStore(path).add("a") is True  # a new process, same file
    assert await SqliteSeenStore(path).add("b") is False
    assert path.stat().st_mode & 0o777 == 0o600


async def test_sqlite_store_forgets_after_the_keep_time(tmp_path, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(dedupe.time, "time", lambda: clock[0])
    store = SqliteSeenStore(tmp_path / "seen.sqlite")
    await store.add("old")
    clock[0] += KEEP_SECONDS + 700  # past the keep time and the purge interval
    await store.add("new")
    rows = [row[0] for row in store._connect().execute("SELECT key FROM seen")]
    assert rows == ["new"]


class FakeRedis:
    """Implements the one command the store uses, with redis-py's return values."""

    def __init__(self) -> None:
        self.keys = {}
        self.calls = []

    async def set(self, name, value, nx=False, ex=None):
        self.calls.append((name, nx, ex))
        if nx and name in self.keys:
            return None
        self.keys[name] = value
        return True


async def test_redis_store_sets_each_key_once_with_an_expiry():
    client = FakeRedis()
    store = RedisSeenStore(client)
    assert await store.add("abc") is False
    assert await store.add("abc") is True
    assert client.calls[0] == ("kansrijk:seen:abc", True, KEEP_SECONDS)


def test_store_follows_the_environment(tmp_path):
    sqlite_store = open_seen_store({"DEDUPE_DB": str(tmp_path / "x.sqlite")})
    assert isinstance(sqlite_store, SqliteSeenStore) and sqlite_store.path == tmp_path / "x.sqlite"
    assert open_seen_store({}).path == dedupe.PROJECT_ROOT / "var" / "seen_messages.sqlite"
    redis_store = open_seen_store({"DEDUPE_REDIS_URL": "redis://127.0.0.1:1/0"})
    assert isinstance(redis_store, RedisSeenStore)  # no connection until the first message


class BrokenStore:
    async def add(self, key):
        raise OSError("disk full")


async def test_a_failing_store_falls_back_to_memory(caplog):
    caplog.set_level(logging.WARNING)
    check = DuplicateCheck(SeenMessages(), BrokenStore())
    assert await check.seen_before("k1") is False  # handled, not lost
    assert await check.seen_before("k1") is True  # memory still catches the repeat
    assert "OSError" in caplog.text and "k1" not in caplog.text


@pytest.mark.parametrize(
    "age, stale",
    [(None, False), (0, False), (MAX_MESSAGE_AGE_SECONDS - 60, False), (MAX_MESSAGE_AGE_SECONDS + 60, True)],
)
def test_is_stale(age, stale):
    now = 2_000_000_000.0
    assert is_stale(None if age is None else now - age, now) is stale
