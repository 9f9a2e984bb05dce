"""The one door to a language model: ``openai`` SDK + ``instructor``, hosted or embedded, same code path.

What this layer guarantees to the extraction strategy built on top of it:

* ``await llm.ask(prompt, ResponseModel, **vars)`` returns a schema-valid ``ResponseModel`` or raises a
  one-line :class:`LLMError` (or :class:`BudgetExceeded`). Nothing else escapes, and no error text,
  log line, cache row or config dump contains the API key or a response body.
* Two separate retry loops, on purpose:

  - *transport* retries (429 honouring ``Retry-After``, 5xx, timeouts, connection errors, malformed
    bodies) are done here with tenacity, around instructor, re-sending the *same* messages;
  - *validation* re-asks (the model's output did not fit the schema) are instructor's ``max_retries``,
    which append the validation error to the conversation.

  instructor 1.17 (``instructor/v2/core/retry.py``) only re-asks on parse errors, but it retries
  *any* ``json.JSONDecodeError`` — including one raised by the SDK while reading a truncated HTTP body —
  and a future version could widen that. So we hand instructor our own ``AsyncRetrying`` whose
  predicate allows a re-ask only after a real completion arrived (tracked with instructor hooks);
  API errors are never turned into prompt text.
* ``finish_reason == "length"`` (instructor's ``IncompleteOutputException``) is a failure of its own
  ("output truncated"), never re-asked: re-asking a too-long answer at the same ``max_tokens`` just
  pays for the same truncation again.
* Every request is counted in :attr:`LLM.usage` (and the active :meth:`LLM.document` scope): failed
  and re-asked attempts included, because they cost tokens too.
* Answers are cached in SQLite keyed by everything that shapes them, so a re-run costs nothing and —
  for the local backend — does not even start the model server.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import hashlib
import json
import logging
import os
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic import ValidationError as PydanticValidationError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from summarizer import models
from summarizer.cache import Cache, CacheError
from summarizer.prompts import Prompt

from .errors import SummarizerError

if TYPE_CHECKING:  # the providers load on the first uncached question: a cached re-run never pays for them
    import instructor
    import openai

__all__ = ["LLM", "BudgetExceeded", "LLMConfig", "LLMError"]

log = logging.getLogger("summarizer.llm")

T = TypeVar("T", bound=BaseModel)

CACHE_FORMAT = 1  # bump when the cached value layout or key recipe changes
DEFAULT_MODELS = {"openai": "gpt-4o-mini", "local": "smollm2-135m-instruct"}
DEFAULT_OPENAI_URL = "https://api.openai.com/v1"
_RETRYABLE_STATUS = {408, 409, 429}
_CHARS_PER_TOKEN = 3  # deliberately low so the budget estimate errs on the safe (high) side


class LLMError(SummarizerError, RuntimeError):
    """A model call failed for good. The message is one line, names the cause, and carries no secrets."""

    def __init__(
        self,
        message: str,
        *,
        kind: str = "error",
        status: int | None = None,
        attempts: int = 0,
        prompt: str | None = None,
    ) -> None:
        message = _one_line(message)
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.attempts = attempts
        self.prompt = prompt


class BudgetExceeded(LLMError):
    """The document's token budget would be exceeded by the next request; no request was sent."""


class LLMConfig(BaseModel):
    """Everything that chooses and limits the model. Holds no credentials, so it is safe to dump/log.

    The API key is read from ``OPENAI_API_KEY`` when the client is created (first uncached call).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    backend: Literal["openai", "local"] = "openai"
    model: str | None = Field(default=None, description="Model name; default depends on the backend.")
    base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint; None = SDK default.")
    mode: Literal["tools", "json_schema", "json", "md_json"] = "tools"
    model_path: Path | None = Field(default=None, description="GGUF file for the local backend.")
    timeout: float = Field(default=60.0, gt=0, description="Seconds per HTTP request.")
    max_retries: int = Field(default=4, ge=0, description="Transport retries after the first attempt.")
    max_reasks: int = Field(default=1, ge=0, description="Validation re-asks after the first answer.")
    concurrency: int = Field(default=4, ge=1, description="Requests in flight at once.")
    max_tokens: int = Field(default=512, ge=1, description="Completion tokens per request.")
    temperature: float = Field(default=0.0, ge=0)
    token_budget: int | None = Field(default=None, ge=1, description="Prompt+completion tokens per document.")
    cache_path: Path | None = Field(default=None, description="None = $SUMMARIZER_CACHE or ~/.cache/...")
    use_cache: bool = True
    prices: dict[str, tuple[float, float]] = Field(
        default_factory=dict, description="{model: (USD per 1M prompt tokens, USD per 1M completion tokens)}"
    )
    backoff_initial: float = Field(default=0.5, ge=0, description="First transport back-off, seconds.")
    backoff_max: float = Field(default=20.0, ge=0, description="Longest exponential back-off, seconds.")
    retry_after_max: float = Field(default=60.0, ge=0, description="Cap on a server's Retry-After, seconds.")
    n_ctx: int = Field(default=2048, ge=256, description="Local server context size.")
    n_threads: int | None = Field(
        default=None, ge=1, description="Local server threads; None = 1 (robust when the CPU is shared)."
    )
    chat_format: str | None = Field(default=None, description="Local server chat format; None = GGUF template.")
    startup_timeout: float = Field(default=120.0, gt=0, description="Seconds to wait for the local server.")

    @field_validator("base_url")
    @classmethod
    def _no_credentials_in_url(cls, value: str | None) -> str | None:
        """Credentials in a URL would end up in dumps and provenance; they belong in the environment."""
        if value and urlsplit(value).password:
            raise ValueError("base_url must not contain credentials; set OPENAI_API_KEY instead")
        return value

    @model_validator(mode="after")
    def _local_mode(self) -> LLMConfig:
        """llama-cpp-python's server rejects instructor's JSON_SCHEMA requests; fail at config time."""
        if self.backend == "local" and self.mode == "json_schema":
            raise ValueError("the local backend does not support mode='json_schema'; use mode='tools'")
        return self

    @property
    def model_name(self) -> str:
        return self.model or DEFAULT_MODELS[self.backend]


@dataclass
class _Scope:
    """Usage and budget of one document (or of the whole LLM when no document scope is active)."""

    usage: models.Usage
    budget: int | None
    reserved: int = 0

    @property
    def spent(self) -> int:
        return self.usage.prompt_tokens + self.usage.completion_tokens


@dataclass
class _CallState:
    """What happened during one ``ask``: fed by instructor hooks, read by the retry predicates."""

    label: str
    requests: int = 0
    last_event: Literal["none", "response", "error"] = "none"
    last_response_ok: bool = False
    reserved: int = 0
    budget_refused: bool = False
    truncated: bool = False  # the last answer used all of max_tokens, whatever finish_reason said
    reasks: int = 0
    scope: _Scope | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Failure:
    kind: str
    detail: str
    transient: bool
    status: int | None = None
    retry_after: float | None = None


class _AttemptFailed(Exception):
    """Internal carrier between one attempt and the transport retry loop; never escapes ask()."""

    def __init__(self, failure: _Failure) -> None:
        super().__init__(failure.detail)
        self.failure = failure


class _DropInstructorErrorLogs(logging.Filter):
    """instructor logs every failed API call at ERROR with ``str(exc)`` — the full response body.

    We report the same event as one sanitised LLMError, so those records are dropped (debug ones kept).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR


_instructor_log = logging.getLogger("instructor.v2.retry")
if not any(isinstance(f, _DropInstructorErrorLogs) for f in _instructor_log.filters):
    _instructor_log.addFilter(_DropInstructorErrorLogs())


class LLM:
    """Async client shared by all questions of a run; create once, ``await aclose()`` (or ``async with``)."""

    def __init__(self, config: LLMConfig | None = None, *, cache: Cache | None = None) -> None:
        self.config = config or LLMConfig()
        self.usage = models.Usage(cost_usd=0.0 if self.config.backend == "local" else None)
        self._root = _Scope(usage=self.usage, budget=self.config.token_budget)
        self._scope: contextvars.ContextVar[_Scope | None] = contextvars.ContextVar(f"llm_scope_{id(self)}")
        self._owns_cache = cache is None and self.config.use_cache
        self._cache: Cache | None = (
            cache if cache is not None else (Cache(self.config.cache_path) if self.config.use_cache else None)
        )
        self._server: Any = None  # summarizer.local.LocalServer, imported lazily
        self._start_failure: LLMError | None = None
        self._openai: openai.AsyncOpenAI | None = None
        self._instructor: instructor.AsyncInstructor | None = None
        self._init_lock: Any = None
        self._sem: Any = None
        self._gguf: Path | None = None

    # ----------------------------------------------------------------- identity / provenance
    @property
    def model_name(self) -> str:
        """The model asked, for provenance (the local server serves the GGUF under this alias)."""
        return self.config.model_name

    def _endpoint(self) -> str:
        """A stable, credential-free name of where requests go (the local server's port is not stable)."""
        if self.config.backend == "local":
            gguf = self._local_model_path()
            return f"local:{gguf.name}:{gguf.stat().st_size}:{self.config.chat_format or 'gguf-template'}"
        url = self.config.base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_OPENAI_URL
        return _strip_credentials(url)

    def describe(self) -> dict[str, str]:
        """Backend, model, endpoint (no credentials) and mode, for ``Provenance``."""
        return {
            "backend": self.config.backend,
            "model": self.model_name,
            "endpoint": self._endpoint(),
            "mode": self.config.mode,
        }

    def __repr__(self) -> str:
        try:
            endpoint = self._endpoint()
        except LLMError:
            endpoint = "unavailable"
        return f"LLM(backend={self.config.backend!r}, model={self.model_name!r}, endpoint={endpoint!r})"

    def _local_model_path(self) -> Path:
        if self._gguf is None:
            from summarizer.local import LocalServerError, find_gguf

            try:
                self._gguf = find_gguf(self.config.model_path)
            except LocalServerError as exc:
                raise LLMError(str(exc), kind="local_server") from None
        return self._gguf

    # ----------------------------------------------------------------- document scope
    @contextlib.contextmanager
    def document(self, token_budget: int | None = None) -> Iterator[models.Usage]:
        """Account (and cap) the calls made inside this block separately, e.g. one bulletin.

        Uses a context variable, so ``asyncio`` tasks started inside the block belong to it and
        several documents can be processed concurrently. Totals still go to :attr:`usage`.
        ``token_budget`` defaults to ``config.token_budget``.
        """
        budget = token_budget if token_budget is not None else self.config.token_budget
        scope = _Scope(usage=models.Usage(cost_usd=0.0 if self.config.backend == "local" else None), budget=budget)
        token = self._scope.set(scope)
        try:
            yield scope.usage
        finally:
            self._scope.reset(token)

    def _current_scope(self) -> _Scope:
        return self._scope.get(None) or self._root

    def _scopes(self) -> list[_Scope]:
        scope = self._current_scope()
        return [scope] if scope is self._root else [scope, self._root]

    # ----------------------------------------------------------------- public API
    async def ask(
        self,
        prompt: Prompt,
        response_model: type[T],
        /,
        *,
        grounding_check: Callable[[T], str | None] | None = None,
        **variables: Any,
    ) -> T:
        """Ask one narrow question; returns a validated ``response_model`` instance.

        ``variables`` fill the prompt template. ``grounding_check`` may inspect the answer and return a
        reason it is not supported by the text; the model is then asked once more with that reason,
        and the second answer is returned whatever it says (grounding proper happens downstream).
        Raises :class:`LLMError` (one line, no secrets) or :class:`BudgetExceeded`.
        """
        messages = prompt.render(**variables)
        key = self._cache_key(prompt, response_model, messages, grounding_check) if self._cache is not None else ""
        if self._cache is not None:
            hit = self._cache.get(key)
            if hit is not None:
                try:
                    value = response_model.model_validate(hit["response"])
                except (KeyError, TypeError, PydanticValidationError):
                    value = None
                if value is not None:
                    for scope in self._scopes():
                        scope.usage.cached_calls += 1
                    return value

        state = _CallState(label=prompt.label)
        result = await self._ask_model(state, response_model, messages)
        if grounding_check is not None:
            reason = grounding_check(result)
            if reason:
                state.extra["grounding_reason"] = reason
                follow_up = [
                    *messages,
                    {
                        "role": "user",
                        "content": (
                            f"Your previous answer was:\n{result.model_dump_json()}\n"
                            f"It is not supported by the text: {reason}\n"
                            "Answer again using only what the text says."
                        ),
                    },
                ]
                result = await self._ask_model(state, response_model, follow_up)
        if self._cache is not None:
            try:
                self._cache.put(
                    key,
                    {
                        "response": result.model_dump(mode="json"),
                        "model": self.model_name,
                        "prompt": prompt.label,
                        "requests": state.requests,
                    },
                )
            except CacheError as exc:  # the answer is paid for; losing the cache entry is not fatal
                log.warning("%s: not cached: %s", prompt.label, exc)
        return result

    async def aclose(self) -> None:
        """Close the HTTP client, stop the local server (if started) and close the cache."""
        if self._openai is not None:
            with contextlib.suppress(Exception):
                await self._openai.close()
        self._openai = None
        self._instructor = None
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._cache is not None and self._owns_cache:
            self._cache.close()

    async def __aenter__(self) -> LLM:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    @property
    def server(self) -> Any:
        """The running ``LocalServer`` (local backend, after the first uncached call), else None."""
        return self._server

    # ----------------------------------------------------------------- cache key
    def _cache_key(
        self,
        prompt: Prompt,
        response_model: type[BaseModel],
        messages: list[dict[str, str]],
        grounding_check: Callable[..., Any] | None,
    ) -> str:
        """Hash of everything that shapes the answer; any change means a miss, never a stale hit."""
        schema = _schema(response_model)
        material = {
            "format": CACHE_FORMAT,
            "model": self.model_name,
            "endpoint": self._endpoint(),
            "prompt": prompt.sha256,
            "schema": hashlib.sha256(schema.encode()).hexdigest(),
            "params": {
                "mode": self.config.mode,
                "temperature": self.config.temperature,
                "max_tokens": self.config.max_tokens,
            },
            "grounding": _callable_name(grounding_check),
            "messages": messages,
        }
        text = json.dumps(material, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    # ----------------------------------------------------------------- client
    async def _client(self) -> instructor.AsyncInstructor:
        """Create the client on first need: reads the key, or starts the local server, only then."""
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
                with contextlib.suppress(Exception):
                    await self._openai.close()  # type: ignore[union-attr]
                self._server.stop()
                self._server = self._openai = self._instructor = None
            import instructor
            import openai

            http_client = None
            if self.config.backend == "local":
                from summarizer.local import LocalServer, LocalServerError

                server = LocalServer(
                    self._local_model_path(),
                    n_ctx=self.config.n_ctx,
                    n_threads=self.config.n_threads,
                    chat_format=self.config.chat_format,
                    model_alias=self.model_name,
                    startup_timeout=self.config.startup_timeout,
                )
                self._server = server  # before starting, so aclose() stops it even mid-start
                try:
                    base_url = await server.astart()
                except LocalServerError as exc:
                    self._server = None
                    # a server that cannot start will not start for the next question either
                    self._start_failure = LLMError(str(exc), kind="local_server")
                    raise self._start_failure from None
                log.info("local model server ready at %s in %.1fs", base_url, server.startup_seconds or 0.0)
                api_key = "local"
            else:
                api_key = os.environ.get("OPENAI_API_KEY", "")
                if not api_key:
                    raise LLMError("OPENAI_API_KEY is not set (needed for uncached calls)", kind="auth")
                base_url = self.config.base_url
            if base_url and (urlsplit(base_url).hostname or "") in {"127.0.0.1", "localhost", "::1"}:
                http_client = openai.DefaultAsyncHttpxClient(trust_env=False)  # loopback never via a proxy
            self._openai = openai.AsyncOpenAI(
                api_key=api_key,
                base_url=base_url,
                timeout=self.config.timeout,
                max_retries=0,  # transport retries are ours: one policy, counted, logged without bodies
                http_client=http_client,
            )
            self._instructor = instructor.from_openai(self._openai, mode=instructor.Mode[self.config.mode.upper()])
            return self._instructor

    # ----------------------------------------------------------------- one logical question
    async def _ask_model(self, state: _CallState, response_model: type[T], messages: list[dict[str, str]]) -> T:
        """Transport retry loop around one instructor call (which does its own validation re-asks)."""
        if self._sem is None:
            # llama.cpp's server runs one completion at a time; queueing there would make requests time
            # out while merely waiting, and a timed-out request is still computed. So queue here.
            limit = 1 if self.config.backend == "local" else self.config.concurrency
            self._sem = asyncio.Semaphore(limit)
        estimate = self._estimate_prompt_tokens(messages, response_model)
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.config.max_retries + 1),
            wait=self._transport_wait,
            retry=retry_if_exception(lambda exc: isinstance(exc, _AttemptFailed) and exc.failure.transient),
            before_sleep=lambda retry_state: self._log_retry(state.label, retry_state),
            reraise=True,
        )
        attempts = 0
        try:
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    client = await self._client()  # per attempt: restarts a crashed local server
                    async with self._sem:
                        return await self._attempt(client, state, response_model, messages, estimate)
        except _AttemptFailed as exc:
            failure = exc.failure
            cls = BudgetExceeded if failure.kind == "budget" else LLMError
            suffix = f" after {attempts} attempt{'s' if attempts != 1 else ''}" if failure.transient else ""
            raise cls(
                f"{state.label}: {failure.detail}{suffix}",
                kind=failure.kind,
                status=failure.status,
                attempts=attempts,
                prompt=state.label,
            ) from None
        raise LLMError(f"{state.label}: no attempt was made", prompt=state.label)  # pragma: no cover

    async def _attempt(
        self,
        client: instructor.AsyncInstructor,
        state: _CallState,
        response_model: type[T],
        messages: list[dict[str, str]],
        estimate: int,
    ) -> T:
        """One instructor call: first request plus up to ``max_reasks`` validation re-asks."""
        self._reserve(state, estimate + self.config.max_tokens)  # raises _AttemptFailed(budget)
        from instructor.core.hooks import Hooks

        state.last_event = "none"
        state.last_response_ok = False
        hooks = Hooks()
        hooks.on("completion:response", lambda response, *a, **k: self._on_response(state, response))
        hooks.on("completion:error", lambda error, *a, **k: self._on_error(state))

        def may_reask(exc: BaseException) -> bool:
            # Only an answer that arrived and failed validation is worth re-asking (with the validation
            # error as feedback). Anything raised by the HTTP call itself goes to the transport loop.
            return (
                isinstance(exc, _reaskable())
                and state.last_event == "response"
                and state.last_response_ok
                and not state.truncated  # the same max_tokens would cut the answer again
            )

        def reask_budget(retry_state: RetryCallState) -> bool:
            # Called only when a re-ask is about to happen: reserve its worst case or stop.
            grown = estimate + retry_state.attempt_number * (self.config.max_tokens + 200)
            try:
                self._reserve(state, grown + self.config.max_tokens)
            except _AttemptFailed:
                state.budget_refused = True
                return True
            state.reasks += 1
            return False

        reasks = AsyncRetrying(
            stop=stop_after_attempt(self.config.max_reasks + 1) | reask_budget,
            retry=retry_if_exception(may_reask),
            reraise=True,
        )
        try:
            result, _completion = await client.chat.completions.create_with_completion(
                model=self.model_name,
                messages=[dict(m) for m in messages],  # instructor appends re-ask turns in place
                response_model=response_model,
                max_retries=reasks,
                hooks=hooks,
                max_tokens=self.config.max_tokens,
                temperature=self.config.temperature,
            )
        except Exception as exc:  # CancelledError/KeyboardInterrupt are BaseException and pass through
            raise _AttemptFailed(self._classify(exc, state)) from None
        finally:
            self._release(state)
        if type(result) is not response_model:
            # instructor returns its own subclass carrying the raw completion; hand back the plain type
            # (equality, pickling, no reference to the HTTP response), as a cache hit would.
            result = response_model.model_validate(result.model_dump())
        return result

    # ----------------------------------------------------------------- hooks: usage accounting
    def _on_response(self, state: _CallState, response: Any) -> None:
        self._release(state)
        self._count_request(state)
        state.last_event = "response"
        from openai.types.chat import ChatCompletion

        state.last_response_ok = isinstance(response, ChatCompletion) and bool(response.choices)
        usage = getattr(response, "usage", None)
        prompt_tokens = int(getattr(usage, "prompt_tokens", 0) or 0)
        completion_tokens = int(getattr(usage, "completion_tokens", 0) or 0)
        # llama.cpp's server reports finish_reason="tool_calls" for a reply cut off at max_tokens, so
        # instructor sees a parse error, not IncompleteOutputException: recognise the cut by its length.
        state.truncated = completion_tokens >= self.config.max_tokens
        cost = self._cost(prompt_tokens, completion_tokens)
        for scope in self._scopes():
            scope.usage.prompt_tokens += prompt_tokens
            scope.usage.completion_tokens += completion_tokens
            if cost is not None:
                scope.usage.cost_usd = (scope.usage.cost_usd or 0.0) + cost

    def _on_error(self, state: _CallState) -> None:
        self._release(state)
        self._count_request(state)
        state.last_event = "error"
        state.last_response_ok = False

    def _count_request(self, state: _CallState) -> None:
        for scope in self._scopes():
            scope.usage.calls += 1
            if state.requests:
                scope.usage.retries += 1
        state.requests += 1

    def _cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        if self.config.backend == "local":
            return 0.0
        price = self.config.prices.get(self.model_name)
        if price is None:
            return None
        return (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000

    # ----------------------------------------------------------------- budget
    def _estimate_prompt_tokens(self, messages: list[dict[str, str]], response_model: type[BaseModel]) -> int:
        """Over-estimate of prompt tokens (messages + the tool schema instructor sends); no tokenizer needed."""
        chars = len(json.dumps(messages, ensure_ascii=False)) + len(_schema(response_model))
        return chars // _CHARS_PER_TOKEN + 16

    def _reserve(self, state: _CallState, need: int) -> None:
        """Refuse a request whose worst case could take the document past its budget; else book it.

        Booking (not just checking) matters with concurrency: ten questions of one document that
        start together must not each see the same unspent budget.
        """
        self._release(state)
        scope = self._current_scope()  # the document's budget; the run total has none of its own
        if scope.budget is not None and scope.spent + scope.reserved + need > scope.budget:
            raise _AttemptFailed(
                _Failure(
                    kind="budget",
                    detail=(
                        f"token budget exceeded: {scope.spent} of {scope.budget} tokens spent, "
                        f"next request may need up to {need}"
                    ),
                    transient=False,
                )
            )
        scope.reserved += need
        state.reserved = need
        state.scope = scope

    def _release(self, state: _CallState) -> None:
        if state.reserved and state.scope is not None:
            state.scope.reserved = max(0, state.scope.reserved - state.reserved)
        state.reserved = 0

    # ----------------------------------------------------------------- failures
    def _classify(self, exc: Exception, state: _CallState) -> _Failure:
        """Map whatever instructor/openai raised to a kind, a safe one-line detail, and retryability."""
        import openai
        from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

        if isinstance(exc, _AttemptFailed):
            return exc.failure
        if state.budget_refused:
            return _Failure("budget", "token budget exceeded before a validation re-ask", transient=False)
        if isinstance(exc, IncompleteOutputException):
            return self._truncated("finish_reason=length")
        root: BaseException = exc
        if isinstance(exc, InstructorRetryException) and exc.__cause__ is not None:
            root = exc.__cause__
        if isinstance(root, IncompleteOutputException):
            return self._classify(root, state)
        if isinstance(root, openai.APITimeoutError):
            return _Failure("timeout", f"request timed out after {self.config.timeout:g}s", transient=True)
        if isinstance(root, openai.APIConnectionError):
            if self._server is not None and not self._server.running:
                # the next attempt's _client() starts a fresh server
                return _Failure("local_server", "the local model server has exited", transient=True)
            return _Failure("connection", "connection error", transient=True)
        if isinstance(root, openai.APIStatusError):
            return _status_failure(root, self.config.retry_after_max)
        if (
            isinstance(root, openai.APIResponseValidationError)
            or (state.last_event == "error" and isinstance(root, (json.JSONDecodeError, UnicodeDecodeError)))
            or (state.last_event == "response" and not state.last_response_ok)
        ):
            return _Failure("malformed", "malformed response body from the server", transient=True)
        if isinstance(root, _reaskable()):
            if state.truncated:
                return self._truncated("all completion tokens used")
            return _Failure(
                "invalid_output",
                f"output failed validation after {max(state.reasks + 1, 1)} answer(s): {_short_error(root)}",
                transient=False,
            )
        if isinstance(root, AssertionError) and "Unable to generate" in str(root):
            return _Failure("refused", "the model refused to answer", transient=False)
        return _Failure("unexpected", f"unexpected {type(root).__name__}", transient=False)

    def _truncated(self, evidence: str) -> _Failure:
        return _Failure(
            "truncated", f"output truncated ({evidence} at max_tokens={self.config.max_tokens})", transient=False
        )

    def _transport_wait(self, retry_state: RetryCallState) -> float:
        """Server-directed delay when given (capped), else exponential back-off with jitter."""
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        if isinstance(exc, _AttemptFailed) and exc.failure.retry_after is not None:
            return min(max(exc.failure.retry_after, 0.0), self.config.retry_after_max) + random.uniform(0, 0.05)
        backoff = wait_exponential_jitter(
            initial=self.config.backoff_initial,
            max=self.config.backoff_max,
            jitter=self.config.backoff_initial,
        )
        return float(backoff(retry_state))

    def _log_retry(self, label: str, retry_state: RetryCallState) -> None:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        detail = exc.failure.detail if isinstance(exc, _AttemptFailed) else type(exc).__name__
        wait = retry_state.next_action.sleep if retry_state.next_action is not None else 0.0
        log.warning(
            "%s: %s; retrying in %.1fs (attempt %d of %d)",
            label,
            detail,
            wait,
            retry_state.attempt_number + 1,
            self.config.max_retries + 1,
        )


# --------------------------------------------------------------------- helpers
@functools.cache
def _schema(response_model: type[BaseModel]) -> str:
    """The model's JSON Schema as canonical text: pydantic rebuilds it on every call otherwise."""
    return json.dumps(response_model.model_json_schema(), sort_keys=True)


def _reaskable() -> tuple[type[BaseException], ...]:
    """Output problems instructor may re-ask about (only after a real completion arrived, see _CallState)."""
    from instructor.core.exceptions import ResponseParsingError

    return (PydanticValidationError, json.JSONDecodeError, ResponseParsingError)


def _status_failure(exc: openai.APIStatusError, retry_after_max: float) -> _Failure:
    status = int(exc.status_code)
    headers = exc.response.headers if exc.response is not None else {}
    retry_after = _retry_after_seconds(headers)
    if status == 429:
        return _Failure("rate_limited", "HTTP 429 rate limited", transient=True, status=status, retry_after=retry_after)
    if status >= 500 or status in _RETRYABLE_STATUS:
        return _Failure("server", f"HTTP {status} from the server", transient=True, status=status)
    names = {400: "bad request", 401: "unauthorized (check OPENAI_API_KEY)", 403: "forbidden", 404: "not found"}
    return _Failure("http", f"HTTP {status} {names.get(status, 'error')}", transient=False, status=status)


def _retry_after_seconds(headers: Any) -> float | None:
    """``retry-after-ms`` or ``retry-after`` (seconds or HTTP date), as the OpenAI SDK reads them."""
    import email.utils
    import time

    try:
        ms = headers.get("retry-after-ms")
        if ms is not None:
            return float(ms) / 1000
    except (TypeError, ValueError, AttributeError):
        pass
    value = headers.get("retry-after") if hasattr(headers, "get") else None
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        pass
    try:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return float(email.utils.mktime_tz(parsed) - time.time())
    except (TypeError, ValueError, OverflowError):
        return None


def _short_error(exc: BaseException) -> str:
    """First validation problem without the offending input (which may be long model output)."""
    if isinstance(exc, PydanticValidationError):
        errors = exc.errors(include_url=False, include_input=False, include_context=False)
        if errors:
            first = errors[0]
            loc = ".".join(str(p) for p in first.get("loc", ())) or "value"
            more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
            return f"{loc}: {first.get('msg', 'invalid')}{more}"
    if isinstance(exc, json.JSONDecodeError):
        return "answer is not valid JSON"
    return type(exc).__name__


def _strip_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))


def _callable_name(func: Callable[..., Any] | None) -> str | None:
    if func is None:
        return None
    module = getattr(func, "__module__", "") or ""
    name = getattr(func, "__qualname__", None) or type(func).__qualname__
    return f"{module}.{name}"


_WS = re.compile(r"\s+")


def _one_line(message: str) -> str:
    """Collapse whitespace and mask the API key, whatever produced the text."""
    text = _WS.sub(" ", message).strip()
    key = os.environ.get("OPENAI_API_KEY", "")
    if len(key) >= 8:
        text = text.replace(key, "[redacted]")
    return text[:500]
