#!/usr/bin/env python3
"""Closed-loop load on a Rasa REST channel: C concurrent conversations, T turns each.

usage: loadtest.py URL --conc 20 --turns 10 [--msg TEXT ...]
Prints p50/p95/p99 latency (ms), throughput (msg/s) and errors. Standard library only.
The method of ../shared/bench (November 2026), kept so figures stay comparable.
"""

import argparse
import json
import statistics
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass

DEFAULT_MESSAGES = ["hallo", "hoeveel verdient een elektricien", "hoe word ik dat?", "bedankt"]


@dataclass
class LoadResult:
    conc: int
    messages: int
    errors: int
    wall: float
    p50: float  # ms
    p95: float
    p99: float
    mean: float

    @property
    def throughput(self) -> float:
        return self.messages / self.wall if self.wall else 0.0

    def line(self) -> str:
        return (
            f"conc={self.conc} msgs={self.messages} errors={self.errors} wall={self.wall:.1f}s "
            f"throughput={self.throughput:.1f}/s p50={self.p50:.0f}ms p95={self.p95:.0f}ms "
            f"p99={self.p99:.0f}ms mean={self.mean:.0f}ms"
        )


def post(url: str, sender: str, text: str) -> None:
    body = json.dumps({"sender": sender, "message": text}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()


def new_sender() -> str:
    # The widget's format (32 hex), which the project's REST channel requires.
    return uuid.uuid4().hex


def run_load(url: str, conc: int, turns: int, messages=DEFAULT_MESSAGES) -> LoadResult:
    latencies, errors, lock = [], [0], threading.Lock()

    def conversation():
        sender = new_sender()
        for i in range(turns):
            started = time.perf_counter()
            try:
                post(url, sender, messages[i % len(messages)])
                with lock:
                    latencies.append(time.perf_counter() - started)
            except Exception:
                with lock:
                    errors[0] += 1

    warm_up = new_sender()
    for message in messages:  # warm-up: every message once, so lazy loading is not measured
        post(url, warm_up, message)
    started = time.perf_counter()
    threads = [threading.Thread(target=conversation) for _ in range(conc)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies) or [float("nan")]  # every request failed: no latency to report

    def quantile(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    mean = statistics.mean(ordered) * 1000
    return LoadResult(conc, len(latencies), errors[0], wall, quantile(0.5), quantile(0.95), quantile(0.99), mean)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--conc", type=int, default=20)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--msg", nargs="*", default=DEFAULT_MESSAGES)
    args = parser.parse_args()
    print(run_load(args.url, args.conc, args.turns, args.msg).line())


if __name__ == "__main__":
    main()
