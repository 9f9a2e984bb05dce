"""One question end to end: the cache, the transport retry loop, instructor's validation re-asks.

Two retry loops, on purpose:

* *transport* retries (429 honouring ``Retry-After``, 5xx, timeouts, connection errors, malformed bodies) are
  done here with tenacity, around instructor, re-sending the *same* messages;
* *validation* re-asks (the model's output did not fit the schema) are instructor's ``max_retries``, which
  append the validation error to the conversation.

instructor 1.17 (``instructor/v2/core/retry.py``) only re-asks on parse errors, but it retries *any*
``json.JSONDecodeError`` — including one raised by the SDK while reading a truncated HTTP body — and a future
version could widen that. So instructor gets our own ``AsyncRetrying`` whose predicate allows a re-ask only
after a real completion arrived (tracked with instructor hooks); API errors are never turned into prompt text.
``finish_reason == "length"`` is a failure of its own ("output truncated"), never re-asked: re-asking a
too-long answer at the same ``max_tokens`` just pays for the same truncation again.

tenacity, like the providers, is imported on the first uncached question: a cached re-run never pays for it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from ..cache import Cache, CacheError
from .failures import AttemptFailed, BudgetExceeded, Failure, LLMError, classify, reaskable
from .ledger import CallState, Ledger, schema_text

if TYPE_CHECKING:
    import instructor
    from tenacity import RetryCallState

    from ..templates import Prompt
    from .client import Connection
    from .config import LLMConfig

__all__ = ["CACHE_FORMAT", "AskLoop"]

log = logging.getLogger(__package__)

T = TypeVar("T", bound=BaseModel)

CACHE_FORMAT = 1  # bump when the cached value layout or key recipe changes
CONNECT_BACKOFF_MAX = 1.0  # seconds between attempts to connect to an endpoint that refused


class AskLoop:
    """Turns one prompt into one validated answer, through the cache or the model, counted in the ledger."""

    def __init__(self, config: LLMConfig, ledger: Ledger, connection: Connection, cache: Cache | None) -> None:
        self.config = config
        self.ledger = ledger
        self.connection = connection
        self.cache = cache
        self._sem: asyncio.Semaphore | None = None
        self._dead: str | None = None  # why the endpoint is known unreachable, once a question found it so

    @property
    def dead(self) -> str | None:
        """Why the endpoint is known unreachable, once a question spent its retries failing to connect."""
        return self._dead

    async def ask(
        self,
        prompt: Prompt,
        response_model: type[T],
        grounding_check: Callable[[T], str | None] | None,
        variables: dict[str, Any],
    ) -> T:
        """See :meth:`summarizer.llm.LLM.ask`."""
        messages = prompt.render(**variables)
        key = self._cache_key(prompt, response_model, messages, grounding_check) if self.cache is not None else ""
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                try:
                    value = response_model.model_validate(hit["response"])
                except (KeyError, TypeError, PydanticValidationError):
                    value = None
                if value is not None:
                    log.info("%s: cache hit", prompt.label)
                    self.ledger.count_cached()
                    return value

        state = CallState(label=prompt.label)
        result = await self._ask_model(state, response_model, messages)
        if grounding_check is not None:
            reason = grounding_check(result)
            if reason:
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
        if self.cache is not None:
            try:
                self.cache.put(
                    key,
                    {
                        "response": result.model_dump(mode="json"),
                        "model": self.config.model_name,
                        "prompt": prompt.label,
                        "requests": state.requests,
                    },
                )
            except CacheError as exc:  # the answer is paid for; losing the cache entry is not fatal
                log.warning("%s: not cached: %s", prompt.label, exc)
        return result

    def _cache_key(
        self,
        prompt: Prompt,
        response_model: type[BaseModel],
        messages: list[dict[str, str]],
        grounding_check: Callable[..., Any] | None,
    ) -> str:
        """Hash of everything that shapes the answer; any change means a miss, never a stale hit."""
        material = {
            "format": CACHE_FORMAT,
            "model": self.config.model_name,
            "endpoint": self.connection.endpoint(),
            "prompt": prompt.sha256,
            "schema": hashlib.sha256(schema_text(response_model).encode()).hexdigest(),
            "params": {
                "mode": self.config.output_mode,
                "temperature": self.config.temperature,
                "max_tokens": self.config.max_tokens,
            },
            "grounding": _callable_name(grounding_check),
            "messages": messages,
        }
        text = json.dumps(material, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    # ----------------------------------------------------------------- transport retries
    async def _ask_model(self, state: CallState, response_model: type[T], messages: list[dict[str, str]]) -> T:
        """Transport retry loop around one instructor call (which does its own validation re-asks)."""
        from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

        if self._sem is None:
            # llama.cpp's server runs one completion at a time; queueing there would make requests time
            # out while merely waiting, and a timed-out request is still computed. So queue here.
            limit = 1 if self.config.backend == "local" else self.config.concurrency
            self._sem = asyncio.Semaphore(limit)
        estimate = self.ledger.estimate_prompt_tokens(messages, response_model)
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.config.max_retries + 1),
            wait=self._transport_wait,
            retry=retry_if_exception(lambda exc: isinstance(exc, AttemptFailed) and exc.failure.transient),
            before_sleep=lambda retry_state: self._log_retry(state.label, retry_state),
            reraise=True,
        )
        attempts = 0
        try:
            async for attempt in retrying:
                with attempt:
                    if self._dead is not None:  # known dead since: fail now, as the question that found it did
                        raise AttemptFailed(Failure("connect", self._dead, transient=False))
                    attempts += 1
                    client = await self.connection.get()  # per attempt: restarts a crashed local server
                    async with self._sem:
                        return await self._attempt(client, state, response_model, messages, estimate)
        except AttemptFailed as exc:
            failure = exc.failure
            cls = BudgetExceeded if failure.kind == "budget" else LLMError
            suffix = f" after {attempts} attempt{'s' if attempts != 1 else ''}" if failure.transient else ""
            if failure.kind == "connect" and self._dead is None:
                # Every attempt of a question failed to connect: the endpoint is down, and every other
                # question would spend the same retries and back-off to learn it.
                self._dead = failure.detail + suffix
            raise cls(
                f"{state.label}: {failure.detail}{suffix}",
                kind=failure.kind,
                status=failure.status,
                attempts=attempts,
                prompt=state.label,
            ) from None
        raise LLMError(f"{state.label}: no attempt was made", prompt=state.label)  # pragma: no cover

    def _transport_wait(self, retry_state: RetryCallState) -> float:
        """Server-directed delay when given (capped), else exponential back-off with jitter."""
        from tenacity import wait_exponential_jitter

        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        if isinstance(exc, AttemptFailed) and exc.failure.retry_after is not None:
            return min(max(exc.failure.retry_after, 0.0), self.config.retry_after_max) + random.uniform(0, 0.05)
        refused = isinstance(exc, AttemptFailed) and exc.failure.kind == "connect"
        backoff = wait_exponential_jitter(
            initial=self.config.backoff_initial,
            # nothing was sent, so nothing is overloaded: a restarting server is back soon or not at all
            max=min(self.config.backoff_max, CONNECT_BACKOFF_MAX) if refused else self.config.backoff_max,
            jitter=self.config.backoff_initial,
        )
        return float(backoff(retry_state))

    def _log_retry(self, label: str, retry_state: RetryCallState) -> None:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        detail = exc.failure.detail if isinstance(exc, AttemptFailed) else type(exc).__name__
        wait = retry_state.next_action.sleep if retry_state.next_action is not None else 0.0
        log.warning(
            "%s: %s; retrying in %.1fs (attempt %d of %d)",
            label,
            detail,
            wait,
            retry_state.attempt_number + 1,
            self.config.max_retries + 1,
        )

    # ----------------------------------------------------------------- one instructor call, validation re-asks
    async def _attempt(
        self,
        client: instructor.AsyncInstructor,
        state: CallState,
        response_model: type[T],
        messages: list[dict[str, str]],
        estimate: int,
    ) -> T:
        """One instructor call: first request plus up to ``max_reasks`` validation re-asks."""
        from instructor.core.hooks import Hooks
        from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

        self.ledger.reserve(state, estimate + self.config.max_tokens)  # raises AttemptFailed(budget)
        state.last_event = "none"
        state.last_response_ok = False
        hooks = Hooks()
        hooks.on("completion:response", lambda response, *a, **k: self.ledger.on_response(state, response))
        hooks.on("completion:error", lambda error, *a, **k: self.ledger.on_error(state))

        def may_reask(exc: BaseException) -> bool:
            # Only an answer that arrived and failed validation is worth re-asking (with the validation
            # error as feedback). Anything raised by the HTTP call itself goes to the transport loop.
            return (
                isinstance(exc, reaskable())
                and state.last_event == "response"
                and state.last_response_ok
                and not state.truncated  # the same max_tokens would cut the answer again
            )

        def reask_budget(retry_state: RetryCallState) -> bool:
            # Called only when a re-ask is about to happen: reserve its worst case or stop.
            grown = estimate + retry_state.attempt_number * (self.config.max_tokens + 200)
            try:
                self.ledger.reserve(state, grown + self.config.max_tokens)
            except AttemptFailed:
                state.budget_refused = True
                return True
            state.reasks += 1
            return False

        reasks = AsyncRetrying(
            stop=stop_after_attempt(self.config.max_reasks + 1) | reask_budget,  # type: ignore[operator]  # any callable stops
            retry=retry_if_exception(may_reask),
            reraise=True,
        )
        try:
            result, _completion = await client.chat.completions.create_with_completion(
                model=self.config.model_name,
                messages=[dict(m) for m in messages],  # type: ignore[misc]  # a copy: instructor appends re-asks in place
                response_model=response_model,
                max_retries=reasks,
                hooks=hooks,
                max_tokens=self.config.max_tokens,
                temperature=self.config.temperature,
            )
        except Exception as exc:  # CancelledError/KeyboardInterrupt are BaseException and pass through
            raise AttemptFailed(
                classify(exc, state, self.config, server_exited=self.connection.server_exited)
            ) from None
        finally:
            self.ledger.release(state)
        if type(result) is not response_model:
            # instructor returns its own subclass carrying the raw completion; hand back the plain type
            # (equality, pickling, no reference to the HTTP response), as a cache hit would.
            result = response_model.model_validate(result.model_dump())
        return result


def _callable_name(func: Callable[..., Any] | None) -> str | None:
    """A grounding check's stable name for the cache key (its identity would change every run)."""
    if func is None:
        return None
    module = getattr(func, "__module__", "") or ""
    name = getattr(func, "__qualname__", None) or type(func).__qualname__
    return f"{module}.{name}"
