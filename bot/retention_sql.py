"""RETENTION_DAYS for the PostgreSQL tracker store of `make run-scaled`.

bot/retention.py deletes old events from the SQLite file of `make run`; with several Rasa
servers the conversations live in PostgreSQL, and the same limit applies there. Rasa's
SQL tracker store keeps one row per event with a Unix `timestamp`, in both databases.
"""

import logging
import threading
import time
from typing import Optional

import sqlalchemy

from bot.retention import PURGE_EVERY_SECONDS

logger = logging.getLogger(__name__)


def purge_old_events(url: str, days: int, now: Optional[float] = None) -> int:
    """Delete tracker events older than ``days`` from the database at ``url``; return how many."""
    if days <= 0:
        return 0
    cutoff = (now if now is not None else time.time()) - days * 86400
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.begin() as connection:
            if not sqlalchemy.inspect(connection).has_table("events"):
                return 0  # no conversation yet: Rasa creates the table at its first start
            deleted = connection.execute(
                sqlalchemy.text("DELETE FROM events WHERE timestamp < :cutoff"), {"cutoff": cutoff}
            )
            return deleted.rowcount
    finally:
        engine.dispose()


def start_purging(url: str, days: int) -> Optional[threading.Event]:
    """Purge now and then every few hours in a daemon thread; set the returned event to stop."""
    if days <= 0:
        return None
    stop = threading.Event()

    def loop() -> None:
        while True:
            try:
                deleted = purge_old_events(url, days)
                if deleted:
                    logger.info("retention: deleted %d conversation events older than %d days", deleted, days)
            except sqlalchemy.exc.SQLAlchemyError as error:  # the database is away: try again next round
                logger.warning("retention: could not purge the tracker store: %s", type(error).__name__)
            if stop.wait(PURGE_EVERY_SECONDS):
                return

    threading.Thread(target=loop, name="retention", daemon=True).start()
    return stop
