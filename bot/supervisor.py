"""Keep the servers of `make run` and `make run-scaled` running: restart one that stops.

Each server is a `Child`: how to start it and how to tell that it answers. The launcher
calls `Supervisor.check()` about twice a second; a child that stopped is started again
after a pause that doubles with every crash in a row (1, 2, 4 … at most 30 s) and starts
over once the child has run stably for a minute. Every stop, restart and return is one
line on stderr with the time.

A child that cannot start is not retried for ever: one that stops before it first
answered (a bad model or config at launch) or that stops `max_failures` times in a row
without a stable run ends supervision with `GaveUp`, whose message says which server,
how it stopped and where its log is.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

KILL_AFTER = 20.0  # seconds between asking a process to stop and killing it


class GaveUp(RuntimeError):
    """A child keeps stopping (or never started): supervision ends."""


@dataclass(frozen=True)
class Backoff:
    first: float = 1.0
    maximum: float = 30.0
    stable_after: float = 60.0  # seconds of answering after which a crash counts as the first again
    max_failures: int = 5  # crashes in a row without a stable run before giving up

    def delay(self, failures: int) -> float:
        return min(self.first * 2 ** max(failures - 1, 0), self.maximum)


@dataclass
class Child:
    """One supervised server. ``start`` returns a process in a new session (its own process
    group, so the whole group can be stopped); ``ready`` says whether it answers."""

    key: str  # short and stable, for the status file: "rasa-5006"
    label: str  # for people: "Rasa server 1 (port 5006)"
    start: Callable[[], subprocess.Popen]
    ready: Callable[[], bool]
    log_hint: str = "its output above"
    stop_signal: int = signal.SIGTERM
    start_timeout: Optional[float] = None  # seconds to answer; None: the supervisor's
    process: Optional[subprocess.Popen] = None
    started_at: float = 0.0
    ready_at: Optional[float] = None
    ever_ready: bool = False
    failures: int = 0
    spawns: int = 0
    stopping: bool = False  # asked to stop because it did not answer in time
    restart_at: Optional[float] = None


def http_ok(url: str, timeout: float = 1.0) -> Callable[[], bool]:
    def probe() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return response.status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            return False

    return probe


def tcp_open(host: str, port: int, timeout: float = 1.0) -> Callable[[], bool]:
    def probe() -> bool:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                return True
        except OSError:
            return False

    return probe


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


def say(line: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {line}", file=sys.stderr, flush=True)


@dataclass
class Supervisor:
    children: List[Child] = field(default_factory=list)
    backoff: Backoff = field(default_factory=Backoff)
    start_timeout: float = 300.0  # loading TensorFlow and the model takes a while on two cores
    status_file: Optional[Path] = None  # {key: pid}, rewritten on every (re)start: for tests and the bench
    log: Callable[[str], None] = say
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self.children = list(self.children)
        self._batches: List[List[Child]] = [self.children[:]] if self.children else []

    def start(self, children: Optional[Sequence[Child]] = None, wait: bool = True, poll: float = 0.5) -> None:
        """Start ``children`` (added to those supervised) or else every child; with ``wait``,
        return once they answer, meanwhile watching the others (raise GaveUp if one cannot start).
        Children started together are stopped together, after those started later."""
        if children is None:
            children = list(self.children)
        else:
            children = list(children)
            self.children.extend(children)
            self._batches.append(children)
        for child in children:
            self._spawn(child)
        while wait and not all(child.ready_at for child in children):
            self.check()
            time.sleep(poll)

    def mark_ready(self) -> None:
        """The caller saw every child answer (its own wait at the first start)."""
        now = self.clock()
        for child in self.children:
            child.ready_at, child.ever_ready = now, True

    def check(self) -> None:
        """One round: notice stops and readiness, restart what is due. Raises GaveUp."""
        now = self.clock()
        for child in self.children:
            if child.process is None:
                if child.restart_at is not None and now >= child.restart_at:
                    self._spawn(child)
                continue
            code = child.process.poll()
            if code is not None:
                self._stopped(child, code, now)
            elif child.ready_at is None:
                self._probe(child, now)
            elif child.failures and now - child.ready_at >= self.backoff.stable_after:
                child.failures = 0  # ran stably: the next crash starts the backoff anew

    def _probe(self, child: Child, now: float) -> None:
        if child.ready():
            child.ready_at = now
            if child.ever_ready:
                self.log(f"{child.label} is back (answering {duration(now - child.started_at)} after its restart)")
            child.ever_ready = True
        else:
            late = now - child.started_at - (child.start_timeout or self.start_timeout)
            if late > 0 and not child.stopping:
                self.log(f"{child.label} did not answer within {now - child.started_at:.0f} s; stopping it")
                self._signal(child, child.stop_signal)
                child.stopping = True
            elif late > KILL_AFTER:  # it ignored the polite signal
                self._signal(child, signal.SIGKILL)

    def _stopped(self, child: Child, code: int, now: float) -> None:
        ran = now - child.started_at
        child.process, child.ready_at = None, None
        if not child.ever_ready:
            raise GaveUp(f"{child.label} stopped while starting ({describe_exit(code)}); see {child.log_hint}")
        child.failures += 1
        if child.failures >= self.backoff.max_failures:
            raise GaveUp(
                f"{child.label} stopped {child.failures} times in a row without answering for "
                f"{self.backoff.stable_after:.0f} s in between ({describe_exit(code)}); giving up; see {child.log_hint}"
            )
        delay = self.backoff.delay(child.failures)
        child.restart_at = now + delay
        self.log(
            f"{child.label} stopped ({describe_exit(code)}) after {duration(ran)}; "
            f"restarting it in {delay:g} s (crash {child.failures} in a row)"
        )

    def _spawn(self, child: Child) -> None:
        child.spawns += 1
        try:
            child.process = child.start()
        except OSError as error:  # the program is missing or cannot run: retrying will not help
            raise GaveUp(f"{child.label} could not be started: {error}") from None
        child.started_at, child.ready_at, child.restart_at, child.stopping = self.clock(), None, None, False
        self._write_status()

    def _write_status(self) -> None:
        if self.status_file is None:
            return
        pids = {child.key: child.process.pid for child in self.children if child.process is not None}
        temporary = self.status_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(pids, indent=1), encoding="utf-8")
        temporary.replace(self.status_file)

    def processes(self) -> Dict[str, subprocess.Popen]:
        return {child.key: child.process for child in self.children if child.process is not None}

    def _signal(self, child: Child, signum: int) -> None:
        if child.process is not None and child.process.poll() is None:
            try:
                os.killpg(child.process.pid, signum)
            except ProcessLookupError:
                pass

    def stop(self, timeout: float = 20.0) -> None:
        """Stop every child, those started last first: the proxy before the servers behind
        it, the servers before the databases they write to."""
        for batch in reversed(self._batches):
            running = [child for child in batch if child.process is not None]
            for child in running:
                self._signal(child, child.stop_signal)
            for child in running:
                try:
                    child.process.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    self._signal(child, signal.SIGKILL)
                    child.process.wait()
        for child in self.children:
            child.process, child.restart_at = None, None
