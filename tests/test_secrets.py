"""Secrets: the API key never reaches anything the tool writes, and what it writes is private.

The openai backend runs against tests/fakeserver.py with a sentinel key. The server is hostile: its error bodies echo
the Authorization header back, and one of its "answers" contains the key itself. Everything the runs produce is then
scanned for the sentinel: stdout, stderr, result files, roll-ups, the HTML report, the SQLite cache (with its -wal and
-shm files), every file under the temporary HOME, with ``--verbose`` on; and, in process, every log record of every
library (ours, openai, httpx, instructor) at DEBUG level, which is more than ``--verbose`` shows.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import secrets
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import batch
from summarizer.llm import LLMConfig

from . import badinput
from .badinput import run_cli_timed
from .fakeserver import FakeOpenAI, Reply, status, tool

SENTINEL = f"sk-test-SENTINEL-{secrets.token_hex(12)}"
ROLLUPS = ("results.jsonl", "statements.csv", "sanctions.csv")
FORMS = [SENTINEL, SENTINEL.removeprefix("sk-test-"), base64.b64encode(SENTINEL.encode()).decode()]


class Hostile:
    """Honest answers, except: bulletin 1 gets 401s echoing the key; each question about bulletin 2 first gets a
    500 echoing the key, then an answer; bulletin 3 gets answers whose target *is* the key (a parroting server)."""

    def __init__(self) -> None:
        self.echoed = 0
        self.failed_once: set[str] = set()

    def __call__(self, body: dict[str, Any]) -> Reply:
        text = str(body.get("messages"))
        if "K01Z" in text or ("K02Z" in text and text not in self.failed_once):
            self.failed_once.add(text)
            self.echoed += 1
            return status(401 if "K01Z" in text else 500, echo_auth=True)
        answers: dict[str, dict[str, Any]] = {
            "TypeAnswer": {"statement_type": "assessment"},
            "TargetAnswer": {"target": SENTINEL if "K03Z" in text else None},
            "RoleAnswer": {"role": None},
            "SpeakerAnswer": {"speaker": None, "role": None},
            "Listed": {"targets": [SENTINEL] if "K03Z" in text else []},
            "ChunkReading": {
                "statements": [{"line": 1, "speaker": SENTINEL, "role": None, "cue": "said", "target": SENTINEL}]
                if "K03Z" in text
                else [],
                "sanctions": [],
            },
        }
        return tool(answers[body["tools"][0]["function"]["name"]])


@pytest.fixture
def umask() -> Iterator[None]:
    """A common umask (group/world readable by default), so owner-only modes are the code's doing."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def leaks(data: bytes) -> list[str]:
    return [form for form in FORMS if form.encode() in data]


def scan_tree(root: Path) -> dict[str, list[str]]:
    found = {}
    for path in root.rglob("*"):
        if path.is_file():
            hit = leaks(path.read_bytes())
            if hit:
                found[str(path)] = hit
    return found


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_key_never_written_and_outputs_are_private(tmp_path: Path, umask: None) -> None:
    home = tmp_path / "home"
    home.mkdir()
    cache = home / ".cache" / "summarizer" / "cache.sqlite"  # does not exist yet: the tool creates it
    paths = badinput.write_tagged(tmp_path / "in", 5)
    out = tmp_path / "out"
    env = {"OPENAI_API_KEY": SENTINEL, "HOME": str(home), "SUMMARIZER_CACHE": str(cache)}
    runs: list[subprocess.CompletedProcess[bytes]] = []
    hostile = Hostile()
    with FakeOpenAI(responder=hostile) as server:
        common = ["-b", "openai", "--base-url", server.base_url, "--model", "fake-model", "--verbose"]
        runs.append(run_cli_timed("summarize", str(tmp_path / "in"), "--out", str(out), *common, timeout=120, env=env))
        report = tmp_path / "report.html"
        runs.append(
            run_cli_timed("summarize", str(paths[3]), *common, "-f", "html", "-o", str(report), timeout=60, env=env)
        )
        runs.append(run_cli_timed("summarize", str(paths[1]), *common, timeout=60, env=env))  # forced failure
        auth = {r["headers"].get("authorization") for r in server.requests}

    # Not vacuous: the key was sent, and the server put it in error bodies and in an answer.
    assert auth == {f"Bearer {SENTINEL}"}
    assert hostile.echoed >= 2
    assert b"HTTP Request: POST" in runs[0].stderr  # --verbose did log
    assert runs[0].returncode == 1  # bulletin 1 failed (401)
    assert runs[1].returncode == 0, runs[1].stderr.decode()
    assert runs[2].returncode != 0
    assert "HTTP 401 unauthorized" in runs[2].stderr.decode()
    assert cache.exists() and len(list(out.glob("[!.]*.json"))) == 4

    for i, run in enumerate(runs):
        assert leaks(run.stdout) == [], f"run {i} stdout"
        assert leaks(run.stderr) == [], f"run {i} stderr: {run.stderr.decode()[-2000:]}"
    assert scan_tree(tmp_path) == {}

    # Owner-only: results, roll-ups, the cache and its side files; the directories it made for them.
    written = [*out.glob("[!.]*.json"), *(out / name for name in ROLLUPS)]
    written += [p for p in cache.parent.iterdir() if p.name.startswith(cache.name)]
    assert len(written) >= 4 + 3 + 1
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in written if not private(p)} == {}
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    # The rendered report is for sharing: it follows the umask (022 here).
    assert stat.S_IMODE(report.stat().st_mode) == 0o644


def test_debug_logging_of_every_library_carries_no_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The in-process equivalent of --verbose: every logger (ours, openai, httpx, instructor) at DEBUG."""
    monkeypatch.setenv("OPENAI_API_KEY", SENTINEL)
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path / "cache.sqlite"))
    paths = badinput.write_tagged(tmp_path / "in", 4)
    caplog.set_level(logging.DEBUG)
    for name in ("openai", "httpx", "httpcore", "instructor", "summarizer"):
        caplog.set_level(logging.DEBUG, logger=name)
    with FakeOpenAI(responder=Hostile()) as server:
        config = LLMConfig(
            backend="openai", model="fake-model", base_url=server.base_url, timeout=2.0, max_retries=1,
            backoff_initial=0.01, backoff_max=0.02,
        )  # fmt: skip
        code = batch.run([str(p) for p in paths], tmp_path / "out", "openai", config)
    assert code == 1  # bulletin 1: 401
    captured = capsys.readouterr()
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    records = "\n".join(f"{formatter.format(r)} {r.args!r}" for r in caplog.records)  # format() adds tracebacks
    assert len(caplog.records) > 20, "debug logging did not happen"
    assert leaks(records.encode()) == []
    assert leaks(captured.out.encode()) == [] and leaks(captured.err.encode()) == []
    assert scan_tree(tmp_path) == {}


def test_single_file_model_failure_is_one_line(tmp_path: Path) -> None:
    """The server's error body echoes the key; the user sees one line naming the cause, and no key."""
    path = badinput.write_tagged(tmp_path / "in", 2)[1]
    with FakeOpenAI(default=status(401, echo_auth=True)) as server:
        run = run_cli_timed(
            "summarize", str(path), "-b", "openai", "--base-url", server.base_url, "--model", "fake-model",
            timeout=60, env={"OPENAI_API_KEY": SENTINEL, "SUMMARIZER_CACHE": str(tmp_path / "c.sqlite")},
        )  # fmt: skip
    stderr = run.stderr.decode()
    assert leaks(run.stderr) == []
    assert run.returncode == 2
    assert "Traceback" not in stderr
    (line,) = stderr.strip().splitlines()
    assert re.fullmatch(r"error: read_chunk@\d+: HTTP 401 unauthorized \(check OPENAI_API_KEY\)", line)
