"""Where `make run-scaled` keeps conversations (PostgreSQL) and conversation locks (Redis).

TRACKER_STORE_URL (postgresql://user:password@host:port/database) and LOCK_STORE_URL
(redis://:password@host:port/db) name servers an admin runs; unset, the launcher starts
private ones of its own (`bot/local_stores.py`). Either way they are checked before any
Rasa server starts: Rasa itself would wait for an unreachable database for ever, in silence.
"""

import os
from dataclasses import dataclass
from typing import Callable, Dict, Mapping, Optional
from urllib.parse import unquote, urlsplit

TRACKER_STORE_URL_ENV = "TRACKER_STORE_URL"
LOCK_STORE_URL_ENV = "LOCK_STORE_URL"
TRACKER_DATABASE = "kansrijk"
LOCK_DB, DEDUPE_DB = 1, 2  # Redis databases: Rasa's locks, the channels' seen-message keys
CHECK_TIMEOUT = 3  # seconds
# Rasa's conversation lock expires after this many seconds (its default: 60). A Rasa server
# that dies while answering leaves its lock behind, and that conversation's next message
# waits for it to expire. 20 s is still five times the slowest answer measured at 100
# concurrent conversations (docs/performance.md).
LOCK_LIFETIME_SECONDS = 20


class StoreConfigError(ValueError):
    """A store URL that cannot be used as written."""


@dataclass(frozen=True)
class Store:
    kind: str  # "PostgreSQL" or "Redis"
    host: str
    port: int
    database: str
    username: str
    password: str
    setting: Optional[str]  # the variable that named it; None: started by the launcher

    @property
    def where(self) -> str:
        source = f" ({self.setting})" if self.setting else ""
        return f"{self.kind} at {self.host}:{self.port}{source}"


def _parse(url: str, setting: str, kind: str, schemes, default_port: int, default_database: str) -> Store:
    parts = urlsplit(url.strip())
    if parts.scheme not in schemes or not parts.hostname:
        raise StoreConfigError(f"{setting} must look like {schemes[0]}://…@host:port/…, not {parts.scheme or url!r}")
    try:
        port = parts.port or default_port
    except ValueError as error:
        raise StoreConfigError(f"{setting}: {error}") from None
    return Store(
        kind,
        parts.hostname,
        port,
        unquote(parts.path.lstrip("/")) or default_database,
        unquote(parts.username or ""),
        unquote(parts.password or ""),
        setting,
    )


def tracker_store(environ: Mapping[str, str], local_port: int, local_password: Callable[[], str]) -> Store:
    url = (environ.get(TRACKER_STORE_URL_ENV) or "").strip()
    if url:
        return _parse(url, TRACKER_STORE_URL_ENV, "PostgreSQL", ("postgresql", "postgres"), 5432, TRACKER_DATABASE)
    return Store("PostgreSQL", "127.0.0.1", local_port, TRACKER_DATABASE, "postgres", local_password(), None)


def lock_store(environ: Mapping[str, str], local_port: int, local_password: Callable[[], str]) -> Store:
    url = (environ.get(LOCK_STORE_URL_ENV) or "").strip()
    if url:
        return _parse(url, LOCK_STORE_URL_ENV, "Redis", ("redis",), 6379, str(LOCK_DB))
    return Store("Redis", "127.0.0.1", local_port, str(LOCK_DB), "", local_password(), None)


def first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0].strip()


def postgres_problem(store: Store, database: Optional[str] = None, timeout: int = CHECK_TIMEOUT) -> Optional[str]:
    """Why the tracker database cannot be used, or None."""
    import psycopg2

    try:
        psycopg2.connect(
            host=store.host,
            port=store.port,
            user=store.username or None,
            password=store.password or None,
            dbname=database or store.database,
            connect_timeout=timeout,
        ).close()
    except psycopg2.Error as error:
        return f"cannot use {store.where}: {first_line(error)}"
    return None


def redis_problem(store: Store, timeout: int = CHECK_TIMEOUT) -> Optional[str]:
    """Why the lock store cannot be used, or None."""
    import redis

    client = redis.Redis(
        host=store.host,
        port=store.port,
        db=int(store.database or LOCK_DB),
        username=store.username or None,
        password=store.password or None,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
    )
    try:
        client.ping()
    except (redis.RedisError, ValueError) as error:
        return f"cannot use {store.where}: {first_line(error)}"
    finally:
        client.close()
    return None


def create_database(store: Store) -> None:
    """Create the tracker database on a server of our own (once; Rasa creates the tables)."""
    import psycopg2

    try:
        connection = psycopg2.connect(
            host=store.host, port=store.port, user=store.username, password=store.password or None, dbname="postgres"
        )
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (store.database,))
                if cursor.fetchone() is None:
                    cursor.execute(f'CREATE DATABASE "{store.database}"')
        finally:
            connection.close()
    except psycopg2.Error as error:
        raise RuntimeError(
            f"cannot create the database {store.database} in {store.where}: {first_line(error)}"
        ) from None


def redis_url(store: Store, db: int) -> str:
    from urllib.parse import quote

    login = f"{quote(store.username)}:{quote(store.password)}@" if store.password else ""
    return f"redis://{login}{store.host}:{store.port}/{db}"


def rasa_environment(tracker: Store, lock: Store, action_url: str) -> Dict[str, str]:
    """The variables endpoints-scaled.yml reads (secrets stay out of files), the channels'
    duplicate check in the same Redis (bot/channels/dedupe.py) and the lock lifetime."""
    return {
        "KANSRIJK_ACTION_URL": action_url,
        "KANSRIJK_PG_HOST": tracker.host,
        "KANSRIJK_PG_PORT": str(tracker.port),
        "KANSRIJK_PG_DB": tracker.database,
        "KANSRIJK_PG_USER": tracker.username,
        "KANSRIJK_PG_PASSWORD": tracker.password,
        "KANSRIJK_REDIS_HOST": lock.host,
        "KANSRIJK_REDIS_PORT": str(lock.port),
        "KANSRIJK_REDIS_DB": lock.database,
        "KANSRIJK_REDIS_USER": lock.username,
        "KANSRIJK_REDIS_PASSWORD": lock.password,
        "DEDUPE_REDIS_URL": os.environ.get("DEDUPE_REDIS_URL") or redis_url(lock, DEDUPE_DB),
        "TICKET_LOCK_LIFETIME": os.environ.get("TICKET_LOCK_LIFETIME") or str(LOCK_LIFETIME_SECONDS),
    }
