"""Many bulletins at once: bounded concurrency, progress, resumable, nothing lost on a kill.

Each result is written atomically (temp file + rename) as soon as its bulletin is done, so a killed run
leaves only complete files, and a re-run skips every bulletin whose result already matches its content,
backend, model and prompt version. The roll-ups (``results.jsonl``, ``statements.csv``, ``sanctions.csv``)
are rebuilt from the result files on disk at the end of every run, so they always cover the whole set.

The run loop lives here; the directory's housekeeping is in :mod:`.results`, the roll-ups in :mod:`.rollup` and
whole-file writes in :mod:`.files`. The names this module has always exported still import from it.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from . import ingest
from .errors import BatchError
from .files import atomic_write, resolved
from .ingest import InputError, Source
from .models import Summary
from .pipeline import summarize, summarize_async, tool_version
from .results import STALE, is_done, load_result_files, load_results, locked, prepare, result_path, retire, sweep
from .rollup import rollup
from .terminal import SafeConsole
from .text import unique

if TYPE_CHECKING:
    from .llm import LLMConfig, ModelClient

SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}
err = SafeConsole(stderr=True, highlight=False)


def expand(paths: list[str]) -> list[str]:
    """Files named, found under directories, or matched by globs, in a stable order, each once.

    A file named outright is taken as it is. Directories and globs find only bulletins: hidden files and
    directories (``.git``, editor backups) and READMEs are skipped, since they are never bulletins and a README's
    Markdown table once yielded a sanction.
    """
    files: list[str] = []
    for raw in paths:
        if raw == "-" or Path(raw).is_file():  # an existing name is literal, even with [ ] in it
            files.append(raw)
        elif Path(raw).is_dir():
            root = Path(raw)
            found = sorted(str(p) for p in root.rglob("*") if p.is_file() and _is_bulletin(p.relative_to(root)))
            if not found:
                raise BatchError(f"{raw}: no bulletin files (.txt .md .html .pdf) in this directory")
            files += found
        elif is_pattern(raw):
            matched = glob.glob(raw, recursive=True)  # wildcards never match hidden names
            found = sorted(p for p in matched if Path(p).is_file() and _is_bulletin(Path(Path(p).name)))
            if not found:
                raise BatchError(f"{raw}: no bulletin file matches this pattern (READMEs and hidden files are skipped)")
            files += found
        else:
            files.append(raw)
    return _unique(files)


def is_pattern(raw: str) -> bool:
    """A glob rather than a file name (a file that exists is always taken literally, see :func:`expand`)."""
    return any(ch in raw for ch in "*?[") and not Path(raw).is_file()


def names_many(raw: str) -> bool:
    """An input that stands for a set of bulletins (a directory or a glob), however many it holds today."""
    return raw != "-" and (Path(raw).is_dir() or is_pattern(raw))


def _is_bulletin(path: Path) -> bool:
    """A bulletin's suffix, no hidden part, not a folder's own README (``path`` relative to what was searched)."""
    return (
        path.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in path.parts)
        and not path.name.lower().startswith("readme")
    )


def _unique(files: list[str]) -> list[str]:
    """Drop repeats (a file named and also matched by a glob), so no bulletin is summarised twice."""
    return unique(files, key=lambda name: name if name == "-" else str(resolved(name)))


@contextlib.asynccontextmanager
async def client(backend: str, config: LLMConfig | None) -> AsyncIterator[ModelClient | None]:
    """The model client for a model backend (shared by every bulletin of a run); None for rules.

    ``config`` comes validated from the caller (the CLI builds it); None means the defaults for ``backend``.
    The rules backend asks no model, so it ignores ``config``.
    """
    if backend == "rules":
        yield None
        return
    from .llm import LLM, LLMConfig

    config = config if config is not None else LLMConfig.model_validate({"backend": backend})
    if config.backend != backend:
        raise ValueError(f"backend {backend!r} was given a config for backend {config.backend!r}")
    async with LLM(config) as llm:
        yield llm


def run_one(
    path: str, backend: str, config: LLMConfig | None, keep_ungrounded: bool, quiet: bool = False
) -> tuple[str, Summary]:
    """Summarise one bulletin; return its normalised text (for HTML views) and the summary. Unless ``quiet``, a
    progress bar on stderr counts the chunks the model reads: on a CPU each takes tens of seconds."""
    source = ingest.read(path)

    async def go() -> Summary:
        async with client(backend, config) as llm:
            if llm is None or quiet:
                return await summarize_async(source, backend, llm=llm, keep_ungrounded=keep_ungrounded)
            with Progress(
                TextColumn("reading chunks"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=err, transient=True,
            ) as bar:  # fmt: skip
                task = bar.add_task("chunks", total=None)

                def advance(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                return await summarize_async(
                    source, backend, llm=llm, keep_ungrounded=keep_ungrounded, progress=advance
                )

    return source.text, asyncio.run(go())


def one_line(message: str, limit: int = 300) -> str:
    """Squash an exception message (pydantic's span many lines) into one line of bounded length."""
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def run(
    files: list[str],
    out: Path,
    backend: str,
    config: LLMConfig | None = None,
    keep_ungrounded: bool = False,
    concurrency: int = 4,
    quiet: bool = False,
) -> int:
    """Summarise every file into ``out``; return 0 if all succeeded, 1 if some failed, 130 on Ctrl-C.

    ``quiet`` drops the progress bar and the closing tally; failures are still reported.
    """
    prepare(out)
    inside = [f for f in files if f != "-" and resolved(f).is_relative_to(out.resolve())]
    if inside:  # results are not bulletins: reading them back would summarise the tool's own output
        if len(inside) == len(files):
            raise BatchError(f"{out}: every input is inside the results directory; name the bulletins instead")
        err.print(Text(f"skipped {len(inside)} inputs inside the results directory {out}"), soft_wrap=True)
        files = [f for f in files if f not in inside]
    with locked(out):
        sweep(out)
        try:
            return asyncio.run(_run(files, out, backend, config, keep_ungrounded, max(1, concurrency), quiet))
        except KeyboardInterrupt:
            _rollup_or_fail(out)
            kept = len(load_results(out))
            err.print(Text(f"interrupted: {kept} results kept in {out}; run again to resume"), soft_wrap=True)
            return 130


async def _run(
    files: list[str],
    out: Path,
    backend: str,
    config: LLMConfig | None,
    keep_ungrounded: bool,
    concurrency: int,
    quiet: bool = False,
) -> int:
    failures = 0
    skipped = 0
    limit = asyncio.Semaphore(concurrency)
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet,
    )
    async with client(backend, config) as llm:
        wanted = _identity(backend, llm)

        async def one(path: str, task: Any) -> None:
            nonlocal failures, skipped
            async with limit:
                try:
                    source = await asyncio.to_thread(ingest.read, path)
                    target = result_path(out, path)
                    if await asyncio.to_thread(is_done, target, (source.sha256, backend, *wanted)):
                        skipped += 1
                    else:
                        summary = await _summarise(source, backend, llm, keep_ungrounded)
                        await asyncio.to_thread(atomic_write, target, summary.model_dump_json(indent=2))
                        if summary.provenance.warnings:
                            warning = f"{path}: {'; '.join(summary.provenance.warnings)}"
                            progress.console.print(Text.assemble(("warning: ", "yellow"), one_line(warning)))
                except Exception as exc:  # one bad bulletin must not stop the others
                    failures += 1
                    # Printed as it happens (above the bar), so a killed run has already reported it.
                    progress.console.print(_failed(path, exc), soft_wrap=True)
                progress.update(task, advance=1, status=f"{failures} failed, {skipped} up to date")

        with progress:
            task = progress.add_task("bulletins", total=len(files), status="")
            await asyncio.gather(*(one(p, task) for p in files))
    moved = retire(out, {result_path(out, p).name for p in files})
    if moved:
        err.print(Text(f"moved {moved} results of bulletins renamed or deleted since to {out / STALE}"), soft_wrap=True)
    _rollup_or_fail(out)
    done = len(files) - failures
    if not quiet:
        err.print(
            Text(
                f"{done}/{len(files)} bulletins summarised into {out} ({skipped} already up to date, {failures} failed)"
            ),
            soft_wrap=True,
        )
    return 1 if failures else 0


async def _summarise(source: Source, backend: str, llm: ModelClient | None, keep_ungrounded: bool) -> Summary:
    unreachable = getattr(llm, "unreachable", None)
    if unreachable:  # known down: fail now with the reason, not after reading and segmenting the text
        from .llm import LLMError

        raise LLMError(unreachable, kind="connect")
    if llm is None:  # rules: CPU-bound, so off the event loop to keep the progress bar and Ctrl-C alive
        return await asyncio.to_thread(summarize, source, backend, keep_ungrounded=keep_ungrounded)
    return await summarize_async(source, backend, llm=llm, keep_ungrounded=keep_ungrounded)


def _failed(path: str, exc: Exception) -> Text:
    """The one ``failed:`` line for a bulletin that could not be summarised (the run goes on)."""
    message = str(exc) if isinstance(exc, InputError) else f"{path}: {type(exc).__name__}: {exc}"
    return Text.assemble(("failed: ", "red"), one_line(message))


def stream(
    files: list[str],
    backend: str,
    config: LLMConfig | None,
    keep_ungrounded: bool,
    emit: Callable[[Summary], None],
    concurrency: int = 4,
    quiet: bool = False,
) -> int:
    """Summarise ``files`` concurrently and hand each summary to ``emit`` in input order: JSON Lines on stdout.

    Nothing is written to disk. Returns 0 if all succeeded, 1 if some failed (each named on a ``failed:`` line),
    130 on Ctrl-C.
    """

    async def go() -> int:
        failures = 0
        limit = asyncio.Semaphore(max(1, concurrency))
        async with client(backend, config) as llm:

            async def one(path: str) -> Summary | None:
                nonlocal failures
                async with limit:
                    try:
                        source = await asyncio.to_thread(ingest.read, path)
                        return await _summarise(source, backend, llm, keep_ungrounded)
                    except Exception as exc:  # one bad bulletin must not stop the others
                        failures += 1
                        err.print(_failed(path, exc), soft_wrap=True)
                        return None

            tasks = [asyncio.ensure_future(one(path)) for path in files]
            for task in tasks:  # each line as soon as it and every line before it are ready
                summary = await task
                if summary is not None:
                    emit(summary)
        if not quiet:
            err.print(Text(f"{len(files) - failures}/{len(files)} bulletins summarised ({failures} failed)"))
        return 1 if failures else 0

    try:
        return asyncio.run(go())
    except KeyboardInterrupt:
        return 130


def predict(
    paths: dict[str, Path], backend: str, config: LLMConfig | None = None, keep_ungrounded: bool = False
) -> dict[str, Summary]:
    """Run a backend over named bulletins (one shared client), for scoring against gold."""

    async def go() -> dict[str, Summary]:
        async with client(backend, config) as llm:
            results = await asyncio.gather(
                *(summarize_async(path, backend, llm=llm, keep_ungrounded=keep_ungrounded) for path in paths.values())
            )
        return dict(zip(paths, results, strict=True))

    return asyncio.run(go())


def _identity(backend: str, llm: ModelClient | None) -> tuple[str | None, str | None, str]:
    """What a result must have been made with to be reused: the model, prompt and tool versions."""
    if llm is None:
        return None, None, tool_version()
    from .extract import identity

    return (*identity(llm), tool_version())


def _rollup_or_fail(out: Path) -> None:
    try:
        rollup(out)
    except OSError as exc:
        raise BatchError(f"{out}: cannot write roll-ups ({exc.strerror or exc})") from None


__all__ = [
    "BatchError",
    "atomic_write",
    "expand",
    "load_result_files",
    "load_results",
    "one_line",
    "rollup",
    "run",
    "run_one",
    "stream",
]
