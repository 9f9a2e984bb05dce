"""The connection to a model: the openai + instructor client and, for the local backend, the server behind it.

Nothing is created until the first uncached question needs it: a fully cached re-run neither reads the API
key nor starts llama.cpp, and does not even import the providers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from .config import ENV_BASE_URL, credential_free
from .failures import LLMError

if TYPE_CHECKING:
    import instructor
    import openai

    from ..local import LocalServer
    from .config import LLMConfig

__all__ = ["DEFAULT_OPENAI_URL", "Connection"]

log = logging.getLogger(__package__)

DEFAULT_OPENAI_URL = "https://api.openai.com/v1"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class Connection:
    """The client of one :class:`~summarizer.llm.LLM`, created on first need and recreated if its server died."""

    def __init__(self, config: LLMConfig, client: openai.OpenAI | openai.AsyncOpenAI | None = None) -> None:
        self.config = config
        self._given = client  # the caller's: used, never closed
        self._server: LocalServer | None = None
        self._start_failure: LLMError | None = None
        self._openai: openai.AsyncOpenAI | None = None
        self._instructor: instructor.AsyncInstructor | None = None
        self._init_lock: asyncio.Lock | None = None
        self._gguf: Path | None = None

    @property
    def server(self) -> LocalServer | None:
        """The running local server (local backend, after the first uncached call), else None."""
        return self._server

    @property
    def server_exited(self) -> bool:
        """The local server was started and has died since (OOM, crash): a retry will start a new one."""
        return self._server is not None and not self._server.running

    def endpoint(self) -> str:
        """A stable, credential-free name of where requests go (the local server's port is not stable)."""
        if self.config.backend == "local":
            gguf = self.local_model_path()
            return f"local:{gguf.name}:{gguf.stat().st_size}:{self.config.chat_format or 'gguf-template'}"
        given = str(self._given.base_url) if self._given is not None else None
        url = given or self.config.base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_OPENAI_URL
        return _strip_credentials(url)

    def local_model_path(self) -> Path:
        """The GGUF file the local server loads, found once."""
        if self._gguf is None:
            from ..local import LocalServerError, find_gguf

            try:
                self._gguf = find_gguf(self.config.model_path, self.config.model_name)
            except LocalServerError as exc:
                raise LLMError(str(exc), kind="local_server") from None
        return self._gguf

    async def get(self) -> instructor.AsyncInstructor:
        """The instructor client; reads the key, or starts the local server, on first need only."""
        if self._init_lock is None:
            self._init_lock = asyncio.Lock()
        async with self._init_lock:
            if self._start_failure is not None:
                raise self._start_failure
            if self._instructor is not None:
                if self._server is None or self._server.running:
                    return self._instructor
                # the local server died (OOM, crash): start a fresh one for this question
                log.warning("local model server exited; restarting it")
                await self._close_client()
                self._server.stop()
                self._server = None
            import instructor
            import openai

            mode = instructor.Mode[self.config.output_mode.upper()]
            if self._given is not None:
                self._instructor = instructor.from_openai(self._adopt(self._given), mode=mode)
                return self._instructor
            if self.config.backend == "local":
                base_url: str | None = await self._start_server()
                api_key = "local"
            else:
                api_key = os.environ.get("OPENAI_API_KEY", "")
                if not api_key:
                    raise LLMError("OPENAI_API_KEY is not set (needed for uncached calls)", kind="auth")
                base_url = self.config.base_url or os.environ.get(ENV_BASE_URL) or None
                try:  # the environment's URL was not validated with the config
                    credential_free(base_url or "", ENV_BASE_URL)
                except ValueError as exc:
                    raise LLMError(str(exc), kind="config") from None
            from .http import BoundedHttpClient

            loopback = bool(base_url) and (urlsplit(base_url).hostname or "") in _LOOPBACK
            http_client = BoundedHttpClient(
                deadline=self.config.request_timeout,
                max_bytes=self.config.max_response_bytes,
                trust_env=not loopback,  # loopback never via a proxy
            )
            self._openai = openai.AsyncOpenAI(
                api_key=api_key,
                base_url=base_url,
                timeout=self.config.request_timeout,
                max_retries=0,  # transport retries are ours: one policy, counted, logged without bodies
                http_client=http_client,
            )
            self._instructor = instructor.from_openai(self._openai, mode=mode)
            return self._instructor

    def _adopt(self, client: openai.OpenAI | openai.AsyncOpenAI) -> openai.AsyncOpenAI:
        """The caller's client, made async and without SDK retries (ours are counted and logged).

        ``with_options`` shares the caller's connection pool, so that copy is never closed here; the async twin
        of a sync client (same key, endpoint, organization, project and timeout) is ours to close.
        """
        import openai

        if isinstance(client, openai.AsyncOpenAI):
            return client.with_options(max_retries=0)
        if isinstance(client, openai.OpenAI):
            self._openai = openai.AsyncOpenAI(
                api_key=client.api_key,
                organization=client.organization,
                project=client.project,
                base_url=client.base_url,
                timeout=client.timeout,
                max_retries=0,
            )
            return self._openai
        raise TypeError(f"client must be an openai.OpenAI or openai.AsyncOpenAI, not {type(client).__name__}")

    async def _start_server(self) -> str:
        """Start llama.cpp's server; a start that fails once is remembered, it would fail the same way again."""
        from ..local import LocalServer, LocalServerError

        server = LocalServer(
            self.local_model_path(),
            n_ctx=self.config.n_ctx,
            n_threads=self.config.server_threads,
            chat_format=self.config.chat_format,
            model_alias=self.config.model_name,
            startup_timeout=self.config.startup_timeout,
        )
        self._server = server  # before starting, so aclose() stops it even mid-start
        try:
            base_url = await server.astart()
        except LocalServerError as exc:
            self._server = None
            self._start_failure = LLMError(str(exc), kind="local_server")
            raise self._start_failure from None
        log.info("local model server ready at %s in %.1fs", base_url, server.startup_seconds or 0.0)
        return base_url

    async def _close_client(self) -> None:
        if self._openai is not None:
            with contextlib.suppress(Exception):
                await self._openai.close()
        self._openai = None
        self._instructor = None

    async def aclose(self) -> None:
        """Close the HTTP client and stop the local server (if started)."""
        await self._close_client()
        if self._server is not None:
            self._server.stop()
            self._server = None


def _strip_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))
