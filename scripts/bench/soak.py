"""`make bench BENCH_ARGS="--soak 600"`: a steady load for a while, and the memory of every
process of the assistant sampled meanwhile, to see whether something grows without end.

Each of CONVERSATIONS threads holds one conversation of TURNS messages, then starts a new
one, for the whole time: new trackers, locks and cache entries keep coming, as in a school
day. Memory is each process's resident size; for PostgreSQL, the proportional size (PSS)
of the server and its backends together (`memory_mb`).
Growth is measured from the first sample after WARM_UP seconds (caches filled) to the last,
and as a least-squares slope over all samples after the warm-up.
"""

import statistics
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from scripts.bench.loadtest import DEFAULT_MESSAGES, post

CONVERSATIONS, TURNS = 20, 8
SAMPLE_EVERY = 10.0  # seconds
WARM_UP = 60.0  # seconds


def children_of() -> Dict[int, List[int]]:
    tree: Dict[int, List[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def _status_kb(pid: int, field: str, name: str = "status") -> Optional[int]:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def memory_mb(pid: int, tree: Optional[Dict[int, List[int]]] = None) -> Optional[float]:
    """Memory of a process in MB: its resident size (RSS) when it has no children; for a
    process with children (PostgreSQL and its backends) the sum of their proportional sizes
    (PSS), since every backend's RSS counts the shared buffers again. None if it is gone."""
    tree = children_of() if tree is None else tree
    family, todo = [], [pid]
    while todo:
        current = todo.pop()
        family.append(current)
        todo.extend(tree.get(current, []))
    if len(family) == 1:
        kb = _status_kb(pid, "VmRSS")
        return kb / 1024 if kb is not None else None
    sizes = [_status_kb(member, "Pss", "smaps_rollup") for member in family]
    return sum(size for size in sizes if size) / 1024 if sizes[0] is not None else None


@dataclass
class SoakResult:
    seconds: float
    messages: int = 0
    errors: int = 0
    latencies: List[float] = field(default_factory=list)
    samples: Dict[str, List[tuple]] = field(default_factory=dict)  # name -> [(t, MB)]

    def growth(self, name: str) -> Optional[tuple]:
        """(MB after the warm-up, MB at the end, growth in MB, slope in MB per hour)."""
        points = [(t, mb) for t, mb in self.samples.get(name, []) if t >= min(WARM_UP, self.seconds / 2)]
        if len(points) < 2:
            return None
        times, sizes = [t for t, _ in points], [mb for _, mb in points]
        mean_t, mean_mb = statistics.mean(times), statistics.mean(sizes)
        spread = sum((t - mean_t) ** 2 for t in times)
        slope = sum((t - mean_t) * (mb - mean_mb) for t, mb in points) / spread if spread else 0.0
        return sizes[0], sizes[-1], sizes[-1] - sizes[0], slope * 3600


def soak(url: str, seconds: float, processes: Callable[[], Dict[str, int]], log=print) -> SoakResult:
    """Load ``url`` for ``seconds``; ``processes`` gives {name: pid} at each sample (pids
    change when the supervisor restarts something: that shows as a jump, and is logged)."""
    result = SoakResult(seconds)
    lock, stop = threading.Lock(), threading.Event()
    started = time.monotonic()

    def talk() -> None:
        while not stop.is_set():
            sender = uuid.uuid4().hex
            for turn in range(TURNS):
                if stop.is_set():
                    return
                begin = time.perf_counter()
                try:
                    post(url, sender, DEFAULT_MESSAGES[turn % len(DEFAULT_MESSAGES)])
                    with lock:
                        result.messages += 1
                        result.latencies.append(time.perf_counter() - begin)
                except Exception:
                    with lock:
                        result.errors += 1

    def sample() -> None:
        pids: Dict[str, int] = {}
        while True:
            now = time.monotonic() - started
            current, tree = processes(), children_of()
            for name, pid in current.items():
                if name in pids and pids[name] != pid:
                    log(f"soak: {name} has a new pid at {now:.0f} s (restarted)")
                mb = memory_mb(pid, tree)
                if mb is not None:
                    result.samples.setdefault(name, []).append((now, mb))
            pids = current
            log(f"soak: {now:4.0f} s, {result.messages} messages, {result.errors} errors")
            if stop.wait(SAMPLE_EVERY):
                return

    threads = [threading.Thread(target=talk) for _ in range(CONVERSATIONS)]
    sampler = threading.Thread(target=sample)
    sampler.start()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads + [sampler]:
        thread.join()
    return result


def table(result: SoakResult) -> List[str]:
    latencies = sorted(result.latencies) or [float("nan")]
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] * 1000
    rows = [
        f"{result.seconds:.0f} s of {CONVERSATIONS} concurrent conversations ({TURNS} turns each, then a new one): "
        f"{result.messages} messages ({result.messages / result.seconds:.1f}/s), {result.errors} errors, "
        f"p95 {p95:.0f} ms.",
        "",
        "| process | memory after warm-up | memory at the end | growth | trend |",
        "|---|---|---|---|---|",
    ]
    for name in result.samples:
        growth = result.growth(name)
        if growth:
            first, last, grown, per_hour = growth
            rows.append(f"| {name} | {first:.0f} MB | {last:.0f} MB | {grown:+.0f} MB | {per_hour:+.0f} MB/h |")
    return rows
