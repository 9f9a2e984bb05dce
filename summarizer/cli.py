"""Command line: ``summarizer summarize``, ``eval``, ``digest``, ``view``, ``schema``.

Every failure a user can cause ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from . import render
from .errors import SummarizerError
from .ingest import InputError
from .models import SCHEMA_MODELS, Summary
from .pipeline import BACKENDS, DEFAULT_BACKEND, tool_version
from .terminal import SafeConsole, safe

if TYPE_CHECKING:
    from .llm import LLMConfig

_APP_EXAMPLES = """Examples:

\b
  summarizer summarize bulletin.txt -f table
  summarizer summarize bulletins/ --out-dir results/
  summarizer -q --no-color summarize 'bulletins/*.md' -f jsonl > all.jsonl
  summarizer COMMAND -h                  each command's options and examples
"""

app = typer.Typer(
    help="Structured, source-grounded summaries of intelligence bulletins.",
    epilog=_APP_EXAMPLES,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain help: flags read as flags (the rich layout prints "--keep-ungrounded <bool>"), examples keep their lines.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = SafeConsole(stderr=True, highlight=False)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    md = "md"
    table = "table"
    html = "html"


def fail(message: str, code: int = 2) -> NoReturn:
    """A failure the user can fix: one line on stderr, no traceback, a non-zero exit."""
    err.print("[red]error:[/red] ", end="", markup=True)
    err.print(message, markup=False, soft_wrap=True)
    raise typer.Exit(code)


def write_output(text: str, output: Path | None, *, private: bool = False) -> None:
    """Write to a file atomically (temp file + rename), or to stdout; never creates a directory nobody asked for.

    Rendered reports are for sharing and follow the umask; ``private`` (a result with its provenance) is owner-only.
    """
    if output is None:
        sys.stdout.write(safe(text if text.endswith("\n") else text + "\n"))
        return
    from .batch import atomic_write

    if not output.parent.is_dir():
        fail(f"{output.parent}: no such directory (for -o {output})")
    if output.is_dir():
        fail(f"{output}: is a directory; name a file to write")
    try:
        atomic_write(output, text, private=private)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or type(exc).__name__})")


def render_one(summary: Summary, source_text: str, fmt: Format, output: Path | None) -> None:
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


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"summarizer {tool_version()}\n")
        raise typer.Exit()


def _quiet(quiet: bool) -> None:
    """Progress bars and tallies go; errors, warnings and ``failed:`` lines stay."""
    if quiet:
        global QUIET
        QUIET = True


def _no_color(no_color: bool) -> None:
    """``--no-color`` as ``NO_COLOR`` does (https://no-color.org), for consoles made before and after."""
    if no_color:
        from . import batch

        os.environ["NO_COLOR"] = "1"
        err.no_color = batch.err.no_color = True


QUIET = False
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or tallies on stderr; errors still show.")]


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    quiet: Quiet = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour, as the NO_COLOR variable does.")] = False,
) -> None:
    """Options that apply to every command (the app's help text is set on ``app``)."""
    _quiet(quiet)
    _no_color(no_color)


_SUMMARIZE_EXAMPLES = """One bulletin prints to stdout (or -o FILE) in the chosen format. A directory, a pattern or
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
_MODEL_FLAGS = ("--model", "--base-url", "--mode", "--model-path", "--timeout", "--max-retries", "--token-budget")
_UNUSED_BY = {
    "rules": {*_MODEL_FLAGS, "--no-cache"},
    "openai": {"--model-path"},
    "local": {"--base-url"},
}
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


@app.command(epilog=_SUMMARIZE_EXAMPLES)
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
    model_path: Annotated[Path | None, typer.Option(help="GGUF file for the local backend.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Bypass the response cache.")] = False,
    concurrency: Annotated[int | None, typer.Option(help="Parallel model calls and bulletins (default 4).")] = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds per model request (default 60).")] = None,
    max_retries: Annotated[int | None, typer.Option(help="Transport retries per request (default 4).")] = None,
    token_budget: Annotated[int | None, typer.Option(help="Cap on prompt+completion tokens per bulletin.")] = None,
    quiet: Quiet = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log retries, cache hits and server start.")] = False,
) -> None:
    """Extract overview points, statements and sanctions from bulletins."""
    from . import batch, config
    from .llm import LLMConfig

    _quiet(quiet)
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
            model=model, base_url=base_url, mode=mode, model_path=model_path, concurrency=concurrency,
            timeout=timeout, max_retries=max_retries, token_budget=token_budget,
        )  # fmt: skip
        settings.update({k: v for k, v in flags.items() if v is not None})
        if no_cache:
            settings["use_cache"] = False
        chosen = backend or os.environ.get("SUMMARIZER_BACKEND") or settings.pop("backend", None) or DEFAULT_BACKEND
        settings.pop("backend", None)
        if chosen not in BACKENDS:
            fail(f"unknown backend {chosen!r}; choose one of {', '.join(BACKENDS)}")
        given = {f"--{k.replace('_', '-')}" for k, v in flags.items() if v is not None and k != "concurrency"}
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
            raise typer.Exit(batch.run(files, out_dir, chosen, llm_config, keep_ungrounded, jobs, QUIET))
        if fmt is Format.jsonl:
            raise typer.Exit(_jsonl(files, chosen, llm_config, keep_ungrounded, output))
        source_text, summary = batch.run_one(files[0], chosen, llm_config, keep_ungrounded)
        render_one(summary, source_text, fmt or Format.json, output)
        if summary.provenance.warnings:
            err.print(f"warning: {'; '.join(summary.provenance.warnings)}", markup=False, soft_wrap=True)
        if chosen != "rules" and not QUIET:
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
    from . import batch

    lines: list[str] = []

    def emit(summary: Summary) -> None:
        if output is None:
            sys.stdout.write(summary.model_dump_json() + "\n")
            sys.stdout.flush()
        else:
            lines.append(summary.model_dump_json() + "\n")

    code = batch.stream(files, backend, llm_config, keep_ungrounded, emit, llm_config.concurrency, QUIET)
    if output is not None:
        write_output("".join(lines), output)
    return code


_EVAL_EXAMPLES = """Examples:

\b
  summarizer eval -b rules --check                    score the rules backend, exit 1 under a floor
  summarizer eval --predictions results/              score saved results instead of running a backend
  summarizer eval --gold my/gold --bulletins my/bulletins -b openai --model gpt-4o-mini
"""


@app.command("eval", epilog=_EVAL_EXAMPLES)
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
    from .llm import LLMConfig

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
            llm_config = None if backend == "rules" else LLMConfig.from_settings(settings, backend)
            preds = batch.predict(paths, backend, llm_config)
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
        evaluate.print_report(report, base, SafeConsole())
        batch.atomic_write(report_dir / "report.json", report.model_dump_json(indent=2))
        batch.atomic_write(report_dir / "report.md", evaluate.to_markdown(report, base), private=False)
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


_DIGEST_EXAMPLES = """Examples:

\b
  summarizer digest results/                          top speakers, authorities, sanctions timeline
  summarizer digest results/ --all -f md -o digest.md every speaker, every statement
  summarizer digest results/ --speaker Qaani --since 2024-01
  summarizer digest results/ -f json > digest.json
"""


@app.command(epilog=_DIGEST_EXAMPLES)
def digest(
    results: Annotated[Path, typer.Argument(help="Results directory written by summarize --out-dir.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, md, html or json (json lists everything).")
    ] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only this actor (any spelling the alias table knows).")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date: YYYY-MM-DD, YYYY-MM or YYYY.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date (a month or year: to its end).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every speaker with every statement, not the top ones.")] = False,
    top: Annotated[int, typer.Option("--top", min=1, help="How many speakers the summary view lists.")] = 15,
) -> None:
    """Who said what over time and who sanctioned whom, across a batch: each actor once, however spelled.

    Sources link to each bulletin's report row once `summarizer view` has written the reports, else to its result.
    """
    from . import digest as digests
    from .render import digest as digest_out

    if fmt not in digests.FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(digests.FORMATS)}")
    try:
        scope = digests.Scope(
            speaker=speaker,
            since=digests.parse_day(since) if since else None,
            until=digests.parse_day(until, last=True) if until else None,
        )
        found = digests.load_dir(results, scope=scope)
        links = digest_out.Links(output.parent if output else None)
        shown = None if all_ or speaker else top  # one actor: their every statement
        if fmt == "table" and output is None:
            digest_out.to_table(found, SafeConsole(), links, shown)
        else:
            write_output(digest_out.render(found, fmt, links, shown), output)
    except (SummarizerError, OSError) as exc:
        fail(str(exc))


_VIEW_EXAMPLES = """Examples:

\b
  summarizer view results/                          writes results/index.html and results/reports/*.html
  summarizer view results/ -o ~/briefing/index.html
  summarizer view results/ --sources ~/bulletins    find moved bulletins by file name
"""


@app.command(epilog=_VIEW_EXAMPLES)
def view(
    results: Annotated[Path, typer.Argument(help="Results directory written by summarize --out-dir.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write the index (default RESULTS/index.html).")
    ] = None,
    sources: Annotated[
        Path | None, typer.Option("--sources", help="Folder to find the bulletins in when their paths have moved.")
    ] = None,
) -> None:
    """An HTML index over a results directory: search and filter the bulletins, open each one's report.

    Each bulletin's report is written to RESULTS/reports/ from its source file; a source that is gone or changed is
    named in the index instead.
    """
    from . import aliases
    from .render.view import write_view

    try:
        index, entries = write_view(results, output, aliases.load(), sources)
    except ValueError as exc:  # a bad alias table
        fail(str(exc))
    except (SummarizerError, OSError) as exc:
        fail(str(exc))
    missing = [e for e in entries if e.report is None]
    if not QUIET:
        err.print(f"{index}: {len(entries)} bulletins, {len(entries) - len(missing)} reports", markup=False)
    for entry in missing:
        err.print(f"[yellow]no report:[/yellow] {entry.result.name}: ", end="", markup=True)
        err.print(entry.problem, markup=False, soft_wrap=True)


_DOCTOR_EXAMPLES = """Examples:

\b
  summarizer doctor
  summarizer doctor --model-path ~/models/qwen2.5-0.5b-instruct-q4_k_m.gguf
"""


@app.command(epilog=_DOCTOR_EXAMPLES)
def doctor(
    model_path: Annotated[Path | None, typer.Option(help="GGUF file to check instead of the embedded default.")] = None,
    model: Annotated[str | None, typer.Option(help="Catalogued model, e.g. qwen2.5-coder-1.5b-instruct.")] = None,
) -> None:
    """Check the embedded model's runtime: build CPU features, AMX code, model file, one real completion."""
    from . import config
    from .doctor import diagnose

    def say(label: str, value: str) -> None:
        sys.stdout.write(f"{label + ':':<22} {value}\n")
        sys.stdout.flush()

    try:
        settings = config.load()
        chosen = model_path or settings.get("model_path")
        diagnose(Path(chosen) if chosen else None, model or settings.get("model"), say)
    except SummarizerError as exc:
        fail(str(exc))
    sys.stdout.write("ok: the embedded model runs on this machine\n")


_SCHEMA_EXAMPLES = """Examples:

\b
  summarizer schema > summary.schema.json
  summarizer schema --name gold                       the gold-label format
  summarizer schema --write schemas/                  regenerate every schema file
"""


@app.command(epilog=_SCHEMA_EXAMPLES)
def schema(
    write: Annotated[Path | None, typer.Option(help="Write every schema file into this directory.")] = None,
    name: Annotated[str, typer.Option(help=f"Which schema to print: {', '.join(SCHEMA_MODELS)}.")] = "summary",
) -> None:
    """Print the JSON Schema of the output contract, or regenerate schemas/."""
    if write is not None:
        from .batch import atomic_write

        if write.exists() and not write.is_dir():
            fail(f"{write}: exists and is not a directory; --write takes a directory")
        try:
            for key, model in SCHEMA_MODELS.items():
                atomic_write(write / f"{key}.schema.json", schema_text(model), private=False)
        except OSError as exc:
            fail(f"{write}: cannot write the schemas ({exc.strerror or type(exc).__name__})")
        return
    if name not in SCHEMA_MODELS:
        fail(f"unknown schema {name!r}; choose one of {', '.join(SCHEMA_MODELS)}")
    sys.stdout.write(schema_text(SCHEMA_MODELS[name]))


def schema_text(model: type) -> str:
    return json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"  # type: ignore[attr-defined]


def main() -> None:
    app()


__all__ = ["app", "main"]
