"""``digest``, ``view``, ``doctor`` and ``schema``: reading a results directory back, and the tool's own checks."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import SummarizerError
from ..files import atomic_write
from ..models import SCHEMA_MODELS
from ..terminal import SafeConsole
from . import shared
from .shared import err, fail, write_output

DIGEST_EXAMPLES = """Examples:

\b
  summarizer digest results/                          top speakers, authorities, sanctions timeline
  summarizer digest results/ --all -f md -o digest.md every speaker, every statement
  summarizer digest results/ --speaker Qaani --since 2024-01
  summarizer digest results/ -f json > digest.json
"""


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
    from .. import digest as digests
    from ..render import digest as digest_out

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


VIEW_EXAMPLES = """Examples:

\b
  summarizer view results/                          writes results/index.html and results/reports/*.html
  summarizer view results/ -o ~/briefing/index.html
  summarizer view results/ --sources ~/bulletins    find moved bulletins by file name
"""


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
    from .. import aliases
    from ..render.view import write_view

    try:
        index, entries = write_view(results, output, aliases.load(), sources)
    except ValueError as exc:  # a bad alias table
        fail(str(exc))
    except (SummarizerError, OSError) as exc:
        fail(str(exc))
    missing = [e for e in entries if e.report is None]
    if not shared.QUIET:
        err.print(f"{index}: {len(entries)} bulletins, {len(entries) - len(missing)} reports", markup=False)
    for entry in missing:
        err.print(f"[yellow]no report:[/yellow] {entry.result.name}: ", end="", markup=True)
        err.print(entry.problem, markup=False, soft_wrap=True)


DOCTOR_EXAMPLES = """Examples:

\b
  summarizer doctor
  summarizer doctor --model-path ~/models/qwen2.5-0.5b-instruct-q4_k_m.gguf
"""


def doctor(
    model_path: Annotated[Path | None, typer.Option(help="GGUF file to check instead of the embedded default.")] = None,
    model: Annotated[str | None, typer.Option(help="Catalogued model, e.g. qwen2.5-coder-1.5b-instruct.")] = None,
) -> None:
    """Check the embedded model's runtime: build CPU features, AMX code, model file, one real completion."""
    from .. import config
    from ..doctor import diagnose

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


SCHEMA_EXAMPLES = """Examples:

\b
  summarizer schema > summary.schema.json
  summarizer schema --name gold                       the gold-label format
  summarizer schema --write schemas/                  regenerate every schema file
"""


def schema(
    write: Annotated[Path | None, typer.Option(help="Write every schema file into this directory.")] = None,
    name: Annotated[str, typer.Option(help=f"Which schema to print: {', '.join(SCHEMA_MODELS)}.")] = "summary",
) -> None:
    """Print the JSON Schema of the output contract, or regenerate schemas/."""
    if write is not None:
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


__all__ = [
    "DIGEST_EXAMPLES",
    "DOCTOR_EXAMPLES",
    "SCHEMA_EXAMPLES",
    "VIEW_EXAMPLES",
    "digest",
    "doctor",
    "schema",
    "schema_text",
    "view",
]
