"""Section 4: the embedded default model behind llama.cpp's OpenAI-compatible server.

Measured: server cold start; llama.cpp's own prompt-evaluation and generation speeds (free text and
grammar-constrained tool calls, read from the server's ``llama_perf_context_print`` lines); the sample
bulletin through the CLI with an empty cache (the user's first run, server start included); and the
cached re-run of ``summarizer summarize SAMPLE`` with no flags. A cached run over its target is
profiled: ``-X importtime`` for imports, cProfile for the rest.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from benchmarks import profiling
from benchmarks.common import (
    PYTHON,
    ROOT,
    SAMPLE,
    Check,
    Context,
    bench_env,
    fmt_spread,
    loadavg,
    run_timed,
    spread,
    summarizer_cli,
)
from summarizer.llm import DEFAULT_MODELS

TARGET_COLD_S = 240.0
TARGET_CACHED_S = 2.0
COLD_BUDGET_S = 300.0  # stop repeating the cold bulletin run once this much time went into it
_PERF = re.compile(r"(prompt eval|\beval) time =\s*([\d.]+) ms /\s*(\d+) (?:tokens|runs)")


def available(model: str | None = None) -> str | None:
    """Why a section measuring ``model`` (default: the embedded default) cannot run, or None."""
    from summarizer.local import LocalServerError, find_gguf, local_backend_available

    if not local_backend_available():
        return "llama-cpp-python[server] is not installed (pip install 'summarizer[local]')"
    try:
        find_gguf(model=model)
    except LocalServerError as exc:
        return str(exc)
    return None


def run(ctx: Context) -> dict[str, Any]:
    reason = available()
    if reason:
        return {"skipped": reason}
    folder = ctx.workdir / "s4"
    folder.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"cold_start": _cold_starts(ctx), "speed": _speeds(ctx)}
    result["bulletin"] = _bulletin_runs(ctx, folder)
    cache = Path(result["bulletin"]["runs"][-1]["cache"])
    result["cached"] = cached_runs(ctx, cache)
    if (result["cached"]["wall"]["median"] or 0) > TARGET_CACHED_S:
        ctx.say("s4: cached run over target, profiling imports and the run")
        result["cached_profile"] = profile_cached(cache, folder)
    return result


# --- server start and raw speed ---------------------------------------------------------------------


def _cold_starts(ctx: Context) -> dict[str, Any]:
    from summarizer.local import LocalServer

    seconds = []
    for rep in range(ctx.reps(3, 2)):
        ctx.say(f"s4: server cold start {rep + 1}")
        server = LocalServer()
        with server:
            seconds.append(server.startup_seconds or 0.0)
    return {"seconds": spread(seconds), "load": loadavg()}


def _speeds(ctx: Context) -> dict[str, Any]:
    """llama.cpp's timings for three request shapes, a few times each, on one server."""
    import openai

    from summarizer.local import LocalServer

    server = LocalServer()
    ctx.say("s4: prompt-eval / generation / tool-call speeds")
    with server as base_url:
        http = openai.DefaultHttpxClient(trust_env=False)  # loopback: never through a proxy
        client = openai.OpenAI(base_url=base_url, api_key="local", http_client=http, timeout=600, max_retries=0)
        reps = ctx.reps(3, 2)
        out = {
            "prompt_eval": [_timed_request(server, client, **_long_prompt(i)) for i in range(reps)],
            "free_generation": [_timed_request(server, client, **_story(i)) for i in range(reps)],
            "tool_call": [_timed_request(server, client, **_tool_question(i)) for i in range(reps)],
        }
        client.close()
    out["load"] = loadavg()
    return out


def _long_prompt(i: int) -> dict[str, Any]:
    text = SAMPLE.read_text(encoding="utf-8")[:4500]
    return {"messages": [{"role": "user", "content": f"Note {i}.\n{text}"}], "max_tokens": 1}


def _story(i: int) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": f"Write a long story about cat number {i}."}], "max_tokens": 64}


def _tool_question(i: int) -> dict[str, Any]:
    """A real statement_type question as instructor sends it (TOOLS mode, forced tool choice)."""
    from instructor import openai_schema

    from summarizer import templates
    from summarizer.extract.refine import TypeAnswer

    contents = [
        "the only option the Americans have is to leave the region",
        "even the slightest threat to Iran's security will be met with an overwhelming response",
        "U.S. military actions in Iraq are a violation of Iraqi sovereignty",
    ]
    messages = templates.load("statement_type").render(cue="stated", content=contents[i % len(contents)])
    tool = {"type": "function", "function": openai_schema(TypeAnswer).openai_schema}
    choice = {"type": "function", "function": {"name": "TypeAnswer"}}
    return {"messages": messages, "tools": [tool], "tool_choice": choice, "max_tokens": 512}


def _timed_request(server: Any, client: Any, **params: Any) -> dict[str, Any]:
    began = time.perf_counter()
    response = client.chat.completions.create(model=DEFAULT_MODELS["local"], temperature=0, **params)
    wall = time.perf_counter() - began
    time.sleep(0.2)  # the perf lines are printed just after the response
    perf = parse_perf(server.log_text())
    return {"wall": wall, "completion_tokens": response.usage.completion_tokens, **perf}


def parse_perf(log: str) -> dict[str, float]:
    """The last ``prompt eval`` and ``eval`` timings llama.cpp printed (ms and token counts)."""
    out: dict[str, float] = {}
    for kind, ms, count in _PERF.findall(log):
        key = "prompt" if kind.startswith("prompt") else "eval"
        out[f"{key}_ms"], out[f"{key}_n"] = float(ms), float(count)
    return out


def speed_summary(rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """Tokens per second from llama.cpp's own timings (``prompt`` or ``eval``)."""
    rates = [r[f"{key}_n"] / (r[f"{key}_ms"] / 1000) for r in rows if r.get(f"{key}_ms") and r.get(f"{key}_n", 0) > 1]
    return spread(rates)


# --- the CLI, cold and cached ---------------------------------------------------------------------


def _bulletin_runs(ctx: Context, folder: Path) -> dict[str, Any]:
    runs: list[dict[str, Any]] = []
    spent = 0.0
    for rep in range(ctx.reps(2, 1)):
        if runs and spent > COLD_BUDGET_S:
            ctx.say(f"s4: skipping cold run {rep + 1}: {spent:.0f} s already spent")
            break
        ctx.say(f"s4: sample bulletin, local backend, empty cache, run {rep + 1} (minutes)")
        runs.append(cold_run(folder, f"local-{rep}"))
        spent += runs[-1]["wall"]
    return {"runs": runs, "wall": spread([r["wall"] for r in runs if r["ok"]])}


def cold_run(folder: Path, tag: str, flags: tuple[str, ...] = ()) -> dict[str, Any]:
    """The sample through the CLI with ``flags`` and a new empty cache: what a user's first run costs."""
    cache = folder / f"cache-{tag}.sqlite"
    out = folder / f"summary-{tag}.json"
    load = loadavg()
    command = [*summarizer_cli(), "summarize", str(SAMPLE), *flags]
    proc = run_timed(command, env=_env(cache), cwd=folder, timeout=1800)
    run: dict[str, Any] = {"ok": proc.returncode == 0, "wall": proc.wall, "cpu": proc.cpu, "cache": str(cache)}
    run.update({"peak_rss_mb": proc.peak_rss_mb, "s_per_kb": proc.wall / (SAMPLE.stat().st_size / 1024)})
    run.update({"load_before": load, "load_after": loadavg(), "retry_warnings": proc.stderr.count("retrying")})
    if proc.returncode == 0:
        out.write_text(proc.stdout, encoding="utf-8")
        run["summary"] = str(out)
        run["usage"] = json.loads(proc.stdout)["provenance"]["usage"]
    else:
        run["error"] = proc.stderr.strip().splitlines()[-1:]
    return run


def _env(cache: Path) -> dict[str, str]:
    return bench_env(SUMMARIZER_CACHE=str(cache))


def cached_runs(ctx: Context, cache: Path, flags: tuple[str, ...] = ()) -> dict[str, Any]:
    """Re-runs of the sample with the cache a cold run filled, plus what starting the CLI alone costs."""
    runs = []
    for rep in range(ctx.reps(5, 3)):
        ctx.say(f"cached re-run {' '.join(flags)} {rep + 1}")
        command = [*summarizer_cli(), "summarize", str(SAMPLE), *flags]
        proc = run_timed(command, env=_env(cache), cwd=cache.parent)
        usage = json.loads(proc.stdout)["provenance"]["usage"] if proc.returncode == 0 else {}
        runs.append({"wall": proc.wall, "cpu": proc.cpu, "ok": proc.returncode == 0, "usage": usage})
    parts = {
        "interpreter start (python -c pass)": _median_wall([PYTHON, "-c", "pass"]),
        "python -c 'import summarizer.cli'": _median_wall([PYTHON, "-c", "import summarizer.cli"]),
    }
    return {"runs": runs, "wall": spread([r["wall"] for r in runs if r["ok"]]), "parts": parts}


def _median_wall(args: list[str], reps: int = 3) -> float:
    walls = sorted(run_timed(args, env=bench_env(), cwd=ROOT).wall for _ in range(reps))
    return walls[len(walls) // 2]


# --- profiling the cached run ---------------------------------------------------------------------


def profile_cached(cache: Path, folder: Path) -> dict[str, Any]:
    """Import costs (``-X importtime``) and where the rest of the run goes (cProfile)."""
    args = ["-m", "summarizer", "summarize", str(SAMPLE)]
    imports = run_timed([PYTHON, "-X", "importtime", *args], env=_env(cache), cwd=folder)
    prof_file = folder / "cached.prof"
    run_timed([PYTHON, "-m", "cProfile", "-o", str(prof_file), *args], env=_env(cache), cwd=folder)
    import pstats

    tables = profiling.tables(pstats.Stats(str(prof_file)))
    return {"imports": importtime(imports.stderr), "profile": tables}


def importtime(stderr: str, top: int = 12) -> dict[str, Any]:
    """Self time summed per root package, and the biggest import trees, from ``-X importtime`` output."""
    self_us: dict[str, int] = {}
    trees: list[tuple[int, str]] = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        _, own, cumulative, name = (part for part in re.split(r"[:|]", line, maxsplit=3))
        module = name.strip()
        root = module.split(".")[0]
        self_us[root] = self_us.get(root, 0) + int(own)
        depth = len(name) - len(name.lstrip()) - 1
        if depth <= 2:
            trees.append((int(cumulative), module))
    total = sum(self_us.values())
    roots = sorted(self_us.items(), key=lambda kv: -kv[1])[:top]
    return {
        "total_s": total / 1e6,
        "by_package": [{"package": k, "self_s": v / 1e6} for k, v in roots],
        "trees": [{"module": m, "cumulative_s": c / 1e6} for c, m in sorted(trees, reverse=True)[:top]],
    }


# --- report -------------------------------------------------------------------------------------------


def model_use(data: dict[str, Any]) -> dict[str, Any] | None:
    """Usage of the last successful cold run (read by sections 3 and 6)."""
    runs = [r for r in data.get("bulletin", {}).get("runs", []) if r.get("ok")]
    return dict(runs[-1]["usage"], summary=runs[-1]["summary"], wall=runs[-1]["wall"]) if runs else None


def checks(data: dict[str, Any]) -> list[Check]:
    if data.get("skipped"):
        note = data["skipped"]
        return [
            Check("Embedded model: sample bulletin, cold", "skipped", f"<= {TARGET_COLD_S:.0f} s", None, note),
            Check("Embedded model: cached re-run", "skipped", "< 2 s", None, note),
        ]
    return time_checks(
        "Embedded model: sample bulletin, empty cache (CLI, server start included, median)",
        "Embedded model: cached re-run `summarizer summarize SAMPLE` (median)",
        data["bulletin"]["wall"]["median"],
        data["cached"]["wall"]["median"],
    )


def time_checks(
    cold_metric: str, cached_metric: str, cold: float | None, cached: float | None, note: str = ""
) -> list[Check]:
    """The two targets a user feels: a first run with an empty cache, and a re-run served from the cache."""
    return [
        Check(
            cold_metric,
            f"{cold:.1f} s" if cold is not None else "failed",
            f"<= {TARGET_COLD_S:.0f} s",
            None if cold is None else cold <= TARGET_COLD_S,
            note,
        ),
        Check(
            cached_metric,
            f"{cached:.2f} s" if cached is not None else "failed",
            f"< {TARGET_CACHED_S:.0f} s",
            None if cached is None else cached < TARGET_CACHED_S,
        ),
    ]


def render(data: dict[str, Any]) -> list[str]:
    if data.get("skipped"):
        return [f"Skipped: {data['skipped']}."]
    lines = [
        f"- server cold start (process spawn to `/v1/models` answering): {fmt_spread(data['cold_start']['seconds'])}"
    ]
    lines += _speed_lines(data["speed"])
    lines += _bulletin_lines(data)
    lines += _cached_lines(data)
    return lines


def _speed_lines(speed: dict[str, Any]) -> list[str]:
    prompt = speed_summary(speed["prompt_eval"], "prompt")
    free = speed_summary(speed["free_generation"], "eval")
    tool = speed_summary(speed["tool_call"], "eval")
    tool_wall = spread([r["wall"] for r in speed["tool_call"]])
    return [
        f"- prompt evaluation (~1,150-token prompt): {fmt_spread(prompt, 'tok/s', 1, 0)}",
        f"- generation, free text: {fmt_spread(free, 'tok/s', 1, 1)}",
        f"- generation, grammar-constrained tool call (a real `statement_type` question): "
        f"{fmt_spread(tool, 'tok/s', 1, 1)}; wall per question {fmt_spread(tool_wall)}",
        f"- (speeds from llama.cpp's own `llama_perf_context_print` timings; load at the end {speed['load']:.1f})",
    ]


def _bulletin_lines(data: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "Sample bulletin, `summarizer summarize SAMPLE` with `SUMMARIZER_CACHE` pointing to a new empty file "
        "(what a first run costs: CLI start, server start, every question):",
        "",
        "| run | wall | s per KB | peak RSS | CPU (CLI + server) | calls | cached | retries | prompt tok "
        "| completion tok | s per call | tokens/s | retry warnings | load before -> after |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    overhead = (data["cold_start"]["seconds"]["median"] or 0) + (data["cached"]["wall"]["median"] or 0)
    for i, r in enumerate(data["bulletin"]["runs"], 1):
        if not r["ok"]:
            lines.append(f"| {i} | {r['wall']:.1f} s | failed: {r.get('error')} |" + " |" * 11)
            continue
        u = r["usage"]
        model_s = max(r["wall"] - overhead, 1e-9)
        tokens = u["prompt_tokens"] + u["completion_tokens"]
        lines.append(
            f"| {i} | {r['wall']:.1f} s | {r.get('s_per_kb', 0):.1f} | {r.get('peak_rss_mb', 0) / 1024:.2f} GB "
            f"| {r['cpu']:.1f} s | {u['calls']} | {u['cached_calls']} | {u['retries']} "
            f"| {u['prompt_tokens']} | {u['completion_tokens']} | {model_s / max(u['calls'], 1):.2f} "
            f"| {tokens / model_s:.0f} | {r['retry_warnings']} | {r['load_before']:.1f} -> {r['load_after']:.1f} |"
        )
    lines += [
        "",
        "s per call and tokens/s use model time = wall - median server start - median cached run (the CLI's own "
        "cost); tokens/s counts prompt + completion tokens.",
    ]
    return lines


def _cached_lines(data: dict[str, Any]) -> list[str]:
    cached = data["cached"]
    calls = {r["usage"].get("calls", "?") for r in cached["runs"]}
    lines = [
        "",
        f"Cached re-run, `summarizer summarize SAMPLE` (no flags, same cache): {fmt_spread(cached['wall'])}; "
        f"model calls made: {', '.join(map(str, sorted(calls, key=str)))}.",
        "",
    ]
    lines += [f"- {name}: {sec:.2f} s" for name, sec in cached["parts"].items()]
    prof = data.get("cached_profile")
    if prof:
        imp = prof["imports"]
        lines += ["", f"`-X importtime` of the cached run: {imp['total_s']:.2f} s of imports in total.", ""]
        lines += ["| package (root) | self time, summed |", "|---|---:|"]
        lines += [f"| {r['package']} | {r['self_s']:.3f} s |" for r in imp["by_package"]]
        lines += ["", "| largest import trees | cumulative |", "|---|---:|"]
        lines += [f"| `{r['module']}` | {r['cumulative_s']:.3f} s |" for r in imp["trees"]]
        lines += profiling.render_profile("cProfile of the whole cached run", prof["profile"])
    return lines
