"""`make run`: start the action server and the Rasa server, wait until both answer, stop on Ctrl-C.

Configuration comes from the environment and from a `.env` file in the project folder
(the environment wins), with embedded defaults: RASA_PORT (5005), ACTION_PORT (5055),
DEMO_PORT (8080), LISTEN_ADDRESS (127.0.0.1: nothing is reachable from other machines
until an admin opens it), CORS_ORIGINS (the demo page's origin). See docs/security.md.
"""

import argparse
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, MutableMapping, Optional, Sequence, Union

from bot.privacy import secret_is_strong, sender_id_secret, weak_secret_message
from bot.supervisor import Child, GaveUp, Supervisor, http_ok
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
PR_SET_PDEATHSIG = 1  # prctl(2)


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


def _die_with_parent() -> None:
    """In the child before exec: get SIGTERM when the launcher dies, even by SIGKILL, so no
    server outlives it and keeps its port and its memory. (Linux sends it when the *thread*
    that started the child ends: start servers from a thread that lives as long as they do.)"""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def process_starter(
    args: List[str], env: Optional[Dict[str, str]], log_file: Optional[Path]
) -> Callable[[], subprocess.Popen]:
    """What starts ``args`` in a process group of its own. Output goes to ``log_file`` (emptied
    at the first start, appended to at a restart, so the lines before a crash stay) or to ours."""
    first = [True]

    def start() -> subprocess.Popen:
        output = None
        if log_file is not None:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            output = open(log_file, "w" if first[0] else "a", encoding="utf-8")
            first[0] = False
        try:
            return subprocess.Popen(
                args,
                cwd=PROJECT_ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT if output else None,
                start_new_session=True,
                umask=PRIVATE_UMASK,
                preexec_fn=_die_with_parent,
            )
        finally:
            if output is not None:
                output.close()  # the child has its own copy

    return start


def action_server_command(port: int) -> List[str]:
    return [str(VENV_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)]


def rasa_server_command(model: str, port: int, host: str, endpoints: Path, origins: Sequence[str]) -> List[str]:
    return [
        str(VENV_BIN / "python"),
        "-m",
        "bot.rasa_server",  # `rasa run` with the project's fixes (bot/rasa_server.py)
        "run",
        "--model",
        model,
        "--port",
        str(port),
        "--interface",
        host,
        "--credentials",
        "credentials.yml",
        "--endpoints",
        str(endpoints),
        "--cors",
        *origins,
    ]


def server_environment(env: Optional[dict] = None) -> Dict[str, str]:
    environment = dict(os.environ, **(env or {}))
    for name, value in QUIET_ENVIRONMENT.items():
        environment.setdefault(name, value)
    return environment


def log_hint(log_file: Optional[Path]) -> str:
    return str(log_file) if log_file else "its output above"


@dataclass
class Servers:
    rasa_port: int
    action_port: int
    supervisor: Supervisor

    @property
    def rest_url(self) -> str:
        return f"http://localhost:{self.rasa_port}/webhooks/rest/webhook"

    @property
    def processes(self) -> List[subprocess.Popen]:
        """The running processes: the action server, then the Rasa server."""
        return list(self.supervisor.processes().values())

    def stop(self) -> None:
        self.supervisor.stop()


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
    always on 127.0.0.1 (it has no authentication). The endpoints file and a status file
    (the pids, `processes-PORT.json`) are written next to ``tracker_db``. Call
    ``servers.supervisor.check()`` now and then to restart a server that stopped."""
    tracker_folder = (PROJECT_ROOT / tracker_db).parent
    endpoints = write_endpoints(action_port, tracker_db, tracker_folder / f"endpoints-{rasa_port}.yml")
    environment = server_environment(env)
    host = host or listen_address(environment)
    origins = [cors] if isinstance(cors, str) else list(cors)
    logs = {name: log_dir / f"{name}.log" if log_dir else None for name in ("actions", "rasa")}
    urls = {"actions": f"http://{LOCAL_ONLY}:{action_port}/health", "rasa": f"http://{probe_host(host)}:{rasa_port}/"}
    children = [
        Child(
            "actions",
            f"the action server (port {action_port})",
            # rasa_sdk reads its listen address from SANIC_HOST
            process_starter(
                action_server_command(action_port), dict(environment, SANIC_HOST=LOCAL_ONLY), logs["actions"]
            ),
            http_ok(urls["actions"]),
            log_hint(logs["actions"]),
        ),
        Child(
            "rasa",
            f"the Rasa server (port {rasa_port})",
            process_starter(rasa_server_command(model, rasa_port, host, endpoints, origins), environment, logs["rasa"]),
            http_ok(urls["rasa"]),
            log_hint(logs["rasa"]),
        ),
    ]
    status_file = tracker_folder / f"processes-{rasa_port}.json"
    supervisor = Supervisor(children, start_timeout=START_TIMEOUT, status_file=status_file)
    try:
        supervisor.start(wait=False)
        for key, process in supervisor.processes().items():
            wait_for(urls[key], process, START_TIMEOUT)
        supervisor.mark_ready()
    except BaseException:
        supervisor.stop()
        raise
    return Servers(rasa_port, action_port, supervisor)


def start_demo_site(port: int, rasa_url: str, host: str = LOCAL_ONLY):
    from bot.demo_site import make_server

    server = make_server(port, rasa_url, host=host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def raise_keyboard_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def stop_on_signals() -> None:
    # A `kill` (SIGTERM) stops the servers as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
    # Ctrl-C must stop the servers even when a shell started us with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)


def ignore_signals() -> None:
    """While stopping: a second Ctrl-C must not leave servers behind half-stopped."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def keep_running(supervisor: Supervisor) -> int:
    """Restart what stops, until Ctrl-C (0) or until a server cannot be kept running (1)."""
    try:
        while True:
            supervisor.check()
            time.sleep(0.5)
    except GaveUp as error:
        print(f"error: {error}. Stopping everything.", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("\n==> stopping...", flush=True)
        return 0


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
    parser.add_argument("--var-dir", type=Path, default=PROJECT_ROOT / "var", help="tracker, endpoints, pids")
    args = parser.parse_args(argv)
    from bot.channels.twilio_whatsapp import twilio_whatsapp_status
    from bot.channels.whatsapp import whatsapp_status
    from bot.retention import retention_days, start_purging

    keep_days = retention_days()
    make_private(args.var_dir)
    tracker_db = args.var_dir.resolve() / "tracker.sqlite"
    host = listen_address(dict(os.environ))
    origins = cors_origins(dict(os.environ), args.demo_port)
    stop_on_signals()

    print("==> starting the action server and the Rasa server (this takes a minute)...", flush=True)
    started = time.monotonic()
    try:
        servers = start_servers(args.rasa_port, args.action_port, tracker_db=str(tracker_db), cors=origins, host=host)
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    rasa_url = f"http://localhost:{args.rasa_port}"
    demo = start_demo_site(args.demo_port, rasa_url, host)
    purging = start_purging(tracker_db, keep_days)
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
    A server that stops is restarted. Stop with Ctrl-C.
""",
        flush=True,
    )
    try:
        return keep_running(servers.supervisor)
    finally:
        ignore_signals()
        if purging:
            purging.set()
        demo.shutdown()
        servers.stop()


if __name__ == "__main__":
    sys.exit(main())
