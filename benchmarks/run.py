"""The driver: run the sections in order, then write docs/benchmarks.md (report) and docs/benchmarks.json (raw).

A section that raises is reported as *not measured* with its error, and the others still run: a
benchmark run that dies at minute 14 over one broken section would be 14 minutes lost. ``--only`` re-runs
some sections and keeps the others' last results from docs/benchmarks.json, so the report stays whole.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import tempfile
import time
import traceback
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks import (
    s1_deterministic,
    s2_orchestration,
    s3_tokens,
    s4_embedded,
    s5_scoring,
    s6_peer,
    s7_model_led,
)
from benchmarks.common import ROOT, Check, Context, loadavg

SECTIONS: dict[str, tuple[str, ModuleType]] = {
    "1": ("Deterministic path", s1_deterministic),
    "2": ("Orchestration overhead", s2_orchestration),
    "3": ("Token economy", s3_tokens),
    "4": ("Embedded model", s4_embedded),
    "5": ("Scoring", s5_scoring),
    "6": ("Peer comparison", s6_peer),
    "7": ("Model-led reading", s7_model_led),
}
DOCS = ROOT / "docs"
COMMAND = ".venv/bin/python -m benchmarks"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Fewer repetitions (a smoke run, ~5 minutes).")
    parser.add_argument("--only", action="append", choices=sorted(SECTIONS), help="Run only this section (repeatable).")
    parser.add_argument("--out", type=Path, default=DOCS, help="Where benchmarks.md and .json go (default docs/).")
    parser.add_argument("--keep", action="store_true", help="Keep the scratch directory (printed at the end).")
    args = parser.parse_args(argv)

    chosen = args.only or list(SECTIONS)
    raw_path = args.out / "benchmarks.json"
    previous = _previous(raw_path) if args.only else {}
    workdir = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    ctx = Context(workdir=workdir, quick=args.quick)
    began = time.time()
    results = dict(previous)
    try:
        for key in chosen:
            results[key] = _run_section(ctx, key)
    finally:
        if args.keep:
            ctx.say(f"scratch files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    raw = {
        "command": COMMAND + (" --quick" if args.quick else ""),
        "machine": machine(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(began)),
        "seconds": time.time() - began,
        "quick": args.quick,
        "sections": results,
        "log": ctx.log,
    }
    raw["checks"] = [c.__dict__ for c in all_checks(results)]
    args.out.mkdir(parents=True, exist_ok=True)
    raw_path.write_text(json.dumps(raw, indent=1, default=str) + "\n", encoding="utf-8")
    (args.out / "benchmarks.md").write_text(report(raw), encoding="utf-8")
    ctx.say(f"wrote {args.out / 'benchmarks.md'} and {raw_path} in {raw['seconds'] / 60:.1f} min")
    return 0


def _previous(path: Path) -> dict[str, Any]:
    """Sections of the last full run, so ``--only`` updates the report instead of truncating it."""
    try:
        return dict(json.loads(path.read_text(encoding="utf-8"))["sections"])
    except (OSError, ValueError, KeyError):
        return {}


def _run_section(ctx: Context, key: str) -> dict[str, Any]:
    title, module = SECTIONS[key]
    ctx.say(f"section {key}: {title}")
    record: dict[str, Any] = {"measured_at": time.strftime("%Y-%m-%d %H:%M"), "quick": ctx.quick, "load": loadavg()}
    record["machine"] = machine()["cpu"]
    began = time.perf_counter()
    try:
        record["data"] = module.run(ctx)
    except Exception as exc:  # one broken section must not cost the others' measurements
        record["error"] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        record["traceback"] = traceback.format_exc()
        ctx.say(f"section {key} failed: {record['error']}")
    record["seconds"] = time.perf_counter() - began
    record["load_after"] = loadavg()
    return record


def _section_checks(key: str, record: dict[str, Any], results: dict[str, Any]) -> list[Check]:
    title, module = SECTIONS[key]
    if "data" not in record:
        return [Check(f"{title}", "not measured", "-", None, record.get("error", ""))]
    try:
        if module is s3_tokens:
            return s3_tokens.checks(record["data"], _data(results, "4", s4_embedded.model_use))
        return list(module.checks(record["data"]))
    except Exception as exc:  # a half-filled result: say so in the table rather than lose the report
        return [Check(f"{title}", "not measured", "-", None, f"checks failed: {type(exc).__name__}: {exc}")]


def _data(results: dict[str, Any], key: str, pick: Any) -> Any:
    """What one section's result offers another (s3 reads s4's and s6's model usage), or None."""
    data = results.get(key, {}).get("data")
    return pick(data) if data else None


def all_checks(results: dict[str, Any]) -> list[Check]:
    return [check for key in SECTIONS if key in results for check in _section_checks(key, results[key], results)]


def _met(check: Check) -> str:
    return {True: "yes", False: "**no**", None: "not measured"}[check.met]


def report(raw: dict[str, Any]) -> str:
    """The Markdown report: how it was made, the summary table, then each section's tables."""
    results = raw["sections"]
    m = raw["machine"]
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `{raw['command']}` from the repository root (`--quick` for a smoke run with fewer "
        "repetitions, `--only N` to re-run section N and keep the others' last results). Do not edit by hand: "
        "every number here is also in `docs/benchmarks.json` (raw data, machine, tracebacks), written by the "
        "same run.",
        "",
        f"Machine of the last run: {m['cpu']} ({m['cores']} cores), {m['memory_gb']:.1f} GB RAM, {m['os']}, "
        f"Python {m['python']}; "
        f"llama-cpp-python {m['packages'].get('llama_cpp_python')}, openai {m['packages'].get('openai')}, "
        f"instructor {m['packages'].get('instructor')}; commit `{m['commit']}`. Run started {raw['started']}, "
        f"took {raw['seconds'] / 60:.1f} min{' (quick mode: fewer repetitions)' if raw['quick'] else ''}.",
        "",
        "The machine is shared (2 cores, a test suite may run alongside), so each timing is a median over "
        "repeated runs with its spread, and the 1-minute load average is recorded per section and per run.",
        "",
        "## Summary",
        "",
        "| metric | value | target | met |",
        "|---|---|---|---|",
    ]
    for check in all_checks(results):
        note = f" ({check.note})" if check.note else ""
        lines.append(f"| {check.metric} | {check.value}{note} | {check.target} | {_met(check)} |")
    for key, (title, module) in SECTIONS.items():
        record = results.get(key)
        lines += ["", f"## {key}. {title}", ""]
        if record is None:
            lines.append("Not run.")
            continue
        lines.append(
            f"Measured {record['measured_at']} on {record.get('machine') or 'a machine not recorded'}"
            f"{' (quick)' if record.get('quick') else ''} in "
            f"{record['seconds']:.0f} s; load {record['load']:.1f} at start, {record['load_after']:.1f} at end."
        )
        lines.append("")
        lines += _section_body(key, module, record, results)
    return "\n".join(lines) + "\n"


def _section_body(key: str, module: ModuleType, record: dict[str, Any], results: dict[str, Any]) -> list[str]:
    if "data" not in record:
        return [f"Not measured: `{record.get('error')}` (traceback in `docs/benchmarks.json`)."]
    try:
        if module is s3_tokens:
            local = _data(results, "4", s4_embedded.model_use)
            peer = _data(results, "6", s6_peer.peer_use)
            return s3_tokens.render(record["data"], local, peer)
        return list(module.render(record["data"]))
    except Exception as exc:
        return [f"Could not render this section's data: `{type(exc).__name__}: {exc}`."]


def machine() -> dict[str, Any]:
    """Where the numbers were measured: they mean little without it."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    packages = {}
    for name in ("llama_cpp_python", "openai", "instructor", "pydantic", "rapidfuzz"):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = None
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": packages,
        "commit": commit,
    }
