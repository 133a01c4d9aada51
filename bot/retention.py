"""Conversations are personal data: delete tracker events older than RETENTION_DAYS.

Pupils type names, schools and worries into the chat, and the tracker store keeps every
message. Without a limit it grows into an archive nobody asked for. The feedback file
(var/feedback.jsonl) holds no text and no sender id, so it is not touched.
"""

import logging
import os
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import Mapping, Optional

logger = logging.getLogger(__name__)

RETENTION_DAYS_ENV = "RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30
PURGE_EVERY_SECONDS = 6 * 3600


class RetentionConfigError(ValueError):
    """RETENTION_DAYS is not a whole number of days."""


def retention_days(environ: Mapping[str, str] = os.environ) -> int:
    """Days to keep conversations; 0 keeps them forever."""
    raw = (environ.get(RETENTION_DAYS_ENV) or "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(raw)
    except ValueError:
        days = -1
    if days < 0:
        raise RetentionConfigError(
            f"{RETENTION_DAYS_ENV} must be a whole number of days (0 = keep forever), not {raw!r}"
        )
    return days


def purge_old_events(db_path: Path, days: int, now: Optional[float] = None) -> int:
    """Delete tracker events older than `days` from Rasa's SQLite tracker store; return how many."""
    if days <= 0 or not Path(db_path).exists():
        return 0
    cutoff = (now if now is not None else time.time()) - days * 86400
    # Rasa writes to the same file: wait for its lock rather than fail at once.
    with closing(sqlite3.connect(str(db_path), timeout=30)) as db:
        # Overwrite what is deleted, whatever SQLite build this is: otherwise the texts
        # stay readable in free pages of the file. (A per-connection setting.)
        db.execute("PRAGMA secure_delete=ON")
        if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone():
            return 0
        deleted = db.execute("DELETE FROM events WHERE timestamp < ?", (cutoff,)).rowcount
        db.commit()
    return deleted


def purge_quietly(db_path: Path, days: int) -> None:
    try:
        deleted = purge_old_events(db_path, days)
        if deleted:
            logger.info("retention: deleted %d conversation events older than %d days", deleted, days)
    except sqlite3.Error as error:  # a locked or damaged file: try again next round
        logger.warning("retention: could not purge %s: %s", db_path, error)


def start_purging(db_path: Path, days: int) -> Optional[threading.Event]:
    """Purge now and then every few hours in a daemon thread; set the returned event to stop."""
    if days <= 0:
        return None
    stop = threading.Event()

    def loop() -> None:
        while True:
            purge_quietly(db_path, days)
            if stop.wait(PURGE_EVERY_SECONDS):
                return

    threading.Thread(target=loop, name="retention", daemon=True).start()
    return stop
