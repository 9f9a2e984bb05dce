"""Command line: ``summarizer summarize``, ``eval``, ``digest``, ``view``, ``doctor``, ``schema``.

Every failure a user can cause ends in one line on stderr and a non-zero exit, never a traceback. This module holds
the app and its root options; each command lives in its own module and is registered below, in help order.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from ..pipeline import tool_version
from . import evaluate, summarize, tools
from .shared import Quiet, err, set_quiet
from .tools import schema_text

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


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"summarizer {tool_version()}\n")
        raise typer.Exit()


def _no_color(no_color: bool) -> None:
    """``--no-color`` as ``NO_COLOR`` does (https://no-color.org), for consoles made before and after."""
    if no_color:
        from .. import batch

        os.environ["NO_COLOR"] = "1"
        err.no_color = batch.err.no_color = True


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    quiet: Quiet = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour, as the NO_COLOR variable does.")] = False,
) -> None:
    """Options that apply to every command (the app's help text is set on ``app``)."""
    set_quiet(quiet)
    _no_color(no_color)


# Registered here, not with decorators in each module, so this list is the order `summarizer -h` shows.
app.command(epilog=summarize.EXAMPLES)(summarize.summarize)
app.command("eval", epilog=evaluate.EXAMPLES)(evaluate.eval_)
app.command(epilog=tools.DIGEST_EXAMPLES)(tools.digest)
app.command(epilog=tools.VIEW_EXAMPLES)(tools.view)
app.command(epilog=tools.DOCTOR_EXAMPLES)(tools.doctor)
app.command(epilog=tools.SCHEMA_EXAMPLES)(tools.schema)


def main() -> None:
    app()


__all__ = ["app", "main", "schema_text"]
