"""Section 5: ``summarizer eval --predictions DIR`` on 1,000 generated documents.

Gold and predictions come from the repository's gold files (:func:`benchmarks.corpus.perturbed_pairs`):
items dropped, fields altered, spurious statements added, so matching does real work. The CLI runs in a
scratch directory (no baseline there, reports written there). The same steps are then timed one by one
(imports in a fresh interpreter, the rest in-process), and the whole CLI process is profiled when the
target is missed.
"""

from __future__ import annotations

import io
import pstats
import time
from pathlib import Path
from typing import Any

from benchmarks import corpus, profiling
from benchmarks.common import (
    PYTHON,
    Check,
    Context,
    bench_env,
    fmt_spread,
    loadavg,
    run_timed,
    spread,
    summarizer_cli,
)

DOCUMENTS = 1000
TARGET_S = 5.0


def run(ctx: Context) -> dict[str, Any]:
    folder = ctx.workdir / "s5"
    ctx.say(f"s5: generating {DOCUMENTS} gold/prediction pairs")
    gold, preds = corpus.write_scoring_set(folder, DOCUMENTS)
    runs = []
    for rep in range(ctx.reps(3, 1)):
        ctx.say(f"s5: summarizer eval, run {rep + 1}")
        runs.append(_cli(folder, gold, preds))
    result: dict[str, Any] = {"runs": runs, "wall": spread([r["wall"] for r in runs if r["returncode"] == 0])}
    ctx.say("s5: phases in-process")
    result["phases"] = phases(gold, preds, folder / "phase-report")
    if (result["wall"]["median"] or TARGET_S + 1) > TARGET_S:
        ctx.say("s5: target missed, profiling the CLI process")
        result["profile"] = _profile(folder, gold, preds)
    return result


def _eval_args(folder: Path, gold: Path, preds: Path) -> list[str]:
    return ["eval", "--predictions", str(preds), "--gold", str(gold), "--report-dir", str(folder / "report")]


def _cli(folder: Path, gold: Path, preds: Path) -> dict[str, Any]:
    load = loadavg()
    proc = run_timed([*summarizer_cli(), *_eval_args(folder, gold, preds)], env=bench_env(), cwd=folder, timeout=600)
    error = proc.stderr.strip().splitlines()[-1:] if proc.returncode else []
    return {"returncode": proc.returncode, "wall": proc.wall, "cpu": proc.cpu, "load": load, "error": error}


def phases(gold: Path, preds: Path, out: Path) -> dict[str, float]:
    """Seconds per step of what ``eval --predictions`` does: imports in a fresh interpreter, the rest here."""
    from rich.console import Console

    from summarizer import evaluate
    from summarizer.files import atomic_write

    imports = [PYTHON, "-c", "import summarizer.cli, summarizer.evaluate"]
    marks = {"imports (fresh `python -c`, interpreter start included)": run_timed(imports, env=bench_env()).wall}
    began = time.perf_counter()
    golds = evaluate.load_gold(gold)
    marks["load gold"] = time.perf_counter() - began
    began = time.perf_counter()
    predictions = evaluate.load_predictions(preds)
    marks["load predictions"] = time.perf_counter() - began
    began = time.perf_counter()
    report = evaluate.score(golds, predictions)
    marks["score (match + bootstrap)"] = time.perf_counter() - began
    began = time.perf_counter()
    evaluate.print_report(report, None, Console(file=io.StringIO(), width=160))
    marks["print the terminal report"] = time.perf_counter() - began
    began = time.perf_counter()
    atomic_write(out / "report.json", report.model_dump_json(indent=2))
    atomic_write(out / "report.md", evaluate.to_markdown(report, None))
    marks["write report.json + report.md"] = time.perf_counter() - began
    return marks


def _profile(folder: Path, gold: Path, preds: Path) -> dict[str, Any]:
    """cProfile of a whole ``summarizer eval`` process: imports, loading, scoring, printing, writing."""
    stats = folder / "eval.prof"
    args = [PYTHON, "-m", "cProfile", "-o", str(stats), "-m", "summarizer", *_eval_args(folder, gold, preds)]
    run_timed(args, env=bench_env(), cwd=folder, timeout=600)
    return profiling.tables(pstats.Stats(str(stats)))


def checks(data: dict[str, Any]) -> list[Check]:
    median = data["wall"]["median"]
    if median is None:
        return [Check(f"`summarizer eval --predictions` on {DOCUMENTS} documents", "failed", "< 5 s", None)]
    return [
        Check(
            f"`summarizer eval --predictions` on {DOCUMENTS} documents (median)",
            f"{median:.2f} s",
            f"< {TARGET_S:.0f} s",
            median < TARGET_S,
        )
    ]


def render(data: dict[str, Any]) -> list[str]:
    lines = [
        f"`summarizer eval --predictions PRED --gold GOLD --report-dir OUT` on {DOCUMENTS} generated documents "
        "(whole CLI process: imports, loading, scoring with bootstrap intervals, printing, writing reports).",
        "",
        f"- wall: {fmt_spread(data['wall'])}",
        "",
        "| run | wall | CPU | exit | load |",
        "|---:|---:|---:|---:|---:|",
    ]
    for i, r in enumerate(data["runs"], 1):
        lines.append(f"| {i} | {r['wall']:.2f} s | {r['cpu']:.2f} s | {r['returncode']} | {r['load']:.1f} |")
    lines += ["", "The same steps timed one by one (one run):", "", "| phase | seconds |", "|---|---:|"]
    lines += [f"| {name} | {sec:.2f} |" for name, sec in data["phases"].items()]
    lines.append(f"| **sum** | {sum(data['phases'].values()):.2f} |")
    if data.get("profile"):
        lines += profiling.render_profile("cProfile of one whole `summarizer eval` process", data["profile"])
    return lines
