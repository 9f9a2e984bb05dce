"""Many bulletins at once: bounded concurrency, progress, resumable, nothing lost on a kill.

Each result is written atomically (temp file + rename) as soon as its bulletin is done, so a killed run
leaves only complete files, and a re-run skips every bulletin whose result already matches its content,
backend, model and prompt version.
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
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import ingest
from .ingest import InputError
from .models import Summary
from .pipeline import summarize_async

SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}
err = Console(stderr=True, highlight=False)


class BatchError(Exception):
    """A batch that cannot start; one line for the user."""


def expand(paths: list[str]) -> list[str]:
    """Files named, found under directories, or matched by globs, in a stable order."""
    files: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
        elif Path(raw).is_dir():
            found = sorted(str(p) for p in Path(raw).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
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
    return files


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
    p = summary.provenance
    return (summary.bulletin.sha256, p.backend, p.model, p.prompt_hash)


def _done(target: Path, sha: str, backend: str, model: str | None, prompt_hash: str | None) -> bool:
    try:
        old = Summary.model_validate_json(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return fingerprint(old) == (sha, backend, model, prompt_hash)


def run(
    files: list[str],
    out: Path,
    backend: str,
    settings: dict[str, Any],
    keep_ungrounded: bool = False,
    concurrency: int = 4,
) -> int:
    """Summarise every file into ``out``; return 0 if all succeeded, 1 if some failed."""
    return asyncio.run(_run(files, out, backend, settings, keep_ungrounded, max(1, concurrency)))


async def _run(
    files: list[str], out: Path, backend: str, settings: dict[str, Any], keep_ungrounded: bool, concurrency: int
) -> int:
    out.mkdir(parents=True, exist_ok=True)
    failures: list[tuple[str, str]] = []
    skipped = 0
    limit = asyncio.Semaphore(concurrency)
    progress = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"), TimeRemainingColumn(), console=err,
    )
    async with client(backend, settings) as llm:
        model, prompt_hash = _identity(backend, llm)

        async def one(path: str, task: Any) -> None:
            nonlocal skipped
            async with limit:
                try:
                    source = await asyncio.to_thread(ingest.read, path)
                    target = result_path(out, path)
                    if _done(target, source.sha256, backend, model, prompt_hash):
                        skipped += 1
                    else:
                        summary = await summarize_async(source, backend, llm=llm, keep_ungrounded=keep_ungrounded)
                        atomic_write(target, summary.model_dump_json(indent=2))
                except (InputError, OSError) as exc:
                    failures.append((path, str(exc)))
                except Exception as exc:  # one bad bulletin must not stop the others
                    failures.append((path, f"{path}: {type(exc).__name__}: {exc}"))
                progress.update(task, advance=1, status=f"{len(failures)} failed, {skipped} cached")

        with progress:
            task = progress.add_task("bulletins", total=len(files), status="")
            await asyncio.gather(*(one(p, task) for p in files))
    rollup(out)
    for _, message in failures:
        err.print(f"[red]failed:[/red] {message}", soft_wrap=True)
    done = len(files) - len(failures)
    err.print(f"{done}/{len(files)} bulletins summarised into {out} ({skipped} already up to date)")
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


def _identity(backend: str, llm: object | None) -> tuple[str | None, str | None]:
    """What a result must have been made with to be reused: the model and prompt versions."""
    if llm is None:
        return None, None
    from .extract import identity

    return identity(llm)


STATEMENT_COLUMNS = [
    "bulletin", "speaker", "speaker_canonical", "role", "affiliation", "cue", "statement_type", "target",
    "said_on", "cited_outlet", "cited_date", "section", "quote_type", "content", "evidence_start", "evidence_end",
]
SANCTION_COLUMNS = [
    "bulletin", "authority", "issuing_country", "action", "announced_on", "target_count", "targets",
    "target_countries", "reasons", "programs", "beneficiaries", "cited_outlet", "evidence_start", "evidence_end",
]


def load_results(out: Path) -> list[Summary]:
    """Every complete result in a results directory (roll-ups are skipped)."""
    results = []
    for path in sorted(out.glob("*.json")):
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
            rows.append({**{k: d.get(k) for k in STATEMENT_COLUMNS}, "bulletin": name,
                         "evidence_start": st.evidence.start, "evidence_end": st.evidence.end})
        for sa in s.sanctions:
            d = sa.model_dump(mode="json")
            row = {k: d.get(k) for k in SANCTION_COLUMNS}
            row.update(bulletin=name, targets="; ".join(t.name for t in sa.targets),
                       evidence_start=sa.evidence.start, evidence_end=sa.evidence.end)
            for key in ("target_countries", "reasons", "programs", "beneficiaries"):
                row[key] = "; ".join(d[key])
            srows.append(row)
    atomic_write(out / "statements.csv", _csv(STATEMENT_COLUMNS, rows))
    atomic_write(out / "sanctions.csv", _csv(SANCTION_COLUMNS, srows))


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


__all__ = ["BatchError", "atomic_write", "expand", "load_results", "rollup", "run", "run_one"]
