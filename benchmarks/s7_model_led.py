"""Section 7: model-led reading, the larger catalogued model reading chunks itself.

The default embedded model only refines (section 4); a user who wants the model to read the text picks
``--model qwen2.5-coder-1.5b-instruct``. Measured on the sample bulletin through the CLI, as that user
runs it: the first run with an empty cache (server start included), seconds per KB, peak RSS of the CLI
and its server, prompt tokens per bulletin token counted with that model's own vocabulary, how many
chunks it read and how many of its candidates passed verification, then cached re-runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.common import SAMPLE, Check, Context, fmt_spread
from benchmarks.s4_embedded import TARGET_COLD_S, available, cached_runs, cold_run, time_checks
from benchmarks.tokens import Tokenizer

MODEL = "qwen2.5-coder-1.5b-instruct"
FLAGS = ("--model", MODEL)


def run(ctx: Context) -> dict[str, Any]:
    reason = available(MODEL)
    if reason:
        return {"skipped": reason}
    from summarizer.weights import resolve

    folder = ctx.workdir / "s7"
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer(resolve(MODEL))
    ctx.say(f"s7: sample bulletin, {MODEL}, empty cache (minutes)")
    cold = cold_run(folder, "model-led", FLAGS)
    result: dict[str, Any] = {
        "model": MODEL,
        "tokenizer": tokenizer.name,
        "bulletin_tokens": tokenizer.count(SAMPLE.read_text(encoding="utf-8")),
        "cold": cold,
    }
    if cold["ok"]:
        summary = json.loads(Path(cold["summary"]).read_text(encoding="utf-8"))  # scratch files go with the run
        result["questions"] = summary["provenance"].get("questions") or {}
        result["cached"] = cached_runs(ctx, Path(cold["cache"]), FLAGS)
    return result


def checks(data: dict[str, Any]) -> list[Check]:
    name = f"Model-led ({MODEL}): sample bulletin"
    if data.get("skipped"):
        return [Check(f"{name}, empty cache", "skipped", f"<= {TARGET_COLD_S:.0f} s", None, data["skipped"])]
    cold = data["cold"]
    if not cold["ok"]:
        return [Check(f"{name}, empty cache", "failed", f"<= {TARGET_COLD_S:.0f} s", None, str(cold.get("error")))]
    return time_checks(
        f"{name}, empty cache (CLI, server start included)",
        f"{name}, cached re-run (median)",
        cold["wall"],
        data["cached"]["wall"]["median"],
        f"{cold['s_per_kb']:.1f} s per KB, peak RSS {cold['peak_rss_mb'] / 1024:.2f} GB",
    )


def render(data: dict[str, Any]) -> list[str]:
    if data.get("skipped"):
        return [f"Skipped: {data['skipped']}."]
    cold = data["cold"]
    if not cold["ok"]:
        return [f"The cold run failed: {cold.get('error')}."]
    usage = cold["usage"]
    questions = data["questions"]
    chunks = questions.get("chunks", {})
    bt = data["bulletin_tokens"]
    lines = [
        f"`summarizer summarize SAMPLE --model {data['model']}` with a new empty cache: the rules read the "
        "bulletin, the model reads every chunk they left unread, and each of its candidates is verified against "
        "the text before it merges.",
        "",
        "| wall | s per KB | peak RSS (CLI + server) | CPU | chunks read | model candidates accepted "
        "| calls | prompt tokens | completion tokens | prompt tokens per bulletin token | load before -> after |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {cold['wall']:.1f} s | {cold['s_per_kb']:.1f} | {cold['peak_rss_mb'] / 1024:.2f} GB | {cold['cpu']:.1f} s "
        f"| {chunks.get('asked', 0)} | {_accepted(questions)} | {usage['calls']} | {usage['prompt_tokens']} "
        f"| {usage['completion_tokens']} | {usage['prompt_tokens'] / bt:.2f}x | {cold['load_before']:.1f} -> "
        f"{cold['load_after']:.1f} |",
        "",
        f"Bulletin tokens: {bt}, counted by the {data['tokenizer']}. Prompt tokens are llama.cpp's own count "
        "(chat template included; the schema becomes a grammar, not prompt text). Only the chunks the rules "
        "left unread are sent, each behind the same fixed instructions and examples, so llama.cpp's prefix cache "
        "evaluates that part once.",
        "",
        f"Cached re-run, same flags and cache: {fmt_spread(data['cached']['wall'])}; model calls made: "
        f"{', '.join(sorted({str(r['usage'].get('calls', '?')) for r in data['cached']['runs']}))}.",
    ]
    return lines


def _accepted(questions: dict[str, Any]) -> str:
    asked = sum(q.get("asked", 0) for key, q in questions.items() if key != "chunks")
    accepted = sum(q.get("accepted", 0) for key, q in questions.items() if key != "chunks")
    return f"{accepted} of {asked}"
