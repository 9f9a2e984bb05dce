"""Whole files only: every file the tool writes goes through a temp file and a rename, so a kill never leaves half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


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


def is_temp(path: Path) -> bool:
    """A temp file :func:`atomic_write` left behind when the process was killed between write and rename."""
    stem = path.name[1:].rsplit(".", 1)[0]
    return path.name.startswith(".") and stem.endswith((".json", ".jsonl", ".csv"))


__all__ = ["atomic_write", "is_temp", "resolved"]
