"""`make bench BENCH_ARGS=--scaled`: this assistant as `make run-scaled` starts it (WORKERS=2),
on bench ports and with a throwaway PostgreSQL, so a bench never touches a real setup."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, Optional

from occupations.config import PROJECT_ROOT

PUBLIC_PORT, ACTION_PORT, DEMO_PORT, REDIS_PORT, PG_PORT = 5120, 5170, 8120, 6381, 55437
PG_DATA = Path("/tmp/kansrijk-pg-bench")  # postgres (the user) cannot enter var/ when we are root


class ScaledRun:
    def __init__(self, var_dir: Path, workers: int = 2) -> None:
        self.var_dir = var_dir
        self.url = f"http://127.0.0.1:{PUBLIC_PORT}"
        self.log_file = var_dir / "logs" / "scaled-launcher.log"
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        ports = {
            "rasa": PUBLIC_PORT,
            "action": ACTION_PORT,
            "demo": DEMO_PORT,
            "redis": REDIS_PORT,
            "postgres": PG_PORT,
        }
        args = [f"--{name}-port={port}" for name, port in ports.items()]
        env = dict(os.environ, PGDATA_DIR=str(PG_DATA), TRACKER_STORE_URL="", LOCK_STORE_URL="", DEDUPE_REDIS_URL="")
        with open(self.log_file, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.scaled", "--workers", str(workers), "--var-dir", str(var_dir), *args],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_ready(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make run-scaled stopped while starting; see {self.log_file}")
            if "is running" in self.log_file.read_text(encoding="utf-8", errors="replace"):
                try:
                    with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                        if response.status == 200:
                            return
                except (urllib.error.URLError, OSError):
                    pass
            time.sleep(1)
        raise RuntimeError(f"make run-scaled did not answer within {timeout:.0f} s; see {self.log_file}")

    def pids(self) -> Dict[str, int]:
        return json.loads((self.var_dir / "scaled" / "processes.json").read_text(encoding="utf-8"))

    def stop(self) -> Optional[int]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(PG_DATA, ignore_errors=True)
        PG_DATA.with_name(PG_DATA.name + ".password").unlink(missing_ok=True)
        return self.process.returncode
