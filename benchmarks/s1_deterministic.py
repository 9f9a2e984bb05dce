"""Section 1: the deterministic path (ingest + segment + rules + grounding) on the sample and on
generated ITIC bulletins of 10 KB, 100 KB and 1 MB.

Each size runs in a fresh subprocess (``python -m benchmarks.s1_deterministic FILE REPS``) so peak
memory is that size's alone: tracemalloc gives the Python heap peak of one call, ``VmHWM`` the
process's resident peak. Time per KB at each size shows whether the cost grows linearly.
"""

from __future__ import annotations

import json
import math
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from benchmarks import corpus, profiling
from benchmarks.common import PYTHON, ROOT, SAMPLE, Check, Context, bench_env, fmt_spread, loadavg, run_timed, spread

TARGET_SAMPLE_S = 0.050
SIZES = (("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000))
SAMPLE_PROFILE_CALLS = 20


def run(ctx: Context) -> dict[str, Any]:
    """Time and measure memory per size; profile what misses its target (sample time, linear growth)."""
    folder = ctx.workdir / "s1"
    folder.mkdir(parents=True, exist_ok=True)
    source = corpus.pool()
    inputs: list[tuple[str, Path, int]] = [("sample", SAMPLE, ctx.reps(30, 10))]
    for label, size in SIZES:
        path = folder / f"itic-{size}.txt"
        path.write_text(corpus.itic_bulletin(size, seed=size, source=source), encoding="utf-8")
        reps = {10_000: ctx.reps(30, 10), 100_000: ctx.reps(10, 3), 1_000_000: ctx.reps(5, 2)}[size]
        inputs.append((label, path, reps))
    rows = []
    for label, path, reps in inputs:
        ctx.say(f"s1: {label} x{reps}")
        rows.append({"label": label, "path": path.name, "load": loadavg(), **_measure(path, reps)})
    _add_growth(rows)
    result: dict[str, Any] = {"rows": rows, "profiles": {}}
    sample = rows[0].get("time", {}).get("median")
    if sample is None or sample >= TARGET_SAMPLE_S:
        ctx.say("s1: sample over target, profiling it")
        result["profiles"][f"Profile of {SAMPLE_PROFILE_CALLS} calls on the sample"] = profile(
            SAMPLE, SAMPLE_PROFILE_CALLS
        )
    if _superlinear(rows):
        ctx.say("s1: growth is not linear, profiling the 1 MB run")
        result["profiles"]["Profile of one call on 1 MB (growth not linear)"] = profile(inputs[-1][1], 1)
    return result


def _measure(path: Path, reps: int) -> dict[str, Any]:
    proc = run_timed([PYTHON, "-m", "benchmarks.s1_deterministic", str(path), str(reps)], env=bench_env(), cwd=ROOT)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    data = json.loads(proc.stdout)
    data["time"] = spread(data.pop("times"))
    return data


def _add_growth(rows: list[dict[str, Any]]) -> None:
    """ms per KB at each size, and the exponent k in time ~ size^k between consecutive sizes."""
    previous = None
    for row in rows:
        if "time" not in row:
            continue
        row["ms_per_kb"] = row["time"]["median"] * 1000 / (row["bytes"] / 1000)
        if previous is not None and row["bytes"] > previous["bytes"]:
            ratio_t = row["time"]["median"] / previous["time"]["median"]
            row["exponent"] = math.log(ratio_t) / math.log(row["bytes"] / previous["bytes"])
        if row["label"] != "sample":
            previous = row


def _superlinear(rows: list[dict[str, Any]]) -> bool:
    return any(row.get("exponent", 1.0) > 1.15 for row in rows)


def profile(path: Path, calls: int) -> dict[str, Any]:
    """cProfile of ``calls`` runs after a warm-up (one 50 ms call is too short to profile alone)."""
    import summarizer

    summarizer.summarize(SAMPLE, backend="rules")
    _, tables = profiling.profile_call(lambda: [summarizer.summarize(path, backend="rules") for _ in range(calls)])
    return tables


def checks(data: dict[str, Any]) -> list[Check]:
    sample = next((r for r in data["rows"] if r["label"] == "sample"), None)
    if not sample or "time" not in sample:
        return [Check("Rules path, sample bulletin (median)", "failed", "< 50 ms", None)]
    median = sample["time"]["median"]
    checks = [
        Check("Rules path, sample bulletin (median)", f"{median * 1000:.1f} ms", "< 50 ms", median < TARGET_SAMPLE_S)
    ]
    largest = data["rows"][-1]
    if "exponent" in largest:
        checks.append(
            Check(
                "Rules path growth 100 KB -> 1 MB (time ~ size^k)",
                f"k = {largest['exponent']:.2f}",
                "linear (k <= 1.15)",
                largest["exponent"] <= 1.15,
            )
        )
    return checks


def render(data: dict[str, Any]) -> list[str]:
    lines = [
        "Fresh subprocess per size; one warm-up call on the sample first (regex compilation and lazy imports are "
        "a one-off per process, reported as *first call*). Peak heap = tracemalloc peak during one call; "
        "peak RSS = the process's `VmHWM` (includes the interpreter and imports, reported after import as "
        "*RSS at start*).",
        "",
        "| input | size | statements / sanctions / overview | time per call | ms per KB | k vs previous size "
        "| first call | peak heap (one call) | RSS at start -> peak | load |",
        "|---|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in data["rows"]:
        if "time" not in row:
            lines.append(f"| {row['label']} | | failed: {row.get('error')} | | | | | | | |")
            continue
        k = f"{row['exponent']:.2f}" if "exponent" in row else ""
        timing = fmt_spread(row["time"], "ms", 1000, 1)
        lines.append(
            f"| {row['label']} | {row['bytes'] / 1000:.1f} KB | {row['counts']} | {timing} "
            f"| {row['ms_per_kb']:.2f} | {k} | {row['first_call'] * 1000:.0f} ms | {row['heap_peak'] / 1e6:.1f} MB "
            f"| {row['rss_start_kb'] / 1024:.0f} -> {row['rss_peak_kb'] / 1024:.0f} MB | {row['load']:.1f} |"
        )
    for title, tables in data.get("profiles", {}).items():
        lines += profiling.render_profile(title, tables)
    return lines


# --- worker (runs in the subprocess) -------------------------------------------------------------


def worker(path: str, reps: int) -> dict[str, Any]:
    """Time ``reps`` calls on one file, then one call under tracemalloc; print JSON."""
    import summarizer

    began = time.perf_counter()
    summarizer.summarize(SAMPLE, backend="rules")
    first_call = time.perf_counter() - began
    rss_start = peak_rss_kb()
    bulletin = Path(path)  # a bare string is refused: it could be a file name or a bulletin's text
    times = []
    summary = None
    for _ in range(reps):
        began = time.perf_counter()
        summary = summarizer.summarize(bulletin, backend="rules")
        times.append(time.perf_counter() - began)
    tracemalloc.start()
    summarizer.summarize(bulletin, backend="rules")
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert summary is not None
    counts = f"{len(summary.statements)} / {len(summary.sanctions)} / {len(summary.overview)}"
    return {
        "bytes": Path(path).stat().st_size,
        "times": times,
        "first_call": first_call,
        "heap_peak": heap_peak,
        "rss_start_kb": rss_start,
        "rss_peak_kb": peak_rss_kb(),
        "counts": counts,
    }


def peak_rss_kb() -> int:
    """Peak resident set of this process image. ``/proc/self/status`` VmHWM starts afresh at exec, while
    ``ru_maxrss`` of a child made by fork + exec starts at its parent's peak (the driver's, hundreds of MB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    print(json.dumps(worker(sys.argv[1], int(sys.argv[2]))))
