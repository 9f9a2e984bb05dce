"""Hostile inputs and servers met through the real CLI: pipes, endless devices, deep HTML, control characters,
servers that trickle, refuse or never stop answering."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

from summarizer import batch
from summarizer.llm import LLMConfig
from summarizer.results import load_results

from . import badinput
from .fakeserver import FakeOpenAI, huge, trickle
from .helpers import SAMPLE, drain_pty, run_cli


def _one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    return stderr


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "bulletin.txt"
    os.mkfifo(fifo)
    began = time.monotonic()
    stderr = _one_line_error(run_cli("summarize", str(fifo), "-b", "rules"))
    assert "not a regular file" in stderr
    assert time.monotonic() - began < 30  # it returned at all: reading a FIFO without a writer blocks forever


def test_endless_device_is_refused() -> None:
    stderr = _one_line_error(run_cli("summarize", "/dev/zero", "-b", "rules"))
    assert "not a regular file" in stderr


def test_deeply_nested_html_is_read_in_linear_time(tmp_path: Path) -> None:
    depth = 200_000
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body><h1>Iran warns Washington</h1>" + "<div>" * depth
        + "<p>Foreign Minister Javad Zarif warned that the United States must leave the region.</p>"
        + "</div>" * depth + "</body></html>"
    )  # fmt: skip
    result = run_cli("summarize", str(page), "-b", "rules")
    assert result.returncode == 0, result.stderr.decode()
    statements = json.loads(result.stdout)["statements"]
    assert [s["speaker"] for s in statements] == ["Javad Zarif"]


@pytest.mark.parametrize("fmt", ["json", "md", "table", "html"])
def test_control_characters_anywhere_never_reach_the_output(tmp_path: Path, fmt: str) -> None:
    text = SAMPLE.read_text()
    poisoned = text[:20_000] + "\x00\x1b[2J\x1b]8;;http://x/\x1b\\CLICK\x1b]8;;\x1b\\\x07\x9b" + text[20_000:]
    insert = text.index("stated")  # also inside a statement's evidence
    poisoned = poisoned[:insert] + "\x1b]0;TITLE\x07" + poisoned[insert:]
    bulletin = tmp_path / "bulletin.txt"
    bulletin.write_text(poisoned)
    result = run_cli("summarize", str(bulletin), "-b", "rules", "-f", fmt)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    for char in ("\x00", "\x1b", "\x07", "\x9b"):
        assert char not in out
        assert json.dumps(char)[1:-1] not in out or fmt != "json"


def test_html_nesting_is_bounded_before_the_parser_sees_it() -> None:
    """The parser's time grows with the square of the depth, so depth is what must be bounded."""
    from selectolax.lexbor import LexborHTMLParser

    from summarizer.ingest import MAX_DEPTH, _flatten

    html = "<html><body>" + "<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000 + "</body></html>"
    node = LexborHTMLParser(_flatten(html)).css_first("p")
    depth = 0
    while node is not None:
        depth, node = depth + 1, node.parent
    assert depth <= MAX_DEPTH + 4


# ----------------------------------------------------------------- row 3: whole-request deadline, fail fast, size cap
def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _openai_env(tmp_path: Path) -> dict[str, str]:
    return {"OPENAI_API_KEY": "sk-test-hardening-0123456789", "SUMMARIZER_CACHE": str(tmp_path / "c.sqlite")}


def test_a_trickling_server_is_cut_off_at_the_timeout(tmp_path: Path) -> None:
    """One byte a second keeps every read alive; the request as a whole still ends at ``--timeout``."""
    timeout = 3
    bulletin = badinput.write_tagged(tmp_path / "in", 1)[0]
    with FakeOpenAI(default=trickle(1)) as server:
        result = run_cli(
            "summarize", str(bulletin), "-b", "openai", "--base-url", server.base_url, "--model", "fake-model",
            "--no-cache", "--timeout", str(timeout), "--max-retries", "1", env=_openai_env(tmp_path),
        )  # fmt: skip
        time.sleep(0.5)
        requests, hangups = list(server.requests), list(server.hangups)
    stderr = _one_line_error(result)
    assert f"request timed out after {timeout}s after 2 attempts" in stderr
    assert requests and len(hangups) >= len(requests)
    for request, ended in zip(requests, sorted(hangups), strict=False):
        assert ended - request["time"] < timeout + 1, ended - request["time"]
    cut = max(ended - request["time"] for request, ended in zip(requests, sorted(hangups), strict=False))
    print(f"\ntrickle: {len(requests)} requests, the slowest cut off after {cut:.1f}s")


def test_a_dead_endpoint_fails_a_batch_fast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once one question has spent its retries on a refused connection, every other one fails at once.

    Run in process, at the default retries and back-off, with the providers imported, so the time is the batch's,
    not the interpreter's start.
    """
    import instructor  # noqa: F401
    import openai.resources  # noqa: F401
    import tenacity  # noqa: F401

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-hardening-0123456789")
    paths = badinput.write_tagged(tmp_path / "in", 40)
    config = LLMConfig(base_url=f"http://127.0.0.1:{_closed_port()}/v1", model="fake-model", use_cache=False)
    began = time.monotonic()
    code = batch.run([str(p) for p in paths], tmp_path / "out", "openai", config, concurrency=config.concurrency)
    seconds = time.monotonic() - began
    stderr = capsys.readouterr().err
    assert code == 1, stderr
    assert "Traceback" not in stderr
    failed = [line for line in stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == len(paths), stderr
    assert all("LLMError: " in line and "cannot connect to the server after 5 attempts" in line for line in failed)
    assert "0/40 bulletins summarised" in stderr
    assert seconds < 10, seconds
    print(f"\ndead endpoint: 40 bulletins failed in {seconds:.1f}s")


def test_an_endless_response_is_cut_off_at_the_cap(tmp_path: Path) -> None:
    bulletin = badinput.write_tagged(tmp_path / "in", 1)[0]
    with FakeOpenAI(default=huge(8)) as server:
        result = run_cli(
            "summarize", str(bulletin), "-b", "openai", "--base-url", server.base_url, "--model", "fake-model",
            "--no-cache", env=_openai_env(tmp_path),
        )  # fmt: skip
        requests = len(server.requests)
    stderr = _one_line_error(result)
    assert "response larger than 4000000 bytes from the server" in stderr
    assert requests <= 4  # not retried: the questions in flight at once, each asked once


# ----------------------------------------------------------------- row 4: one line, never a traceback
def _loop(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "l1.txt").symlink_to("l2.txt")
    (directory / "l2.txt").symlink_to("l1.txt")
    return directory / "l1.txt"


def test_a_symlink_loop_fails_alone_in_one_line(tmp_path: Path) -> None:
    loop = _loop(tmp_path / "in")
    stderr = _one_line_error(run_cli("summarize", str(loop), "-b", "rules"))
    assert str(loop) in stderr


def test_a_symlink_loop_does_not_abort_the_batch(tmp_path: Path) -> None:
    loop = _loop(tmp_path / "in")
    good = badinput.write_tagged(tmp_path / "in", 1)[0]
    result = run_cli("summarize", str(loop), str(good), "-b", "rules", "--out", str(tmp_path / "out"))
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    failed = [line for line in stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 1 and str(loop) in failed[0], stderr
    assert "1/2 bulletins summarised" in stderr
    assert [s.bulletin.source for s in load_results(tmp_path / "out")] == [str(good)]


@pytest.mark.parametrize("target", ["directory", "/proc/x", "missing/dir/under/a/file"])
def test_an_unwritable_output_is_one_line(tmp_path: Path, target: str) -> None:
    (tmp_path / "missing").write_text("a file where a directory is needed")
    output = {"directory": str(tmp_path), "missing/dir/under/a/file": str(tmp_path / target)}.get(target, target)
    stderr = _one_line_error(run_cli("summarize", str(SAMPLE), "-b", "rules", "-f", "md", "-o", output))
    assert output in stderr


def test_schema_write_to_a_file_is_one_line(tmp_path: Path) -> None:
    existing = tmp_path / "FILE"
    existing.write_text("keep me")
    stderr = _one_line_error(run_cli("schema", "--write", str(existing)))
    assert "not a directory" in stderr
    assert existing.read_text() == "keep me"


def test_schema_write_follows_the_umask(tmp_path: Path) -> None:
    """Schemas are shared documents (they are committed), not private results."""
    result = run_cli("schema", "--write", str(tmp_path / "schemas"))
    assert result.returncode == 0, result.stderr.decode()
    modes = {oct(p.stat().st_mode & 0o777) for p in (tmp_path / "schemas").iterdir()}
    assert modes == {oct(0o666 & ~_umask())}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ----------------------------------------------------------------- row 5: credentials in URLs
@pytest.mark.parametrize("userinfo", ["user:SECRETPW", "SECRETPW"])
def test_credentials_in_the_base_url_from_the_environment_are_refused(tmp_path: Path, userinfo: str) -> None:
    env = {**_openai_env(tmp_path), "OPENAI_BASE_URL": f"http://{userinfo}@127.0.0.1:9/v1"}
    stderr = _one_line_error(run_cli("summarize", str(SAMPLE), "-b", "openai", "-v", "--no-cache", env=env))
    assert "OPENAI_BASE_URL must not contain credentials" in stderr
    assert "SECRETPW" not in stderr


def test_credentials_in_the_base_url_flag_are_refused_in_one_line(tmp_path: Path) -> None:
    url = "http://user:SECRETPW@127.0.0.1:9/v1"
    stderr = _one_line_error(run_cli("summarize", str(SAMPLE), "-b", "openai", "--base-url", url, "-v"))
    assert "base_url must not contain credentials" in stderr
    assert "SECRETPW" not in stderr


def test_the_library_refuses_credentials_in_the_environment_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from summarizer.extract.refine import TypeAnswer
    from summarizer.llm import LLM, LLMError
    from summarizer.templates import load

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-hardening-0123456789")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://user:SECRETPW@127.0.0.1:9/v1")

    async def ask() -> None:
        async with LLM(LLMConfig(use_cache=False)) as llm:
            await llm.ask(load("statement_type"), TypeAnswer, cue="said", content="x")

    with pytest.raises(LLMError) as caught:
        asyncio.run(ask())
    assert "credentials" in str(caught.value) and "SECRETPW" not in str(caught.value)


# ----------------------------------------------------------------- row 7: roll-ups follow the inputs
def test_a_renamed_bulletin_is_not_rolled_up_twice(tmp_path: Path) -> None:
    first = badinput.write_tagged(tmp_path / "in", 1)[0]
    out = tmp_path / "out"
    assert run_cli("summarize", str(tmp_path / "in"), "--out", str(out), "-b", "rules").returncode == 0
    first.rename(first.with_name("renamed.txt"))
    result = run_cli("summarize", str(tmp_path / "in"), "--out", str(out), "-b", "rules")
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "1/1 bulletins summarised" in stderr and "moved 1 results" in stderr
    assert len((out / "results.jsonl").read_text().splitlines()) == 1
    assert [s.bulletin.source for s in load_results(out)] == [str(first.with_name("renamed.txt"))]
    assert len(list((out / "stale").glob("*.json"))) == 1  # moved aside, not lost


def test_inputs_inside_the_results_directory_are_not_skipped_silently(tmp_path: Path) -> None:
    out = tmp_path / "out"
    badinput.write_tagged(out, 2)
    stderr = _one_line_error(run_cli("summarize", str(out), "--out", str(out), "-b", "rules"))
    assert "inside the results directory" in stderr


def test_a_very_long_file_name_gets_a_result(tmp_path: Path) -> None:
    name = "é" * 120 + ".txt"  # 244 bytes: a legal name whose result name would not be
    bulletin = tmp_path / "in" / name
    bulletin.parent.mkdir()
    bulletin.write_text(badinput.tagged_bulletin(0))
    result = run_cli("summarize", str(bulletin.parent), "--out", str(tmp_path / "out"), "-b", "rules")
    assert result.returncode == 0, result.stderr.decode()
    assert [s.bulletin.source for s in load_results(tmp_path / "out")] == [str(bulletin)]


# ----------------------------------------------------------------- row 9: modes
def test_results_are_owner_only_and_reports_follow_the_umask(tmp_path: Path) -> None:
    import subprocess
    import sys

    out, report = tmp_path / "out", tmp_path / "report.md"
    script = (
        "import os, sys; os.umask(0); from summarizer.cli import main; sys.argv = ['summarizer', *sys.argv[1:]]; main()"
    )
    for args in (["--out", str(out)], ["-f", "md", "-o", str(report)]):
        done = subprocess.run(
            [sys.executable, "-c", script, "summarize", str(SAMPLE), "-b", "rules", *args], capture_output=True
        )
        assert done.returncode == 0, done.stderr.decode()
    assert oct(out.stat().st_mode & 0o777) == oct(0o700)
    assert {oct(p.stat().st_mode & 0o777) for p in out.iterdir() if not p.name.startswith(".")} == {oct(0o600)}
    assert oct(report.stat().st_mode & 0o777) == oct(0o666)


# ----------------------------------------------------------------- row 1: nothing obeys an escape from the data
ESCAPES = "\x1b[2J\x1b]8;;http:x\x1b\\CLICK\x1b]8;;\x1b\\\x1b]0;TITLE\x07\x9b31m"


def _run_in_pty(*args: str) -> tuple[int, bytes]:
    """The CLI with a terminal for stdout and stderr, as a user sees it (rich colours and links switched on)."""
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer", *args],
        stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env={**env, "TERM": "xterm-256color"},
    )  # fmt: skip
    os.close(follower)
    screen = drain_pty(leader)  # read before waiting: a child blocked on a full terminal never exits
    return proc.wait(timeout=120), screen


def _obeyed(data: bytes) -> list[bytes]:
    """Sequences from ESCAPES that reached the terminal as sequences (rich's own colours are fine)."""
    return [s for s in (b"\x1b[2J", b"\x1b]8;;http:x", b"\x1b]0;TITLE", b"\x07", "\x9b".encode()) if s in data]


def test_escapes_in_results_never_reach_the_terminal_through_the_digest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("summarize", str(SAMPLE), "-b", "rules", "--out", str(out)).returncode == 0
    result = next(p for p in out.glob("[!.]*.json"))
    data = json.loads(result.read_text())
    for statement in data["statements"]:
        statement["speaker"] = f"Hossein {ESCAPES} Salami"
        statement["content"] = f"{ESCAPES} {statement['content']}"
    result.write_text(json.dumps(data))
    code, screen = _run_in_pty("digest", str(out), "--all")
    assert code == 0, screen.decode(errors="replace")
    assert b"CLICK" in screen and b"Salami" in screen  # the text is shown, with its escapes made visible
    assert _obeyed(screen) == []


@pytest.mark.parametrize("batch_mode", [False, True])
def test_escapes_in_file_names_never_reach_the_terminal(tmp_path: Path, batch_mode: bool) -> None:
    bad = tmp_path / "in" / f"brief{ESCAPES}.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)  # refused: not text
    args = ["summarize", str(bad), "-b", "rules"]
    if batch_mode:
        badinput.write_tagged(bad.parent, 1)
        args = ["summarize", str(bad.parent), "-b", "rules", "--out", str(tmp_path / "out")]
    code, screen = _run_in_pty(*args)
    assert code == (1 if batch_mode else 2), screen.decode(errors="replace")
    assert (b"failed: " if batch_mode else b"error:") in screen and b"CLICK" in screen
    assert b"Traceback" not in screen
    assert _obeyed(screen) == []


def test_markdown_to_stdout_shows_escapes_from_the_data(tmp_path: Path) -> None:
    from summarizer.terminal import safe

    assert safe("a\x1b[2Jb\tc\n\x9b") == "a\\u001b[2Jb\tc\n\\u009b"
    assert json.loads(safe(json.dumps({"k": "x\x9by\x7f"}, ensure_ascii=False))) == {"k": "x\x9by\x7f"}
