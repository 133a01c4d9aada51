"""The launchers of `make run` and `make run-scaled` as the failure tests start them: a real
process with its own ports and folders, its output in tests/artifacts/logs/."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Dict, List, Optional

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"


def ask(base_url: str, sender: str, message: str, timeout: float = 60) -> List[dict]:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(
        f"{base_url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def texts(answers: List[dict]) -> List[str]:
    return [answer.get("text", "") for answer in answers]


def new_sender() -> str:
    return uuid.uuid4().hex  # the widget's format, which the REST channel requires


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class Launched:
    def __init__(self, name: str, args: List[str], env: Dict[str, str], status_file: Path) -> None:
        self.log_file = ARTIFACTS / "logs" / f"{name}.log"
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        self.status_file = status_file
        with open(self.log_file, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [sys.executable, *args],
                cwd=PROJECT_ROOT,
                env=dict(os.environ, **env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.output().splitlines()[-lines:])

    def pids(self) -> Dict[str, int]:
        return json.loads(self.status_file.read_text(encoding="utf-8"))

    def wait_until_answering(self, base_url: str, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the launcher stopped while starting:\n{self.tail()}"
            if "is running" in self.output():
                try:
                    ask(base_url, new_sender(), "hoi", timeout=30)
                    return
                except (urllib.error.URLError, ConnectionError, OSError):
                    pass
            time.sleep(1)
        raise AssertionError(f"the assistant did not answer within {timeout:.0f} s:\n{self.tail()}")

    def wait_for_line(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output():
            assert time.monotonic() < deadline, f"no line with {text!r}:\n{self.tail()}"
            time.sleep(0.2)

    def stop(self, timeout: float = 60) -> Optional[int]:
        """SIGTERM, as `kill` sends it; the exit code, or None if it had to be killed."""
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            return None
