"""Section 6: the tool against the simplest thing a user would write instead, side by side in one run.

The peer is :mod:`benchmarks.naive`: one instructor call with the whole schema on the whole bulletin.
Both run on the same llama.cpp server process (the one the tool's local backend starts), so model,
threads and load are the same. Its context is raised to ``N_CTX`` because the sample (~3,000 tokens)
does not fit the tool's default 2,048, and a user would raise it too; the tool's narrow questions do
not need it. The peer's completion is capped at ``MAX_TOKENS`` with a timeout, since a 135M model asked
for everything at once may loop until the context is full. Its reply is scored as instructor returns it
and, when instructor rejects it, also with its complete items salvaged. The rules backend is the first
column: what the tool gives with no model at all.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

from benchmarks import naive, s4_embedded
from benchmarks.common import SAMPLE, SAMPLE_GOLD, Check, Context
from summarizer import evaluate
from summarizer.models import Gold, Summary

N_CTX = 8192
MAX_TOKENS = 1024
TIMEOUT_S = 600.0
SYSTEMS = ("rules", "tool", "one-shot", "one-shot, salvaged")


def run(ctx: Context) -> dict[str, Any]:
    reason = s4_embedded.available()
    if reason:
        return {"skipped": reason}
    ctx.say("s6: rules backend on the sample")
    rules = _rules()
    ctx.say("s6: tool (local backend, no cache), then the one-shot call on the same server (minutes)")
    tool, oneshot = asyncio.run(_on_one_server())
    gold = Gold.model_validate_json(SAMPLE_GOLD.read_text(encoding="utf-8"))
    salvaged = dict(oneshot, summary=oneshot.pop("salvaged"))
    results = {"rules": rules, "tool": tool, "one-shot": oneshot, "one-shot, salvaged": salvaged}
    for result in results.values():
        result["scores"] = score(gold, Summary.model_validate(result.pop("summary")))
    return {"systems": results, "n_ctx": N_CTX, "max_tokens": MAX_TOKENS}


def _rules() -> dict[str, Any]:
    from summarizer import summarize

    summarize(SAMPLE, backend="rules")  # warm-up: imports and regex compilation are not the comparison
    began = time.perf_counter()
    summary = summarize(SAMPLE, backend="rules")
    wall = time.perf_counter() - began
    return {"summary": summary.model_dump(mode="json"), "wall": wall, "calls": 0, "prompt": 0, "completion": 0}


async def _on_one_server() -> tuple[dict[str, Any], dict[str, Any]]:
    """The tool first (its first model call starts the server), then the peer against that server."""
    from summarizer.llm import LLM, LLMConfig
    from summarizer.pipeline import summarize_async

    async with LLM(LLMConfig(backend="local", use_cache=False, n_ctx=N_CTX)) as llm:
        began = time.perf_counter()
        summary = await summarize_async(SAMPLE, "local", llm=llm)
        wall = time.perf_counter() - began
        if llm.server is None:
            raise RuntimeError("the tool made no model call on the sample, so no server was started")
        start = llm.server.startup_seconds or 0.0
        usage = summary.provenance.usage
        tool = {
            "summary": summary.model_dump(mode="json"),
            "wall": wall - start,
            "server_start": start,
            "calls": usage.calls,
            "prompt": usage.prompt_tokens,
            "completion": usage.completion_tokens,
            "questions": {k: v.model_dump() for k, v in summary.provenance.questions.items()},
        }
        oneshot = await one_shot(llm.server.base_url, llm.model_name)
    return tool, oneshot


async def one_shot(base_url: str, model: str) -> dict[str, Any]:
    """The peer's single call, as a user would write it; records what came back even when it fails."""
    import instructor
    import openai
    from instructor.core.hooks import Hooks

    seen: dict[str, Any] = {}
    hooks = Hooks()
    hooks.on("completion:response", lambda response, *a, **k: seen.setdefault("response", response))
    client = openai.AsyncOpenAI(
        base_url=base_url,
        api_key="local",
        timeout=TIMEOUT_S,
        max_retries=0,
        http_client=openai.DefaultAsyncHttpxClient(trust_env=False),  # loopback: never through a proxy
    )
    patched = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
    text = SAMPLE.read_text(encoding="utf-8")
    began = time.perf_counter()
    result: naive.NaiveSummary | None = None
    error = None
    try:
        result = await patched.chat.completions.create(
            model=model,
            messages=naive.messages(text),  # type: ignore[arg-type]
            response_model=naive.NaiveSummary,
            max_retries=0,  # instructor 1.17 counts re-asks after the first attempt: one call, as written
            max_tokens=MAX_TOKENS,
            temperature=0,
            hooks=hooks,
        )
    except Exception as exc:  # the peer failing is a result to report, not a benchmark error
        error = f"{type(exc).__name__}: {' '.join(re.sub(r'<[^>]*>', ' ', str(exc)).split())}"[:160]
    finally:
        await client.close()
    wall = time.perf_counter() - began
    response = seen.get("response")
    usage = getattr(response, "usage", None)
    raw = _raw_output(response)
    return {
        "summary": naive.to_summary(result).model_dump(mode="json"),
        "salvaged": naive.to_summary(result or naive.salvage(raw)).model_dump(mode="json"),
        "wall": wall,
        "calls": 1,
        "prompt": getattr(usage, "prompt_tokens", 0) or 0,
        "completion": getattr(usage, "completion_tokens", 0) or 0,
        "finish_reason": response.choices[0].finish_reason if response is not None and response.choices else None,
        "output_head": " ".join(raw.split())[:300].replace("`", "'"),
        "error": error,
    }


def _raw_output(response: Any) -> str:
    """What the model generated (tool-call arguments, else content), whether or not it parsed."""
    if response is None or not response.choices:
        return ""
    message = response.choices[0].message
    calls = message.tool_calls or []
    return str(calls[0].function.arguments if calls else (message.content or ""))


def score(gold: Gold, prediction: Summary) -> dict[str, dict[str, float]]:
    """Record and field F1 per record type, from the eval harness (one document: no intervals)."""
    report = evaluate.score({SAMPLE.stem: gold}, {SAMPLE.stem: prediction}, resamples=1)
    return {
        kind: {
            "n_pred": ts.record.n_pred,
            "n_gold": ts.record.n_gold,
            "record_f1": ts.record.f1,
            "strict_f1": ts.strict.f1,
            "lenient_f1": ts.lenient.f1,
        }
        for kind, ts in report.types.items()
    }


def _accepted(questions: dict[str, dict[str, int]] | None) -> str:
    if not questions:
        return "-"
    return ", ".join(f"{kind} {q['accepted']}/{q['asked']}" for kind, q in questions.items())


def peer_use(data: dict[str, Any]) -> dict[str, Any] | None:
    """The one-shot call's llama.cpp token counts (read by section 3)."""
    oneshot = data.get("systems", {}).get("one-shot")
    return {"prompt_tokens": oneshot["prompt"], "completion_tokens": oneshot["completion"]} if oneshot else None


def checks(data: dict[str, Any]) -> list[Check]:
    if data.get("skipped"):
        return [Check("Peer comparison on the sample", "skipped", "-", None, data["skipped"])]
    systems = data["systems"]
    tool = systems["tool"]["scores"]
    out = []
    for kind in ("overview", "statements", "sanctions"):
        peer = max(systems[s]["scores"][kind]["record_f1"] for s in ("one-shot", "one-shot, salvaged"))
        out.append(
            Check(
                f"Peer comparison, sample: {kind} F1 (record match), tool vs one-shot call (best of as-is/salvaged)",
                f"{tool[kind]['record_f1']:.2f} vs {peer:.2f}",
                "tool >= one-shot",
                tool[kind]["record_f1"] >= peer,
            )
        )
    return out


def render(data: dict[str, Any]) -> list[str]:
    if data.get("skipped"):
        return [f"Skipped: {data['skipped']}."]
    systems = data["systems"]
    lines = [
        "Sample bulletin scored against `evals/gold/spotlight-on-iran-2020-03-22.gold.json` with the eval harness "
        "(`summarizer.evaluate.score`). *tool* = `-b local` with no cache; *one-shot* = `benchmarks/naive.py`, "
        f"one instructor TOOLS call with the whole schema and the whole bulletin, `max_tokens={data['max_tokens']}`, "
        f"one attempt. Both on the same llama.cpp server (SmolLM2-135M, 1 thread, `n_ctx={data['n_ctx']}` so the "
        "bulletin fits). Time is model time (the tool's excludes the server start); tokens are llama.cpp's counts. "
        "Record F1 counts matched items; strict/lenient F1 score their fields. Bulletin metadata is not compared "
        "(the one-shot schema does not ask for it). *one-shot, salvaged* = the same reply when instructor rejects "
        "it: its complete items parsed leniently (pydantic partial JSON), a best case that needs extra user code.",
        "",
        "| | " + " | ".join(SYSTEMS) + " |",
        "|---|" + "---:|" * len(SYSTEMS),
    ]

    def row(label: str, cell: Any) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(systems[s]) for s in SYSTEMS) + " |")

    row("wall time", lambda s: f"{s['wall']:.2f} s")
    row("model calls", lambda s: str(s["calls"]))
    row("prompt + completion tokens", lambda s: f"{s['prompt']} + {s['completion']}")
    row("model answers accepted / asked", lambda s: _accepted(s.get("questions")))
    for kind in ("overview", "statements", "sanctions"):
        row(
            f"{kind}: items predicted / gold",
            lambda s, k=kind: f"{s['scores'][k]['n_pred']} / {s['scores'][k]['n_gold']}",
        )
        for metric in ("record_f1", "strict_f1", "lenient_f1"):
            row(f"{kind}: {metric.replace('_', ' ')}", lambda s, k=kind, m=metric: f"{s['scores'][k][m]:.2f}")
    peer, tool = systems["one-shot"], systems["tool"]
    if tool.get("questions") and not any(q["accepted"] for q in tool["questions"].values()):
        lines += [
            "",
            f"No model answer passed the tool's text checks, so the tool's output is the rules' output: the model "
            f"cost {tool['wall']:.0f} s and {tool['prompt'] + tool['completion']} tokens and changed nothing.",
        ]
    lines += [
        "",
        f"Server start (paid once by the tool, before its first question): {systems['tool']['server_start']:.1f} s. "
        f"One-shot call: finish reason `{peer['finish_reason']}`, "
        f"{'error `' + peer['error'] + '`' if peer['error'] else 'parsed without error'}. "
        f"Start of its output: `{peer['output_head'] or '(nothing)'}`",
    ]
    return lines
