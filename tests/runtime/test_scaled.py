"""`make run-scaled` (bot/scaled.py): two Rasa servers behind haproxy, conversations in
PostgreSQL, locks in Redis. A Rasa server killed under load loses no conversation and
fails no request but those it was answering; stores that cannot be reached stop the start
with a clear error. One scaled setup for the module, on ports and folders of its own."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import pytest
from launched import PROJECT_ROOT, Launched, alive, ask, new_sender, texts

from bot.stores import LOCK_LIFETIME_SECONDS

PUBLIC_PORT, ACTION_PORT, DEMO_PORT = 5305, 5355, 8305
BASE_URL = f"http://127.0.0.1:{PUBLIC_PORT}"
KILLED = f"rasa-{PUBLIC_PORT + 1}"
MESSAGES = ["hallo", "hoeveel verdient een elektricien", "hoe word ik dat?", "bedankt"]
CONVERSATIONS, TURNS = 6, 12
DYING = 1.0  # seconds: a SIGKILLed 1.3 GB process takes a moment to close its listening socket


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The stores' ports are whatever is free when the module loads: a PostgreSQL or Redis left on a
# fixed port by another run on the machine made the setup fail to start (seen once in CI).
REDIS_PORT, PG_PORT = closed_port(), closed_port()


def scaled_args(var: Path, public_port: int = PUBLIC_PORT) -> List[str]:
    return ["-m", "bot.scaled", "--workers", "2", "--var-dir", str(var)] + [
        f"--{name}={port}"
        for name, port in [
            ("rasa-port", public_port),
            ("action-port", ACTION_PORT),
            ("demo-port", DEMO_PORT),
            ("redis-port", REDIS_PORT),
            ("postgres-port", PG_PORT),
        ]
    ]


@pytest.fixture(scope="module")
def scaled(database_url, trained_model, tmp_path_factory):
    installed = subprocess.run(
        ["bash", "scripts/install_debian_package.sh", "haproxy", "haproxy"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr
    var = tmp_path_factory.mktemp("scaled-var")
    # Under /tmp itself: PostgreSQL runs as user postgres, who cannot enter pytest's folders.
    pg_data = Path(f"/tmp/kansrijk-pg-runtime-{uuid.uuid4().hex[:8]}")
    env = {"DATABASE_URL": database_url, "FEEDBACK_PATH": str(var / "fb.jsonl"), "PGDATA_DIR": str(pg_data)}
    for name in ("TRACKER_STORE_URL", "LOCK_STORE_URL", "DEDUPE_REDIS_URL"):
        env[name] = ""  # the stores of its own, whatever the environment says
    launched = Launched("scaled-launcher", scaled_args(var), env, var / "scaled" / "processes.json")
    launched.pg_data = pg_data
    try:
        launched.wait_until_answering(BASE_URL, timeout=400)
        yield launched
    finally:
        launched.stop()
        shutil.rmtree(pg_data, ignore_errors=True)
        pg_data.with_name(pg_data.name + ".password").unlink(missing_ok=True)


@dataclass
class Turn:
    sender: str
    message: str
    started: float
    ended: float = 0.0
    replies: Optional[List[str]] = None
    error: str = ""


def converse(sender: str, turns: List[Turn], done: threading.Semaphore) -> None:
    for number in range(TURNS):
        turn = Turn(sender, MESSAGES[number % len(MESSAGES)], time.monotonic())
        try:
            turn.replies = texts(ask(BASE_URL, sender, turn.message))
        except Exception as error:  # an HTTP error or a dropped connection: counted, judged below
            turn.error = f"{type(error).__name__}: {error}"
        turn.ended = time.monotonic()
        turns.append(turn)
        done.release()


def stored_user_messages(launched: Launched, senders: List[str]) -> dict:
    import psycopg2

    password = launched.pg_data.with_name(launched.pg_data.name + ".password").read_text().strip()
    connection = psycopg2.connect(
        host="127.0.0.1", port=PG_PORT, user="postgres", password=password, dbname="kansrijk", connect_timeout=5
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sender_id, data FROM events WHERE type_name = 'user' AND sender_id = ANY(%s) ORDER BY id",
                (senders,),
            )
            stored = {sender: [] for sender in senders}
            for sender, data in cursor.fetchall():
                stored[sender].append(json.loads(data)["text"])
    finally:
        connection.close()
    return stored


def is_subsequence(wanted: List[str], stored: List[str]) -> bool:
    remaining = iter(stored)
    return all(any(message == candidate for candidate in remaining) for message in wanted)


@pytest.mark.e2e
def test_a_rasa_server_killed_under_load_loses_no_conversation(scaled):
    senders = [new_sender() for _ in range(CONVERSATIONS)]
    conversations = {sender: [] for sender in senders}
    done = threading.Semaphore(0)
    threads = [threading.Thread(target=converse, args=(s, conversations[s], done)) for s in senders]
    for thread in threads:
        thread.start()
    for _ in range(CONVERSATIONS * 2):  # a little into the load
        assert done.acquire(timeout=120), "the load did not get going"
    victim = scaled.pids()[KILLED]
    os.kill(victim, signal.SIGKILL)
    killed_at = time.monotonic()
    for thread in threads:
        thread.join(timeout=300)
    turns = [turn for sender in senders for turn in conversations[sender]]

    assert len(turns) == CONVERSATIONS * TURNS
    failed = [turn for turn in turns if turn.error]
    # Only a request the killed server had taken may fail: ended after the kill, and started
    # before it, or in the moment the dying process still accepted connections.
    in_flight = [killed_at - 0.01 <= turn.ended and turn.started <= killed_at + DYING for turn in failed]
    assert all(in_flight), [(t.error, t.started - killed_at) for t in failed]
    assert all(sum(bool(turn.error) for turn in conversations[sender]) <= 2 for sender in senders)
    assert all(turn.replies for turn in turns if not turn.error), "an answered request without a reply"
    # No conversation hangs on a lock the dead server left behind (bot/ticket_lock.py).
    slowest = max(turn.ended - turn.started for turn in turns)
    assert slowest < LOCK_LIFETIME_SECONDS + 15, f"a message waited {slowest:.0f} s"
    assert sum(turn.started > killed_at for turn in turns) >= CONVERSATIONS * 4, "too little load after the kill"

    # Every answered turn is in PostgreSQL, in order, whichever server answered it.
    stored = stored_user_messages(scaled, senders)
    for sender in senders:
        answered = [turn.message for turn in conversations[sender] if not turn.error]
        assert is_subsequence(answered, stored[sender]), (sender, answered, stored[sender])
    # And the conversation went on where it was: "hoe word ik dat?" is about the electrician.
    for sender in senders:
        for before, turn in zip(conversations[sender], conversations[sender][1:], strict=False):
            if turn.message == "hoe word ik dat?" and not turn.error and not before.error:
                assert "lektric" in " ".join(turn.replies).lower(), turn.replies

    scaled.wait_for_line(f"(port {PUBLIC_PORT + 1}) stopped (killed by SIGKILL)")
    assert "restarting it in 1 s" in scaled.output()
    # The supervisor's new server answers again by itself (loading the model takes a while).
    scaled.wait_for_line(f"(port {PUBLIC_PORT + 1}) is back", timeout=180)
    assert alive(scaled.pids()[KILLED]) and scaled.pids()[KILLED] != victim


@pytest.mark.e2e
def test_sigterm_stops_every_process_of_the_scaled_setup(scaled):
    pids = scaled.pids()
    assert set(pids) >= {"postgres", "redis", "haproxy", "rasa-5306", "rasa-5307", "actions-5356", "actions-5357"}
    assert scaled.stop(timeout=90) == 0, scaled.tail()
    assert not [name for name, pid in pids.items() if alive(pid)]


@pytest.mark.parametrize(
    "setting, url, named",
    [
        (
            "TRACKER_STORE_URL",
            "postgresql://postgres:geheim@127.0.0.1:{port}/kansrijk",
            "PostgreSQL at 127.0.0.1:{port}",
        ),
        ("LOCK_STORE_URL", "redis://:geheim@127.0.0.1:{port}/1", "Redis at 127.0.0.1:{port}"),
    ],
)
def test_an_unreachable_store_stops_the_start_with_a_clear_error(tmp_path, setting, url, named):
    port = closed_port()
    env = dict(os.environ, TRACKER_STORE_URL="", LOCK_STORE_URL="", PGDATA_DIR=str(tmp_path / "pg"))
    env[setting] = url.format(port=port)
    result = subprocess.run(
        [sys.executable, *scaled_args(tmp_path, public_port=closed_port())],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert f"error: cannot use {named.format(port=port)} ({setting})" in result.stderr
    assert "refused" in result.stderr.lower()
    assert "Traceback" not in result.stderr + result.stdout
    assert "geheim" not in result.stderr + result.stdout  # the password is not printed
    assert not (tmp_path / "scaled" / "processes.json").exists()  # nothing was started
