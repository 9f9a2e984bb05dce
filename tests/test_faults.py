"""Faults: a batch through the openai backend while tests/fakeserver.py misbehaves.

The server answers 429 storms with Retry-After, 500s, replies slower than the client timeout, replies trickled a
byte a second (every read in time, the request not), connection resets, truncated JSON, and, when it does answer,
answers that validate but name people who are not in the bulletin.
Every bulletin must end up either summarised (with every request it caused counted in its provenance, nothing the
liar said kept) or reported failed with the reason, and no question may cost more requests than the retry budget.

Every sentence of bulletin *k* carries the tag ``K<k>Z``, so each request the server sees is traced to its bulletin;
faults are drawn from a seeded RNG keyed by the request's messages and attempt number, so a run is reproducible
whatever order concurrent questions arrive in.

The storm runs through ``batch.run`` (what the CLI calls) so the back-off can be shortened too (the CLI sets the timeout
and retry count, not the back-off); the CLI test runs a smaller storm through ``--timeout`` and ``--max-retries``.
"""

from __future__ import annotations

import collections
import hashlib
import json
import random
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer import Summary, batch
from summarizer.llm import LLMConfig
from summarizer.results import load_results

from . import badinput
from .badinput import run_cli_timed
from .conftest import SENTINEL
from .fakeserver import FakeOpenAI, Reply, hang, malformed, reset, status, tool, trickle

TAG = re.compile(r"K(\d\d)Z")
LIAR = "Vladimir Putin"
LIAR_ROLE = "President of the Russian Federation"
ANSWERS: dict[str, dict[str, Any]] = {
    # Schema-valid, and wrong: names nobody in the bulletins, or a type the content does not support.
    "TypeAnswer": {"statement_type": "threaten"},
    "TargetAnswer": {"target": LIAR},
    "RoleAnswer": {"role": LIAR_ROLE},
    "SpeakerAnswer": {"speaker": LIAR, "role": LIAR_ROLE},
    "Listed": {"targets": [LIAR]},
    "ChunkReading": {
        "statements": [{"line": 1, "speaker": LIAR, "role": LIAR_ROLE, "cue": "said", "target": None}],
        "sanctions": [{"line": 1, "authority": LIAR, "action": "designate", "targets": [LIAR], "target_count": 1}],
    },
}
TIMEOUT = 0.5
MAX_RETRIES = 3
PROMPT_TOKENS = 100  # + the bulletin number, so tokens in a provenance can be traced to their bulletin


class Storm:
    """The server's behaviour: per-bulletin fault modes plus a seeded random storm, and a ledger of what it did."""

    def __init__(self, seed: int, always: dict[int, Reply], rate: float, faulty_attempts: int = 99) -> None:
        self.seed = seed
        self.always = always
        self.rate = rate
        self.faulty_attempts = faulty_attempts  # random faults only on a question's first attempts
        self.lock = threading.Lock()
        self.attempts: collections.Counter[str] = collections.Counter()  # per distinct message list
        self.questions: dict[int, set[str]] = collections.defaultdict(set)
        self.requests: collections.Counter[int] = collections.Counter()
        self.answered: collections.Counter[int] = collections.Counter()
        self.faults: collections.Counter[str] = collections.Counter()
        self.drawn = 0

    def __call__(self, body: dict[str, Any]) -> Reply:
        messages = json.dumps(body.get("messages"), sort_keys=True)
        digest = hashlib.sha256(messages.encode()).hexdigest()[:16]
        found = TAG.search(messages)
        assert found, "a request that names no bulletin"
        k = int(found[1])
        with self.lock:
            self.attempts[digest] += 1
            self.questions[k].add(digest)
            self.requests[k] += 1
            attempt = self.attempts[digest]
        rng = random.Random(f"{self.seed}:{digest}:{attempt}")
        reply = self.always.get(k)
        if reply is None and attempt <= self.faulty_attempts and rng.random() < self.rate:
            with self.lock:  # which requests fail is drawn; the kinds take turns, so a storm has every kind
                reply = STORM_KINDS[self.drawn % len(STORM_KINDS)]
                self.drawn += 1
        if reply is not None:
            with self.lock:
                self.faults[_fault_name(reply)] += 1
            return reply
        with self.lock:
            self.answered[k] += 1
        name = body["tools"][0]["function"]["name"]
        return tool(ANSWERS[name], prompt_tokens=PROMPT_TOKENS + k, completion_tokens=7)


STORM_KINDS = (
    status(429, headers={"retry-after": "0.05"}),
    status(500),
    hang(TIMEOUT * 4),
    reset(),
    malformed(),
    trickle(1),  # every read in time, the whole request not
    status(503),
)


def _fault_name(reply: Reply) -> str:
    return f"status {reply.status}" if reply.kind == "status" else reply.kind


REASONS = {
    "rate_limited": "HTTP 429 rate limited after",
    "server": "from the server after",
    "timeout": f"request timed out after {TIMEOUT:g}s after",
    "connection": "connection error after",
    "malformed": "malformed response body from the server after",
}


pytestmark = pytest.mark.usefixtures("openai_env")


def settings(server: FakeOpenAI) -> LLMConfig:
    return LLMConfig(
        backend="openai",
        model="fake-model",
        base_url=server.base_url,
        timeout=TIMEOUT,
        max_retries=MAX_RETRIES,
        max_reasks=1,
        backoff_initial=0.02,
        backoff_max=0.1,
        retry_after_max=0.2,
        use_cache=False,
        concurrency=8,
    )


def test_batch_through_a_fault_storm(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    count = 10
    paths = badinput.write_tagged(tmp_path / "in", count)
    always = {
        7: status(500),
        8: status(429, headers={"retry-after": "0.05"}),
        9: hang(TIMEOUT * 4),
    }
    storm = Storm(seed=2024, always=always, rate=1.0, faulty_attempts=1)  # every first attempt fails, kinds in turn
    out = tmp_path / "out"
    started = time.monotonic()
    with FakeOpenAI(responder=storm) as server:
        code = batch.run([str(p) for p in paths], out, "openai", settings(server), concurrency=4)
        seen = len(server.requests)
    seconds = time.monotonic() - started
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr and "never retrieved" not in stderr, stderr

    # Every bulletin is either done or reported failed, with the reason.
    done = {Path(s.bulletin.source or "").name: s for s in load_results(out)}
    failed = {}
    for line in stderr.splitlines():
        if line.startswith("failed: "):
            name = Path(line.split(": ", 2)[1]).name
            assert name not in failed, f"{name} reported twice"
            failed[name] = line
    assert set(done) | set(failed) == {p.name for p in paths}
    assert not set(done) & set(failed)
    assert code == (1 if failed else 0)
    assert f"{len(done)}/{count} bulletins summarised" in stderr
    for line in failed.values():
        assert "LLMError" in line and any(reason in line for reason in REASONS.values()), line
    assert "HTTP 500 from the server after 4 attempts" in failed["brief-07.txt"]
    assert "HTTP 429 rate limited after 4 attempts" in failed["brief-08.txt"]
    assert f"request timed out after {TIMEOUT:g}s after 4 attempts" in failed["brief-09.txt"]
    assert len(done) >= 4, "the storm should not sink every bulletin with this budget"

    # The retry budget: no question was sent more than 1 + MAX_RETRIES times, and the budget was used up somewhere.
    assert max(storm.attempts.values()) == MAX_RETRIES + 1
    assert seen == sum(storm.requests.values()) <= sum(len(q) for q in storm.questions.values()) * (MAX_RETRIES + 1)
    assert seconds < 60

    # Tokens: every request a finished bulletin caused is in its provenance, failed attempts included.
    for name, summary in done.items():
        k = int(name[6:8])
        usage = summary.provenance.usage
        assert usage.calls == storm.requests[k], name
        assert usage.retries == storm.requests[k] - len(storm.questions[k]), name
        assert usage.prompt_tokens == storm.answered[k] * (PROMPT_TOKENS + k), name
        assert usage.completion_tokens == storm.answered[k] * 7, name
        assert usage.cached_calls == 0

    # The liar: schema-valid answers naming people absent from the text are never reported.
    for summary in done.values():
        blob = summary.model_dump_json()
        assert LIAR not in blob and "Russian" not in blob
        questions = summary.provenance.questions
        assert questions["statements"].asked >= 1 and questions["statements"].accepted == 0
        assert questions["sanctions"].accepted == 0
        assert {s.speaker for s in summary.statements} <= {"Hossein Salami", "Abbas Mousavi", "Qasem Rezaei"}
    assert all(
        storm.faults[kind] > 0 for kind in ("status 429", "status 500", "hang", "reset", "malformed", "trickle")
    ), (
        storm.faults,
        storm.requests,
    )
    print(f"\n{seen} requests, faults injected: {dict(storm.faults)}; {len(done)} done, {len(failed)} failed")


def test_cli_batch_reports_failed_bulletins_and_keeps_the_rest(tmp_path: Path) -> None:
    """The real CLI with ``--timeout 1 --max-retries 2``: random faults (hangs included) on first attempts, one
    bulletin rate-limited for good (a 429 storm with Retry-After: 0), one whose every request hangs."""
    paths = badinput.write_tagged(tmp_path / "in", 4)
    always = {2: status(429, headers={"retry-after": "0"}), 3: hang(5)}
    storm = Storm(seed=7, always=always, rate=0.5, faulty_attempts=1)  # one retry each: the default back-off is 0.5s
    with FakeOpenAI(responder=storm) as server:
        started = time.monotonic()
        run = run_cli_timed(
            "summarize", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-b", "openai", "--no-cache",
            "--base-url", server.base_url, "--model", "fake-model", "--timeout", "1", "--max-retries", "2",
            timeout=120, env={"OPENAI_API_KEY": SENTINEL, "SUMMARIZER_CACHE": str(tmp_path / "c.sqlite")},
        )  # fmt: skip
        seconds = time.monotonic() - started
    stderr = run.stderr.decode()
    assert "Traceback" not in stderr and "never retrieved" not in stderr, stderr
    assert run.returncode == 1, stderr
    failed = [line for line in stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 2, stderr
    assert any(str(paths[2]) in line and "HTTP 429 rate limited after 3 attempts" in line for line in failed), failed
    assert any(str(paths[3]) in line and "request timed out after 1s after 3 attempts" in line for line in failed)
    assert "2/4 bulletins summarised" in stderr
    done = {Summary.model_validate_json(p.read_text()).bulletin.source for p in (tmp_path / "out").glob("[!.]*.json")}
    assert done == {str(paths[0]), str(paths[1])}
    assert max(storm.attempts.values()) == 3  # --max-retries 2, all used by the storms
    assert storm.faults["hang"] > 1
    assert seconds < 60
    print(f"\nCLI: {sum(storm.requests.values())} requests, faults injected: {dict(storm.faults)}")
