"""Section 5: ``summarizer eval --predictions DIR`` on 1,000 generated documents.

Gold and predictions come from the repository's gold files (:func:`benchmarks.corpus.perturbed_pairs`):
items dropped, fields altered, spurious statements added, so matching does real work. The CLI runs in a
scratch directory (no baseline there, reports written there). An in-process run splits the time into
phases, and a cProfile of scoring is added when the target is missed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchmarks import corpus, profiling
from benchmarks.common import Check, Context, bench_env, fmt_spread, loadavg, run_timed, spread, summarizer_cli

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
        ctx.say("s5: target missed, profiling scoring")
        result["profile"] = _profile(gold, preds)
    return result


def _cli(folder: Path, gold: Path, preds: Path) -> dict[str, Any]:
    args = [*summarizer_cli(), "eval", "--predictions", str(preds), "--gold", str(gold)]
    args += ["--report-dir", str(folder / "report")]
    load = loadavg()
    proc = run_timed(args, env=bench_env(), cwd=folder, timeout=600)
    error = proc.stderr.strip().splitlines()[-1:] if proc.returncode else []
    return {"returncode": proc.returncode, "wall": proc.wall, "cpu": proc.cpu, "load": load, "error": error}


def phases(gold: Path, preds: Path, out: Path) -> dict[str, float]:
    """Seconds per step of what ``eval --predictions`` does, measured in this process (imports excluded)."""
    from summarizer import batch, evaluate

    marks: dict[str, float] = {}
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
    batch.atomic_write(out / "report.json", report.model_dump_json(indent=2))
    batch.atomic_write(out / "report.md", evaluate.to_markdown(report, None))
    marks["write report.json + report.md"] = time.perf_counter() - began
    return marks


def _profile(gold: Path, preds: Path) -> dict[str, Any]:
    from summarizer import evaluate

    golds, predictions = evaluate.load_gold(gold), evaluate.load_predictions(preds)
    _, tables = profiling.profile_call(evaluate.score, golds, predictions)
    return tables


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
    lines += ["", "In-process phases (one run, imports excluded):", "", "| phase | seconds |", "|---|---:|"]
    lines += [f"| {name} | {sec:.2f} |" for name, sec in data["phases"].items()]
    if data.get("profile"):
        lines += profiling.render_profile("Profile of `evaluate.score`", data["profile"])
    return lines
