"""Embedded model: run SmolLM2-135M-Instruct behind llama.cpp's OpenAI-compatible server on loopback.

Why a subprocess server instead of calling ``llama_cpp.Llama`` in-process: the local backend then uses
exactly the same ``openai`` + ``instructor`` code path (retries, usage, cache keys) as a hosted model,
a crash in native code cannot take the tool down, and llama.cpp's grammar-constrained tool calls make
a 135M model return schema-valid objects.

The server is started only when :class:`summarizer.llm.LLM` makes its first uncached call, so a fully
cached re-run starts no process. Whatever happens (exception, Ctrl-C, interpreter exit), the process is
terminated: ``stop()`` runs from ``__exit__``/``__aexit__``, from an ``atexit`` hook, and on Linux the
child also gets ``PR_SET_PDEATHSIG`` so it dies with a killed parent.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from .errors import SummarizerError
from .weights import DEFAULT_MODEL, WeightsError, resolve

__all__ = [
    "DEFAULT_ALIAS",
    "INSTALL_HINT",
    "PORTABLE_REINSTALL",
    "LocalServer",
    "LocalServerCrashed",
    "LocalServerError",
    "find_gguf",
    "local_backend_available",
]

INSTALL_HINT = "the local backend needs: pip install 'summarizer[local]'"
# llama.cpp's default build targets the build host's CPU (-march=native, AMX tiles on recent Xeons); such a
# library dies on the first completion on a CPU or VM that lacks or hides one of those features.
PORTABLE_CMAKE_ARGS = "-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
PORTABLE_REINSTALL = (
    f'CMAKE_ARGS="{PORTABLE_CMAKE_ARGS}" pip install --no-cache-dir --force-reinstall --no-deps llama-cpp-python'
)
# Signals that, at the first completion, mean compiled-in CPU instructions this machine will not run.
_CPU_FEATURE_SIGNALS = {signal.SIGSEGV, signal.SIGILL}
DEFAULT_ALIAS = DEFAULT_MODEL
# Names the llama_cpp server reads from the environment (pydantic-settings, case-insensitive, and
# uvicorn's HOST/PORT) that would silently override our command line; plus secrets the child never needs.
_SCRUBBED_ENV = {
    "HOST",
    "PORT",
    "MODEL",
    "MODEL_ALIAS",
    "CONFIG_FILE",
    "API_KEY",
    "N_CTX",
    "N_THREADS",
    "N_THREADS_BATCH",
    "N_BATCH",
    "CHAT_FORMAT",
    "VERBOSE",
    "SSL_KEYFILE",
    "SSL_CERTFILE",
    "ROOT_PATH",
}
_SECRET_MARKERS = ("API_KEY", "SECRET", "TOKEN", "PASSWORD")


class LocalServerError(SummarizerError, RuntimeError):
    """The embedded server cannot be found, started, or reached."""


def local_backend_available() -> bool:
    """True when llama-cpp-python with its server extra is importable (checked without importing it)."""
    return all(importlib.util.find_spec(mod) is not None for mod in ("llama_cpp", "uvicorn", "fastapi"))


def find_gguf(explicit: str | os.PathLike[str] | None = None, model: str | None = None) -> Path:
    """The model file: an explicit path, else the catalogued model (default SmolLM2), verified by its pin."""
    if explicit is not None:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise LocalServerError(f"model file not found: {path}")
        return path
    try:
        return resolve(model or DEFAULT_MODEL)
    except WeightsError as exc:
        raise LocalServerError(str(exc)) from None


def _free_port(host: str) -> int:
    """Ask the OS for an unused port; a race with another process is handled by retrying start-up."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _child_env() -> dict[str, str]:
    env = {}
    for key, value in os.environ.items():
        upper = key.upper()
        if upper in _SCRUBBED_ENV or any(marker in upper for marker in _SECRET_MARKERS):
            continue
        env[key] = value
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _die_with_parent() -> Any:
    """A ``preexec_fn`` asking Linux to SIGKILL the child when we die, so no orphan keeps the port, RAM and cores.

    Not SIGTERM: the server shuts down gracefully on it, which means finishing the completion in flight, minutes of
    both cores for an answer nobody will read (seen when a run was killed mid-chunk). The server holds no state
    worth saving."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1

    def _preexec() -> None:
        prctl(pr_set_pdeathsig, signal.SIGKILL)

    return _preexec


class LocalServer:
    """Lifecycle of one ``python -m llama_cpp.server`` process on 127.0.0.1.

    Use as ``with LocalServer() as base_url:`` (or ``async with``), or call :meth:`start`/:meth:`stop`.
    Defaults suit a 135M model on 2 cores: a 2048-token context is plenty for one narrow question and
    ``logits_all`` is off because nothing here needs per-token logits.

    One thread by default, measured on the 2-core box: idle, 2 threads answer a narrow question in
    ~0.3-0.5 s and 1 thread in ~0.5-0.6 s; but with anything else busy (tests, a second run, the
    grounding step) llama.cpp's spinning worker threads collapse to 5-45 s per question with 2
    threads, while 1 thread stays at ~1-1.5 s. Pass ``n_threads=2`` on a dedicated machine.
    """

    def __init__(
        self,
        model_path: str | os.PathLike[str] | None = None,
        *,
        n_ctx: int = 2048,
        n_threads: int | None = None,
        chat_format: str | None = None,
        model_alias: str = DEFAULT_ALIAS,
        host: str = "127.0.0.1",
        port: int | None = None,
        startup_timeout: float = 120.0,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.model_path = find_gguf(model_path)
        self.n_ctx = n_ctx
        self.n_threads = n_threads or 1
        self.chat_format = chat_format
        self.model_alias = model_alias
        self.host = host
        self.port = port
        self.startup_timeout = startup_timeout
        self.extra_args = tuple(extra_args)
        self.startup_seconds: float | None = None
        self.warm_up_seconds: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._base_url: str | None = None

    @property
    def base_url(self) -> str:
        """OpenAI-style base URL (``http://127.0.0.1:N/v1``) of the running server."""
        if self._base_url is None or not self.running:
            raise LocalServerError("local server is not running")
        return self._base_url

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _command(self, port: int) -> list[str]:
        cmd = [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(self.model_path),
            "--model_alias",
            self.model_alias,
            "--host",
            self.host,
            "--port",
            str(port),
            "--n_ctx",
            str(self.n_ctx),
            "--n_threads",
            str(self.n_threads),
            "--n_threads_batch",
            str(self.n_threads),
            "--logits_all",
            "False",
            "--interrupt_requests",
            "False",
        ]
        if self.chat_format:
            cmd += ["--chat_format", self.chat_format]
        return cmd + list(self.extra_args)

    def start(self) -> str:
        """Start the server and block until a one-token completion succeeds; returns the base URL."""
        if self.running:
            return self.base_url
        self._check_installed()
        last_error: LocalServerError | None = None
        for _ in range(3):  # a port grabbed between _free_port() and bind() is worth another try
            port = self.port or _free_port(self.host)
            began = self._spawn(port)
            try:
                return self._wait_ready(port, began)
            except _PortInUse as exc:
                last_error = LocalServerError(str(exc))
                if self.port:
                    break
            except BaseException:
                self.stop()
                raise
        raise last_error or LocalServerError("local server did not start")

    async def astart(self) -> str:
        """Async :meth:`start`: spawns from the calling (event-loop) thread, waits in a worker thread.

        Spawning from the caller's thread matters because Linux delivers the parent-death signal when
        the *thread* that forked the child exits; a short-lived worker thread would kill the server.
        """
        if self.running:
            return self.base_url
        self._check_installed()
        last_error: LocalServerError | None = None
        for _ in range(3):
            port = self.port or _free_port(self.host)
            began = self._spawn(port)
            try:
                return await asyncio.to_thread(self._wait_ready, port, began)
            except _PortInUse as exc:
                last_error = LocalServerError(str(exc))
                if self.port:
                    break
            except BaseException:  # includes cancellation and Ctrl-C: never leave the process behind
                self.stop()
                raise
        raise last_error or LocalServerError("local server did not start")

    @staticmethod
    def _check_installed() -> None:
        if not local_backend_available():
            raise LocalServerError(INSTALL_HINT)

    def _spawn(self, port: int) -> float:
        began = time.monotonic()
        self._log = tempfile.TemporaryFile(prefix="summarizer-llama-")  # noqa: SIM115 - lives as long as the server
        self._proc = subprocess.Popen(
            self._command(port),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=_child_env(),
            start_new_session=True,  # Ctrl-C reaches us, and we stop the child in order
            preexec_fn=_die_with_parent(),  # only calls prctl: safe even with threads
        )
        atexit.register(self.stop)
        return began

    def _wait_ready(self, port: int, began: float) -> str:
        base_url = f"http://{self.host}:{port}/v1"
        deadline = began + self.startup_timeout
        while True:
            proc = self._proc
            if proc is None:
                raise LocalServerError("local server was stopped while starting")
            code = proc.poll()
            if code is not None:
                self._raise_exited(code, port, "while loading the model")
            if _answers(f"{base_url}/models"):
                break
            self._check_deadline(deadline)
            time.sleep(0.1)
        self._warm_up(base_url, deadline)
        self._base_url = base_url
        self.startup_seconds = time.monotonic() - began
        return base_url

    def _warm_up(self, base_url: str, deadline: float) -> None:
        """Ready means a one-token completion succeeded, not merely that ``/v1/models`` answers.

        A llama.cpp built for CPU features this machine lacks loads the model and lists it, then dies at
        the first matrix multiplication; only a real completion finds that out before work is sent.
        """
        began = time.monotonic()
        self.warm_up_seconds = None
        while True:
            proc = self._proc
            if proc is None:
                raise LocalServerError("local server was stopped while starting")
            status = _complete_one_token(base_url, max(1.0, deadline - time.monotonic()))
            if status == 200:
                self.warm_up_seconds = time.monotonic() - began
                return
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=2.0)  # a crash closes the socket a moment before the exit code is known
            code = proc.poll()
            if code is not None:
                self._raise_exited(code, None, "at its first completion")
            self._check_deadline(deadline, f"first completion answered {status or 'nothing'}")
            time.sleep(0.2)

    def _check_deadline(self, deadline: float, detail: str | None = None) -> None:
        if time.monotonic() > deadline:
            tail = detail or _last_line(self._log_tail())
            self.stop()
            raise LocalServerError(f"local server not ready after {self.startup_timeout:.0f}s: {tail}")

    def _raise_exited(self, code: int, port: int | None, when: str) -> None:
        """One line naming why the process ended; a signal at start-up is fatal and never retried."""
        tail = self._log_tail()
        self._cleanup()
        if "No module named" in tail or "ModuleNotFoundError" in tail:
            raise LocalServerError(f"{INSTALL_HINT} ({_last_line(tail)})")
        if port is not None and "address already in use" in tail.lower():
            raise _PortInUse(f"port {port} on {self.host} is in use")
        if code < 0:
            sig = signal.Signals(-code)
            message = f"local model server was killed by {sig.name} {when}"
            if sig in _CPU_FEATURE_SIGNALS:
                message += (
                    ": llama.cpp was likely built for CPU features this machine lacks or hides (AMX or AVX-512"
                    f" in a VM); rebuild it portably: {PORTABLE_REINSTALL}"
                )
            raise LocalServerCrashed(message)
        raise LocalServerError(f"local server exited with code {code} {when}: {_last_line(tail)}")

    def _log_tail(self, size: int = 4000) -> str:
        if self._log is None:
            return ""
        try:
            self._log.flush()
            end = self._log.seek(0, os.SEEK_END)
            self._log.seek(max(0, end - size))
            return self._log.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    def log_text(self) -> str:
        """The server's recent output, for diagnosing a failed question."""
        return self._log_tail()

    def stop(self, timeout: float = 5.0) -> None:
        """Terminate (then kill) the process; idempotent and safe to call from ``atexit``."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                proc.terminate()
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                proc.wait(timeout=timeout)
        self._cleanup()
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)

    def _cleanup(self) -> None:
        if self._log is not None:
            with contextlib.suppress(OSError):
                self._log.close()
        self._log = None
        self._proc = None
        self._base_url = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    async def __aenter__(self) -> str:
        return await self.astart()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # Stopping is quick and must happen even if the task is being cancelled, so do it inline.
        self.stop()

    def __repr__(self) -> str:
        state = f"running at {self._base_url}" if self.running else "stopped"
        return f"LocalServer({self.model_path.name!r}, {state})"


class _PortInUse(LocalServerError):
    pass


class LocalServerCrashed(LocalServerError):
    """The server died from a signal while starting: the build or the model is at fault, so retrying cannot help."""


_NO_PROXY_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback must not go via a proxy


def _answers(url: str) -> bool:
    try:
        with _NO_PROXY_OPENER.open(url, timeout=2.0) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _complete_one_token(base_url: str, timeout: float) -> int | None:
    """POST a one-token completion; the HTTP status, or None when the connection failed or was cut."""
    body = json.dumps({"prompt": "Hello", "max_tokens": 1, "temperature": 0}).encode()
    request = urllib.request.Request(
        f"{base_url}/completions", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with _NO_PROXY_OPENER.open(request, timeout=timeout) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no output"
