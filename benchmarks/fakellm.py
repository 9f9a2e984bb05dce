"""A loopback OpenAI-compatible server that answers every tool call validly after a fixed delay.

Why not ``tests/fakeserver.py``: it replies with one scripted argument dict for every request, while a
bulletin asks four different questions (TypeAnswer, TargetAnswer, RoleAnswer, SpeakerAnswer) and each
answer must fit its own schema. This server builds the answer from the JSON schema instructor sends in
``tools`` (TOOLS mode), so it stays valid if a question model changes. It runs as a separate process
(``python -m benchmarks.fakellm``) so its CPU time is not charged to the client being measured, and it
stops by itself after ``--max-seconds``.

Answers: an enum field gets a value chosen by a hash of the prompt (stable across runs); a nullable
string gets null; a required string gets the first capitalised words of the prompt's last line. So no
speaker question adds a statement: the call count is what the rules' candidates dictate.
Usage reports prompt tokens as :meth:`benchmarks.tokens.Tokenizer.request` counts them.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.tokens import Tokenizer

ROOT = Path(__file__).resolve().parent.parent
_CAPITALISED = re.compile(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}")


class Stats:
    """What the server saw: request count, concurrency, busy span and tokens per question kind."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.first_arrival: float | None = None
        self.last_done: float | None = None
        self.busy = 0.0
        self.tools: dict[str, dict[str, int]] = {}

    def as_dict(self) -> dict[str, Any]:
        span = (self.last_done - self.first_arrival) if self.first_arrival and self.last_done else 0.0
        return {
            "requests": self.requests,
            "max_in_flight": self.max_in_flight,
            "span": span,
            "busy": self.busy,
            "mean_in_flight": self.busy / span if span else 0.0,
            "tools": self.tools,
        }


def answer(schema: dict[str, Any], prompt: str) -> dict[str, Any]:
    """A value for every property of ``schema`` that validates against it."""
    seed = int(hashlib.sha256(prompt.encode()).hexdigest()[:8], 16)
    required = set(schema.get("required") or [])
    out: dict[str, Any] = {}
    for name, prop in (schema.get("properties") or {}).items():
        out[name] = _value(prop, schema.get("$defs") or {}, seed, prompt, name in required)
    return out


def _value(prop: dict[str, Any], defs: dict[str, Any], seed: int, prompt: str, required: bool) -> Any:
    if "$ref" in prop:
        prop = defs.get(prop["$ref"].rsplit("/", 1)[-1], {})
    options = prop.get("anyOf") or [prop]
    if not required and any(o.get("type") == "null" for o in options):
        return None
    first = next((o for o in options if o.get("type") != "null"), prop)
    if "enum" in first:
        return first["enum"][seed % len(first["enum"])]
    kind = first.get("type")
    if kind == "array":
        return []
    if kind in ("integer", "number"):
        return max(0, int(first.get("minimum", 0)))
    if kind == "boolean":
        return False
    if kind == "object":
        return answer(first, prompt)
    words = _CAPITALISED.search(prompt.rsplit("\n", 1)[-1])
    return (words[0] if words else "Unknown")[: int(first.get("maxLength", 80))]


class Server:
    """HTTP/1.1 with keep-alive, just enough of the protocol for httpx and the OpenAI SDK."""

    def __init__(self, delay: float, tokenizer: Tokenizer) -> None:
        self.delay = delay
        self.tokenizer = tokenizer
        self.stats = Stats()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                method, path, body = request
                status, payload = await self.route(method, path, body)
                _write(writer, status, payload)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def route(self, method: str, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        if method == "GET" and path.rstrip("/").endswith("/models"):
            return 200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]}
        if path == "/stats":
            return 200, self.stats.as_dict()
        if path == "/reset":
            self.stats.reset()
            return 200, {"ok": True}
        if method == "POST" and path.endswith("/chat/completions"):
            return 200, await self.complete(json.loads(body or b"{}"))
        return 404, {"error": {"message": f"no route {method} {path}"}}

    async def complete(self, body: dict[str, Any]) -> dict[str, Any]:
        stats = self.stats
        began = time.monotonic()
        stats.requests += 1
        stats.in_flight += 1
        stats.max_in_flight = max(stats.max_in_flight, stats.in_flight)
        stats.first_arrival = stats.first_arrival or began
        try:
            await asyncio.sleep(self.delay)
            reply = self.reply(body)
        finally:
            stats.in_flight -= 1
            done = time.monotonic()
            stats.last_done = done
            stats.busy += done - began
        return reply

    def reply(self, body: dict[str, Any]) -> dict[str, Any]:
        tools = body.get("tools") or [{"function": {"name": "Answer", "parameters": {}}}]
        function = tools[0]["function"]
        messages = body.get("messages") or [{}]
        arguments = json.dumps(answer(function.get("parameters") or {}, str(messages[-1].get("content") or "")))
        prompt_tokens = self.tokenizer.request(body)
        completion_tokens = self.tokenizer.count(arguments)
        entry = self.stats.tools.setdefault(function["name"], {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0})
        entry["calls"] += 1
        entry["prompt_tokens"] += prompt_tokens
        entry["completion_tokens"] += completion_tokens
        call = {"id": "call_1", "type": "function", "function": {"name": function["name"], "arguments": arguments}}
        return {
            "id": "chatcmpl-bench",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake-model"),
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "tool_calls",
                    "message": {"role": "assistant", "content": None, "tool_calls": [call]},
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, str, bytes] | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    length = 0
    for line in lines[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == "content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return method, path, body


def _write(writer: asyncio.StreamWriter, status: int, payload: dict[str, Any]) -> None:
    data = json.dumps(payload).encode()
    reason = "OK" if status == 200 else "Not Found"
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {len(data)}\r\n"
        "connection: keep-alive\r\n\r\n"
    )
    writer.write(head.encode() + data)


async def serve(delay: float, port: int, max_seconds: float) -> None:
    """Serve on 127.0.0.1 until SIGTERM or ``max_seconds``; print the base URL once ready."""
    server = Server(delay, Tokenizer())
    listener = await asyncio.start_server(server.handle, "127.0.0.1", port, backlog=256)
    host, bound = listener.sockets[0].getsockname()[:2]
    print(f"READY http://{host}:{bound}/v1 tokenizer={server.tokenizer.name}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with listener:
        try:
            await asyncio.wait_for(stop.wait(), timeout=max_seconds)
        except TimeoutError:
            print("fakellm: --max-seconds reached, stopping", file=sys.stderr)


class Running:
    """The server as a child process: ``with Running(0.2) as fake: fake.base_url``; stopped on exit."""

    def __init__(self, delay: float, max_seconds: float = 1800.0) -> None:
        self.delay = delay
        self.max_seconds = max_seconds
        self.base_url = ""
        self.tokenizer = ""
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> Running:
        args = [sys.executable, "-m", "benchmarks.fakellm", "--delay", str(self.delay)]
        args += ["--max-seconds", str(self.max_seconds)]
        self._proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=_env())
        line = self._proc.stdout.readline() if self._proc.stdout else ""
        if not line.startswith("READY "):
            self.__exit__()
            raise RuntimeError(f"fake LLM server did not start: {line!r}")
        self.base_url, _, self.tokenizer = line.removeprefix("READY ").strip().partition(" tokenizer=")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None

    def _call(self, path: str, method: str = "GET") -> dict[str, Any]:
        root = self.base_url.removesuffix("/v1")
        request = urllib.request.Request(root + path, method=method, data=b"" if method == "POST" else None)
        with _NO_PROXY.open(request, timeout=10) as response:
            return dict(json.load(response))

    def stats(self) -> dict[str, Any]:
        return self._call("/stats")

    def reset(self) -> None:
        self._call("/reset", "POST")


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.2, help="Seconds before each completion is answered.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--max-seconds", type=float, default=1800.0, help="Stop by itself after this long.")
    args = parser.parse_args()
    asyncio.run(serve(args.delay, args.port, args.max_seconds))


if __name__ == "__main__":
    main()
