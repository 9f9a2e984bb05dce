"""``summarizer summarize``: one bulletin to stdout or a file, many to a results directory or JSON Lines."""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from .. import render
from ..errors import SummarizerError
from ..models import Summary
from ..pipeline import BACKENDS, DEFAULT_BACKEND
from ..terminal import SafeConsole
from . import shared
from .shared import STRATEGY_HELP, Format, Quiet, err, fail, set_quiet, write_output

if TYPE_CHECKING:
    from ..llm import LLMConfig

EXAMPLES = """One bulletin prints to stdout (or -o FILE) in the chosen format. A directory, a pattern or
several files need --out-dir DIR (one JSON each, roll-ups, resumable) or -f jsonl (one JSON per line on stdout).
Directories and patterns skip READMEs and hidden files.

Examples:

\b
  summarizer summarize bulletin.txt                    JSON, local model (the default backend)
  summarizer summarize bulletin.pdf -b rules -f table  no model at all
  summarizer summarize - -f md -o brief.md < bulletin.txt
  summarizer summarize bulletins/ --out-dir results/
  summarizer summarize 'bulletins/*.txt' -f jsonl -q > all.jsonl
  summarizer summarize bulletin.txt -b openai --base-url http://localhost:11434/v1 --model qwen2.5
"""

# Flags that only mean something to some backends: given to another, they are refused rather than ignored.
_MODEL_FLAGS = (
    "--model", "--base-url", "--mode", "--strategy", "--model-path", "--timeout", "--max-retries", "--token-budget",
    "--threads",
)  # fmt: skip
_UNUSED_BY = {
    "rules": {*_MODEL_FLAGS, "--no-cache"},
    "openai": {"--model-path", "--threads"},
    "local": {"--base-url"},
}
_FLAGS = {"n_threads": "--threads"}
"""Settings whose flag is not the setting's name."""
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def summarize(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="BULLETIN...", help="Files (.txt .md .html .pdf), directories, globs, or - for stdin."),
    ],
    backend: Annotated[
        str | None,
        typer.Option(
            "--backend", "-b", help=f"One of {', '.join(BACKENDS)}; env SUMMARIZER_BACKEND; default {DEFAULT_BACKEND}."
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="json (default), jsonl, md, table or html; --out-dir writes json."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the result to FILE, not stdout.")
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir",
            metavar="DIR",
            help="Write one JSON per bulletin, results.jsonl and CSV roll-ups into DIR (created); resumable.",
        ),
    ] = None,
    out_alias: Annotated[Path | None, typer.Option("--out", hidden=True, help="Old name of --out-dir.")] = None,
    keep_ungrounded: Annotated[
        bool, typer.Option("--keep-ungrounded", help="Keep items whose evidence is not in the text.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="Model name (openai; the served alias for local).")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible endpoint (openai); env OPENAI_BASE_URL.")
    ] = None,
    mode: Annotated[
        str | None, typer.Option(help="Instructor mode: tools (default), json_schema, json, md_json.")
    ] = None,
    strategy: Annotated[str | None, typer.Option(help=STRATEGY_HELP)] = None,
    model_path: Annotated[Path | None, typer.Option(help="GGUF file for the local backend.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Bypass the response cache.")] = False,
    concurrency: Annotated[int | None, typer.Option(help="Parallel model calls and bulletins (default 4).")] = None,
    timeout: Annotated[
        float | None, typer.Option(help="Seconds per model request (default 60; 600 for a local model-led run).")
    ] = None,
    threads: Annotated[
        int | None,
        typer.Option(help="Local server threads (default: cores up to 4 if model-led, else 1)."),
    ] = None,
    max_retries: Annotated[int | None, typer.Option(help="Transport retries per request (default 4).")] = None,
    token_budget: Annotated[int | None, typer.Option(help="Cap on prompt+completion tokens per bulletin.")] = None,
    quiet: Quiet = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log retries, cache hits and server start.")] = False,
) -> None:
    """Extract overview points, statements and sanctions from bulletins."""
    from .. import batch, config
    from ..llm import LLMConfig

    set_quiet(quiet)
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for raw in paths:
        if _URL.match(raw):
            fail(f"{raw}: URLs are not fetched; save the page and pass the file")
    if out_dir is not None and out_alias is not None:
        fail("--out is the old name of --out-dir; give one of them")
    out_dir = out_dir or out_alias
    many = len(paths) > 1 or any(batch.names_many(raw) for raw in paths)
    if out_dir is not None:
        if output is not None:
            fail("-o FILE takes one result; --out-dir DIR already writes each bulletin's JSON and the roll-ups")
        if fmt not in (None, Format.json):
            fail(f"--out-dir writes JSON results and roll-ups; -f {fmt} is for one bulletin or -f jsonl without it")
    try:
        settings = config.load()
        flags = dict(
            model=model, base_url=base_url, mode=mode, strategy=strategy, model_path=model_path,
            concurrency=concurrency, timeout=timeout, n_threads=threads, max_retries=max_retries,
            token_budget=token_budget,
        )  # fmt: skip
        settings.update({k: v for k, v in flags.items() if v is not None})
        if no_cache:
            settings["use_cache"] = False
        chosen = backend or os.environ.get("SUMMARIZER_BACKEND") or settings.pop("backend", None) or DEFAULT_BACKEND
        settings.pop("backend", None)
        if chosen not in BACKENDS:
            fail(f"unknown backend {chosen!r}; choose one of {', '.join(BACKENDS)}")
        given = {_FLAGS.get(k, f"--{k.replace('_', '-')}") for k, v in flags.items() if v is not None}
        given.discard("--concurrency")
        unused = sorted((given | ({"--no-cache"} if no_cache else set())) & _UNUSED_BY[chosen])
        if unused:
            fail(f"{', '.join(unused)} has no effect with -b {chosen}")
        # Built for -b rules too: its batch reads the concurrency, and a bad value fails the same way everywhere.
        llm_config = LLMConfig.from_settings(settings, None if chosen == "rules" else chosen)
        files = batch.expand(paths)  # first: an empty folder or a pattern matching nothing says so
        if many and out_dir is None and fmt is not Format.jsonl:
            what = "several files" if len(paths) > 1 else f"{paths[0]} stands for several bulletins"
            fail(f"{what}: pass --out-dir DIR to write one result each, or -f jsonl to print JSON Lines")
        jobs = llm_config.concurrency
        if out_dir is not None:
            raise typer.Exit(batch.run(files, out_dir, chosen, llm_config, keep_ungrounded, jobs, shared.QUIET))
        if fmt is Format.jsonl:
            raise typer.Exit(_jsonl(files, chosen, llm_config, keep_ungrounded, output))
        source_text, summary = batch.run_one(files[0], chosen, llm_config, keep_ungrounded, shared.QUIET)
        render_one(summary, source_text, fmt or Format.json, output)
        if summary.provenance.warnings:
            err.print(f"warning: {'; '.join(summary.provenance.warnings)}", markup=False, soft_wrap=True)
        if chosen != "rules" and not shared.QUIET:
            usage, grounding = summary.provenance.usage, summary.provenance.grounding
            cost = f", ${usage.cost_usd:.4f}" if usage.cost_usd else ""
            err.print(
                f"[dim]{chosen}: {usage.calls} model calls, {usage.cached_calls} cached, "
                f"{usage.prompt_tokens}+{usage.completion_tokens} tokens{cost}; grounding "
                f"{grounding.exact} exact, {grounding.fuzzy} fuzzy, {grounding.dropped} dropped[/dim]"
            )
    except SummarizerError as exc:
        fail(str(exc))


def _jsonl(files: list[str], backend: str, llm_config: LLMConfig, keep_ungrounded: bool, output: Path | None) -> int:
    """One JSON object per line: to stdout as each bulletin is ready, or to ``-o FILE`` once all are."""
    from .. import batch

    lines: list[str] = []

    def emit(summary: Summary) -> None:
        if output is None:
            sys.stdout.write(summary.model_dump_json() + "\n")
            sys.stdout.flush()
        else:
            lines.append(summary.model_dump_json() + "\n")

    code = batch.stream(files, backend, llm_config, keep_ungrounded, emit, llm_config.concurrency, shared.QUIET)
    if output is not None:
        write_output("".join(lines), output)
    return code


def render_one(summary: Summary, source_text: str, fmt: Format, output: Path | None) -> None:
    """One summary in the chosen format: a table straight to the terminal, anything else through write_output."""
    if fmt is Format.table and output is None:
        render.to_table(summary, SafeConsole())
        return
    if fmt is Format.table:
        console = Console(record=True, width=140, file=open(os.devnull, "w"))  # noqa: SIM115
        render.to_table(summary, console)
        write_output(console.export_text(), output)
    elif fmt is Format.md:
        write_output(render.to_markdown(summary, source_text), output)
    elif fmt is Format.html:
        write_output(render.to_html([(summary, source_text)]), output)
    elif fmt is Format.jsonl:
        write_output(summary.model_dump_json(), output)
    else:
        write_output(render.to_json(summary), output, private=True)


__all__ = ["EXAMPLES", "render_one", "summarize"]
