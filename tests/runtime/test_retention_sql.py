"""bot/retention_sql.py: RETENTION_DAYS in a SQL tracker store (PostgreSQL in `make run-scaled`;
the same table in SQLite here, through the same SQLAlchemy code)."""

import sqlite3

from bot.retention_sql import purge_old_events

NOW = 1_800_000_000.0
DAY = 86400


def test_events_older_than_the_limit_are_deleted_the_rest_kept(tmp_path):
    db = tmp_path / "tracker.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp REAL)")
        connection.executemany(
            "INSERT INTO events (sender_id, timestamp) VALUES (?, ?)",
            [("oud", NOW - 31 * DAY), ("oud", NOW - 30 * DAY - 1), ("nieuw", NOW - 29 * DAY), ("nieuw", NOW)],
        )
    assert purge_old_events(f"sqlite:///{db}", 30, now=NOW) == 2
    with sqlite3.connect(db) as connection:
        assert [row[0] for row in connection.execute("SELECT sender_id FROM events")] == ["nieuw", "nieuw"]


def test_nothing_happens_before_rasa_made_the_table_or_with_zero_days(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    assert purge_old_events(url, 30, now=NOW) == 0
    assert purge_old_events(url, 0, now=NOW) == 0
