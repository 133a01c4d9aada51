"""PostgreSQL and Redis of our own for `make run-scaled`, when TRACKER_STORE_URL and
LOCK_STORE_URL name none: supervised children like the servers, on 127.0.0.1 only, each
with a password kept in a 0600 file, so other users of the machine cannot read the
conversations or touch the locks. The PostgreSQL password lies next to its data folder
(the cluster is created with it), the Redis one in var/scaled/.
"""

import os
import secrets
import signal
from pathlib import Path
from typing import Optional

from bot.launcher import process_starter
from bot.stores import Store, postgres_problem, redis_problem
from bot.supervisor import Child
from occupations.config import PROJECT_ROOT

DEFAULT_PG_PORT = 55433  # not 5432: a PostgreSQL of the machine's own may listen there
DEFAULT_REDIS_PORT = 6380  # not 6379, for the same reason
STORE_START_TIMEOUT = 60.0  # seconds; a store that takes longer is not starting at all


def password(path: Path) -> str:
    """The password in ``path``, made (random, 0600) on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(secrets.token_urlsafe(24))
    return path.read_text(encoding="utf-8").strip()


def default_pg_data(state_dir: Path) -> Path:
    """The data folder: PostgreSQL runs as user postgres when we are root, and that user
    cannot enter var/ (0700), so then it lives in postgres's own home."""
    if os.geteuid() == 0:
        return Path("/var/lib/postgresql/kansrijk-scaled")
    return state_dir / "postgres"


def pg_password_file(data_dir: Path) -> Path:
    """Next to the data folder: the two are made together and must stay together."""
    return data_dir.with_name(data_dir.name + ".password")


def postgres_child(store: Store, data_dir: Path, log_file: Path) -> Child:
    """scripts/start_postgres.sh in the foreground: installs and creates the cluster if needed."""
    env = dict(os.environ, PGPORT=str(store.port), PGDATA_DIR=str(data_dir), PG_PASSWORD=store.password)
    command = ["bash", str(PROJECT_ROOT / "scripts" / "start_postgres.sh"), "--foreground"]
    return Child(
        "postgres",
        f"PostgreSQL (port {store.port})",
        process_starter(command, env, log_file),
        lambda: postgres_problem(store, database="postgres", timeout=1) is None,
        str(log_file),
        stop_signal=signal.SIGINT,  # "fast shutdown": ends the sessions, then stops cleanly
        start_timeout=STORE_START_TIMEOUT,
    )


def redis_problem_at_start() -> Optional[str]:
    """Install Debian's redis-server if it is missing (as haproxy is); why it cannot run, or None."""
    from bot.haproxy import install_problem  # the one installer of the scaled setup's Debian packages

    problem = install_problem("redis-server", "redis-server")
    return f"redis-server is not installed and could not be: {problem}" if problem else None


def redis_child(store: Store, folder: Path, log_file: Path) -> Child:
    """A private redis-server; its config file holds the password (a command line would show it)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    config = folder / "redis.conf"
    config.write_text(
        "\n".join(
            [
                "# Written by `make run-scaled` (bot/local_stores.py) at every start.",
                f"port {store.port}",
                "bind 127.0.0.1",
                "protected-mode yes",
                f"requirepass {store.password}",
                f"dir {folder}",
                "daemonize no",
                # Locks live seconds; the duplicate check's keys a day or two: a snapshot a minute is plenty.
                "save 60 1",
                "appendonly no",
                "",
            ]
        ),
        encoding="utf-8",
    )
    config.chmod(0o600)
    return Child(
        "redis",
        f"Redis (port {store.port})",
        process_starter(["redis-server", str(config)], dict(os.environ), log_file),
        lambda: redis_problem(store, timeout=1) is None,
        str(log_file),
        start_timeout=STORE_START_TIMEOUT,
    )
