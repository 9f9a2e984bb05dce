"""What every command shares: the stderr console, the one-line failure, writing output, and ``--quiet``.

Apart from the package's ``__init__`` so the command modules can import it while ``__init__`` imports them.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from ..files import atomic_write
from ..terminal import SafeConsole, safe

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
    if not output.parent.is_dir():
        fail(f"{output.parent}: no such directory (for -o {output})")
    if output.is_dir():
        fail(f"{output}: is a directory; name a file to write")
    try:
        atomic_write(output, text, private=private)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or type(exc).__name__})")


QUIET = False  # read as ``shared.QUIET`` at call time: the root option sets it after the commands are imported
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or tallies on stderr; errors still show.")]


def set_quiet(quiet: bool) -> None:
    """Progress bars and tallies go; errors, warnings and ``failed:`` lines stay."""
    if quiet:
        global QUIET
        QUIET = True


__all__ = ["QUIET", "Format", "Quiet", "err", "fail", "set_quiet", "write_output"]


STRATEGY_HELP = (
    "How a model backend uses the model: model-led (default; it reads every chunk the rules left unread) or "
    "refine-only (it answers narrow questions about the rules' records)."
)
