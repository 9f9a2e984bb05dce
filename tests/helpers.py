"""Paths and a runner shared by the tests: the real CLI, run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BULLETINS = ROOT / "evals" / "bulletins"
GOLD = ROOT / "evals" / "gold"
SAMPLE = BULLETINS / "spotlight-on-iran-2020-03-22.txt"


def run_cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``summarizer`` in a subprocess with the test interpreter."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "160", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=600,
        check=False,
    )


def drain_pty(fd: int) -> bytes:
    """Everything a child wrote to the terminal whose controlling end is ``fd``, until it closes; closes ``fd``."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)
