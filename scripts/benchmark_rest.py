"""Measure the REST round trip of a running assistant: `make run`, then
`.venv/bin/python scripts/benchmark_rest.py [--url URL] [--rounds N]`. Prints, asserts nothing."""

import argparse
import json
import statistics
import time
import urllib.request
import uuid

QUESTIONS = [
    "hoeveel verdient een lasser?",
    "wat verdient een elektriciën",
    "hoe word ik dat?",
    "heb ik kans op werk als timmerman?",
    "verdient een kapper meer dan een loodgieter?",
]


def ask(url: str, sender: str, message: str) -> float:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:5005/webhooks/rest/webhook")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    ask(args.url, uuid.uuid4().hex, "hoi")  # warm-up
    timings = []
    for _ in range(args.rounds):
        sender = uuid.uuid4().hex  # the widget's id format, which the REST channel requires
        timings += [ask(args.url, sender, question) for question in QUESTIONS]
    timings.sort()
    print(
        f"{len(timings)} requests: median {statistics.median(timings) * 1000:.0f} ms, "
        f"p90 {timings[int(len(timings) * 0.9) - 1] * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
