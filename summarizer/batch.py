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
from collections.abc import AsyncIterator, Callable, Iterator
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
from .errors import SummarizerError
from .ingest import InputError, Source
from .models import Summary
from .pipeline import summarize, summarize_async, tool_version
from .terminal import SafeConsole
from .text import unique

if TYPE_CHECKING:
    from .llm import LLMConfig, ModelClient

SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}
LOCK = ".batch.lock"
STALE = "stale"  # results of bulletins renamed or deleted since are moved here, out of the roll-ups
STEM_BYTES = 150
err = SafeConsole(stderr=True, highlight=False)


class BatchError(SummarizerError):
    """A batch that cannot start; one line for the user."""


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


def resolved(path: str | Path) -> Path:
    """The absolute path with symlinks followed where they lead anywhere; a symlink loop is kept as named.

    ``Path.resolve`` raises on a loop, which would abort a whole batch over one bad name; reading that name
    later fails in one line, for that bulletin only.
    """
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def atomic_write(path: Path, text: str, *, private: bool = True) -> None:
    """Write via a temp file in the same directory and rename, so readers never see half a file.

    ``private`` files (results, with their provenance) are owner-only; the rest (reports meant to be shared)
    get the mode a plain ``open`` would give, which follows the umask.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process umask, read without changing it where the system tells (setting it to read it races threads)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _is_temp(path: Path) -> bool:
    """A temp file :func:`atomic_write` left behind when the process was killed between write and rename."""
    stem = path.name[1:].rsplit(".", 1)[0]
    return path.name.startswith(".") and stem.endswith((".json", ".jsonl", ".csv"))


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


def run_one(path: str, backend: str, config: LLMConfig | None, keep_ungrounded: bool) -> tuple[str, Summary]:
    """Summarise one bulletin; return its normalised text (for HTML views) and the summary."""
    source = ingest.read(path)

    async def go() -> Summary:
        async with client(backend, config) as llm:
            return await summarize_async(source, backend, llm=llm, keep_ungrounded=keep_ungrounded)

    return source.text, asyncio.run(go())


def result_path(out: Path, path: str) -> Path:
    """One result file per input; a short hash of the path keeps same-named files apart.

    The stem is cut to :data:`STEM_BYTES` (a file name may have 255 bytes, and the hash, the suffix and a
    temp file's prefix need room); the hash still tells long names apart.
    """
    digest = hashlib.sha1(str(resolved(path)).encode()).hexdigest()[:8]
    stem = Path(path).stem.encode()[:STEM_BYTES].decode(errors="ignore")
    return out / f"{stem}-{digest}.json"


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
    config: LLMConfig | None = None,
    keep_ungrounded: bool = False,
    concurrency: int = 4,
    quiet: bool = False,
) -> int:
    """Summarise every file into ``out``; return 0 if all succeeded, 1 if some failed, 130 on Ctrl-C.

    ``quiet`` drops the progress bar and the closing tally; failures are still reported.
    """
    _prepare(out)
    inside = [f for f in files if f != "-" and resolved(f).is_relative_to(out.resolve())]
    if inside:  # results are not bulletins: reading them back would summarise the tool's own output
        if len(inside) == len(files):
            raise BatchError(f"{out}: every input is inside the results directory; name the bulletins instead")
        err.print(Text(f"skipped {len(inside)} inputs inside the results directory {out}"), soft_wrap=True)
        files = [f for f in files if f not in inside]
    with _locked(out):
        _sweep(out)
        try:
            return asyncio.run(_run(files, out, backend, config, keep_ungrounded, max(1, concurrency), quiet))
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
        out.mkdir(mode=0o700, parents=True, exist_ok=True)  # results carry provenance: owner-only, whatever the umask
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
                    if await asyncio.to_thread(_done, target, (source.sha256, backend, *wanted)):
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
    _retire(out, {result_path(out, p).name for p in files})
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


def _retire(out: Path, slots: set[str]) -> None:
    """Move results of bulletins renamed or deleted since into ``out/stale/``, so roll-ups do not count them twice.

    A result is stale when no input of this run writes it and its source file is gone from a folder that is still
    there (a folder missing too says as much about the current directory as about the bulletin: kept). Moved, not
    deleted: a bulletin moved away for a while loses nothing.
    """
    stale = [
        path
        for path, summary in load_result_files(out)
        if path.name not in slots and summary.bulletin.source and _gone(summary.bulletin.source)
    ]
    if not stale:
        return
    (out / STALE).mkdir(mode=0o700, exist_ok=True)
    for path in stale:
        os.replace(path, out / STALE / path.name)
    err.print(
        Text(f"moved {len(stale)} results of bulletins renamed or deleted since to {out / STALE}"), soft_wrap=True
    )


def _gone(source: str) -> bool:
    path = Path(source)
    return source != "<stdin>" and not os.path.lexists(path) and path.parent.is_dir()


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


STATEMENT_COLUMNS = [
    "bulletin", "speaker", "speaker_canonical", "role", "affiliation", "cue", "statement_type", "target",
    "said_on", "cited_outlet", "cited_date", "section", "quote_type", "content", "evidence_start", "evidence_end",
]  # fmt: skip
SANCTION_COLUMNS = [
    "bulletin", "authority", "issuing_country", "action", "announced_on", "target_count", "targets",
    "target_countries", "reasons", "programs", "beneficiaries", "cited_outlet", "evidence_start", "evidence_end",
]  # fmt: skip


def load_result_files(out: Path) -> list[tuple[Path, Summary]]:
    """Every complete result in a results directory with its file, so views can link back to it.

    Roll-ups, temp files and foreign JSON are skipped.
    """
    results = []
    for path in sorted(out.glob("*.json")):
        if path.name.startswith("."):
            continue
        with contextlib.suppress(OSError, ValueError):
            results.append((path, Summary.model_validate_json(path.read_text(encoding="utf-8"))))
    return results


def results_in(directory: Path) -> list[tuple[Path, Summary]]:
    """:func:`load_result_files` for a view over a run: an absent or empty directory is the user's one-line error."""
    if not directory.is_dir():
        raise BatchError(f"{directory}: no such results directory")
    found = load_result_files(directory)
    if not found:
        raise BatchError(
            f"{directory}: no results here; make some with: summarizer summarize BULLETINS --out {directory}"
        )
    return found


def load_results(out: Path) -> list[Summary]:
    """Every complete result in a results directory (roll-ups, temp files and foreign JSON are skipped)."""
    return [summary for _, summary in load_result_files(out)]


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
