"""Which webhook deliveries were handled already, remembered across restarts.

Meta and Twilio deliver a message again when they think a webhook call failed, for up
to days. A parent must not get two answers, also not when the bot restarted in
between. So the channels remember the (keyed hashes of the) message ids they handled:

* in memory first (``SeenMessages``), then
* in a SQLite file (``var/seen_messages.sqlite``, or ``DEDUPE_DB``), or in Redis when
  ``DEDUPE_REDIS_URL`` is set (several Rasa servers behind one proxy).

Entries are kept for ``KEEP_SECONDS``; a Meta message older than
``MAX_MESSAGE_AGE_SECONDS`` is dropped (``is_stale``), so every message old enough to
have been forgotten is refused anyway. Only hashes and times are stored: a raw Meta
message id contains the sender's phone number.
"""

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any, Mapping, Optional, Protocol

from bot.channels.memory import SeenMessages
from occupations.config import PROJECT_ROOT

logger = logging.getLogger(__name__)

DEDUPE_DB_ENV = "DEDUPE_DB"
DEDUPE_REDIS_URL_ENV = "DEDUPE_REDIS_URL"
DEFAULT_DEDUPE_DB = PROJECT_ROOT / "var" / "seen_messages.sqlite"
MAX_MESSAGE_AGE_SECONDS = 24 * 3600
KEEP_SECONDS = 2 * MAX_MESSAGE_AGE_SECONDS  # longer than the age limit, with room for clock skew
_PURGE_EVERY_SECONDS = 600


def is_stale(timestamp: Optional[float], now: Optional[float] = None) -> bool:
    """Whether a message sent at ``timestamp`` (Unix seconds) is too old to answer."""
    if timestamp is None:
        return False
    return (now if now is not None else time.time()) - timestamp > MAX_MESSAGE_AGE_SECONDS


class SeenStore(Protocol):
    async def add(self, key: str) -> bool:
        """Record ``key``; return True if it was recorded before (a duplicate)."""


class SqliteSeenStore:
    """Seen keys in a SQLite file (created 0600, deleted rows overwritten)."""

    def __init__(self, path: Path, keep_seconds: float = KEEP_SECONDS) -> None:
        self.path = Path(path)
        self.keep_seconds = keep_seconds
        self._db: Optional[sqlite3.Connection] = None
        self._purged = 0.0

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))  # readable by us alone
            db = sqlite3.connect(str(self.path), timeout=5, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA secure_delete=ON")
            db.execute("CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, added REAL NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS seen_added ON seen (added)")
            self._db = db
        return self._db

    async def add(self, key: str) -> bool:
        now = time.time()
        db = self._connect()
        if now - self._purged > _PURGE_EVERY_SECONDS:
            db.execute("DELETE FROM seen WHERE added < ?", (now - self.keep_seconds,))
            self._purged = now
        inserted = db.execute("INSERT OR IGNORE INTO seen (key, added) VALUES (?, ?)", (key, now)).rowcount
        return inserted == 0

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class RedisSeenStore:
    """Seen keys in Redis, each expiring on its own (``SET key 1 NX EX``)."""

    def __init__(self, client: Any, keep_seconds: float = KEEP_SECONDS, prefix: str = "kansrijk:seen:") -> None:
        self.client = client
        self.keep_seconds = int(keep_seconds)
        self.prefix = prefix

    @classmethod
    def from_url(cls, url: str) -> "RedisSeenStore":
        from redis import asyncio as redis_asyncio

        return cls(redis_asyncio.from_url(url, socket_timeout=2, socket_connect_timeout=2))

    async def add(self, key: str) -> bool:
        created = await self.client.set(self.prefix + key, b"1", nx=True, ex=self.keep_seconds)
        return not created


def open_seen_store(env: Optional[Mapping[str, str]] = None) -> SeenStore:
    """The store the environment asks for: Redis if DEDUPE_REDIS_URL is set, else SQLite."""
    source = os.environ if env is None else env
    redis_url = (source.get(DEDUPE_REDIS_URL_ENV) or "").strip()
    if redis_url:
        return RedisSeenStore.from_url(redis_url)
    path = (source.get(DEDUPE_DB_ENV) or "").strip()
    return SqliteSeenStore(Path(path) if path else DEFAULT_DEDUPE_DB)


class DuplicateCheck:
    """Memory first, then the lasting store; if the store fails, memory alone decides
    (answering twice after a restart beats not answering at all)."""

    def __init__(self, memory: SeenMessages, store: Optional[SeenStore] = None) -> None:
        self.memory = memory
        self._store = store

    @property
    def store(self) -> SeenStore:
        if self._store is None:  # opened on first use: constructing a channel writes nothing
            self._store = open_seen_store()
        return self._store

    async def seen_before(self, hashed_id: str) -> bool:
        if self.memory.check_and_add(hashed_id):
            return True
        try:
            return await self.store.add(hashed_id)
        except Exception as exc:  # a locked file, Redis down: never lose the message
            logger.warning("dedupe: the lasting duplicate check failed (%s); memory only", type(exc).__name__)
            return False
