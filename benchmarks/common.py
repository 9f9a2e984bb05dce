"""Shared plumbing: statistics over repeated runs, timed subprocesses, paths and the run context.

Timings on a shared 2-core machine are noisy, so every number is a median with its spread (min/max and
the interquartile range), and every subprocess reports its own CPU time so contention can be told apart
from our own cost.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BULLETINS = ROOT / "evals" / "bulletins"
GOLD = ROOT / "evals" / "gold"
SAMPLE = BULLETINS / "spotlight-on-iran-2020-03-22.txt"
SAMPLE_GOLD = GOLD / "spotlight-on-iran-2020-03-22.gold.json"
PYTHON = sys.executable


@dataclass
class Context:
    """What every section needs: where to put scratch files, how many repetitions, and a shared log."""

    workdir: Path
    quick: bool
    log: list[str] = field(default_factory=list)

    def reps(self, full: int, quick: int) -> int:
        """Repetitions for this mode: fewer with ``--quick``, never zero."""
        return max(1, quick if self.quick else full)

    def say(self, message: str) -> None:
        """Progress on stderr, so a 15-minute run shows where it is."""
        line = f"[{time.strftime('%H:%M:%S')}] {message}"
        self.log.append(line)
        print(line, file=sys.stderr, flush=True)


@dataclass
class Check:
    """One row of the report's summary table: a measured value against its target."""

    metric: str
    value: str
    target: str
    met: bool | None  # None: not measured (skipped or failed)
    note: str = ""


def spread(values: list[float]) -> dict[str, Any]:
    """Median, min, max and quartiles of repeated measurements (quartiles need at least 4 values)."""
    if not values:
        return {"n": 0, "median": None, "min": None, "max": None, "q1": None, "q3": None, "values": []}
    ordered = sorted(values)
    q1 = q3 = None
    if len(ordered) >= 4:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return {
        "n": len(ordered),
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "q1": q1,
        "q3": q3,
        "values": list(values),
    }


def fmt_spread(stats: dict[str, Any], unit: str = "s", scale: float = 1.0, digits: int = 3) -> str:
    """``median (min-max, n=N)`` in the given unit; IQR added when there are enough runs."""
    if not stats or stats.get("median") is None:
        return "n/a"

    def f(x: float) -> str:
        return f"{x * scale:.{digits}f}"

    text = f"{f(stats['median'])} {unit} (min {f(stats['min'])}, max {f(stats['max'])}"
    if stats.get("q1") is not None:
        text += f", IQR {f(stats['q1'])}-{f(stats['q3'])}"
    return text + f", n={stats['n']})"


@dataclass
class Timed:
    """Outcome of one timed subprocess: wall time, the child's own CPU time, and the peak resident memory of it or of
    any process it waited for (a llama.cpp server it started included)."""

    returncode: int
    wall: float
    cpu: float
    stdout: str
    stderr: str
    peak_rss_mb: float = 0.0


def run_timed(
    args: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 1800.0
) -> Timed:
    """Run a command and measure it with ``wait4``: CPU time of that child alone (and of its children that
    it waited for), which ``time.perf_counter`` around ``subprocess.run`` cannot give."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-{os.getpid()}-{time.monotonic_ns()}"
    with open(f"{out_path}.out", "w+b") as out, open(f"{out_path}.err", "w+b") as err:
        began = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        status, rusage = _wait(proc, timeout)
        wall = time.perf_counter() - began
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    for suffix in (".out", ".err"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    code = os.waitstatus_to_exitcode(status) if status is not None else -9
    cpu = rusage.ru_utime + rusage.ru_stime if rusage is not None else 0.0
    rss = rusage.ru_maxrss / 1024 if rusage is not None else 0.0  # Linux reports KB
    return Timed(code, wall, cpu, stdout, stderr, rss)


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> tuple[int | None, Any]:
    """``os.wait4`` with a deadline: kill this one child (by its pid) if it overruns."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return status, rusage
        if time.monotonic() > deadline:
            proc.kill()
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return None, rusage
        time.sleep(0.005)


def bench_env(**extra: str) -> dict[str, str]:
    """Environment for child processes: no colour or proxy surprises, and no inherited summarizer settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    env.update({"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "160", "PYTHONPATH": str(ROOT)})
    env.update(extra)
    return env


def summarizer_cli() -> list[str]:
    """The ``summarizer`` console script of this venv (what a user types), else ``python -m summarizer``."""
    script = Path(PYTHON).parent / "summarizer"
    return [str(script)] if script.exists() else [PYTHON, "-m", "summarizer"]


def loadavg() -> float:
    """1-minute load average, recorded with each section so noisy runs can be recognised."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")
