"""What `make run` (bot/launcher.py) opens, sends and creates: local addresses only,
the demo page's origin, no telemetry, private files, `.env` read, weak keys refused.
The servers themselves are replaced by a recorder of what would be started."""

import os
import stat

import pytest

from bot import launcher

STRONG = "s" * 32


class Recorder:
    """Stands in for subprocess.Popen: remembers each command, environment and umask."""

    def __init__(self) -> None:
        self.started = []

    def __call__(self, args, **options):
        self.started.append({"args": list(args), **options})
        return self

    pid = 0

    def poll(self):
        return None


@pytest.fixture
def recorded(monkeypatch, tmp_path):
    recorder = Recorder()
    monkeypatch.setattr(launcher.subprocess, "Popen", recorder)
    monkeypatch.setattr(launcher, "wait_for", lambda url, process, timeout: recorder.started[-1].update(probe=url))
    for name in ("LISTEN_ADDRESS", "RASA_TELEMETRY_ENABLED", "CORS_ORIGINS"):
        monkeypatch.delenv(name, raising=False)
    return recorder, str(tmp_path / "tracker.sqlite")


def by_name(recorder):
    return {("rasa" if "run" in entry["args"] else "actions"): entry for entry in recorder.started}


def option(args, name):
    index = args.index(name)
    values = []
    for value in args[index + 1 :]:
        if value.startswith("--"):
            break
        values.append(value)
    return values


def test_servers_listen_on_this_machine_only_by_default(recorded):
    recorder, tracker = recorded
    launcher.start_servers(5305, 5355, tracker_db=tracker)
    started = by_name(recorder)
    assert option(started["rasa"]["args"], "--interface") == ["127.0.0.1"]
    assert started["actions"]["env"]["SANIC_HOST"] == "127.0.0.1"  # rasa_sdk's listen address
    assert started["rasa"]["probe"] == "http://127.0.0.1:5305/"


def test_listen_address_opens_rasa_but_never_the_action_server(recorded, monkeypatch):
    recorder, tracker = recorded
    monkeypatch.setenv("LISTEN_ADDRESS", "0.0.0.0")
    launcher.start_servers(5305, 5355, tracker_db=tracker)
    started = by_name(recorder)
    assert option(started["rasa"]["args"], "--interface") == ["0.0.0.0"]
    assert started["actions"]["env"]["SANIC_HOST"] == "127.0.0.1"


def test_no_telemetry_private_files_and_endpoints_next_to_the_tracker(recorded, tmp_path):
    recorder, tracker = recorded
    launcher.start_servers(5305, 5355, tracker_db=tracker)
    for entry in recorder.started:
        assert entry["env"]["RASA_TELEMETRY_ENABLED"] == "false"
        assert entry["umask"] == 0o077
    endpoints = option(by_name(recorder)["rasa"]["args"], "--endpoints")[0]
    assert endpoints == str(tmp_path / "endpoints-5305.yml")  # not under the project's var/
    assert f'db: "{tracker}"' in (tmp_path / "endpoints-5305.yml").read_text()


def test_cors_defaults_to_loopback_pages_and_takes_a_list(recorded):
    recorder, tracker = recorded
    launcher.start_servers(5305, 5355, tracker_db=tracker)
    assert option(by_name(recorder)["rasa"]["args"], "--cors") == [launcher.LOOPBACK_ORIGINS]
    recorder.started.clear()
    launcher.start_servers(5305, 5355, tracker_db=tracker, cors=["https://a.nl", "https://b.nl"])
    assert option(by_name(recorder)["rasa"]["args"], "--cors") == ["https://a.nl", "https://b.nl"]


@pytest.mark.parametrize(
    "origin, allowed",
    [
        ("http://127.0.0.1:8080", True),
        ("http://localhost:41234", True),
        ("https://localhost", True),
        ("https://www.vmbodehaven.nl", False),
        ("http://127.0.0.1.evil.nl", False),
        ("http://localhost:8080.evil.nl", False),
    ],
)
def test_the_loopback_pattern_as_sanic_cors_applies_it(origin, allowed):
    from sanic_cors.core import try_match

    assert bool(try_match(origin, launcher.LOOPBACK_ORIGINS)) is allowed


def test_make_run_allows_the_demo_page_unless_told_otherwise():
    assert launcher.cors_origins({}, 8080) == ["http://localhost:8080", "http://127.0.0.1:8080"]
    listed = {"CORS_ORIGINS": "https://www.vmbodehaven.nl, https://school.example"}
    assert launcher.cors_origins(listed, 8080) == ["https://www.vmbodehaven.nl", "https://school.example"]
    assert launcher.listen_address({}) == "127.0.0.1"
    assert launcher.listen_address({"LISTEN_ADDRESS": " 0.0.0.0 "}) == "0.0.0.0"


def test_dotenv_is_read_without_overriding_the_environment(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "# secrets for make run\n"
        f"SENDER_ID_SECRET={STRONG}\n"
        "export WHATSAPP_APP_SECRET='met spaties = en quotes'\n"
        'RASA_PORT="5999"\n'
        "\n"
        "not a line\n"
        "1BAD=x\n"
        "DATABASE_URL=from-dotenv\n",
        encoding="utf-8",
    )
    environ = {"DATABASE_URL": "from-environment"}
    loaded = launcher.load_dotenv(dotenv, environ)
    assert loaded == ["SENDER_ID_SECRET", "WHATSAPP_APP_SECRET", "RASA_PORT"]
    assert environ == {
        "DATABASE_URL": "from-environment",
        "SENDER_ID_SECRET": STRONG,
        "WHATSAPP_APP_SECRET": "met spaties = en quotes",
        "RASA_PORT": "5999",
    }
    assert launcher.load_dotenv(tmp_path / "missing", environ) == []


def test_dotenv_readable_by_others_is_noticed(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text("A=b\n")
    dotenv.chmod(0o644)
    assert not launcher.dotenv_is_private(dotenv)
    dotenv.chmod(0o600)
    assert launcher.dotenv_is_private(dotenv)


def test_a_short_sender_key_stops_the_start_with_a_clear_message(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(launcher, "DOTENV", tmp_path / "no.env")
    monkeypatch.setenv("SENDER_ID_SECRET", "geheim")
    monkeypatch.setattr(launcher, "start_servers", lambda *a, **k: pytest.fail("servers started"))
    assert launcher.main([]) == 1
    error = capsys.readouterr().err
    assert "SENDER_ID_SECRET is shorter than 32 bytes" in error and "token_hex(32)" in error
    assert launcher.secret_problem({"SENDER_ID_SECRET": STRONG}) is None
    assert launcher.secret_problem({}) is None  # unset: the WhatsApp channels just stay closed


def test_make_private_closes_var_to_other_users(tmp_path):
    var = tmp_path / "var"
    var.mkdir(mode=0o755)
    tracker = var / "tracker.sqlite"
    tracker.write_text("gesprekken")
    tracker.chmod(0o644)
    before = os.umask(0o022)
    try:
        launcher.make_private(var)
        assert os.umask(before) == 0o077  # what the launcher set for itself and the servers
    finally:
        os.umask(before)
    assert stat.S_IMODE(var.stat().st_mode) == 0o700
    assert stat.S_IMODE(tracker.stat().st_mode) == 0o600


def test_make_run_wires_the_safe_defaults(monkeypatch, tmp_path, capsys):
    """main() as `make run` calls it, with the servers replaced: what it asks for."""
    calls = {}

    class GivesUp:
        def check(self):
            raise launcher.GaveUp("a server keeps stopping")  # so main() returns

    def fake_start(rasa_port, action_port, **options):
        calls["servers"] = options
        return launcher.Servers(rasa_port, action_port, supervisor=GivesUp())

    class Demo:
        def shutdown(self):
            calls["demo stopped"] = True

    monkeypatch.setattr(launcher, "DOTENV", tmp_path / "no.env")
    monkeypatch.setattr(launcher, "start_servers", fake_start)
    monkeypatch.setattr(launcher, "start_demo_site", lambda port, url, host: calls.setdefault("demo", host) and Demo())
    monkeypatch.setattr(launcher, "make_private", lambda folder: calls.setdefault("private", folder))
    monkeypatch.setattr(launcher.signal, "signal", lambda *args: None)
    monkeypatch.setattr(launcher.Servers, "stop", lambda self: None)
    for name in ("LISTEN_ADDRESS", "CORS_ORIGINS", "SENDER_ID_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RETENTION_DAYS", "0")
    assert launcher.main(["--demo-port", "8123"]) == 1  # the supervisor gave up
    assert calls["servers"] == {
        "tracker_db": str(launcher.PROJECT_ROOT / launcher.TRACKER_DB),
        "cors": ["http://localhost:8123", "http://127.0.0.1:8123"],
        "host": "127.0.0.1",
    }
    assert calls["demo"] == "127.0.0.1"
    assert calls["private"] == launcher.PROJECT_ROOT / "var"
    assert "this machine only" in capsys.readouterr().out
