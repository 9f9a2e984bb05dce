"""Command line: ``summarizer summarize``, ``eval``, ``digest``, ``schema``.

Every failure a user can cause ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import render
from .errors import SummarizerError
from .ingest import InputError
from .models import SCHEMA_MODELS, Summary
from .pipeline import BACKENDS, summarize_async, tool_version

app = typer.Typer(
    help="Structured, source-grounded summaries of intelligence bulletins.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


class Format(StrEnum):
    json = "json"
    md = "md"
    table = "table"
    html = "html"


class Fail(Exception):
    """A user-facing failure: printed as one line, exit code 2."""


def fail(message: str, code: int = 2) -> None:
    err.print("[red]error:[/red] ", end="", markup=True)
    err.print(message, markup=False, soft_wrap=True)
    raise typer.Exit(code)


def write_output(text: str, output: Path | None) -> None:
    """Write to a file atomically (temp file + rename), or to stdout."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from .batch import atomic_write

    atomic_write(output, text)


def render_one(summary: Summary, source_text: str, fmt: Format, output: Path | None) -> None:
    if fmt is Format.table and output is None:
        render.to_table(summary, Console())
        return
    if fmt is Format.table:
        console = Console(record=True, width=140, file=open(os.devnull, "w"))  # noqa: SIM115
        render.to_table(summary, console)
        write_output(console.export_text(), output)
    elif fmt is Format.md:
        write_output(render.to_markdown(summary), output)
    elif fmt is Format.html:
        write_output(render.to_html([(summary, source_text)]), output)
    else:
        write_output(render.to_json(summary), output)


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"summarizer {tool_version()}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Options that apply before any command (the app's help text is set on ``app``)."""


@app.command()
def summarize(
    paths: Annotated[list[str], typer.Argument(help="Bulletin files (.txt .md .html .pdf), directories, globs, or -.")],
    backend: Annotated[
        str | None,
        typer.Option("--backend", "-b", help=f"One of {', '.join(BACKENDS)}; env SUMMARIZER_BACKEND; default local."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Batch mode: write one JSON per bulletin plus roll-ups here.")
    ] = None,
    keep_ungrounded: Annotated[
        bool, typer.Option("--keep-ungrounded", help="Keep items whose evidence is not in the text.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="Model name for the openai backend.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint; env OPENAI_BASE_URL.")] = None,
    mode: Annotated[
        str | None, typer.Option(help="Instructor mode: tools (default), json_schema, json, md_json.")
    ] = None,
    model_path: Annotated[Path | None, typer.Option(help="GGUF file for the local backend.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Bypass the response cache.")] = False,
    concurrency: Annotated[int | None, typer.Option(help="Parallel model calls and bulletins (default 4).")] = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds per model request (default 60).")] = None,
    max_retries: Annotated[int | None, typer.Option(help="Transport retries per request (default 4).")] = None,
    token_budget: Annotated[int | None, typer.Option(help="Cap on prompt+completion tokens per bulletin.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log retries, cache hits and server start.")] = False,
) -> None:
    """Extract overview points, statements and sanctions from bulletins."""
    from . import batch, config

    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        settings = config.load()
        flags = dict(
            model=model, base_url=base_url, mode=mode, model_path=model_path, concurrency=concurrency,
            timeout=timeout, max_retries=max_retries, token_budget=token_budget,
        )  # fmt: skip
        settings.update({k: v for k, v in flags.items() if v is not None})
        if no_cache:
            settings["use_cache"] = False
        chosen = backend or os.environ.get("SUMMARIZER_BACKEND") or settings.pop("backend", None) or "local"
        settings.pop("backend", None)
        if chosen not in BACKENDS:
            fail(f"unknown backend {chosen!r}; choose one of {', '.join(BACKENDS)}")
        files = batch.expand(paths)
        if out is not None or len(files) > 1:
            jobs = int(settings.get("concurrency", 4))
            raise typer.Exit(batch.run(files, out or Path("results"), chosen, settings, keep_ungrounded, jobs))
        source_text, summary = batch.run_one(files[0], chosen, settings, keep_ungrounded)
        render_one(summary, source_text, fmt, output)
        if summary.provenance.warnings:
            err.print(f"warning: {'; '.join(summary.provenance.warnings)}", markup=False, soft_wrap=True)
        if chosen != "rules":
            usage, grounding = summary.provenance.usage, summary.provenance.grounding
            cost = f", ${usage.cost_usd:.4f}" if usage.cost_usd else ""
            err.print(
                f"[dim]{chosen}: {usage.calls} model calls, {usage.cached_calls} cached, "
                f"{usage.prompt_tokens}+{usage.completion_tokens} tokens{cost}; grounding "
                f"{grounding.exact} exact, {grounding.fuzzy} fuzzy, {grounding.dropped} dropped[/dim]"
            )
    except SummarizerError as exc:
        fail(str(exc))


@app.command("eval")
def eval_(
    backend: Annotated[
        str, typer.Option("--backend", "-b", help="Backend to run live on the gold bulletins.")
    ] = "rules",
    gold: Annotated[Path, typer.Option(help="Directory of <doc>.gold.json files.")] = Path("evals/gold"),
    bulletins: Annotated[Path, typer.Option(help="Directory of the bulletins the gold files label.")] = Path(
        "evals/bulletins"
    ),
    predictions: Annotated[
        Path | None, typer.Option(help="Score saved predictions (<doc>.json) instead of running a backend.")
    ] = None,
    save: Annotated[Path | None, typer.Option(help="Also save the live predictions here as <doc>.json.")] = None,
    report_dir: Annotated[Path, typer.Option(help="Where report.json and report.md are written.")] = Path(
        "evals/reports"
    ),
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if a score is under its floor or regressed.")] = False,
    thresholds: Annotated[Path, typer.Option(help="Score floors (TOML).")] = Path("evals/thresholds.toml"),
    baseline: Annotated[
        Path | None, typer.Option(help="Blessed report to compare with; default evals/baseline[-BACKEND].json.")
    ] = None,
    write_baseline: Annotated[bool, typer.Option("--write-baseline", help="Bless this run as the baseline.")] = False,
    model: Annotated[str | None, typer.Option(help="Model name for the openai backend.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Bypass the response cache.")] = False,
) -> None:
    """Score a backend (or saved predictions) against the hand-labelled gold set."""
    from . import batch, evaluate

    try:
        golds = evaluate.load_gold(gold) if gold.is_dir() else {}
        if not golds:
            fail(
                f"no gold set: looked for *.gold.json in {gold.resolve()}; run from the summarizer checkout "
                "or pass --gold DIR --bulletins DIR"
            )
        if predictions is not None:
            preds = evaluate.load_predictions(predictions)
            label = f"predictions in {predictions}"
        else:
            if backend not in BACKENDS:
                fail(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
            paths = {stem: _bulletin_for(bulletins, stem) for stem in golds}
            settings = dict(model=model, base_url=base_url, use_cache=not no_cache)
            preds = batch.predict(paths, backend, settings)
            label = f"backend {backend}"
            if save is not None:
                for stem, summary in preds.items():
                    batch.atomic_write(save / f"{stem}.json", summary.model_dump_json(indent=2))
        report = evaluate.score(golds, preds)
        report.run = _run_info(backend if predictions is None else None, preds.values())
        base_path = baseline or Path("evals") / ("baseline.json" if backend == "rules" else f"baseline-{backend}.json")
        base = evaluate.Report.model_validate_json(base_path.read_text()) if base_path.exists() else None
        if check:
            report.check_failures = evaluate.check(report, evaluate.load_thresholds(thresholds), base)
        err.print(f"[bold]Scores for {label}[/bold] on {len(golds)} gold documents")
        evaluate.print_report(report, base, Console())
        batch.atomic_write(report_dir / "report.json", report.model_dump_json(indent=2))
        batch.atomic_write(report_dir / "report.md", evaluate.to_markdown(report, base))
        err.print(f"reports written to {report_dir}/report.json and report.md")
        if write_baseline:
            batch.atomic_write(base_path, report.model_dump_json(indent=2))
            err.print(f"baseline written to {base_path}")
        if report.check_failures is not None:
            for line in report.check_failures:
                err.print(f"[red]regression:[/red] {line}", soft_wrap=True)
            if report.check_failures:
                raise typer.Exit(1)
            err.print("[green]check passed[/green]: every score is at or above its floor and baseline")
    except (SummarizerError, ValueError, OSError) as exc:
        fail(str(exc).splitlines()[0])


def _run_info(backend: str | None, summaries: Iterable[Summary]) -> dict[str, str | None]:
    """What made the predictions, for the report's first line: a score without its origin cannot be compared."""
    provenance = next((s.provenance for s in summaries), None)
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {
        "backend": backend or (provenance.backend if provenance else None),
        "model": provenance.model if provenance else None,
        "prompt_hash": provenance.prompt_hash if provenance else None,
        "commit": commit or None,
        "tool_version": tool_version(),
    }


def _bulletin_for(directory: Path, stem: str) -> Path:
    found = sorted(
        p for p in directory.glob(f"{stem}.*") if p.suffix.lower() in {".txt", ".md", ".html", ".htm", ".pdf"}
    )
    if not found:
        raise InputError(f"{directory}: no bulletin named {stem}.* for gold file {stem}.gold.json")
    return found[0]


@app.command()
def digest(
    results: Annotated[Path, typer.Argument(help="Results directory written by summarize --out.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, md or html.")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Who said what over time (each speaker once, however spelled) and a sanctions timeline, across a batch."""
    from . import digest as digests

    if fmt not in digests.FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(digests.FORMATS)}")
    try:
        found = digests.load_dir(results)
        if fmt == "table" and output is None:
            digests.to_table(found, Console())
        else:
            write_output(digests.render(found, fmt), output)
    except (SummarizerError, OSError) as exc:
        fail(str(exc))


@app.command()
def doctor(
    model_path: Annotated[Path | None, typer.Option(help="GGUF file to check instead of the embedded default.")] = None,
) -> None:
    """Check the embedded model's runtime: build CPU features, AMX code, model file, one real completion."""
    from . import config
    from .doctor import diagnose

    def say(label: str, value: str) -> None:
        sys.stdout.write(f"{label + ':':<22} {value}\n")
        sys.stdout.flush()

    try:
        chosen = model_path or config.load().get("model_path")
        diagnose(Path(chosen) if chosen else None, say)
    except SummarizerError as exc:
        fail(str(exc))
    sys.stdout.write("ok: the embedded model runs on this machine\n")


@app.command()
def schema(
    write: Annotated[Path | None, typer.Option(help="Write every schema file into this directory.")] = None,
    name: Annotated[str, typer.Option(help=f"Which schema to print: {', '.join(SCHEMA_MODELS)}.")] = "summary",
) -> None:
    """Print the JSON Schema of the output contract, or regenerate schemas/."""
    if write is not None:
        write.mkdir(parents=True, exist_ok=True)
        for key, model in SCHEMA_MODELS.items():
            (write / f"{key}.schema.json").write_text(schema_text(model))
        return
    if name not in SCHEMA_MODELS:
        fail(f"unknown schema {name!r}; choose one of {', '.join(SCHEMA_MODELS)}")
    sys.stdout.write(schema_text(SCHEMA_MODELS[name]))


def schema_text(model: type) -> str:
    return json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"  # type: ignore[attr-defined]


def main() -> None:
    app()


__all__ = ["app", "main", "summarize_async"]
