"""`make run`: start the action server and the Rasa server, wait until both answer, stop on Ctrl-C.

Configuration comes from the environment and from a `.env` file in the project folder
(the environment wins), with embedded defaults: RASA_PORT (5005), ACTION_PORT (5055),
DEMO_PORT (8080), LISTEN_ADDRESS (127.0.0.1: nothing is reachable from other machines
until an admin opens it), CORS_ORIGINS (the demo page's origin). See docs/security.md.
"""

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, MutableMapping, Optional, Sequence, Union

from bot.privacy import secret_is_strong, sender_id_secret, weak_secret_message
from occupations.config import PROJECT_ROOT

TRACKER_DB = "var/tracker.sqlite"  # relative to PROJECT_ROOT, as in endpoints.yml
VENV_BIN = Path(sys.executable).parent
START_TIMEOUT = 300  # seconds; loading TensorFlow and the model takes a while on two cores
DOTENV = PROJECT_ROOT / ".env"
LISTEN_ADDRESS_ENV = "LISTEN_ADDRESS"
LOCAL_ONLY = "127.0.0.1"
# Pages served from this machine on any port (the tests' demo pages): the default of
# start_servers. Sanic-Cors treats this as a regular expression.
LOOPBACK_ORIGINS = r"https?://(localhost|127\.0\.0\.1)(:\d+)?$"
PRIVATE_UMASK = 0o077  # what the servers create (tracker, duplicate check) only we can read
# For both servers: no usage data or error reports leave the machine (an admin may opt in).
QUIET_ENVIRONMENT = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def load_dotenv(path: Optional[Path] = None, environ: Optional[MutableMapping[str, str]] = None) -> List[str]:
    """Set the variables of a `.env` file that the environment does not set yet; return
    their names. Lines are `NAME=value` (optionally `export NAME=value`, the value
    optionally in quotes); blank lines and `#` comments are skipped; nothing is expanded."""
    environ = os.environ if environ is None else environ
    path = path or DOTENV
    if not path.is_file():
        return []
    loaded = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, value = (part.strip() for part in line.removeprefix("export ").split("=", 1))
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if name.isidentifier() and name not in environ:
            environ[name] = value
            loaded.append(name)
    return loaded


def dotenv_is_private(path: Optional[Path] = None) -> bool:
    """Whether `.env` (it holds secrets) is closed to other users of the machine."""
    path = path or DOTENV
    return not path.exists() or path.stat().st_mode & 0o077 == 0


def demo_origins(demo_port: int) -> List[str]:
    return [f"http://localhost:{demo_port}", f"http://127.0.0.1:{demo_port}"]


def cors_origins(environ: Dict[str, str], demo_port: int) -> List[str]:
    """CORS_ORIGINS (separated by spaces or commas), or else the demo page's origin."""
    listed = (environ.get("CORS_ORIGINS") or "").replace(",", " ").split()
    return listed or demo_origins(demo_port)


def listen_address(environ: Dict[str, str]) -> str:
    return (environ.get(LISTEN_ADDRESS_ENV) or "").strip() or LOCAL_ONLY


def secret_problem(environ: Dict[str, str]) -> Optional[str]:
    """Why SENDER_ID_SECRET cannot be used, or None (also when it is not set: then the
    WhatsApp channels stay closed, which the status line says)."""
    secret = sender_id_secret(environ)
    return weak_secret_message() if secret and not secret_is_strong(secret) else None


def make_private(var_dir: Path) -> None:
    """umask 077 for everything this process and its servers create, and var/ (the
    tracker holds what pupils typed) closed to other users, also if made before."""
    os.umask(PRIVATE_UMASK)
    var_dir.mkdir(parents=True, exist_ok=True)
    var_dir.chmod(0o700)
    for path in var_dir.iterdir():
        if path.is_file() and not path.is_symlink():
            path.chmod(path.stat().st_mode & 0o700)


def probe_host(host: str) -> str:
    """Where to check a server that listens on ``host``."""
    if host in ("0.0.0.0", "::", ""):
        return LOCAL_ONLY
    return f"[{host}]" if ":" in host else host


def write_endpoints(action_port: int, tracker_db: str, target: Path) -> Path:
    """endpoints.yml with the action server's port and the tracker database of this run."""
    text = (PROJECT_ROOT / "endpoints.yml").read_text(encoding="utf-8")
    text = text.replace("http://localhost:5055/webhook", f"http://127.0.0.1:{action_port}/webhook")
    text = text.replace(f'db: "{TRACKER_DB}"', f'db: "{tracker_db}"')
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def wait_for(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server behind {url} stopped while starting (exit code {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} seconds")


@dataclass
class Servers:
    rasa_port: int
    action_port: int
    processes: List[subprocess.Popen] = field(default_factory=list)

    @property
    def rest_url(self) -> str:
        return f"http://localhost:{self.rasa_port}/webhooks/rest/webhook"

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def start_servers(
    rasa_port: int = 5005,
    action_port: int = 5055,
    model: str = "models/kansrijk.tar.gz",
    tracker_db: str = TRACKER_DB,
    log_dir: Optional[Path] = None,
    cors: Union[str, Sequence[str]] = LOOPBACK_ORIGINS,
    env: Optional[dict] = None,
    host: Optional[str] = None,
) -> Servers:
    """Start both servers in their own process groups and wait until they answer.

    Rasa listens on ``host`` (default LISTEN_ADDRESS, else 127.0.0.1); the action server
    always on 127.0.0.1 (it has no authentication). The endpoints file is written next
    to ``tracker_db``."""
    tracker_folder = (PROJECT_ROOT / tracker_db).parent
    endpoints = write_endpoints(action_port, tracker_db, tracker_folder / f"endpoints-{rasa_port}.yml")
    environment = dict(os.environ, **(env or {}))
    for name, value in QUIET_ENVIRONMENT.items():
        environment.setdefault(name, value)
    host = host or listen_address(environment)
    origins = [cors] if isinstance(cors, str) else list(cors)
    servers = Servers(rasa_port, action_port)

    def spawn(args: List[str], name: str, extra_env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
        output = None
        if log_dir is not None:
            log_dir.mkdir(parents=True, exist_ok=True)
            output = open(log_dir / f"{name}.log", "w", encoding="utf-8")
        process = subprocess.Popen(
            args,
            cwd=PROJECT_ROOT,
            env=dict(environment, **(extra_env or {})),
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            start_new_session=True,
            umask=PRIVATE_UMASK,
        )
        servers.processes.append(process)
        return process

    try:
        actions = spawn(
            [str(VENV_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", str(action_port)],
            "actions",
            {"SANIC_HOST": LOCAL_ONLY},  # rasa_sdk reads its listen address from here
        )
        rasa = spawn(
            [
                str(VENV_BIN / "python"),
                "-m",
                "bot.rasa_server",  # `rasa run` with two of Rasa's costs taken out
                "run",
                "--model",
                model,
                "--port",
                str(rasa_port),
                "--interface",
                host,
                "--credentials",
                "credentials.yml",
                "--endpoints",
                str(endpoints),
                "--cors",
                *origins,
            ],
            "rasa",
        )
        wait_for(f"http://{LOCAL_ONLY}:{action_port}/health", actions, START_TIMEOUT)
        wait_for(f"http://{probe_host(host)}:{rasa_port}/", rasa, START_TIMEOUT)
    except BaseException:
        servers.stop()
        raise
    return servers


def start_demo_site(port: int, rasa_url: str, host: str = LOCAL_ONLY):
    from bot.demo_site import make_server

    server = make_server(port, rasa_url, host=host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def raise_keyboard_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def preflight() -> Optional[str]:
    """Load `.env` and check the settings; return what is wrong, or None."""
    loaded = load_dotenv()
    if loaded:
        print(f"==> read {len(loaded)} setting(s) from .env", flush=True)
    if not dotenv_is_private():
        print("warning: .env can be read by other users of this machine; run: chmod 600 .env", file=sys.stderr)
    from bot.retention import RetentionConfigError, retention_days

    try:
        retention_days()
    except RetentionConfigError as error:
        return str(error)
    return secret_problem(dict(os.environ))


def main(argv=None) -> int:
    problem = preflight()  # before the arguments: their defaults come from the environment
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    parser = argparse.ArgumentParser(description="Start the Kansrijk Kiezen assistant.")
    parser.add_argument("--rasa-port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--action-port", type=int, default=int(os.environ.get("ACTION_PORT", 5055)))
    parser.add_argument("--demo-port", type=int, default=int(os.environ.get("DEMO_PORT", 8080)))
    args = parser.parse_args(argv)
    from bot.channels.twilio_whatsapp import twilio_whatsapp_status
    from bot.channels.whatsapp import whatsapp_status
    from bot.retention import retention_days, start_purging

    keep_days = retention_days()
    make_private(PROJECT_ROOT / "var")
    host = listen_address(dict(os.environ))
    origins = cors_origins(dict(os.environ), args.demo_port)

    # A `kill` (SIGTERM) stops the servers as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
    # Ctrl-C must stop the servers even when a shell started us with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)

    print("==> starting the action server and the Rasa server (this takes a minute)...", flush=True)
    started = time.monotonic()
    try:
        servers = start_servers(args.rasa_port, args.action_port, cors=origins, host=host)
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    rasa_url = f"http://localhost:{args.rasa_port}"
    demo = start_demo_site(args.demo_port, rasa_url, host)
    purging = start_purging(PROJECT_ROOT / TRACKER_DB, keep_days)
    kept = f"deleted after {keep_days} days" if keep_days else "kept (RETENTION_DAYS=0)"
    reach = "this machine only" if host == LOCAL_ONLY else f"{host} ({LISTEN_ADDRESS_ENV})"
    print(
        f"""
==> Kansrijk Kiezen is running (ready after {time.monotonic() - started:.0f} s)
    REST channel : {servers.rest_url}
                   curl -s -X POST {servers.rest_url} -H 'Content-Type: application/json' \\
                        -d '{{"sender": "{"0" * 32}", "message": "hoeveel verdient een lasster?"}}'
    Demo school page with the chat widget: http://localhost:{args.demo_port}/
    Action server: http://localhost:{args.action_port}/health (this machine only)
    Listening on : {reach}; pages allowed to call the bot (CORS_ORIGINS): {" ".join(origins)}
    {whatsapp_status()}; {twilio_whatsapp_status()}
    Conversations: {kept} (RETENTION_DAYS)
    Stop with Ctrl-C.
""",
        flush=True,
    )
    try:
        while all(process.poll() is None for process in servers.processes):
            time.sleep(1)
        print("error: a server stopped unexpectedly; stopping the other one", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\n==> stopping...", flush=True)
        return 0
    finally:
        if purging:
            purging.set()
        demo.shutdown()
        servers.stop()


if __name__ == "__main__":
    sys.exit(main())
