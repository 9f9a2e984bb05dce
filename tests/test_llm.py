"""LLM plumbing against a real misbehaving HTTP server (tests/fakeserver.py), no model needed.

What these pin down: the retry policy (how many requests the server saw, Retry-After honoured),
usage counting including failed attempts, one-line errors that never contain the API key or a
response body, no API error text ever sent back to the model, the cache (hit = zero requests, 0600),
the token budget, and prompt loading.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import stat
import threading
import time
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, Field

from summarizer import extract, templates
from summarizer.cache import Cache, CacheError
from summarizer.llm import LLM, BudgetExceeded, LLMConfig, LLMError
from tests.conftest import SENTINEL
from tests.fakeserver import ERROR_MARKER, FakeOpenAI, hang, length, malformed, status, tool

PROMPT_TEXT = """---
name: yesno
version: 3
---
# system
You answer yes or no.
# user
Question: {question}
"""


class Answer(BaseModel):
    label: Literal["yes", "no"]


class Count(BaseModel):
    n: int = Field(ge=0)


@pytest.fixture(autouse=True)
def _prompts(openai_env: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    prompt_dir = tmp_path / "prompts"
    prompt_dir.mkdir()
    (prompt_dir / "yesno.md").write_text(PROMPT_TEXT)
    monkeypatch.setenv("SUMMARIZER_PROMPTS", str(prompt_dir))


@pytest.fixture
def server() -> FakeOpenAI:
    with FakeOpenAI() as fake:
        yield fake


def make_llm(server: FakeOpenAI, tmp_path: Path, **overrides: object) -> LLM:
    settings: dict[str, object] = {
        "backend": "openai",
        "model": "fake-model",
        "base_url": server.base_url,
        "timeout": 2.0,
        "max_retries": 2,
        "max_reasks": 1,
        "backoff_initial": 0.05,
        "backoff_max": 0.2,
        "cache_path": tmp_path / "cache" / "llm.sqlite",
        "use_cache": False,
    }
    settings.update(overrides)
    return LLM(LLMConfig(**settings))  # type: ignore[arg-type]


def run(coro: object) -> object:
    return asyncio.run(coro)  # type: ignore[arg-type]


async def ask_once(llm: LLM, question: str = "Is water wet?", **kwargs: object) -> Answer:
    try:
        return await llm.ask(templates.load("yesno"), Answer, question=question, **kwargs)  # type: ignore[arg-type]
    finally:
        await llm.aclose()


def assert_clean_error(err: BaseException) -> None:
    """One line, no API key, no response body."""
    text = f"{err} {err!r}"
    assert "\n" not in str(err)
    assert SENTINEL not in text
    assert ERROR_MARKER not in text
    assert err.__cause__ is None or SENTINEL not in str(err.__cause__)


def assert_no_error_text_sent(server: FakeOpenAI) -> None:
    for raw in server.bodies():
        assert ERROR_MARKER not in raw
        assert "Error code" not in raw
        assert "status 4" not in raw and "status 5" not in raw
        assert SENTINEL not in raw


# ---------------------------------------------------------------------------------------- happy path
def test_tool_call_answer_validates_and_counts_usage(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(tool({"label": "yes"}, prompt_tokens=30, completion_tokens=5))
    llm = make_llm(server, tmp_path)
    answer = run(ask_once(llm))
    assert answer == Answer(label="yes")
    assert len(server.requests) == 1
    req = server.requests[0]
    assert req["headers"].get("authorization") == f"Bearer {SENTINEL}"  # key read from the environment
    body = req["body"]
    assert body["model"] == "fake-model"
    assert body["tool_choice"]["function"]["name"] == body["tools"][0]["function"]["name"]
    assert body["messages"] == [
        {"role": "system", "content": "You answer yes or no."},
        {"role": "user", "content": "Question: Is water wet?"},
    ]
    assert body["max_tokens"] == 512 and body["temperature"] == 0.0
    assert llm.usage.calls == 1 and llm.usage.retries == 0 and llm.usage.cached_calls == 0
    assert (llm.usage.prompt_tokens, llm.usage.completion_tokens) == (30, 5)
    assert llm.usage.cost_usd is None  # no price configured for this model


def test_cost_from_prices(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(tool({"label": "no"}, prompt_tokens=1_000_000, completion_tokens=500_000))
    llm = make_llm(server, tmp_path, prices={"fake-model": (0.15, 0.60)})
    run(ask_once(llm))
    assert llm.usage.cost_usd == pytest.approx(0.15 + 0.30)


# ---------------------------------------------------------------------------------------- transport retries
def test_429_honours_retry_after_then_succeeds(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(status(429, headers={"Retry-After": "1"}), tool({"label": "yes"}))
    llm = make_llm(server, tmp_path)
    assert run(ask_once(llm)) == Answer(label="yes")
    assert len(server.requests) == 2
    gap = server.requests[1]["time"] - server.requests[0]["time"]
    assert 0.95 <= gap < 2.5, gap  # waited what the server asked, not the 0.05 s back-off
    assert llm.usage.calls == 2 and llm.usage.retries == 1
    assert (llm.usage.prompt_tokens, llm.usage.completion_tokens) == (11, 7)  # the 429 cost nothing
    assert_no_error_text_sent(server)


def test_retry_after_is_capped(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(status(429, headers={"Retry-After": "3600"}), tool({"label": "yes"}))
    llm = make_llm(server, tmp_path, retry_after_max=0.3)
    started = time.monotonic()
    run(ask_once(llm))
    assert time.monotonic() - started < 2.0
    assert len(server.requests) == 2


def test_500_then_success(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(status(500), tool({"label": "no"}))
    llm = make_llm(server, tmp_path)
    assert run(ask_once(llm)) == Answer(label="no")
    assert len(server.requests) == 2
    assert llm.usage.calls == 2 and llm.usage.retries == 1
    assert_no_error_text_sent(server)


def test_persistent_503_gives_up_with_one_line_error(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(*(status(503, echo_auth=True) for _ in range(5)))
    llm = make_llm(server, tmp_path, max_retries=2)
    with pytest.raises(LLMError) as info:
        run(ask_once(llm))
    assert len(server.requests) == 3  # 1 + max_retries, then stop
    err = info.value
    assert str(err) == "yesno@3: HTTP 503 from the server after 3 attempts"
    assert err.status == 503 and err.kind == "server" and err.attempts == 3
    assert_clean_error(err)
    assert llm.usage.calls == 3 and llm.usage.retries == 2


def test_401_is_not_retried_and_hides_key(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(status(401, echo_auth=True), tool({"label": "yes"}))
    llm = make_llm(server, tmp_path)
    with pytest.raises(LLMError) as info:
        run(ask_once(llm))
    assert len(server.requests) == 1
    assert "401" in str(info.value) and info.value.status == 401
    assert_clean_error(info.value)


def test_hang_past_timeout_is_retried_then_fails(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(hang(5), hang(5))
    llm = make_llm(server, tmp_path, timeout=0.5, max_retries=1)
    started = time.monotonic()
    with pytest.raises(LLMError) as info:
        run(ask_once(llm))
    elapsed = time.monotonic() - started
    assert len(server.requests) == 2
    assert 1.0 <= elapsed < 4.0, elapsed
    assert info.value.kind == "timeout"
    assert str(info.value) == "yesno@3: request timed out after 0.5s after 2 attempts"
    assert_clean_error(info.value)
    assert llm.usage.calls == 2 and llm.usage.retries == 1


def test_timeout_then_success(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(hang(5), tool({"label": "yes"}))
    llm = make_llm(server, tmp_path, timeout=0.5)
    assert run(ask_once(llm)) == Answer(label="yes")
    assert len(server.requests) == 2


def test_malformed_body_is_a_transport_retry_not_a_reask(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(malformed(), tool({"label": "yes"}))
    llm = make_llm(server, tmp_path, max_reasks=0)  # would fail if the broken body counted as a re-ask
    assert run(ask_once(llm)) == Answer(label="yes")
    assert len(server.requests) == 2
    # the retry re-sent the original conversation, nothing appended
    assert server.requests[1]["body"]["messages"] == server.requests[0]["body"]["messages"]
    assert llm.usage.retries == 1


def test_malformed_body_every_time(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(*(malformed() for _ in range(5)))
    llm = make_llm(server, tmp_path, max_retries=2, max_reasks=3)
    with pytest.raises(LLMError) as info:
        run(ask_once(llm))
    assert len(server.requests) == 3  # transport attempts only; instructor did not multiply them
    assert info.value.kind == "malformed"
    assert "malformed response body" in str(info.value)
    assert_clean_error(info.value)


# ---------------------------------------------------------------------------------------- output problems
def test_length_is_its_own_error_and_is_counted(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(length(), tool({"label": "yes"}))
    llm = make_llm(server, tmp_path, max_tokens=16)
    with pytest.raises(LLMError) as info:
        run(ask_once(llm))
    assert len(server.requests) == 1  # neither re-asked nor retried
    assert info.value.kind == "truncated"
    assert str(info.value) == "yesno@3: output truncated (finish_reason=length at max_tokens=16)"
    assert llm.usage.calls == 1 and llm.usage.completion_tokens == 16  # the truncated answer was paid for


def test_cut_off_reply_under_another_finish_reason_is_truncation(server: FakeOpenAI, tmp_path: Path) -> None:
    """llama.cpp reports finish_reason="tool_calls" for a tool call cut off at max_tokens: still truncation,
    and not re-asked (the same limit would cut the answer again)."""
    server.push(length(finish="tool_calls"), tool({"label": "yes"}))
    llm = make_llm(server, tmp_path, max_tokens=16, max_reasks=2)
    with pytest.raises(LLMError) as info:
        run(ask_once(llm))
    assert len(server.requests) == 1
    assert info.value.kind == "truncated"
    assert str(info.value) == "yesno@3: output truncated (all completion tokens used at max_tokens=16)"


def test_validation_error_is_reasked_with_the_validation_message(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(
        tool({"label": "maybe"}, prompt_tokens=20, completion_tokens=4),
        tool({"label": "no"}, prompt_tokens=40, completion_tokens=4),
    )
    llm = make_llm(server, tmp_path, max_reasks=1)
    assert run(ask_once(llm)) == Answer(label="no")
    assert len(server.requests) == 2
    reask = json.dumps(server.requests[1]["body"]["messages"])
    assert "Validation Error" in reask and "maybe" in reask
    assert llm.usage.calls == 2 and llm.usage.retries == 1
    assert (llm.usage.prompt_tokens, llm.usage.completion_tokens) == (60, 8)  # failed answer counted


def test_validation_exhausted(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(*(tool({"label": "maybe"}) for _ in range(4)))
    llm = make_llm(server, tmp_path, max_reasks=1)
    with pytest.raises(LLMError) as info:
        run(ask_once(llm))
    assert len(server.requests) == 2
    assert info.value.kind == "invalid_output"
    assert str(info.value).startswith("yesno@3: output failed validation after 2 answer(s): label:")
    assert_clean_error(info.value)
    assert llm.usage.prompt_tokens == 22


def test_api_errors_never_become_prompt_text(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(
        status(429, headers={"retry-after-ms": "10"}),
        status(500),
        malformed(),
        tool({"label": "maybe"}),  # validation error: re-asked (that text is allowed)
        status(502),  # transport error during the re-ask phase
        tool({"label": "yes"}),
    )
    llm = make_llm(server, tmp_path, max_retries=4, max_reasks=2)
    assert run(ask_once(llm)) == Answer(label="yes")
    assert len(server.requests) == 6
    assert_no_error_text_sent(server)
    for request in server.requests:
        assert all(m["role"] != "tool" or "Validation Error" in m["content"] for m in request["body"]["messages"])


def test_instructor_error_logs_are_suppressed(
    server: FakeOpenAI, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server.push(status(500, echo_auth=True), tool({"label": "yes"}))
    caplog.set_level(logging.DEBUG)
    run(ask_once(make_llm(server, tmp_path)))
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)
    assert "HTTP 500" in logged  # our own one-line retry warning
    assert SENTINEL not in logged and ERROR_MARKER not in logged


# ---------------------------------------------------------------------------------------- grounding re-ask
def test_grounding_check_reasks_once(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(tool({"label": "yes"}), tool({"label": "no"}), tool({"label": "yes"}))
    llm = make_llm(server, tmp_path)
    checks: list[str] = []

    def check(answer: Answer) -> str | None:
        checks.append(answer.label)
        return "the text never says yes" if answer.label == "yes" else None

    assert run(ask_once(llm, grounding_check=check)) == Answer(label="no")
    assert checks == ["yes"]  # bounded: the second answer is not checked again
    assert len(server.requests) == 2
    last = server.requests[1]["body"]["messages"][-1]
    assert last["role"] == "user" and "the text never says yes" in last["content"]
    assert llm.usage.calls == 2 and llm.usage.retries == 1


# ---------------------------------------------------------------------------------------- cache
def test_cache_hit_makes_zero_requests_and_file_is_private(server: FakeOpenAI, tmp_path: Path) -> None:
    server.push(tool({"label": "yes"}))
    cache_path = tmp_path / "newdir" / "c.sqlite"

    async def twice() -> tuple[Answer, Answer, LLM]:
        llm = make_llm(server, tmp_path, use_cache=True, cache_path=cache_path)
        try:
            first = await llm.ask(templates.load("yesno"), Answer, question="Q?")
            second = await llm.ask(templates.load("yesno"), Answer, question="Q?")
        finally:
            await llm.aclose()
        return first, second, llm

    first, second, llm = run(twice())  # type: ignore[misc]
    assert first == second == Answer(label="yes")
    assert len(server.requests) == 1
    assert llm.usage.calls == 1 and llm.usage.cached_calls == 1
    assert stat.S_IMODE(cache_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_path.parent.stat().st_mode) == 0o700
    for side in cache_path.parent.glob("c.sqlite-*"):
        assert stat.S_IMODE(side.stat().st_mode) == 0o600
    for file in cache_path.parent.iterdir():
        assert SENTINEL.encode() not in file.read_bytes()

    # a new process-like run with the same cache: zero requests, and no key needed at all
    os.environ.pop("OPENAI_API_KEY")
    again = make_llm(server, tmp_path, use_cache=True, cache_path=cache_path)
    assert run(ask_once(again, question="Q?")) == Answer(label="yes")
    assert len(server.requests) == 1 and again.usage.calls == 0 and again.usage.cached_calls == 1


def test_cache_key_changes_with_inputs(server: FakeOpenAI, tmp_path: Path) -> None:
    server.default = tool({"label": "yes", "n": 1})
    cache_path = tmp_path / "c.sqlite"

    async def go() -> None:
        llm = make_llm(server, tmp_path, use_cache=True, cache_path=cache_path)
        try:
            await llm.ask(templates.load("yesno"), Answer, question="A")
            await llm.ask(templates.load("yesno"), Answer, question="A")  # hit
            await llm.ask(templates.load("yesno"), Answer, question="B")  # other variables
            await llm.ask(templates.load("yesno"), Count, question="A")  # other response model
        finally:
            await llm.aclose()
        other = make_llm(server, tmp_path, use_cache=True, cache_path=cache_path, max_tokens=100)
        try:
            await other.ask(templates.load("yesno"), Answer, question="A")  # other params
        finally:
            await other.aclose()

    run(go())
    assert len(server.requests) == 4
    (tmp_path / "prompts" / "yesno.md").write_text(PROMPT_TEXT.replace("yes or no", "yes/no"))
    run(ask_once(make_llm(server, tmp_path, use_cache=True, cache_path=cache_path), question="A"))
    assert len(server.requests) == 5  # edited prompt file


def test_cache_refuses_api_key_and_is_thread_safe(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "t.sqlite")
    with pytest.raises(CacheError):
        cache.put("k", {"oops": f"Bearer {SENTINEL}"})

    def worker(n: int) -> None:
        for i in range(50):
            cache.put(f"{n}-{i}", {"v": i})
            assert cache.get(f"{n}-{i}") == {"v": i}

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(cache) == 300 and cache.get("missing") is None
    cache.close()


def _cache_writer(path: str, n: int) -> None:
    with Cache(path) as cache:
        for i in range(100):
            cache.put(f"{n}-{i}", {"v": i, "writer": n})


def test_cache_is_safe_across_processes(tmp_path: Path) -> None:
    import multiprocessing

    path = str(tmp_path / "mp.sqlite")
    Cache(path).close()
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_cache_writer, args=(path, n)) for n in range(4)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(30)
        assert proc.exitcode == 0
    with Cache(path) as cache:
        assert len(cache) == 400 and cache.get("3-99") == {"v": 99, "writer": 3}


def test_cache_default_path_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from summarizer.cache import default_cache_path

    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path / "x.sqlite"))
    assert default_cache_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("SUMMARIZER_CACHE")
    assert default_cache_path() == Path.home() / ".cache" / "summarizer" / "cache.sqlite"


# ---------------------------------------------------------------------------------------- budget / concurrency
def test_budget_refuses_before_sending(server: FakeOpenAI, tmp_path: Path) -> None:
    server.default = tool({"label": "yes"}, prompt_tokens=50, completion_tokens=10)
    llm = make_llm(server, tmp_path, token_budget=1000, max_tokens=100)

    async def go() -> None:
        try:
            with llm.document():
                for i in range(100):
                    await llm.ask(templates.load("yesno"), Answer, question=f"q{i}")
        finally:
            await llm.aclose()

    with pytest.raises(BudgetExceeded) as info:
        run(go())
    assert "token budget exceeded" in str(info.value)
    assert llm.usage.prompt_tokens + llm.usage.completion_tokens <= 1000
    sent = len(server.requests)
    assert 1 <= sent < 100


def test_document_scopes_are_separate(server: FakeOpenAI, tmp_path: Path) -> None:
    server.default = tool({"label": "yes"}, prompt_tokens=5, completion_tokens=1)
    llm = make_llm(server, tmp_path)

    async def doc(n: int) -> int:
        with llm.document() as usage:
            await asyncio.gather(*(llm.ask(templates.load("yesno"), Answer, question=f"{n}-{i}") for i in range(n)))
            return usage.calls

    async def go() -> list[int]:
        try:
            return list(await asyncio.gather(doc(2), doc(3)))
        finally:
            await llm.aclose()

    assert run(go()) == [2, 3]
    assert llm.usage.calls == 5 and llm.usage.prompt_tokens == 25


def test_concurrency_is_bounded(server: FakeOpenAI, tmp_path: Path) -> None:
    server.default = tool({"label": "yes"}, delay=0.2)
    llm = make_llm(server, tmp_path, concurrency=2)

    async def go() -> None:
        try:
            await asyncio.gather(*(llm.ask(templates.load("yesno"), Answer, question=str(i)) for i in range(6)))
        finally:
            await llm.aclose()

    run(go())
    assert len(server.requests) == 6 and server.max_in_flight == 2


# ---------------------------------------------------------------------------------------- secrets / provenance
def test_no_key_in_config_repr_or_describe(server: FakeOpenAI, tmp_path: Path) -> None:
    llm = make_llm(server, tmp_path)
    dumped = llm.config.model_dump_json() + repr(llm.config) + repr(llm) + json.dumps(llm.describe())
    assert SENTINEL not in dumped
    assert llm.describe() == {
        "backend": "openai",
        "model": "fake-model",
        "endpoint": server.base_url,
        "mode": "tools",
    }
    assert llm.model_name == "fake-model"
    with pytest.raises(ValueError, match="credentials"):
        LLMConfig(base_url="https://user:secret@example.com/v1")
    query = make_llm(server, tmp_path, base_url="https://example.com/v1?api-key=abc")
    assert query.describe()["endpoint"] == "https://example.com/v1"


def test_missing_key_is_a_clear_error(server: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    with pytest.raises(LLMError, match="OPENAI_API_KEY is not set"):
        run(ask_once(make_llm(server, tmp_path)))
    assert server.requests == []


# ---------------------------------------------------------------------------------------- prompts
def test_prompt_load_and_render(tmp_path: Path) -> None:
    prompt = templates.load("yesno")
    assert (prompt.name, prompt.version, prompt.label) == ("yesno", "3", "yesno@3")
    assert prompt.variables == frozenset({"question"})
    assert len(prompt.sha256) == 64
    assert prompt.render(question="a {brace} b") == [
        {"role": "system", "content": "You answer yes or no."},
        {"role": "user", "content": "Question: a {brace} b"},
    ]
    with pytest.raises(templates.PromptError, match="needs variable 'question'"):
        prompt.render(other="x")
    with pytest.raises(templates.PromptError):
        templates.load("../etc/passwd")
    with pytest.raises(templates.PromptError, match="does not exist"):
        templates.load("nope")


def test_prompt_file_errors(tmp_path: Path) -> None:
    with pytest.raises(templates.PromptError, match="front matter"):
        templates.parse("# user\nhi")
    with pytest.raises(templates.PromptError, match="version"):
        templates.parse("---\nname: a\n---\n# user\nhi")
    with pytest.raises(templates.PromptError, match="# user"):
        templates.parse("---\nname: a\nversion: 1\n---\n# system\nhi")
    with pytest.raises(templates.PromptError, match="literal braces"):
        templates.parse("---\nname: a\nversion: 1\n---\n# user\n{ broken")
    (tmp_path / "prompts" / "other.md").write_text("---\nname: different\nversion: 1\n---\n# user\nhi")
    with pytest.raises(templates.PromptError, match="file name says"):
        templates.load("other")
    no_system = templates.parse('---\nname: a\nversion: 1\n---\n# user\nJSON like {{"a": 1}} for {x}')
    assert no_system.render(x="y") == [{"role": "user", "content": 'JSON like {"a": 1} for y'}]
    with pytest.raises(templates.PromptError, match="go together"):
        templates.parse("---\nname: a\nversion: 1\n---\n# example\nQ\n# user\nhi")


def test_a_worked_exchange_comes_between_the_instructions_and_the_question() -> None:
    text = (
        '---\nname: a\nversion: 1\n---\n# system\nRead.\n# example\nPassage: x\n# answer\n{"n": 1}\n'
        "# user\nPassage: {p}"
    )
    assert templates.parse(text).render(p="{y}") == [
        {"role": "system", "content": "Read."},
        {"role": "user", "content": "Passage: x"},
        {"role": "assistant", "content": '{"n": 1}'},  # literal: no doubled braces needed
        {"role": "user", "content": "Passage: {y}"},
    ]


def test_repo_prompts_parse() -> None:
    os.environ.pop("SUMMARIZER_PROMPTS")
    names = templates.list_prompts()
    asked = {p for strategy in extract.STRATEGIES.values() for p in strategy.prompts}
    assert asked <= set(names)  # every question the model backends ask has its file
    for name in names:
        assert templates.load(name).name == name
