"""The results directory a batch writes into: one file per bulletin, the lock, and what counts as a result.

Kept apart from the run loop because the digest and the HTML view read the same directory without running anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import BatchError
from .files import is_temp, resolved
from .models import Summary

LOCK = ".batch.lock"
STALE = "stale"  # results of bulletins renamed or deleted since are moved here, out of the roll-ups
STEM_BYTES = 150


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


def is_done(target: Path, wanted: tuple[str | None, ...]) -> bool:
    """A stored result made from the same text, backend, model and prompts: a re-run skips its bulletin."""
    try:
        old = Summary.model_validate_json(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return fingerprint(old) == wanted


def prepare(out: Path) -> None:
    """Create the results directory, or say in one line why it cannot be used."""
    if out.exists() and not out.is_dir():
        raise BatchError(f"{out}: exists and is not a directory")
    try:
        out.mkdir(mode=0o700, parents=True, exist_ok=True)  # results carry provenance: owner-only, whatever the umask
    except OSError as exc:
        raise BatchError(f"{out}: cannot create results directory ({exc.strerror or exc})") from None


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
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


def sweep(out: Path) -> None:
    """Remove temp files a killed run left behind (safe: we hold the directory lock)."""
    for path in out.iterdir():
        if path.is_file() and is_temp(path):
            with contextlib.suppress(OSError):
                path.unlink()


def retire(out: Path, slots: set[str]) -> int:
    """Move results of bulletins renamed or deleted since into ``out/stale/``, so roll-ups do not count them twice.

    A result is stale when no input of this run writes it and its source file is gone from a folder that is still
    there (a folder missing too says as much about the current directory as about the bulletin: kept). Moved, not
    deleted: a bulletin moved away for a while loses nothing. Returns how many were moved, for the caller to say.
    """
    stale = [
        path
        for path, summary in load_result_files(out)
        if path.name not in slots and summary.bulletin.source and _gone(summary.bulletin.source)
    ]
    if not stale:
        return 0
    (out / STALE).mkdir(mode=0o700, exist_ok=True)
    for path in stale:
        os.replace(path, out / STALE / path.name)
    return len(stale)


def _gone(source: str) -> bool:
    path = Path(source)
    return source != "<stdin>" and not os.path.lexists(path) and path.parent.is_dir()


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


__all__ = [
    "LOCK",
    "STALE",
    "STEM_BYTES",
    "fingerprint",
    "is_done",
    "load_result_files",
    "load_results",
    "locked",
    "prepare",
    "result_path",
    "results_in",
    "retire",
    "sweep",
]
