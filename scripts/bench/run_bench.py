"""`make bench`: this assistant and the stock Rasa moodbot under the same load, in one run.

Absolute figures on a shared 2-core machine move from run to run; the ratio to the moodbot,
measured in the same run, moves much less (the method of ../shared/bench). Prints a table and
writes docs/performance.md. It measures and prints; it asserts nothing.

usage: .venv/bin/python -m scripts.bench.run_bench [--quick] [--scaled] [--soak SECONDS] [--out docs/performance.md]

--scaled runs this assistant as `make run-scaled` does (2 Rasa servers behind haproxy,
PostgreSQL, Redis) against the moodbot, in the same way; --soak SECONDS puts a steady load
on it (with --scaled: on the scaled setup) and reports the memory growth of each process.
Each writes a section of its own; the single-process section is left as it is.
"""

import argparse
import os
import platform
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

from bot.launcher import start_servers
from occupations.config import PROJECT_ROOT
from scripts.bench import soak
from scripts.bench.loadtest import DEFAULT_MESSAGES, LoadResult, post, run_load
from scripts.bench.parse_time import parse_time_lines
from scripts.bench.scaled import ScaledRun

BENCH_DIR = PROJECT_ROOT / "var" / "bench"
STOCK_PORT, RASA_PORT, ACTION_PORT = 5106, 5107, 5157
FULL_PLAN = [(1, 20), (20, 10), (100, 5)]  # (concurrent conversations, turns each)
QUICK_PLAN = [(1, 5), (5, 4)]


def rest_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/webhooks/rest/webhook"


def rss_mb(pid: int) -> Optional[float]:
    """Resident memory of a process and its children (Rasa forks none; the launcher's group is one)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def start_stock() -> int:
    """Train (once, cached in var/bench/stock) and start the moodbot; returns its pid."""
    env = dict(os.environ, STOCK_RASA_DIR=str(BENCH_DIR / "stock"), RASA_TELEMETRY_ENABLED="false")
    script = Path(__file__).with_name("stock_rasa.sh")
    subprocess.run(["bash", str(script), str(PROJECT_ROOT / ".venv"), str(STOCK_PORT)], check=True, env=env)
    return int((BENCH_DIR / "stock" / "pid").read_text())


def stop_stock() -> None:
    env = dict(os.environ, STOCK_RASA_DIR=str(BENCH_DIR / "stock"))
    script = Path(__file__).with_name("stock_rasa.sh")
    subprocess.run(["bash", str(script), str(PROJECT_ROOT / ".venv"), str(STOCK_PORT), "stop"], env=env)


def training_seconds() -> str:
    stamp = PROJECT_ROOT / "models" / "training-seconds.txt"
    return f"{stamp.read_text().strip()} s" if stamp.exists() else "not recorded (run `make model` from scratch)"


def table(plan, stock: Dict[int, LoadResult], ours: Dict[int, LoadResult], name: str = "assistant") -> List[str]:
    rows = [
        f"| users | moodbot msg/s | {name} msg/s | ratio | moodbot p50 | {name} p50 | moodbot p95 | {name} p95 "
        f"| errors (moodbot / {name}) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for conc, _ in plan:
        s, o = stock[conc], ours[conc]
        ratio = o.throughput / s.throughput if s.throughput else float("nan")
        rows.append(
            f"| {conc} | {s.throughput:.1f} | {o.throughput:.1f} | {ratio:.2f}× | {s.p50:.0f} ms | {o.p50:.0f} ms "
            f"| {s.p95:.0f} ms | {o.p95:.0f} ms | {s.errors} / {o.errors} |"
        )
    return rows


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return f"{os.cpu_count()} cores ({cpu}), {int(memory) / 1024 / 1024:.0f} GiB, Python {platform.python_version()}"


BEGIN, END = "<!-- make bench: begin -->", "<!-- make bench: end -->"
SCALED_BEGIN, SCALED_END = "<!-- make bench --scaled: begin -->", "<!-- make bench --scaled: end -->"
SOAK_BEGIN, SOAK_END = "<!-- make bench --soak: begin -->", "<!-- make bench --soak: end -->"


def write_section(path: Path, lines: List[str], begin: str = BEGIN, end: str = END) -> None:
    """Replace the measured section of the document, keeping what people wrote around it
    (a section not there yet is added at the end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{begin}\n{end}\n"
    if begin not in text:
        text = text.rstrip("\n") + f"\n\n{begin}\n{end}\n"
    before, _, rest = text.partition(begin)
    _, _, after = rest.partition(end)
    path.write_text(before + begin + "\n" + "\n".join(lines) + "\n" + end + after, encoding="utf-8")


def run_scaled(args, plan) -> None:
    """The moodbot and `make run-scaled` (WORKERS=2) under the same load, alternating as above."""
    print("==> starting the stock moodbot (trains once, about 1.5 minutes)", flush=True)
    stock_pid = start_stock()
    print("==> starting this assistant as make run-scaled, WORKERS=2", flush=True)
    started = time.monotonic()
    scaled = ScaledRun(BENCH_DIR, workers=2)
    stock, ours = {}, {}
    try:
        scaled.wait_until_ready()
        ready = time.monotonic() - started
        for conc, turns in plan:
            stock[conc] = run_load(rest_url(STOCK_PORT), conc, turns)
            print(f"moodbot   {stock[conc].line()}", flush=True)
            ours[conc] = run_load(scaled.url + "/webhooks/rest/webhook", conc, turns)
            print(f"scaled    {ours[conc].line()}", flush=True)
        memory = {"moodbot": rss_mb(stock_pid)}
        memory.update({name: soak.memory_mb(pid) for name, pid in scaled.pids().items()})
    finally:
        scaled.stop()
        stop_stock()

    lines = table(plan, stock, ours, name="scaled")
    lines += ["", "| what | figure |", "|---|---|", f"| scaled setup ready (all processes answer) | {ready:.0f} s |"]
    lines += [
        f"| memory after the run, {name} ({'PSS of its processes' if name == 'postgres' else 'RSS'}) | {mb:.0f} MB |"
        for name, mb in memory.items()
        if mb
    ]
    total = sum(mb for name, mb in memory.items() if mb and name != "moodbot")
    lines += [f"| memory after the run, the whole scaled setup | {total:.0f} MB |"]
    print("\n".join(lines))
    if not args.quick:
        measured = [
            f"Measured {date.today().isoformat()} with `make bench BENCH_ARGS=--scaled` on {machine()}: this",
            "assistant as `make run-scaled` starts it (2 Rasa servers and 2 action servers behind haproxy,",
            "PostgreSQL tracker store, Redis lock store), against the moodbot (one `rasa run`, trackers in",
            "memory) under the same load in the same run, as in the section above.",
            "",
        ]
        write_section(args.out, measured + lines, SCALED_BEGIN, SCALED_END)
        print(f"wrote {args.out}")


def run_soak(args) -> None:
    """A steady load on the assistant (single, or with --scaled the scaled setup) for
    ``args.soak`` seconds, sampling the memory of each of its processes."""
    started = time.monotonic()
    if args.scaled:
        print("==> starting this assistant as make run-scaled, WORKERS=2", flush=True)
        scaled = ScaledRun(BENCH_DIR, workers=2)
        url, processes, stop = scaled.url, scaled.pids, scaled.stop
        try:
            scaled.wait_until_ready()
        except BaseException:
            stop()
            raise
    else:
        print("==> starting this assistant", flush=True)
        servers = start_servers(
            RASA_PORT, ACTION_PORT, tracker_db=str(BENCH_DIR / "tracker.sqlite"), log_dir=BENCH_DIR / "logs"
        )
        url, stop = f"http://127.0.0.1:{RASA_PORT}", servers.stop

        def processes() -> Dict[str, int]:
            return {name: process.pid for name, process in servers.supervisor.processes().items()}

    print(f"==> ready after {time.monotonic() - started:.0f} s; soaking for {args.soak:.0f} s", flush=True)
    try:
        warm_up = uuid.uuid4().hex
        for message in DEFAULT_MESSAGES:
            post(url + "/webhooks/rest/webhook", warm_up, message)
        result = soak.soak(url + "/webhooks/rest/webhook", args.soak, processes)
    finally:
        stop()
    lines = soak.table(result)
    print("\n".join(lines))
    if not args.quick:
        what = "`make run-scaled` (WORKERS=2)" if args.scaled else "`make run`"
        measured = [
            f'Soak run {date.today().isoformat()} with `make bench BENCH_ARGS="--soak {args.soak:.0f}'
            f'{" --scaled" if args.scaled else ""}"` on {machine()}: the assistant as {what} starts it',
            "(scripts/bench/soak.py; memory is each process's RSS, PostgreSQL's the PSS of its processes).",
            "",
        ]
        write_section(args.out, measured + lines, SOAK_BEGIN, SOAK_END)
        print(f"wrote {args.out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run (CI)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs" / "performance.md")
    parser.add_argument("--scaled", action="store_true", help="this assistant as make run-scaled (WORKERS=2)")
    parser.add_argument("--soak", type=float, metavar="SECONDS", help="a steady load; memory growth per process")
    args = parser.parse_args()
    plan = QUICK_PLAN if args.quick else FULL_PLAN
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if args.soak:
        return run_soak(args)
    if args.scaled:
        return run_scaled(args, plan)

    print("==> starting the stock moodbot (trains once, about 1.5 minutes)", flush=True)
    stock_pid = start_stock()
    print("==> starting this assistant", flush=True)
    started = time.monotonic()
    servers = start_servers(
        RASA_PORT, ACTION_PORT, tracker_db=str(BENCH_DIR / "tracker.sqlite"), log_dir=BENCH_DIR / "logs"
    )
    ready = time.monotonic() - started
    stock, ours = {}, {}
    try:
        for conc, turns in plan:
            # Alternate, so both see the same state of the machine.
            stock[conc] = run_load(rest_url(STOCK_PORT), conc, turns)
            print(f"moodbot   {stock[conc].line()}", flush=True)
            ours[conc] = run_load(rest_url(RASA_PORT), conc, turns)
            print(f"assistant {ours[conc].line()}", flush=True)
        memory = {
            "moodbot": rss_mb(stock_pid),
            "assistant": rss_mb(servers.processes[1].pid),
            "action server": rss_mb(servers.processes[0].pid),
        }
    finally:
        servers.stop()
        stop_stock()

    lines = table(plan, stock, ours)
    lines += ["", "| what | figure |", "|---|---|", f"| assistant ready (both servers answer) | {ready:.0f} s |"]
    lines += [f"| memory after the run, {name} (RSS) | {mb:.0f} MB |" for name, mb in memory.items() if mb]
    lines += [f"| last training (`make model`; from scratch only after `make clean`) | {training_seconds()} |"]
    lines += parse_time_lines(PROJECT_ROOT / "models" / "kansrijk.tar.gz")
    print("\n".join(lines))
    if not args.quick:
        measured = [
            f"Measured {date.today().isoformat()} with `make bench` on {machine()}. The reference is the",
            "moodbot of `rasa init` (same Rasa version), under the same closed-loop load in the same run",
            f"(scripts/bench/loadtest.py; messages: {', '.join(repr(m) for m in DEFAULT_MESSAGES)}).",
            "",
        ]
        write_section(args.out, measured + lines)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
