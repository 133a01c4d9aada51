"""bot/supervisor.py with small real processes: restart, backoff, giving up, stopping."""

import os
import subprocess
import sys
import time

import pytest

from bot.supervisor import Backoff, Child, GaveUp, Supervisor

QUICK = Backoff(first=0.05, maximum=0.2, stable_after=60, max_failures=3)


def python(code: str):
    def start() -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", code], start_new_session=True)

    return start


SLEEPS = "import time; time.sleep(60)"


def child(start, key="server", ready=lambda: True) -> Child:
    return Child(key, f"the {key}", start, ready, log_hint=f"var/logs/{key}.log")


def run_until(supervisor: Supervisor, condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the supervisor did not get there in time"
        supervisor.check()
        time.sleep(0.02)


def test_the_pause_doubles_up_to_thirty_seconds():
    assert [Backoff().delay(n) for n in range(1, 8)] == [1, 2, 4, 8, 16, 30, 30]


def test_a_crashed_server_is_restarted_and_says_so(tmp_path):
    lines = []
    server = child(python(SLEEPS))
    supervisor = Supervisor([server], backoff=QUICK, status_file=tmp_path / "pids.json", log=lines.append)
    supervisor.start()
    first = server.process.pid
    assert (tmp_path / "pids.json").read_text().count(str(first)) == 1
    server.process.kill()
    run_until(supervisor, lambda: server.spawns == 2 and server.ready_at is not None)
    try:
        assert server.process.pid != first and str(server.process.pid) in (tmp_path / "pids.json").read_text()
        assert "the server stopped (killed by SIGKILL)" in lines[0] and "restarting it in" in lines[0]
        assert "the server is back" in lines[1]
    finally:
        supervisor.stop()


def test_a_server_that_cannot_start_stops_everything_at_once():
    supervisor = Supervisor(
        [child(python(SLEEPS), "proxy"), child(python("raise SystemExit(3)"), "rasa", lambda: False)]
    )
    with pytest.raises(GaveUp, match=r"the rasa stopped while starting \(exit code 3\); see var/logs/rasa.log"):
        supervisor.start()
    supervisor.stop()
    assert not supervisor.processes()


def test_a_server_that_keeps_crashing_after_a_restart_is_given_up(tmp_path):
    # Runs once; every restart fails at once, as after a broken config file.
    marker = tmp_path / "ran"
    code = (
        f"import os, time; again = os.path.exists({str(marker)!r}); open({str(marker)!r}, 'a').close(); "
        "again and exit(2); time.sleep(60)"
    )
    lines = []
    server = child(python(code))
    supervisor = Supervisor([server], backoff=QUICK, log=lines.append)
    supervisor.start()
    server.process.kill()
    with pytest.raises(GaveUp, match=r"stopped 3 times in a row.*exit code 2.*giving up"):
        run_until(supervisor, lambda: False)
    assert [line.count("restarting it in") for line in lines if "stopped" in line] == [1, 1]
    supervisor.stop()


def test_a_stable_run_resets_the_count():
    now = [1000.0]
    server = child(python(SLEEPS))
    supervisor = Supervisor([server], backoff=QUICK, clock=lambda: now[0])
    supervisor.start()
    try:
        server.failures = 2
        now[0] += 30
        supervisor.check()
        assert server.failures == 2
        now[0] += 31
        supervisor.check()
        assert server.failures == 0
    finally:
        supervisor.stop()


def test_stop_ends_each_process_group_and_nothing_restarts():
    # A shell with a child of its own: the whole group must go, not only the shell.
    def shell() -> subprocess.Popen:
        return subprocess.Popen(["bash", "-c", "sleep 60 & wait"], start_new_session=True)

    servers = [child(shell, "a"), child(python(SLEEPS), "b")]
    supervisor = Supervisor(servers, backoff=QUICK)
    supervisor.start()
    group = servers[0].process.pid
    supervisor.stop()
    assert not supervisor.processes()
    supervisor.check()  # nothing is due for a restart
    assert not supervisor.processes()
    deadline = time.monotonic() + 5
    while group_alive(group):  # the orphaned `sleep` is reaped by init, a moment later
        assert time.monotonic() < deadline, "a process of the stopped group is still running"
        time.sleep(0.05)


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_server_that_never_answers_is_stopped_after_its_start_timeout():
    lines = []
    silent = child(python(SLEEPS), "rasa", ready=lambda: False)
    silent.start_timeout = 0.3
    supervisor = Supervisor([silent], backoff=QUICK, log=lines.append)
    with pytest.raises(GaveUp, match=r"the rasa stopped while starting \(killed by SIGTERM\)"):
        supervisor.start(poll=0.05)
    assert lines and "did not answer within" in lines[0]
    supervisor.stop()


def test_a_program_that_cannot_run_is_a_clear_error():
    def missing() -> subprocess.Popen:
        return subprocess.Popen(["/nonexistent/haproxy"], start_new_session=True)

    with pytest.raises(GaveUp, match=r"the proxy could not be started: .*No such file"):
        Supervisor([child(missing, "proxy")]).start()
