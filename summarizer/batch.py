"""Many bulletins at once: bounded concurrency, progress, resumable, nothing lost on a kill.

Each result is written atomically (temp file + rename) as soon as its bulletin is done, so a killed run
leaves only complete files, and a re-run skips every bulletin whose result already matches its content,
backend, model and prompt version. The roll-ups (``results.jsonl``, ``statements.csv``, ``sanctions.csv``)
are rebuilt from the result files on disk at the end of every run, so they always cover the whole set.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import glob
import hashlib
import io
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from rich.console import Console
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
from .errors import SummarizerError
from .ingest import InputError, Source
from .models import Summary
from .pipeline import summarize, summarize_async, tool_version
from .text import unique

SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}
LOCK = ".batch.lock"
err = Console(stderr=True, highlight=False)


class BatchError(SummarizerError):
    """A batch that cannot start; one line for the user."""


def expand(paths: list[str]) -> list[str]:
    """Files named, found under directories, or matched by globs, in a stable order, each once.

    Hidden files and directories (``.git``, editor backups) are skipped when walking a directory: they are
    never bulletins, and summarising a repository's ``.git/*.md`` would only add noise.
    """
    files: list[str] = []
    for raw in paths:
        if raw == "-" or Path(raw).is_file():  # an existing name is literal, even with [ ] in it
            files.append(raw)
        elif Path(raw).is_dir():
            root = Path(raw)
            found = sorted(
                str(p)
                for p in root.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(root).parts)
                and not p.name.lower().startswith("readme")  # a folder's own notes are not a bulletin
            )
            if not found:
                raise BatchError(f"{raw}: no bulletin files (.txt .md .html .pdf) in this directory")
            files += found
        elif any(ch in raw for ch in "*?["):
            found = sorted(p for p in glob.glob(raw, recursive=True) if Path(p).is_file())
            if not found:
                raise BatchError(f"{raw}: no file matches this pattern")
            files += found
        else:
            files.append(raw)
    return _unique(files)


def _unique(files: list[str]) -> list[str]:
    """Drop repeats (a file named and also matched by a glob), so no bulletin is summarised twice."""
    return unique(files, key=lambda name: name if name == "-" else str(Path(name).resolve()))


def atomic_write(path: Path, text: str) -> None:
    """Write via a temp file in the same directory and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _is_temp(path: Path) -> bool:
    """A temp file :func:`atomic_write` left behind when the process was killed between write and rename."""
    stem = path.name[1:].rsplit(".", 1)[0]
    return path.name.startswith(".") and stem.endswith((".json", ".jsonl", ".csv"))


@contextlib.asynccontextmanager
async def client(backend: str, settings: dict[str, Any]) -> AsyncIterator[object | None]:
    """The LLM client for a model backend (shared by every bulletin of a run); None for rules."""
    if backend == "rules":
        yield None
        return
    from .extract import open_llm

    async with open_llm(backend, settings) as llm:
        yield llm


def run_one(path: str, backend: str, settings: dict[str, Any], keep_ungrounded: bool) -> tuple[str, Summary]:
    """Summarise one bulletin; return its normalised text (for HTML views) and the summary."""
    source = ingest.read(path)

    async def go() -> Summary:
        async with client(backend, settings) as llm:
            return await summarize_async(source, backend, llm=llm, keep_ungrounded=keep_ungrounded)

    return source.text, asyncio.run(go())


def result_path(out: Path, path: str) -> Path:
    """One result file per input; a short hash of the path keeps same-named files apart."""
    digest = hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:8]
    return out / f"{Path(path).stem}-{digest}.json"


def fingerprint(summary: Summary) -> tuple[str | None, ...]:
    """What a stored result was made from: the text, the backend, the model and the prompts."""
    p = summary.provenance
    return (summary.bulletin.sha256, p.backend, p.model, p.prompt_hash, p.tool_version)


def _done(target: Path, wanted: tuple[str | None, ...]) -> bool:
    try:
        old = Summary.model_validate_json(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return fingerprint(old) == wanted


def one_line(message: str, limit: int = 300) -> str:
    """Squash an exception message (pydantic's span many lines) into one line of bounded length."""
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def run(
    files: list[str],
    out: Path,
    backend: str,
    settings: dict[str, Any],
    keep_ungrounded: bool = False,
    concurrency: int = 4,
) -> int:
    """Summarise every file into ``out``; return 0 if all succeeded, 1 if some failed, 130 on Ctrl-C."""
    _prepare(out)
    files = [f for f in files if f == "-" or not Path(f).resolve().is_relative_to(out.resolve())]
    with _locked(out):
        _sweep(out)
        try:
            return asyncio.run(_run(files, out, backend, settings, keep_ungrounded, max(1, concurrency)))
        except KeyboardInterrupt:
            _rollup_or_fail(out)
            kept = len(load_results(out))
            err.print(Text(f"interrupted: {kept} results kept in {out}; run again to resume"), soft_wrap=True)
            return 130


def _prepare(out: Path) -> None:
    """Create the results directory, or say in one line why it cannot be used."""
    if out.exists() and not out.is_dir():
        raise BatchError(f"{out}: exists and is not a directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"{out}: cannot create results directory ({exc.strerror or exc})") from None


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` so two batches cannot interleave writes and roll-ups.

    ``flock`` is released by the kernel when the process dies, so a killed run never leaves a stale lock.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: run without the guard
        yield
        return
    with open(out / LOCK, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BatchError(f"{out}: another batch is writing into this directory") from None
        yield


def _sweep(out: Path) -> None:
    """Remove temp files a killed run left behind (safe: we hold the directory lock)."""
    for path in out.iterdir():
        if path.is_file() and _is_temp(path):
            with contextlib.suppress(OSError):
                path.unlink()


async def _run(
    files: list[str], out: Path, backend: str, settings: dict[str, Any], keep_ungrounded: bool, concurrency: int
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
    )
    async with client(backend, settings) as llm:
        wanted = _identity(backend, llm)

        async def summarise(source: Source) -> Summary:
            if llm is None:  # rules: CPU-bound, so off the event loop to keep the progress bar and Ctrl-C alive
                return await asyncio.to_thread(summarize, source, backend, keep_ungrounded=keep_ungrounded)
            return await summarize_async(source, backend, llm=llm, keep_ungrounded=keep_ungrounded)

        async def one(path: str, task: Any) -> None:
            nonlocal failures, skipped
            async with limit:
                try:
                    source = await asyncio.to_thread(ingest.read, path)
                    target = result_path(out, path)
                    if await asyncio.to_thread(_done, target, (source.sha256, backend, *wanted)):
                        skipped += 1
                    else:
                        summary = await summarise(source)
                        await asyncio.to_thread(atomic_write, target, summary.model_dump_json(indent=2))
                        if summary.provenance.warnings:
                            warning = f"{path}: {'; '.join(summary.provenance.warnings)}"
                            progress.console.print(Text.assemble(("warning: ", "yellow"), one_line(warning)))
                except Exception as exc:  # one bad bulletin must not stop the others
                    failures += 1
                    message = str(exc) if isinstance(exc, InputError) else f"{path}: {type(exc).__name__}: {exc}"
                    # Printed as it happens (above the bar), so a killed run has already reported it.
                    progress.console.print(Text.assemble(("failed: ", "red"), one_line(message)), soft_wrap=True)
                progress.update(task, advance=1, status=f"{failures} failed, {skipped} up to date")

        with progress:
            task = progress.add_task("bulletins", total=len(files), status="")
            await asyncio.gather(*(one(p, task) for p in files))
    _rollup_or_fail(out)
    done = len(files) - failures
    err.print(
        Text(f"{done}/{len(files)} bulletins summarised into {out} ({skipped} already up to date, {failures} failed)"),
        soft_wrap=True,
    )
    return 1 if failures else 0


def predict(
    paths: dict[str, Path], backend: str, settings: dict[str, Any], keep_ungrounded: bool = False
) -> dict[str, Summary]:
    """Run a backend over named bulletins (one shared client), for scoring against gold."""

    async def go() -> dict[str, Summary]:
        async with client(backend, settings) as llm:
            results = await asyncio.gather(
                *(summarize_async(path, backend, llm=llm, keep_ungrounded=keep_ungrounded) for path in paths.values())
            )
        return dict(zip(paths, results, strict=True))

    return asyncio.run(go())


def _identity(backend: str, llm: object | None) -> tuple[str | None, str | None, str]:
    """What a result must have been made with to be reused: the model, prompt and tool versions."""
    if llm is None:
        return None, None, tool_version()
    from .extract import identity

    return (*identity(llm), tool_version())


STATEMENT_COLUMNS = [
    "bulletin", "speaker", "speaker_canonical", "role", "affiliation", "cue", "statement_type", "target",
    "said_on", "cited_outlet", "cited_date", "section", "quote_type", "content", "evidence_start", "evidence_end",
]  # fmt: skip
SANCTION_COLUMNS = [
    "bulletin", "authority", "issuing_country", "action", "announced_on", "target_count", "targets",
    "target_countries", "reasons", "programs", "beneficiaries", "cited_outlet", "evidence_start", "evidence_end",
]  # fmt: skip


def load_results(out: Path) -> list[Summary]:
    """Every complete result in a results directory (roll-ups, temp files and foreign JSON are skipped)."""
    results = []
    for path in sorted(out.glob("*.json")):
        if path.name.startswith("."):
            continue
        with contextlib.suppress(OSError, ValueError):
            results.append(Summary.model_validate_json(path.read_text(encoding="utf-8")))
    return results


def rollup(out: Path) -> None:
    """Rebuild the JSONL and CSV roll-ups from every result on disk, so a resumed run covers the whole set."""
    results = load_results(out)
    atomic_write(out / "results.jsonl", "".join(s.model_dump_json() + "\n" for s in results))
    rows, srows = [], []
    for s in results:
        name = s.bulletin.source or ""
        for st in s.statements:
            d = st.model_dump(mode="json")
            row = {k: d.get(k) for k in STATEMENT_COLUMNS}
            row.update(bulletin=name, evidence_start=st.evidence.start, evidence_end=st.evidence.end)
            rows.append(row)
        for sa in s.sanctions:
            d = sa.model_dump(mode="json")
            row = {k: d.get(k) for k in SANCTION_COLUMNS}
            row.update(
                bulletin=name,
                targets="; ".join(t.name for t in sa.targets),
                evidence_start=sa.evidence.start,
                evidence_end=sa.evidence.end,
            )
            for key in ("target_countries", "reasons", "programs", "beneficiaries"):
                row[key] = "; ".join(d[key])
            srows.append(row)
    atomic_write(out / "statements.csv", _csv(STATEMENT_COLUMNS, rows))
    atomic_write(out / "sanctions.csv", _csv(SANCTION_COLUMNS, srows))


def _rollup_or_fail(out: Path) -> None:
    try:
        rollup(out)
    except OSError as exc:
        raise BatchError(f"{out}: cannot write roll-ups ({exc.strerror or exc})") from None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas (CSV injection): bulletin text is hostile and these CSVs get opened in Excel.

    A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it; the JSON results
    keep the original value for programs.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


__all__ = ["BatchError", "atomic_write", "expand", "load_results", "one_line", "rollup", "run", "run_one"]
