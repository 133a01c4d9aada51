"""Old conversations are deleted from Rasa's real SQLite tracker store; recent ones stay."""

import sqlite3
import time

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.retention import RetentionConfigError, purge_old_events, retention_days

DAY = 86400


async def save_conversation(store, sender, text, timestamp):
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(UserUttered(text, timestamp=timestamp))
    await store.save(tracker)


def texts_left(db_path):
    with sqlite3.connect(db_path) as db:
        return sorted(row[0] for row in db.execute("SELECT data FROM events"))


async def test_events_older_than_the_limit_are_deleted(tmp_path):
    db_path = tmp_path / "tracker.sqlite"
    store = SQLTrackerStore(dialect="sqlite", db=str(db_path))
    now = time.time()
    await save_conversation(store, "old", "mijn naam is Sanne en ik zit op het Zadkine", now - 40 * DAY)
    await save_conversation(store, "recent", "hoeveel verdient een lasser", now - 2 * DAY)

    assert purge_old_events(db_path, days=30, now=now) == 1
    left = texts_left(db_path)
    assert len(left) == 1 and "lasser" in left[0]
    assert await store.retrieve("recent") is not None


async def test_zero_days_keeps_everything(tmp_path):
    db_path = tmp_path / "tracker.sqlite"
    store = SQLTrackerStore(dialect="sqlite", db=str(db_path))
    await save_conversation(store, "old", "hoi", time.time() - 400 * DAY)
    assert purge_old_events(db_path, days=0) == 0
    assert len(texts_left(db_path)) == 1


def test_missing_store_is_not_an_error(tmp_path):
    assert purge_old_events(tmp_path / "nothing.sqlite", days=30) == 0


@pytest.mark.parametrize("raw, days", [(None, 30), ("", 30), ("7", 7), (" 0 ", 0)])
def test_retention_days_from_the_environment(raw, days):
    environ = {} if raw is None else {"RETENTION_DAYS": raw}
    assert retention_days(environ) == days


@pytest.mark.parametrize("raw", ["-1", "dertig", "2.5"])
def test_bad_retention_days_give_a_clear_error(raw):
    with pytest.raises(RetentionConfigError, match="RETENTION_DAYS must be a whole number"):
        retention_days({"RETENTION_DAYS": raw})


async def test_purge_overwrites_what_it_deletes(tmp_path, monkeypatch):
    """PRAGMA secure_delete is set on the purge's own connection (whatever the SQLite
    build's default), so a deleted message is gone from the file, not just unlinked."""
    db_path = tmp_path / "tracker.sqlite"
    store = SQLTrackerStore(dialect="sqlite", db=str(db_path))
    now = time.time()
    await save_conversation(store, "old", "ik ben Sanne uit 3B en ik word gepest", now - 40 * DAY)
    await save_conversation(store, "recent", "hoeveel verdient een lasser", now)
    store.engine.dispose()

    statements = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr("bot.retention.sqlite3.connect", traced)
    assert purge_old_events(db_path, days=30, now=now) == 1
    first_delete = next(i for i, s in enumerate(statements) if s.startswith("DELETE"))
    assert "PRAGMA secure_delete=ON" in statements[:first_delete]
    content = db_path.read_bytes()
    assert b"gepest" not in content and b"Sanne" not in content
    assert b"lasser" in content
