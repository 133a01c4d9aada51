"""`make run`: start the action server and the Rasa server, wait until both answer, stop on Ctrl-C.

Configuration comes from the environment, with embedded defaults:
RASA_PORT (5005), ACTION_PORT (5055), DEMO_PORT (8080), CORS_ORIGINS ("*").
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
from typing import List, Optional

from occupations.config import PROJECT_ROOT

TRACKER_DB = "var/tracker.sqlite"  # relative to PROJECT_ROOT, as in endpoints.yml
VENV_BIN = Path(sys.executable).parent
START_TIMEOUT = 300  # seconds; loading TensorFlow and the model takes a while on two cores


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
    cors: str = "*",
    env: Optional[dict] = None,
) -> Servers:
    """Start both servers in their own process groups and wait until they answer."""
    endpoints = write_endpoints(action_port, tracker_db, PROJECT_ROOT / "var" / f"endpoints-{rasa_port}.yml")
    environment = dict(os.environ, **(env or {}))
    environment.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    servers = Servers(rasa_port, action_port)

    def spawn(args: List[str], name: str) -> subprocess.Popen:
        output = None
        if log_dir is not None:
            log_dir.mkdir(parents=True, exist_ok=True)
            output = open(log_dir / f"{name}.log", "w", encoding="utf-8")
        process = subprocess.Popen(
            args,
            cwd=PROJECT_ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            start_new_session=True,
        )
        servers.processes.append(process)
        return process

    try:
        actions = spawn(
            [str(VENV_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", str(action_port)], "actions"
        )
        rasa = spawn(
            [
                str(VENV_BIN / "rasa"),
                "run",
                "--model",
                model,
                "--port",
                str(rasa_port),
                "--credentials",
                "credentials.yml",
                "--endpoints",
                str(endpoints),
                "--cors",
                cors,
            ],
            "rasa",
        )
        wait_for(f"http://127.0.0.1:{action_port}/health", actions, START_TIMEOUT)
        wait_for(f"http://127.0.0.1:{rasa_port}/", rasa, START_TIMEOUT)
    except BaseException:
        servers.stop()
        raise
    return servers


def start_demo_site(port: int, rasa_url: str):
    from bot.demo_site import make_server

    server = make_server(port, rasa_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def raise_keyboard_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Start the Kansrijk Kiezen assistant.")
    parser.add_argument("--rasa-port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--action-port", type=int, default=int(os.environ.get("ACTION_PORT", 5055)))
    parser.add_argument("--demo-port", type=int, default=int(os.environ.get("DEMO_PORT", 8080)))
    args = parser.parse_args(argv)
    from bot.channels.whatsapp import whatsapp_status
    from bot.retention import RetentionConfigError, retention_days, start_purging

    try:
        keep_days = retention_days()
    except RetentionConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    # A `kill` (SIGTERM) stops the servers as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
    # Ctrl-C must stop the servers even when a shell started us with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)

    print("==> starting the action server and the Rasa server (this takes a minute)...", flush=True)
    started = time.monotonic()
    try:
        servers = start_servers(args.rasa_port, args.action_port, cors=os.environ.get("CORS_ORIGINS", "*"))
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    rasa_url = f"http://localhost:{args.rasa_port}"
    demo = start_demo_site(args.demo_port, rasa_url)
    purging = start_purging(PROJECT_ROOT / TRACKER_DB, keep_days)
    kept = f"deleted after {keep_days} days" if keep_days else "kept (RETENTION_DAYS=0)"
    print(
        f"""
==> Kansrijk Kiezen is running (ready after {time.monotonic() - started:.0f} s)
    REST channel : {servers.rest_url}
                   curl -s -X POST {servers.rest_url} -H 'Content-Type: application/json' \\
                        -d '{{"sender": "demo", "message": "hoeveel verdient een lasster?"}}'
    Demo school page with the chat widget: http://localhost:{args.demo_port}/
    Action server: http://localhost:{args.action_port}/health
    {whatsapp_status()}
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
