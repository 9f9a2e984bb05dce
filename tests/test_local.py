"""The embedded model end to end: real llama.cpp server, real SmolLM2-135M, real instructor TOOLS mode.

Slow-ish (server cold start ~1-2 s, ~0.3-2 s per narrow question on 2 cores), hence ``-m model``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel

from summarizer import templates

pytestmark = pytest.mark.model

pytest.importorskip("llama_cpp", reason="the local backend needs: pip install 'summarizer[local]'")

from summarizer.llm import LLM, LLMConfig  # noqa: E402
from summarizer.local import INSTALL_HINT, LocalServer, LocalServerError, find_gguf  # noqa: E402
from summarizer.weights import DEFAULT_MODEL  # noqa: E402

PROMPT = """---
name: stance
version: 1
---
# system
You classify the statement. Answer threaten if it warns of force or retaliation, else neutral.
# user
Statement: {sentence}
"""


class Stance(BaseModel):
    label: Literal["threaten", "neutral"]


@pytest.fixture(autouse=True)
def _prompt_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "stance.md").write_text(PROMPT)
    monkeypatch.setenv("SUMMARIZER_PROMPTS", str(tmp_path / "p"))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-SENTINEL-123")  # must not be needed nor passed on


def _models(base_url: str) -> dict[str, object]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{base_url}/models", timeout=5) as response:
        return json.load(response)


def test_find_gguf_in_package() -> None:
    path = find_gguf()
    assert path.suffix == ".gguf" and path.stat().st_size > 10_000_000
    with pytest.raises(LocalServerError, match="not found"):
        find_gguf("/nonexistent/model.gguf")


def test_server_lifecycle_and_cleanup() -> None:
    server = LocalServer()
    with server as base_url:
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        assert _models(base_url)["data"][0]["id"] == DEFAULT_MODEL  # type: ignore[index]
        pid = server.pid
        assert pid is not None
        with open(f"/proc/{pid}/environ", "rb") as env:
            assert b"SENTINEL" not in env.read()  # the child never gets the API key
    assert not server.running
    assert not Path(f"/proc/{pid}").exists() or b"zombie" in Path(f"/proc/{pid}/status").read_bytes().lower()

    with pytest.raises(RuntimeError, match="boom"), LocalServer() as base_url:  # stopped on exceptions too
        pid = None
        raise RuntimeError("boom")


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            return True
        if "zombie" in status.lower():
            return True
        time.sleep(0.1)
    return False


def test_async_context_manager_and_cancellation() -> None:
    async def go() -> int:
        server = LocalServer()
        async with server as base_url:
            assert _models(base_url)["data"]  # type: ignore[index]
            pid = server.pid
        assert pid is not None and not server.running
        return pid

    assert _gone(asyncio.run(go()))

    async def cancelled() -> LocalServer:
        server = LocalServer()
        task = asyncio.create_task(server.astart())
        await asyncio.sleep(0.3)  # spawned, not ready yet
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return server

    assert not asyncio.run(cancelled()).running


def _server_of_a_killed_parent(tmp_path: Path, meanwhile: str = "") -> int:
    """The pid of a server whose parent started it, ran ``meanwhile`` and was then SIGKILLed (which skips every
    finally and atexit: only the parent-death signal can stop the server)."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import json, os, signal, threading, time, urllib.request\n"
        "from summarizer.local import LocalServer\n"
        "s = LocalServer()\n"
        "url = s.start()\n"
        f"{meanwhile}"
        "print(s.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180)
    return int(out.stdout.split()[0])


def test_server_dies_with_a_killed_parent(tmp_path: Path) -> None:
    assert _gone(_server_of_a_killed_parent(tmp_path)), "llama_cpp.server outlived its killed parent"


def test_server_dies_with_a_killed_parent_mid_completion(tmp_path: Path) -> None:
    """Killed while the server computes an answer: it must not first finish an answer nobody will read (a graceful
    shutdown waits for the completion in flight, minutes of both cores for a long chunk)."""
    endless = (
        "body = {'prompt': '1, 2, 3,', 'max_tokens': 4000, 'logit_bias': {'0': -100, '2': -100}}\n"
        "req = urllib.request.Request(url + '/completions', json.dumps(body).encode(),\n"
        "                             {'Content-Type': 'application/json'})\n"
        "threading.Thread(target=lambda: urllib.request.urlopen(req, timeout=600), daemon=True).start()\n"
        "time.sleep(3)\n"
    )
    pid = _server_of_a_killed_parent(tmp_path, endless)
    assert _gone(pid), "llama_cpp.server went on computing after its parent was killed"


def test_missing_llama_cpp_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.local as local

    monkeypatch.setattr(local, "local_backend_available", lambda: False)
    with pytest.raises(LocalServerError, match=r"pip install 'summarizer\[local\]'"):
        LocalServer().start()
    assert INSTALL_HINT == "the local backend needs: pip install 'summarizer[local]'"


def test_ask_through_embedded_model_then_cache(tmp_path: Path) -> None:
    cache_path = tmp_path / "cache.sqlite"
    config = LLMConfig(backend="local", cache_path=cache_path, max_tokens=64)
    prompt = templates.load("stance")
    sentence = "The general warned that any aggressor would face a crushing military response."

    async def first() -> tuple[Stance, LLM, float, float]:
        llm = LLM(config)
        assert llm.server is None  # lazy: nothing started yet
        try:
            started = time.monotonic()
            answer = await llm.ask(prompt, Stance, sentence=sentence)
            first_s = time.monotonic() - started
            started = time.monotonic()
            await llm.ask(prompt, Stance, sentence="The minister said talks would resume next week.")
            warm_s = time.monotonic() - started
            assert llm.server is not None and llm.server.startup_seconds is not None
            print(f"\ncold start {llm.server.startup_seconds:.2f}s, first ask {first_s:.2f}s, warm ask {warm_s:.2f}s")
        finally:
            server = llm.server
            await llm.aclose()
            assert server is not None and not server.running
        return answer, llm, first_s, warm_s

    answer, llm, _first, _warm = asyncio.run(first())
    assert isinstance(answer, Stance) and answer.label in ("threaten", "neutral")
    assert llm.usage.calls == 2 and llm.usage.cached_calls == 0
    assert llm.usage.prompt_tokens > 0 and llm.usage.completion_tokens > 0
    assert llm.usage.cost_usd == 0.0
    assert llm.describe()["backend"] == "local" and llm.describe()["model"] == DEFAULT_MODEL

    async def again() -> tuple[Stance, LLM]:
        llm2 = LLM(config)
        try:
            return await llm2.ask(prompt, Stance, sentence=sentence), llm2
        finally:
            assert llm2.server is None  # a fully cached run starts no server
            await llm2.aclose()

    cached, llm2 = asyncio.run(again())
    assert cached == answer
    assert llm2.usage.calls == 0 and llm2.usage.cached_calls == 1
    assert oct(os.stat(cache_path).st_mode & 0o777) == "0o600"


def test_crashed_server_is_restarted(tmp_path: Path) -> None:
    config = LLMConfig(backend="local", use_cache=False, max_tokens=64)
    prompt = templates.load("stance")

    async def go() -> tuple[int, int, Stance]:
        llm = LLM(config)
        try:
            await llm.ask(prompt, Stance, sentence="They said nothing.")
            first_pid = llm.server.pid
            os.kill(first_pid, 9)
            assert _gone(first_pid)
            answer = await llm.ask(prompt, Stance, sentence="They warned of war.")
            return first_pid, llm.server.pid, answer
        finally:
            await llm.aclose()

    first_pid, second_pid, answer = asyncio.run(go())
    assert first_pid != second_pid and answer.label in ("threaten", "neutral")
