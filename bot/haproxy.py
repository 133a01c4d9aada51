"""haproxy in front of the Rasa servers and the action servers of `make run-scaled`.

One public port for the Rasa servers, one local port for the action servers. Health
checks every 2 s take a server that stopped out of rotation within a few seconds and
bring it back once it answers again; a request that cannot connect is sent to another
server (`retries` + `redispatch`), so only requests in flight on a dying server fail.
"""

import shutil
import subprocess
from pathlib import Path
from typing import Optional, Sequence

from bot.launcher import LOCAL_ONLY, process_starter
from bot.supervisor import Child, http_ok
from occupations.config import PROJECT_ROOT

INSTALL_SCRIPT = PROJECT_ROOT / "scripts" / "install_debian_package.sh"
TWILIO_PATH = "/webhooks/twilio_whatsapp/"


def address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def backend(name: str, health: str, prefix: str, servers: Sequence[int]) -> str:
    lines = [
        f"backend {name}",
        "    balance leastconn",
        f"    option httpchk GET {health}",
        "    http-check expect status 200",
    ]
    # The same names as the supervisor's ("rasa-5006"), so haproxy's and our lines match.
    lines += [f"    server {prefix}-{port} {LOCAL_ONLY}:{port} check" for port in servers]
    return "\n".join(lines)


def first_up(name: str, tracked: str, prefix: str, servers: Sequence[int]) -> str:
    """All requests to the first server that is up, the next one only when it is down; the
    health checks are those of ``tracked``."""
    lines = [f"backend {name}", "    balance first"]
    lines += [f"    server {prefix}-{port} {LOCAL_ONLY}:{port} track {tracked}/{prefix}-{port}" for port in servers]
    return "\n".join(lines)


def config(
    public_host: str, public_port: int, rasa_ports: Sequence[int], action_port: int, action_ports: Sequence[int]
) -> str:
    return (
        "\n\n".join(
            [
                "# Written by `make run-scaled` (bot/haproxy.py) at every start.\nglobal\n    maxconn 4096",
                "defaults\n"
                "    mode http\n"
                "    timeout connect 2s\n"
                # Under a heavy load a Rasa answer takes seconds; the widget waits, so do we.
                "    timeout client 120s\n"
                "    timeout server 120s\n"
                # A busy Rasa server answers its health check late, not never.
                "    timeout check 5s\n"
                "    retries 3\n"
                "    option redispatch 1\n"
                "    default-server inter 2s fall 2 rise 2",
                f"frontend rasa\n    bind {address(public_host, public_port)}\n"
                # Twilio's numbered choices ("2") are remembered by the Rasa server that sent
                # them (bot/channels/memory.py ChoiceMemory): one server takes that channel.
                f"    use_backend rasa_twilio if {{ path_beg {TWILIO_PATH} }}\n"
                "    default_backend rasa_servers",
                backend("rasa_servers", "/", "rasa", rasa_ports),
                first_up("rasa_twilio", "rasa_servers", "rasa", rasa_ports),
                f"frontend actions\n    bind {LOCAL_ONLY}:{action_port}\n    default_backend action_servers",
                backend("action_servers", "/health", "actions", action_ports),
            ]
        )
        + "\n"
    )


def install_problem(command: str = "haproxy", package: str = "haproxy") -> Optional[str]:
    """Install a Debian package if its command is missing (scripts/install_debian_package.sh); why not, or None."""
    if shutil.which(command):
        return None
    result = subprocess.run(["bash", str(INSTALL_SCRIPT), command, package], capture_output=True, text=True)
    if result.returncode != 0 or not shutil.which(command):
        return (result.stderr.strip().splitlines() or [f"{package} could not be installed"])[-1]
    return None


def haproxy_child(config_file: Path, log_file: Path, probe_url: str) -> Child:
    return Child(
        "haproxy",
        "haproxy",
        # -db: stay in the foreground, so the supervisor sees it stop.
        process_starter(["haproxy", "-db", "-f", str(config_file)], None, log_file),
        http_ok(probe_url),
        str(log_file),
        start_timeout=60.0,
    )
