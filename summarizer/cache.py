"""SQLite response cache: a re-run over the same bulletins costs zero model calls and zero tokens.

Design notes (why, not what):

* One table ``(key TEXT PRIMARY KEY, value TEXT, created_at TEXT)``; ``value`` is JSON written by the
  caller (the validated response plus the usage it cost). The key is an opaque hash built by
  :mod:`summarizer.llm`; nothing secret goes in, and :meth:`Cache.put` refuses a value that contains the
  current ``OPENAI_API_KEY`` as a last line of defence.
* Responses quote bulletin text, which may be sensitive: the directory is created ``0700`` and the
  database file ``0600`` *before* SQLite opens it, so there is no window with looser permissions.
  SQLite gives its ``-wal``/``-shm`` side files the main file's mode.
* WAL journal + a busy timeout make it safe for several processes (parallel batch runs); a lock
  around the single connection makes it safe for several threads.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import SummarizerError

__all__ = ["Cache", "CacheError", "default_cache_path"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
)
"""


class CacheError(SummarizerError, RuntimeError):
    """The cache cannot be opened or was asked to store something it must not."""


def default_cache_path() -> Path:
    """``$SUMMARIZER_CACHE`` or ``~/.cache/summarizer/cache.sqlite`` (per user, never in the repo)."""
    env = os.environ.get("SUMMARIZER_CACHE")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "summarizer" / "cache.sqlite"


def _secrets() -> list[str]:
    """Values that must never be written to disk; read at call time so a rotated key is still covered."""
    key = os.environ.get("OPENAI_API_KEY", "")
    return [key] if len(key) >= 8 else []


class Cache:
    """Key → JSON value store on SQLite; open once per process and share between tasks and threads."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, busy_timeout: float = 30.0) -> None:
        self.path = Path(path).expanduser() if path is not None else default_cache_path()
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._busy_timeout = busy_timeout
        self._open()

    def _open(self) -> None:
        directory = self.path.parent
        if not directory.exists():
            # Create missing parents owner-only; an existing directory (e.g. a tmp dir) is left as is.
            old_umask = os.umask(0o077)
            try:
                directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            finally:
                os.umask(old_umask)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise CacheError(f"cannot open cache file {self.path}: {exc.strerror}") from None
        try:
            os.fchmod(fd, 0o600)  # also tightens a file created earlier by something else
        finally:
            os.close(fd)
        try:
            conn = sqlite3.connect(self.path, timeout=self._busy_timeout, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise CacheError(f"cannot use cache file {self.path}: {exc}") from None
        self._conn = conn

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise CacheError("cache is closed")
        return self._conn

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored JSON object, or None on a miss or an unreadable row (a bad row is just a miss)."""
        with self._lock:
            row = self._connection().execute("SELECT value FROM responses WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except (TypeError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Store (or replace) a JSON object; refuses anything that contains the API key."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        if any(secret in text for secret in _secrets()):
            raise CacheError("refusing to cache a value that contains the API key")
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock:
            self._connection().execute(
                "INSERT OR REPLACE INTO responses (key, value, created_at) VALUES (?, ?, ?)", (key, text, created)
            )

    def __bool__(self) -> bool:
        """Always true: without this, ``if cache:`` would be false for an empty cache (``__len__``)."""
        return True

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._connection().execute("SELECT COUNT(*) FROM responses").fetchone()
        return int(count)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        with self._lock:
            row = self._connection().execute("SELECT 1 FROM responses WHERE key = ?", (key,)).fetchone()
        return row is not None

    def close(self) -> None:
        """Close the connection; idempotent so it is safe in ``finally`` blocks."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Cache({str(self.path)!r})"
