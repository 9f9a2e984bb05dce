"""A real, deliberately misbehaving OpenAI-compatible HTTP server on loopback, for retry/usage tests.

Mocks of the SDK would test our assumptions about the SDK; a socket-level server tests what the SDK
and instructor actually do with 429s, hangs, broken bodies and truncated answers.

Each POST /v1/chat/completions pops the next scripted :class:`Reply` (or uses ``default``) and every
request is recorded (body, headers, arrival time) so tests can assert what was, and was not, sent.
"""

from __future__ import annotations

import json
import select
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# Text that only ever appears in the server's *error* bodies: if it shows up in a later request body,
# an API error was fed back to the model as prompt text.
ERROR_MARKER = "FAKE-SERVER-ERROR-TEXT"


@dataclass
class Reply:
    """One scripted behaviour."""

    kind: str  # "tool", "status", "hang", "malformed", "text", "length", "reset", "trickle", "huge"
    args: dict[str, Any] | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    prompt_tokens: int = 11
    completion_tokens: int = 7
    echo_auth: bool = False


def tool(args: dict[str, Any], *, prompt_tokens: int = 11, completion_tokens: int = 7, delay: float = 0.0) -> Reply:
    """A tool-call answer (what instructor's TOOLS mode expects) with the given arguments."""
    return Reply("tool", args=args, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens, delay=delay)


def status(code: int, *, headers: dict[str, str] | None = None, echo_auth: bool = False) -> Reply:
    """An error status with an OpenAI-style error body containing ERROR_MARKER (and maybe the key)."""
    return Reply("status", status=code, headers=headers or {}, echo_auth=echo_auth)


def hang(seconds: float) -> Reply:
    """Answer nothing for ``seconds`` (longer than the client timeout), then a valid-looking reply."""
    return Reply("hang", delay=seconds)


def malformed() -> Reply:
    """HTTP 200, JSON content type, body cut off mid-object."""
    return Reply("malformed")


def length(args_prefix: str = '{"label": "thr', *, finish: str = "length") -> Reply:
    """Tool arguments cut off by max_tokens (16), reported as ``finish`` (llama.cpp says "tool_calls")."""
    return Reply("length", args={"_raw": args_prefix, "_finish": finish}, completion_tokens=16)


def trickle(per_second: int = 1) -> Reply:
    """A valid answer sent ``per_second`` bytes a second: every read succeeds, the request never ends in time."""
    return Reply("trickle", args={"_rate": per_second})


def huge(megabytes: int) -> Reply:
    """HTTP 200 with a body of ``megabytes`` MB of JSON whitespace before a valid answer, sent as fast as it goes."""
    return Reply("huge", args={"_mb": megabytes})


def reset() -> Reply:
    """Read the request, then drop the connection with a TCP reset (no status line, no body)."""
    return Reply("reset")


NONCOMMITTAL = {
    "TypeAnswer": {"statement_type": "assessment"},
    "TargetAnswer": {"target": None},
    "RoleAnswer": {"role": None},
    "SpeakerAnswer": {"speaker": None, "role": None},
    "ChunkReading": {"statements": [], "sanctions": []},
    "Listed": {"targets": []},
}


def noncommittal(body: dict[str, Any]) -> Reply:
    """A valid answer to whichever question the openai backend asked, adding nothing: for runs that need the
    model path to work end to end, not to contribute (use as ``FakeOpenAI(responder=noncommittal)``)."""
    return tool(NONCOMMITTAL[body["tools"][0]["function"]["name"]])


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 overflows under a burst of reconnects (after resets and timeouts): the kernel
    # drops the SYN, the client's connect times out, and a request is counted that the server never saw.
    request_queue_size = 128
    daemon_threads = True


class FakeOpenAI:
    """Threaded HTTP server on 127.0.0.1:<random port>; use as a context manager."""

    def __init__(
        self, default: Reply | None = None, responder: Callable[[dict[str, Any]], Reply] | None = None
    ) -> None:
        self.script: list[Reply] = []
        self.default = default
        # Chooses a reply from the request body once the script is used up (e.g. by the tool asked for);
        # called outside the lock, from the handler thread, so it must be thread-safe itself.
        self.responder = responder
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.hangups: list[float] = []  # when a trickled answer ended: the client hung up (or the server stopped)
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-openai", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def push(self, *replies: Reply) -> None:
        with self._lock:
            self.script.extend(replies)

    def bodies(self) -> list[str]:
        return [r["raw"] for r in self.requests]

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()  # wake hanging handlers so shutdown is quick
        self._server.shutdown()
        self._server.server_close()

    # ------------------------------------------------------------------ request handling
    def _next(self, body: dict[str, Any] | None = None) -> Reply:
        with self._lock:
            if self.script:
                return self.script.pop(0)
        if self.responder is not None:
            return self.responder(body or {})
        if self.default is None:
            return status(500)
        return self.default

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # silence stderr
                return

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length_header = int(self.headers.get("content-length", "0"))
                raw = self.rfile.read(length_header).decode("utf-8", "replace")
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = None
                with fake._lock:
                    fake.requests.append(
                        {
                            "raw": raw,
                            "body": body,
                            "headers": {k.lower(): v for k, v in self.headers.items()},
                            "time": time.monotonic(),
                        }
                    )
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    self._reply(fake._next(body), body or {})
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): expected in hang tests
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

            def _reply(self, reply: Reply, body: dict[str, Any]) -> None:
                if reply.delay:
                    fake._release.wait(reply.delay)
                if reply.kind == "reset":
                    # SO_LINGER 0 makes close() send RST; the read buffer holds the socket's last file ref.
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    self.rfile.close()
                    self.connection.close()
                elif reply.kind == "status":
                    message = f"{ERROR_MARKER} status {reply.status}"
                    if reply.echo_auth:
                        message += f" you sent {self.headers.get('authorization', '')}"
                    self._send(reply.status, {"error": {"message": message, "type": "fake"}}, reply.headers)
                elif reply.kind == "trickle":
                    self._trickle(_completion(body, {"label": "yes"}, "tool_calls", reply), (reply.args or {})["_rate"])
                elif reply.kind == "huge":
                    data = json.dumps(_completion(body, {"label": "yes"}, "tool_calls", reply)).encode()
                    padding = b" " * (1024 * 1024)
                    megabytes = (reply.args or {})["_mb"]
                    self.send_response(200)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(megabytes * len(padding) + len(data)))
                    self.end_headers()
                    for _ in range(megabytes):
                        self.wfile.write(padding)
                    self.wfile.write(data)
                elif reply.kind == "malformed":
                    self._send_raw(200, b'{"id": "chatcmpl-x", "object": "chat.completion", "choices": [{"ind')
                elif reply.kind in ("tool", "hang"):
                    self._send(200, _completion(body, reply.args or {"label": "yes"}, "tool_calls", reply))
                elif reply.kind == "length":
                    args = reply.args or {}
                    self._send(200, _completion(body, args.get("_raw", "{"), args.get("_finish", "length"), reply))
                else:
                    self._send(500, {"error": {"message": f"{ERROR_MARKER} unknown script"}})

            def _send(self, code: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(code)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def _trickle(self, payload: dict[str, Any], rate: int) -> None:
                """Headers at once, then the body a few bytes a second; records when the client hung up."""
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.flush()
                try:
                    for i in range(0, len(data), rate):
                        self.wfile.write(data[i : i + rate])
                        self.wfile.flush()
                        # wait a second, or less if the client closes (its FIN makes the socket readable, with EOF)
                        readable, _, _ = select.select([self.connection], [], [], 1.0)
                        if fake._release.is_set() or (readable and not self.connection.recv(1, socket.MSG_PEEK)):
                            return
                finally:
                    with fake._lock:
                        fake.hangups.append(time.monotonic())

            def _send_raw(self, code: int, data: bytes) -> None:
                self.send_response(code)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _completion(body: dict[str, Any], args: dict[str, Any] | str, finish: str, reply: Reply) -> dict[str, Any]:
    """A chat.completion whose single choice calls the tool instructor asked for."""
    tools = body.get("tools") or [{"function": {"name": "Answer"}}]
    name = tools[0]["function"]["name"]
    arguments = args if isinstance(args, str) else json.dumps(args)
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "fake-model"),
        "choices": [
            {
                "index": 0,
                "finish_reason": finish,
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}
                    ],
                },
            }
        ],
        "usage": {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        },
    }
