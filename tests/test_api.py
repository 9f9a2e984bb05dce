"""The Python API as a user calls it: a file or a text (never guessed), one default backend, an OpenAI endpoint or
client, and a sync call that works inside a running event loop (Jupyter)."""

from __future__ import annotations

import asyncio
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import openai
import pytest

from summarizer import Summary, summarize, summarize_async
from summarizer.pipeline import DEFAULT_BACKEND

from .fakeserver import FakeOpenAI, noncommittal
from .helpers import ROOT, SAMPLE, run_cli


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path / "cache.sqlite"))
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def test_path_and_text_give_the_same_summary():
    by_path = summarize(path=SAMPLE, backend="rules")
    by_text = summarize(text=SAMPLE.read_text(encoding="utf-8"), backend="rules")
    assert by_path.statements == by_text.statements and by_path.sanctions == by_text.sanctions
    assert by_text.bulletin.source == "<text>" and by_path.bulletin.source == str(SAMPLE)


def test_text_is_never_taken_for_a_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bulletin.txt").write_text(SAMPLE.read_text(encoding="utf-8"))
    assert summarize(text="bulletin.txt", backend="rules").statements == []  # a one-line text, not that file
    text = "Briefing\n\nIran's Foreign Minister Abbas Araghchi warned the United States against any attack. More.\n"
    [statement] = summarize(text=text, backend="rules").statements
    assert (statement.speaker, statement.statement_type) == ("Abbas Araghchi", "threaten")


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"path": SAMPLE, "text": "Some text."}],
    ids=["neither", "both"],
)
def test_exactly_one_bulletin(kwargs):
    with pytest.raises(TypeError, match=r"exactly one bulletin: summarize\(path=...\) .* summarize\(text=...\)"):
        summarize(backend="rules", **kwargs)


def test_a_positional_string_is_refused_not_guessed():
    with pytest.raises(TypeError, match=re.escape("pass path=... or text=...")):
        summarize(str(SAMPLE), backend="rules")  # type: ignore[arg-type]


def test_cli_and_api_share_the_default_backend():
    for function in (summarize, summarize_async):
        assert inspect.signature(function).parameters["backend"].default == DEFAULT_BACKEND == "local"
    assert f"default {DEFAULT_BACKEND}" in " ".join(run_cli("summarize", "-h").stdout.decode().split())


def test_openai_backend_with_just_base_url_and_model(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env-0000")
    with FakeOpenAI(responder=noncommittal) as server:
        summary = summarize(path=SAMPLE, backend="openai", base_url=server.base_url, model="fake-model")
    assert summary.provenance.backend == "openai" and summary.provenance.model == "fake-model"
    assert server.requests and all(r["headers"]["authorization"] == "Bearer sk-from-env-0000" for r in server.requests)


@pytest.mark.parametrize("kind", [openai.OpenAI, openai.AsyncOpenAI])
def test_openai_backend_with_a_client_passed_in(monkeypatch, kind):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)  # the client carries the key
    with FakeOpenAI(responder=noncommittal) as server:
        client = kind(api_key="sk-in-the-client", base_url=server.base_url, max_retries=7)
        summary = summarize(path=SAMPLE, backend="openai", client=client, model="fake-model")
        assert not client.is_closed()  # the caller's client is left open
    assert summary.provenance.model == "fake-model" and summary.provenance.usage.calls > 0
    assert all(r["headers"]["authorization"] == "Bearer sk-in-the-client" for r in server.requests)


def test_sync_summarize_inside_a_running_event_loop():
    async def notebook_cell() -> Summary:
        asyncio.get_running_loop()  # as in Jupyter: a loop is running
        return summarize(path=SAMPLE, backend="rules")

    summary = asyncio.run(notebook_cell())
    assert summary.sanctions[0].announced_on.isoformat() == "2020-03-26"


def test_async_api():
    summary = asyncio.run(summarize_async(text=SAMPLE.read_text(encoding="utf-8"), backend="rules"))
    assert len(summary.overview) == 5


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"backend": "rules", "model": "gpt-4o"}, "rules backend asks no model"),
        ({"backend": "local", "client": object()}, "client= is for backend='openai'"),
        ({"backend": "gpt5"}, "unknown backend"),
    ],
)
def test_arguments_that_cannot_apply_are_refused(kwargs, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        summarize(path=SAMPLE, **kwargs)


def readme_python_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"Python:\n\n```python\n(.*?)```", text, re.S).group(1)


def test_readme_example_runs_outside_the_checkout(tmp_path):
    (tmp_path / "bulletin.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SUMMARIZER_CACHE": str(tmp_path / "cache.sqlite")}
    code = readme_python_example()
    assert 'path="bulletin.txt", backend="rules"' in code and "text=" in code
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert run.returncode == 0, run.stderr
    assert "Mohammad Baqeri" in run.stdout


def children() -> set[int]:
    """Live child processes of this test process (Linux)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


@pytest.mark.model
def test_default_backend_starts_and_stops_the_local_model():
    before = children()
    summary = summarize(path=SAMPLE)  # questions the rules leave open, so the model is asked
    assert summary.provenance.backend == "local" and summary.provenance.usage.calls > 0
    assert children() <= before  # the server started for the call is gone
