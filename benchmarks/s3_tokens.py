"""Section 3: token economy, prompt tokens sent per bulletin token, per backend and strategy.

The default strategy (narrow questions per statement, few-shot examples included) is run on every
fixture against :mod:`benchmarks.fakellm`, which counts each request's prompt tokens as a hosted API
bills them (all messages plus the tool schema instructor sends). The two alternatives are
:mod:`benchmarks.naive`'s whole-schema request, sent once with the whole bulletin (one-shot) or once per
paragraph, counted the same way. Bulletin tokens use the same tokenizer. Sections 4 and 6 add what the
embedded llama.cpp server itself counted for the sample; the rules backend sends nothing.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from benchmarks import corpus, fakellm, naive
from benchmarks.common import SAMPLE, Check, Context
from benchmarks.tokens import shared
from summarizer import ingest
from summarizer.segment import segment

TARGET = 2.5
DUMMY_KEY = "sk-bench-loopback-not-a-key"


def run(ctx: Context) -> dict[str, Any]:
    """Per fixture: bulletin tokens, default-strategy prompt tokens (by question), and the alternatives'."""
    tokenizer = shared()
    rows = []
    with fakellm.Running(0.0) as fake:
        for path in corpus.fixtures():
            ctx.say(f"s3: {path.name}")
            rows.append(_fixture(fake, path, tokenizer.count(ingest.read(path).text)))
    keys = ("bulletin_tokens", "calls", "default_prompt", "oneshot_prompt", "paragraphs", "paragraph_prompt")
    total = {k: sum(r[k] for r in rows) for k in keys}
    return {
        "tokenizer": tokenizer.name,
        "exact": tokenizer.exact,
        "rows": rows,
        "total": total,
        "fixed": fixed_overhead(),
    }


QUESTIONS = {
    "read_chunk": "ChunkReading",
    "sanction_targets": "Listed",
    "statement_type": "TypeAnswer",
    "statement_type_check": "TypeAnswer",
    "target": "TargetAnswer",
    "role": "RoleAnswer",
    "speaker": "SpeakerAnswer",
}


def fixed_overhead() -> list[dict[str, Any]]:
    """Tokens every call of a question pays whatever the bulletin says: system prompt (with few-shot
    examples), the user template without its variables, and the tool schema instructor sends."""
    from instructor import openai_schema

    from summarizer import templates
    from summarizer.extract import model, refine

    tokenizer = shared()
    rows = []
    for name, model_name in QUESTIONS.items():
        prompt = templates.load(name)
        empty = prompt.render(**dict.fromkeys(prompt.variables, ""))
        answer = getattr(model, model_name, None) or getattr(refine, model_name)
        tool = {"type": "function", "function": openai_schema(answer).openai_schema}
        system = tokenizer.count(prompt.system)
        schema = tokenizer.request({"messages": [], "tools": [tool]})
        fixed = tokenizer.request({"messages": empty, "tools": [tool]})
        rows.append({"prompt": name, "tool": model_name, "system": system, "schema": schema, "fixed": fixed})
    return rows


def _fixture(fake: fakellm.Running, path: Path, bulletin_tokens: int) -> dict[str, Any]:
    fake.reset()
    usage, questions = asyncio.run(_default(fake.base_url, path))
    per_tool = fake.stats()["tools"]
    source = ingest.read(path)
    doc = segment(source)
    paragraphs = [p.text for p in [*doc.overview, *doc.paragraphs]]
    return {
        "bulletin": path.name,
        "bulletin_tokens": bulletin_tokens,
        "calls": usage.calls,
        "default_prompt": usage.prompt_tokens,
        "oneshot_prompt": _naive_prompt_tokens(fake, [source.text]),
        "paragraphs": len(paragraphs),
        "paragraph_prompt": _naive_prompt_tokens(fake, paragraphs),
        "per_tool": per_tool,
        "questions": questions,
    }


def _naive_prompt_tokens(fake: fakellm.Running, texts: list[str]) -> int:
    """Prompt tokens of the whole-schema request sent once per text, as the fake server counted them."""
    fake.reset()
    asyncio.run(_naive(fake.base_url, texts))
    return int(fake.stats()["tools"]["NaiveSummary"]["prompt_tokens"])


async def _default(base_url: str, path: Path) -> tuple[Any, dict[str, Any]]:
    from summarizer.llm import LLM, LLMConfig
    from summarizer.pipeline import summarize_async

    os.environ["OPENAI_API_KEY"] = DUMMY_KEY
    config = LLMConfig(backend="openai", model="fake-model", base_url=base_url, use_cache=False, concurrency=16)
    try:
        async with LLM(config) as llm:
            summary = await summarize_async(path, "openai", llm=llm)
    finally:
        os.environ.pop("OPENAI_API_KEY", None)
    questions = {k: v.model_dump() for k, v in summary.provenance.questions.items()}
    return summary.provenance.usage, questions


async def _naive(base_url: str, texts: list[str]) -> None:
    import instructor
    import openai

    client = openai.AsyncOpenAI(
        base_url=base_url, api_key=DUMMY_KEY, http_client=openai.DefaultAsyncHttpxClient(trust_env=False)
    )
    patched = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
    try:
        for text in texts:
            await patched.chat.completions.create(
                model="fake-model", messages=naive.messages(text), response_model=naive.NaiveSummary, max_retries=0
            )
    finally:
        await client.close()


def sample_row(data: dict[str, Any]) -> dict[str, Any] | None:
    return next((r for r in data["rows"] if r["bulletin"] == SAMPLE.name), None)


def checks(data: dict[str, Any], local: dict[str, Any] | None = None) -> list[Check]:
    total = data["total"]
    ratio = total["default_prompt"] / total["bulletin_tokens"]
    out = [
        Check(
            f"Prompt tokens per bulletin token, default strategy ({len(data['rows'])} fixtures, as billed)",
            f"{ratio:.2f}x",
            f"< {TARGET}x",
            ratio < TARGET,
            f"one-shot {total['oneshot_prompt'] / total['bulletin_tokens']:.2f}x, "
            f"per paragraph {total['paragraph_prompt'] / total['bulletin_tokens']:.2f}x",
        )
    ]
    sample = sample_row(data)
    if local and sample and local.get("prompt_tokens"):
        value = local["prompt_tokens"] / sample["bulletin_tokens"]
        out.append(
            Check(
                "Prompt tokens per bulletin token, default strategy, sample on the embedded model (llama.cpp count)",
                f"{value:.2f}x",
                f"< {TARGET}x",
                value < TARGET,
            )
        )
    return out


def render(data: dict[str, Any], local: dict[str, Any] | None = None, peer: dict[str, Any] | None = None) -> list[str]:
    lines = [
        f"Tokenizer: {data['tokenizer']}. Backend `openai`, prompt tokens as a hosted API bills them: every message "
        "(system prompt with its few-shot examples, user text) plus the tool schema, +4 per message for chat "
        "framing. *Default* = what `-b openai` sends (fake server whose answers add no statements, so the count "
        "is what the rules' candidates dictate). *One-shot* and *per paragraph* = `benchmarks/naive.py`'s "
        "whole-schema request with the whole bulletin, or once per paragraph (overview points included). "
        "Backend `rules` sends no tokens.",
        "",
        "| bulletin | bulletin tokens | default: calls | prompt tokens | per bulletin token "
        "| one-shot: prompt tokens | per bulletin token | per paragraph: calls | prompt tokens | per bulletin token |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in [*data["rows"], {"bulletin": f"**all {len(data['rows'])}**", **data["total"]}]:
        bt = r["bulletin_tokens"]
        lines.append(
            f"| {r['bulletin']} | {bt} | {r['calls']} | {r['default_prompt']} | {r['default_prompt'] / bt:.2f}x "
            f"| {r['oneshot_prompt']} | {r['oneshot_prompt'] / bt:.2f}x "
            f"| {r['paragraphs']} | {r['paragraph_prompt']} | {r['paragraph_prompt'] / bt:.2f}x |"
        )
    lines += _by_question(data)
    lines += _fixed_lines(data)
    lines += _embedded_lines(data, local, peer)
    return lines


def _by_question(data: dict[str, Any]) -> list[str]:
    tools: dict[str, dict[str, int]] = {}
    for row in data["rows"]:
        for name, t in row["per_tool"].items():
            agg = tools.setdefault(name, {"calls": 0, "prompt_tokens": 0})
            agg["calls"] += t["calls"]
            agg["prompt_tokens"] += t["prompt_tokens"]
    total = sum(t["prompt_tokens"] for t in tools.values()) or 1
    bt = data["total"]["bulletin_tokens"]
    lines = ["", f"Where the default strategy's prompt tokens go (all {len(data['rows'])} fixtures):", ""]
    lines += ["| question (tool) | calls | prompt tokens | per call | share | per bulletin token |"]
    lines += ["|---|---:|---:|---:|---:|---:|"]
    for name, t in sorted(tools.items(), key=lambda kv: -kv[1]["prompt_tokens"]):
        lines.append(
            f"| {name} | {t['calls']} | {t['prompt_tokens']} | {t['prompt_tokens'] / t['calls']:.0f} "
            f"| {t['prompt_tokens'] / total * 100:.0f}% | {t['prompt_tokens'] / bt:.2f}x |"
        )
    return lines


def _fixed_lines(data: dict[str, Any]) -> list[str]:
    lines = ["", "Fixed tokens per call (paid whatever the statement is):", ""]
    lines += [
        "| prompt | tool | system prompt incl. few-shot | tool schema | fixed per call |",
        "|---|---|---:|---:|---:|",
    ]
    lines += [
        f"| {r['prompt']} | {r['tool']} | {r['system']} | {r['schema']} | {r['fixed']} |" for r in data.get("fixed", [])
    ]
    fixed, total = fixed_part(data), data["total"]["default_prompt"]
    return [
        *lines,
        "",
        f"Fixed part of the default strategy's prompt tokens (calls x fixed tokens of their question; the two "
        f"type questions are always asked as a pair): {fixed:.0f} of {total} ({fixed / total * 100:.0f}%), i.e. "
        f"{fixed / data['total']['bulletin_tokens']:.2f}x the bulletin tokens before any bulletin text is sent.",
    ]


def fixed_part(data: dict[str, Any]) -> float:
    """Prompt tokens of the default strategy that do not depend on the bulletin: the cost of many calls."""
    per_tool: dict[str, list[int]] = {}
    for row in data["fixed"]:
        per_tool.setdefault(row["tool"], []).append(row["fixed"])
    calls: dict[str, int] = {}
    for row in data["rows"]:
        for name, t in row["per_tool"].items():
            calls[name] = calls.get(name, 0) + t["calls"]
    return sum(n * sum(per_tool[name]) / len(per_tool[name]) for name, n in calls.items())


def _embedded_lines(data: dict[str, Any], local: dict[str, Any] | None, peer: dict[str, Any] | None) -> list[str]:
    sample = sample_row(data)
    if sample is None or not local or not local.get("prompt_tokens"):
        return []
    bt = sample["bulletin_tokens"]
    lines = [
        "",
        "On the embedded model (llama.cpp's own prompt count: chat template included, tool schema **not** in the "
        "prompt, it becomes a grammar), sample bulletin:",
        "",
        f"- default strategy: {local['prompt_tokens']} prompt tokens over {local['calls']} calls = "
        f"{local['prompt_tokens'] / bt:.2f}x the bulletin's {bt} tokens",
    ]
    if peer and peer.get("prompt_tokens"):
        lines.append(
            f"- one-shot (section 6): {peer['prompt_tokens']} prompt tokens in 1 call = "
            f"{peer['prompt_tokens'] / bt:.2f}x"
        )
    return lines
