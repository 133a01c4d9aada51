"""`make bench`: this assistant and the stock Rasa moodbot under the same load, in one run.

Absolute figures on a shared 2-core machine move from run to run; the ratio to the moodbot,
measured in the same run, moves much less (the method of ../shared/bench). Prints a table and
writes docs/performance.md. It measures and prints; it asserts nothing.

usage: .venv/bin/python -m scripts.bench.run_bench [--quick] [--out docs/performance.md]
"""

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

from bot.launcher import start_servers
from occupations.config import PROJECT_ROOT
from scripts.bench.loadtest import DEFAULT_MESSAGES, LoadResult, run_load

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


def table(plan, stock: Dict[int, LoadResult], ours: Dict[int, LoadResult]) -> List[str]:
    rows = [
        "| users | moodbot msg/s | assistant msg/s | ratio | moodbot p50 | assistant p50 | moodbot p95 | assistant p95 "
        "| errors (moodbot / assistant) |",
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


def write_section(path: Path, lines: List[str]) -> None:
    """Replace the measured section of the document, keeping what people wrote around it."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    before, _, rest = text.partition(BEGIN)
    _, _, after = rest.partition(END)
    path.write_text(before + BEGIN + "\n" + "\n".join(lines) + "\n" + END + after, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run (CI)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    plan = QUICK_PLAN if args.quick else FULL_PLAN
    BENCH_DIR.mkdir(parents=True, exist_ok=True)

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
